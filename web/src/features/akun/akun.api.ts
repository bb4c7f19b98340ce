import { useMutation, useQuery } from '@tanstack/react-query';
import type { toUserBody, toUserChangeBody } from '../../lib/akun';
import { api, apiQuery } from '../../lib/api';
import type { Akun } from '../../lib/types';

/** Query keys of the accounts area. */
export const akunKeys = { all: ['users'] as const };

/** The sign-in accounts the caller manages: GET /api/users. */
export function useDaftarAkun() {
  return useQuery(apiQuery<Akun[]>(akunKeys.all, '/api/users'));
}

/** Creates an account (POST /api/users) or changes one (PUT /api/users/:id). */
export function useSimpanAkun() {
  return useMutation({
    mutationFn: (v: {
      id?: string;
      body: ReturnType<typeof toUserBody> | ReturnType<typeof toUserChangeBody>;
    }) =>
      v.id !== undefined
        ? api.put(`/api/users/${encodeURIComponent(v.id)}`, v.body)
        : api.post('/api/users', v.body),
  });
}

/** Deactivates, activates or unlocks an account: POST /api/users/:id/<aksi>. */
export function useAksiAkun() {
  return useMutation({
    mutationFn: (v: { id: string; aksi: 'nonaktifkan' | 'aktifkan' | 'buka-kunci' }) =>
      api.post(`/api/users/${encodeURIComponent(v.id)}/${v.aksi}`, {}),
  });
}

/** Sets a new password for an account: POST /api/users/:id/atur-ulang-sandi. */
export function useAturUlangSandi() {
  return useMutation({
    mutationFn: (v: { id: string; password: string }) =>
      api.post(`/api/users/${encodeURIComponent(v.id)}/atur-ulang-sandi`, { password: v.password }),
  });
}
