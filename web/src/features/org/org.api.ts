import { HasilUbah, OpdDetail, OpdTree } from '@sigap/domain/api/org';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

/** Query keys of the organisation area (a prefix names all of one kind). */
export const orgKeys = {
  all: ['opd'] as const,
  tree: (tanggal: string) => ['opd', 'tree', tanggal] as const,
  detail: (kode: string, tanggal: string) => ['opd', 'detail', kode, tanggal] as const,
};

/** The OPD tree as of a date (null = today): GET /api/opd. */
export function useOpdTree(tanggal = '') {
  return useQuery(apiQuery(orgKeys.tree(tanggal), '/api/opd', OpdTree, { tanggal }));
}

/** One OPD or unit as of a date: GET /api/opd/:kode. */
export function useOpdDetail(kode: string, tanggal: string) {
  return useQuery(
    apiQuery(orgKeys.detail(kode, tanggal), `/api/opd/${encodeURIComponent(kode)}`, OpdDetail, { tanggal }),
  );
}

/** Changes one OPD/unit from an effective date: PUT /api/opd/:kode. */
export function useUbahOpd() {
  return useMutation({
    mutationFn: (v: { kode: string; body: Record<string, string | number | null> }) =>
      api.put(`/api/opd/${encodeURIComponent(v.kode)}`, v.body, { schema: HasilUbah }),
  });
}
