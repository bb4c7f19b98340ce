import { z } from 'zod';
import { JENIS_CUTI, MAKS_HARI_CUTI } from '../cuti/cuti.ts';
import { denganPeriode, periodeDengan, TanggalSchema } from '../kalender/skema.ts';
import { teksBiasa } from '../org/teks.ts';
import { Tanggal, Waktu } from './umum.ts';

export const STATUS_CUTI = ['diajukan', 'disetujui', 'ditolak', 'dibatalkan'] as const;
export type StatusCuti = (typeof STATUS_CUTI)[number];

/** GET /api/cuti query: untuk=saya (own), persetujuan (waiting for the caller), semua. */
export const CutiQuery = denganPeriode(
  z.object({
    untuk: z.enum(['saya', 'persetujuan', 'semua']).default('semua'),
    status: z.enum(STATUS_CUTI).optional(),
    dari: TanggalSchema.optional(),
    sampai: TanggalSchema.optional(),
  }),
  Number.POSITIVE_INFINITY,
);

const isian = {
  jenis: z.enum(JENIS_CUTI),
  keterangan: teksBiasa({ multiline: true }).max(500).optional(),
};
/** POST /api/cuti body: an employee asks for leave. */
export const AjukanCuti = periodeDengan(isian, MAKS_HARI_CUTI);
export type AjukanCuti = z.input<typeof AjukanCuti>;
/** POST /api/cuti/catat body: an OPD admin records approved leave for someone in scope. */
export const CatatCuti = periodeDengan(
  { ...isian, key: z.string().min(1).max(40).describe('NIP atau id_pegawai') },
  MAKS_HARI_CUTI,
);
export type CatatCuti = z.input<typeof CatatCuti>;
/** POST /api/cuti/:id/putusan body */
export const PutusanCuti = z.object({
  setuju: z.boolean(),
  catatan: teksBiasa({ multiline: true }).max(500).optional(),
});
export type PutusanCuti = z.input<typeof PutusanCuti>;
/** POST /api/cuti/impor query (the body is the file) */
export const ImporCutiQuery = z.object({ nama: z.string().max(200).default('cuti.csv') });

/** One leave entry as GET /api/cuti lists it. */
export const CutiItem = z.object({
  id: z.string(),
  pegawai: z.object({ id: z.string(), key: z.string(), nama: z.string(), opd_kode: z.string() }),
  jenis: z.enum(JENIS_CUTI),
  dari: Tanggal,
  sampai: Tanggal,
  /** null: a health note (sick leave, isolation) the caller may not read */
  keterangan: z.string().nullable(),
  status: z.enum(STATUS_CUTI),
  /** pengajuan, admin, impor */
  sumber: z.string(),
  diajukan_oleh: z.string(),
  diajukan_pada: Waktu,
  diputus_oleh: z.string().nullable(),
  diputus_pada: Waktu.nullable(),
  catatan_putusan: z.string().nullable(),
  boleh_putus: z.boolean(),
  boleh_batal: z.boolean(),
});
export type CutiItem = z.infer<typeof CutiItem>;
export const DaftarCuti = z.array(CutiItem);

/** What a decision, an entry or an import did to the schedule (null: no schedule covers those days). */
export const JadwalTercatat = z.object({ id: z.string(), sel: z.number().int(), terbit: z.boolean() });
export type JadwalTercatat = z.infer<typeof JadwalTercatat>;

/** POST /api/cuti (201), POST /api/cuti/:id/batal */
export const HasilAjuan = z.object({ id: z.string(), status: z.enum(STATUS_CUTI) });
export type HasilAjuan = z.infer<typeof HasilAjuan>;
/** POST /api/cuti/:id/putusan */
export const HasilPutusan = z.object({
  id: z.string(),
  status: z.enum(STATUS_CUTI),
  jadwal: JadwalTercatat.nullable(),
});
export type HasilPutusan = z.infer<typeof HasilPutusan>;
/** POST /api/cuti/catat (201) */
export const HasilCatat = z.object({
  id: z.string(),
  status: z.literal('disetujui'),
  jadwal: JadwalTercatat.nullable(),
});
export type HasilCatat = z.infer<typeof HasilCatat>;
/** POST /api/cuti/impor */
export const HasilImporCuti = z.object({ jumlah: z.number().int(), jadwal: JadwalTercatat.nullable() });
export type HasilImporCuti = z.infer<typeof HasilImporCuti>;
