import { z } from 'zod';
import { TanggalSchema } from '../kalender/skema.ts';
import { RADIUS_GEOFENCE } from '../org/geo.ts';
import { teksBiasa } from '../org/teks.ts';
import { JABATAN_LEVEL, JENIS_PEGAWAI, KELAS_LAYANAN } from '../org/types.ts';
import { RingkasanImpor } from './impor.ts';
import { Tanggal } from './umum.ts';

/** `?tanggal=`: the registry as of a date (default: today in the Pemda's zone). */
export const AsOfQuery = z.object({
  tanggal: TanggalSchema.optional().describe('lihat data per tanggal (YYYY-MM-DD); bawaan: hari ini'),
});
export const KodeOpdParam = z.object({ kode: z.string().max(40) });
export const IdPegawaiParam = z.object({ id: z.uuid() });

/** What an OPD/unit inherits from above when it sets nothing itself. */
export const OpdEfektif = z.object({
  kelas_layanan: z.enum(KELAS_LAYANAN),
  sektor: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radius_m: z.number().nullable(),
  opd_induk_kode: z.string(),
});
export type OpdEfektif = z.infer<typeof OpdEfektif>;

export const OpdNode = z.object({
  id: z.string(),
  kode: z.string(),
  nama: z.string(),
  jenis: z.string(),
  induk_kode: z.string().nullable(),
  kelas_layanan: z.enum(KELAS_LAYANAN).nullable(),
  sektor: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radius_m: z.number().nullable(),
  efektif: OpdEfektif,
  jumlah_pegawai: z.number().int(),
});
export type OpdNode = z.infer<typeof OpdNode>;

/** GET /api/opd */
export const OpdTree = z.object({ tanggal: Tanggal, opd: z.array(OpdNode) });
export type OpdTree = z.infer<typeof OpdTree>;

export const OpdRiwayat = z.object({
  berlaku_dari: Tanggal,
  berlaku_sampai: Tanggal.nullable(),
  nama: z.string(),
  jenis: z.string(),
  induk_kode: z.string().nullable(),
  kelas_layanan: z.string().nullable(),
  sektor: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radius_m: z.number().nullable(),
});
export type OpdRiwayat = z.infer<typeof OpdRiwayat>;

/** GET /api/opd/:kode */
export const OpdDetail = OpdNode.extend({
  anak: z.array(OpdNode),
  jumlah_pegawai_subtree: z.number().int(),
  riwayat: z.array(OpdRiwayat),
});
export type OpdDetail = z.infer<typeof OpdDetail>;

