import { ActionIcon, Box, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { hariKerja, type IsoDate, type Kebijakan, namaBulan, namaHari } from '@sigap/domain';
import { jamKerjaDariApi } from '@sigap/domain/api/pengaturan';
import { useMemo, useState } from 'react';
import { fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useHariLibur, usePengaturan } from '../pengaturan/pengaturan.api';
import { berlakuTanggal, kalender, mingguBulan } from './dokumen';

/** The Pemda's hours and a year's holidays: what decides the working days of a date. */
export function useKalender(tahun: number) {
  const s = usePengaturan();
  const libur = useHariLibur(tahun);
  const kal = useMemo(
    () => (s.data && libur.data ? kalender(jamKerjaDariApi(s.data.jam_kerja), libur.data) : null),
    [s.data, libur.data],
  );
  return { kal, error: s.error ?? libur.error ?? null };
}

/**
 * The validity on a month calendar: the dates in force highlighted (working days only unless the
 * policy includes holidays, exactly as the engine decides), holidays marked with their names.
 */
export function KalenderBerlaku({ k, mulai }: { k: Kebijakan; mulai: IsoDate }) {
  const { t, lang } = useI18n();
  const [bulan, setBulan] = useState(() => ({ y: Number(mulai.slice(0, 4)), m: Number(mulai.slice(5, 7)) }));
  const { kal } = useKalender(bulan.y);
  const weeks = useMemo(() => mingguBulan(bulan.y, bulan.m), [bulan]);
  const geser = (n: number) =>
    setBulan(({ y, m }) => {
      const i = y * 12 + (m - 1) + n;
      return { y: Math.floor(i / 12), m: (i % 12) + 1 };
    });
  const jumlah = kal ? weeks.flat().filter((d) => d && berlakuTanggal(k, d, kal)).length : null;

  return (
    <Card withBorder padding="md" data-testid="kb-kalender">
      <Title order={4}>{t('kb.kal.judul')}</Title>
      <Group justify="center" wrap="nowrap" my="xs">
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            onClick={() => geser(-1)}
            aria-label={t('kb.kal.sebelum')}
            data-testid="kalender-sebelum"
          >
            ‹
          </ActionIcon>
          <Text fw={600} size="sm" w={130} ta="center" data-testid="kalender-bulan">
            {`${namaBulan(bulan.m, lang)} ${bulan.y}`}
          </Text>
          <ActionIcon
            variant="default"
            onClick={() => geser(1)}
            aria-label={t('kb.kal.sesudah')}
            data-testid="kalender-sesudah"
          >
            ›
          </ActionIcon>
        </Group>
      </Group>
      <Box className="sigap-kal" role="grid" aria-label={t('kb.kal.judul')}>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <Text key={d} size="xs" c="dimmed" ta="center" fw={600} role="columnheader">
            {namaHari(d, lang).slice(0, 3)}
          </Text>
        ))}
        {weeks
          .flat()
          .map((d, pos) => ({ d, pos }))
          .map(({ d, pos }) => {
            if (!d) return <Box key={`kosong-${pos}`} />;
            const info = kal ? hariKerja(d, kal) : null;
            const on = kal ? berlakuTanggal(k, d, kal) : false;
            const label = [
              fmtTanggal(d, lang, true),
              on ? t('kb.kal.berlaku') : null,
              info?.libur ? info.libur.nama : null,
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <Tooltip key={d} label={label} withArrow openDelay={300}>
                <Box
                  role="gridcell"
                  aria-label={label}
                  className="sigap-kal-hari"
                  data-testid="kalender-hari"
                  data-tanggal={d}
                  data-berlaku={on ? 'true' : 'false'}
                  data-libur={info?.libur ? 'true' : undefined}
                  data-bukan-kerja={info && !info.kerja ? 'true' : undefined}
                >
                  {Number(d.slice(8))}
                </Box>
              </Tooltip>
            );
          })}
      </Box>
      <Stack gap={4} mt="sm">
        <Group gap="md" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <Box className="sigap-kal-hari sigap-kal-legenda" data-berlaku="true" />
            <Text size="xs">{t('kb.kal.berlaku')}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <Box className="sigap-kal-hari sigap-kal-legenda" data-libur="true" />
            <Text size="xs">{t('kb.kal.libur')}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <Box className="sigap-kal-hari sigap-kal-legenda" data-bukan-kerja="true" />
            <Text size="xs">{t('kb.kal.bukanKerja')}</Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" data-testid="kalender-jumlah">
          {jumlah !== null && `${t('kb.kal.jumlah', { n: jumlah })}. `}
          {k.berlaku.hari_kerja_saja && !k.berlaku.termasuk_libur
            ? t('kb.kal.hariKerjaSaja')
            : [
                k.berlaku.termasuk_libur ? t('kb.kal.termasukLibur') : null,
                k.berlaku.hari_kerja_saja ? null : t('kb.kal.akhirPekan'),
              ]
                .filter(Boolean)
                .join(' ')}
        </Text>
      </Stack>
    </Card>
  );
}
