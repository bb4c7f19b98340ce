import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { useI18n } from '../../lib/i18n';
import { useOpdPilihan } from '../jadwal/use-opd-pilihan';
import { csvPernyataan, pdfPernyataan, useDaftarPernyataan } from './pernyataan.api';

// Who has signed the stay-home statement and who has not (docs/wfh.md §2): per OPD (an OPD admin: theirs; a
// unit head: their unit), per policy version, with counts and a CSV.

type Saring = 'semua' | 'belum' | 'sudah';

/** /pernyataan-pegawai: for the roles holding `wfh.pernyataan.read`. */
export function PernyataanDaftarPage() {
  const { t } = useI18n();
  const pil = useOpdPilihan();
  const [opdPilih, setOpd] = useState<string | null>(null);
  const opd = opdPilih ?? pil.bawaan;
  const [kebijakan, setKebijakan] = useState<string | null>(null);
  const [saring, setSaring] = useState<Saring>('semua');
  const siap = !pil.loading && (pil.semua || opd !== null);
  const q = useDaftarPernyataan({ opd, kebijakan }, siap);
  const baris = (q.data?.baris ?? []).filter(
    (b) => saring === 'semua' || (saring === 'sudah') === (b.pernyataan_id !== null),
  );
  return (
    <Stack gap="md">
      <Title order={2}>{t('pn.daftar.judul')}</Title>
      <Text c="dimmed" size="sm">
        {t('pn.daftar.bantuan')}
      </Text>
      <Group align="end" wrap="wrap">
        {pil.opsi.length > 0 ? (
          <Select
            label={t('pn.daftar.opd')}
            data={pil.opsi.map((o) => ({ value: o.value, label: `${'  '.repeat(o.kedalaman)}${o.label}` }))}
            value={opd}
            onChange={setOpd}
            searchable
            clearable={pil.semua}
            placeholder={t('pn.daftar.semuaOpd')}
            w={{ base: '100%', sm: 360 }}
            data-testid="pn-opd"
          />
        ) : null}
        <Select
          label={t('pn.daftar.kebijakan')}
          data={(q.data?.kebijakan ?? []).map((k) => ({
            value: `${k.kebijakan_id}@${k.versi}`,
            label: `${k.nomor} (v${k.versi}) — ${k.judul}`,
          }))}
          value={kebijakan}
          onChange={setKebijakan}
          clearable
          placeholder={t('pn.daftar.semuaKebijakan')}
          w={{ base: '100%', sm: 420 }}
          data-testid="pn-kebijakan"
        />
        <Button
          component="a"
          href={csvPernyataan({ opd, kebijakan })}
          download
          variant="default"
          data-testid="pn-csv"
        >
          {t('pn.daftar.csv')}
        </Button>
      </Group>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {siap && q.isPending ? <Loading /> : null}
      {q.data ? (
        <>
          <Group gap="xs" data-testid="pn-jumlah">
            <Badge color="dark" variant="light" data-testid="pn-jumlah-perlu">
              {t('pn.daftar.perlu', { n: q.data.jumlah.perlu })}
            </Badge>
            <Badge color="green" variant="light" data-testid="pn-jumlah-sudah">
              {t('pn.daftar.sudah', { n: q.data.jumlah.sudah })}
            </Badge>
            <Badge color="orange" variant="light" data-testid="pn-jumlah-belum">
              {t('pn.daftar.belum', { n: q.data.jumlah.belum })}
            </Badge>
          </Group>
          <SegmentedControl
            value={saring}
            onChange={(v) => setSaring(v as Saring)}
            data={[
              { value: 'semua', label: t('pn.daftar.saringSemua') },
              { value: 'belum', label: t('pn.belum') },
              { value: 'sudah', label: t('pn.sudah') },
            ]}
            data-testid="pn-saring"
          />
          {baris.length === 0 ? (
            <Alert color="gray">{t('umum.tidakAdaData')}</Alert>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped data-testid="pn-tabel">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pn.daftar.nama')}</Table.Th>
                    <Table.Th>{t('pn.daftar.unit')}</Table.Th>
                    <Table.Th>{t('pn.daftar.kebijakanKolom')}</Table.Th>
                    <Table.Th>{t('pn.daftar.hari')}</Table.Th>
                    <Table.Th>{t('pn.daftar.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {baris.map((b) => (
                    <Table.Tr
                      key={`${b.pegawai_id}|${b.kebijakan_id}|${b.versi}`}
                      data-testid="pn-baris"
                      data-nip={b.nip || b.id_pegawai}
                    >
                      <Table.Td>
                        <Text size="sm">{b.nama}</Text>
                        <Text size="xs" c="dimmed">
                          {b.nip || b.id_pegawai}
                        </Text>
                      </Table.Td>
                      <Table.Td>{b.unit_kode}</Table.Td>
                      <Table.Td>
                        {b.kebijakan_id} v{b.versi}
                      </Table.Td>
                      <Table.Td>{b.hari_wfh}</Table.Td>
                      <Table.Td>
                        {b.pernyataan_id ? (
                          <Group gap={6} wrap="nowrap">
                            <Badge
                              color="green"
                              variant="light"
                              data-testid="pn-baris-status"
                              data-status="sudah"
                            >
                              {t('pn.sudah')}
                            </Badge>
                            <Anchor href={pdfPernyataan(b.pernyataan_id)} size="xs" download>
                              PDF
                            </Anchor>
                          </Group>
                        ) : (
                          <Badge
                            color="orange"
                            variant="light"
                            data-testid="pn-baris-status"
                            data-status="belum"
                          >
                            {t('pn.belum')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      ) : null}
    </Stack>
  );
}
