import { z } from 'zod';
import { isIsoDate, TANGGAL_MAKS, TANGGAL_MIN } from '../kalender/dates.ts';
import { JABATAN_LEVEL, JENIS_OPD, JENIS_PEGAWAI, KELAS_LAYANAN, SEKTOR } from '../org/types.ts';

/**
 * The policy document format (YAML or JSON). One zod schema is the single source: validation here,
 * the published JSON Schema (docs/kebijakan.schema.json) and the TypeScript types are derived from it.
 * Field names are Indonesian, as the circulars themselves speak.
 */

// The supported dates (calendar/dates.ts); a policy dated past them could not be evaluated day by day.
const Tanggal = z.iso
  .date()
  .refine(isIsoDate, {
    error: `di luar rentang tanggal yang didukung (${TANGGAL_MIN} s.d. ${TANGGAL_MAKS}) ‖ outside the supported dates (${TANGGAL_MIN} to ${TANGGAL_MAKS})`,
  })
  .describe('tanggal YYYY-MM-DD');
const Id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,79}$/,
    'huruf kecil, angka dan tanda hubung (2–80) ‖ lower-case letters, digits and hyphens (2–80)',
  )
  .describe('pengenal: huruf kecil, angka, tanda hubung');
const Jam = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format JJ:MM ‖ format HH:MM');

/** Who a rule applies to. Every criterion given must hold (AND); a list matches any of its values (OR). */
export const Pemilih = z
  .strictObject({
    semua: z.boolean().optional().describe('semua pegawai dalam cakupan kebijakan'),
    opd: z.array(z.string().min(1)).min(1).optional().describe('kode OPD/unit'),
    opd_jenis: z
      .array(z.enum(JENIS_OPD))
      .min(1)
      .optional()
      .describe('jenis OPD/unit: dinas, puskesmas, rsud, …'),
    kelas_layanan: z
      .array(z.enum(KELAS_LAYANAN))
      .min(1)
      .optional()
      .describe('pelayanan / non_pelayanan (diwarisi unit)'),
    sektor: z.array(z.enum(SEKTOR)).min(1).optional().describe('sektor esensial/kritikal (diwarisi unit)'),
    termasuk_unit: z
      .boolean()
      .default(true)
      .describe('apakah kriteria opd dan opd_jenis mencakup unit di bawahnya (bawaan: ya)'),
    jabatan_level: z.array(z.enum(JABATAN_LEVEL)).min(1).optional(),
    jenis_pegawai: z.array(z.enum(JENIS_PEGAWAI)).min(1).optional(),
    nip: z.array(z.string().min(1)).min(1).optional().describe('orang tertentu: NIP atau id_pegawai'),
  })
  .refine(
    (p) =>
      p.semua === true ||
      [p.opd, p.opd_jenis, p.kelas_layanan, p.sektor, p.jabatan_level, p.jenis_pegawai, p.nip].some(
        (x) => x !== undefined,
      ),
    {
      message:
        'pemilih kosong: isi "semua: true" atau minimal satu kriteria ‖ empty selector: give "semua: true" or at least one criterion',
    },
  );
export type Pemilih = z.output<typeof Pemilih>;

const Kuota = z.union([
  z.strictObject({ persen: z.number().min(0).max(100) }),
  z.strictObject({ jumlah: z.number().int().min(0) }),
]);

const Pembulatan = z
  .enum(['bawah', 'atas', 'terdekat'])
  .describe('pembulatan hasil persen: bawah (bawaan), atas, terdekat');

/** A cap set by a national instrument from the Pemda's recorded zone or PPKM level on the day. */
const MenurutNasional = z.strictObject({
  instrumen: z
    .enum(['SE_MENPANRB_67_2020', 'PPKM_SE_MENPANRB_06_2022'])
    .describe('tabel nasional yang dipakai'),
  kategori: z.enum(['non_esensial', 'esensial', 'kritikal']).default('non_esensial'),
  wilayah: z.enum(['jawa_bali', 'luar_jawa_bali']).default('jawa_bali'),
});

const BatasKantor = z.strictObject({
  jenis: z.literal('batas_kantor').describe('paling banyak sekian orang di kantor per hari'),
  maks: z.union([Kuota, z.strictObject({ menurut: MenurutNasional })]),
  per: z.enum(['opd', 'unit']).default('opd').describe('kelompok yang dibatasi: OPD induk, atau unit kerja'),
  penyebut: z
    .enum(['terpilih', 'asn_terpilih'])
    .default('terpilih')
    .describe('dasar persen: semua orang yang dipilih aturan di kelompok itu, atau hanya ASN (PNS/PPPK)'),
  pembulatan: Pembulatan.default('bawah'),
  piket_dihitung: z.boolean().default(true).describe('piket dihitung sebagai hadir di kantor'),
});

