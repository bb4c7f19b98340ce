import { AturanWfh, DaftarRumah, HariLokasi, HasilLaporLokasi } from '@sigap/domain/api/lokasi';
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { kirimAtauAntrekan } from '../../lib/antrean';
import { api, apiQuery } from '../../lib/api';

// Location reports from home (docs/wfh.md §2): the day, the report (through the offline queue), the home
// locations the OPD admin confirms, and the Pemda's rules.

export const lokasiKeys = {
  hari: (pegawaiId?: string, tanggal?: string) =>
    ['lokasi', 'hari', pegawaiId ?? 'saya', tanggal ?? 'hari-ini'] as const,
  rumah: (status: string) => ['wfh', 'rumah', status] as const,
  aturan: ['wfh', 'aturan'] as const,
};

/** GET /api/lokasi/hari (own day by default). */
export function useHariLokasi(q: { pegawaiId?: string; tanggal?: string } = {}) {
  return useQuery(
    apiQuery(lokasiKeys.hari(q.pegawaiId, q.tanggal), '/api/lokasi/hari', HariLokasi, {
      pegawai_id: q.pegawaiId,
      tanggal: q.tanggal,
    }),
  );
}

export interface IsianLapor {
  readonly lat: number;
  readonly lng: number;
  readonly akurasiM: number;
}

/**
 * POST /api/lokasi through the offline queue: the answer when it was sent, null when it waits for the
 * connection (sent later with `waktu_kirim`, counted when it was made).
 */
export function useLaporLokasi() {
  return useMutation({
    // the offline queue handles a missing connection; React Query would otherwise pause the call offline
    networkMode: 'always',
    mutationFn: async (v: IsianLapor) => {
      const id = crypto.randomUUID();
      const r = await kirimAtauAntrekan({
        id,
        jenis: 'lokasi',
        url: '/api/lokasi',
        isi: {
          lat: v.lat,
          lng: v.lng,
          akurasi_m: Math.round(v.akurasiM * 10) / 10,
          waktu_perangkat: new Date().toISOString(),
          id_klien: id,
        },
        isianWaktuKirim: 'waktu_kirim',
      });
      return r === null ? null : HasilLaporLokasi.parse(r);
    },
  });
}

/** GET /api/wfh/rumah */
export function useDaftarRumah(status: 'diusulkan' | 'dikonfirmasi' | 'ditolak') {
  return useQuery(apiQuery(lokasiKeys.rumah(status), `/api/wfh/rumah?status=${status}`, DaftarRumah));
}

/** POST /api/wfh/rumah/:id/putus */
export function usePutusRumah() {
  return useMutation({
    mutationFn: (v: { id: string; putusan: 'dikonfirmasi' | 'ditolak'; catatan: string }) =>
      api.post(
        `/api/wfh/rumah/${v.id}/putus`,
        { putusan: v.putusan, catatan: v.catatan },
        { schema: z.object({ ok: z.literal(true) }) },
      ),
  });
}

/** GET /api/wfh/aturan */
export function useAturanWfh() {
  return useQuery(apiQuery(lokasiKeys.aturan, '/api/wfh/aturan', AturanWfh));
}
