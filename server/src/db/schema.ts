import type { ColumnType, Generated } from 'kysely';

/** Kysely table types; they mirror server/migrations. Dates are YYYY-MM-DD strings in both drivers. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantTable {
  id: Generated<string>;
  kode: string;
  nama: string;
  jenis: string;
  zona_waktu: string;
  jam_kerja: ColumnType<unknown, string, string>;
  pusat_lat: number | null;
  pusat_lng: number | null;
  created_at: Timestamp;
  /** Days enrolment photos are kept (0009_wajah.sql); 0 = never kept. */
  simpan_foto_hari: Generated<number>;
  toleransi_masuk_menit: Generated<number>;
  toleransi_pulang_menit: Generated<number>;
  buka_masuk_sebelum_menit: Generated<number>;
  tutup_pulang_setelah_menit: Generated<number>;
  selang_pulang_minimal_menit: Generated<number>;
  langkah_tantangan: ColumnType<string[], string[] | undefined, string[]>;
  /** WFH location-report rules (0016_lokasi_wfh.sql) */
  wfh_radius_rumah_m: Generated<number>;
  wfh_kecepatan_maks_kmj: Generated<number>;
  wfh_tepat_menit: Generated<number>;
  wfh_tunda_maks_menit: Generated<number>;
  wfh_selisih_jam_maks_menit: Generated<number>;
  wfh_usul_rumah_laporan: Generated<number>;
  wfh_simpan_lokasi_hari: Generated<number>;
}

export interface HariLiburTable {
  tenant_id: string;
  tanggal: string;
  jenis: string;
  nama: string;
  dasar: Generated<string>;
}

export interface OpdTable {
  tenant_id: string;
  id: Generated<string>;
  kode: string;
  created_at: Timestamp;
}

export interface OpdVersiTable {
  tenant_id: string;
  opd_id: string;
  berlaku_dari: string;
  berlaku_sampai: string | null;
  nama: string;
  jenis: string;
  induk_id: string | null;
  kelas_layanan: string | null;
  sektor: string[];
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
}

export interface PegawaiTable {
  tenant_id: string;
  id: Generated<string>;
  nip: string | null;
  id_pegawai: string | null;
  nama: string;
  email: string | null;
  telepon: string | null;
  rumah_lat: number | null;
  rumah_lng: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PegawaiVersiTable {
  tenant_id: string;
  pegawai_id: string;
  berlaku_dari: string;
  berlaku_sampai: string | null;
  jenis_pegawai: string;
  jabatan_level: string;
  jabatan: string;
  opd_id: string;
  atasan_id: string | null;
}

export interface AppUserTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  nama: string;
  password_hash: string;
  pegawai_id: string | null;
  aktif: Generated<boolean>;
  created_at: Timestamp;
  sandi_diubah: Date | null;
}

/** Failed sign-ins per (lower-cased username, client address): the sign-in throttle. */
export interface LoginGagalTable {
  tenant_id: string;
  username: string;
  alamat: string;
  gagal: Generated<number>;
  terakhir: Generated<Date>;
}

export interface UserRoleTable {
  tenant_id: string;
  user_id: string;
  role: string;
  opd_id: string | null;
}

export interface SessionTable {
  tenant_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
}

export interface AuditLogTable {
  tenant_id: string;
  id: Generated<string>;
  waktu: Timestamp;
  user_id: string | null;
  pelaku: string;
  aksi: string;
  entitas: string;
  entitas_id: string | null;
  ringkasan: string;
  sebelum: ColumnType<unknown, string | null, never>;
  sesudah: ColumnType<unknown, string | null, never>;
}

