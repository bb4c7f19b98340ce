import type { JabatanLevel, JenisPegawai, JenisPemda, Role, ZonaWaktu } from '@sigap/domain';

/** Shapes of the Sigap API answers the web app reads (see server/src/modules/*). */

export interface PemdaItem {
  readonly kode: string;
  readonly nama: string;
  readonly jenis: string;
}

export interface Me {
  readonly username: string;
  readonly nama: string;
  readonly pegawaiId: string | null;
  readonly roles: readonly { readonly role: Role; readonly opdId: string | null; readonly label: string }[];
  readonly csrfToken: string;
  readonly pemda: { readonly kode: string; readonly nama: string; readonly zonaWaktu: ZonaWaktu };
}

export interface OpdEfektif {
  readonly kelasLayanan: 'pelayanan' | 'non_pelayanan';
  readonly sektor: readonly string[];
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radiusM: number | null;
  readonly opdIndukKode: string;
}

export interface OpdNode {
  readonly id: string;
  readonly kode: string;
  readonly nama: string;
  readonly jenis: string;
  readonly indukKode: string | null;
  readonly kelasLayanan: 'pelayanan' | 'non_pelayanan' | null;
  readonly sektor: readonly string[];
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radiusM: number | null;
  readonly efektif: OpdEfektif;
  readonly jumlahPegawai: number;
}

export interface OpdTree {
  readonly tanggal: string;
  readonly opd: readonly OpdNode[];
}

export interface OpdRiwayat {
  readonly berlaku_dari: string;
  readonly berlaku_sampai: string | null;
  readonly nama: string;
  readonly jenis: string;
  readonly induk_kode: string | null;
  readonly kelas_layanan: string | null;
  readonly sektor: readonly string[];
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radius_m: number | null;
}

export interface OpdDetail extends OpdNode {
  readonly anak: readonly OpdNode[];
  readonly jumlahPegawaiSubtree: number;
  readonly riwayat: readonly OpdRiwayat[];
}

export interface PegawaiRow {
  readonly id: string;
  readonly nip: string | null;
  readonly id_pegawai: string | null;
  readonly nama: string;
  readonly jenis_pegawai: JenisPegawai;
  readonly jabatan_level: JabatanLevel;
  readonly jabatan: string;
  readonly opd_kode: string;
}

export interface PegawaiPage {
  readonly tanggal: string;
  readonly total: number;
  readonly rows: readonly PegawaiRow[];
}

export interface PegawaiRiwayat {
  readonly berlaku_dari: string;
  readonly berlaku_sampai: string | null;
  readonly jenis_pegawai: JenisPegawai;
  readonly jabatan_level: JabatanLevel;
  readonly jabatan: string;
  readonly opd_kode: string;
  readonly atasan_nama: string | null;
}

export interface PegawaiDetail {
  readonly id: string;
  readonly nip: string | null;
  readonly id_pegawai: string | null;
  readonly nama: string;
  readonly email: string | null;
  readonly telepon: string | null;
  readonly rumah_lat: number | null;
  readonly rumah_lng: number | null;
  readonly jenis_pegawai: JenisPegawai | null;
  readonly jabatan_level: JabatanLevel | null;
  readonly jabatan: string | null;
  readonly opd_id: string | null;
  readonly opd_kode: string | null;
  readonly atasan_id: string | null;
  readonly atasan_nama: string | null;
  readonly atasan_nip: string | null;
  readonly berlaku_dari: string | null;
  readonly riwayat: readonly PegawaiRiwayat[];
  readonly bawahan: readonly {
    readonly id: string;
    readonly nama: string;
    readonly nip: string | null;
    readonly jabatan: string;
  }[];
}

export interface ImportSummary {
  readonly jenis: 'opd' | 'pegawai';
  readonly baris: number;
  readonly dibuat: number;
  readonly diubah: number;
  readonly tidakBerubah: number;
}

export interface ImportJob {
  readonly id: string;
  readonly jenis: 'opd' | 'pegawai';
  readonly namaBerkas: string;
  readonly status: 'berjalan' | 'berhasil' | 'gagal';
  readonly fase: 'baca' | 'validasi' | 'simpan' | 'selesai';
  readonly diproses: number;
  readonly total: number;
  readonly hasil: ImportSummary | null;
  readonly galat: {
    readonly code: string;
    readonly pesan: { readonly id: string; readonly en: string };
    readonly issues: readonly {
      readonly baris: number;
      readonly kolom: string | null;
      readonly kode: string;
      readonly pesan: { readonly id: string; readonly en: string };
    }[];
  } | null;
}

export interface AuditRow {
  readonly id: string;
  readonly waktu: string;
  readonly pelaku: string;
  readonly aksi: string;
  readonly entitas: string;
  readonly entitas_id: string | null;
  readonly ringkasan: string;
  readonly sebelum: unknown;
  readonly sesudah: unknown;
}

export interface AuditPage {
  readonly total: number;
  readonly rows: readonly AuditRow[];
}

export interface JamHari {
  readonly mulai: string;
  readonly selesai: string;
  readonly istirahatMenit: number;
}

export interface Pengaturan {
  readonly kode: string;
  readonly nama: string;
  readonly jenis: JenisPemda;
  readonly zonaWaktu: ZonaWaktu;
  readonly jamKerja: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', JamHari>>;
  readonly menitKerjaMingguan: number;
  readonly pusatLat: number | null;
  readonly pusatLng: number | null;
}

export interface HariLibur {
  readonly tanggal: string;
  readonly jenis: 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
  readonly nama: string;
  readonly dasar: string;
}

/** PUT /api/pengaturan body. */
export interface PengaturanInput {
  readonly nama: string;
  readonly jenis: JenisPemda;
  readonly zonaWaktu: ZonaWaktu;
  readonly jamKerja: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', JamHari>>;
  readonly pusatLat: number | null;
  readonly pusatLng: number | null;
}

/** An account as GET /api/users lists it (no password hash). */
export interface Akun {
  readonly id: string;
  readonly username: string;
  readonly nama: string;
  readonly aktif: boolean;
  readonly terkunci_sampai: string | null;
  readonly nip: string | null;
  readonly roles: readonly { readonly role: Role; readonly opdKode: string | null }[];
}
