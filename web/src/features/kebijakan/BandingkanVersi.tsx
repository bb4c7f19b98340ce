import { Alert, Badge, Box, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type Aturan, bandingkanVersi, type Kebijakan, uraikanAturan, uraikanBerlaku } from '@sigap/domain';
import { type ReactNode, useMemo } from 'react';
import { stringify } from 'yaml';
import { fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { VersiKebijakan } from '../../lib/types';
import { AturanItem, StatusBadge } from './bagian';
import { yangBerubah } from './dokumen';

/** A value of a change: text as is, a whole rule in plain words, anything else as YAML. */
function nilai(
  jalur: string,
  v: unknown,
  kosong: string,
  pick: (p: { id: string; en: string }) => string,
): string {
  if (v === undefined || v === null) return kosong;
  if (typeof v === 'string') return v;
  if (/^aturan\[[^\]]+\]$/.test(jalur) && typeof v === 'object' && 'hasil' in v) {
    const a = v as Aturan;
    return `${a.judul} — ${pick(uraikanAturan(a))}`;
  }
  if (typeof v !== 'object') return String(v);
  return stringify(v, { lineWidth: 0, flowCollectionPadding: true }).trimEnd();
}

function Baris({ label, children, berubah }: { label: string; children: ReactNode; berubah: boolean }) {
  return (
    <Box className={berubah ? 'sigap-berubah' : undefined} data-berubah={berubah ? 'true' : undefined} py={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

/** One side of the comparison: the letter's main fields and its rules, with what changed marked. */
function Sisi({
  v,
  judul,
  fields,
  ruleStatus,
  testid,
}: {
  v: VersiKebijakan;
  judul: string;
  fields: ReadonlySet<string>;
  ruleStatus: (a: Aturan) => 'ditambah' | 'dihapus' | 'diubah' | undefined;
  testid: string;
}) {
  const { t, lang, pick } = useI18n();
  const k = v.dokumen;
  return (
    <Card withBorder padding="md" data-testid={testid} data-versi={v.versi}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={5}>
          {judul}: {t('kb.versiLabel', { v: v.versi })}
        </Title>
        <StatusBadge status={v.status} />
      </Group>
      <Stack gap={2} mb="sm">
        <Baris label={t('kb.kolom.judul')} berubah={fields.has('judul')}>
          {k.judul}
        </Baris>
        <Baris label={t('kb.nomor')} berubah={fields.has('nomor')}>
          {k.nomor}
        </Baris>
        <Baris label={t('kb.tanggal')} berubah={fields.has('tanggal')}>
          {fmtTanggal(k.tanggal, lang)}
        </Baris>
        <Baris label={t('kb.berlaku')} berubah={fields.has('berlaku')}>
          {pick(uraikanBerlaku(k))}
        </Baris>
        {(fields.has('cakupan') || fields.has('kedudukan')) && (
          <Baris label={`${t('kb.cakupan')} / ${t('kb.kedudukan')}`} berubah>
            {'opd' in k.cakupan ? k.cakupan.opd.join(', ') : t('kb.cakupanSemua')} · {k.kedudukan}
          </Baris>
        )}
        {(fields.has('dasar') || fields.has('fakta') || fields.has('penandatangan')) && (
          <Baris label={`${t('kb.penandatangan')} / ${t('kb.dasar')} / ${t('kb.fakta')}`} berubah>
            {k.penandatangan.jabatan} · {k.dasar.map((d) => d.nomor).join(', ') || '—'} · {k.fakta.length}
          </Baris>
        )}
      </Stack>
      <Box component="ol" className="sigap-aturan-list">
        {k.aturan.map((a, i) => (
          <AturanItem key={a.id} a={a} nomor={i + 1} status={ruleStatus(a)} />
        ))}
      </Box>
    </Card>
  );
}

/**
 * "Bandingkan dengan versi sebelumnya": two versions side by side, what changed highlighted (rules
 * matched by their id), the reason for the revision, and the change list field by field.
 */
export function BandingkanVersi({
  versi,
  lamaV,
  baruV,
  onPilih,
}: {
  versi: readonly VersiKebijakan[];
  lamaV: number;
  baruV: number;
  onPilih: (lama: number, baru: number) => void;
}) {
  const { t, pick } = useI18n();
  const lama = versi.find((v) => v.versi === lamaV);
  const baru = versi.find((v) => v.versi === baruV);
  const perubahan = useMemo(
    () => (lama && baru ? bandingkanVersi(lama.dokumen as Kebijakan, baru.dokumen as Kebijakan) : []),
    [lama, baru],
  );
  const { aturan: aturanBerubah, field } = useMemo(
    () => yangBerubah(perubahan.map((p) => p.jalur)),
    [perubahan],
  );
  if (versi.length < 2) {
    return (
      <Alert color="gray" data-testid="bandingkan-satu">
        {t('kb.bdg.satuVersi')}
      </Alert>
    );
  }
  if (!lama || !baru) return null;
  const idsLama = new Set(lama.dokumen.aturan.map((a) => a.id));
  const idsBaru = new Set(baru.dokumen.aturan.map((a) => a.id));
  const opsi = versi.map((v) => ({ value: String(v.versi), label: t('kb.versiLabel', { v: v.versi }) }));
  const kosong = t('kb.bdg.tidakAda');

  return (
    <Stack gap="md" data-testid="bandingkan">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('kb.bdg.lama')}
          data={opsi}
          value={String(lamaV)}
          onChange={(v) => v && onPilih(Number(v), baruV)}
          allowDeselect={false}
          w={150}
          data-testid="bandingkan-lama"
        />
        <Text pb={8}>→</Text>
        <Select
          label={t('kb.bdg.baru')}
          data={opsi}
          value={String(baruV)}
          onChange={(v) => v && onPilih(lamaV, Number(v))}
          allowDeselect={false}
          w={150}
          data-testid="bandingkan-baru"
        />
        <Badge
          size="lg"
          variant="light"
          color={perubahan.length ? 'yellow' : 'gray'}
          tt="none"
          mb={4}
          data-testid="bandingkan-jumlah"
        >
          {perubahan.length ? t('kb.bdg.jumlah', { n: perubahan.length }) : t('kb.bdg.sama')}
        </Badge>
      </Group>
      <Alert
        color={baru.dokumen.alasan_revisi ? 'blue' : 'gray'}
        title={t('kb.bdg.alasan', { v: baru.versi })}
        data-testid="bandingkan-alasan"
      >
        {baru.dokumen.alasan_revisi ?? t('kb.bdg.tanpaAlasan')}
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Sisi
          v={lama}
          judul={t('kb.bdg.lama')}
          fields={field}
          testid="bandingkan-kiri"
          ruleStatus={(a) =>
            !idsBaru.has(a.id) ? 'dihapus' : aturanBerubah.has(a.id) ? 'diubah' : undefined
          }
        />
        <Sisi
          v={baru}
          judul={t('kb.bdg.baru')}
          fields={field}
          testid="bandingkan-kanan"
          ruleStatus={(a) =>
            !idsLama.has(a.id) ? 'ditambah' : aturanBerubah.has(a.id) ? 'diubah' : undefined
          }
        />
      </SimpleGrid>
      {perubahan.length > 0 && (
        <Card withBorder padding="md">
          <Title order={5} mb="xs">
            {t('kb.bdg.rincian')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="bandingkan-rincian">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{t('kb.bdg.jalur')}</Table.Th>
                  <Table.Th>{t('kb.bdg.sebelum')}</Table.Th>
                  <Table.Th>{t('kb.bdg.sesudah')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {perubahan.map((p) => (
                  <Table.Tr key={p.jalur} data-testid="perubahan-row" data-jalur={p.jalur}>
                    <Table.Td ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
                      {p.jalur}
                    </Table.Td>
                    <Table.Td
                      fz="xs"
                      className="sigap-dihapus-teks"
                      style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
                    >
                      {nilai(p.jalur, p.sebelum, kosong, pick)}
                    </Table.Td>
                    <Table.Td
                      fz="xs"
                      className="sigap-ditambah-teks"
                      style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
                    >
                      {nilai(p.jalur, p.sesudah, kosong, pick)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
