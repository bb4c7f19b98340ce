import {
  HasilNonaktifOpd,
  HasilNonaktifPegawai,
  HasilUbah,
  PegawaiDetail,
  PegawaiPage,
} from '@sigap/domain/api/org';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

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
      apiQuery(pegawaiKeys.page(f, page, size), '/api/pegawai', PegawaiPage, {
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
    apiQuery(pegawaiKeys.detail(id, tanggal), `/api/pegawai/${encodeURIComponent(id)}`, PegawaiDetail, {
      tanggal,
    }),
  );
}

/** Changes one employee from an effective date: PUT /api/pegawai/:id. */
export function useUbahPegawai() {
  return useMutation({
    mutationFn: (v: { id: string; body: Record<string, string> }) =>
      api.put(`/api/pegawai/${encodeURIComponent(v.id)}`, v.body, { schema: HasilUbah }),
  });
}

/** What is deactivated: an employee (by id) or an OPD/unit (by code). */
export type SasaranNonaktif = { readonly pegawai: string } | { readonly opd: string };

/**
 * Deactivates an employee (POST /api/pegawai/:id/nonaktifkan) or an OPD/unit (POST /api/opd/:kode/nonaktifkan)
 * from a date; each answer is parsed by its own schema.
 */
export function useNonaktifkan() {
  return useMutation({
    mutationFn: (v: {
      sasaran: SasaranNonaktif;
      berlaku: string;
    }): Promise<HasilNonaktifPegawai | HasilNonaktifOpd> => {
      const body = { berlaku: v.berlaku };
      return 'pegawai' in v.sasaran
        ? api.post(`/api/pegawai/${encodeURIComponent(v.sasaran.pegawai)}/nonaktifkan`, body, {
            schema: HasilNonaktifPegawai,
          })
        : api.post(`/api/opd/${encodeURIComponent(v.sasaran.opd)}/nonaktifkan`, body, {
            schema: HasilNonaktifOpd,
          });
    },
  });
}
