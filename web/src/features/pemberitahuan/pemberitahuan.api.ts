import { DaftarPemberitahuan, HasilBaca } from '@sigap/domain/api/pemberitahuan';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

/** GET /api/pemberitahuan: the shared schema's type. */
export type { DaftarPemberitahuan };

/** Query keys of the notifications area. */
export const pemberitahuanKeys = { all: ['pemberitahuan'] as const };

/** The signed-in employee's notifications, polled every `selangMs` (GET /api/pemberitahuan). */
export function usePemberitahuan(enabled: boolean, selangMs: number) {
  return useQuery({
    ...apiQuery(pemberitahuanKeys.all, '/api/pemberitahuan', DaftarPemberitahuan),
    enabled,
    staleTime: 0,
    refetchInterval: selangMs,
  });
}

/** Marks one notification (or, without an id, all) as read: POST /api/pemberitahuan/baca. */
export function useBacaPemberitahuan() {
  return useMutation({
    mutationFn: (id?: string) => api.post('/api/pemberitahuan/baca', id ? { id } : {}, { schema: HasilBaca }),
  });
}
