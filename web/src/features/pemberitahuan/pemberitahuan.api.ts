import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

/** GET /api/pemberitahuan (server/src/modules/pemberitahuan/pemberitahuan.service.ts). */
export interface DaftarPemberitahuan {
  readonly belumDibaca: number;
  readonly item: readonly {
    readonly id: string;
    readonly jenis: string;
    readonly judul: string;
    readonly isi: string;
    readonly tautan: string | null;
    readonly dibuatPada: string;
    readonly dibaca: boolean;
  }[];
}

/** Query keys of the notifications area. */
export const pemberitahuanKeys = { all: ['pemberitahuan'] as const };

/** The signed-in employee's notifications, polled every `selangMs` (GET /api/pemberitahuan). */
export function usePemberitahuan(enabled: boolean, selangMs: number) {
  return useQuery({
    ...apiQuery<DaftarPemberitahuan>(pemberitahuanKeys.all, '/api/pemberitahuan'),
    enabled,
    staleTime: 0,
    refetchInterval: selangMs,
  });
}

/** Marks one notification (or, without an id, all) as read: POST /api/pemberitahuan/baca. */
export function useBacaPemberitahuan() {
  return useMutation({
    mutationFn: (id?: string) => api.post('/api/pemberitahuan/baca', id ? { id } : {}),
  });
}