export interface ImportJobTable {
  tenant_id: string;
  id: Generated<string>;
  jenis: string;
  nama_berkas: string;
  user_id: string | null;
  status: string;
  total: number;
  diproses: number;
  hasil: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface KebijakanTable {
  tenant_id: string;
  id: string;
  versi: number;
  status: string;
  judul: string;
  nomor: string;
  tanggal: string;
  dokumen: ColumnType<unknown, string, string>;
  sumber: string;
  dibuat_oleh: string;
  dibuat_pada: Timestamp;
  status_oleh: string | null;
  status_pada: Date | null;
}

export interface KonteksWilayahTable {
  tenant_id: string;
  dari: string;
  zona: string | null;
  level_ppkm: number | null;
  dasar: Generated<string>;
  dicatat_oleh: string;
  dicatat_pada: Timestamp;
}

export interface JadwalTable {
  tenant_id: string;
  id: Generated<string>;
  dari: string;
  sampai: string;
  cakupan_opd: string | null;
  status: string;
  pelanggaran: ColumnType<unknown, string | undefined, string>;
  dibuat_oleh: string;
  dibuat_pada: Timestamp;
  jenis: Generated<string>;
  keterangan: Generated<string>;
  diterbitkan_oleh: string | null;
  diterbitkan_pada: Date | null;
}

export interface JadwalSelTable {
  tenant_id: string;
  jadwal_id: string;
  pegawai_id: string;
  tanggal: string;
  status: string;
  kebijakan_id: string | null;
  kebijakan_versi: number | null;
  aturan_id: string | null;
  alasan: string;
}

export interface KetidakhadiranTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  jenis: string;
  dari: string;
  sampai: string;
  keterangan: Generated<string>;
  status: string;
  sumber: string;
  diajukan_oleh: string;
  diajukan_pada: Timestamp;
  diputus_oleh: string | null;
  diputus_pada: Date | null;
  catatan_putusan: Generated<string>;
}

export interface JadwalKunciTable {
  tenant_id: string;
  pegawai_id: string;
  tanggal: string;
  status: string;
  oleh: string;
  pada: Timestamp;
}

export interface PemberitahuanTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  jenis: string;
  judul: string;
  judul_en: string;
  isi: Generated<string>;
  isi_en: Generated<string>;
  tautan: string | null;
  dibuat_pada: Timestamp;
  dibaca_pada: Date | null;
}

export interface PermintaanJadwalTable {
  tenant_id: string;
  pegawai_id: string;
  tanggal: string;
  lokasi: string;
  alasan: Generated<string>;
  dibuat_pada: Timestamp;
}

/** One row per statement that changed what policy evaluation reads (0007_revisi.sql; trigger-written). */
export interface RevisiDataTable {
  tenant_id: string;
  id: Generated<string>;
  tabel: string;
  pada: Generated<Timestamp>;
}

/** 0008_kehadiran.sql: devices (terminals and kiosks). */
export interface PerangkatTable {
  tenant_id: string;
  id: Generated<string>;
  opd_id: string;
  jenis: string;
  nama: string;
  kode: string;
  token_hash: string | null;
  dicabut_pada: Date | null;
  created_at: Timestamp;
  /** 0014: when the current token was issued */
  token_dibuat_pada: Date | null;
}

/** A terminal's PIN → person table (0008). */
export interface PinTerminalTable {
  tenant_id: string;
  perangkat_id: string;
  pin: string;
  pegawai_id: string;
}

/** Extra places where attendance is allowed (0008): a circle or a polygon. */
export interface TempatAbsenTable {
  tenant_id: string;
  id: Generated<string>;
  opd_id: string;
  nama: string;
  jenis: string;
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
  poligon: ColumnType<unknown, string | null | undefined, string | null>;
  aktif: Generated<boolean>;
  dibuat_oleh: Generated<string>;
  dibuat_pada: Timestamp;
}

/** Official travel (0008). */
export interface DinasLuarTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  dari: string;
  sampai: string;
  nomor_surat: string;
  tujuan: string;
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
  status: string;
  diajukan_oleh: string;
  diajukan_pada: Timestamp;
  diputus_oleh: string | null;
  diputus_pada: Date | null;
  catatan_putusan: Generated<string>;
}

/** Every attendance event and attempt, append-only (0008). */
export interface KehadiranTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string | null;
  opd_id: string | null;
  waktu: ColumnType<Date, Date | string, never>;
  waktu_perangkat: ColumnType<Date | null, Date | string | null | undefined, never>;
  dicatat_pada: ColumnType<Date, Date | string | undefined, never>;
  jenis: 'masuk' | 'pulang' | null;
  sumber: 'wajah' | 'kiosk' | 'terminal' | 'koreksi' | 'admin';
  perangkat_id: string | null;
  lat: number | null;
  lng: number | null;
  akurasi_m: number | null;
  hasil: 'diterima' | 'ditolak' | 'ditinjau';
  alasan: ColumnType<string[], string[] | undefined, never>;
  skor: number | null;
  id_klien: string | null;
  hash_isi: string | null;
  impor_id: string | null;
  pin: string | null;
  /** the words of the answer, {id, en} (0012_tinjau.sql) */
  pesan: ColumnType<{ id: string; en: string } | null, string | null | undefined, never>;
}

