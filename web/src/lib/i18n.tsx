import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** The two languages of the UI: Indonesian first, English second. */
export type Lang = 'id' | 'en';

const STORAGE_KEY = 'sigap_lang';

/** Indonesian texts (the default); English must have the same keys. `{x}` marks a value. */
const id = {
  'app.nama': 'Sigap',
  'app.tagline': 'Sistem kerja ASN: WFO, WFH dan piket',
  'umum.memuat': 'Memuat…',
  'umum.cobaLagi': 'Coba lagi',
  'umum.tutup': 'Tutup',
  'umum.ya': 'Ya',
  'umum.tidak': 'Tidak',
  'umum.kosong': '—',
  'umum.tidakAdaData': 'Tidak ada data',
  'umum.hariIni': 'Hari ini',
  'umum.perTanggal': 'Per tanggal',
  'umum.perTanggalBantuan': 'Data ditampilkan seperti keadaannya pada tanggal ini',
  'umum.halamanTidakAda': 'Halaman tidak ditemukan',
  'umum.kembali': 'Kembali ke beranda',
  'umum.semua': 'Semua',
  'umum.cari': 'Cari',
  'umum.terapkan': 'Terapkan',
  'umum.setelUlang': 'Setel ulang',
  'umum.unduh': 'Unduh',
  'umum.sampai': 'sampai',
  'umum.sekarang': 'sekarang',
  'umum.meter': '{n} m',
  'umum.orang': '{n} orang',
  'galat.jaringan': 'Tidak dapat menghubungi server; periksa sambungan lalu coba lagi',
  'galat.umum': 'Terjadi kesalahan ({status})',
  'galat.tidakBerhak': 'Anda tidak berhak membuka halaman ini',

  'masuk.judul': 'Masuk ke Sigap',
  'masuk.pemda': 'Pemerintah daerah',
  'masuk.pilihPemda': 'Pilih Pemda',
  'masuk.username': 'Nama pengguna',
  'masuk.password': 'Kata sandi',
  'masuk.tombol': 'Masuk',
  'masuk.keluar': 'Keluar',
  'masuk.sesiBerakhir': 'Sesi Anda berakhir; silakan masuk lagi',

  'nav.organisasi': 'Organisasi',
  'nav.pegawai': 'Pegawai',
  'nav.impor': 'Impor & ekspor',
  'nav.audit': 'Jejak audit',
  'nav.pengaturan': 'Pengaturan',
  'nav.menu': 'Menu',
  'nav.bahasa': 'Bahasa',
  'nav.peran': 'Peran',

  'org.judul': 'Organisasi perangkat daerah',
  'org.ringkas': '{opd} OPD induk, {unit} unit, {pegawai} pegawai',
  'org.bukaSemua': 'Buka semua',
  'org.tutupSemua': 'Tutup semua',
  'org.saring': 'Saring OPD atau unit',
  'org.pegawai': 'pegawai',
  'org.pegawaiSendiri': '{n} di unit ini',
  'org.pegawaiTotal': '{n} pegawai',
  'org.diwarisi': 'diwarisi',
  'org.kelas.pelayanan': 'Pelayanan',
  'org.kelas.non_pelayanan': 'Non-pelayanan',
  'org.bukaTutup': 'Buka/tutup {nama}',

  'opd.identitas': 'Identitas',
  'opd.kode': 'Kode',
  'opd.nama': 'Nama',
  'opd.jenis': 'Jenis',
  'opd.induk': 'Induk',
  'opd.opdInduk': 'OPD induk',
  'opd.tingkatAtas': 'OPD tingkat atas',
  'opd.kelasLayanan': 'Kelas layanan',
  'opd.sektor': 'Sektor',
  'opd.sektorKosong': 'Bukan sektor esensial/kritikal',
  'opd.milikSendiri': 'ditetapkan sendiri',
  'opd.diwarisiDari': 'diwarisi dari {kode}',
  'opd.bawaan': 'bawaan (tidak ditetapkan)',
  'opd.jumlahPegawai': 'Jumlah pegawai',
  'opd.jumlahSendiri': 'di unit ini',
  'opd.jumlahSubtree': 'termasuk unit di bawahnya',
  'opd.lihatPegawai': 'Lihat daftar pegawai',
  'opd.unit': 'Unit di bawahnya',
  'opd.unitKosong': 'Tidak ada unit di bawahnya',
  'opd.kantor': 'Kantor dan geofence',
  'opd.koordinat': 'Koordinat kantor',
  'opd.radius': 'Radius geofence',
  'opd.lokasiDiwarisi': 'Lokasi diwarisi dari {kode}',
  'opd.lokasiKosong': 'Lokasi kantor belum diisi',
  'opd.petaCatatan': 'Peta membutuhkan internet; koordinat di atas tetap berlaku bila peta tidak tampil.',
  'opd.riwayat': 'Riwayat perubahan',
  'opd.berlakuDari': 'Berlaku dari',
  'opd.berlakuSampai': 'Sampai',
  'opd.lokasi': 'Lokasi',

  'pegawai.judul': 'Pegawai',
  'pegawai.cari': 'Cari nama, NIP atau ID pegawai',
  'pegawai.opd': 'OPD / unit',
  'pegawai.level': 'Jabatan level',
  'pegawai.jenis': 'Jenis pegawai',
  'pegawai.total': '{n} pegawai',
  'pegawai.nip': 'NIP',
  'pegawai.idPegawai': 'ID pegawai',
  'pegawai.nama': 'Nama',
  'pegawai.jabatan': 'Jabatan',
  'pegawai.unit': 'Unit kerja',
  'pegawai.atasan': 'Atasan langsung',
  'pegawai.bawahan': 'Bawahan langsung',
  'pegawai.bawahanKosong': 'Tidak ada bawahan langsung',
  'pegawai.kontak': 'Kontak',
  'pegawai.email': 'Email',
  'pegawai.telepon': 'Telepon',
  'pegawai.rumah': 'Koordinat rumah',
  'pegawai.riwayat': 'Riwayat penempatan',
  'pegawai.penempatanSejak': 'Penempatan berlaku sejak {tanggal}',
  'pegawai.tidakDitempatkan': 'Tidak punya penempatan pada tanggal ini',
  'pegawai.dataDiri': 'Data pegawai',
  'pegawai.memuatBaris': 'Memuat…',

  'impor.judul': 'Impor dan ekspor data',
  'impor.jenis': 'Data yang diimpor',
  'impor.jenis.opd': 'OPD dan unit',
  'impor.jenis.pegawai': 'Pegawai',
  'impor.opdHanyaAdmin': 'Impor OPD hanya untuk admin Pemda atau BKPSDM',
  'impor.templat': 'Templat',
  'impor.templatBantuan':
    'Unduh templat, isi, lalu unggah. Semua baris diperiksa; bila ada satu baris salah, tidak ada yang diubah.',
  'impor.berkas': 'Berkas CSV atau XLSX',
  'impor.pilihBerkas': 'Pilih berkas…',
  'impor.unggah': 'Unggah dan impor',
  'impor.fase.unggah': 'Mengunggah berkas… {persen}%',
  'impor.fase.baca': 'Membaca berkas…',
  'impor.fase.validasi': 'Memeriksa baris {n} dari {total}',
  'impor.fase.simpan': 'Menyimpan {n} dari {total}',
  'impor.fase.selesai': 'Selesai',
  'impor.berhasil': 'Impor berhasil',
  'impor.gagal': 'Impor gagal: tidak ada data yang diubah',
  'impor.baris': 'Baris',
  'impor.baru': 'Baru',
  'impor.diubah': 'Diubah',
  'impor.tidakBerubah': 'Tidak berubah',
  'impor.semuaTidakBerubah': 'Semua baris sama dengan data yang tersimpan; tidak ada yang berubah.',
  'impor.kolom': 'Kolom',
  'impor.kode': 'Kode',
  'impor.keterangan': 'Keterangan',
  'impor.jumlahMasalah': '{n} masalah ditemukan',
  'impor.ekspor': 'Ekspor',
  'impor.eksporBantuan': 'Data per hari ini dalam format impor (bolak-balik tanpa perubahan).',
  'impor.eksporBantuanTanggal': 'Data per {tanggal} dalam format impor (bolak-balik tanpa perubahan).',
  'impor.berkasTerpilih': '{nama} ({ukuran})',

  'audit.judul': 'Jejak audit',
  'audit.entitas': 'Entitas',
  'audit.aksi': 'Aksi',
  'audit.pelaku': 'Pelaku',
  'audit.teks': 'Teks',
  'audit.dari': 'Dari tanggal',
  'audit.sampai': 'Sampai tanggal',
  'audit.waktu': 'Waktu',
  'audit.ringkasan': 'Ringkasan',
  'audit.sebelum': 'Sebelum',
  'audit.sesudah': 'Sesudah',
  'audit.total': '{n} catatan',
  'audit.kosongJson': '(tidak ada)',
  'audit.bukaBaris': 'Tampilkan rincian',

  'atur.judul': 'Pengaturan Pemda',
  'atur.bacaSaja': 'Hanya tampilan; perubahan dilakukan oleh admin Pemda.',
  'atur.nama': 'Nama Pemda',
  'atur.kode': 'Kode',
  'atur.jenis': 'Jenis',
  'atur.zona': 'Zona waktu',
  'atur.pusat': 'Titik pusat wilayah',
  'atur.jamKerja': 'Jam kerja',
  'atur.hari': 'Hari',
  'atur.mulai': 'Mulai',
  'atur.selesai': 'Selesai',
  'atur.istirahat': 'Istirahat',
  'atur.menit': '{n} menit',
  'atur.libur': 'Bukan hari kerja',
  'atur.perMinggu': 'Jam kerja per minggu: {jam}',
  'atur.hariLibur': 'Hari libur {tahun}',
  'atur.tahun': 'Tahun',
  'atur.tanggal': 'Tanggal',
  'atur.jenisLibur': 'Jenis',
  'atur.namaLibur': 'Keterangan',
  'atur.dasar': 'Dasar',
  'atur.jumlahLibur': '{n} hari',
  'atur.jenis.libur_nasional': 'Libur nasional',
  'atur.jenis.cuti_bersama': 'Cuti bersama',
  'atur.jenis.libur_daerah': 'Libur daerah',
  'atur.jenisPemda.kota': 'Kota',
  'atur.jenisPemda.kabupaten': 'Kabupaten',
  'atur.jenisPemda.provinsi': 'Provinsi',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'app.nama': 'Sigap',
  'app.tagline': 'Civil-service work system: office, home and duty',
  'umum.memuat': 'Loading…',
  'umum.cobaLagi': 'Try again',
  'umum.tutup': 'Close',
  'umum.ya': 'Yes',
  'umum.tidak': 'No',
  'umum.kosong': '—',
  'umum.tidakAdaData': 'No data',
  'umum.hariIni': 'Today',
  'umum.perTanggal': 'As of date',
  'umum.perTanggalBantuan': 'Data is shown as it stood on this date',
  'umum.halamanTidakAda': 'Page not found',
  'umum.kembali': 'Back to the start page',
  'umum.semua': 'All',
  'umum.cari': 'Search',
  'umum.terapkan': 'Apply',
  'umum.setelUlang': 'Reset',
  'umum.unduh': 'Download',
  'umum.sampai': 'to',
  'umum.sekarang': 'now',
  'umum.meter': '{n} m',
  'umum.orang': '{n} people',
  'galat.jaringan': 'Cannot reach the server; check the connection and try again',
  'galat.umum': 'Something went wrong ({status})',
  'galat.tidakBerhak': 'You are not allowed to open this page',

  'masuk.judul': 'Sign in to Sigap',
  'masuk.pemda': 'Regional government',
  'masuk.pilihPemda': 'Choose the Pemda',
  'masuk.username': 'Username',
  'masuk.password': 'Password',
  'masuk.tombol': 'Sign in',
  'masuk.keluar': 'Sign out',
  'masuk.sesiBerakhir': 'Your session ended; please sign in again',

  'nav.organisasi': 'Organisation',
  'nav.pegawai': 'Employees',
  'nav.impor': 'Import & export',
  'nav.audit': 'Audit trail',
  'nav.pengaturan': 'Settings',
  'nav.menu': 'Menu',
  'nav.bahasa': 'Language',
  'nav.peran': 'Roles',

  'org.judul': 'Regional government agencies (OPD)',
  'org.ringkas': '{opd} top-level OPDs, {unit} units, {pegawai} employees',
  'org.bukaSemua': 'Expand all',
  'org.tutupSemua': 'Collapse all',
  'org.saring': 'Filter OPDs or units',
  'org.pegawai': 'employees',
  'org.pegawaiSendiri': '{n} in this unit',
  'org.pegawaiTotal': '{n} employees',
  'org.diwarisi': 'inherited',
  'org.kelas.pelayanan': 'Public service',
  'org.kelas.non_pelayanan': 'Non-service',
  'org.bukaTutup': 'Expand/collapse {nama}',

  'opd.identitas': 'Identity',
  'opd.kode': 'Code',
  'opd.nama': 'Name',
  'opd.jenis': 'Kind',
  'opd.induk': 'Parent',
  'opd.opdInduk': 'Top-level OPD',
  'opd.tingkatAtas': 'Top-level OPD',
  'opd.kelasLayanan': 'Service class',
  'opd.sektor': 'Sector',
  'opd.sektorKosong': 'Not an essential/critical sector',
  'opd.milikSendiri': 'set on this unit',
  'opd.diwarisiDari': 'inherited from {kode}',
  'opd.bawaan': 'default (not set)',
  'opd.jumlahPegawai': 'Head count',
  'opd.jumlahSendiri': 'in this unit',
  'opd.jumlahSubtree': 'including units below',
  'opd.lihatPegawai': 'See the employee list',
  'opd.unit': 'Units below',
  'opd.unitKosong': 'No units below',
  'opd.kantor': 'Office and geofence',
  'opd.koordinat': 'Office coordinates',
  'opd.radius': 'Geofence radius',
  'opd.lokasiDiwarisi': 'Location inherited from {kode}',
  'opd.lokasiKosong': 'No office location yet',
  'opd.petaCatatan': 'The map needs internet; the coordinates above hold when the map does not show.',
  'opd.riwayat': 'History',
  'opd.berlakuDari': 'Valid from',
  'opd.berlakuSampai': 'Until',
  'opd.lokasi': 'Location',

  'pegawai.judul': 'Employees',
  'pegawai.cari': 'Search name, NIP or employee ID',
  'pegawai.opd': 'OPD / unit',
  'pegawai.level': 'Position level',
  'pegawai.jenis': 'Employee type',
  'pegawai.total': '{n} employees',
  'pegawai.nip': 'NIP',
  'pegawai.idPegawai': 'Employee ID',
  'pegawai.nama': 'Name',
  'pegawai.jabatan': 'Position',
  'pegawai.unit': 'Unit',
  'pegawai.atasan': 'Supervisor',
  'pegawai.bawahan': 'Direct reports',
  'pegawai.bawahanKosong': 'No direct reports',
  'pegawai.kontak': 'Contact',
  'pegawai.email': 'Email',
  'pegawai.telepon': 'Phone',
  'pegawai.rumah': 'Home coordinates',
  'pegawai.riwayat': 'Placement history',
  'pegawai.penempatanSejak': 'Placement valid since {tanggal}',
  'pegawai.tidakDitempatkan': 'No placement on this date',
  'pegawai.dataDiri': 'Employee record',
  'pegawai.memuatBaris': 'Loading…',

  'impor.judul': 'Import and export',
  'impor.jenis': 'What to import',
  'impor.jenis.opd': 'OPDs and units',
  'impor.jenis.pegawai': 'Employees',
  'impor.opdHanyaAdmin': 'Only Pemda or BKPSDM admins may import OPDs',
  'impor.templat': 'Template',
  'impor.templatBantuan':
    'Download a template, fill it in, upload it. Every row is checked; if one row is wrong, nothing changes.',
  'impor.berkas': 'CSV or XLSX file',
  'impor.pilihBerkas': 'Choose a file…',
  'impor.unggah': 'Upload and import',
  'impor.fase.unggah': 'Uploading the file… {persen}%',
  'impor.fase.baca': 'Reading the file…',
  'impor.fase.validasi': 'Checking row {n} of {total}',
  'impor.fase.simpan': 'Saving {n} of {total}',
  'impor.fase.selesai': 'Done',
  'impor.berhasil': 'Import succeeded',
  'impor.gagal': 'Import failed: nothing was changed',
  'impor.baris': 'Row',
  'impor.baru': 'New',
  'impor.diubah': 'Changed',
  'impor.tidakBerubah': 'Unchanged',
  'impor.semuaTidakBerubah': 'Every row matches the stored data; nothing changed.',
  'impor.kolom': 'Column',
  'impor.kode': 'Code',
  'impor.keterangan': 'Description',
  'impor.jumlahMasalah': '{n} problems found',
  'impor.ekspor': 'Export',
  'impor.eksporBantuan': "Today's data in the import format (a round trip changes nothing).",
  'impor.eksporBantuanTanggal':
    'The data as of {tanggal} in the import format (a round trip changes nothing).',
  'impor.berkasTerpilih': '{nama} ({ukuran})',

  'audit.judul': 'Audit trail',
  'audit.entitas': 'Entity',
  'audit.aksi': 'Action',
  'audit.pelaku': 'Actor',
  'audit.teks': 'Text',
  'audit.dari': 'From date',
  'audit.sampai': 'To date',
  'audit.waktu': 'Time',
  'audit.ringkasan': 'Summary',
  'audit.sebelum': 'Before',
  'audit.sesudah': 'After',
  'audit.total': '{n} entries',
  'audit.kosongJson': '(none)',
  'audit.bukaBaris': 'Show details',

  'atur.judul': 'Pemda settings',
  'atur.bacaSaja': 'Read-only; the Pemda admin makes changes.',
  'atur.nama': 'Pemda name',
  'atur.kode': 'Code',
  'atur.jenis': 'Kind',
  'atur.zona': 'Time zone',
  'atur.pusat': 'Centre of the region',
  'atur.jamKerja': 'Working hours',
  'atur.hari': 'Day',
  'atur.mulai': 'Start',
  'atur.selesai': 'End',
  'atur.istirahat': 'Break',
  'atur.menit': '{n} minutes',
  'atur.libur': 'Not a working day',
  'atur.perMinggu': 'Working hours per week: {jam}',
  'atur.hariLibur': 'Holidays {tahun}',
  'atur.tahun': 'Year',
  'atur.tanggal': 'Date',
  'atur.jenisLibur': 'Kind',
  'atur.namaLibur': 'Description',
  'atur.dasar': 'Basis',
  'atur.jumlahLibur': '{n} days',
  'atur.jenis.libur_nasional': 'National holiday',
  'atur.jenis.cuti_bersama': 'Collective leave',
  'atur.jenis.libur_daerah': 'Regional holiday',
  'atur.jenisPemda.kota': 'City',
  'atur.jenisPemda.kabupaten': 'Regency',
  'atur.jenisPemda.provinsi': 'Province',
};

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { id, en };

