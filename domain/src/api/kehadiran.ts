import { z } from 'zod';
import { periodeDengan, TanggalSchema } from '../kalender/skema.ts';
import { KODE_ALASAN_ABSEN } from '../kehadiran/alasan.ts';
import {
  MAKS_HARI_DINAS_LUAR,
  MAKS_PANJANG_ALASAN,
  SEBAB_KOREKSI,
  STATUS_PENGAJUAN,
} from '../kehadiran/koreksi.ts';
import { POLA_PIN } from '../kehadiran/log.ts';
import { KODE_ALASAN_HARI, STATUS_KEHADIRAN } from '../kehadiran/status.ts';
import { LANGKAH_TANTANGAN } from '../kehadiran/tantangan.ts';
import { JENIS_TEMPAT, PANJANG_NAMA_TEMPAT_MAKS } from '../kehadiran/tempat.ts';
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
  /** the device holds a current token (a kiosk needs one to work; a terminal only to push live) */
  token_aktif: z.boolean(),
  /** when the current token was issued */
  token_dibuat_pada: Waktu.nullable(),
});
export const DaftarPerangkat = z.array(Perangkat);

/** POST /api/perangkat body: registers a terminal (default) or a kiosk of an OPD/unit. */
export const TerminalBaru = z.object({
  kode: KodePerangkat,
  nama: teksBiasa().min(1).max(200),
  opd_kode: z.string().min(1).max(40),
  jenis: z
    .enum(['terminal', 'kiosk'], {
      message: 'jenis harus terminal atau kiosk / jenis must be terminal or kiosk',
    })
    .default('terminal'),
});
export type TerminalBaru = z.input<typeof TerminalBaru>;
export const TerminalDibuat = z.object({ id: z.string(), kode: z.string() });

/** POST /api/perangkat/:id/token answer: the device token, shown this once (only its hash is stored). */
export const TokenPerangkat = z.object({
  token: z.string(),
  perangkat: z.object({ id: z.string(), kode: z.string(), jenis: z.enum(['terminal', 'kiosk']) }),
  /** an earlier token was replaced (it stopped working at once) */
  menggantikan: z.boolean(),
});
export type TokenPerangkat = z.infer<typeof TokenPerangkat>;

/** DELETE /api/perangkat/:id/token answer. */
export const TokenDicabut = z.object({ perangkat: z.object({ id: z.string(), kode: z.string() }) });

/** GET /api/kiosk (kiosk device token): the kiosk as the tablet shows it. */
export const KioskSaya = z.object({
  kode: z.string(),
  nama: z.string(),
  opd_kode: z.string(),
  opd_nama: z.string(),
  pemda_nama: z.string(),
  zona_waktu: z.string(),
  /** the server's clock (the tablet's clock decides nothing) */
  waktu_server: Waktu,
});
export type KioskSaya = z.infer<typeof KioskSaya>;

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

