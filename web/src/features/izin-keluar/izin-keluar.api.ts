import {
  type AjukanIzinKeluar,
  DaftarIzinKeluar,
  HasilBatalIzin,
  HasilIzinKeluar,
  HasilKeberatanIzin,
} from '@sigap/domain/api/izin-keluar';
import { useMutation, useQuery } from '@tanstack/react-query';
import { kirimAtauAntrekan } from '../../lib/antrean';
import { api, apiQuery } from '../../lib/api';

export type { IzinKeluarItem } from '@sigap/domain/api/izin-keluar';

/** Query keys of the going-out notices (docs/wfh.md §3); every write refreshes the active lists (lib/api/query). */
export const izinKeys = {
  semua: ['izin-keluar'] as const,
  saya: ['izin-keluar', 'saya'] as const,
  bawahan: ['izin-keluar', 'bawahan'] as const,
};

/** One's own notices: GET /api/wfh/izin-keluar/saya. */
export const useIzinSaya = () =>
  useQuery({
    ...apiQuery(izinKeys.saya, '/api/wfh/izin-keluar/saya', DaftarIzinKeluar),
    refetchInterval: 60_000,
  });
/** The notices of one's people: GET /api/wfh/izin-keluar/bawahan (a week back and ahead). */
export const useIzinBawahan = () =>
  useQuery({
    ...apiQuery(izinKeys.bawahan, '/api/wfh/izin-keluar/bawahan', DaftarIzinKeluar),
    refetchInterval: 60_000,
  });

/**
 * POST /api/wfh/izin-keluar through the offline queue (lib/antrean.ts): the answer when sent, null when it
 * waits for the connection (the server still judges "beforehand" by its own clock when it arrives).
 */
export function useAjukanIzin() {
  return useMutation({
    networkMode: 'always',
    mutationFn: async (v: AjukanIzinKeluar) => {
      const r = await kirimAtauAntrekan({
        id: v.id_klien,
        jenis: 'izin_keluar',
        url: '/api/wfh/izin-keluar',
        isi: v,
      });
      return r === null ? null : HasilIzinKeluar.parse(r);
    },
  });
}
export function useBatalIzin() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/wfh/izin-keluar/${encodeURIComponent(id)}/batal`, {}, { schema: HasilBatalIzin }),
  });
}
export function useKeberatanIzin() {
  return useMutation({
    mutationFn: (v: { id: string; catatan: string }) =>
      api.post(
        `/api/wfh/izin-keluar/${encodeURIComponent(v.id)}/keberatan`,
        { catatan: v.catatan },
        { schema: HasilKeberatanIzin },
      ),
  });
}