/** Reads the saved language: localStorage first, then the cookie the server also reads. */
function savedLang(): Lang {
  try {
    const s = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (s === 'id' || s === 'en') return s;
  } catch {
    // storage may be blocked; fall through to the cookie
  }
  if (typeof document === 'undefined') return 'id';
  const m = /(?:^|;\s*)sigap_lang=(id|en)/.exec(document.cookie);
  return (m?.[1] as Lang | undefined) ?? 'id';
}

let current: Lang = savedLang();

/** The language in use right now (for code outside React, e.g. the API client). */
export function currentLang(): Lang {
  return current;
}

function persist(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the cookie still carries it
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie to localise its messages
  document.cookie = `sigap_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
}

/** Fills `{name}` placeholders. */
function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Translates a key in a given language (outside React). */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(DICTIONARIES[lang][key], vars);
}

export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  readonly lang: Lang;
  readonly setLang: (l: Lang) => void;
  readonly t: TFunction;
  /** Picks the language's half of a bilingual `{id, en}` text. */
  readonly pick: (p: { readonly id: string; readonly en: string }) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the language, its switch and the translate function. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(current);
  useEffect(() => persist(lang), [lang]);
  const setLang = useCallback((l: Lang) => {
    persist(l);
    setLangState(l);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (p) => (lang === 'en' ? p.en : p.id),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language, its switch and `t()`. */
export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
