import {
  type AjukanCuti,
  type CatatCuti,
  DaftarCuti,
  HasilAjuan,
  HasilCatat,
  HasilImporCuti,
  HasilPutusan,
  type PutusanCuti,
  type StatusCuti,
} from '@sigap/domain/api/cuti';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery, raw, withQuery } from '../../lib/api';

/** Whose requests a list shows: one's own, those awaiting one's decision, or the whole register. */
export type UntukCuti = 'saya' | 'persetujuan' | 'semua';

/** Query keys of the leave area. */
export const cutiKeys = {
  all: ['cuti'] as const,
  daftar: (untuk: UntukCuti, status: '' | StatusCuti) => ['cuti', 'daftar', untuk, status] as const,
};

/** A list of leave requests: GET /api/cuti?untuk=…&status=…. */
export function useDaftarCuti(untuk: UntukCuti, status: '' | StatusCuti = '') {
  return useQuery(apiQuery(cutiKeys.daftar(untuk, status), '/api/cuti', DaftarCuti, { untuk, status }));
}

/** Files one's own request: POST /api/cuti. */
export function useAjukanCuti() {
  return useMutation({
    mutationFn: (v: AjukanCuti) => api.post('/api/cuti', v, { schema: HasilAjuan }),
  });
}

/** Withdraws one's own request: POST /api/cuti/:id/batal. */
export function useBatalCuti() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/cuti/${encodeURIComponent(id)}/batal`, {}, { schema: HasilAjuan }),
  });
}

/** Approves or rejects a request: POST /api/cuti/:id/putusan. */
export function usePutusCuti() {
  return useMutation({
    mutationFn: (v: { id: string } & PutusanCuti) =>
      api.post(
        `/api/cuti/${encodeURIComponent(v.id)}/putusan`,
        { setuju: v.setuju, catatan: v.catatan },
        { schema: HasilPutusan },
      ),
  });
}

/** Records an approved leave for an employee (OPD admins): POST /api/cuti/catat. */
export function useCatatCuti() {
  return useMutation({
    mutationFn: (v: CatatCuti) => api.post('/api/cuti/catat', v, { schema: HasilCatat }),
  });
}

/** Imports a CSV/XLSX of leave: POST /api/cuti/impor with the file as it is. */
export function useImporCuti() {
  return useMutation({
    mutationFn: (v: { berkas: File; contentType: string }) =>
      api.post(withQuery('/api/cuti/impor', { nama: v.berkas.name }), raw(v.contentType, v.berkas), {
        schema: HasilImporCuti,
      }),
  });
}
