import { DaftarPemda, type GantiSandi, HasilGantiSandi } from '@sigap/domain/api/akun';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

/** Query keys of sign-in and the account's own password. */
export const authKeys = { pemda: ['pemda'] as const };

/** The Pemdas one may sign in to (asked before sign-in): GET /api/pemda. */
export function useDaftarPemda() {
  return useQuery(apiQuery(authKeys.pemda, '/api/pemda', DaftarPemda));
}

/** Changes one's own password, ending one's other sessions: POST /api/auth/sandi. */
export function useGantiSandi() {
  return useMutation({
    mutationFn: (v: GantiSandi) => api.post('/api/auth/sandi', v, { schema: HasilGantiSandi }),
  });
}
