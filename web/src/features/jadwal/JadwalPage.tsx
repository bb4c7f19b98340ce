import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { isIsoDate, type Pesan } from '@sigap/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { withQuery } from '../../lib/api';
import { fmtAngka, todayIn } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { JADWAL_WRITE_ROLES } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { BuatModal, PeriksaModal, SelModal, TerbitModal } from './JadwalDialog';
import { JadwalGrid, type PilihanSel } from './JadwalGrid';
import { JadwalTotal, Legenda } from './JadwalTotal';
import { labelPeriode, paletVars, periodeBawaan } from './jadwal';
import { useJadwalGrid, useVersiJadwal } from './jadwal.api';
import { PeriodePicker } from './PeriodePicker';
import { useOpdPilihan } from './use-opd-pilihan';
import './jadwal.css';

/** The Select value that stands for the whole Pemda (Pemda-wide roles only). */
const SEMUA = '*';

/**
 * Jadwal: the schedule grid of an OPD or unit for a period (people × days, the rule behind each cell on
 * hover, per-day totals against every cap), adjustments by unit heads, and — for roster writers —
 * rebuild, publish, check and the printable recaps.
 */
export function JadwalPage() {
  const me = useMe();
  const { t, lang, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const pil = useOpdPilihan();
  const penulis = hasRole(me, JADWAL_WRITE_ROLES);

  const dari = params.get('dari') ?? '';
  const sampai = params.get('sampai') ?? '';
  const adaPeriode = isIsoDate(dari) && isIsoDate(sampai) && dari <= sampai;
  const opdParam = params.get('opd');
  const opd: string | null = opdParam ?? (pil.loading ? null : pil.bawaan);
  const opdKode = opd && opd !== SEMUA ? opd : null;

  const setParam = useCallback(
    (kv: Record<string, string | null>) =>
      setParams(
        (p) => {
          const n = new URLSearchParams(p);
          for (const [k, v] of Object.entries(kv)) {
            if (v) n.set(k, v);
            else n.delete(k);
          }
          return n;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Without a period in the address: that of the newest schedule built, else this month.
  const semuaVersi = useVersiJadwal(null, !adaPeriode);
  useEffect(() => {
    if (adaPeriode || (!semuaVersi.data && !semuaVersi.error)) return;
    const p = periodeBawaan(semuaVersi.data ?? [], todayIn(me.pemda.zona_waktu));
    setParam({ dari: p.dari, sampai: p.sampai });
  }, [adaPeriode, semuaVersi.data, semuaVersi.error, me.pemda.zona_waktu, setParam]);

  const periode = adaPeriode ? { dari, sampai, opd: opdKode } : null;
  const grid = useJadwalGrid(periode && opd ? periode : null);
  const versi = useVersiJadwal(periode, penulis && periode !== null);
  // The drafts this caller may publish (a Pemda-wide draft is listed to an OPD admin, not theirs to publish).
  const draf = useMemo(
    () => (versi.data ?? []).filter((v) => v.status === 'draft' && v.boleh_terbit),
    [versi.data],
  );

  const [pilihan, setPilihan] = useState<PilihanSel | null>(null);
  const [dialog, setDialog] = useState<'buat' | 'terbit' | 'periksa' | null>(null);
  const [peringatan, setPeringatan] = useState<readonly Pesan[]>([]);
  const gridRef = useRef<HTMLElement | null>(null);
  const totalRef = useRef<HTMLDivElement | null>(null);
  const samakan = (ke: RefObject) => (x: number) => {
    const el = ke.current;
    if (el && Math.abs(el.scrollLeft - x) > 0.5) el.scrollLeft = x;
  };

  const opsi = useMemo(() => {
    const o = pil.opsi.map((x) => ({ value: x.value, label: x.label }));
    return pil.semua ? [{ value: SEMUA, label: t('jd.seluruhPemda') }, ...o] : o;
  }, [pil.opsi, pil.semua, t]);
  const kedalaman = useMemo(() => new Map(pil.opsi.map((x) => [x.value, x.kedalaman])), [pil.opsi]);
  const namaOpd = opdKode ? pil.namaOf.get(opdKode) : undefined;
  const opdNama =
    opd === SEMUA ? t('jd.seluruhPemda') : opdKode ? (namaOpd ? `${opdKode} — ${namaOpd}` : opdKode) : '';
  const g = grid.data;
  const adaSel = g ? g.orang.some((o) => o.sel.some((c) => c !== null)) : false;
  const rekap = (format: string) => withQuery('/api/jadwal/rekap', { dari, sampai, opd: opdKode, format });

  return (
    <Stack gap="sm" data-testid="page-jadwal" style={paletVars()}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Box>
          <Group gap="xs" align="center">
            <Title order={2}>{t('jd.judul')}</Title>
            {grid.isFetching && g && <Loader size="xs" />}
          </Group>
          <Text size="sm" c="dimmed" data-testid="jadwal-ringkas">
            {[
              opdNama,
              adaPeriode ? labelPeriode(dari, sampai, lang) : '',
              g ? t('umum.orang', { n: fmtAngka(g.orang.length, lang) }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Box>
        {g && adaSel && (
          <Badge
            size="lg"
            variant="light"
            color={g.draf > 0 ? 'yellow' : 'green'}
            data-testid="jadwal-status"
            data-draf={g.draf}
          >
            {g.draf > 0 ? t('jd.statusDraf', { n: fmtAngka(g.draf, lang) }) : t('jd.statusTerbit')}
          </Badge>
        )}
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('jd.opd')}
          placeholder={t('jd.pilihOpd')}
          data={opsi}
          value={opd}
          onChange={(v) => v && setParam({ opd: v })}
          searchable
          limit={400}
          maxDropdownHeight={360}
          w={{ base: '100%', sm: 340 }}
          nothingFoundMessage={t('umum.tidakAdaData')}
          renderOption={({ option }) => (
            <Text size="sm" pl={(kedalaman.get(option.value) ?? 0) * 12}>
              {option.label}
            </Text>
          )}
          data-testid="jadwal-opd"
        />
        {adaPeriode && (
          <PeriodePicker
            dari={dari}
            sampai={sampai}
            onChange={(d1, d2) => setParam({ dari: d1, sampai: d2 })}
          />
        )}
      </Group>

      {adaPeriode && opd && (
        <Group gap="xs" wrap="wrap" data-testid="jadwal-aksi">
          <Button
            variant="default"
            size="sm"
            onClick={() => setDialog('periksa')}
            data-testid="jadwal-periksa"
          >
            {t('jd.periksa.tombol')}
          </Button>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button variant="default" size="sm" data-testid="jadwal-unduh">
                {t('jd.unduh')} ▾
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
                <Menu.Item key={f} component="a" href={rekap(f)} download data-testid={`unduh-${f}`}>
                  {t(`jd.unduh.${f}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {penulis && (
            <Button variant="light" size="sm" onClick={() => setDialog('buat')} data-testid="jadwal-buat">
              {t('jd.buat.tombolBuka')}
            </Button>
          )}
          {penulis && draf.length > 0 && (
            <Button
              color="green"
              size="sm"
              onClick={() => setDialog('terbit')}
              data-testid="jadwal-terbitkan"
            >
              {t('jd.terbit.tombolBuka', { n: draf.length })}
            </Button>
          )}
        </Group>
      )}

      {peringatan.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={t('jd.ubah.peringatan')}
          withCloseButton
          onClose={() => setPeringatan([])}
          data-testid="jadwal-peringatan"
        >
          {peringatan.map((p) => (
            <Text key={p.id} size="sm">
              {pick(p)}
            </Text>
          ))}
        </Alert>
      )}
      {pil.error && <ErrorAlert error={pil.error} />}
      {grid.error && <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} />}
      {!opd && !pil.loading && (
        <Card withBorder padding="lg" data-testid="jadwal-pilih-opd">
          <Text c="dimmed">{t('jd.pilihOpdBantuan')}</Text>
        </Card>
      )}
      {((grid.isLoading && !g) || (!adaPeriode && !semuaVersi.error)) && <Loading />}
      {g && g.orang.length === 0 && (
        <Card withBorder padding="lg" data-testid="jadwal-kosong">
          <Text c="dimmed">{t('jd.tanpaPegawai')}</Text>
        </Card>
      )}
      {g && g.orang.length > 0 && !adaSel && (
        <Alert color="blue" variant="light" data-testid="jadwal-belum-ada">
          {t(penulis ? 'jd.belumAdaBuat' : 'jd.belumAda', { periode: labelPeriode(dari, sampai, lang) })}
        </Alert>
      )}
      {g && g.draf > 0 && (
        <Text size="sm" c="yellow.9" data-testid="jadwal-info-draf">
          {t('jd.infoDraf', { n: fmtAngka(g.draf, lang) })}
        </Text>
      )}
      {g && g.orang.length > 0 && (
        <>
          <JadwalGrid
            grid={g}
            bolehUbah={g.boleh_ubah}
            onPilih={setPilihan}
            scrollRef={gridRef}
            onScrollX={samakan(totalRef)}
            tinggi="max(360px, calc(100dvh - 390px))"
          />
          <Legenda />
          <JadwalTotal grid={g} scrollRef={totalRef} onScrollX={samakan(gridRef)} />
        </>
      )}

      {pilihan && g && (
        <SelModal
          pilihan={pilihan}
          aturan={pilihan.sel.a >= 0 ? (g.aturan[pilihan.sel.a] ?? null) : null}
          onClose={() => setPilihan(null)}
          onBerubah={(p) => setPeringatan(p)}
        />
      )}
      {dialog === 'buat' && adaPeriode && (
        <BuatModal
          dari={dari}
          sampai={sampai}
          opd={opdKode}
          opdNama={opdNama}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'terbit' && <TerbitModal draf={draf} onClose={() => setDialog(null)} />}
      {dialog === 'periksa' && adaPeriode && (
        <PeriksaModal dari={dari} sampai={sampai} opd={opdKode} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

type RefObject = { readonly current: HTMLElement | null };
