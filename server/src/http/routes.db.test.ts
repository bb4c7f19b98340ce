import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addDays, isoWeekday, type Role } from '@sigap/domain';
import { jamKerjaKeApi } from '@sigap/domain/api/pengaturan';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { ACCOUNTS, NIP, PASSWORD, PEGAWAI_ROWS, seedSmallPemda, table } from '../../test/fixtures.ts';
import { multipart } from '../../test/multipart.ts';
import { bacaFoto } from '../../test/wajah.ts';
import { withTenant } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.repository.ts';
import { upsertUser } from '../modules/auth/akun.service.ts';
import * as cutiRepo from '../modules/cuti/cuti.repository.ts';
import { importOpd, importPegawai } from '../modules/impor/impor.service.ts';
import * as izinRepo from '../modules/izin-keluar/izin-keluar.repository.ts';
import { buatJadwal, rekap, terbitkan } from '../modules/jadwal/jadwal.service.ts';
import { simpan } from '../modules/kebijakan/kebijakan.service.ts';
import { catatKejadian } from '../modules/kehadiran/kehadiran.service.ts';
import * as koreksiRepo from '../modules/kehadiran/koreksi.repository.ts';
import { daftarkanPerangkat } from '../modules/kehadiran/perangkat.service.ts';
import * as tempatRepo from '../modules/kehadiran/tempat.repository.ts';
import { simpanTinjauan } from '../modules/kehadiran/tinjau.service.ts';
import { terbitkanToken } from '../modules/kehadiran/token.service.ts';
import { getSettings, tenantToday } from '../modules/pengaturan/pengaturan.service.ts';
import { cincinUntuk } from '../modules/wajah/kunci.ts';
import * as lokasiRepo from '../modules/wfh/lokasi.repository.ts';
import { type App, buildApp } from './app.ts';

/*
 * Every API route × every role, for real. The expected answer of each cell is WRITTEN OUT below from
 * docs/roles.md and docs/jadwal.md §7 — never computed by the code under test:
 *
 *   Y  the role may: a valid request (real body, real ids, a target inside the caller's own scope)
 *      SUCCEEDS (2xx), and the answer is checked;
 *   -  the role may not: the same request answers 403.
 *
 * Scoped roles act on their own part of the Pemda (the OPD admin on DINKES, the unit head on BAG-UMUM,
 * the employee on their own record and, as `atasan`, on their report's requests); reaching outside it
 * is tested separately below ("scope cases"). Adding a route: add a line to MATRIKS and a request to
 * PERMINTAAN (docs/CONTRIBUTING.md, "A new API route"); the first test fails until both exist.
 */
const MATRIKS = `
  route                                        pemda bkpsdm opd unit pegawai nakes auditor
  GET    /api/health                           Y     Y      Y   Y    Y       Y     Y
  GET    /api/pemda                            Y     Y      Y   Y    Y       Y     Y
  POST   /api/auth/login                       Y     Y      Y   Y    Y       Y     Y
  POST   /api/auth/logout                      Y     Y      Y   Y    Y       Y     Y
  GET    /api/auth/me                          Y     Y      Y   Y    Y       Y     Y
  GET    /api/akun                            Y     Y      -   -    -       -     -
  POST   /api/akun                            Y     Y      -   -    -       -     -
  PUT    /api/akun/:id                        Y     Y      -   -    -       -     -
  POST   /api/akun/:id/nonaktifkan            Y     Y      -   -    -       -     -
  POST   /api/akun/:id/aktifkan               Y     Y      -   -    -       -     -
  POST   /api/akun/:id/buka-kunci             Y     Y      -   -    -       -     -
  POST   /api/akun/:id/atur-ulang-sandi       Y     Y      -   -    -       -     -
  POST   /api/auth/sandi                       Y     Y      Y   Y    Y       Y     Y
  GET    /api/pengaturan                       Y     Y      Y   Y    Y       Y     Y
  PUT    /api/pengaturan                       Y     -      -   -    -       -     -
  GET    /api/kalender/libur                   Y     Y      Y   Y    Y       Y     Y
  POST   /api/kalender/libur                   Y     -      -   -    -       -     -
  POST   /api/kalender/libur/impor             Y     -      -   -    -       -     -
  DELETE /api/kalender/libur/:tanggal          Y     -      -   -    -       -     -
  GET    /api/opd                              Y     Y      Y   Y    Y       Y     Y
  GET    /api/opd/:kode                        Y     Y      Y   Y    Y       Y     Y
  GET    /api/pegawai                          Y     Y      Y   Y    Y       Y     Y
  GET    /api/pegawai/:id                      Y     Y      Y   Y    Y       Y     Y
  PUT    /api/pegawai/:id                      Y     Y      Y   -    -       -     -
  POST   /api/pegawai/:id/nonaktifkan          Y     Y      Y   -    -       -     -
  PUT    /api/opd/:kode                        Y     Y      -   -    -       -     -
  POST   /api/opd/:kode/nonaktifkan            Y     Y      -   -    -       -     -
  POST   /api/impor/:jenis                     Y     Y      Y   -    -       -     -
  GET    /api/impor/:id                        Y     Y      Y   -    -       -     -
  GET    /api/impor/template/:jenis            Y     Y      Y   -    -       -     -
  GET    /api/ekspor/:jenis                    Y     Y      Y   Y    Y       Y     Y
  GET    /api/audit                            Y     -      -   -    -       -     Y
  GET    /api/kebijakan                        Y     Y      Y   Y    Y       Y     Y
  GET    /api/kebijakan/:id                    Y     Y      Y   Y    Y       Y     Y
  POST   /api/kebijakan/validasi               Y     Y      -   -    -       -     -
  POST   /api/kebijakan                        Y     Y      -   -    -       -     -
  POST   /api/kebijakan/:id/versi/:versi/status Y    Y      -   -    -       -     -
  GET    /api/kebijakan-jelaskan               Y     Y      Y   Y    Y       Y     Y
  GET    /api/kebijakan-dampak                 Y     Y      Y   Y    Y       Y     Y
  GET    /api/konteks-wilayah                  Y     Y      Y   Y    Y       Y     Y
  POST   /api/konteks-wilayah                  Y     Y      -   -    -       -     -
  GET    /api/jadwal                           Y     Y      Y   Y    -       Y     Y
  POST   /api/jadwal/buat                      Y     Y      Y   -    -       -     -
  POST   /api/jadwal/:id/terbit                Y     Y      Y   -    -       -     -
  GET    /api/jadwal/grid                      Y     Y      Y   Y    -       Y     Y
  GET    /api/jadwal/okupansi                  Y     Y      Y   Y    -       Y     Y
  GET    /api/jadwal/periksa                   Y     Y      Y   Y    -       Y     Y
  POST   /api/jadwal/sel                       Y     Y      Y   Y    -       -     -
  DELETE /api/jadwal/kunci                     Y     Y      Y   Y    -       -     -
  GET    /api/jadwal/rekap                     Y     Y      Y   Y    -       Y     Y
  POST   /api/jadwal/impor                     Y     Y      Y   -    -       -     -
  GET    /api/jadwal-saya/permintaan           Y     Y      Y   Y    Y       Y     Y
  POST   /api/jadwal-saya/permintaan           Y     Y      Y   Y    Y       Y     Y
  GET    /api/jadwal-saya                      Y     Y      Y   Y    Y       Y     Y
  GET    /api/jadwal-saya/terbit               Y     Y      Y   Y    Y       Y     Y
  GET    /api/cuti                             Y     Y      Y   Y    Y       Y     Y
  POST   /api/cuti                             Y     Y      Y   Y    Y       Y     Y
  POST   /api/cuti/:id/putusan                 Y     Y      Y   Y    Y       -     -
  POST   /api/cuti/:id/batal                   Y     Y      Y   Y    Y       Y     Y
  POST   /api/cuti/catat                       Y     Y      Y   -    -       -     -
  POST   /api/cuti/impor                       Y     Y      Y   -    -       -     -
  GET    /api/pemberitahuan                    Y     Y      Y   Y    Y       Y     Y
  POST   /api/pemberitahuan/baca               Y     Y      Y   Y    Y       Y     Y
  GET    /api/dorong/kunci-publik              Y     Y      Y   Y    Y       Y     Y
  POST   /api/dorong/langganan                 Y     Y      Y   Y    Y       Y     Y
  DELETE /api/dorong/langganan                 Y     Y      Y   Y    Y       Y     Y
  POST   /api/kehadiran/impor                  Y     Y      Y   -    -       -     -
  GET    /api/perangkat                        Y     -      Y   -    -       -     -
  POST   /api/perangkat                        Y     -      Y   -    -       -     -
  PUT    /api/perangkat/:id/pin                Y     -      Y   -    -       -     -
  POST   /api/perangkat/kejadian               Y     Y      Y   Y    Y       Y     Y
  POST   /api/perangkat/:id/token              Y     -      Y   -    -       -     -
  DELETE /api/perangkat/:id/token              Y     -      Y   -    -       -     -
  GET    /api/kiosk                            Y     Y      Y   Y    Y       Y     Y
  GET    /api/kehadiran/hari                   -     -      Y   Y    Y       -     Y
  GET    /api/kehadiran/rekap                  -     -      Y   Y    Y       -     Y
  GET    /api/wajah/saya                       Y     Y      Y   Y    Y       Y     Y
  POST   /api/wajah/saya/persetujuan           Y     Y      Y   Y    Y       Y     Y
  DELETE /api/wajah/saya                       Y     Y      Y   Y    Y       Y     Y
  GET    /api/wajah/pegawai                    Y     Y      Y   -    -       -     -
  POST   /api/wajah/pegawai/:id/persetujuan    Y     Y      Y   -    -       -     -
  DELETE /api/wajah/pegawai/:id                Y     Y      Y   -    -       -     -
  GET    /api/wajah/pengaturan                 Y     Y      Y   Y    Y       Y     Y
  PUT    /api/wajah/pengaturan                 Y     -      -   -    -       -     -
  GET    /api/kehadiran/pengaturan             Y     Y      Y   Y    Y       Y     Y
  PUT    /api/kehadiran/pengaturan             Y     -      -   -    -       -     -
  POST   /api/kehadiran/tantangan              Y     Y      Y   Y    Y       Y     Y
  POST   /api/kehadiran                        Y     Y      Y   Y    Y       Y     Y
  POST   /api/wajah/saya/foto                  Y     Y      Y   Y    Y       Y     Y
  POST   /api/wajah/pegawai/:id/foto           Y     Y      Y   -    -       -     -
  GET    /api/kehadiran/tinjau                 -     -      Y   -    -       -     -
  GET    /api/kehadiran/tinjau/:id/bingkai/:urutan -  -      Y   -    -       -     -
  POST   /api/kehadiran/tinjau/:id             -     -      Y   -    -       -     -
  GET    /api/kehadiran/koreksi                Y     Y      Y   Y    Y       Y     Y
  GET    /api/kehadiran/koreksi/ketukan        Y     Y      Y   Y    Y       Y     Y
  GET    /api/kehadiran/koreksi/persetujuan    -     -      Y   Y    Y       -     -
  POST   /api/kehadiran/koreksi                Y     Y      Y   Y    Y       Y     Y
  POST   /api/kehadiran/koreksi/:id/putusan    -     -      Y   Y    Y       -     -
  POST   /api/kehadiran/koreksi/:id/batal      Y     Y      Y   Y    Y       Y     Y
  GET    /api/kehadiran/dinas-luar             Y     Y      Y   Y    Y       Y     Y
  GET    /api/kehadiran/dinas-luar/persetujuan -     -      Y   Y    Y       -     -
  POST   /api/kehadiran/dinas-luar             Y     Y      Y   Y    Y       Y     Y
  POST   /api/kehadiran/dinas-luar/:id/putusan -     -      Y   Y    Y       -     -
  POST   /api/kehadiran/dinas-luar/:id/batal   Y     Y      Y   Y    Y       Y     Y
  GET    /api/kehadiran/tempat                 Y     -      Y   -    -       -     -
  POST   /api/kehadiran/tempat                 Y     -      Y   -    -       -     -
  PUT    /api/kehadiran/tempat/:id             Y     -      Y   -    -       -     -
  POST   /api/kehadiran/tempat/:id/nonaktifkan Y     -      Y   -    -       -     -
  POST   /api/kehadiran/tempat/:id/aktifkan    Y     -      Y   -    -       -     -
  POST   /api/lokasi                           Y     Y      Y   Y    Y       Y     Y
  GET    /api/lokasi/hari                      -     -      Y   Y    Y       -     Y
  GET    /api/wfh/rumah                        Y     Y      Y   -    -       -     -
  POST   /api/wfh/rumah/:id/putus              Y     Y      Y   -    -       -     -
  PUT    /api/wfh/rumah/pegawai/:id            Y     Y      Y   -    -       -     -
  GET    /api/wfh/aturan                       Y     Y      Y   Y    Y       Y     Y
  PUT    /api/wfh/aturan                       Y     -      -   -    -       -     -
  GET    /api/wfh/pernyataan/saya              Y     Y      Y   Y    Y       Y     Y
  POST   /api/wfh/pernyataan/tandatangan       Y     Y      Y   Y    Y       Y     Y
  GET    /api/wfh/pernyataan/saya/pdf          Y     Y      Y   Y    Y       Y     Y
  GET    /api/wfh/pernyataan/:id/pdf           Y     Y      Y   Y    Y       Y     Y
  GET    /api/wfh/pernyataan                   Y     Y      Y   Y    -       -     -
  POST   /api/wfh/izin-keluar                  Y     Y      Y   Y    Y       Y     Y
  GET    /api/wfh/izin-keluar/saya             Y     Y      Y   Y    Y       Y     Y
  GET    /api/wfh/izin-keluar/bawahan          -     -      Y   Y    Y       -     -
  POST   /api/wfh/izin-keluar/:id/keberatan    -     -      Y   Y    Y       -     -
  POST   /api/wfh/izin-keluar/:id/batal        Y     Y      Y   Y    Y       Y     Y
`;

