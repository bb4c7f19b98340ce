import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { isIsoDate, namaBulan, namaHari, type StatusJadwal } from '@sigap/domain';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { fmtTanggal, todayIn } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import {
  GAYA_STATUS,
  geserBulan,
  LABEL_ALASAN,
  labelPeriode,
  mingguPeriode,
  paletVars,
  periodeBulan,
  periodeTerdekat,
  URUTAN_STATUS,
} from './jadwal';
import { useJadwalSaya, useTerbitSaya } from './jadwal.api';
import { PermintaanSaya } from './PermintaanSaya';
import type { HariSaya } from './types';
import './jadwal.css';

/** A plain calendar glyph (no icon font: the app works offline with system fonts). */
function IkonKalender() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

/** One day of the month view: date, status, the rule behind it, the holiday's name. */
function Hari({
  tanggal,
  h,
  hariIni,
  ringkas,
}: {
  tanggal: string;
  h: HariSaya | undefined;
  hariIni: boolean;
  ringkas: boolean;
}) {
  const { lang, pick } = useI18n();
  const gaya = h?.status ? GAYA_STATUS[h.status] : null;
  const judul = [
    fmtTanggal(tanggal, lang, true),
    h?.status && gaya ? `${h.status} — ${pick(gaya.label)}` : null,
    h?.aturan ? `${h.aturan.judul_aturan} (${h.aturan.nomor})` : null,
    h?.alasan && !h.aturan && LABEL_ALASAN[h.alasan] ? pick(LABEL_ALASAN[h.alasan]!) : null,
    h?.libur,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <div
      className="sj-kal-hari"
      data-testid="saya-hari"
      data-tanggal={tanggal}
      data-status={h?.status ?? ''}
      data-luar={h ? undefined : 'true'}
      data-libur={h?.libur || h?.status === 'LIBUR' ? 'true' : undefined}
      data-hari-ini={hariIni ? 'true' : undefined}
      title={judul}
    >
      <span className="sj-kal-tgl">
        {Number(tanggal.slice(8, 10))}
        {!ringkas && tanggal.endsWith('-01')
          ? ` ${namaBulan(Number(tanggal.slice(5, 7)), lang).slice(0, 3)}`
          : ''}
      </span>
      {h?.status && gaya && (
        <span className="sj-status" data-s={h.status} data-testid="saya-status">
          {ringkas ? gaya.kode : h.status === 'PIKET' ? 'Piket' : h.status}
        </span>
      )}
      {!ringkas && h?.aturan && (
        <span className="sj-kal-aturan" data-testid="saya-aturan">
          {h.aturan.judul_aturan}
        </span>
      )}
      {!ringkas && !h?.aturan && h?.alasan && h.alasan !== 'libur' && LABEL_ALASAN[h.alasan] && (
        <span className="sj-kal-aturan">{pick(LABEL_ALASAN[h.alasan]!)}</span>
      )}
      {!ringkas && h?.libur && <span className="sj-kal-libur">{h.libur}</span>}
    </div>
  );
}

