import { Badge, Box, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { namaHari, singkatanZona } from '@sigap/domain';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { fmtKoordinat, fmtTanggal, todayIn } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import type { HariLibur, Pengaturan } from '../../lib/types';
import { useApi } from '../../lib/use-api';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const LIBUR_COLOR: Record<HariLibur['jenis'], string> = {
  libur_nasional: 'red',
  cuti_bersama: 'orange',
  libur_daerah: 'grape',
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Box>
  );
}

/** Pengaturan (read-only): the Pemda's identity, zone, working hours, and the year's holidays. */
export function PengaturanPage() {
  const me = useMe();
  const { t, lang } = useI18n();
  const thisYear = Number(todayIn(me.pemda.zonaWaktu).slice(0, 4));
  const [tahun, setTahun] = useState(String(thisYear));
  const s = useApi<Pengaturan>('/api/pengaturan');
  const libur = useApi<HariLibur[]>(`/api/kalender/libur?tahun=${tahun}`);
  const years = Array.from({ length: thisYear + 2 - 2020 }, (_, i) => String(2020 + i));

  const jamPerMinggu = (menit: number) => {
    const h = Math.floor(menit / 60);
    const m = menit % 60;
    return lang === 'id' ? `${h} jam${m ? ` ${m} menit` : ''}` : `${h} h${m ? ` ${m} min` : ''}`;
  };

  return (
    <Stack gap="md" data-testid="page-pengaturan">
      <Box>
        <Title order={2}>{t('atur.judul')}</Title>
        <Text size="sm" c="dimmed">
          {t('atur.bacaSaja')}
        </Text>
      </Box>
      {s.error && <ErrorAlert error={s.error} onRetry={s.reload} />}
      {!s.data && !s.error && <Loading />}
      {s.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder padding="md">
            <SimpleGrid cols={2} spacing="sm">
              <Field label={t('atur.nama')}>
                <Text data-testid="atur-nama">{s.data.nama}</Text>
              </Field>
              <Field label={t('atur.kode')}>
                <Text ff="monospace">{s.data.kode}</Text>
              </Field>
              <Field label={t('atur.jenis')}>
                <Text>{t(`atur.jenisPemda.${s.data.jenis}`)}</Text>
              </Field>
              <Field label={t('atur.zona')}>
                <Text data-testid="atur-zona">
                  {singkatanZona(s.data.zonaWaktu)} ({s.data.zonaWaktu})
                </Text>
              </Field>
              <Field label={t('atur.pusat')}>
                <Text ff="monospace" fz="sm">
                  {s.data.pusatLat !== null && s.data.pusatLng !== null
                    ? fmtKoordinat(s.data.pusatLat, s.data.pusatLng)
                    : t('umum.kosong')}
                </Text>
              </Field>
            </SimpleGrid>
          </Card>
          <Card withBorder padding="md">
            <Title order={4} mb="xs">
              {t('atur.jamKerja')}
            </Title>
            <Table data-testid="atur-jam-kerja" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('atur.hari')}</Table.Th>
                  <Table.Th>{t('atur.mulai')}</Table.Th>
                  <Table.Th>{t('atur.selesai')}</Table.Th>
                  <Table.Th>{t('atur.istirahat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {DAYS.map((d) => {
                  const j = s.data?.jamKerja[d];
                  return (
                    <Table.Tr key={d}>
                      <Table.Td>{namaHari(Number(d), lang)}</Table.Td>
                      {j ? (
                        <>
                          <Table.Td>{j.mulai}</Table.Td>
                          <Table.Td>{j.selesai}</Table.Td>
                          <Table.Td>{t('atur.menit', { n: j.istirahatMenit })}</Table.Td>
                        </>
                      ) : (
                        <Table.Td colSpan={3} c="dimmed">
                          {t('atur.libur')}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              {t('atur.perMinggu', { jam: jamPerMinggu(s.data.menitKerjaMingguan) })} ·{' '}
              {singkatanZona(s.data.zonaWaktu)}
            </Text>
          </Card>
        </SimpleGrid>
      )}

      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={4}>{t('atur.hariLibur', { tahun })}</Title>
          <Group gap="xs">
            {libur.data && (
              <Text size="sm" c="dimmed">
                {t('atur.jumlahLibur', { n: libur.data.length })}
              </Text>
            )}
            <Select
              aria-label={t('atur.tahun')}
              data={years}
              value={tahun}
              onChange={(v) => v && setTahun(v)}
              w={110}
              allowDeselect={false}
              data-testid="atur-tahun"
            />
          </Group>
        </Group>
        {libur.error && <ErrorAlert error={libur.error} onRetry={libur.reload} />}
        {libur.loading && !libur.data && <Loading />}
        {libur.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="atur-libur">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={240}>{t('atur.tanggal')}</Table.Th>
                  <Table.Th w={170}>{t('atur.jenisLibur')}</Table.Th>
                  <Table.Th>{t('atur.namaLibur')}</Table.Th>
                  <Table.Th>{t('atur.dasar')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {libur.data.map((h) => (
                  <Table.Tr key={h.tanggal}>
                    <Table.Td>{fmtTanggal(h.tanggal, lang, true)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" tt="none" color={LIBUR_COLOR[h.jenis] ?? 'gray'}>
                        {t(`atur.jenis.${h.jenis}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{h.nama}</Table.Td>
                    <Table.Td fz="xs" c="dimmed">
                      {h.dasar}
                    </Table.Td>
                  </Table.Tr>
                ))}
                {libur.data.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4} c="dimmed">
                      {t('umum.tidakAdaData')}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