/** The columns of MATRIKS, in order. */
const PERAN: readonly Role[] = [
  'pemda_admin',
  'bkpsdm_admin',
  'opd_admin',
  'unit_head',
  'employee',
  'health_officer',
  'auditor',
];

function bacaMatriks(text: string): Map<string, ReadonlyMap<Role, boolean>> {
  const out = new Map<string, ReadonlyMap<Role, boolean>>();
  for (const line of text.split('\n').slice(2)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 2) continue;
    const [method, url, ...tanda] = cols;
    if (tanda.length !== PERAN.length || tanda.some((t) => t !== 'Y' && t !== '-'))
      throw new Error(`MATRIKS: the line for ${method} ${url} needs ${PERAN.length} marks (Y or -)`);
    out.set(`${method} ${url}`, new Map(PERAN.map((r, i) => [r, tanda[i] === 'Y'])));
  }
  return out;
}
const HARAPAN = bacaMatriks(MATRIKS);

// ─── Fixture ────────────────────────────────────────────────────────────────────────────────────

/** Extra people so that every account is someone (admins are civil servants too) and the employee supervises one. */
const NIP_EXTRA = {
  admin: '199101012019031008',
  bkpsdm: '199202022019032009',
  auditor: '199303032019031010',
};
const THL_MAGANG = 'THL-002';
const EXTRA_ROWS = [
  { nip: NIP_EXTRA.admin, nama: 'Adi Admin Pemda', opd_kode: 'SETDA', atasan_nip: NIP.sekda, id_pegawai: '' },
  {
    nip: NIP_EXTRA.bkpsdm,
    nama: 'Bima Admin BKPSDM',
    opd_kode: 'SETDA',
    atasan_nip: NIP.sekda,
    id_pegawai: '',
  },
  { nip: NIP_EXTRA.auditor, nama: 'Citra Auditor', opd_kode: 'SETDA', atasan_nip: NIP.sekda, id_pegawai: '' },
  { nip: '', nama: 'Tono Magang', opd_kode: 'BAG-UMUM', atasan_nip: NIP.staf, id_pegawai: THL_MAGANG },
].map((r) => ({
  ...PEGAWAI_ROWS[2]!,
  ...r,
  jenis_pegawai: r.nip ? 'pns' : 'non_asn',
  jabatan_level: 'pelaksana',
  jabatan: 'Pelaksana',
  email: '',
  telepon: '',
  rumah_lat: '',
  rumah_lng: '',
}));

/** Whose record each account is. */
const NIP_AKUN: Record<Role, string> = {
  pemda_admin: NIP_EXTRA.admin,
  bkpsdm_admin: NIP_EXTRA.bkpsdm,
  opd_admin: NIP.pppk, // DINKES admin, placed at PKM-BATU
  unit_head: NIP.kabag, // head of BAG-UMUM
  employee: NIP.staf, // BAG-UMUM; supervises Tono Magang
  health_officer: NIP.perawat,
  auditor: NIP_EXTRA.auditor,
};

/** A person inside each role's own scope, acted on by the allowed calls. */
const SASARAN: Record<Role, string> = {
  pemda_admin: NIP.kalak,
  bkpsdm_admin: NIP.kalak,
  opd_admin: NIP.perawat,
  unit_head: NIP.staf,
  employee: NIP.staf,
  health_officer: NIP.kalak,
  auditor: NIP.kalak,
};
/** The OPD/unit a scoped role asks about (schedule views need it). */
const OPD_PERAN: Partial<Record<Role, string>> = { opd_admin: 'DINKES', unit_head: 'BAG-UMUM' };
const opdQuery = (r: Role) => (OPD_PERAN[r] ? `&opd=${OPD_PERAN[r]}` : '');

/** The published fortnight the schedule routes work on (Bogor's 2021 policy applies). */
const JADWAL = { dari: '2021-06-28', sampai: '2021-07-02', hari: '2021-06-29' };

// The face keyring of this file's server (PostgreSQL has no data folder to keep one in).
process.env.SIGAP_KUNCI_WAJAH ??= `uji:${randomBytes(32).toString('base64')}`;

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let hariIni: string;
let jobId: string;
const pegawaiId = new Map<string, string>();
const username = new Map<Role, string>(ACCOUNTS.map((a) => [a.role, a.username]));
const sessions = new Map<Role, Sesi>();
let urut = 0;
const n = () => ++urut;
const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);

interface Sesi {
  readonly cookie: string;
  readonly csrf: string;
}

