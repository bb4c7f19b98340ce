import {
  DaftarKebijakan,
  DampakKebijakan,
  HasilSimpanKebijakan,
  HasilUbahStatus,
  HasilValidasiKebijakan,
  KebijakanDetail,
  PenjelasanPegawai,
} from '@sigap/domain/api/kebijakan';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery, raw } from '../../lib/api';

/** Query keys of the policy area. */
export const kebijakanKeys = {
  all: ['kebijakan'] as const,
  list: ['kebijakan', 'list'] as const,
  detail: (id: string) => ['kebijakan', 'detail', id] as const,
  dampak: (id: string, versi: number, tanggal: string) =>
    ['kebijakan', 'dampak', id, versi, tanggal] as const,
};

/** All policies, summarised: GET /api/kebijakan. */
export function useDaftarKebijakan() {
  return useQuery(apiQuery(kebijakanKeys.list, '/api/kebijakan', DaftarKebijakan));
}

/** One policy with its versions: GET /api/kebijakan/:id. */
export function useKebijakan(id: string) {
  return useQuery(
    apiQuery(kebijakanKeys.detail(id), `/api/kebijakan/${encodeURIComponent(id)}`, KebijakanDetail),
  );
}

/** What a version would change on a date (GET /api/kebijakan-dampak); nothing asked without a valid date. */
export function useDampakKebijakan(id: string, versi: number, tanggal: string) {
  return useQuery({
    ...apiQuery(kebijakanKeys.dampak(id, versi, tanggal), '/api/kebijakan-dampak', DampakKebijakan, {
      tanggal,
      id,
      versi,
    }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(tanggal),
  });
}

/** Why one employee gets what on a date (asked on demand): GET /api/kebijakan-jelaskan. */
export function jelaskanPegawai(nip: string, tanggal: string): Promise<PenjelasanPegawai> {
  return api.get('/api/kebijakan-jelaskan', { query: { nip, tanggal }, schema: PenjelasanPegawai });
}

/** Stores a policy document (a new policy or a revision): POST /api/kebijakan with the YAML. */
export function useSimpanKebijakan() {
  return useMutation({
    mutationFn: (yaml: string) =>
      api.post('/api/kebijakan', raw('text/yaml', yaml), { schema: HasilSimpanKebijakan }),
  });
}

/** Checks a policy document without storing it: POST /api/kebijakan/validasi (reads only, no cache effect). */
export function validasiKebijakan(yaml: string): Promise<HasilValidasiKebijakan> {
  return api.post('/api/kebijakan/validasi', raw('text/yaml', yaml), { schema: HasilValidasiKebijakan });
}

/** Activates or revokes a version: POST /api/kebijakan/:id/versi/:versi/status. */
export function useUbahStatusKebijakan() {
  return useMutation({
    mutationFn: (v: { id: string; versi: number; status: 'aktif' | 'dicabut' }) =>
      api.post(
        `/api/kebijakan/${encodeURIComponent(v.id)}/versi/${v.versi}/status`,
        { status: v.status },
        { schema: HasilUbahStatus },
      ),
  });
}
