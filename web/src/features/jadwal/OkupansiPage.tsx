import { Alert, Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { isIsoDate, isoWeekday, namaHari } from '@sigap/domain';
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { withQuery } from '../../lib/api';
import { fmtAngka, todayIn } from '../../lib/format';
import { type TFunction, useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { akhirPekan, labelPeriode, paletVars, periodeBawaan, tingkatOkupansi } from './jadwal';
import { useOkupansi, useVersiJadwal } from './jadwal.api';
import { PeriodePicker } from './PeriodePicker';
import type { OkupansiHari } from './types';
import './jadwal.css';

function judulSel(t: TFunction, h: OkupansiHari): string {
  return [
    t('ok.rinci.kantor', { n: h.kantor, piket: h.piket }),
    t('ok.rinci.rumah', { n: h.rumah }),
    t('ok.rinci.tidakHadir', { n: h.tidak_hadir }),
    h.tanpa_jadwal ? t('ok.rinci.tanpaJadwal', { n: h.tanpa_jadwal }) : null,
    h.batas === null ? t('ok.rinci.tanpaBatas') : t('ok.rinci.batas', { n: h.batas }),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Okupansi: the Pemda overview — per top-level OPD per day, people at the office against the cap, as a
 * heat table (red over the cap, grey days off); each OPD opens its schedule grid for the period.
 */
export function OkupansiPage() {
  const me = useMe();
  const { t, lang, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const dari = params.get('dari') ?? '';
  const sampai = params.get('sampai') ?? '';
  const adaPeriode = isIsoDate(dari) && isIsoDate(sampai) && dari <= sampai;
  const setPeriode = useCallback(
    (d1: string, d2: string) => setParams({ dari: d1, sampai: d2 }, { replace: true }),
    [setParams],
  );
  const versi = useVersiJadwal(null, !adaPeriode);
  useEffect(() => {
    if (adaPeriode || (!versi.data && !versi.error)) return;
    const p = periodeBawaan(versi.data ?? [], todayIn(me.pemda.zona_waktu));
    setPeriode(p.dari, p.sampai);
  }, [adaPeriode, versi.data, versi.error, me.pemda.zona_waktu, setPeriode]);

  const r = useOkupansi(adaPeriode ? { dari, sampai } : null);
  const o = r.data;
  const libur = useMemo(() => (o?.hari ?? []).map((h) => !h.hari_kerja || akhirPekan(h.tanggal)), [o]);
  const total = useMemo(
    () =>
      (o?.hari ?? []).map((_, i) => {
        let kantor = 0;
        let batas = 0;
        let adaBatas = false;
        for (const x of o?.opd ?? []) {
          const h = x.hari[i];
          if (!h) continue;
          kantor += h.kantor;
          if (h.batas !== null) {
            adaBatas = true;
            batas += h.batas;
          }
        }
        return { kantor, batas: adaBatas ? batas : null };
      }),
    [o],
  );
  const lewat = useMemo(
    () => (o?.opd ?? []).filter((x) => x.hari.some((h) => h.batas !== null && h.kantor > h.batas)),
    [o],
  );

  return (
    <Stack gap="sm" data-testid="page-okupansi" style={paletVars()}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Box>
          <Title order={2}>{t('ok.judul')}</Title>
          <Text size="sm" c="dimmed">
            {t('ok.bantuan')}
          </Text>
        </Box>
        {adaPeriode && <PeriodePicker dari={dari} sampai={sampai} onChange={setPeriode} />}
      </Group>
      {r.error && <ErrorAlert error={r.error} onRetry={() => void r.refetch()} />}
      {(r.isLoading || !adaPeriode) && !o && <Loading />}
      {o && (
        <Alert
          color={lewat.length ? 'red' : 'green'}
          variant="light"
          data-testid="ok-ringkas"
          data-lewat={lewat.length}
        >
          {lewat.length
            ? t('ok.adaLewat', { n: lewat.length, opd: lewat.map((x) => x.kode).join(', ') })
            : t('ok.semuaDalamBatas', { periode: labelPeriode(o.dari, o.sampai, lang) })}
        </Alert>
      )}
      {o && (
        <Group gap="md" wrap="wrap" data-testid="ok-legenda">
          {(['rendah', 'sedang', 'tinggi', 'penuh', 'lewat'] as const).map((k) => (
            <Group key={k} gap={6} wrap="nowrap">
              <table className="sj-panas" aria-hidden>
                <tbody>
                  <tr>
                    <td
                      className="sj-panas-sel"
                      data-tingkat={k}
                      style={{ minWidth: 28, height: 18, padding: 0 }}
                    />
                  </tr>
                </tbody>
              </table>
              <Text size="xs">{t(`ok.tingkat.${k}`)}</Text>
            </Group>
          ))}
          <Group gap={6} wrap="nowrap">
            <table className="sj-panas" aria-hidden>
              <tbody>
                <tr>
                  <td
                    className="sj-panas-sel"
                    data-libur="true"
                    style={{ minWidth: 28, height: 18, padding: 0 }}
                  />
                </tr>
              </tbody>
            </table>
            <Text size="xs">{t('ok.tingkat.libur')}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('ok.tanpaBatasBantuan')}
          </Text>
        </Group>
      )}
      {o && (
        <Paper withBorder p={0} style={{ overflow: 'auto', maxHeight: 'max(420px, calc(100dvh - 300px))' }}>
          <table className="sj-panas" data-testid="ok-tabel">
            <thead>
              <tr>
                <th className="sj-panas-opd">{t('ok.opd')}</th>
                <th>{t('ok.pegawai')}</th>
                {o.hari.map((h, i) => (
                  <th
                    key={h.tanggal}
                    data-libur={libur[i] ? 'true' : undefined}
                    title={pick(h.keterangan)}
                    data-testid="ok-kolom"
                  >
                    {namaHari(isoWeekday(h.tanggal), lang).slice(0, 3)}
                    <br />
                    {Number(h.tanggal.slice(8, 10))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {o.opd.map((x) => (
                <tr key={x.kode} data-testid="ok-baris" data-kode={x.kode}>
                  <th className="sj-panas-opd" scope="row" title={x.nama}>
                    <Anchor
                      component={Link}
                      to={withQuery('/jadwal', { opd: x.kode, dari, sampai })}
                      size="sm"
                      fw={600}
                      data-testid="ok-opd"
                    >
                      {x.kode}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate maw={200}>
                      {x.nama}
                    </Text>
                  </th>
                  <td style={{ textAlign: 'right' }}>{fmtAngka(x.pegawai, lang)}</td>
                  {x.hari.map((h, i) => (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: a day's position is its identity
                      key={i}
                      className="sj-panas-sel"
                      data-tingkat={libur[i] ? undefined : tingkatOkupansi(h.kantor, h.batas)}
                      data-libur={libur[i] ? 'true' : undefined}
                      data-testid="ok-sel"
                      data-tanggal={o.hari[i]?.tanggal}
                      title={judulSel(t, h)}
                    >
                      {libur[i] && h.kantor === 0
                        ? ''
                        : h.batas === null
                          ? h.kantor
                          : `${h.kantor} / ${h.batas}`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td className="sj-panas-opd">{t('ok.jumlah')}</td>
                <td style={{ textAlign: 'right' }}>
                  {fmtAngka(
                    o.opd.reduce((s, x) => s + x.pegawai, 0),
                    lang,
                  )}
                </td>
                {total.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a day's position is its identity
                  <td key={i} className="sj-panas-sel" data-libur={libur[i] ? 'true' : undefined}>
                    {libur[i] && h.kantor === 0
                      ? ''
                      : h.batas === null
                        ? fmtAngka(h.kantor, lang)
                        : `${fmtAngka(h.kantor, lang)} / ${fmtAngka(h.batas, lang)}`}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </Paper>
      )}
    </Stack>
  );
}