/** Face-enrolment consent, one row per grant; withdrawal marks it (0009_wajah.sql). */
export interface WajahPersetujuanTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  diberikan_pada: Timestamp;
  dicatat_oleh: string | null;
  dicatat_nama: string;
  cara: string;
  tujuan: string;
  dasar: string;
  keterangan: Generated<string>;
  dicabut_pada: Date | null;
  dicabut_oleh: string | null;
}

/** A face template: the vector encrypted with AES-256-GCM (0009_wajah.sql). */
export interface WajahTemplateTable {
  tenant_id: string;
  id: string;
  pegawai_id: string;
  model: string;
  dimensi: number;
  sandi: Uint8Array;
  iv: Uint8Array;
  kunci_id: string;
  kualitas: ColumnType<unknown, string | undefined, string>;
  sumber: string;
  dibuat_pada: Timestamp;
}

/** An enrolment photo, encrypted, kept only when the Pemda set simpan_foto_hari > 0. */
export interface WajahFotoTable {
  tenant_id: string;
  id: string;
  pegawai_id: string;
  jenis: string;
  sandi: Uint8Array;
  iv: Uint8Array;
  kunci_id: string;
  dibuat_pada: Timestamp;
  simpan_sampai: Date | string;
}

/** A liveness challenge, answered once (0011_tantangan.sql). */
export interface TantanganAbsenTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string | null;
  perangkat_id: string | null;
  langkah: string[];
  dibuat_pada: Timestamp;
  berlaku_sampai: Date | string;
  dipakai_pada: Date | null;
}

/** A face check-in waiting for (or decided by) the OPD admin's review (0012_tinjau.sql). */
export interface TinjauAbsenTable {
  tenant_id: string;
  kehadiran_id: string;
  pegawai_id: string;
  opd_id: string | null;
  skor: number;
  status: 'menunggu' | 'diterima' | 'ditolak';
  dibuat_pada: Timestamp;
  simpan_sampai: Date | string;
  diputus_oleh: string | null;
  diputus_pada: Date | null;
  catatan: Generated<string>;
}

/** One encrypted frame of a reviewed attempt, deleted with the decision. */
export interface TinjauBingkaiTable {
  tenant_id: string;
  id: string;
  kehadiran_id: string;
  urutan: number;
  sandi: Uint8Array;
  iv: Uint8Array;
  kunci_id: string;
}

/** A person's correction of their attendance day, asked and decided (0013). */
export interface KoreksiKehadiranTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  tanggal: string;
  jenis: 'masuk' | 'pulang';
  waktu: ColumnType<Date, Date | string, never>;
  menggantikan: string | null;
  sebab: string;
  alasan: string;
  status: Generated<string>;
  diajukan_oleh: string;
  diajukan_pada: Timestamp;
  diputus_oleh: string | null;
  diputus_pada: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  catatan_putusan: Generated<string>;
}

export interface LaporanLokasiTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  lat: number;
  lng: number;
  akurasi_m: number;
  waktu_terima: ColumnType<Date, Date | string, never>;
  waktu_perangkat: ColumnType<Date, Date | string, never>;
  waktu_kirim: ColumnType<Date | null, Date | string | null, never>;
  waktu_dihitung: ColumnType<Date, Date | string, never>;
  tanggal: string;
  tanda: ColumnType<string[], string[] | undefined, never>;
  id_klien: string;
  hash_isi: string;
  jawaban: ColumnType<unknown, string, never>;
  dikirim_oleh: string;
}

export interface RumahPegawaiTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  lat: number;
  lng: number;
  asal: 'usulan' | 'admin';
  dasar: ColumnType<string[], string[] | undefined, string[]>;
  berlaku_sejak: ColumnType<Date, Date | string, never>;
  status: 'diusulkan' | 'dikonfirmasi' | 'ditolak';
  dibuat_pada: Timestamp;
  diputus_oleh: string | null;
  diputus_pada: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  catatan: Generated<string>;
}

