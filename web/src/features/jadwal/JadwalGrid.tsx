import { Badge, Box, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { isoWeekday, namaHari } from '@sigap/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { akhirPekan, bisaDiubah, GAYA_STATUS, LABEL_ALASAN } from './jadwal';
import type { GridJadwal, HariGrid, OrangGrid, SelGrid } from './types';

/** The fixed columns' widths are CSS variables (jadwal.css): phones keep only a narrower name. */
export const TINGGI_BARIS = 30;
export const TINGGI_KEPALA = 40;

/** The width of a day column: wider when few days are shown. */
export function lebarHari(n: number): number {
  return n > 16 ? 40 : 48;
}

/** A cell the user picked to adjust. */
export interface PilihanSel {
  readonly orang: OrangGrid;
  readonly hari: HariGrid;
  readonly sel: SelGrid;
}

/** Which day columns are shaded: weekends and days that are not working days. */
export function kolomLibur(hari: readonly HariGrid[]): boolean[] {
  return hari.map((h) => !h.hari_kerja || akhirPekan(h.tanggal));
}

// ─── The one hover card, fed by event delegation ─────────────────────────────────────────────────

interface Sorot {
  readonly i: number;
  readonly d: number;
  readonly rect: DOMRect;
}

/** A tiny store, so moving over cells re-renders the card only, never the rows. */
function buatToko() {
  let nilai: Sorot | null = null;
  const subs = new Set<() => void>();
  return {
    get: () => nilai,
    set: (v: Sorot | null) => {
      if (v === nilai || (v && nilai && v.i === nilai.i && v.d === nilai.d)) return;
      nilai = v;
      for (const f of subs) f();
    },
    sub: (f: () => void) => {
      subs.add(f);
      return () => {
        subs.delete(f);
      };
    },
  };
}
type Toko = ReturnType<typeof buatToko>;

/** The card's id: focusable cells point at it (aria-describedby), as it describes the focused cell. */
const ID_KARTU = 'jadwal-kartu';

function KartuSel({ toko, grid, bolehUbah }: { toko: Toko; grid: GridJadwal; bolehUbah: boolean }) {
  const { t, lang, pick } = useI18n();
  const sorot = useSyncExternalStore(toko.sub, toko.get);
  const ref = useRef<HTMLDivElement | null>(null);

  // The card belongs to where the cell was: any scroll (the grid's or the page's) puts it away.
  useEffect(() => {
    if (!sorot) return;
    const tutup = () => toko.set(null);
    window.addEventListener('scroll', tutup, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', tutup, { capture: true });
  }, [sorot, toko]);

  // Beside the cell, flipped to the left near the right edge and kept inside the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !sorot) return;
    const { rect } = sorot;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    let left = rect.right + 8;
    if (left + w > window.innerWidth - 8) left = Math.max(8, rect.left - 8 - w);
    let top = rect.top;
    if (top + h > window.innerHeight - 8) top = Math.max(8, rect.bottom - h);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  });

  if (!sorot) return null;
  const o = grid.orang[sorot.i];
  const h = grid.hari[sorot.d];
  if (!o || !h) return null;
  const c = o.sel[sorot.d] ?? null;
  const aturan = c && c.a >= 0 ? grid.aturan[c.a] : undefined;
  const gaya = c ? GAYA_STATUS[c.s] : null;
  const alasan = c ? LABEL_ALASAN[c.r] : undefined;
  return (
    <Paper
      ref={ref}
      className="sj-kartu"
      shadow="md"
      withBorder
      p="sm"
      data-testid="jadwal-kartu"
      role="tooltip"
    >
      <Stack gap={6}>
        <Box>
          <Text size="sm" fw={700} lineClamp={2}>
            {o.nama}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {o.key} · {o.unit_kode}
          </Text>
          <Text size="xs" c="dimmed">
            {fmtTanggal(h.tanggal, lang, true)}
          </Text>
        </Box>
        <Group gap={6} wrap="wrap">
          {c && gaya ? (
            <span className="sj-status" data-s={c.s} data-testid="kartu-status">
              {c.s} · {pick(gaya.label)}
            </span>
          ) : (
            <Text size="sm" c="dimmed" data-testid="kartu-status">
              {t('jd.tanpaJadwal')}
            </Text>
          )}
          {c?.d && (
            <Badge size="sm" variant="outline" color="gray" data-testid="kartu-draf">
              {t('jd.draf')}
            </Badge>
          )}
          {c?.k && (
            <Badge size="sm" variant="light" color="dark" data-testid="kartu-kunci">
              {t('jd.dikunci')}
            </Badge>
          )}
        </Group>
        {aturan && (
          <Box data-testid="kartu-aturan">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('jd.aturan')}
            </Text>
            <Text size="sm" fw={600}>
              {aturan.judul_aturan}
            </Text>
            <Text size="xs" c="dimmed">
              {t('jd.kebijakanNomor', { nomor: aturan.nomor })}
            </Text>
          </Box>
        )}
        {c && (
          <Box data-testid="kartu-alasan">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('jd.alasan')}
            </Text>
            <Text size="sm">{alasan ? pick(alasan) : c.r}</Text>
          </Box>
        )}
        {(!h.hari_kerja || akhirPekan(h.tanggal)) && (
          <Text size="xs" c="red.8">
            {pick(h.keterangan)}
          </Text>
        )}
        {bolehUbah && c && bisaDiubah(c.s) && (
          <>
            <Divider />
            <Text size="xs" c="blue.8">
              {t('jd.klikUbah')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────────

interface BarisProps {
  readonly o: OrangGrid;
  readonly i: number;
  readonly top: number;
  readonly hari: readonly HariGrid[];
  readonly libur: readonly boolean[];
  readonly ubah: boolean;
}

/** One person's row: memoised, so scrolling and hovering never re-render rows already on screen. */
const Baris = memo(function Baris({ o, i, top, hari, libur, ubah }: BarisProps) {
  return (
    <div
      className="sj-row"
      style={{ transform: `translateY(${top}px)` }}
      data-testid="jadwal-baris"
      data-key={o.key}
    >
      <div className="sj-c sj-fix sj-k-nama" title={o.nama}>
        {o.nama}
      </div>
      <div className="sj-c sj-fix sj-nip sj-k-nip">{o.key}</div>
      <div className="sj-c sj-fix sj-fix-akhir sj-unit sj-k-unit" title={o.unit_nama}>
        {o.unit_kode}
      </div>
      {o.sel.map((c, d) => {
        const boleh = ubah && bisaDiubah(c?.s);
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: a day's position is its identity
            key={d}
            className="sj-c sj-sel"
            data-testid="jadwal-sel"
            data-i={i}
            data-d={d}
            data-tanggal={hari[d]?.tanggal}
            data-s={c?.s}
            data-draf={c?.d ? 'true' : undefined}
            data-kunci={c?.k ? 'true' : undefined}
            data-libur={libur[d] && !c ? 'true' : undefined}
            data-ubah={boleh ? 'true' : undefined}
            tabIndex={boleh ? 0 : undefined}
            aria-describedby={boleh ? ID_KARTU : undefined}
          >
            {c ? GAYA_STATUS[c.s].kode : '·'}
          </div>
        );
      })}
    </div>
  );
});

/** The header: fixed column titles, then weekday and date of each day (days off shaded). */
function Kepala({ hari, libur }: { hari: readonly HariGrid[]; libur: readonly boolean[] }) {
  const { t, lang, pick } = useI18n();
  return (
    <div className="sj-head" data-testid="jadwal-kepala">
      <div className="sj-c sj-fix sj-k-nama">{t('pegawai.nama')}</div>
      <div className="sj-c sj-fix sj-k-nip">{t('pegawai.nip')}</div>
      <div className="sj-c sj-fix sj-fix-akhir sj-k-unit">{t('jd.unit')}</div>
      {hari.map((h, d) => (
        <div
          key={h.tanggal}
          className="sj-c sj-h-hari"
          style={{ width: 'var(--sj-lebar)' }}
          data-libur={libur[d] ? 'true' : 'false'}
          data-testid="jadwal-kolom"
          data-tanggal={h.tanggal}
          title={pick(h.keterangan)}
        >
          <span>{namaHari(isoWeekday(h.tanggal), lang).slice(0, 3)}</span>
          <span style={{ fontSize: 12 }}>{Number(h.tanggal.slice(8, 10))}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * The schedule grid: people × days, virtualised by rows (only the rows in view exist in the page),
 * fixed name/NIP/unit columns and a fixed header. One hover card explains the cell under the pointer
 * or the keyboard focus (event delegation on data-i / data-d); a click on a working cell asks to adjust it.
 */
export function JadwalGrid({
  grid,
  bolehUbah,
  onPilih,
  scrollRef,
  onScrollX,
  tinggi = 'calc(100dvh - 250px)',
}: {
  grid: GridJadwal;
  bolehUbah: boolean;
  onPilih: (p: PilihanSel) => void;
  scrollRef: RefObject<HTMLElement | null>;
  onScrollX?: (left: number) => void;
  tinggi?: string;
}) {
  const { t } = useI18n();
  const toko = useMemo(buatToko, []);
  const libur = useMemo(() => kolomLibur(grid.hari), [grid.hari]);
  const lebar = lebarHari(grid.hari.length);
  const lebarTotal = `calc(var(--sj-w-tetap) + ${lebar * grid.hari.length}px)`;
  const virtualizer = useVirtualizer({
    count: grid.orang.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TINGGI_BARIS,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();

  const selDari = (target: EventTarget | null): HTMLElement | null =>
    target instanceof HTMLElement ? target.closest<HTMLElement>('[data-d]') : null;
  const sorot = (el: HTMLElement | null) => {
    if (!el) return toko.set(null);
    toko.set({ i: Number(el.dataset.i), d: Number(el.dataset.d), rect: el.getBoundingClientRect() });
  };
  const pilih = (el: HTMLElement | null) => {
    if (el?.dataset.ubah !== 'true') return;
    const o = grid.orang[Number(el.dataset.i)];
    const d = Number(el.dataset.d);
    const c = o?.sel[d];
    const h = grid.hari[d];
    if (o && c && h) {
      toko.set(null);
      onPilih({ orang: o, hari: h, sel: c });
    }
  };

  return (
    <>
      <section
        ref={scrollRef}
        className="sj-scroll"
        style={
          {
            maxHeight: tinggi,
            minHeight: Math.min(360, TINGGI_KEPALA + grid.orang.length * TINGGI_BARIS + 16),
            '--sj-lebar': `${lebar}px`,
          } as CSSProperties
        }
        aria-label={t('jd.judul')}
        data-testid="jadwal-grid"
        data-orang={grid.orang.length}
        data-hari={grid.hari.length}
        onMouseOver={(e: MouseEvent) => sorot(selDari(e.target))}
        onMouseLeave={() => toko.set(null)}
        onFocus={(e) => sorot(selDari(e.target))}
        onBlur={() => toko.set(null)}
        onScroll={(e) => {
          toko.set(null);
          onScrollX?.(e.currentTarget.scrollLeft);
        }}
        onClick={(e: MouseEvent) => pilih(selDari(e.target))}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            const el = selDari(e.target);
            if (el?.dataset.ubah === 'true') {
              e.preventDefault();
              pilih(el);
            }
          }
        }}
      >
        <div style={{ width: lebarTotal, position: 'relative' }}>
          <Kepala hari={grid.hari} libur={libur} />
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: lebarTotal }}>
            {items.map((vi) => {
              const o = grid.orang[vi.index];
              if (!o) return null;
              return (
                <Baris
                  key={o.key}
                  o={o}
                  i={vi.index}
                  top={vi.start}
                  hari={grid.hari}
                  libur={libur}
                  ubah={bolehUbah}
                />
              );
            })}
          </div>
        </div>
      </section>
      <KartuSel toko={toko} grid={grid} bolehUbah={bolehUbah} />
    </>
  );
}
