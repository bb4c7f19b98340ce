import {
  DaftarPerangkat,
  HasilAbsenWajah,
  KioskSaya,
  TantanganBaru,
  type TerminalBaru,
  TerminalDibuat,
  TokenDicabut,
  TokenPerangkat,
} from '@sigap/domain/api/kehadiran';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery } from '../../lib/api';

// Attendance devices (docs/kehadiran.md §8): the admin's list, registration and device tokens
// (perangkat.manage, with the session), and the kiosk's own calls, made with its device token
// (Authorization: Bearer <token>) instead of a session.

export const perangkatKeys = { daftar: ['perangkat'] as const };

/** GET /api/perangkat */
export function useDaftarPerangkat() {
  return useQuery(apiQuery(perangkatKeys.daftar, '/api/perangkat', DaftarPerangkat));
}

/** POST /api/perangkat (the cache refreshes after every write: lib/api/query.tsx). */
export function useDaftarkanPerangkat() {
  return useMutation({
    mutationFn: (v: TerminalBaru) => api.post('/api/perangkat', v, { schema: TerminalDibuat }),
  });
}

/** POST /api/perangkat/:id/token: the new token, shown once; an older one stops at once. */
export function useTerbitkanToken() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/perangkat/${encodeURIComponent(id)}/token`, {}, { schema: TokenPerangkat }),
  });
}

/** DELETE /api/perangkat/:id/token */
export function useCabutToken() {
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`/api/perangkat/${encodeURIComponent(id)}/token`, { schema: TokenDicabut }),
  });
}

const bearer = (token: string) => `Bearer ${token}`;

/** GET /api/kiosk with the kiosk's token: which kiosk, its OPD and Pemda, the server's clock. */
export function kioskSaya(token: string, signal?: AbortSignal): Promise<KioskSaya> {
  return api.get('/api/kiosk', { schema: KioskSaya, authorization: bearer(token), signal });
}

/** POST /api/kehadiran/tantangan with the kiosk's token. */
export function tantanganKios(token: string): Promise<TantanganBaru> {
  return api.post('/api/kehadiran/tantangan', {}, { schema: TantanganBaru, authorization: bearer(token) });
}

export interface IsianKios {
  readonly bingkai: readonly Blob[];
  readonly tantanganId: string;
  readonly jenis: 'masuk' | 'pulang';
  readonly idKlien: string;
  readonly waktuPerangkat: string;
}

/** POST /api/kehadiran (multipart) with the kiosk's token: no location (the kiosk's place is fixed). */
export function absenKios(token: string, v: IsianKios): Promise<HasilAbsenWajah> {
  const fd = new FormData();
  for (const [i, b] of v.bingkai.entries()) fd.append('foto', b, `bingkai-${i + 1}.jpg`);
  fd.append('tantangan_id', v.tantanganId);
  fd.append('jenis', v.jenis);
  fd.append('waktu_perangkat', v.waktuPerangkat);
  fd.append('id_klien', v.idKlien);
  return api.post('/api/kehadiran', fd, { schema: HasilAbsenWajah, authorization: bearer(token) });
}
