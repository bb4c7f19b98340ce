import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';
import type { ImportSummary, PegawaiDetail, PegawaiPage } from '../../lib/types';

/** The list's filters, as the server takes them. */
export interface PegawaiFilter {
  readonly q: string;
  readonly opd: string;
  readonly level: string;
  readonly jenis: string;
  readonly tanggal: string;
}

/** Query keys of the employee area. */
export const pegawaiKeys = {
  all: ['pegawai'] as const,
  list: (f: PegawaiFilter) => ['pegawai', 'list', f] as const,
  page: (f: PegawaiFilter, page: number, size: number) => ['pegawai', 'list', f, page, size] as const,
  detail: (id: string, tanggal: string) => ['pegawai', 'detail', id, tanggal] as const,
};

/** Pages of the filtered list (GET /api/pegawai with limit/offset), each cached on its own. */
export function usePegawaiHalaman(f: PegawaiFilter, pages: readonly number[], size: number) {
  return useQueries({
    queries: pages.map((page) =>
      apiQuery<PegawaiPage>(pegawaiKeys.page(f, page, size), '/api/pegawai', {
        ...f,
        limit: size,
        offset: page * size,
      }),
    ),
  });
}

/** One employee as of a date: GET /api/pegawai/:id. */
export function usePegawai(id: string, tanggal: string) {
  return useQuery(
    apiQuery<PegawaiDetail>(pegawaiKeys.detail(id, tanggal), `/api/pegawai/${encodeURIComponent(id)}`, {
      tanggal,
    }),
  );
}

/** Changes one employee from an effective date: PUT /api/pegawai/:id. */
export function useUbahPegawai() {
  return useMutation({
    mutationFn: (v: { id: string; body: Record<string, string> }) =>
      api.put<ImportSummary>(`/api/pegawai/${encodeURIComponent(v.id)}`, v.body),
  });
}

/** Deactivates an employee or an OPD from a date: POST …/nonaktifkan. */
export function useNonaktifkan() {
  return useMutation({
    mutationFn: (v: { url: string; berlaku: string }) =>
      api.post<{ message?: string }>(v.url, { berlaku: v.berlaku }),
  });
}
