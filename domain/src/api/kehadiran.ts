import { z } from 'zod';
import { periodeDengan, TanggalSchema } from '../kalender/skema.ts';
import { POLA_PIN } from '../kehadiran/log.ts';
import { KODE_ALASAN_HARI, STATUS_KEHADIRAN } from '../kehadiran/status.ts';
import { LANGKAH_TANTANGAN } from '../kehadiran/tantangan.ts';
import { teksBiasa } from '../org/teks.ts';
import { Pesan, Tanggal, Waktu } from './umum.ts';

// Attendance (kehadiran) and its devices (perangkat). docs/kehadiran.md.

/** A device code as terminals write it in their logs (the same rule as perangkat.kode). */
export const KodePerangkat = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, {
  message:
    'huruf, angka, titik, garis bawah atau tanda hubung; paling banyak 64 / letters, digits, . _ -; at most 64',
});

/** POST /api/kehadiran/impor query (the body is the log file itself). */
export const ImporLogQuery = z.object({
  nama: z.string().max(200).default('log.dat'),
  /** The terminal (code or id) the log comes from: required for an attlog, the default for CSV lines */
  perangkat: z.string().min(1).max(64).optional(),
});

export const HASIL_BARIS_LOG = [
  'diimpor',
  'duplikat',
  'tidak_dikenal',
  'tidak_terbaca',
  'di_luar_lingkup',
] as const;

/** One line of a log that was not stored (or was already stored). */
export const BarisLog = z.object({
  baris: z.number().int(),
  hasil: z.enum(HASIL_BARIS_LOG).exclude(['diimpor']),
  kode: z.string(),
  pesan: Pesan,
});

/** POST /api/kehadiran/impor answer: counts per result and the lines not stored (the first 1,000). */
export const HasilImporLog = z.object({
  impor_id: z.string(),
  format: z.enum(['csv', 'attlog']),
  perangkat: z.object({ id: z.string(), kode: z.string() }).nullable(),
  jumlah: z.object({
    baris: z.number().int(),
    diimpor: z.number().int(),
    duplikat: z.number().int(),
    tidak_dikenal: z.number().int(),
    tidak_terbaca: z.number().int(),
    di_luar_lingkup: z.number().int(),
  }),
  rincian: z.array(BarisLog),
  /** Lines left out of `rincian` beyond the first 1,000 */
  rincian_lain: z.number().int(),
});
export type HasilImporLog = z.infer<typeof HasilImporLog>;

/** A device as GET /api/perangkat lists it. */
export const Perangkat = z.object({
  id: z.string(),
  kode: z.string(),
  nama: z.string(),
  jenis: z.enum(['terminal', 'kiosk']),
  opd_kode: z.string(),
  dicabut_pada: Waktu.nullable(),
  created_at: Waktu,
  jumlah_pin: z.number().int(),
});
export const DaftarPerangkat = z.array(Perangkat);

/** POST /api/perangkat body: registers a terminal. */
export const TerminalBaru = z.object({
  kode: KodePerangkat,
  nama: teksBiasa().min(1).max(200),
  opd_kode: z.string().min(1).max(40),
});
export const TerminalDibuat = z.object({ id: z.string(), kode: z.string() });

/** PUT /api/perangkat/:id/pin body: the terminal's whole PIN table (replaces it). */
export const TabelPin = z.object({
  pin: z
    .array(
      z.object({
        pin: z.string().regex(POLA_PIN, {
          message:
            'huruf, angka, titik, garis bawah atau tanda hubung; paling banyak 32 / letters, digits, . _ -; at most 32',
        }),
        key: z.string().min(1).max(40).describe('NIP atau id_pegawai'),
      }),
    )
    .max(100_000),
});
export const HasilTabelPin = z.object({
  perangkat: z.object({ id: z.string(), kode: z.string() }),
  jumlah: z.number().int(),
});

const menit = (maks: number, min = 0) => z.number().int().min(min).max(maks);

