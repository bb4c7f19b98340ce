import { z } from 'zod';
import { denganPeriode, TanggalSchema } from '../kalender/skema.ts';
import { Waktu } from './umum.ts';

/** GET /api/audit query: a filter of any length, but real dates in order. */
export const AuditQuery = denganPeriode(
  z.object({
    entitas: z.string().optional(),
    aksi: z.string().optional(),
    pelaku: z.string().optional(),
    q: z.string().optional(),
    dari: TanggalSchema.optional(),
    sampai: TanggalSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  Number.POSITIVE_INFINITY,
);
export type AuditQuery = z.input<typeof AuditQuery>;

export const BarisAudit = z.object({
  id: z.string(),
  waktu: Waktu,
  /** the actor's username, or "sistem" */
  pelaku: z.string(),
  user_id: z.string().nullable(),
  /** The actor by name ("Nama (username)", or "sistem"). */
  pelaku_nama: z.string(),
  aksi: z.string(),
  entitas: z.string(),
  entitas_id: z.string().nullable(),
  /** The record by name (employee name + NIP, OPD name + code, …); "… (dihapus)" once deleted. */
  entitas_nama: z.string().nullable(),
  ringkasan: z.string(),
  /** the record before and after, as stored (the database's own column names) */
  sebelum: z.unknown(),
  sesudah: z.unknown(),
});
export type BarisAudit = z.infer<typeof BarisAudit>;

/** GET /api/audit */
export const HalamanAudit = z.object({
  total: z.number().int(),
  rows: z.array(BarisAudit),
  /** Names of the ids inside the rows' before/after values. */
  rujukan: z.record(z.string(), z.string()),
});
export type HalamanAudit = z.infer<typeof HalamanAudit>;
