import {
  type AjukanDinasLuar,
  type AjukanKoreksi,
  DaftarDinasLuar,
  DaftarKoreksi,
  HariKehadiran,
  HasilPengajuan,
  type PutusanPengajuan,
} from '@sigap/domain/api/kehadiran';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

export type {
  DinasLuarItem,
  HariKehadiran,
  KetukanHari,
  KoreksiItem,
} from '@sigap/domain/api/kehadiran';

/** Query keys of the corrections area. */
export const koreksiKeys = {
  saya: ['kehadiran-koreksi', 'saya'] as const,
  persetujuan: ['kehadiran-koreksi', 'persetujuan'] as const,
  dlSaya: ['kehadiran-dinas-luar', 'saya'] as const,
  dlPersetujuan: ['kehadiran-dinas-luar', 'persetujuan'] as const,
  hari: (tanggal: string) => ['kehadiran-hari', tanggal] as const,
};

/** One's own corrections: GET /api/kehadiran/koreksi. */
export const useKoreksiSaya = () =>
  useQuery(apiQuery(koreksiKeys.saya, '/api/kehadiran/koreksi', DaftarKoreksi));
/** Corrections awaiting the caller's decision: GET /api/kehadiran/koreksi/persetujuan. */
export const useKoreksiPersetujuan = () =>
  useQuery(apiQuery(koreksiKeys.persetujuan, '/api/kehadiran/koreksi/persetujuan', DaftarKoreksi));
/** One's own dinas luar: GET /api/kehadiran/dinas-luar. */
export const useDinasLuarSaya = () =>
  useQuery(apiQuery(koreksiKeys.dlSaya, '/api/kehadiran/dinas-luar', DaftarDinasLuar));
/** Dinas luar awaiting the caller's decision. */
export const useDinasLuarPersetujuan = () =>
  useQuery(apiQuery(koreksiKeys.dlPersetujuan, '/api/kehadiran/dinas-luar/persetujuan', DaftarDinasLuar));
/** The days the caller may see on one date (their own, for an employee): GET /api/kehadiran/hari. */
export const useHariKehadiran = (tanggal: string) =>
  useQuery({
    ...apiQuery(koreksiKeys.hari(tanggal), '/api/kehadiran/hari', HariKehadiran, { tanggal }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(tanggal),
  });

export function useAjukanKoreksi() {
  return useMutation({
    mutationFn: (v: AjukanKoreksi) => api.post('/api/kehadiran/koreksi', v, { schema: HasilPengajuan }),
  });
}
export function useAjukanDinasLuar() {
  return useMutation({
    mutationFn: (v: AjukanDinasLuar) => api.post('/api/kehadiran/dinas-luar', v, { schema: HasilPengajuan }),
  });
}

type Jenis = 'koreksi' | 'dinas-luar';
/** Withdraws one's own pending request: POST /api/kehadiran/<jenis>/:id/batal. */
export function useBatalPengajuan() {
  return useMutation({
    mutationFn: (v: { jenis: Jenis; id: string }) =>
      api.post(`/api/kehadiran/${v.jenis}/${encodeURIComponent(v.id)}/batal`, {}, { schema: HasilPengajuan }),
  });
}
/** Approves or refuses: POST /api/kehadiran/<jenis>/:id/putusan. */
export function usePutusPengajuan() {
  return useMutation({
    mutationFn: (v: { jenis: Jenis; id: string } & PutusanPengajuan) =>
      api.post(
        `/api/kehadiran/${v.jenis}/${encodeURIComponent(v.id)}/putusan`,
        { setuju: v.setuju, catatan: v.catatan },
        { schema: HasilPengajuan },
      ),
  });
}
