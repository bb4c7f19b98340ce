import {
  DaftarPernyataanOpd,
  DaftarPernyataanSaya,
  HasilTandaTangan,
  type TandaTanganPernyataan,
} from '@sigap/domain/api/pernyataan';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

export type { DaftarPernyataanOpd, Pernyataan } from '@sigap/domain/api/pernyataan';

/** One's own stay-home statements: GET /api/wfh/pernyataan/saya. */
export const usePernyataanSaya = () =>
  useQuery(apiQuery(['wfh-pernyataan', 'saya'], '/api/wfh/pernyataan/saya', DaftarPernyataanSaya));

/** Who has signed and who has not: GET /api/wfh/pernyataan. */
export const useDaftarPernyataan = (q: { opd: string | null; kebijakan: string | null }, aktif: boolean) => {
  const [kebijakanId, versi] = q.kebijakan ? q.kebijakan.split('@') : [];
  const params = {
    ...(q.opd ? { opd: q.opd } : {}),
    ...(kebijakanId ? { kebijakan_id: kebijakanId, versi } : {}),
  };
  return useQuery({
    ...apiQuery(
      ['wfh-pernyataan', 'daftar', q.opd ?? '', q.kebijakan ?? ''],
      '/api/wfh/pernyataan',
      DaftarPernyataanOpd,
      params,
    ),
    enabled: aktif,
  });
};

/** The address of the list as CSV. */
export function csvPernyataan(q: { opd: string | null; kebijakan: string | null }): string {
  const [kebijakanId, versi] = q.kebijakan ? q.kebijakan.split('@') : [];
  return `/api/wfh/pernyataan?${new URLSearchParams({
    format: 'csv',
    ...(q.opd ? { opd: q.opd } : {}),
    ...(kebijakanId && versi ? { kebijakan_id: kebijakanId, versi } : {}),
  })}`;
}

/** One's own statement of a policy version as PDF (a draft while unsigned). */
export const drafPernyataan = (kebijakanId: string, versi: number) =>
  `/api/wfh/pernyataan/saya/pdf?${new URLSearchParams({ kebijakan_id: kebijakanId, versi: String(versi) })}`;

/** The signed statement's PDF. */
export const pdfPernyataan = (id: string) => `/api/wfh/pernyataan/${id}/pdf`;

export function useTandaTangan() {
  return useMutation({
    mutationFn: (v: TandaTanganPernyataan) =>
      api.post('/api/wfh/pernyataan/tandatangan', v, { schema: HasilTandaTangan }),
  });
}
