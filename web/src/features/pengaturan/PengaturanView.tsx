import { Box, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { namaHari, singkatanZona } from '@sigap/domain';
import type { ReactNode } from 'react';
import { fmtKoordinat } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { fmtDurasi, HARI } from '../../lib/jam-kerja';
import type { Pengaturan } from '../../lib/types';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Box>
  );
}

/** The settings for everyone who may not change them. */
export function PengaturanView({ s }: { s: Pengaturan }) {
  const { t, lang } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="atur-baca">
      <Card withBorder padding="md">
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('atur.nama')}>
            <Text data-testid="atur-nama">{s.nama}</Text>
          </Field>
          <Field label={t('atur.kode')}>
            <Text ff="monospace">{s.kode}</Text>
          </Field>
          <Field label={t('atur.jenis')}>
            <Text>{t(`atur.jenisPemda.${s.jenis}`)}</Text>
          </Field>
          <Field label={t('atur.zona')}>
            <Text data-testid="atur-zona-baca">
              {singkatanZona(s.zona_waktu)} ({s.zona_waktu})
            </Text>
          </Field>
          <Field label={t('atur.pusat')}>
            <Text ff="monospace" fz="sm">
              {s.pusat_lat !== null && s.pusat_lng !== null
                ? fmtKoordinat(s.pusat_lat, s.pusat_lng)
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
            {HARI.map((d) => {
              const j = s.jam_kerja[d];
              return (
                <Table.Tr key={d}>
                  <Table.Td>{namaHari(Number(d), lang)}</Table.Td>
                  {j ? (
                    <>
                      <Table.Td>{j.mulai}</Table.Td>
                      <Table.Td>{j.selesai}</Table.Td>
                      <Table.Td>{t('atur.menit', { n: j.istirahat_menit })}</Table.Td>
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
        <Text size="sm" mt="xs" data-testid="jam-total-baca">
          {t('atur.perMinggu', { jam: fmtDurasi(s.menit_kerja_mingguan, lang) })} ·{' '}
          {singkatanZona(s.zona_waktu)}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
