import { z } from 'zod';

// Shared pieces of the API contract (server/src/modules/*/​*.routes.ts register these schemas; the web
// infers its types from them). Every key is snake_case (docs/CONTRIBUTING.md, "API").

/** Every error the API answers: a code, a message in the caller's language, and the rows at fault for a file. */
export const Galat = z.object({
  code: z.string().describe('kode galat, mis. VALIDASI, TIDAK_DITEMUKAN, KONFLIK'),
  message: z.string(),
  issues: z.array(z.unknown()).optional(),
});
export type Galat = z.infer<typeof Galat>;

/** A date as the API writes it (YYYY-MM-DD). Requests use TanggalSchema, which also checks the range. */
export const Tanggal = z.string().meta({ format: 'date', description: 'tanggal YYYY-MM-DD' });

/** A moment (ISO 8601 with time zone). */
export const Waktu = z.string().meta({ format: 'date-time' });

/** A text in both languages. */
export const Pesan = z.object({ id: z.string(), en: z.string() });
export type Pesan = z.infer<typeof Pesan>;

/** `{ok: true}` */
export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/** A path parameter that is a uuid. */
export const IdParam = z.object({ id: z.uuid() });

/** A row of an uploaded file at fault (CSV/XLSX imports, policy documents). */
export const MasalahBaris = z.object({
  baris: z.number(),
  kolom: z.string().nullable(),
  kode: z.string(),
  pesan: Pesan,
});
export type MasalahBaris = z.infer<typeof MasalahBaris>;

/** Which rule of which policy version. */
export const RujukanAturan = z.object({
  kebijakan_id: z.string(),
  versi: z.number(),
  nomor: z.string(),
  judul_kebijakan: z.string(),
  aturan_id: z.string(),
  judul_aturan: z.string(),
});
export type RujukanAturan = z.infer<typeof RujukanAturan>;

/** The statuses a schedule cell can have. */
export const STATUS_JADWAL = ['WFO', 'WFH', 'PIKET', 'CUTI', 'SAKIT', 'ISOLASI', 'LIBUR'] as const;
export const StatusJadwal = z.enum(STATUS_JADWAL);

/** A file the API answers with (CSV, XLSX, PDF): its bytes, described in the OpenAPI document only. */
export const Berkas = z
  .custom<string | Uint8Array>((v) => typeof v === 'string' || v instanceof Uint8Array)
  .meta({ type: 'string', format: 'binary', description: 'isi berkas' });
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