async function signIn(user: string): Promise<Sesi> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user, password: PASSWORD },
  });
  expect(res.statusCode, `login ${user}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${cookie.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
}

type Metode = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Permintaan {
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
  /** A session other than the role's shared one (sign-out) */
  readonly sesi?: Sesi;
  /** What a successful answer must hold */
  readonly periksa?: (res: LightMyRequestResponse) => void | Promise<void>;
}

async function kirim(method: Metode, role: Role, p: Permintaan) {
  const s = p.sesi ?? sessions.get(role)!;
  return app.inject({
    method,
    url: p.url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(p.headers ?? {}) },
    ...(p.payload === undefined ? {} : { payload: p.payload as string }),
  });
}

const CSV = { 'content-type': 'text/csv' };
const YAML = { 'content-type': 'text/yaml' };
const BOGOR = readFileSync(new URL('../../../examples/policies/bogor-2021.yaml', import.meta.url), 'utf8');
/** A valid draft policy of its own id, in force in 2030 (so it changes no schedule the test reads). */
function kebijakanBaru(id: string) {
  return BOGOR.replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^status: aktif$/m, 'status: draft')
    .replace('dari: 2021-06-29', 'dari: 2030-06-03')
    .replace('sampai: 2021-07-06', 'sampai: 2030-06-07');
}
const json = <T>(res: LightMyRequestResponse) => res.json<T>();
const keyOf = (r: { nip: string | null; id_pegawai?: string | null }) => r.nip ?? r.id_pegawai ?? '';

/** Status of a person's published cell (to re-set it: a valid change that breaks no rule). */
async function statusSel(nip: string, tanggal: string) {
  const rows = await run((trx) => rekap(trx, tenantId, tanggal, tanggal));
  return rows.find((r) => r.nip === nip)!.status as 'WFO' | 'WFH' | 'PIKET';
}

/** A pending leave request of a person (stored as the person would have), to be decided. */
async function pengajuan(nip: string, dari: string) {
  const [row] = await run((trx) =>
    cutiRepo.insert(trx, tenantId, [
      {
        pegawai_id: pegawaiId.get(nip)!,
        jenis: 'cuti_tahunan',
        dari,
        sampai: dari,
        keterangan: 'uji',
        status: 'diajukan',
        sumber: 'pengajuan',
        diajukan_oleh: nip,
      },
    ]),
  );
  return row!.id;
}

/** The n-th Monday..Tuesday pair in 2027 (distinct leave periods for each call). */
function hariCuti(k: number) {
  const d = addDays('2027-01-04', 7 * k);
  return { dari: d, sampai: addDays(d, 1) };
}

/** A fresh auditor account made by the Pemda admin, to be acted on. */
async function akunBaru(): Promise<{ id: string; username: string }> {
  const username = `akun-uji-${n()}`;
  const res = await kirim('POST', 'pemda_admin', {
    url: '/api/akun',
    payload: { username, nama: 'Akun Uji', password: SANDI_AKUN, roles: [{ role: 'auditor' }] },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: json<{ id: string }>(res).id, username };
}
const SANDI_AKUN = 'kata-sandi-akun-2026';
/** Whether an account signs in with a password (200) or not (401). */
async function masuk(username: string, password: string) {
  return (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }))
    .statusCode;
}

/** A person of their own for each call that changes one (in PKM-BATU: inside the OPD admin's part). */
async function orangBaru(awalan: string) {
  const key = `${awalan}-${n()}`;
  await importPegawai(
    sdb,
    tenantId,
    table([{ ...EXTRA_ROWS[3]!, id_pegawai: key, nama: `Uji ${key}`, opd_kode: 'PKM-BATU', atasan_nip: '' }]),
    { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2020-01-01' },
  );
  const id = await run(
    async (trx) =>
      (await trx.selectFrom('pegawai').select('id').where('id_pegawai', '=', key).executeTakeFirstOrThrow())
        .id,
  );
  return { id, key };
}

async function tungguImpor(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await kirim('GET', 'pemda_admin', { url: `/api/impor/${id}` });
    const job = res.json<{ status: string; galat?: unknown }>();
    if (job.status !== 'berjalan') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

/** A correction of a past day (1..25 days back, 08:00): a day of its own for each call. */
const isianKoreksi = () => ({
  tanggal: addDays(hariIni, -1 - (n() % 25)),
  jenis: 'masuk' as const,
  jam: '08:00',
  sebab: 'lupa_masuk' as const,
});
/** One day of dinas luar ahead (a day of its own for each call, up to 80 calls). */
let hariDinasLuar = 0;
const isianDinasLuar = () => {
  // a day of its own: a shared counter modulo a period let two requests land on one day as routes were added
  const d = addDays(hariIni, 1 + (hariDinasLuar++ % 80));
  return { dari: d, sampai: d, nomor_surat: `094/${n()}/2026`, tujuan: 'Surabaya' };
};
/** The person a role decides for: a report of the unit head or of the employee; for the OPD admin, a
 * DINKES person without a supervisor (anyone for the roles refused before any check). */
async function orangUntukPutusan(role: Role) {
  if (role === 'unit_head') return pegawaiId.get(NIP.staf)!;
  if (role === 'employee') return pegawaiId.get(THL_MAGANG)!;
  return (await orangBaru('KOR')).id;
}
/** A pending correction (stored as the person would have asked it) for `role` to decide. */
async function koreksiTertunda(role: Role) {
  const pegawai = await orangUntukPutusan(role);
  const i = isianKoreksi();
  const r = await run((trx) =>
    koreksiRepo.insertKoreksi(trx, tenantId, {
      pegawai_id: pegawai,
      tanggal: i.tanggal,
      jenis: i.jenis,
      waktu: new Date(`${i.tanggal}T01:00:00Z`),
      menggantikan: null,
      sebab: i.sebab,
      alasan: 'lupa absen masuk',
      diajukan_oleh: 'uji',
    }),
  );
  return r.id;
}
/** A pending dinas luar (stored as the person would have asked it) for `role` to decide. */
async function dinasLuarTertunda(role: Role) {
  const pegawai = await orangUntukPutusan(role);
  const i = isianDinasLuar();
  const r = await run((trx) =>
    koreksiRepo.insertDinasLuar(trx, tenantId, {
      pegawai_id: pegawai,
      dari: i.dari,
      sampai: i.sampai,
      nomor_surat: i.nomor_surat,
      tujuan: i.tujuan,
      lat: null,
      lng: null,
      radius_m: null,
      diajukan_oleh: 'uji',
    }),
  );
  return r.id;
}

/** A going-out notice body: a (day 1..7 ahead, half hour) of its own for each call, so none overlap. */
const isianIzin = () => {
  const k = n();
  const d = addDays(hariIni, 1 + (k % 6)); // at most 6 days ahead: day 7 at a later hour is beyond the bound
  const jam = String(6 + (Math.floor(k / 7) % 16)).padStart(2, '0');
  return {
    jenis: 'kesehatan',
    alasan: 'berobat',
    dari: `${d}T${jam}:00:00+07:00`,
    sampai: `${d}T${jam}:30:00+07:00`,
    id_klien: randomUUID(),
  };
};
/** A going-out notice (stored as the person would have filed it) for `role` to object to. */
async function izinUntukKeberatan(role: Role) {
  const pegawai = await orangUntukPutusan(role);
  const i = isianIzin();
  const r = await run((trx) =>
    izinRepo.insertIzin(trx, tenantId, {
      pegawai_id: pegawai,
      tanggal: i.dari.slice(0, 10),
      jenis: i.jenis,
      alasan: i.alasan,
      dari: new Date(i.dari),
      sampai: new Date(i.sampai),
      id_klien: i.id_klien,
      hash_isi: 'uji',
      diajukan_oleh: 'uji',
    }),
  );
  return r!.id;
}

/** A terminal of DINKES (inside the OPD admin's part), registered once, for the attendance routes. */
let terminal: Promise<unknown> | undefined;
const terminalUji = () => {
  terminal ??= run((trx) =>
    daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
      kode: 'MESIN-PERAN',
      nama: 'Lobi',
      opdKode: 'DINKES',
    }),
  );
  return terminal;
};

/** A new extra check-in place of DINKES (inside the OPD admin's part), active or not. */
async function tempatUji(aktif = true) {
  return run(async (trx) => {
    const opdId = (
      await trx.selectFrom('opd').select('id').where('kode', '=', 'DINKES').executeTakeFirstOrThrow()
    ).id;
    const id = await tempatRepo.buatTempatAbsen(
      trx,
      tenantId,
      opdId,
      { nama: `Pos piket ${n()}`, jenis: 'pos_piket', lat: -6.6, lng: 106.8, radius_m: 50, poligon: null },
      'uji',
    );
    if (!aktif) await tempatRepo.aturAktifTempatAbsen(trx, id, false);
    return id;
  });
}

/** The device token of MESIN-PERAN, issued once. */
let tokenTerminal: Promise<string> | undefined;
const tokenUji = () => {
  tokenTerminal ??= terminalUji().then(() =>
    run((trx) => terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, 'MESIN-PERAN')).then((r) => r.token),
  );
  return tokenTerminal;
};

/** A kiosk of DINKES with its device token, issued once. */
let tokenKios: Promise<string> | undefined;
const tokenKiosUji = () => {
  tokenKios ??= run(async (trx) => {
    await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
      kode: 'KIOS-PERAN',
      nama: 'Kios lobi',
      opdKode: 'DINKES',
      jenis: 'kiosk',
    });
    return (await terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, 'KIOS-PERAN')).token;
  });
  return tokenKios;
};

/**
 * The stay-home statement's routes work on a policy of their own (2029, everyone at home, a statement asked of
 * everyone at home) and its published schedule: built once, when the first of them is asked.
 */
const KEBIJAKAN_PERNYATAAN = `id: uji-pernyataan
versi: 1
judul: Uji surat pernyataan WFH
jenis_dokumen: surat_edaran
nomor: 800/1/2029
tanggal: 2029-03-01
penandatangan: { jabatan: Sekretaris Daerah }
status: aktif
berlaku: { dari: 2029-03-05, sampai: 2029-03-06 }
aturan:
  - id: semua-wfh
    judul: Semua pegawai bekerja dari rumah
    pilih: { semua: true }
    hasil: { jenis: wfh }
  - id: pernyataan
    judul: Pegawai WFH menandatangani surat pernyataan tetap di rumah
    pilih: { semua: true }
    hasil: { jenis: kewajiban_wfh, surat_pernyataan: true }
`;
let siapPernyataan: Promise<void> | undefined;
const pernyataanUji = () => {
  siapPernyataan ??= run(async (trx) => {
    await simpan(trx, tenantId, SYSTEM_ACTOR, KEBIJAKAN_PERNYATAAN, hariIni);
    const j = await buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2029-03-05', '2029-03-06');
    await terbitkan(trx, tenantId, SYSTEM_ACTOR, j.id);
  });
  return siapPernyataan;
};
const TANDA_TANGAN = { kebijakan_id: 'uji-pernyataan', versi: 1, setuju: true };
/** The role's own signed statement (signing again returns it). */
async function pernyataanPeran(role: Role): Promise<string> {
  await pernyataanUji();
  const r = await kirim('POST', role, { url: '/api/wfh/pernyataan/tandatangan', payload: TANDA_TANGAN });
  expect(r.statusCode, r.body).toBe(200);
  return json<{ id: string }>(r).id;
}

/**
 * One valid request per route, for a given role. The same request is sent to every role: it succeeds
 * for the roles marked Y and is refused (403) for the others.
 */
const PERMINTAAN: Record<string, (role: Role) => Permintaan | Promise<Permintaan>> = {
  'GET /api/health': () => ({
    url: '/api/health',
    periksa: (r) => expect(json(r)).toMatchObject({ ok: true }),
  }),
  'GET /api/pemda': () => ({
    url: '/api/pemda',
    periksa: (r) => expect(json<{ kode: string }[]>(r).map((p) => p.kode)).toContain('kota-peran'),
  }),
  'POST /api/auth/login': (role) => ({
    url: '/api/auth/login',
    payload: { username: username.get(role), password: PASSWORD },
    periksa: (r) => expect(json<{ csrf_token: string }>(r).csrf_token).toMatch(/.{16,}/),
  }),
  'POST /api/auth/logout': async (role) => ({
    url: '/api/auth/logout',
    sesi: await signIn(username.get(role)!),
    periksa: (r) => expect(json(r)).toEqual({ ok: true }),
  }),
  'GET /api/auth/me': (role) => ({
    url: '/api/auth/me',
    periksa: (r) =>
      expect(json<{ username: string; roles: { role: string }[] }>(r)).toMatchObject({
        username: username.get(role),
        roles: [{ role }],
      }),
  }),
  'GET /api/akun': () => ({
    url: '/api/akun',
    periksa: (r) => expect(json<{ username: string }[]>(r).map((u) => u.username)).toContain('auditor'),
  }),
  'POST /api/akun': (role) => {
    const nama = `baru-${role.replace('_', '-')}-${n()}`;
    return {
      url: '/api/akun',
      payload: {
        username: nama,
        nama: 'Akun Baru',
        password: 'kata-sandi-baru-2026',
        roles: [{ role: 'auditor' }],
      },
      periksa: (r) => expect(json(r)).toMatchObject({ created: true }),
    };
  },
  'PUT /api/akun/:id': async () => ({
    url: `/api/akun/${(await akunBaru()).id}`,
    payload: { nama: 'Akun Diubah', roles: [{ role: 'auditor' }] },
    periksa: async (r) => {
      expect(r.statusCode).toBe(200);
      const semua = json<{ nama: string }[]>(await kirim('GET', 'pemda_admin', { url: '/api/akun' }));
      expect(semua.map((u) => u.nama)).toContain('Akun Diubah');
    },
  }),
  'POST /api/akun/:id/nonaktifkan': async () => {
    const a = await akunBaru();
    return {
      url: `/api/akun/${a.id}/nonaktifkan`,
      // the deactivated account can no longer sign in
      periksa: async () => expect(await masuk(a.username, SANDI_AKUN)).toBe(401),
    };
  },
  'POST /api/akun/:id/aktifkan': async () => {
    const a = await akunBaru();
    await kirim('POST', 'pemda_admin', { url: `/api/akun/${a.id}/nonaktifkan` });
    expect(await masuk(a.username, SANDI_AKUN)).toBe(401);
    return {
      url: `/api/akun/${a.id}/aktifkan`,
      periksa: async () => expect(await masuk(a.username, SANDI_AKUN)).toBe(200),
    };
  },
  'POST /api/akun/:id/buka-kunci': async () => ({
    url: `/api/akun/${(await akunBaru()).id}/buka-kunci`,
    periksa: (r) => expect(r.statusCode).toBe(200),
  }),
  'POST /api/akun/:id/atur-ulang-sandi': async () => {
    const a = await akunBaru();
    return {
      url: `/api/akun/${a.id}/atur-ulang-sandi`,
      payload: { password: 'sandi-atur-ulang-2026' },
      periksa: async () => {
        expect(await masuk(a.username, 'sandi-atur-ulang-2026')).toBe(200);
        expect(await masuk(a.username, SANDI_AKUN)).toBe(401);
      },
    };
  },
  'POST /api/auth/sandi': async (role) => {
    // A session of its own: the change ends the account's other sessions, so the role's shared
    // session is signed in again afterwards, and the password is set back.
    const sesi = await signIn(username.get(role)!);
    return {
      url: '/api/auth/sandi',
      sesi,
      payload: { lama: PASSWORD, baru: 'sandi-sementara-2026' },
      periksa: async (r) => {
        expect(json<{ sesi_diakhiri: number }>(r).sesi_diakhiri).toBeGreaterThanOrEqual(1);
        const balik = await app.inject({
          method: 'POST',
          url: '/api/auth/sandi',
          headers: { cookie: sesi.cookie, 'x-csrf-token': sesi.csrf },
          payload: { lama: 'sandi-sementara-2026', baru: PASSWORD },
        });
        expect(balik.statusCode, balik.body).toBe(200);
        sessions.set(role, await signIn(username.get(role)!));
      },
    };
  },
  'GET /api/pengaturan': () => ({
    url: '/api/pengaturan',
    periksa: (r) => expect(json(r)).toMatchObject({ kode: 'kota-peran', zona_waktu: 'Asia/Jakarta' }),
  }),
  'PUT /api/pengaturan': async () => {
    const s = await run((trx) => getSettings(trx, tenantId));
    return {
      url: '/api/pengaturan',
      payload: {
        nama: s.nama,
        jenis: s.jenis,
        zona_waktu: s.zonaWaktu,
        jam_kerja: jamKerjaKeApi(s.jamKerja),
        pusat_lat: -7.87,
        pusat_lng: 112.52,
      },
      periksa: (r) => expect(json(r)).toMatchObject({ pusat_lat: -7.87, pusat_lng: 112.52 }),
    };
  },
  'GET /api/kalender/libur': () => ({
    url: '/api/kalender/libur?tahun=2026',
    periksa: (r) => expect(json<unknown[]>(r).length).toBeGreaterThan(10),
  }),
  'POST /api/kalender/libur': () => ({
    url: '/api/kalender/libur',
    payload: { tanggal: '2030-12-20', jenis: 'libur_daerah', nama: 'Hari Jadi Kota (uji)' },
    periksa: async (r) => {
      expect(r.statusCode).toBe(200);
      const l = await kirim('GET', 'auditor', { url: '/api/kalender/libur?tahun=2030' });
      expect(json<{ tanggal: string }[]>(l).map((x) => x.tanggal)).toContain('2030-12-20');
    },
  }),
  'POST /api/kalender/libur/impor': () => ({
    url: '/api/kalender/libur/impor',
    payload: 'tanggal,jenis,nama,dasar\n2030-11-04,libur_daerah,Libur daerah (uji impor),Perwali uji\n',
    headers: CSV,
    periksa: async () => {
      const l = await kirim('GET', 'auditor', { url: '/api/kalender/libur?tahun=2030' });
      expect(json<{ tanggal: string }[]>(l).map((x) => x.tanggal)).toContain('2030-11-04');
    },
  }),
  'DELETE /api/kalender/libur/:tanggal': async () => {
    const tanggal = addDays('2030-10-01', n());
    const add = await kirim('POST', 'pemda_admin', {
      url: '/api/kalender/libur',
      payload: { tanggal, jenis: 'libur_daerah', nama: 'Untuk dihapus' },
    });
    expect(add.statusCode, add.body).toBe(200);
    return {
      url: `/api/kalender/libur/${tanggal}`,
      periksa: async () => {
        const l = await kirim('GET', 'auditor', { url: '/api/kalender/libur?tahun=2030' });
        expect(json<{ tanggal: string }[]>(l).map((x) => x.tanggal)).not.toContain(tanggal);
      },
    };
  },
  'GET /api/opd': () => ({
    url: '/api/opd',
    periksa: (r) => expect(json<{ opd: { kode: string }[] }>(r).opd.map((o) => o.kode)).toContain('BPBD'),
  }),
  'GET /api/opd/:kode': () => ({
    url: '/api/opd/DINKES',
    periksa: (r) =>
      expect(json<{ kode: string; anak: { kode: string }[] }>(r)).toMatchObject({
        kode: 'DINKES',
        anak: [{ kode: 'PKM-BATU' }],
      }),
  }),
  'GET /api/pegawai': (role) => ({
    url: '/api/pegawai',
    periksa: (r) =>
      expect(json<{ rows: { nip: string }[] }>(r).rows.map((p) => p.nip)).toContain(SASARAN[role]),
  }),
  'GET /api/pegawai/:id': (role) => ({
    url: `/api/pegawai/${pegawaiId.get(SASARAN[role])}`,
    periksa: (r) => expect(json(r)).toMatchObject({ nip: SASARAN[role] }),
  }),
  'PUT /api/pegawai/:id': async () => {
    const { id } = await orangBaru('THL-UBAH');
    const telepon = `08129${String(n()).padStart(6, '0')}`;
    return {
      url: `/api/pegawai/${id}`,
      payload: { telepon, jabatan_level: 'fungsional' },
      periksa: async () => {
        const p = await kirim('GET', 'pemda_admin', { url: `/api/pegawai/${id}` });
        expect(json(p)).toMatchObject({ telepon, jabatan_level: 'fungsional' });
      },
    };
  },
  'POST /api/pegawai/:id/nonaktifkan': async () => {
    const { id, key } = await orangBaru('THL-KELUAR');
    return {
      url: `/api/pegawai/${id}/nonaktifkan`,
      payload: { berlaku: hariIni },
      periksa: async () => {
        const p = await kirim('GET', 'pemda_admin', { url: `/api/pegawai/${id}?tanggal=${hariIni}` });
        expect(json(p)).toMatchObject({ id_pegawai: key, opd_kode: null });
      },
    };
  },
  'PUT /api/opd/:kode': async () => {
    const kode = `UJI-UBAH-${n()}`;
    await importOpd(sdb, tenantId, table([{ kode, nama: 'Unit Uji', jenis: 'upt', induk_kode: 'BPBD' }]), {
      actor: SYSTEM_ACTOR,
      writableOpdIds: null,
      berlakuMulai: '2020-01-01',
    });
    return {
      url: `/api/opd/${kode}`,
      payload: { nama: 'Unit Uji Diubah' },
      periksa: async () => {
        const o = await kirim('GET', 'auditor', { url: `/api/opd/${kode}` });
        expect(json(o)).toMatchObject({ kode, nama: 'Unit Uji Diubah' });
      },
    };
  },
  'POST /api/opd/:kode/nonaktifkan': async () => {
    const kode = `UJI-TUTUP-${n()}`;
    await importOpd(sdb, tenantId, table([{ kode, nama: 'Unit Tutup', jenis: 'upt', induk_kode: 'BPBD' }]), {
      actor: SYSTEM_ACTOR,
      writableOpdIds: null,
      berlakuMulai: '2020-01-01',
    });
    return {
      url: `/api/opd/${kode}/nonaktifkan`,
      payload: {},
      periksa: async () => {
        expect((await kirim('GET', 'auditor', { url: `/api/opd/${kode}` })).statusCode).toBe(404);
      },
    };
  },
  'POST /api/impor/:jenis': (role) => {
    const row = PEGAWAI_ROWS.find((p) => p.nip === SASARAN[role])!;
    return {
      url: '/api/impor/pegawai?nama=pegawai.csv',
      payload: `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`,
      headers: CSV,
      periksa: async (r) => {
        expect(r.statusCode).toBe(202);
        const job = await tungguImpor(json<{ id: string }>(r).id);
        expect(job).toMatchObject({ status: 'berhasil', hasil: { baris: 1, tidak_berubah: 1 } });
      },
    };
  },
  'GET /api/impor/:id': async (role) => {
    // whole-Pemda admins follow any import; an OPD admin their own (another's is a scope case)
    let id = jobId;
    if (role === 'opd_admin') {
      const sendiri = await kirim('POST', role, await PERMINTAAN['POST /api/impor/:jenis']!(role));
      id = json<{ id: string }>(sendiri).id;
      await tungguImpor(id);
    }
    return {
      url: `/api/impor/${id}`,
      periksa: (r) => expect(json(r)).toMatchObject({ id, status: 'berhasil' }),
    };
  },
  'GET /api/impor/template/:jenis': () => ({
    url: '/api/impor/template/pegawai?format=csv',
    periksa: (r) => expect(r.body).toContain('nip,nama'),
  }),
  'GET /api/ekspor/:jenis': (role) => ({
    url: '/api/ekspor/pegawai?format=json',
    periksa: (r) => expect(json<{ nip: string }[]>(r).map((p) => p.nip)).toContain(SASARAN[role]),
  }),
  'GET /api/audit': () => ({
    url: '/api/audit?limit=5',
    periksa: (r) => expect(json<{ total: number }>(r).total).toBeGreaterThan(0),
  }),
  'GET /api/kebijakan': () => ({
    url: '/api/kebijakan',
    periksa: (r) => expect(json<{ id: string }[]>(r).map((k) => k.id)).toContain('bogor-2021-wfh-100'),
  }),
  'GET /api/kebijakan/:id': () => ({
    url: '/api/kebijakan/bogor-2021-wfh-100',
    periksa: (r) => expect(json(r)).toMatchObject({ id: 'bogor-2021-wfh-100', versi: [{ versi: 1 }] }),
  }),
  'POST /api/kebijakan/validasi': () => ({
    url: '/api/kebijakan/validasi',
    payload: kebijakanBaru('uji-validasi'),
    headers: YAML,
    periksa: (r) => expect(json(r)).toMatchObject({ ok: true }),
  }),
  'POST /api/kebijakan': () => {
    const id = `uji-simpan-${n()}`;
    return {
      url: '/api/kebijakan',
      payload: kebijakanBaru(id),
      headers: YAML,
      periksa: (r) => expect(json(r)).toMatchObject({ id, versi: 1 }),
    };
  },
  'POST /api/kebijakan/:id/versi/:versi/status': async () => {
    const id = `uji-status-${n()}`;
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, kebijakanBaru(id), hariIni));
    return {
      url: `/api/kebijakan/${id}/versi/1/status`,
      payload: { status: 'aktif' },
      periksa: async () => {
        const k = await kirim('GET', 'auditor', { url: `/api/kebijakan/${id}` });
        expect(json(k)).toMatchObject({ versi: [{ versi: 1, status: 'aktif' }] });
      },
    };
  },
  'GET /api/kebijakan-jelaskan': (role) => ({
    url: `/api/kebijakan-jelaskan?nip=${SASARAN[role]}&tanggal=${JADWAL.hari}`,
    periksa: (r) => expect(r.body).toContain('bogor-2021-wfh-100'),
  }),
  'GET /api/kebijakan-dampak': () => ({
    url: `/api/kebijakan-dampak?tanggal=${JADWAL.hari}`,
    periksa: (r) => expect(r.body).toContain('DINKES'),
  }),
  'GET /api/konteks-wilayah': () => ({
    url: '/api/konteks-wilayah',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/konteks-wilayah': () => ({
    url: '/api/konteks-wilayah',
    payload: { dari: addDays('2030-01-01', n()), zona: 'rendah', dasar: 'uji' },
    periksa: (r) => expect(json(r)).toEqual({ ok: true }),
  }),
  'GET /api/jadwal': (role) => ({
    url: `/api/jadwal?dari=${JADWAL.dari}&sampai=${JADWAL.sampai}${opdQuery(role)}`,
    periksa: (r) => expect(json<{ status: string }[]>(r).some((v) => v.status === 'terbit')).toBe(true),
  }),
  'POST /api/jadwal/buat': (role) => ({
    url: '/api/jadwal/buat',
    payload: {
      dari: '2021-07-05',
      sampai: '2021-07-06',
      ...(OPD_PERAN[role] ? { opd_kode: OPD_PERAN[role] } : {}),
    },
    periksa: (r) => expect(json<{ id: string; pegawai: number }>(r).pegawai).toBeGreaterThan(0),
  }),
  'POST /api/jadwal/:id/terbit': async (role) => {
    const draf = await run((trx) =>
      buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2021-07-05', '2021-07-06', OPD_PERAN[role]),
    );
    return {
      url: `/api/jadwal/${draf.id}/terbit`,
      periksa: (r) => expect(json(r)).toMatchObject({ id: draf.id, status: 'terbit' }),
    };
  },
  'GET /api/jadwal/grid': (role) => ({
    url: `/api/jadwal/grid?dari=${JADWAL.dari}&sampai=${JADWAL.sampai}${opdQuery(role)}`,
    periksa: (r) =>
      expect(json<{ orang: { key: string }[] }>(r).orang.map((o) => o.key)).toContain(SASARAN[role]),
  }),
  'GET /api/jadwal/okupansi': () => ({
    url: `/api/jadwal/okupansi?dari=${JADWAL.dari}&sampai=${JADWAL.sampai}`,
    periksa: (r) => expect(r.body).toMatch(/"hari"/),
  }),
  'GET /api/jadwal/periksa': (role) => ({
    url: `/api/jadwal/periksa?dari=${JADWAL.dari}&sampai=${JADWAL.sampai}${opdQuery(role)}`,
    periksa: (r) => expect(json(r)).toEqual([]),
  }),
  'POST /api/jadwal/sel': async (role) => ({
    url: '/api/jadwal/sel',
    payload: {
      key: SASARAN[role],
      tanggal: JADWAL.hari,
      status: await statusSel(SASARAN[role], JADWAL.hari),
    },
    periksa: (r) => expect(json(r)).toMatchObject({ key: SASARAN[role], tanggal: JADWAL.hari }),
  }),
  'DELETE /api/jadwal/kunci': (role) => ({
    url: `/api/jadwal/kunci?key=${SASARAN[role]}&tanggal=${JADWAL.hari}`,
    periksa: (r) => expect(typeof json<{ dilepas: boolean }>(r).dilepas).toBe('boolean'),
  }),
  'GET /api/jadwal/rekap': (role) => ({
    url: `/api/jadwal/rekap?dari=${JADWAL.hari}&sampai=${JADWAL.hari}&format=json${opdQuery(role)}`,
    periksa: (r) => expect(json<{ nip: string }[]>(r).map((x) => x.nip)).toContain(SASARAN[role]),
  }),
  'POST /api/jadwal/impor': async (role) => ({
    url: '/api/jadwal/impor?nama=rekap.csv',
    payload: `nip,tanggal,status\n${SASARAN[role]},${JADWAL.sampai},${await statusSel(SASARAN[role], JADWAL.sampai)}\n`,
    headers: CSV,
    periksa: (r) => expect(r.body).toMatch(/"id"/),
  }),
  'GET /api/jadwal-saya/permintaan': () => ({
    url: `/api/jadwal-saya/permintaan?dari=${hariIni}&sampai=${addDays(hariIni, 30)}`,
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/jadwal-saya/permintaan': () => {
    let d = addDays(hariIni, 7 + n());
    while (isoWeekday(d) > 5) d = addDays(d, 1);
    return {
      url: '/api/jadwal-saya/permintaan',
      payload: { tanggal: d, lokasi: 'WFO', alasan: 'rapat koordinasi' },
      periksa: (r) => expect(r.statusCode).toBeLessThan(300),
    };
  },
  'GET /api/jadwal-saya': () => ({
    url: `/api/jadwal-saya?dari=${JADWAL.dari}&sampai=${JADWAL.sampai}`,
    // everyone is in the published Pemda-wide schedule: a status on each of the five working days
    periksa: (r) =>
      expect(
        json<{ hari: { status: string | null }[] }>(r).hari.filter((h) => h.status !== null),
      ).toHaveLength(5),
  }),
  'GET /api/jadwal-saya/terbit': () => ({
    url: '/api/jadwal-saya/terbit',
    // everyone is in the published Pemda-wide fortnight
    periksa: (r) => expect(JSON.stringify(json(r))).toContain(JADWAL.dari),
  }),
  'GET /api/cuti': () => ({
    url: '/api/cuti?untuk=semua',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/cuti': () => ({
    url: '/api/cuti',
    payload: { jenis: 'cuti_tahunan', ...hariCuti(n()) },
    periksa: (r) => expect(json(r)).toMatchObject({ status: 'diajukan' }),
  }),
  'POST /api/cuti/:id/putusan': async (role) => {
    // each role decides a request of someone it answers for: the employee as Tono's supervisor
    const id = await pengajuan(role === 'employee' ? THL_MAGANG : SASARAN[role], hariCuti(n()).dari);
    return {
      url: `/api/cuti/${id}/putusan`,
      payload: { setuju: true, catatan: 'disetujui' },
      periksa: (r) => expect(json(r)).toMatchObject({ id, status: 'disetujui' }),
    };
  },
  'POST /api/cuti/:id/batal': async (role) => {
    const aju = await kirim('POST', role, {
      url: '/api/cuti',
      payload: { jenis: 'cuti_tahunan', ...hariCuti(n()) },
    });
    expect(aju.statusCode, aju.body).toBe(201);
    const id = json<{ id: string }>(aju).id;
    return {
      url: `/api/cuti/${id}/batal`,
      periksa: (r) => expect(json(r)).toEqual({ id, status: 'dibatalkan' }),
    };
  },
  'POST /api/cuti/catat': (role) => ({
    url: '/api/cuti/catat',
    payload: { key: SASARAN[role], jenis: 'cuti_sakit', ...hariCuti(n()), keterangan: 'surat dokter' },
    periksa: (r) => expect(json(r)).toMatchObject({ status: 'disetujui' }),
  }),
  'POST /api/cuti/impor': (role) => {
    const h = hariCuti(n());
    return {
      url: '/api/cuti/impor?nama=cuti.csv',
      payload: `nip,jenis,dari,sampai,keterangan\n${SASARAN[role]},cuti_tahunan,${h.dari},${h.sampai},impor\n`,
      headers: CSV,
      periksa: (r) => expect(json(r)).toMatchObject({ jumlah: 1 }),
    };
  },
  'GET /api/pemberitahuan': () => ({
    url: '/api/pemberitahuan',
    periksa: (r) => expect(typeof json<{ belum_dibaca: number }>(r).belum_dibaca).toBe('number'),
  }),
  'POST /api/pemberitahuan/baca': () => ({
    url: '/api/pemberitahuan/baca',
    payload: {},
    periksa: (r) => expect(typeof json<{ ditandai: number }>(r).ditandai).toBe('number'),
  }),
  'GET /api/dorong/kunci-publik': () => ({
    url: '/api/dorong/kunci-publik',
    periksa: (r) => expect(json<{ kunci_publik: string }>(r).kunci_publik).toMatch(/^[A-Za-z0-9_-]{87}$/),
  }),
  'POST /api/dorong/langganan': (role) => {
    const ecdh = createECDH('prime256v1');
    return {
      url: '/api/dorong/langganan',
      payload: {
        endpoint: `https://fcm.googleapis.com/fcm/send/peran-${role}-${n()}`,
        keys: {
          p256dh: ecdh.generateKeys().toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      },
      periksa: (r) => expect(json<{ jumlah_perangkat: number }>(r).jumlah_perangkat).toBeGreaterThan(0),
    };
  },
  'DELETE /api/dorong/langganan': () => ({
    url: '/api/dorong/langganan',
    payload: { endpoint: 'https://fcm.googleapis.com/fcm/send/tidak-ada' },
    periksa: (r) => expect(json(r)).toEqual({ dihapus: 0 }),
  }),
  'POST /api/kehadiran/impor': async (role) => {
    await terminalUji();
    const menit = String(n() % 60).padStart(2, '0');
    return {
      url: '/api/kehadiran/impor?nama=log.csv',
      payload: `nip,id_pegawai,waktu,perangkat,jenis\n${SASARAN[role]},,2025-03-03 07:${menit},MESIN-PERAN,masuk\n`,
      headers: CSV,
      periksa: (r) =>
        expect(json(r)).toMatchObject({ format: 'csv', jumlah: { baris: 1, diimpor: 1 }, rincian: [] }),
    };
  },
  'GET /api/perangkat': async () => {
    await terminalUji();
    return {
      url: '/api/perangkat',
      periksa: (r) =>
        expect(json<{ kode: string; opd_kode: string }[]>(r)).toContainEqual(
          expect.objectContaining({ kode: 'MESIN-PERAN', opd_kode: 'DINKES' }),
        ),
    };
  },
  'POST /api/perangkat': () => {
    const kode = `MESIN-${n()}`;
    return {
      url: '/api/perangkat',
      payload: { kode, nama: 'Mesin Puskesmas', opd_kode: 'PKM-BATU' },
      periksa: (r) => expect(json(r)).toMatchObject({ kode }),
    };
  },
  'POST /api/perangkat/:id/token': async () => {
    const kode = `KIOS-${n()}`;
    await run((trx) =>
      daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
        kode,
        nama: 'Kios',
        opdKode: 'DINKES',
        jenis: 'kiosk',
      }),
    );
    return {
      url: `/api/perangkat/${kode}/token`,
      payload: {},
      periksa: (r) => {
        expect(json(r)).toMatchObject({ perangkat: { kode, jenis: 'kiosk' }, menggantikan: false });
        expect(json<{ token: string }>(r).token).toMatch(new RegExp(`^${tenantId}\\.[A-Za-z0-9_-]{43}$`));
      },
    };
  },
  'DELETE /api/perangkat/:id/token': async () => {
    const kode = `KIOS-${n()}`;
    await run(async (trx) => {
      await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
        kode,
        nama: 'Kios',
        opdKode: 'DINKES',
        jenis: 'kiosk',
      });
      await terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, kode);
    });
    return {
      url: `/api/perangkat/${kode}/token`,
      periksa: (r) => expect(json(r)).toMatchObject({ perangkat: { kode } }),
    };
  },
  // A kiosk's own view: the device token is the credential (no session role is involved), so every
  // role's request carrying it succeeds; refusals are in kios.db.test.ts.
  'GET /api/kiosk': async () => ({
    url: '/api/kiosk',
    headers: { authorization: `Bearer ${await tokenKiosUji()}` },
    periksa: (r) => expect(json(r)).toMatchObject({ kode: 'KIOS-PERAN', opd_kode: 'DINKES' }),
  }),
  'GET /api/kehadiran/hari': (role) => ({
    url: `/api/kehadiran/hari?tanggal=${JADWAL.hari}${opdQuery(role)}`,
    periksa: (r) =>
      expect(json<{ orang: { nip: string }[] }>(r).orang.map((o) => o.nip)).toContain(SASARAN[role]),
  }),
  'GET /api/kehadiran/rekap': (role) => ({
    url: `/api/kehadiran/rekap?dari=${JADWAL.dari}&sampai=${JADWAL.hari}&format=csv${opdQuery(role)}`,
    periksa: (r) => expect(r.body).toContain(`${JADWAL.hari},${SASARAN[role]},`),
  }),
  'PUT /api/perangkat/:id/pin': async () => {
    await terminalUji();
    return {
      url: '/api/perangkat/MESIN-PERAN/pin',
      payload: { pin: [{ pin: '77', key: NIP.perawat }] },
      periksa: (r) => expect(json(r)).toMatchObject({ perangkat: { kode: 'MESIN-PERAN' }, jumlah: 1 }),
    };
  },
  // A terminal's live push: no session role is involved (public at the session layer); the device token
  // is the credential, so every role's request, carrying it, succeeds. Refusals: dorong.db.test.ts.
  'POST /api/perangkat/kejadian': async (role) => {
    const token = await tokenUji();
    const menit = String(n() % 60).padStart(2, '0');
    return {
      url: '/api/perangkat/kejadian',
      payload: `${SASARAN[role]}\t2025-03-05 07:${menit}:00\t15\t0\t0\n`,
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      periksa: (r) =>
        expect(json(r)).toMatchObject({
          perangkat: { kode: 'MESIN-PERAN' },
          jumlah: { diimpor: 1 },
          rincian: [],
        }),
    };
  },
  'GET /api/wajah/saya': (role) => ({
    url: '/api/wajah/saya',
    periksa: (r) => expect(json<{ pegawai_id: string }>(r).pegawai_id).toBe(pegawaiId.get(NIP_AKUN[role])),
  }),
  'POST /api/wajah/saya/persetujuan': () => ({
    url: '/api/wajah/saya/persetujuan',
    payload: { tujuan: 'Presensi wajah di kantor' },
    periksa: (r) => expect(json<{ persetujuan: { cara: string } }>(r).persetujuan.cara).toBe('mandiri'),
  }),
  'DELETE /api/wajah/saya': () => ({
    url: '/api/wajah/saya',
    periksa: (r) => expect(json<{ templat_dihapus: number }>(r).templat_dihapus).toBe(0),
  }),
  'GET /api/wajah/pegawai': (role) => ({
    url: '/api/wajah/pegawai',
    periksa: (r) => expect(json<{ key: string }[]>(r).map((x) => x.key)).toContain(SASARAN[role]),
  }),
  'POST /api/wajah/pegawai/:id/persetujuan': async () => ({
    url: `/api/wajah/pegawai/${(await orangBaru('THL-WAJAH')).id}/persetujuan`,
    payload: { keterangan: 'Formulir persetujuan bertanda tangan' },
    periksa: (r) => expect(json(r)).toMatchObject({ baru: true, persetujuan: { cara: 'petugas' } }),
  }),
  'DELETE /api/wajah/pegawai/:id': async () => {
    const o = await orangBaru('THL-CABUT');
    const beri = await kirim('POST', 'pemda_admin', {
      url: `/api/wajah/pegawai/${o.id}/persetujuan`,
      payload: { keterangan: 'uji' },
    });
    expect(beri.statusCode, beri.body).toBe(200);
    return {
      url: `/api/wajah/pegawai/${o.id}`,
      periksa: (r) => expect(json<{ persetujuan_dicabut: boolean }>(r).persetujuan_dicabut).toBe(true),
    };
  },
  'GET /api/wajah/pengaturan': () => ({
    url: '/api/wajah/pengaturan',
    periksa: (r) => expect(json<{ simpan_foto_hari: number }>(r).simpan_foto_hari).toBe(0),
  }),
  'PUT /api/wajah/pengaturan': () => ({
    url: '/api/wajah/pengaturan',
    payload: { simpan_foto_hari: 0 },
    periksa: (r) => expect(json(r)).toEqual({ simpan_foto_hari: 0 }),
  }),
  'GET /api/kehadiran/pengaturan': () => ({
    url: '/api/kehadiran/pengaturan',
    periksa: (r) =>
      expect(json(r)).toMatchObject({
        buka_masuk_sebelum_menit: expect.any(Number),
        langkah_tantangan: expect.any(Array),
      }),
  }),
  'POST /api/kehadiran/tantangan': () => ({
    url: '/api/kehadiran/tantangan',
    payload: {},
    periksa: (r) => {
      const t = json<{ langkah: string[]; petunjuk: unknown[] }>(r);
      expect(t.langkah.length).toBeGreaterThanOrEqual(2);
      expect(t.petunjuk).toHaveLength(t.langkah.length);
    },
  }),
  'GET /api/wfh/pernyataan/saya': async () => {
    await pernyataanUji();
    return {
      url: '/api/wfh/pernyataan/saya',
      periksa: (r) =>
        expect(
          json<{ pernyataan: { kebijakan_id: string }[] }>(r).pernyataan.map((p) => p.kebijakan_id),
        ).toContain('uji-pernyataan'),
    };
  },
  'POST /api/wfh/pernyataan/tandatangan': async () => {
    await pernyataanUji();
    return {
      url: '/api/wfh/pernyataan/tandatangan',
      payload: TANDA_TANGAN,
      periksa: (r) => expect(json(r)).toMatchObject({ kebijakan_id: 'uji-pernyataan', versi: 1 }),
    };
  },
  'GET /api/wfh/pernyataan/saya/pdf': async () => {
    await pernyataanUji();
    return {
      url: '/api/wfh/pernyataan/saya/pdf?kebijakan_id=uji-pernyataan&versi=1',
      periksa: (r) => expect(r.headers['content-type']).toBe('application/pdf'),
    };
  },
  'GET /api/wfh/pernyataan/:id/pdf': async (role) => ({
    url: `/api/wfh/pernyataan/${await pernyataanPeran(role)}/pdf`,
    periksa: (r) => expect(r.headers['content-type']).toBe('application/pdf'),
  }),
  'GET /api/wfh/pernyataan': async (role) => {
    await pernyataanUji();
    return {
      url: `/api/wfh/pernyataan?kebijakan_id=uji-pernyataan${opdQuery(role)}`,
      periksa: (r) =>
        expect(json<{ baris: { nip: string }[] }>(r).baris.map((b) => b.nip)).toContain(SASARAN[role]),
    };
  },
  'GET /api/kehadiran/koreksi': () => ({
    url: '/api/kehadiran/koreksi',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'GET /api/kehadiran/koreksi/ketukan': () => ({
    url: `/api/kehadiran/koreksi/ketukan?tanggal=${hariIni}`,
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'GET /api/kehadiran/koreksi/persetujuan': () => ({
    url: '/api/kehadiran/koreksi/persetujuan',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/kehadiran/koreksi': () => ({
    url: '/api/kehadiran/koreksi',
    payload: { ...isianKoreksi(), alasan: 'lupa absen masuk' },
    periksa: (r) => expect(json(r)).toMatchObject({ status: 'diajukan' }),
  }),
  'POST /api/kehadiran/koreksi/:id/putusan': async (role) => {
    // each role decides for someone it answers for: the unit head and the employee as supervisors, the OPD
    // admin for a person of DINKES without a supervisor
    const id = await koreksiTertunda(role);
    return {
      url: `/api/kehadiran/koreksi/${id}/putusan`,
      payload: { setuju: true, catatan: 'disetujui' },
      periksa: (r) => expect(json(r)).toEqual({ id, status: 'disetujui' }),
    };
  },
  'POST /api/kehadiran/koreksi/:id/batal': async (role) => {
    const aju = await kirim('POST', role, {
      url: '/api/kehadiran/koreksi',
      payload: { ...isianKoreksi(), alasan: 'salah isi' },
    });
    expect(aju.statusCode, aju.body).toBe(201);
    const id = json<{ id: string }>(aju).id;
    return {
      url: `/api/kehadiran/koreksi/${id}/batal`,
      periksa: (r) => expect(json(r)).toEqual({ id, status: 'dibatalkan' }),
    };
  },
  'GET /api/kehadiran/dinas-luar': () => ({
    url: '/api/kehadiran/dinas-luar',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'GET /api/kehadiran/dinas-luar/persetujuan': () => ({
    url: '/api/kehadiran/dinas-luar/persetujuan',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/kehadiran/dinas-luar': () => ({
    url: '/api/kehadiran/dinas-luar',
    payload: isianDinasLuar(),
    periksa: (r) => expect(json(r)).toMatchObject({ status: 'diajukan' }),
  }),
  'POST /api/kehadiran/dinas-luar/:id/putusan': async (role) => {
    const id = await dinasLuarTertunda(role);
    return {
      url: `/api/kehadiran/dinas-luar/${id}/putusan`,
      payload: { setuju: false, catatan: 'surat tugas belum ada' },
      periksa: (r) => expect(json(r)).toEqual({ id, status: 'ditolak' }),
    };
  },
  'POST /api/kehadiran/dinas-luar/:id/batal': async (role) => {
    const aju = await kirim('POST', role, { url: '/api/kehadiran/dinas-luar', payload: isianDinasLuar() });
    expect(aju.statusCode, aju.body).toBe(201);
    const id = json<{ id: string }>(aju).id;
    return {
      url: `/api/kehadiran/dinas-luar/${id}/batal`,
      periksa: (r) => expect(json(r)).toEqual({ id, status: 'dibatalkan' }),
    };
  },
  'GET /api/kehadiran/tempat': async () => {
    const id = await tempatUji();
    return {
      url: '/api/kehadiran/tempat?opd=DINKES',
      periksa: (r) =>
        expect(json<{ id: string }[]>(r)).toContainEqual(
          expect.objectContaining({ id, opd_kode: 'DINKES', warisan: false, boleh_ubah: true }),
        ),
    };
  },
  'POST /api/kehadiran/tempat': () => ({
    url: '/api/kehadiran/tempat',
    payload: {
      opd_kode: 'PKM-BATU',
      nama: 'Pos piket pasar',
      jenis: 'pos_piket',
      lat: -6.6,
      lng: 106.8,
      radius_m: 80,
    },
    periksa: (r) => expect(json(r)).toMatchObject({ opd_kode: 'PKM-BATU', radius_m: 80, aktif: true }),
  }),
  'PUT /api/kehadiran/tempat/:id': async () => ({
    url: `/api/kehadiran/tempat/${await tempatUji()}`,
    payload: {
      nama: 'Lapangan upacara',
      jenis: 'lapangan',
      poligon: [
        [-6.6, 106.8],
        [-6.6, 106.801],
        [-6.601, 106.801],
      ],
    },
    periksa: (r) => expect(json(r)).toMatchObject({ nama: 'Lapangan upacara', lat: null, radius_m: null }),
  }),
  'POST /api/kehadiran/tempat/:id/nonaktifkan': async () => ({
    url: `/api/kehadiran/tempat/${await tempatUji()}/nonaktifkan`,
    periksa: (r) => expect(json(r)).toMatchObject({ aktif: false }),
  }),
  'POST /api/kehadiran/tempat/:id/aktifkan': async () => ({
    url: `/api/kehadiran/tempat/${await tempatUji(false)}/aktifkan`,
    periksa: (r) => expect(json(r)).toMatchObject({ aktif: true }),
  }),
  'POST /api/wfh/izin-keluar': () => {
    const body = isianIzin();
    return {
      url: '/api/wfh/izin-keluar',
      payload: body,
      periksa: (r) => expect(json(r)).toMatchObject({ jenis: 'kesehatan', tanggal: body.dari.slice(0, 10) }),
    };
  },
  'GET /api/wfh/izin-keluar/saya': () => ({
    url: '/api/wfh/izin-keluar/saya',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'GET /api/wfh/izin-keluar/bawahan': () => ({
    url: '/api/wfh/izin-keluar/bawahan',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/wfh/izin-keluar/:id/keberatan': async (role) => {
    // the unit head and the employee as supervisors, the OPD admin for a DINKES person without one
    const id = await izinUntukKeberatan(role);
    return {
      url: `/api/wfh/izin-keluar/${id}/keberatan`,
      payload: { catatan: 'mohon tetap di rumah' },
      periksa: (r) => expect(json(r)).toEqual({ id, keberatan: true }),
    };
  },
  'POST /api/wfh/izin-keluar/:id/batal': async (role) => {
    const aju = await kirim('POST', role, { url: '/api/wfh/izin-keluar', payload: isianIzin() });
    expect(aju.statusCode, aju.body).toBe(201);
    const id = json<{ id: string }>(aju).id;
    return {
      url: `/api/wfh/izin-keluar/${id}/batal`,
      periksa: (r) => expect(json(r)).toEqual({ id, dibatalkan: true }),
    };
  },
  'PUT /api/kehadiran/pengaturan': () => ({
    url: '/api/kehadiran/pengaturan',
    payload: ATURAN_UJI,
    periksa: (r) => expect(json(r)).toEqual(ATURAN_UJI),
  }),
  // Every account is someone, so every role may check in; far from any office, it is refused in words.
  'POST /api/lokasi': () => ({
    url: '/api/lokasi',
    payload: {
      lat: -7.87,
      lng: 112.52,
      akurasi_m: 15,
      waktu_perangkat: new Date().toISOString(),
      id_klien: randomUUID(),
    },
    // nobody works from home in this Pemda's schedule: stored, and said not to count
    periksa: (r) => expect(json(r)).toMatchObject({ hasil: 'bukan_hari_wfh', slot: null }),
  }),
  'GET /api/lokasi/hari': (role) => ({
    url: `/api/lokasi/hari?tanggal=${hariIni}`,
    periksa: (r) =>
      expect(json(r)).toMatchObject({ tanggal: hariIni, pegawai_id: pegawaiId.get(NIP_AKUN[role]) }),
  }),
  'GET /api/wfh/rumah': () => ({
    url: '/api/wfh/rumah?status=diusulkan',
    periksa: (r) => expect(Array.isArray(json(r))).toBe(true),
  }),
  'POST /api/wfh/rumah/:id/putus': async () => {
    const { id: orang } = await orangBaru('RMH');
    const usulan = await run(async (trx) =>
      lokasiRepo.usulkanRumah(trx, {
        tenant_id: tenantId,
        pegawai_id: orang,
        lat: -7.88,
        lng: 112.52,
        dasar: [],
        berlaku_sejak: new Date(),
      }),
    );
    return {
      url: `/api/wfh/rumah/${usulan}/putus`,
      payload: { putusan: 'dikonfirmasi' },
      periksa: (r) => expect(json(r)).toEqual({ ok: true }),
    };
  },
  'PUT /api/wfh/rumah/pegawai/:id': async () => ({
    url: `/api/wfh/rumah/pegawai/${(await orangBaru('RMH')).id}`,
    payload: { lat: -7.88, lng: 112.52 },
    periksa: (r) => expect(json<{ id: string }>(r).id).toMatch(/^[0-9a-f-]{36}$/),
  }),
  'GET /api/wfh/aturan': () => ({
    url: '/api/wfh/aturan',
    periksa: (r) => expect(json(r)).toMatchObject({ radius_rumah_m: expect.any(Number) }),
  }),
  'PUT /api/wfh/aturan': () => ({
    url: '/api/wfh/aturan',
    payload: {
      radius_rumah_m: 150,
      kecepatan_maks_kmj: 120,
      tepat_menit: 30,
      tunda_maks_menit: 60,
      selisih_jam_maks_menit: 5,
      usul_rumah_laporan: 3,
      simpan_lokasi_hari: 90,
    },
    periksa: (r) => expect(json(r)).toMatchObject({ radius_rumah_m: 150 }),
  }),
  'POST /api/kehadiran': async () => {
    const { payload, headers } = await multipart(
      {
        tantangan_id: randomUUID(),
        lat: '-6.2',
        lng: '106.8',
        akurasi_m: '10',
        jenis: 'masuk',
        id_klien: randomUUID(),
      },
      [{ isi: bacaFoto('person-linda.jpg') }],
    );
    return {
      url: '/api/kehadiran',
      payload,
      headers,
      periksa: (r) => expect(json(r)).toMatchObject({ hasil: 'ditolak', pesan: { id: expect.any(String) } }),
    };
  },
  // Enrolment from photos: a file that is not a JPEG is refused per photo before the engine runs.
  'POST /api/wajah/saya/foto': async (role) => {
    const beri = await kirim('POST', role, { url: '/api/wajah/saya/persetujuan', payload: {} });
    expect(beri.statusCode, beri.body).toBe(200);
    const { payload, headers } = await multipart({}, [{ isi: new TextEncoder().encode('bukan jpeg') }]);
    return {
      url: '/api/wajah/saya/foto',
      payload,
      headers,
      periksa: (r) => expect(json(r)).toMatchObject({ disimpan: false, foto: [{ hasil: 'ditolak' }] }),
    };
  },
  'POST /api/wajah/pegawai/:id/foto': async () => {
    const o = await orangBaru('THL-FOTO');
    const beri = await kirim('POST', 'pemda_admin', {
      url: `/api/wajah/pegawai/${o.id}/persetujuan`,
      payload: { keterangan: 'uji: diberikan langsung' },
    });
    expect(beri.statusCode, beri.body).toBe(200);
    const { payload, headers } = await multipart({}, [{ isi: new TextEncoder().encode('bukan jpeg') }]);
    return {
      url: `/api/wajah/pegawai/${o.id}/foto`,
      payload,
      headers,
      periksa: (r) => expect(json(r)).toMatchObject({ disimpan: false, foto: [{ hasil: 'ditolak' }] }),
    };
  },
  'GET /api/kehadiran/tinjau': async () => {
    const k = await tinjauanUji();
    return {
      url: '/api/kehadiran/tinjau',
      periksa: (r) => expect(json<{ kehadiran_id: string }[]>(r).map((x) => x.kehadiran_id)).toContain(k),
    };
  },
  'GET /api/kehadiran/tinjau/:id/bingkai/:urutan': async () => ({
    url: `/api/kehadiran/tinjau/${await tinjauanUji()}/bingkai/0`,
    periksa: (r) => expect(r.headers['content-type']).toBe('image/jpeg'),
  }),
  'POST /api/kehadiran/tinjau/:id': async () => {
    const k = await tinjauanUji();
    return {
      url: `/api/kehadiran/tinjau/${k}`,
      payload: { putusan: 'ditolak', catatan: 'bukan orangnya' },
      periksa: (r) => expect(json(r)).toEqual({ kehadiran_id: k, status: 'ditolak' }),
    };
  },
};

/** A face check-in sent to review for the nurse at Puskesmas Batu (in the DINKES admin's part), with one frame. */
async function tinjauanUji() {
  return run(async (trx) => {
    const opd = await trx
      .selectFrom('opd')
      .select('id')
      .where('kode', '=', 'PKM-BATU')
      .executeTakeFirstOrThrow();
    const { kejadian } = await catatKejadian(trx, tenantId, {
      pegawai_id: pegawaiId.get(NIP.perawat)!,
      opd_id: opd.id,
      waktu: null,
      waktu_perangkat: null,
      jenis: 'masuk',
      sumber: 'wajah',
      perangkat_id: null,
      lat: null,
      lng: null,
      akurasi_m: null,
      hasil: 'ditinjau',
      alasan: ['tinjau'],
      skor: 0.6,
      id_klien: null,
      hash_isi: null,
    });
    await simpanTinjauan(trx, tenantId, cincinUntuk(sdb), {
      kehadiranId: kejadian.id,
      pegawaiId: pegawaiId.get(NIP.perawat)!,
      opdId: opd.id,
      skor: 0.6,
      dibuat: kejadian.waktu,
      simpanSampai: new Date(kejadian.waktu.getTime() + 86_400_000),
      bingkai: [bacaFoto('person-linda.jpg')],
    });
    return kejadian.id;
  });
}

const ATURAN_UJI = {
  toleransi_masuk_menit: 15,
  toleransi_pulang_menit: 10,
  buka_masuk_sebelum_menit: 90,
  tutup_pulang_setelah_menit: 180,
  selang_pulang_minimal_menit: 60,
  langkah_tantangan: ['toleh_kiri', 'toleh_kanan'],
};

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-peran', '2020-01-01');
  await importPegawai(sdb, tenantId, table(EXTRA_ROWS), {
    actor: SYSTEM_ACTOR,
    writableOpdIds: null,
    berlakuMulai: '2020-01-01',
  });
  await run(async (trx) => {
    hariIni = await tenantToday(trx, tenantId);
    for (const p of await trx.selectFrom('pegawai').select(['id', 'nip', 'id_pegawai']).execute())
      pegawaiId.set(keyOf(p), p.id);
    for (const a of ACCOUNTS) {
      await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
        username: a.username,
        nama: a.username,
        password: PASSWORD,
        nip: NIP_AKUN[a.role],
        roles: [{ role: a.role, opdKode: a.opdKode ?? null }],
      });
    }
    await simpan(trx, tenantId, SYSTEM_ACTOR, BOGOR, '2021-06-01');
    const j = await buatJadwal(trx, tenantId, SYSTEM_ACTOR, JADWAL.dari, JADWAL.sampai);
    await terbitkan(trx, tenantId, SYSTEM_ACTOR, j.id);
  });
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  for (const a of ACCOUNTS) sessions.set(a.role, await signIn(a.username));
  const row = PEGAWAI_ROWS[0]!;
  const imp = await kirim('POST', 'pemda_admin', {
    url: '/api/impor/pegawai?nama=awal.csv',
    payload: `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`,
    headers: CSV,
  });
  jobId = json<{ id: string }>(imp).id;
  await tungguImpor(jobId);
});
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

describe('every route × every role, as written in the matrix', () => {
  it('the matrix has a row for every registered route and no row for a route that does not exist', () => {
    const routes = app.sigapRoutes.map((r) => `${r.method} ${r.url}`);
    const tanpaBaris = routes.filter((r) => !HARAPAN.has(r));
    expect(
      tanpaBaris,
      'routes without a row in MATRIKS (server/src/http/routes.db.test.ts; see docs/CONTRIBUTING.md)',
    ).toEqual([]);
    expect(
      [...HARAPAN.keys()].filter((k) => !routes.includes(k)),
      'rows in MATRIKS for routes that do not exist',
    ).toEqual([]);
    expect(Object.keys(PERMINTAAN).sort(), 'a request in PERMINTAAN for every row').toEqual(
      [...HARAPAN.keys()].sort(),
    );
  });

  for (const [route, harapan] of HARAPAN) {
    it(route, async () => {
      const [method, path] = route.split(' ') as [Metode, string];
      const build = PERMINTAAN[route];
      if (!build) throw new Error(`no request in PERMINTAAN for ${route}`);
      for (const role of PERAN) {
        const p = await build(role);
        const res = await kirim(method, role, p);
        const what = `${method} ${path} as ${role} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        if (harapan.get(role)) {
          expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, what).toBeLessThan(300);
          await p.periksa?.(res);
        } else {
          expect(res.statusCode, what).toBe(403);
          expect(res.json(), what).toMatchObject({ code: 'DILARANG' });
        }
      }
    });
  }
});

describe('scope cases: outside the caller’s OPD, unit, person or date — 403 or 404, nothing leaked', () => {
  /** Asserts a refusal that names nothing about the person asked for. */
  function tolak(res: LightMyRequestResponse, ...rahasia: string[]) {
    expect([403, 404], res.body).toContain(res.statusCode);
    for (const s of rahasia) expect(res.body).not.toContain(s);
  }
  const kalak = () => pegawaiId.get(NIP.kalak)!;

  it('a person: another OPD (OPD admin), outside the unit (unit head), another person (employee), another date', async () => {
    tolak(await kirim('GET', 'opd_admin', { url: `/api/pegawai/${kalak()}` }), 'Kalak', NIP.kalak);
    tolak(
      await kirim('GET', 'unit_head', { url: `/api/pegawai/${pegawaiId.get(NIP.perawat)}` }),
      'Sari',
      NIP.perawat,
    );
    tolak(
      await kirim('GET', 'employee', { url: `/api/pegawai/${pegawaiId.get(NIP.kabag)}` }),
      'Dewi',
      NIP.kabag,
    );
    // before the person was placed (2020-01-01) nobody's scope covered them
    tolak(
      await kirim('GET', 'opd_admin', {
        url: `/api/pegawai/${pegawaiId.get(NIP.perawat)}?tanggal=2019-06-03`,
      }),
      'Sari',
    );
    for (const role of ['opd_admin', 'employee'] as const) {
      tolak(await kirim('GET', role, { url: `/api/kebijakan-jelaskan?nip=${NIP.kalak}` }), 'Kalak');
    }
  });

  it('lists and exports hold only the caller’s part', async () => {
    const nips = async (role: Role, url: string) => JSON.stringify(json(await kirim('GET', role, { url })));
    expect(await nips('opd_admin', '/api/pegawai?opd=BPBD')).not.toContain(NIP.kalak);
    expect(await nips('opd_admin', '/api/pegawai?limit=1000')).not.toContain(NIP.kalak);
    const baris = async (role: Role) =>
      json<{ nip: string }[]>(await kirim('GET', role, { url: '/api/ekspor/pegawai?format=json' })).map(
        (r) => r.nip,
      );
    expect(await baris('unit_head')).not.toContain(NIP.perawat);
    // the employee's own row only (it names their supervisor, as their record does)
    expect(await baris('employee')).toEqual([NIP.staf]);
    const okupansi = await nips(
      'opd_admin',
      `/api/jadwal/okupansi?dari=${JADWAL.dari}&sampai=${JADWAL.sampai}`,
    );
    expect(okupansi).toContain('DINKES');
    expect(okupansi).not.toContain('BPBD');
  });

  it('attendance: an OPD admin imports only their people, and manages only their terminals and people', async () => {
    await terminalUji();
    const log = `${NIP.kalak}\t2025-03-04 07:00:00\t1\t0\t0\n${NIP.perawat}\t2025-03-04 07:01:00\t1\t0\t0\n`;
    const imp = await kirim('POST', 'opd_admin', {
      url: '/api/kehadiran/impor?nama=attlog.dat&perangkat=MESIN-PERAN',
      payload: log,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(imp.statusCode, imp.body).toBe(200);
    expect(json(imp)).toMatchObject({
      format: 'attlog',
      jumlah: { diimpor: 1, di_luar_lingkup: 1 },
      rincian: [{ baris: 1, hasil: 'di_luar_lingkup', kode: 'DI_LUAR_LINGKUP' }],
    });
    expect(imp.body).not.toContain('Kalak');
    await run((trx) =>
      daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
        kode: 'MESIN-BPBD-X',
        nama: 'Pos',
        opdKode: 'BPBD',
      }),
    );
    expect(
      json<{ kode: string }[]>(await kirim('GET', 'opd_admin', { url: '/api/perangkat' })).map((p) => p.kode),
    ).not.toContain('MESIN-BPBD-X');
    tolak(
      await kirim('PUT', 'opd_admin', {
        url: '/api/perangkat/MESIN-BPBD-X/pin',
        payload: { pin: [{ pin: '1', key: NIP.perawat }] },
      }),
    );
    const luar = await kirim('PUT', 'opd_admin', {
      url: '/api/perangkat/MESIN-PERAN/pin',
      payload: { pin: [{ pin: '1', key: NIP.kalak }] },
    });
    expect(luar.statusCode).toBe(422);
    expect(json(luar)).toMatchObject({ issues: [{ baris: 1, kode: 'DI_LUAR_LINGKUP' }] });
    const opdLuar = await kirim('POST', 'opd_admin', {
      url: '/api/perangkat',
      payload: { kode: 'MESIN-LUAR', nama: 'Luar', opd_kode: 'BPBD' },
    });
    expect(opdLuar.statusCode).toBe(400);
  });

  it('schedule views: another OPD, outside the unit, or no OPD named', async () => {
    const q = `dari=${JADWAL.dari}&sampai=${JADWAL.sampai}`;
    for (const path of ['/api/jadwal/grid', '/api/jadwal/periksa', '/api/jadwal/rekap']) {
      tolak(await kirim('GET', 'opd_admin', { url: `${path}?${q}&opd=BPBD` }), NIP.kalak);
      tolak(await kirim('GET', 'unit_head', { url: `${path}?${q}&opd=DINKES` }), NIP.perawat);
      tolak(await kirim('GET', 'opd_admin', { url: `${path}?${q}` }), NIP.kalak);
    }
  });

  it('schedule changes: build, publish, cells, locks and recap imports outside the scope', async () => {
    tolak(
      await kirim('POST', 'opd_admin', {
        url: '/api/jadwal/buat',
        payload: { dari: '2021-07-05', sampai: '2021-07-06', opd_kode: 'BPBD' },
      }),
    );
    const draf = await run((trx) =>
      buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2021-07-05', '2021-07-06', 'BPBD'),
    );
    tolak(await kirim('POST', 'opd_admin', { url: `/api/jadwal/${draf.id}/terbit` }));
    const pemdaDraf = await run((trx) => buatJadwal(trx, tenantId, SYSTEM_ACTOR, '2021-07-05', '2021-07-06'));
    tolak(await kirim('POST', 'opd_admin', { url: `/api/jadwal/${pemdaDraf.id}/terbit` }));
    for (const [role, nip] of [
      ['opd_admin', NIP.kalak],
      ['unit_head', NIP.perawat],
    ] as const) {
      tolak(
        await kirim('POST', role, {
          url: '/api/jadwal/sel',
          payload: { key: nip, tanggal: JADWAL.hari, status: await statusSel(nip, JADWAL.hari) },
        }),
      );
      tolak(await kirim('DELETE', role, { url: `/api/jadwal/kunci?key=${nip}&tanggal=${JADWAL.hari}` }));
    }
    const rekapLuar = await kirim('POST', 'opd_admin', {
      url: '/api/jadwal/impor?nama=rekap.csv',
      payload: `nip,tanggal,status\n${NIP.kalak},${JADWAL.sampai},WFH\n`,
      headers: CSV,
    });
    expect(rekapLuar.statusCode).toBe(422);
    expect(json<{ issues: { kode: string }[] }>(rekapLuar).issues).toEqual([
      expect.objectContaining({ kode: 'DI_LUAR_LINGKUP' }),
    ]);
  });

  it('leave: entries, imports and decisions for people outside the scope; another person’s request', async () => {
    tolak(
      await kirim('POST', 'opd_admin', {
        url: '/api/cuti/catat',
        payload: { key: NIP.kalak, jenis: 'cuti_tahunan', ...hariCuti(n()) },
      }),
    );
    const h = hariCuti(n());
    const imp = await kirim('POST', 'opd_admin', {
      url: '/api/cuti/impor?nama=cuti.csv',
      payload: `nip,jenis,dari,sampai,keterangan\n${NIP.kalak},cuti_tahunan,${h.dari},${h.sampai},\n`,
      headers: CSV,
    });
    expect(imp.statusCode).toBe(422);
    expect(json<{ issues: { kode: string }[] }>(imp).issues).toEqual([
      expect.objectContaining({ kode: 'DI_LUAR_LINGKUP' }),
    ]);
    // decisions: OPD admin on another OPD, unit head outside the unit, an employee on a non-report,
    // anyone on their own request
    for (const [role, nip] of [
      ['opd_admin', NIP.kalak],
      ['unit_head', NIP.perawat],
      ['employee', NIP.kabag],
      ['employee', NIP.staf],
    ] as const) {
      const id = await pengajuan(nip, hariCuti(n()).dari);
      tolak(await kirim('POST', role, { url: `/api/cuti/${id}/putusan`, payload: { setuju: true } }));
    }
    // withdrawing someone else's request: not found, as if it did not exist
    const lain = await pengajuan(NIP.kabag, hariCuti(n()).dari);
    const batal = await kirim('POST', 'employee', { url: `/api/cuti/${lain}/batal` });
    expect(batal.statusCode).toBe(404);
    // the register lists nothing of another OPD
    const daftar = JSON.stringify(json(await kirim('GET', 'opd_admin', { url: '/api/cuti?untuk=semua' })));
    expect(daftar).not.toContain(NIP.kalak);
  });

  it('stay-home statements: another OPD or unit, another person’s statement', async () => {
    await pernyataanUji();
    tolak(await kirim('GET', 'opd_admin', { url: '/api/wfh/pernyataan?opd=BPBD' }), NIP.kalak);
    tolak(await kirim('GET', 'unit_head', { url: '/api/wfh/pernyataan?opd=DINKES' }), NIP.perawat);
    const rina = await pernyataanPeran('opd_admin');
    tolak(await kirim('GET', 'employee', { url: `/api/wfh/pernyataan/${rina}/pdf` }));
    tolak(await kirim('GET', 'unit_head', { url: `/api/wfh/pernyataan/${rina}/pdf` }));
    const daftar = JSON.stringify(
      json(await kirim('GET', 'opd_admin', { url: '/api/wfh/pernyataan?opd=DINKES' })),
    );
    expect(daftar).not.toContain(NIP.kalak);
    expect(daftar).not.toContain(NIP.staf);
  });

  it('going-out notices: another OPD (OPD admin), outside one`s people (unit head, employee), another person', async () => {
    // Ahmad Kalak (BPBD) files one: only his supervisor (the Sekda) and BPBD's admin see it
    const kalakId = kalak();
    const id = await run(async (trx) => {
      const i = isianIzin();
      return (await izinRepo.insertIzin(trx, tenantId, {
        pegawai_id: kalakId,
        tanggal: i.dari.slice(0, 10),
        jenis: 'keluarga',
        alasan: 'rahasia-izin-kalak',
        dari: new Date(i.dari),
        sampai: new Date(i.sampai),
        id_klien: i.id_klien,
        hash_isi: 'uji',
        diajukan_oleh: 'uji',
      }))!.id;
    });
    for (const role of ['opd_admin', 'unit_head', 'employee'] as const) {
      const daftar = await kirim('GET', role, { url: '/api/wfh/izin-keluar/bawahan' });
      expect(daftar.body).not.toContain('rahasia-izin-kalak');
      tolak(
        await kirim('POST', role, { url: `/api/wfh/izin-keluar/${id}/keberatan`, payload: { catatan: 'x' } }),
        'rahasia-izin-kalak',
      );
    }
    tolak(await kirim('POST', 'employee', { url: `/api/wfh/izin-keluar/${id}/batal` }), 'rahasia-izin-kalak');
  });

  it('an OPD admin cannot follow another admin’s import (it may name people outside their OPD)', async () => {
    tolak(await kirim('GET', 'opd_admin', { url: `/api/impor/${jobId}` }), 'awal.csv', NIP.sekda);
  });

  it('an OPD admin’s import touching another OPD’s person fails as a whole, naming the row', async () => {
    const row = { ...PEGAWAI_ROWS.find((p) => p.nip === NIP.kalak)! };
    const res = await kirim('POST', 'opd_admin', {
      url: '/api/impor/pegawai?nama=pegawai.csv',
      payload: `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`,
      headers: CSV,
    });
    expect(res.statusCode).toBe(202);
    const job = await tungguImpor(json<{ id: string }>(res).id);
    expect(job.status).toBe('gagal');
    expect(JSON.stringify(job.galat)).toContain('DI_LUAR_CAKUPAN');
  });
});

describe('sessions, CSRF and errors', () => {
  it('every API route appears in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    for (const r of app.sigapRoutes) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} in OpenAPI`).toBeDefined();
    }
  });

  it('refuses every non-public route without a session (401)', async () => {
    for (const r of app.sigapRoutes.filter((x) => x.permission !== 'public')) {
      const p = await PERMINTAAN[`${r.method} ${r.url}`]!('pemda_admin');
      const res = await app.inject({
        method: r.method as Metode,
        url: p.url,
        headers: p.headers ?? {},
        ...(p.payload === undefined ? {} : { payload: p.payload as string }),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json(), `${r.method} ${r.url}`).toMatchObject({ code: 'TIDAK_MASUK' });
    }
  });

  it('refuses a change without the CSRF token even with a valid session', async () => {
    const s = sessions.get('pemda_admin')!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/kalender/libur',
      headers: { cookie: s.cookie },
      payload: { tanggal: '2027-01-01', jenis: 'libur_nasional', nama: 'Tahun Baru 2027 Masehi' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF' });
  });

  it('answers validation errors as {code, message} naming the field, in Indonesian or English', async () => {
    const s = sessions.get('pemda_admin')!;
    const id = await app.inject({ url: '/api/pegawai?level=kepala', headers: { cookie: s.cookie } });
    expect(id.statusCode).toBe(400);
    expect(id.json()).toMatchObject({ code: 'VALIDASI' });
    expect(id.json<{ message: string }>().message).toMatch(/Masukan tidak sah.*level/);
    const en = await app.inject({ url: '/api/pegawai?level=kepala&lang=en', headers: { cookie: s.cookie } });
    expect(en.json<{ message: string }>().message).toMatch(/Invalid input.*level/);
  });
});
