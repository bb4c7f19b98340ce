import type { Role } from '@sigap/domain';
import { type SigapDatabase, withTenant } from '../src/db/database.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.repository.ts';
import { upsertUser } from '../src/modules/auth/akun.service.ts';
import { importOpd, importPegawai } from '../src/modules/impor/impor.service.ts';
import { ensureTenant, seedHolidays } from '../src/modules/pengaturan/pengaturan.service.ts';

/** Rows to an import table (header = keys of the first row). */
export function table(rows: Record<string, string>[]) {
  const headers = Object.keys(rows[0] ?? {});
  return { headers, rows: rows.map((values, i) => ({ baris: i + 2, values })) };
}

export const OPD_ROWS = [
  {
    kode: 'SETDA',
    nama: 'Sekretariat Daerah',
    jenis: 'sekretariat',
    induk_kode: '',
    kelas_layanan: 'non_pelayanan',
    sektor: '',
    lat: '-7.8710',
    lng: '112.5260',
    radius_m: '150',
  },
  {
    kode: 'BAG-UMUM',
    nama: 'Bagian Umum',
    jenis: 'bagian',
    induk_kode: 'SETDA',
    kelas_layanan: '',
    sektor: '',
    lat: '',
    lng: '',
    radius_m: '',
  },
  {
    kode: 'DINKES',
    nama: 'Dinas Kesehatan',
    jenis: 'dinas',
    induk_kode: '',
    kelas_layanan: 'pelayanan',
    sektor: 'kesehatan',
    lat: '-7.8800',
    lng: '112.5300',
    radius_m: '120',
  },
  {
    kode: 'PKM-BATU',
    nama: 'UPT Puskesmas Batu',
    jenis: 'puskesmas',
    induk_kode: 'DINKES',
    kelas_layanan: '',
    sektor: '',
    lat: '-7.8850',
    lng: '112.5200',
    radius_m: '80',
  },
  {
    kode: 'BPBD',
    nama: 'Badan Penanggulangan Bencana Daerah',
    jenis: 'badan',
    induk_kode: '',
    kelas_layanan: 'pelayanan',
    sektor: 'kebencanaan',
    lat: '-7.8600',
    lng: '112.5100',
    radius_m: '100',
  },
];

export const NIP = {
  sekda: '197001011995031001',
  kabag: '198002022005012002',
  staf: '199003032015031003',
  kadinkes: '197504042000031004',
  perawat: '199505052020122005',
  pppk: '199206062022212006',
  kalak: '197807072003121007',
};