const MinimumKantor = z.strictObject({
  jenis: z.literal('minimum_kantor').describe('paling sedikit sekian orang di kantor per hari'),
  min: Kuota,
  per: z.enum(['opd', 'unit']).default('opd'),
  pembulatan: Pembulatan.default('atas'),
});

const Piket = z.strictObject({
  jenis: z.literal('piket').describe('petugas piket yang tetap di kantor dan dapat dihubungi'),
  jumlah: z.number().int().min(1).describe('jumlah piket per kelompok per hari'),
  per: z.enum(['opd', 'unit']).default('opd'),
  boleh: Pemilih.optional().describe('siapa yang boleh ditunjuk piket (bawaan: semua yang dipilih aturan)'),
  tugas: z.string().optional(),
});

const JamKerjaAturan = z.strictObject({
  jenis: z.literal('jam_kerja').describe('jam kerja khusus bagi kelompok ini'),
  mulai: Jam,
  selesai: Jam,
  istirahat_menit: z.number().int().min(0).max(240).default(0),
  hari: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .optional()
    .describe('hari ISO 1=Senin…7=Minggu (bawaan: semua hari kerja)'),
});

const MetodeAbsensi = z.enum(['wajah', 'elektronik', 'lokasi_berkala', 'catatan_admin', 'tidak_ada']);
const Absensi = z.strictObject({
  jenis: z.literal('absensi').describe('cara kehadiran dicatat, per status'),
  wfo: MetodeAbsensi.optional(),
  wfh: MetodeAbsensi.optional(),
  piket: MetodeAbsensi.optional(),
  lokasi_setiap_jam: z
    .number()
    .min(0.5)
    .max(12)
    .optional()
    .describe('untuk lokasi_berkala: lapor lokasi setiap N jam'),
  lokasi_dari: Jam.optional(),
  lokasi_sampai: Jam.optional(),
  dalam_jam_kerja: z.boolean().default(true),
});

const KewajibanWfh = z.strictObject({
  jenis: z.literal('kewajiban_wfh').describe('yang wajib dilakukan pegawai selama bekerja dari rumah'),
  surat_pernyataan: z.boolean().default(false).describe('menandatangani surat pernyataan tetap di rumah'),
  target_kinerja: z.boolean().default(false).describe('merencanakan dan melaporkan target kinerja terukur'),
  tetap_di_rumah: z.boolean().default(false).describe('tidak keluar rumah kecuali keperluan mendesak'),
  lapor_harian: z.boolean().default(false).describe('melapor setiap hari'),
});

const Pelaporan = z.strictObject({
  jenis: z.literal('pelaporan').describe('kewajiban melapor/evaluasi oleh pimpinan'),
  evaluasi_harian_kepala_unit: z.boolean().default(false),
  kepala_unit_membagi_tugas: z.boolean().default(false),
  rekap_jadwal_oleh_admin_opd: z.boolean().default(false),
});

const PenutupanKantor = z.strictObject({
  jenis: z
    .literal('penutupan_kantor')
    .describe('kantor ditutup (mis. sterilisasi): semua bekerja dari rumah kecuali yang dikecualikan'),
  tanggal: z
    .array(Tanggal)
    .min(1)
    .optional()
    .describe('tanggal penutupan (bawaan: semua tanggal berlaku kebijakan)'),
  alasan: z.string().default('sterilisasi'),
});

const Layanan = z.strictObject({
  jenis: z.literal('layanan_publik').describe('cara layanan publik berjalan (untuk informasi publik)'),
  mode: z.enum(['normal', 'daring', 'terbatas', 'tutup']),
  kecuali: z.string().optional(),
});

const Lokasi = z.strictObject({
  jenis: z.enum(['wfo', 'wfh']).describe('wfo: selalu di kantor; wfh: selalu di rumah'),
});

export const Hasil = z.discriminatedUnion('jenis', [
  Lokasi,
  BatasKantor,
  MinimumKantor,
  Piket,
  JamKerjaAturan,
  Absensi,
  KewajibanWfh,
  Pelaporan,
  PenutupanKantor,
  Layanan,
]);
export type Hasil = z.output<typeof Hasil>;

export const Aturan = z.strictObject({
  id: Id,
  judul: z.string().min(3),
  keterangan: z.string().optional().describe('kutipan atau penjelasan dari surat'),
  pilih: z
    .union([Pemilih, z.array(Pemilih).min(1)])
    .describe('siapa yang dikenai aturan; daftar pemilih = salah satu cocok sudah cukup'),
  kecuali: z.array(Pemilih).default([]).describe('yang dikecualikan dari aturan ini'),
  hasil: Hasil,
});
export type Aturan = z.output<typeof Aturan>;

