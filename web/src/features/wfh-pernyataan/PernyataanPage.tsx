import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatTanggal } from '@sigap/domain';
import type { BagianPernyataan } from '@sigap/domain/api/pernyataan';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { pesanGalat } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import {
  drafPernyataan,
  type Pernyataan,
  pdfPernyataan,
  usePernyataanSaya,
  useTandaTangan,
} from './pernyataan.api';

// The stay-home statement (docs/wfh.md §2): the person reads the statement each policy asks of them, ticks
// that they have read it and signs; a signed one is downloaded as a PDF with the letterhead.

function Surat({ b }: { b: BagianPernyataan }) {
  return (
    <Stack gap="xs" data-testid="pn-teks" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
      <Text fw={700} ta="center" td="underline">
        {b.judul}
      </Text>
      <Text ta="center" size="sm">
        {b.subjudul}
      </Text>
      <Text size="sm">{b.pembuka}</Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {b.identitas.map(([l, v]) => (
            <Table.Tr key={l}>
              <Table.Td w={110} style={{ verticalAlign: 'top' }}>
                {l}
              </Table.Td>
              <Table.Td data-testid="pn-identitas">{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" style={{ textAlign: 'justify' }}>
        {b.menyatakan}
      </Text>
      <List type="ordered" size="sm" spacing={4}>
        {b.butir.map((x) => (
          <List.Item key={x}>{x}</List.Item>
        ))}
      </List>
      <Text size="sm">{b.sanksi}</Text>
      <Text size="sm">{b.penutup}</Text>
      <Text size="sm" ta="right">
        {b.tempat_tanggal}
      </Text>
    </Stack>
  );
}

function Kartu({ p }: { p: Pernyataan }) {
  const { t, lang } = useI18n();
  const [setuju, setSetuju] = useState(false);
  const [perangkat, setPerangkat] = useState('');
  // One idempotency key per statement shown: a repeated tap (or a retry after a lost answer) signs once.
  const [idKlien] = useState(() => crypto.randomUUID());
  const tanda = useTandaTangan();
  const tt = p.tanda_tangan;
  const kirim = () =>
    tanda.mutate(
      {
        kebijakan_id: p.kebijakan_id,
        versi: p.versi,
        setuju: true,
        id_klien: idKlien,
        ...(perangkat.trim() ? { perangkat: perangkat.trim() } : {}),
      },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('pn.berhasil') }),
        onError: (e) => notifications.show({ color: 'red', message: pesanGalat(e) }),
      },
    );
  return (
    <Card withBorder padding="md" data-testid="pn-kartu" data-kebijakan={`${p.kebijakan_id}@${p.versi}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={600} size="sm">
              {p.judul}
            </Text>
            <Text size="xs" c="dimmed">
              {t('pn.nomor', { nomor: p.nomor, versi: p.versi })}
            </Text>
          </Stack>
          <Badge
            color={tt ? 'green' : 'orange'}
            variant="light"
            data-testid="pn-status"
            data-status={tt ? 'sudah' : 'belum'}
          >
            {tt ? t('pn.sudah') : t('pn.belum')}
          </Badge>
        </Group>
        {p.hari_wfh.length > 0 ? (
          <Text size="xs" c="dimmed" data-testid="pn-hari">
            {t('pn.hariWfh', { hari: p.hari_wfh.map((d) => formatTanggal(d, lang, false)).join(', ') })}
          </Text>
        ) : null}
        <Surat b={lang === 'en' ? p.teks.en : p.teks.id} />
        {tt ? (
          <Alert color="green" variant="light" data-testid="pn-ditandatangani">
            <Stack gap={4}>
              <Text size="sm">{t('pn.ditandatanganiPada', { waktu: tt.waktu_lokal })}</Text>
              <Text size="xs" ff="monospace" data-testid="pn-kode">
                {t('pn.kode', { kode: tt.kode_verifikasi })}
              </Text>
              <Button
                component="a"
                href={pdfPernyataan(tt.id)}
                download
                size="sm"
                variant="light"
                data-testid="pn-pdf"
              >
                {t('pn.unduhPdf')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Stack gap="xs">
            <TextInput
              label={t('pn.perangkat')}
              description={t('pn.perangkatBantuan')}
              value={perangkat}
              maxLength={100}
              onChange={(e) => setPerangkat(e.currentTarget.value)}
              data-testid="pn-perangkat"
            />
            <Checkbox
              label={t('pn.setuju')}
              checked={setuju}
              onChange={(e) => setSetuju(e.currentTarget.checked)}
              data-testid="pn-setuju"
            />
            <Button
              onClick={kirim}
              disabled={!setuju}
              loading={tanda.isPending}
              data-testid="pn-tandatangani"
            >
              {t('pn.tandatangani')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** /pernyataan: "Surat pernyataan WFH" for a person linked to an employee record. */
export function PernyataanPage() {
  const { t } = useI18n();
  const q = usePernyataanSaya();
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>{t('pn.judul')}</Title>
      <Text c="dimmed" size="sm">
        {t('pn.bantuan')}
      </Text>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? <Loading /> : null}
      {q.data && q.data.pernyataan.length === 0 ? (
        <Alert color="gray" data-testid="pn-kosong">
          {t('pn.kosong')}
        </Alert>
      ) : null}
      {q.data?.pernyataan.map((p) => (
        <Kartu key={`${p.kebijakan_id}@${p.versi}`} p={p} />
      ))}
    </Stack>
  );
}
