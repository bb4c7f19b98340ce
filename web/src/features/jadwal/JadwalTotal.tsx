import { Group, Text } from '@mantine/core';
import { isoWeekday, namaHari } from '@sigap/domain';
import { type CSSProperties, type RefObject, useMemo } from 'react';
import { useI18n } from '../../lib/i18n';
import { kolomLibur, lebarHari } from './JadwalGrid';
import {
  type BarisKelompok,
  barisKelompok,
  GAYA_STATUS,
  hitungHarian,
  MERAH,
  melanggar,
  URUTAN_STATUS,
} from './jadwal';
import type { GridJadwal, HariGrid } from './types';

function KepalaTotal({
  hari,
  libur,
  judul,
}: {
  hari: readonly HariGrid[];
  libur: readonly boolean[];
  judul: string;
}) {
  const { lang } = useI18n();
  return (
    <div className="sj-row sj-head" style={{ position: 'sticky', height: 32 }}>
      <div className="sj-c sj-fix sj-fix-akhir sj-k-tetap">{judul}</div>
      {hari.map((h, d) => (
        <div
          key={h.tanggal}
          className="sj-c sj-h-hari"
          style={{ width: 'var(--sj-lebar)' }}
          data-libur={libur[d] ? 'true' : 'false'}
        >
          <span>
            {namaHari(isoWeekday(h.tanggal), lang).slice(0, 3)} {Number(h.tanggal.slice(8, 10))}
          </span>
        </div>
      ))}
    </div>
  );
}

function BarisAngka({
  label,
  nilai,
  libur,
  testid,
}: {
  label: string;
  nilai: readonly number[];
  libur: readonly boolean[];
  testid: string;
}) {
  return (
    <div className="sj-row" data-testid={testid}>
      <div className="sj-c sj-fix sj-fix-akhir sj-k-tetap" title={label}>
        {label}
      </div>
      {nilai.map((n, d) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a day's position is its identity
          key={d}
          className="sj-c sj-angka"
          style={{ width: 'var(--sj-lebar)' }}
          data-libur={libur[d] ? 'true' : undefined}
        >
          {n === 0 ? '' : n}
        </div>
      ))}
    </div>
  );
}

function BarisBatas({
  b,
  hari,
  libur,
}: {
  b: BarisKelompok;
  hari: readonly HariGrid[];
  libur: readonly boolean[];
}) {
  const { t, pick } = useI18n();
  const jenis = t(`jd.kelompok.${b.jenis}`);
  const label = `${jenis} · ${b.grupKode}${b.dasar ? ` (${b.dasar})` : ''}`;
  return (
    <div
      className="sj-row"
      data-testid="total-kelompok"
      data-jenis={b.jenis}
      data-grup={b.grupKode}
      data-dilanggar={b.dilanggar}
    >
      <div className="sj-c sj-fix sj-fix-akhir sj-k-tetap" title={label}>
        {label}
      </div>
      {b.hari.map((k, d) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a day's position is its identity
          key={d}
          className="sj-c sj-angka"
          style={{ width: 'var(--sj-lebar)' }}
          data-libur={libur[d] && !k ? 'true' : undefined}
          data-lewat={k && melanggar(k) ? 'true' : undefined}
          data-pas={k && !melanggar(k) && k.hadir === k.batas ? 'true' : undefined}
          data-testid="total-sel"
          data-tanggal={hari[d]?.tanggal}
          title={
            k
              ? `${pick(k.penjelasan)} — ${t('jd.hadirDariBatas', { hadir: k.hadir, batas: k.batas })}`
              : undefined
          }
        >
          {k ? `${k.hadir}/${k.batas}` : ''}
        </div>
      ))}
    </div>
  );
}

/**
 * Per-day totals under the grid, in the grid's columns: people at the office, at home and away, then
 * every cap / minimum / piket group of these people as "present / limit" (red when broken). Scrolls
 * sideways together with the grid.
 */
export function JadwalTotal({
  grid,
  scrollRef,
  onScrollX,
}: {
  grid: GridJadwal;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScrollX: (left: number) => void;
}) {
  const { t } = useI18n();
  const libur = useMemo(() => kolomLibur(grid.hari), [grid.hari]);
  const harian = useMemo(() => hitungHarian(grid), [grid]);
  const kelompok = useMemo(() => barisKelompok(grid), [grid]);
  const lebar = lebarHari(grid.hari.length);
  const adaKosong = harian.some((h) => h.kosong > 0);
  return (
    <div
      ref={scrollRef}
      className="sj-scroll sj-total"
      style={{ maxHeight: 420, '--sj-lebar': `${lebar}px` } as CSSProperties}
      onScroll={(e) => onScrollX(e.currentTarget.scrollLeft)}
      data-testid="jadwal-total"
    >
      <div style={{ width: `calc(var(--sj-w-tetap) + ${lebar * grid.hari.length}px)` }}>
        <KepalaTotal hari={grid.hari} libur={libur} judul={t('jd.totalHarian')} />
        <BarisAngka
          label={t('jd.total.kantor')}
          nilai={harian.map((h) => h.kantor)}
          libur={libur}
          testid="total-kantor"
        />
        <BarisAngka
          label={t('jd.total.rumah')}
          nilai={harian.map((h) => h.rumah)}
          libur={libur}
          testid="total-rumah"
        />
        <BarisAngka
          label={t('jd.total.tidakHadir')}
          nilai={harian.map((h) => h.tidakHadir)}
          libur={libur}
          testid="total-tidak-hadir"
        />
        {adaKosong && (
          <BarisAngka
            label={t('jd.total.kosong')}
            nilai={harian.map((h) => h.kosong)}
            libur={libur}
            testid="total-kosong"
          />
        )}
        {kelompok.length > 0 && (
          <div className="sj-row">
            <div className="sj-c sj-fix sj-fix-akhir sj-judul-baris sj-k-tetap">{t('jd.total.kelompok')}</div>
            {grid.hari.map((h) => (
              <div key={h.tanggal} className="sj-c sj-judul-baris" style={{ width: 'var(--sj-lebar)' }} />
            ))}
          </div>
        )}
        {kelompok.map((b) => (
          <BarisBatas key={b.kunci} b={b} hari={grid.hari} libur={libur} />
        ))}
      </div>
    </div>
  );
}

/** The legend: every status in the palette, the draft and lock marks, days off and a broken limit. */
export function Legenda() {
  const { t, lang, pick } = useI18n();
  return (
    <Group gap="md" wrap="wrap" data-testid="jadwal-legenda">
      {URUTAN_STATUS.map((s) => (
        <Group key={s} gap={6} wrap="nowrap">
          <span className="sj-swatch sj-status" data-s={s} style={{ border: 0 }}>
            {GAYA_STATUS[s].kode}
          </span>
          <Text size="xs">{pick(GAYA_STATUS[s].label)}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <span className="sj-swatch sj-legend-draf" data-testid="legenda-draf">
          WFO
        </span>
        <Text size="xs">{t('jd.legenda.draf')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <span className="sj-swatch sj-legend-kunci" style={{ paddingRight: 10 }}>
          WFH
        </span>
        <Text size="xs">{t('jd.legenda.kunci')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <span className="sj-swatch sj-swatch-libur">{namaHari(7, lang).slice(0, 3)}</span>
        <Text size="xs">{t('jd.legenda.libur')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <span className="sj-swatch" data-lewat="true" style={{ background: MERAH.isi }}>
          5/4
        </span>
        <Text size="xs">{t('jd.legenda.lewat')}</Text>
      </Group>
    </Group>
  );
}
