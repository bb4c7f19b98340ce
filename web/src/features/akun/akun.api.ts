import { useMutation, useQuery } from '@tanstack/react-query';
import type { toUserBody, toUserChangeBody } from '../../lib/akun';
import { api, apiQuery } from '../../lib/api';
import type { Akun } from '../../lib/types';

/** Query keys of the accounts area. */
export const akunKeys = { all: ['akun'] as const };

/** The sign-in accounts the caller manages: GET /api/akun. */
export function useDaftarAkun() {
  return useQuery(apiQuery<Akun[]>(akunKeys.all, '/api/akun'));
}

/** Creates an account (POST /api/akun) or changes one (PUT /api/akun/:id). */
export function useSimpanAkun() {
  return useMutation({
    mutationFn: (v: {
      id?: string;
      body: ReturnType<typeof toUserBody> | ReturnType<typeof toUserChangeBody>;
    }) =>
      v.id !== undefined
        ? api.put(`/api/akun/${encodeURIComponent(v.id)}`, v.body)
        : api.post('/api/akun', v.body),
  });
}

/** Deactivates, activates or unlocks an account: POST /api/akun/:id/<aksi>. */
export function useAksiAkun() {
  return useMutation({
    mutationFn: (v: { id: string; aksi: 'nonaktifkan' | 'aktifkan' | 'buka-kunci' }) =>
      api.post(`/api/akun/${encodeURIComponent(v.id)}/${v.aksi}`, {}),
  });
}

/** Sets a new password for an account: POST /api/akun/:id/atur-ulang-sandi. */
export function useAturUlangSandi() {
  return useMutation({
    mutationFn: (v: { id: string; password: string }) =>
      api.post(`/api/akun/${encodeURIComponent(v.id)}/atur-ulang-sandi`, { password: v.password }),
  });
}
