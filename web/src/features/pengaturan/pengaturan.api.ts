import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, raw } from '../../lib/api';
import type { HariLibur, Pengaturan, PengaturanInput } from '../../lib/types';

/** Query keys of the settings area: the Pemda's settings and the holiday calendar. */
export const pengaturanKeys = {
  pengaturan: ['pengaturan'] as const,
  libur: ['kalender', 'libur'] as const,
  liburTahun: (tahun: number | string) => ['kalender', 'libur', String(tahun)] as const,
};

/** The Pemda's settings (hours, zone…): GET /api/pengaturan. */
export function usePengaturan() {
  return useQuery(apiQuery<Pengaturan>(pengaturanKeys.pengaturan, '/api/pengaturan'));
}

/** A year's holidays: GET /api/kalender/libur?tahun=…. */
export function useHariLibur(tahun: number | string) {
  return useQuery(apiQuery<HariLibur[]>(pengaturanKeys.liburTahun(tahun), '/api/kalender/libur', { tahun }));
}

/** Saves the settings: PUT /api/pengaturan; the answer becomes the cached settings at once. */
export function useSimpanPengaturan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PengaturanInput) => api.put<Pengaturan>('/api/pengaturan', input),
    onSuccess: (after) => qc.setQueryData(pengaturanKeys.pengaturan, after),
  });
}

/** Adds (or renames) a holiday: POST /api/kalender/libur. */
export function useTambahLibur() {
  return useMutation({ mutationFn: (day: HariLibur) => api.post('/api/kalender/libur', day) });
}

/** Deletes a holiday: DELETE /api/kalender/libur/:tanggal. */
export function useHapusLibur() {
  return useMutation({
    mutationFn: (tanggal: string) => api.delete(`/api/kalender/libur/${encodeURIComponent(tanggal)}`),
  });
}

/** Imports a holiday decree as CSV: POST /api/kalender/libur/impor. */
export function useImporLibur() {
  return useMutation({
    mutationFn: (csv: string) =>
      api.post<{ diubah: number }>('/api/kalender/libur/impor', raw('text/csv', csv)),
  });
}