const Dasar = z.strictObject({
  jenis: z.enum(['nasional', 'rekomendasi', 'daerah', 'lainnya']),
  nomor: z.string().min(1),
  tanggal: Tanggal.optional(),
  judul: z.string().optional(),
  penerbit: z.string().optional(),
});

const Fakta = z.strictObject({
  per_tanggal: Tanggal.optional(),
  uraian: z.string().min(3),
  kasus_positif: z.number().int().min(0).optional(),
  kasus_aktif: z.number().int().min(0).optional(),
  meninggal: z.number().int().min(0).optional(),
  zona: z.enum(['tidak_terdampak', 'rendah', 'sedang', 'tinggi']).optional(),
  level_ppkm: z.number().int().min(1).max(4).optional(),
});

const Berlaku = z
  .strictObject({
    tanggal: z.array(Tanggal).min(1).optional().describe('daftar tanggal (mis. 18, 19 dan 21 Agustus)'),
    dari: Tanggal.optional(),
    sampai: Tanggal.optional().describe('tanggal terakhir (termasuk); kosong = tanpa batas'),
    hari_kerja_saja: z.boolean().default(true).describe('hanya hari kerja'),
    termasuk_libur: z.boolean().default(false).describe('juga berlaku pada hari libur dan cuti bersama'),
  })
  .refine((b) => (b.tanggal !== undefined) !== (b.dari !== undefined), {
    message:
      'isi "tanggal" (daftar) atau "dari" (rentang), salah satu ‖ give either "tanggal" (a list) or "dari" (a range)',
  })
  .refine((b) => !(b.tanggal && b.sampai), {
    message: '"sampai" hanya bersama "dari" ‖ "sampai" goes only with "dari"',
  })
  .refine((b) => !(b.dari && b.sampai && b.sampai < b.dari), {
    message: '"sampai" tidak boleh sebelum "dari" ‖ "sampai" cannot come before "dari"',
  });

export const Kebijakan = z
  .strictObject({
    id: Id.describe('pengenal kebijakan, sama untuk semua versinya'),
    versi: z.number().int().min(1),
    judul: z.string().min(3),
    jenis_dokumen: z.enum([
      'surat_edaran',
      'surat_pemberitahuan',
      'instruksi',
      'keputusan',
      'arahan_lisan',
      'lainnya',
    ]),
    nomor: z.string().min(1).describe('nomor surat; untuk arahan tanpa nomor tulis "-"'),
    tanggal: Tanggal.describe('tanggal surat'),
    penandatangan: z.strictObject({ jabatan: z.string().min(2), nama: z.string().optional() }),
    status: z.enum(['draft', 'aktif', 'dicabut', 'diganti']).default('draft'),
    alasan_revisi: z.string().optional().describe('wajib untuk versi 2 dan seterusnya'),
    dasar: z.array(Dasar).default([]).describe('instrumen yang diikuti (SE nasional, rekomendasi Dinkes)'),
    fakta: z
      .array(Fakta)
      .default([])
      .describe('fakta yang menjadi alasan (kasus, kematian, zona, level PPKM)'),
    berlaku: Berlaku,
    cakupan: z
      .strictObject({ semua: z.literal(true) })
      .or(z.strictObject({ opd: z.array(z.string().min(1)).min(1) }))
      .default({ semua: true })
      .describe('seluruh Pemda, atau OPD tertentu (beserta unitnya)'),
    kedudukan: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(10)
      .describe('kedudukan antar-kebijakan: yang lebih tinggi menang; sama tinggi → yang lebih ketat'),
    aturan: z.array(Aturan).min(1),
  })
  .superRefine((k, ctx) => {
    if (k.versi > 1 && !k.alasan_revisi) {
      ctx.addIssue({
        code: 'custom',
        path: ['alasan_revisi'],
        message:
          'wajib diisi untuk revisi (versi 2 dan seterusnya) ‖ required for a revision (version 2 onwards)',
      });
    }
    const seen = new Set<string>();
    k.aturan.forEach((a, i) => {
      if (seen.has(a.id))
        ctx.addIssue({
          code: 'custom',
          path: ['aturan', i, 'id'],
          message: `id aturan "${a.id}" dipakai dua kali ‖ rule id "${a.id}" is used twice`,
        });
      seen.add(a.id);
    });
  });
export type Kebijakan = z.output<typeof Kebijakan>;
export type KebijakanInput = z.input<typeof Kebijakan>;