const angka = (nama: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${nama} harus berupa angka / ${nama} must be a number` })
    .min(min, { message: `${nama} paling kecil ${min} / ${nama} at least ${min}` })
    .max(max, { message: `${nama} paling besar ${max} / ${nama} at most ${max}` });

/** The text fields of POST /api/kehadiran (multipart, beside the `foto` frames; CONTRACTS.md). */
export const AbsenWajahIsian = z.strictObject({
  tantangan_id: z.uuid({
    message:
      'tantangan_id harus UUID dari POST /api/kehadiran/tantangan / must be the UUID from POST /api/kehadiran/tantangan',
  }),
  lat: angka('lat', -90, 90),
  lng: angka('lng', -180, 180),
  akurasi_m: angka('akurasi_m', 0, 100_000),
  jenis: z.enum(['masuk', 'pulang'], {
    message: 'jenis harus masuk atau pulang / jenis must be masuk or pulang',
  }),
  waktu_perangkat: z.iso
    .datetime({ offset: true, message: 'waktu_perangkat harus waktu ISO 8601 / must be an ISO 8601 time' })
    .optional(),
  id_klien: z.uuid({ message: 'id_klien harus UUID / id_klien must be a UUID' }),
});
export type AbsenWajahIsian = z.infer<typeof AbsenWajahIsian>;

/** The text fields of POST /api/kehadiran from a kiosk (its device token): no location, its place is fixed. */
export const AbsenKioskIsian = AbsenWajahIsian.omit({ lat: true, lng: true, akurasi_m: true });
export type AbsenKioskIsian = z.infer<typeof AbsenKioskIsian>;

/** POST /api/kehadiran answer (CONTRACTS.md): the attempt's id, its result, the reason's code and words. */
export const HasilAbsenWajah = z.object({
  id: z.string(),
  hasil: z.enum(['diterima', 'ditolak', 'ditinjau']),
  alasan: z.enum(KODE_ALASAN_ABSEN),
  pesan: Pesan,
  /** the server's time of the attempt */
  waktu: Waktu,
  /**
   * A kiosk's answer only: the name of the person the kiosk recognised (shown on its screen), null when it
   * recognised no one with certainty. Absent from a phone's answer.
   */
  nama: z.string().nullable().optional(),
});
export type HasilAbsenWajah = z.infer<typeof HasilAbsenWajah>;

/** One pending review in GET /api/kehadiran/tinjau. */
export const TinjauanAbsen = z.object({
  kehadiran_id: z.string(),
  /** where the attempt came from: the person's phone (wajah) or a kiosk (then `perangkat_kode` names it) */
  sumber: z.enum(['wajah', 'kiosk']),
  perangkat_kode: z.string().nullable(),
  pegawai_id: z.string(),
  nama: z.string(),
  nip: z.string().nullable(),
  id_pegawai: z.string().nullable(),
  opd_kode: z.string().nullable(),
  jenis: z.enum(['masuk', 'pulang']).nullable(),
  waktu: Waktu,
  skor: z.number(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  akurasi_m: z.number().nullable(),
  jumlah_bingkai: z.number().int(),
  simpan_sampai: Waktu,
});
export const DaftarTinjauan = z.array(TinjauanAbsen);

/** POST /api/kehadiran/tinjau/:id body. */
export const PutusanTinjauan = z.strictObject({
  putusan: z.enum(['diterima', 'ditolak']),
  catatan: z.string().trim().max(500).default(''),
});
export const BingkaiParam = z.object({
  id: z.uuid(),
  urutan: z.coerce.number().int().min(0).max(15),
});
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

// ─── Corrections and dinas luar (docs/kehadiran.md "Koreksi dan dinas luar") ─────────────────────

/** A local time HH:MM in the Pemda's zone. */
export const JamLokal = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'tulis jam JJ:MM, misalnya 16:30 / write the time HH:MM, e.g. 16:30',
});

/** GET /api/kehadiran/koreksi and /dinas-luar query: the caller's own, optionally by status. */
export const PengajuanQuery = z.object({ status: z.enum(STATUS_PENGAJUAN).optional() });

/** POST /api/kehadiran/koreksi body: the caller asks to correct one of their days. */
export const AjukanKoreksi = z.object({
  tanggal: TanggalSchema,
  jenis: z.enum(['masuk', 'pulang']),
  /** the corrected punch's local time */
  jam: JamLokal,
  sebab: z.enum(SEBAB_KOREKSI),
  alasan: teksBiasa({ multiline: true }).min(1).max(MAKS_PANJANG_ALASAN),
  /** id of the stored punch (a kehadiran event of that day) it replaces; absent: adds a punch */
  menggantikan: z.uuid().nullable().optional(),
});
export type AjukanKoreksi = z.input<typeof AjukanKoreksi>;

/** POST …/:id/putusan body: approve or refuse, with a note. */
export const PutusanPengajuan = z.object({
  setuju: z.boolean(),
  catatan: teksBiasa({ multiline: true }).max(MAKS_PANJANG_ALASAN).optional(),
});
export type PutusanPengajuan = z.input<typeof PutusanPengajuan>;

/** POST create (201), POST …/putusan, POST …/batal: the request's id and new status. */
export const HasilPengajuan = z.object({ id: z.string(), status: z.enum(STATUS_PENGAJUAN) });
export type HasilPengajuan = z.infer<typeof HasilPengajuan>;

const PegawaiRingkas = z.object({ id: z.string(), key: z.string(), nama: z.string(), opd_kode: z.string() });

/** A stored punch of the day, as the decider sees it. */
export const KetukanHari = z.object({
  id: z.string(),
  jenis: z.enum(['masuk', 'pulang']).nullable(),
  /** HH:MM in the Pemda's zone */
  jam: z.string(),
  sumber: z.string(),
});
export type KetukanHari = z.infer<typeof KetukanHari>;

/** GET /api/kehadiran/koreksi/ketukan query: one of the caller's days. */
export const KetukanQuery = z.object({ tanggal: TanggalSchema });
/** The caller's accepted punches of that day (what a correction may replace). */
export const DaftarKetukan = z.array(KetukanHari);

const Putusan = {
  status: z.enum(STATUS_PENGAJUAN),
  diajukan_oleh: z.string(),
  diajukan_pada: Waktu,
  diputus_oleh: z.string().nullable(),
  diputus_pada: Waktu.nullable(),
  catatan_putusan: z.string(),
  boleh_putus: z.boolean(),
  boleh_batal: z.boolean(),
};

/** A correction as the lists show it, with the day's stored punches (never changed by it). */
export const KoreksiItem = z.object({
  id: z.string(),
  pegawai: PegawaiRingkas,
  tanggal: Tanggal,
  jenis: z.enum(['masuk', 'pulang']),
  jam: z.string(),
  waktu: Waktu,
  menggantikan: KetukanHari.nullable(),
  sebab: z.enum(SEBAB_KOREKSI),
  alasan: z.string(),
  ketukan: z.array(KetukanHari),
  ...Putusan,
});
export type KoreksiItem = z.infer<typeof KoreksiItem>;
export const DaftarKoreksi = z.array(KoreksiItem);

/** POST /api/kehadiran/dinas-luar body: the caller asks for official travel. */
export const AjukanDinasLuar = periodeDengan(
  {
    nomor_surat: teksBiasa().min(1).max(200),
    tujuan: teksBiasa().min(1).max(MAKS_PANJANG_ALASAN),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
    radius_m: z.number().int().min(10).max(50000).nullable().optional(),
  },
  MAKS_HARI_DINAS_LUAR,
);
export type AjukanDinasLuar = z.input<typeof AjukanDinasLuar>;

export const DinasLuarItem = z.object({
  id: z.string(),
  pegawai: PegawaiRingkas,
  dari: Tanggal,
  sampai: Tanggal,
  nomor_surat: z.string(),
  tujuan: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radius_m: z.number().int().nullable(),
  ...Putusan,
});
export type DinasLuarItem = z.infer<typeof DinasLuarItem>;
export const DaftarDinasLuar = z.array(DinasLuarItem);
/** POST /api/perangkat/kejadian answer (a terminal's live push): counts per result and every line not stored. */
export const HasilKiriman = z.object({
  perangkat: z.object({ id: z.string(), kode: z.string() }),
  jumlah: HasilImporLog.shape.jumlah,
  rincian: z.array(BarisLog),
});
export type HasilKiriman = z.infer<typeof HasilKiriman>;

// ─── Extra places for check-in (tempat_absen): /api/kehadiran/tempat. docs/kehadiran.md §1 ─────

/**
 * POST /api/kehadiran/tempat body (and, without opd_kode, PUT /api/kehadiran/tempat/:id): exactly one
 * shape, a circle (lat, lng, radius_m) or a polygon ([lat, lng] points). The ranges are judged by
 * `periksaTempatAbsen` (the check-in judge's own rules), which names the field or the point in words.
 */
const TempatIsi = {
  nama: teksBiasa().min(1).max(PANJANG_NAMA_TEMPAT_MAKS),
  jenis: z.enum(JENIS_TEMPAT),
  lat: z.number().nullable().optional(),
  lng: z.number().nullable().optional(),
  radius_m: z.number().int().nullable().optional(),
  poligon: z
    .array(z.tuple([z.number(), z.number()]))
    .max(1000)
    .nullable()
    .optional()
    .describe('[[lat, lng], ...], 3 titik atau lebih, tanpa mengulang titik pertama'),
};
export const TempatAbsenBaru = z.object({ opd_kode: z.string().min(1).max(40), ...TempatIsi });
export type TempatAbsenBaru = z.input<typeof TempatAbsenBaru>;
export const TempatAbsenUbah = z.object(TempatIsi);
export type TempatAbsenUbah = z.input<typeof TempatAbsenUbah>;

/** GET /api/kehadiran/tempat query: one OPD/unit's places and those it inherits, or every place in scope. */
export const TempatAbsenQuery = z.object({ opd: z.string().min(1).max(40).optional() });

export const TempatAbsenItem = z.object({
  id: z.string(),
  opd_kode: z.string(),
  opd_nama: z.string(),
  nama: z.string(),
  jenis: z.enum(JENIS_TEMPAT),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radius_m: z.number().int().nullable(),
  poligon: z.array(z.tuple([z.number(), z.number()])).nullable(),
  aktif: z.boolean(),
  /** set for an OPD above the one asked for (?opd=): it applies there too */
  warisan: z.boolean(),
  /** whether the caller may change it (an OPD admin sees the places inherited from above but cannot edit them) */
  boleh_ubah: z.boolean(),
  dibuat_oleh: z.string(),
  dibuat_pada: Waktu,
});
export type TempatAbsenItem = z.infer<typeof TempatAbsenItem>;
export const DaftarTempatAbsen = z.array(TempatAbsenItem);