/** GET /api/pegawai query */
export const PegawaiQuery = AsOfQuery.extend({
  q: z.string().max(100).optional(),
  opd: z.string().max(40).optional(),
  level: z.enum(JABATAN_LEVEL).optional(),
  jenis: z.enum(JENIS_PEGAWAI).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const PegawaiRow = z.object({
  id: z.string(),
  nip: z.string().nullable(),
  id_pegawai: z.string().nullable(),
  nama: z.string(),
  jenis_pegawai: z.enum(JENIS_PEGAWAI),
  jabatan_level: z.enum(JABATAN_LEVEL),
  jabatan: z.string(),
  opd_kode: z.string(),
});
export type PegawaiRow = z.infer<typeof PegawaiRow>;

/** GET /api/pegawai */
export const PegawaiPage = z.object({ tanggal: Tanggal, total: z.number().int(), rows: z.array(PegawaiRow) });
export type PegawaiPage = z.infer<typeof PegawaiPage>;

export const PegawaiRiwayat = z.object({
  berlaku_dari: Tanggal,
  berlaku_sampai: Tanggal.nullable(),
  jenis_pegawai: z.enum(JENIS_PEGAWAI),
  jabatan_level: z.enum(JABATAN_LEVEL),
  jabatan: z.string(),
  opd_kode: z.string(),
  atasan_nama: z.string().nullable(),
});
export type PegawaiRiwayat = z.infer<typeof PegawaiRiwayat>;

/** GET /api/pegawai/:id */
export const PegawaiDetail = z.object({
  id: z.string(),
  nip: z.string().nullable(),
  id_pegawai: z.string().nullable(),
  nama: z.string(),
  email: z.string().nullable(),
  telepon: z.string().nullable(),
  rumah_lat: z.number().nullable(),
  rumah_lng: z.number().nullable(),
  /** contact details withheld from this caller (not null in the register) */
  kontak_disembunyikan: z.boolean(),
  /** home location withheld from this caller */
  rumah_disembunyikan: z.boolean(),
  jenis_pegawai: z.enum(JENIS_PEGAWAI).nullable(),
  jabatan_level: z.enum(JABATAN_LEVEL).nullable(),
  jabatan: z.string().nullable(),
  opd_id: z.string().nullable(),
  opd_kode: z.string().nullable(),
  atasan_id: z.string().nullable(),
  atasan_nama: z.string().nullable(),
  atasan_nip: z.string().nullable(),
  berlaku_dari: Tanggal.nullable(),
  riwayat: z.array(PegawaiRiwayat),
  bawahan: z.array(
    z.object({ id: z.string(), nama: z.string(), nip: z.string().nullable(), jabatan: z.string() }),
  ),
});
export type PegawaiDetail = z.infer<typeof PegawaiDetail>;

const Berlaku = TanggalSchema.optional().describe('tanggal berlaku (YYYY-MM-DD); bawaan: hari ini');

/** PUT /api/pegawai/:id body */
export const UbahPegawai = z
  .object({
    nama: teksBiasa().pipe(z.string().trim().min(1).max(200)).optional(),
    opd_kode: teksBiasa().pipe(z.string().trim().min(1).max(40)).optional(),
    jabatan_level: z.enum(JABATAN_LEVEL).optional(),
    jabatan: teksBiasa().pipe(z.string().max(200)).optional(),
    email: teksBiasa().pipe(z.string().max(200)).optional(),
    telepon: teksBiasa().pipe(z.string().max(40)).optional(),
    berlaku: Berlaku,
  })
  .strict();
export type UbahPegawai = z.input<typeof UbahPegawai>;

/** PUT /api/opd/:kode body */
export const UbahOpd = z
  .object({
    nama: teksBiasa().pipe(z.string().trim().min(1).max(200)).optional(),
    induk_kode: teksBiasa().pipe(z.string().trim().max(40)).optional(),
    kelas_layanan: z.enum(KELAS_LAYANAN).optional(),
    // Inside Indonesia, both or neither, a radius only with a location: checked by the import.
    lat: z.number().min(-90).max(90).nullable().optional().describe('lintang kantor; null = kosong'),
    lng: z.number().min(-180).max(180).nullable().optional().describe('bujur kantor; null = kosong'),
    radius_m: z
      .number()
      .int()
      .min(RADIUS_GEOFENCE.min)
      .max(RADIUS_GEOFENCE.max)
      .nullable()
      .optional()
      .describe('radius geofence dalam meter'),
    berlaku: Berlaku,
  })
  .strict();
export type UbahOpd = z.input<typeof UbahOpd>;

/** PUT /api/pegawai/:id, PUT /api/opd/:kode: the change, counted as an import of one row. */
export const HasilUbah = RingkasanImpor;
export type HasilUbah = RingkasanImpor;

/** POST …/nonaktifkan body */
export const Nonaktifkan = z.object({ berlaku: Berlaku }).strict();

/** POST /api/pegawai/:id/nonaktifkan */
export const HasilNonaktifPegawai = z.object({
  id: z.string(),
  berlaku_sampai: Tanggal,
  /** usernames of the linked accounts switched off with the person */
  akun_dinonaktifkan: z.array(z.string()),
  message: z.string(),
});
export type HasilNonaktifPegawai = z.infer<typeof HasilNonaktifPegawai>;

/** POST /api/opd/:kode/nonaktifkan */
export const HasilNonaktifOpd = z.object({ kode: z.string(), berlaku_sampai: Tanggal });
export type HasilNonaktifOpd = z.infer<typeof HasilNonaktifOpd>;
