import { type Pesan, pesan, pesanIsuZod, teks } from '@sigap/domain';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

// A request that fails its zod schema, answered in words: each field by a readable name (with the
// API's own key in brackets for whoever wrote the call) and what is wrong with it, in the caller's
// language, never zod's "expected number to be <=100".

/** Readable names of the request fields the routes use. */
const LABEL: Readonly<Record<string, readonly [string, string]>> = {
  nama: ['Nama', 'Name'],
  username: ['Nama pengguna', 'Username'],
  password: ['Kata sandi', 'Password'],
  pemda: ['Pemda', 'Pemda'],
  nip: ['NIP', 'NIP'],
  roles: ['Peran', 'Roles'],
  role: ['Peran', 'Role'],
  opd: ['OPD', 'OPD'],
  opdKode: ['Kode OPD', 'OPD code'],
  opd_kode: ['Kode OPD', 'OPD code'],
  zona_waktu: ['Zona waktu', 'Time zone'],
  jam_kerja: ['Jam kerja', 'Working hours'],
  istirahat_menit: ['Istirahat (menit)', 'Break (minutes)'],
  pusat_lat: ['Lintang pusat', 'Centre latitude'],
  pusat_lng: ['Bujur pusat', 'Centre longitude'],
  radius_m: ['Radius geofence (meter)', 'Geofence radius (metres)'],
  pegawai_id: ['Pegawai', 'Employee'],
  tanggal: ['Tanggal', 'Date'],
  dari: ['Tanggal mulai', 'Start date'],
  sampai: ['Tanggal selesai', 'End date'],
  berlaku: ['Berlaku mulai', 'Effective from'],
  jenis: ['Jenis', 'Type'],
  status: ['Status', 'Status'],
  level: ['Tingkat jabatan', 'Position level'],
  limit: ['Jumlah per halaman', 'Page size'],
  offset: ['Mulai dari baris', 'Offset'],
  q: ['Pencarian', 'Search'],
  id: ['Pengenal', 'Identifier'],
  pegawaiId: ['Pegawai', 'Employee'],
  keterangan: ['Keterangan', 'Note'],
  alasan: ['Alasan', 'Reason'],
  catatan: ['Catatan', 'Note'],
  lokasi: ['Lokasi kerja', 'Work location'],
  zonaWaktu: ['Zona waktu', 'Time zone'],
  jamKerja: ['Jam kerja', 'Working hours'],
  mulai: ['Jam mulai', 'Start time'],
  selesai: ['Jam selesai', 'End time'],
  istirahatMenit: ['Istirahat (menit)', 'Break (minutes)'],
  pusatLat: ['Lintang pusat', 'Centre latitude'],
  pusatLng: ['Bujur pusat', 'Centre longitude'],
  lat: ['Lintang', 'Latitude'],
  lng: ['Bujur', 'Longitude'],
  radiusM: ['Radius geofence (meter)', 'Geofence radius (metres)'],
  entitas: ['Jenis data', 'Entity kind'],
  aksi: ['Tindakan', 'Action'],
  pelaku: ['Pelaku', 'Actor'],
  format: ['Format berkas', 'File format'],
  versi: ['Versi', 'Version'],
};

/** `roles/0/opdKode` → `roles[1].opdKode` (positions counted from 1, as a person counts rows). */
function jalurOf(path: readonly string[]): string {
  return path.reduce<string>(
    (s, k) => (/^\d+$/.test(k) ? `${s}[${Number(k) + 1}]` : s ? `${s}.${k}` : k),
    '',
  );
}

/** A field as a reader names it: "Tanggal mulai (dari)", "Peran (roles[1].role)". */
export function namaIsian(path: readonly string[], context: string): Pesan {
  const key = [...path].reverse().find((k) => !/^\d+$/.test(k));
  const jalur = jalurOf(path);
  if (!key) {
    return context === 'body'
      ? pesan('Isian permintaan', 'Request body')
      : pesan(`Bagian ${context}`, `The ${context}`);
  }
  const label = LABEL[key];
  if (!label) return pesan(jalur, jalur);
  return pesan(`${label[0]} (${jalur})`, `${label[1]} (${jalur})`);
}

interface ValidasiZod {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params?: Record<string, unknown>;
  readonly message?: string;
}

function nilaiDi(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/**
 * The message for a failed schema: "Masukan tidak sah — Tingkat jabatan (level): harus salah satu
 * dari: …". `data` is what was validated (the body, query or params), to tell a missing field from a
 * wrong one.
 */
export function pesanValidasi(
  req: FastifyRequest,
  validation: readonly ValidasiZod[],
  context: string,
  lang: string,
): string {
  const data = (req as unknown as Record<string, unknown>)[context];
  const bagian = validation.map((v) => {
    const path = v.instancePath.split('/').filter((k) => k !== '');
    // The shared date and period schemas word their own messages in both languages: "Indonesian ‖ English".
    const [id, en] = (v.message ?? '').split(' ‖ ');
    if (id && en) return `${teks(namaIsian(path, context), lang)}: ${lang === 'en' ? en : id}`;
    const isu = {
      ...(v.params ?? {}),
      code: v.keyword,
      path,
      input: nilaiDi(data, path),
    } as unknown as z.core.$ZodRawIssue;
    return `${teks(namaIsian(path, context), lang)}: ${teks(pesanIsuZod(isu), lang)}`;
  });
  return lang === 'en' ? `Invalid input — ${bagian.join('; ')}` : `Masukan tidak sah — ${bagian.join('; ')}`;
}