/** GET/PUT /api/kehadiran/pengaturan: the Pemda's attendance rules (docs/kehadiran.md §2, §5). */
export const AturanKehadiran = z.strictObject({
  toleransi_masuk_menit: menit(240).describe('datang sampai sekian menit setelah jam mulai belum terlambat'),
  toleransi_pulang_menit: menit(240).describe(
    'pulang sampai sekian menit sebelum jam selesai belum pulang cepat',
  ),
  buka_masuk_sebelum_menit: menit(720).describe('absen masuk dibuka sekian menit sebelum jam mulai'),
  tutup_pulang_setelah_menit: menit(720).describe('absen pulang ditutup sekian menit setelah jam selesai'),
  selang_pulang_minimal_menit: menit(720, 1).describe(
    'ketukan tanpa jenis dihitung pulang bila sekian menit atau lebih setelah masuk',
  ),
  langkah_tantangan: z
    .array(z.enum(LANGKAH_TANTANGAN))
    .min(2)
    .max(LANGKAH_TANTANGAN.length)
    .refine((ls) => new Set(ls).size === ls.length, {
      message: 'setiap langkah sekali saja / each step once',
    })
    .describe('gerakan yang boleh diminta tantangan keaktifan (paling sedikit dua yang berbeda)'),
});
export type AturanKehadiran = z.infer<typeof AturanKehadiran>;

/** POST /api/kehadiran/tantangan: a liveness challenge for the caller's next check-in (CONTRACTS.md). */
export const TantanganBaru = z.object({
  id: z.uuid(),
  langkah: z.array(z.enum(LANGKAH_TANTANGAN)),
  berlaku_sampai: Waktu,
  petunjuk: z.array(Pesan).describe('kata-kata setiap langkah, berurutan'),
});
export type TantanganBaru = z.infer<typeof TantanganBaru>;
// ─── Each person's day and the recap (docs/kehadiran.md "Status harian dan rekap") ───────────────

const OpdKode = z.string().min(1).max(40).optional();

/** GET /api/kehadiran/hari query: one date, optionally an OPD/unit subtree. */
export const HariQuery = z.object({ tanggal: TanggalSchema, opd: OpdKode });

/** GET /api/kehadiran/rekap query: a period of at most 62 days (the recap of two months). */
export const RekapKehadiranQuery = periodeDengan(
  { opd: OpdKode, format: z.enum(['csv', 'xlsx']).default('csv') },
  62,
);

/** One person's day: the CSV columns (CONTRACTS.md "Day status"), reasons as messages with their codes. */
export const StatusHariOrang = z.object({
  tanggal: Tanggal,
  pegawai_id: z.string(),
  nip: z.string(),
  id_pegawai: z.string(),
  nama: z.string(),
  opd_kode: z.string(),
  unit_kode: z.string(),
  jadwal: z.enum(['WFO', 'WFH', 'PIKET', 'CUTI', 'SAKIT', 'ISOLASI', 'LIBUR']).nullable(),
  status: z.enum(STATUS_KEHADIRAN),
  /** HH:MM in the Pemda's zone */
  masuk: z.string().nullable(),
  pulang: z.string().nullable(),
  terlambat_menit: z.number().int(),
  pulang_cepat_menit: z.number().int(),
  alasan: z.array(z.object({ kode: z.enum(KODE_ALASAN_HARI), pesan: Pesan })),
});

/** GET /api/kehadiran/hari answer: the people the caller may see, by OPD, unit and name. */
export const HariKehadiran = z.object({
  tanggal: Tanggal,
  opd_kode: z.string().nullable(),
  orang: z.array(StatusHariOrang),
});
export type HariKehadiran = z.infer<typeof HariKehadiran>;

/** POST /api/perangkat/kejadian answer (a terminal's live push): counts per result and every line not stored. */
export const HasilKiriman = z.object({
  perangkat: z.object({ id: z.string(), kode: z.string() }),
  jumlah: HasilImporLog.shape.jumlah,
  rincian: z.array(BarisLog),
});
export type HasilKiriman = z.infer<typeof HasilKiriman>;