export interface PernyataanWfhTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  kebijakan_id: string;
  kebijakan_versi: number;
  teks_id: string;
  teks_en: string;
  bagian: ColumnType<unknown, string, never>;
  masukan: ColumnType<unknown, string, never>;
  versi_teks: number;
  hash: string;
  ditandatangani_pada: ColumnType<Date, Date | undefined, never>;
  user_id: string | null;
  username: string;
  user_agent: string;
  perangkat: string;
  ip: string;
  id_klien: string | null;
  hash_isi: string | null;
}

/** The installation's VAPID key pair (0019_dorong_web.sql); one row, id 1. */
export interface KunciVapidTable {
  id: number;
  publik: string;
  privat_sandi: Uint8Array;
  privat_iv: Uint8Array;
  privat_kunci_id: string;
  dibuat_pada: Generated<Date>;
}

/** A browser's Web Push subscription (0019_dorong_web.sql). */
export interface LanggananDorongTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  bahasa: Generated<string>;
  dibuat_pada: Generated<Date>;
  terakhir_berhasil: Date | null;
}

/** Once-only keys of queued jobs (0019_dorong_web.sql). */
export interface PenjadwalKunciTable {
  tugas: string;
  kunci: string;
  job_id: string | null;
  dibuat_pada: Generated<Date>;
}

export interface DB {
  laporan_lokasi: LaporanLokasiTable;
  rumah_pegawai: RumahPegawaiTable;
  revisi_data: RevisiDataTable;
  permintaan_jadwal: PermintaanJadwalTable;
  ketidakhadiran: KetidakhadiranTable;
  jadwal_kunci: JadwalKunciTable;
  pemberitahuan: PemberitahuanTable;
  kunci_vapid: KunciVapidTable;
  langganan_dorong: LanggananDorongTable;
  penjadwal_kunci: PenjadwalKunciTable;
  jadwal: JadwalTable;
  jadwal_sel: JadwalSelTable;
  kebijakan: KebijakanTable;
  konteks_wilayah: KonteksWilayahTable;
  tenant: TenantTable;
  hari_libur: HariLiburTable;
  opd: OpdTable;
  opd_versi: OpdVersiTable;
  pegawai: PegawaiTable;
  pegawai_versi: PegawaiVersiTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_gagal: LoginGagalTable;
  audit_log: AuditLogTable;
  import_job: ImportJobTable;
  schema_migration: { nama: string; applied_at: Timestamp };
  perangkat: PerangkatTable;
  pin_terminal: PinTerminalTable;
  tempat_absen: TempatAbsenTable;
  dinas_luar: DinasLuarTable;
  kehadiran: KehadiranTable;
  wajah_persetujuan: WajahPersetujuanTable;
  wajah_template: WajahTemplateTable;
  wajah_foto: WajahFotoTable;
  tantangan_absen: TantanganAbsenTable;
  tinjau_absen: TinjauAbsenTable;
  tinjau_bingkai: TinjauBingkaiTable;
  koreksi_kehadiran: KoreksiKehadiranTable;
  perangkat_token_lama: PerangkatTokenLamaTable;
  pernyataan_wfh: PernyataanWfhTable;
  izin_keluar: IzinKeluarTable;
}

/** 0018_izin_keluar.sql: going-out notices of people working from home (append-only but for two fields). */
export interface IzinKeluarTable {
  tenant_id: string;
  id: Generated<string>;
  pegawai_id: string;
  tanggal: string;
  jenis: string;
  alasan: string;
  dari: ColumnType<Date, Date | string, never>;
  sampai: ColumnType<Date, Date | string, never>;
  id_klien: string;
  hash_isi: string;
  diajukan_oleh: string;
  diajukan_pada: Timestamp;
  keberatan_oleh: string | null;
  keberatan_pada: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  keberatan_sebagai: 'atasan' | 'admin_opd' | null;
  keberatan_catatan: string | null;
  dibatalkan_oleh: string | null;
  dibatalkan_pada: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** 0014_perangkat_token.sql: device tokens no longer valid (replaced or revoked). */
export interface PerangkatTokenLamaTable {
  tenant_id: string;
  token_hash: string;
  perangkat_id: string;
  alasan: 'diganti' | 'dicabut';
  dibuat_pada: Date | null;
  dicabut_pada: Generated<Date>;
}
