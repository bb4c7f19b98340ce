import { DaftarAkun, HasilAktif, HasilAkun, HasilId } from '@sigap/domain/api/akun';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { toUserBody, toUserChangeBody } from '../../lib/akun';
import { api, apiQuery } from '../../lib/api';

/** Query keys of the accounts area. */
export const akunKeys = { all: ['akun'] as const };

/** The sign-in accounts the caller manages: GET /api/akun. */
export function useDaftarAkun() {
  return useQuery(apiQuery(akunKeys.all, '/api/akun', DaftarAkun));
}

/** Creates an account (POST /api/akun) or changes one (PUT /api/akun/:id). */
export function useSimpanAkun() {
  return useMutation({
    mutationFn: (v: {
      id?: string;
      body: ReturnType<typeof toUserBody> | ReturnType<typeof toUserChangeBody>;
    }) =>
      v.id !== undefined
        ? api.put(`/api/akun/${encodeURIComponent(v.id)}`, v.body, { schema: HasilAkun })
        : api.post('/api/akun', v.body, { schema: HasilAkun }),
  });
}

/** Deactivates, activates or unlocks an account: POST /api/akun/:id/<aksi>. */
export function useAksiAkun() {
  return useMutation({
    mutationFn: (v: { id: string; aksi: 'nonaktifkan' | 'aktifkan' | 'buka-kunci' }) => {
      const path = `/api/akun/${encodeURIComponent(v.id)}/${v.aksi}`;
      return v.aksi === 'buka-kunci'
        ? api.post(path, {}, { schema: HasilId })
        : api.post(path, {}, { schema: HasilAktif });
    },
  });
}

/** Sets a new password for an account: POST /api/akun/:id/atur-ulang-sandi. */
export function useAturUlangSandi() {
  return useMutation({
    mutationFn: (v: { id: string; password: string }) =>
      api.post(
        `/api/akun/${encodeURIComponent(v.id)}/atur-ulang-sandi`,
        { password: v.password },
        { schema: HasilId },
      ),
  });
}