export const PEGAWAI_ROWS = [
  {
    nip: NIP.sekda,
    nama: 'Ir. Sekda Utama',
    jenis_pegawai: 'pns',
    jabatan_level: 'jpt',
    jabatan: 'Sekretaris Daerah',
    opd_kode: 'SETDA',
    atasan_nip: '',
    email: 'sekda@batukota.go.id',
    telepon: '081200000001',
    rumah_lat: '-7.8700',
    rumah_lng: '112.5200',
    id_pegawai: '',
  },
  {
    nip: NIP.kabag,
    nama: 'Dewi Kabag',
    jenis_pegawai: 'pns',
    jabatan_level: 'administrator',
    jabatan: 'Kepala Bagian Umum',
    opd_kode: 'BAG-UMUM',
    atasan_nip: NIP.sekda,
    email: '',
    telepon: '',
    rumah_lat: '',
    rumah_lng: '',
    id_pegawai: '',
  },
  {
    nip: NIP.staf,
    nama: 'Budi Staf',
    jenis_pegawai: 'pns',
    jabatan_level: 'pelaksana',
    jabatan: 'Pengadministrasi Umum',
    opd_kode: 'BAG-UMUM',
    atasan_nip: NIP.kabag,
    email: '',
    telepon: '',
    rumah_lat: '-7.875',
    rumah_lng: '112.525',
    id_pegawai: '',
  },
  {
    nip: NIP.kadinkes,
    nama: 'dr. Kadinkes',
    jenis_pegawai: 'pns',
    jabatan_level: 'jpt',
    jabatan: 'Kepala Dinas Kesehatan',
    opd_kode: 'DINKES',
    atasan_nip: NIP.sekda,
    email: '',
    telepon: '',
    rumah_lat: '',
    rumah_lng: '',
    id_pegawai: '',
  },
  {
    nip: NIP.perawat,
    nama: 'Sari Perawat',
    jenis_pegawai: 'pns',
    jabatan_level: 'fungsional',
    jabatan: 'Perawat Ahli Pertama',
    opd_kode: 'PKM-BATU',
    atasan_nip: NIP.kadinkes,
    email: '',
    telepon: '',
    rumah_lat: '',
    rumah_lng: '',
    id_pegawai: '',
  },
  {
    nip: NIP.pppk,
    nama: 'Rina PPPK',
    jenis_pegawai: 'pppk',
    jabatan_level: 'fungsional',
    jabatan: 'Bidan Terampil',
    opd_kode: 'PKM-BATU',
    atasan_nip: NIP.kadinkes,
    email: '',
    telepon: '',
    rumah_lat: '',
    rumah_lng: '',
    id_pegawai: '',
  },
  {
    nip: '',
    nama: 'Joko THL',
    jenis_pegawai: 'non_asn',
    jabatan_level: 'pelaksana',
    jabatan: 'Pengemudi',
    opd_kode: 'DINKES',
    atasan_nip: NIP.kadinkes,
    email: '',
    telepon: '',
    rumah_lat: '',
    rumah_lng: '',
    id_pegawai: 'THL-001',
  },
  {
    nip: NIP.kalak,
    nama: 'Kalak BPBD',
    jenis_pegawai: 'pns',
    jabatan_level: 'jpt',
    jabatan: 'Kepala Pelaksana BPBD',
    opd_kode: 'BPBD',
    atasan_nip: NIP.sekda,
    email: '',
    telepon: '',
    rumah_lat: '',
    rumah_lng: '',
    id_pegawai: '',
  },
];

export const PASSWORD = 'rahasia-uji-2026';

/** One account per role; scoped roles on DINKES (opd_admin) and BAG-UMUM (unit_head). */
export const ACCOUNTS: { username: string; role: Role; opdKode?: string; nip?: string }[] = [
  { username: 'admin', role: 'pemda_admin' },
  { username: 'bkpsdm', role: 'bkpsdm_admin' },
  { username: 'admin.dinkes', role: 'opd_admin', opdKode: 'DINKES' },
  { username: 'kepala.umum', role: 'unit_head', opdKode: 'BAG-UMUM', nip: NIP.kabag },
  { username: 'pegawai', role: 'employee', nip: NIP.staf },
  { username: 'nakes', role: 'health_officer' },
  { username: 'auditor', role: 'auditor' },
];

/** A small Pemda with OPDs, people and one account per role. */
export async function seedSmallPemda(sdb: SigapDatabase, kode = 'kota-uji', berlaku = '2024-01-01') {
  const t = await ensureTenant(sdb.db, {
    kode,
    nama: `Pemerintah ${kode}`,
    jenis: 'kota',
    zonaWaktu: 'Asia/Jakarta',
  });
  await withTenant(sdb, t.id, (trx) => seedHolidays(trx, t.id));
  const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: berlaku };
  await importOpd(sdb, t.id, table(OPD_ROWS), opts);
  await importPegawai(sdb, t.id, table(PEGAWAI_ROWS), opts);
  for (const a of ACCOUNTS) {
    await withTenant(sdb, t.id, (trx) =>
      upsertUser(trx, t.id, SYSTEM_ACTOR, {
        username: a.username,
        nama: a.username,
        password: PASSWORD,
        nip: a.nip ?? null,
        roles: [{ role: a.role, opdKode: a.opdKode ?? null }],
      }),
    );
  }
  return t.id;
}
