import { z } from 'zod';
import { TanggalSchema } from '../kalender/skema.ts';
import { teksBiasa } from '../org/teks.ts';
import { JENIS_IZIN_KELUAR, MAKS_PANJANG_ALASAN_IZIN } from '../wfh/izin-keluar.ts';
import { Tanggal, Waktu } from './umum.ts';

// Going-out notices while working from home (docs/wfh.md §3 "Izin keluar rumah").

/** An instant as a request writes it: ISO 8601 with a zone (Z or ±HH:MM). */
const WaktuIsian = z.iso.datetime({ offset: true });

/** POST /api/wfh/izin-keluar body. */
export const AjukanIzinKeluar = z.object({
  jenis: z.enum(JENIS_IZIN_KELUAR),
  alasan: teksBiasa({ multiline: true }).min(1).max(MAKS_PANJANG_ALASAN_IZIN),
  /** when the person goes out */
  dari: WaktuIsian,
  /** when they are back (same local day, at most 12 hours later) */
  sampai: WaktuIsian,
  /** idempotency key: the same key again answers the first notice; with another body, 409 */
  id_klien: z.uuid(),
});
export type AjukanIzinKeluar = z.input<typeof AjukanIzinKeluar>;

/** POST …/:id/keberatan body: the supervisor's words. */
export const KeberatanIzinKeluar = z.object({
  catatan: teksBiasa({ multiline: true }).trim().min(1).max(MAKS_PANJANG_ALASAN_IZIN),
});
export type KeberatanIzinKeluar = z.input<typeof KeberatanIzinKeluar>;

/** GET /api/wfh/izin-keluar/bawahan query: local dates, at most 62 days apart (default: a week back and ahead). */
export const IzinBawahanQuery = z.object({
  dari: TanggalSchema.optional(),
  sampai: TanggalSchema.optional(),
});

export const KEADAAN_IZIN = ['akan_datang', 'berlangsung', 'selesai', 'dibatalkan'] as const;

/** One notice as the lists show it. */
export const IzinKeluarItem = z.object({
  id: z.string(),
  pegawai: z.object({ id: z.string(), key: z.string(), nama: z.string(), opd_kode: z.string() }),
  tanggal: Tanggal,
  jenis: z.enum(JENIS_IZIN_KELUAR),
  alasan: z.string(),
  dari: Waktu,
  sampai: Waktu,
  /** where it stands now: upcoming, current, over, withdrawn */
  keadaan: z.enum(KEADAAN_IZIN),
  diajukan_oleh: z.string(),
  diajukan_pada: Waktu,
  keberatan: z
    .object({
      oleh: z.string(),
      pada: Waktu,
      sebagai: z.enum(['atasan', 'admin_opd']),
      catatan: z.string(),
    })
    .nullable(),
  dibatalkan: z.object({ oleh: z.string(), pada: Waktu }).nullable(),
  /** the caller may object to it now */
  boleh_keberatan: z.boolean(),
  /** the caller may withdraw it now (their own, before it starts) */
  boleh_batal: z.boolean(),
});
export type IzinKeluarItem = z.infer<typeof IzinKeluarItem>;
export const DaftarIzinKeluar = z.array(IzinKeluarItem);

/** POST /api/wfh/izin-keluar answer (201), the same on every replay of its id_klien. */
export const HasilIzinKeluar = z.object({
  id: z.string(),
  tanggal: Tanggal,
  jenis: z.enum(JENIS_IZIN_KELUAR),
  dari: Waktu,
  sampai: Waktu,
});
export type HasilIzinKeluar = z.infer<typeof HasilIzinKeluar>;

/** POST …/:id/keberatan answer. */
export const HasilKeberatanIzin = z.object({ id: z.string(), keberatan: z.literal(true) });
/** POST …/:id/batal answer. */
export const HasilBatalIzin = z.object({ id: z.string(), dibatalkan: z.literal(true) });
