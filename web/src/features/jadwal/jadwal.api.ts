import {
  type BuatJadwal,
  DaftarTemuanPeriksa,
  DaftarVersi,
  GridJadwal,
  HasilBuat,
  HasilLepasKunci,
  HasilMinta,
  HasilTerbit,
  HasilUbahSel,
  JadwalSaya,
  type MintaJadwal,
  Okupansi,
  PermintaanSaya,
  TerbitSaya,
  type UbahSel,
} from '@sigap/domain/api/jadwal';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

/** A period, with the OPD/unit it is for (null = the whole Pemda). */
export type PeriodeOpd = {
  readonly dari: string;
  readonly sampai: string;
  readonly opd: string | null;
};

/** Query keys of the schedule area (`jadwal` for the unit's schedule, `jadwal-saya` for one's own). */
export const jadwalKeys = {
  all: ['jadwal'] as const,
  versi: (p: PeriodeOpd | null) => ['jadwal', 'versi', p] as const,
  grid: (p: PeriodeOpd) => ['jadwal', 'grid', p] as const,
  periksa: (p: PeriodeOpd) => ['jadwal', 'periksa', p] as const,
  okupansi: (dari: string, sampai: string) => ['jadwal', 'okupansi', dari, sampai] as const,
  saya: ['jadwal-saya'] as const,
  terbitSaya: ['jadwal-saya', 'terbit'] as const,
  jadwalSaya: (dari: string, sampai: string) => ['jadwal-saya', 'hari', dari, sampai] as const,
  permintaan: (dari: string, sampai: string) => ['jadwal-saya', 'permintaan', dari, sampai] as const,
};

/**
 * The schedule versions built (GET /api/jadwal): for a period and OPD, or all of them when `p` is
 * null; nothing is asked while `enabled` is false.
 */
export function useVersiJadwal(p: PeriodeOpd | null, enabled = true) {
  return useQuery({
    ...apiQuery(jadwalKeys.versi(p), '/api/jadwal', DaftarVersi, p ?? undefined),
    enabled,
  });
}

const gridQuery = (p: PeriodeOpd) => apiQuery(jadwalKeys.grid(p), '/api/jadwal/grid', GridJadwal, { ...p });

/**
 * The unit grid of a period (GET /api/jadwal/grid); null = not yet known what to show. The request leaves
 * while the page is still rendering for the first time (as TanStack's `usePrefetchQuery` does), not after
 * that render's 100–150 ms; nothing is asked again when the grid is already held or under way.
 */
export function useJadwalGrid(p: PeriodeOpd | null) {
  const qc = useQueryClient();
  if (p && !qc.getQueryState(jadwalKeys.grid(p))) void qc.prefetchQuery(gridQuery(p));
  return useQuery({ ...gridQuery(p ?? { dari: '', sampai: '', opd: null }), enabled: p !== null });
}

/** The check of a period against every rule (GET /api/jadwal/periksa). */
export function usePeriksaJadwal(p: PeriodeOpd) {
  return useQuery(apiQuery(jadwalKeys.periksa(p), '/api/jadwal/periksa', DaftarTemuanPeriksa, { ...p }));
}

/** The occupancy overview of a period (GET /api/jadwal/okupansi); null = period not chosen yet. */
export function useOkupansi(p: { dari: string; sampai: string } | null) {
  return useQuery({
    ...apiQuery(
      jadwalKeys.okupansi(p?.dari ?? '', p?.sampai ?? ''),
      '/api/jadwal/okupansi',
      Okupansi,
      p ?? {},
    ),
    enabled: p !== null,
  });
}

/** The published periods of the signed-in employee (GET /api/jadwal-saya/terbit). */
export function useTerbitSaya(enabled: boolean) {
  return useQuery({ ...apiQuery(jadwalKeys.terbitSaya, '/api/jadwal-saya/terbit', TerbitSaya), enabled });
}

/** The signed-in employee's days of a period (GET /api/jadwal-saya). */
export function useJadwalSaya(p: { dari: string; sampai: string } | null) {
  return useQuery({
    ...apiQuery(
      jadwalKeys.jadwalSaya(p?.dari ?? '', p?.sampai ?? ''),
      '/api/jadwal-saya',
      JadwalSaya,
      p ?? {},
    ),
    enabled: p !== null,
  });
}

/** The signed-in employee's WFO/WFH requests in a period (GET /api/jadwal-saya/permintaan). */
export function usePermintaanSaya(dari: string, sampai: string) {
  return useQuery(
    apiQuery(jadwalKeys.permintaan(dari, sampai), '/api/jadwal-saya/permintaan', PermintaanSaya, {
      dari,
      sampai,
    }),
  );
}

/** Sends (or, with `lokasi: null`, withdraws) one request: POST /api/jadwal-saya/permintaan. */
export function useKirimPermintaan() {
  return useMutation({
    mutationFn: (v: MintaJadwal) => api.post('/api/jadwal-saya/permintaan', v, { schema: HasilMinta }),
  });
}

/** Changes one cell: POST /api/jadwal/sel (a refusal is a 409 in the server's words). */
export function useUbahSel() {
  return useMutation({
    mutationFn: (v: UbahSel) => api.post('/api/jadwal/sel', v, { schema: HasilUbahSel }),
  });
}

/** Releases a locked cell: DELETE /api/jadwal/kunci. */
export function useLepasKunci() {
  return useMutation({
    mutationFn: (v: { key: string; tanggal: string }) =>
      api.delete('/api/jadwal/kunci', { query: v, schema: HasilLepasKunci }),
  });
}

/** Builds a draft schedule for a period: POST /api/jadwal/buat. */
export function useBuatJadwal() {
  return useMutation({
    mutationFn: (body: BuatJadwal) => api.post('/api/jadwal/buat', body, { schema: HasilBuat }),
  });
}

/** Publishes a draft: POST /api/jadwal/:id/terbit. */
export function useTerbitkan() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/jadwal/${encodeURIComponent(id)}/terbit`, {}, { schema: HasilTerbit }),
  });
}
