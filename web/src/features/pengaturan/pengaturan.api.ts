import {
  DaftarLibur,
  type HariLibur,
  HasilLibur,
  Pengaturan,
  type UbahPengaturan,
} from '@sigap/domain/api/pengaturan';
import { Ok } from '@sigap/domain/api/umum';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, raw } from '../../lib/api';

/** Query keys of the settings area: the Pemda's settings and the holiday calendar. */
export const pengaturanKeys = {
  pengaturan: ['pengaturan'] as const,
  libur: ['kalender', 'libur'] as const,
  liburTahun: (tahun: number | string) => ['kalender', 'libur', String(tahun)] as const,
};

/** The Pemda's settings (hours, zone…): GET /api/pengaturan. */
export function usePengaturan() {
  return useQuery(apiQuery(pengaturanKeys.pengaturan, '/api/pengaturan', Pengaturan));
}

/** A year's holidays: GET /api/kalender/libur?tahun=…. */
export function useHariLibur(tahun: number | string) {
  return useQuery(apiQuery(pengaturanKeys.liburTahun(tahun), '/api/kalender/libur', DaftarLibur, { tahun }));
}

/** Saves the settings: PUT /api/pengaturan; the answer becomes the cached settings at once. */
export function useSimpanPengaturan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UbahPengaturan) => api.put('/api/pengaturan', input, { schema: Pengaturan }),
    onSuccess: (after) => qc.setQueryData(pengaturanKeys.pengaturan, after),
  });
}

/** Adds (or renames) a holiday: POST /api/kalender/libur. */
export function useTambahLibur() {
  return useMutation({
    mutationFn: (day: HariLibur) => api.post('/api/kalender/libur', day, { schema: HasilLibur }),
  });
}

/** Deletes a holiday: DELETE /api/kalender/libur/:tanggal. */
export function useHapusLibur() {
  return useMutation({
    mutationFn: (tanggal: string) =>
      api.delete(`/api/kalender/libur/${encodeURIComponent(tanggal)}`, { schema: Ok }),
  });
}

/** Imports a holiday decree as CSV: POST /api/kalender/libur/impor. */
export function useImporLibur() {
  return useMutation({
    mutationFn: (csv: string) =>
      api.post('/api/kalender/libur/impor', raw('text/csv', csv), { schema: HasilLibur }),
  });
}
