import { DaftarTinjauan, HasilAbsenWajah, TantanganBaru, TinjauanAbsen } from '@sigap/domain/api/kehadiran';
import { HasilCabut, HasilDaftarFoto, HasilPersetujuan, WajahSaya } from '@sigap/domain/api/wajah';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { afterWrite, api, apiQuery } from '../../lib/api';

// The attendance area's calls: the liveness challenge and the face check-in (POST /api/kehadiran), the
// person's own face data (consent, enrolment from the camera, withdrawal) and the OPD admin's review queue.

export const kehadiranKeys = {
  wajahSaya: ['wajah', 'saya'] as const,
  tinjau: ['kehadiran', 'tinjau'] as const,
};

/** POST /api/kehadiran/tantangan */
export function useTantangan() {
  return useMutation({
    mutationFn: () => api.post('/api/kehadiran/tantangan', {}, { schema: TantanganBaru }),
  });
}

export interface IsianAbsen {
  readonly bingkai: readonly Blob[];
  readonly tantanganId: string;
  readonly lat: number;
  readonly lng: number;
  readonly akurasiM: number;
  readonly jenis: 'masuk' | 'pulang';
  readonly idKlien: string;
}

/** POST /api/kehadiran (multipart): the frames and the fields; the same id_klien may be sent again safely. */
export function useAbsen() {
  return useMutation({
    mutationFn: (v: IsianAbsen) => {
      const fd = new FormData();
      for (const [i, b] of v.bingkai.entries()) fd.append('foto', b, `bingkai-${i + 1}.jpg`);
      fd.append('tantangan_id', v.tantanganId);
      fd.append('lat', String(v.lat));
      fd.append('lng', String(v.lng));
      fd.append('akurasi_m', String(Math.round(v.akurasiM * 10) / 10));
      fd.append('jenis', v.jenis);
      fd.append('waktu_perangkat', new Date().toISOString());
      fd.append('id_klien', v.idKlien);
      return api.post('/api/kehadiran', fd, { schema: HasilAbsenWajah });
    },
  });
}

/** GET /api/wajah/saya */
export function useWajahSaya() {
  return useQuery(apiQuery(kehadiranKeys.wajahSaya, '/api/wajah/saya', WajahSaya));
}

/** POST /api/wajah/saya/persetujuan */
export function useSetujuWajah() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/wajah/saya/persetujuan', {}, { schema: HasilPersetujuan }),
    onSuccess: () => afterWrite(qc),
  });
}

/** POST /api/wajah/saya/foto (multipart, 1–10 photos) */
export function useDaftarWajahSaya() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (foto: readonly Blob[]) => {
      const fd = new FormData();
      for (const [i, b] of foto.entries()) fd.append('foto', b, `foto-${i + 1}.jpg`);
      return api.post('/api/wajah/saya/foto', fd, { schema: HasilDaftarFoto });
    },
    onSuccess: () => afterWrite(qc),
  });
}

/** DELETE /api/wajah/saya: withdraws consent, deletes the templates. */
export function useCabutWajahSaya() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/wajah/saya', { schema: HasilCabut }),
    onSuccess: () => afterWrite(qc),
  });
}

/** GET /api/kehadiran/tinjau */
export function useTinjauan() {
  return useQuery(apiQuery(kehadiranKeys.tinjau, '/api/kehadiran/tinjau', DaftarTinjauan));
}

const HasilPutusan = TinjauanAbsen.pick({ kehadiran_id: true }).extend({
  status: z.enum(['diterima', 'ditolak']),
});

/** POST /api/kehadiran/tinjau/:id */
export function usePutusTinjauan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; putusan: 'diterima' | 'ditolak'; catatan: string }) =>
      api.post(
        `/api/kehadiran/tinjau/${encodeURIComponent(v.id)}`,
        { putusan: v.putusan, catatan: v.catatan },
        { schema: HasilPutusan },
      ),
    onSuccess: () => afterWrite(qc),
  });
}

/** Where the browser shows one review frame (an <img> with the session cookie). */
export const alamatBingkai = (id: string, urutan: number) =>
  `/api/kehadiran/tinjau/${encodeURIComponent(id)}/bingkai/${urutan}`;