/** Per status, how many days of the period. */
function Ringkasan({ hari }: { hari: readonly HariSaya[] }) {
  const { t, pick } = useI18n();
  const n = new Map<StatusJadwal, number>();
  for (const h of hari) if (h.status) n.set(h.status, (n.get(h.status) ?? 0) + 1);
  return (
    <Group gap="sm" wrap="wrap" data-testid="saya-ringkasan">
      {URUTAN_STATUS.filter((s) => n.has(s)).map((s) => (
        <Group key={s} gap={6} wrap="nowrap">
          <span className="sj-status" data-s={s}>
            {GAYA_STATUS[s].kode}
          </span>
          <Text size="sm">
            {pick(GAYA_STATUS[s].label)}: {t('jd.saya.nHari', { n: n.get(s) ?? 0 })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** On phones, under the calendar: each day of the period with its status, rule and holiday in full. */
function Rincian({ hari }: { hari: readonly HariSaya[] }) {
  const { t, lang, pick } = useI18n();
  return (
    <Stack gap={6} data-testid="saya-rincian">
      <Title order={4}>{t('jd.saya.rincian')}</Title>
      {hari
        .filter((h) => h.status)
        .map((h) => (
          <Card
            key={h.tanggal}
            withBorder
            padding="xs"
            data-testid="saya-rincian-hari"
            data-tanggal={h.tanggal}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Box style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {fmtTanggal(h.tanggal, lang, true)}
                </Text>
                {h.aturan && (
                  <Text size="xs" c="dimmed">
                    {h.aturan.judul_aturan} ({h.aturan.nomor})
                  </Text>
                )}
                {!h.aturan && h.alasan && LABEL_ALASAN[h.alasan] && (
                  <Text size="xs" c="dimmed">
                    {pick(LABEL_ALASAN[h.alasan]!)}
                  </Text>
                )}
                {h.libur && (
                  <Text size="xs" c="red.8">
                    {h.libur}
                  </Text>
                )}
              </Box>
              {h.status && (
                <span className="sj-status" data-s={h.status} style={{ flexShrink: 0 }}>
                  {h.status === 'PIKET' ? 'Piket' : h.status}
                </span>
              )}
            </Group>
          </Card>
        ))}
    </Stack>
  );
}

/**
 * Jadwal saya: the signed-in employee's published schedule as a month of weeks, each day with its
 * status colour, the rule behind it and holiday names. `?dari=&sampai=` (as notices link) picks the
 * period; otherwise the month of the nearest published schedule holding the person (the one in force
 * today, else the latest before, else the next), or the current month when none is published. A list
 * of the published periods and a "latest" button jump there.
 */
export function JadwalSayaPage() {
  const me = useMe();
  const { t, lang } = useI18n();
  const ringkas = useMediaQuery('(max-width: 48em)') ?? false;
  const [params, setParams] = useSearchParams();
  const hariIni = todayIn(me.pemda.zona_waktu);
  const pDari = params.get('dari') ?? '';
  const pSampai = params.get('sampai') ?? '';
  const sah = isIsoDate(pDari) && isIsoDate(pSampai) && pDari <= pSampai;
  const terbit = useTerbitSaya(!!me.pegawai_id);
  const periode = terbit.data?.periode ?? [];
  const terdekat = periodeTerdekat(periode, hariIni);
  const terbaru = periode.reduce<(typeof periode)[number] | null>(
    (a, p) => (!a || p.dari > a.dari ? p : a),
    null,
  );
  // Without a period in the address, wait for the published periods before choosing the month.
  const menunggu = !sah && !!me.pegawai_id && !terbit.data && !terbit.error;
  const { dari, sampai } = sah
    ? { dari: pDari, sampai: pSampai }
    : periodeBulan((terdekat?.dari ?? hariIni).slice(0, 7));
  const r = useJadwalSaya(me.pegawai_id && !menunggu ? { dari, sampai } : null);
  const minggu = useMemo(() => mingguPeriode(dari, sampai), [dari, sampai]);
  const byTanggal = useMemo(() => new Map((r.data?.hari ?? []).map((h) => [h.tanggal, h])), [r.data]);
  const adaJadwal = (r.data?.hari ?? []).some((h) => h.status !== null);
  const bulan = dari.slice(0, 7);
  const keBulan = (ym: string) => {
    const p = periodeBulan(ym);
    setParams({ dari: p.dari, sampai: p.sampai });
  };

  return (
    <Stack gap="md" data-testid="page-jadwal-saya" style={paletVars()}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Box>
          <Title order={2}>{t('jd.saya.judul')}</Title>
          <Text size="sm" c="dimmed">
            {me.nama}
          </Text>
        </Box>
        <Group gap={4} wrap="wrap" justify="flex-end">
          {periode.length > 0 && (
            <Select
              size="sm"
              w={220}
              mr="xs"
              aria-label={t('jd.saya.periodeTerbit')}
              placeholder={t('jd.saya.periodeTerbit')}
              data-testid="saya-terbit"
              value={null}
              onChange={(v) => v && keBulan(v.slice(0, 7))}
              data={[...periode].reverse().map((p) => ({
                value: `${p.dari}|${p.sampai}`,
                label: labelPeriode(p.dari, p.sampai, lang),
              }))}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {terbaru && (
            <Button
              variant="light"
              size="sm"
              mr="xs"
              onClick={() => keBulan(terbaru.dari.slice(0, 7))}
              data-testid="saya-terbaru"
            >
              {t('jd.saya.terbaru')}
            </Button>
          )}
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => keBulan(geserBulan(bulan, -1))}
            aria-label={t('jd.bulanSebelum')}
            data-testid="saya-sebelum"
          >
            ‹
          </ActionIcon>
          <Text fw={600} w={200} ta="center" data-testid="saya-periode">
            {labelPeriode(dari, sampai, lang)}
          </Text>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => keBulan(geserBulan(bulan, 1))}
            aria-label={t('jd.bulanSesudah')}
            data-testid="saya-sesudah"
          >
            ›
          </ActionIcon>
        </Group>
      </Group>
      {!me.pegawai_id && (
        <Alert color="blue" variant="light" data-testid="saya-tanpa-pegawai">
          {t('jd.saya.tanpaPegawai')}
        </Alert>
      )}
      {r.error && <ErrorAlert error={r.error} onRetry={() => void r.refetch()} />}
      {(menunggu || (r.isLoading && !r.data)) && <Loading />}
      {r.data && !adaJadwal && (
        <Card withBorder padding="xl" data-testid="saya-kosong">
          <EmptyState
            title={t('jd.saya.kosongJudul', { periode: labelPeriode(dari, sampai, lang) })}
            description={t('jd.saya.kosongIsi')}
            icon={<IkonKalender />}
            withIndicatorBackground
          />
        </Card>
      )}
      {r.data && adaJadwal && (
        <>
          <Box className="sj-kal" aria-label={t('jd.saya.judul')} data-testid="saya-kalender">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <div key={d} className="sj-kal-kepala">
                {ringkas ? namaHari(d, lang).slice(0, 3) : namaHari(d, lang)}
              </div>
            ))}
            {minggu.flat().map((d) => (
              <Hari key={d} tanggal={d} h={byTanggal.get(d)} hariIni={d === hariIni} ringkas={ringkas} />
            ))}
          </Box>
          <Ringkasan hari={r.data.hari} />
          {ringkas && <Rincian hari={r.data.hari} />}
        </>
      )}
      {me.pegawai_id && sampai >= hariIni && <PermintaanSaya dari={dari} sampai={sampai} hariIni={hariIni} />}
    </Stack>
  );
}
