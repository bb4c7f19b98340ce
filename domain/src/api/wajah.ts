import { z } from 'zod';
import { teksBiasa } from '../org/teks.ts';
import { Pesan, Waktu } from './umum.ts';

// Face enrolment: consent, what is held about a person, withdrawal, the admin's enrolment overview and
// the Pemda's photo-keeping setting. Never a vector: templates stay on the server, encrypted.

export const CARA_PERSETUJUAN = ['mandiri', 'petugas', 'massal'] as const;
export type CaraPersetujuan = (typeof CARA_PERSETUJUAN)[number];

/** Purpose and basis recorded when none is given (the Pemda may state its own regulation). */
export const TUJUAN_BAKU = 'Verifikasi kehadiran di kantor dengan pencocokan wajah (presensi wajah)';
export const DASAR_BAKU =
  'Pelaksanaan tugas pelayanan publik dan kewajiban presensi ASN (UU 27/2022 Pasal 20 ayat (2)); persetujuan pegawai yang bersangkutan';

/** POST /api/wajah/saya/persetujuan and POST /api/wajah/pegawai/:id/persetujuan body. */
export const BeriPersetujuan = z.object({
  tujuan: teksBiasa().min(1).max(500).optional(),
  dasar: teksBiasa().min(1).max(500).optional(),
  /** Who recorded it and how (required when an admin records it: "formulir bertanda tangan no. ..."). */
  keterangan: teksBiasa({ multiline: true }).max(500).optional(),
});
export type BeriPersetujuan = z.input<typeof BeriPersetujuan>;

export const Persetujuan = z.object({
  id: z.string(),
  diberikan_pada: Waktu,
  cara: z.enum(CARA_PERSETUJUAN),
  tujuan: z.string(),
  dasar: z.string(),
  keterangan: z.string(),
  dicatat_oleh: z.string().describe('nama akun yang mencatat'),
  dicabut_pada: Waktu.nullable(),
  dicabut_oleh: z.string().nullable(),
});
export type Persetujuan = z.infer<typeof Persetujuan>;

/** The answer to recording consent: the consent in force, and whether this call created it. */
export const HasilPersetujuan = z.object({ persetujuan: Persetujuan, baru: z.boolean() });
export type HasilPersetujuan = z.infer<typeof HasilPersetujuan>;

/** GET /api/wajah/saya: what is held about the caller's face (never the vectors). */
export const WajahSaya = z.object({
  pegawai_id: z.string(),
  persetujuan_aktif: z.boolean(),
  persetujuan: z.array(Persetujuan).describe('riwayat persetujuan, terbaru dahulu'),
  templat: z.object({
    jumlah: z.number().int(),
    lengkap: z.boolean().describe('sudah ada minimal 3 templat satu model'),
    model: z.array(
      z.object({
        model: z.string(),
        jumlah: z.number().int(),
        dimensi: z.number().int(),
        pertama: Waktu,
        terakhir: Waktu,
      }),
    ),
  }),
  foto: z.object({
    disimpan: z.boolean().describe('apakah Pemda menyimpan foto pendaftaran'),
    simpan_foto_hari: z.number().int(),
    jumlah: z.number().int(),
    simpan_sampai: Waktu.nullable().describe('foto terakhir dihapus paling lambat'),
  }),
  pesan: Pesan,
});
export type WajahSaya = z.infer<typeof WajahSaya>;

/** DELETE /api/wajah/saya, DELETE /api/wajah/pegawai/:id: consent withdrawn, face data deleted. */
export const HasilCabut = z.object({
  templat_dihapus: z.number().int(),
  foto_dihapus: z.number().int(),
  persetujuan_dicabut: z.boolean(),
  pesan: Pesan.describe('apa yang kini berlaku untuk presensi orang ini'),
});
export type HasilCabut = z.infer<typeof HasilCabut>;

/** GET /api/wajah/pegawai query */
export const DaftarWajahQuery = z.object({
  opd: z.string().min(1).max(40).optional().describe('kode OPD/unit (beserta unit di bawahnya)'),
});

/** One person's enrolment state, as an admin sees it: counts only. */
export const StatusWajah = z.object({
  pegawai_id: z.string(),
  key: z.string().describe('NIP atau id_pegawai'),
  nama: z.string(),
  opd_kode: z.string(),
  persetujuan: z.boolean(),
  jumlah_templat: z.number().int(),
  model: z.array(z.string()),
  lengkap: z.boolean(),
});
export const DaftarWajah = z.array(StatusWajah);
export type StatusWajah = z.infer<typeof StatusWajah>;

/** GET/PUT /api/wajah/pengaturan: whether enrolment photos are kept, and how long. */
export const PengaturanWajah = z.object({
  simpan_foto_hari: z.number().int().min(0).max(365).describe('0 = foto tidak disimpan'),
});
export type PengaturanWajah = z.infer<typeof PengaturanWajah>;

/** POST /api/wajah/saya/foto and /api/wajah/pegawai/:id/foto answer: one result per photo, in order. */
export const HasilDaftarFoto = z.object({
  foto: z.array(
    z.object({
      nama: z.string(),
      hasil: z.enum(['diterima', 'ditolak']),
      alasan: z.array(Pesan),
      kemiripan: z.number().optional(),
    }),
  ),
  model: z.string(),
  disimpan: z.boolean(),
  jumlah_templat: z.number().int(),
  lengkap: z.boolean().describe('minimal tiga templat layak dari orang yang sama'),
  pesan: Pesan,
});
export type HasilDaftarFoto = z.infer<typeof HasilDaftarFoto>;
