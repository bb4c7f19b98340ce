import { z } from 'zod';
import { TanggalSchema } from '../kalender/skema.ts';
import { Pesan } from './umum.ts';

export const JENIS_IMPOR = ['opd', 'pegawai'] as const;
/** `:jenis` of the import, export and template routes. */
export const JenisImporParam = z.object({ jenis: z.enum(JENIS_IMPOR) });

/** POST /api/impor/:jenis query (the body is the file: text/csv or XLSX). */
export const ImporQuery = z.object({
  nama: z.string().max(200).default('berkas.csv'),
  berlaku: TanggalSchema.optional(),
});
/** POST /api/impor/:jenis: 202 with the job's id; follow it at GET /api/impor/:id. */
export const ImporDimulai = z.object({ id: z.string() });
export type ImporDimulai = z.infer<typeof ImporDimulai>;

/** What an import (or a change made through the same path) did. */
export const RingkasanImpor = z.object({
  jenis: z.enum(JENIS_IMPOR),
  baris: z.number().int(),
  dibuat: z.number().int(),
  diubah: z.number().int(),
  tidak_berubah: z.number().int(),
});
export type RingkasanImpor = z.infer<typeof RingkasanImpor>;

/** A row of a file at fault. */
export const MasalahImpor = z.object({
  baris: z.number(),
  kolom: z.string().nullable(),
  kode: z.string(),
  pesan: Pesan,
});
export type MasalahImpor = z.infer<typeof MasalahImpor>;

/** GET /api/impor/:id: progress and result of an import job. */
export const TugasImpor = z.object({
  id: z.string(),
  jenis: z.enum(JENIS_IMPOR),
  nama_berkas: z.string(),
  status: z.enum(['berjalan', 'berhasil', 'gagal']),
  fase: z.enum(['baca', 'validasi', 'simpan', 'selesai']),
  diproses: z.number().int(),
  total: z.number().int(),
  hasil: RingkasanImpor.nullable(),
  galat: z
    .object({
      code: z.string(),
      pesan: Pesan,
      issues: z.array(MasalahImpor),
      /** How many problems the file has in all (at most 1,000 are listed, then one MASALAH_LAIN entry). */
      jumlah_masalah: z.number().int().optional(),
      per_kode: z.record(z.string(), z.number()).optional(),
    })
    .nullable(),
});
export type TugasImpor = z.infer<typeof TugasImpor>;

/** GET /api/impor/template/:jenis query */
export const TemplatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
/** GET /api/ekspor/:jenis query */
export const EksporQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  tanggal: TanggalSchema.optional(),
});
/**
 * GET /api/ekspor/:jenis?format=json: the rows of the import format, one object per row with the CSV
 * columns as keys (docs/import.md); CSV and XLSX carry the same columns.
 */
export const BarisEkspor = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])));
export type BarisEkspor = z.infer<typeof BarisEkspor>;
