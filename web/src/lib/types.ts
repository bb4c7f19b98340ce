import type {
  JabatanLevel,
  JenisPegawai,
  JenisPemda,
  Kebijakan,
  KelompokBatasan,
  KeputusanOrang,
  Role,
  ZonaWaktu,
} from '@sigap/domain';

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
    /** How many problems the file has in all (at most 1,000 are listed, then one MASALAH_LAIN entry). */
    readonly jumlahMasalah?: number;
    readonly perKode?: Readonly<Record<string, number>>;
  } | null;
}

export interface AuditRow {
  readonly id: string;
  readonly waktu: string;
  readonly pelaku: string;
  /** The actor by name ("Nama (username)", or "sistem"). */
  readonly pelaku_nama: string;
  readonly aksi: string;
  readonly entitas: string;
  readonly entitas_id: string | null;
  /** The record by name (employee name + NIP, OPD name + code, …); "… (dihapus)" once deleted. */
  readonly entitas_nama: string | null;
  readonly ringkasan: string;
  readonly sebelum: unknown;
  readonly sesudah: unknown;
}

export interface AuditPage {
  readonly total: number;
  readonly rows: readonly AuditRow[];
  /** Names of the ids inside the rows' before/after values. */
  readonly rujukan: Readonly<Record<string, string>>;
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
  /** Until when some address is held back from signing in (null: none is). */
  readonly terkunci_sampai: string | null;
  /** Failed sign-ins in the last hour, from every address. */
  readonly gagal_masuk: number;
  /** Past the ceiling: every sign-in on this account is answered slowly. */
  readonly diperlambat: boolean;
  readonly nip: string | null;
  readonly roles: readonly { readonly role: Role; readonly opdKode: string | null }[];
}

/** A version's status: only `aktif` versions apply. */
export type StatusKebijakan = 'draft' | 'aktif' | 'dicabut' | 'diganti';

type Bilingual = { readonly id: string; readonly en: string };

/** One policy as GET /api/kebijakan lists it (identity of its active version, else the latest). */
export interface KebijakanRingkas {
  readonly id: string;
  readonly judul: string;
  readonly nomor: string;
  readonly tanggal: string;
  readonly jenisDokumen: Kebijakan['jenis_dokumen'];
  readonly penandatangan: Kebijakan['penandatangan'];
  readonly berlaku: Kebijakan['berlaku'];
  readonly versiAktif: number | null;
  readonly versiTerbaru: number;
  readonly versi: readonly {
    readonly versi: number;
    readonly status: StatusKebijakan;
    readonly tanggal: string;
    readonly dibuatOleh: string;
    readonly dibuatPada: string;
  }[];
}

/** One stored version: the parsed document and the text it was stored from. */
export interface VersiKebijakan {
  readonly versi: number;
  readonly status: StatusKebijakan;
  readonly dokumen: Kebijakan;
  readonly sumber: string;
  readonly dibuatOleh: string;
  readonly dibuatPada: string;
  readonly statusOleh: string | null;
  readonly statusPada: string | null;
}

/** GET /api/kebijakan/:id */
export interface KebijakanDetail {
  readonly id: string;
  readonly versi: readonly VersiKebijakan[];
}

/** A finding of the checks against the Pemda's data. */
export interface TemuanKebijakan {
  readonly tingkat: 'galat' | 'konflik' | 'peringatan';
  readonly kode: string;
  readonly jalur: string;
  readonly pesan: Bilingual;
}

/** POST /api/kebijakan/validasi */
export interface HasilValidasiKebijakan {
  readonly ok: boolean;
  readonly masalah: readonly {
    readonly baris: number;
    readonly kolom: string | null;
    readonly kode: string;
    readonly pesan: Bilingual;
  }[];
  readonly temuan: readonly TemuanKebijakan[];
  readonly kebijakan: Kebijakan | null;
}

/** POST /api/kebijakan */
export interface HasilSimpanKebijakan {
  readonly id: string;
  readonly versi: number;
  readonly status: StatusKebijakan;
  readonly berubah: boolean;
  readonly diganti?: readonly number[];
  readonly temuan: readonly TemuanKebijakan[];
}

/** One OPD's line of an impact preview. */
export interface DampakOpd {
  readonly kode: string;
  readonly nama: string;
  readonly total: number;
  readonly wfo: number;
  readonly wfh: number;
  readonly bebas: number;
  readonly libur: number;
  readonly maksKantor: number;
  readonly piket: number;
}

/** GET /api/kebijakan-dampak */
export interface DampakKebijakan {
  readonly tanggal: string;
  readonly hari: Bilingual;
  readonly hariKerja: boolean;
  readonly kebijakan: readonly { id: string; versi: number; nomor: string; judul: string }[];
  readonly opd: readonly DampakOpd[];
  readonly peringatan: readonly Bilingual[];
}

/** GET /api/kebijakan-jelaskan */
export interface PenjelasanPegawai {
  readonly tanggal: string;
  readonly hari: Bilingual;
  readonly hariKerja: boolean;
  readonly pegawai: {
    readonly key: string;
    readonly nama: string;
    readonly id: string;
    readonly unitKode: string | null;
    readonly unitNama: string | null;
  };
  readonly kebijakanBerlaku: readonly { id: string; versi: number; nomor: string; judul: string }[];
  readonly keputusan: KeputusanOrang;
  readonly kelompok: readonly (Omit<KelompokBatasan, 'anggota' | 'bolehPiket'> & {
    readonly jumlahAnggota: number;
    readonly bolehPiketSaya?: boolean;
  })[];
  readonly peringatan: readonly Bilingual[];
}
