import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, seedSmallPemda, table } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { importOpd, importPegawai } from './impor.service.ts';

/**
 * Editing and deactivating one employee or one OPD from the web app (issue 8, finding 11). The small
 * Pemda is registered from 2024-01-01; the changes below take effect on past dates, so the registry
 * answers both "before" and "after" as of a date, and keeps the earlier version as history.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
let app: App;
const idOf = new Map<string, string>();
const sesi = new Map<string, { cookie: string; csrf: string }>();

async function masuk(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
}

function minta(username: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const s = sesi.get(username)!;
  return app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload }),
  });
}

interface Detail {
  nama: string;
  telepon: string | null;
  jabatan_level: string | null;
  opd_kode: string | null;
  riwayat: { berlaku_dari: string; berlaku_sampai: string | null; jabatan_level: string }[];
}
const detail = async (nip: string, tanggal: string) => {
  const r = await minta('admin', 'GET', `/api/pegawai/${idOf.get(nip)}?tanggal=${tanggal}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Detail>();
};

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-ubah', '2024-01-01');
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  for (const u of ['admin', 'bkpsdm', 'admin.dinkes', 'kepala.umum', 'pegawai', 'auditor'])
    sesi.set(u, await masuk(u));
  const rows = await withTenant(sdb, tenantId, (trx) =>
    trx.selectFrom('pegawai').select(['id', 'nip']).execute(),
  );
  for (const r of rows) if (r.nip) idOf.set(r.nip, r.id);
});
afterAll(async () => {
  await app.close();
});

describe('editing an employee', () => {
  it('a BKPSDM admin changes phone and level from a date: visible as of that date, the old placement kept', async () => {
    const r = await minta('bkpsdm', 'PUT', `/api/pegawai/${idOf.get(NIP.perawat)}`, {
      telepon: '081311112222',
      jabatan_level: 'pelaksana',
      berlaku: '2026-06-01',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ diubah: 1 });
    const sebelum = await detail(NIP.perawat, '2026-05-31');
    const sesudah = await detail(NIP.perawat, '2026-06-01');
    expect(sebelum).toMatchObject({ jabatan_level: 'fungsional', opd_kode: 'PKM-BATU' });
    expect(sesudah).toMatchObject({
      jabatan_level: 'pelaksana',
      opd_kode: 'PKM-BATU',
      telepon: '081311112222',
    });
    expect(sesudah.riwayat.map((v) => [v.berlaku_dari, v.berlaku_sampai, v.jabatan_level])).toEqual(
      expect.arrayContaining([
        ['2024-01-01', '2026-06-01', 'fungsional'],
        ['2026-06-01', null, 'pelaksana'],
      ]),
    );
    const audit = await minta('admin', 'GET', '/api/audit?limit=50');
    expect(audit.body).toContain(`Mengubah pegawai ${NIP.perawat}`);
  });

  it('an OPD admin edits a person of their OPD, but a person elsewhere is "not found" (nothing leaked)', async () => {
    const ok = await minta('admin.dinkes', 'PUT', `/api/pegawai/${idOf.get(NIP.pppk)}`, {
      jabatan: 'Bidan Mahir',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const luar = await minta('admin.dinkes', 'PUT', `/api/pegawai/${idOf.get(NIP.staf)}`, {
      telepon: '0812',
    });
    expect(luar.statusCode).toBe(404);
    expect(luar.body).not.toContain('Budi');
    // moving a DINKES person out to another OPD is outside their part as well
    const keluar = await minta('admin.dinkes', 'PUT', `/api/pegawai/${idOf.get(NIP.pppk)}`, {
      opd_kode: 'BPBD',
    });
    expect(keluar.statusCode).toBe(400);
    expect(keluar.json<{ message: string }>().message).toContain('OPD/unit');
    const nonaktif = await minta(
      'admin.dinkes',
      'POST',
      `/api/pegawai/${idOf.get(NIP.staf)}/nonaktifkan`,
      {},
    );
    expect(nonaktif.statusCode).toBe(404);
  });

  it('employee, unit head and auditor are refused (403)', async () => {
    for (const u of ['pegawai', 'kepala.umum', 'auditor']) {
      const r = await minta(u, 'PUT', `/api/pegawai/${idOf.get(NIP.staf)}`, { telepon: '0812' });
      expect(r.statusCode, u).toBe(403);
      const n = await minta(u, 'POST', `/api/pegawai/${idOf.get(NIP.staf)}/nonaktifkan`, {});
      expect(n.statusCode, u).toBe(403);
      const o = await minta(u, 'PUT', '/api/opd/BPBD', { nama: 'X' });
      expect(o.statusCode, u).toBe(403);
    }
  });

  it('bad input is answered in words naming the field: NUL character, unknown OPD, date out of range', async () => {
    const url = `/api/pegawai/${idOf.get(NIP.staf)}`;
    const nul = await minta('admin', 'PUT', url, { nama: 'Budi\u0000Staf' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json<{ message: string }>().message).toContain('nama');
    const opd = await minta('admin', 'PUT', url, { opd_kode: 'TIDAK-ADA' });
    expect(opd.statusCode).toBe(400);
    expect(opd.json<{ message: string }>().message).toMatch(/OPD\/unit: .*TIDAK-ADA/);
    const jauh = await minta('admin', 'PUT', url, { telepon: '0812', berlaku: '9999-12-31' });
    expect(jauh.statusCode).toBe(400);
    expect(jauh.json<{ message: string }>().message).toContain('berlaku');
    const mundur = await minta('admin', 'PUT', url, { telepon: '0812', berlaku: '2023-01-01' });
    expect(mundur.statusCode).toBe(400);
    expect(mundur.json<{ message: string }>().message).toContain('perubahan terakhir');
    expect((await detail(NIP.staf, '2026-06-01')).nama).toBe('Budi Staf');
  });
});

describe('deactivating an employee', () => {
  it('the person has no placement from the date on, the earlier one stays as history, audited', async () => {
    const r = await minta('admin', 'POST', `/api/pegawai/${idOf.get(NIP.pppk)}/nonaktifkan`, {
      berlaku: '2026-07-01',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await detail(NIP.pppk, '2026-06-30')).opd_kode).toBe('PKM-BATU');
    const sesudah = await detail(NIP.pppk, '2026-07-01');
    expect(sesudah.opd_kode).toBeNull();
    expect(sesudah.riwayat.at(-1)).toMatchObject({ berlaku_sampai: '2026-07-01' });
    const daftar = await minta('admin', 'GET', '/api/pegawai?tanggal=2026-07-01&limit=1000');
    expect(daftar.body).not.toContain(NIP.pppk);
    const lagi = await minta('admin', 'POST', `/api/pegawai/${idOf.get(NIP.pppk)}/nonaktifkan`, {});
    expect(lagi.statusCode).toBe(409);
    expect(lagi.json<{ message: string }>().message).toContain('sudah tidak aktif');
    const audit = await minta('auditor', 'GET', '/api/audit?limit=50');
    expect(audit.body).toContain(`Menonaktifkan pegawai ${NIP.pppk}`);
  });

  it('a supervisor of active people is refused in words, naming them', async () => {
    const r = await minta('admin', 'POST', `/api/pegawai/${idOf.get(NIP.kadinkes)}/nonaktifkan`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json<{ message: string }>().message).toContain('Sari Perawat');
  });
});

describe('editing and deactivating an OPD', () => {
  it('a BKPSDM admin renames an OPD from a date; the OPD admin may not', async () => {
    const r = await minta('bkpsdm', 'PUT', '/api/opd/BPBD', { nama: 'BPBD Kota', berlaku: '2026-06-01' });
    expect(r.statusCode, r.body).toBe(200);
    const lama = await minta('auditor', 'GET', '/api/opd/BPBD?tanggal=2026-05-31');
    const baru = await minta('auditor', 'GET', '/api/opd/BPBD?tanggal=2026-06-01');
    expect(lama.json()).toMatchObject({ nama: 'Badan Penanggulangan Bencana Daerah' });
    expect(baru.json<{ nama: string; riwayat: unknown[] }>()).toMatchObject({ nama: 'BPBD Kota' });
    expect(baru.json<{ riwayat: unknown[] }>().riwayat).toHaveLength(2);
    const opd = await minta('admin.dinkes', 'PUT', '/api/opd/DINKES', { nama: 'Dinkes' });
    expect(opd.statusCode).toBe(403);
    const induk = await minta('admin', 'PUT', '/api/opd/BPBD', { induk_kode: 'TIDAK-ADA' });
    expect(induk.statusCode).toBe(400);
    expect(induk.json<{ message: string }>().message).toContain('Induk');
  });

  it('moves an OPD office and its geofence from a date; a unit may empty its own and inherit', async () => {
    const r = await minta('admin', 'PUT', '/api/opd/DINKES', {
      lat: -7.8712,
      lng: 112.5268,
      radius_m: 250,
      berlaku: '2026-06-15',
    });
    expect(r.statusCode, r.body).toBe(200);
    const lama = await minta('auditor', 'GET', '/api/opd/DINKES?tanggal=2026-06-14');
    const baru = await minta('auditor', 'GET', '/api/opd/DINKES?tanggal=2026-06-15');
    expect(lama.json()).toMatchObject({ lat: -7.88, lng: 112.53, radius_m: 120 });
    expect(baru.json()).toMatchObject({
      lat: -7.8712,
      lng: 112.5268,
      radius_m: 250,
      nama: 'Dinas Kesehatan',
    });
    // A unit empties its own location: from then on it has the parent's.
    const unit = await minta('admin', 'PUT', '/api/opd/PKM-BATU', {
      lat: null,
      lng: null,
      radius_m: null,
      berlaku: '2026-06-15',
    });
    expect(unit.statusCode, unit.body).toBe(200);
    const pkm = await minta('auditor', 'GET', '/api/opd/PKM-BATU?tanggal=2026-06-15');
    expect(pkm.json()).toMatchObject({
      lat: null,
      lng: null,
      efektif: { lat: -7.8712, lng: 112.5268, radius_m: 250 },
    });
  });

  it('a bad office location is refused in words naming the field, nothing changed', async () => {
    const tolak = async (body: object, ...kata: string[]) => {
      const r = await minta('admin', 'PUT', '/api/opd/BPBD', { ...body, berlaku: '2026-07-01' });
      expect(r.statusCode, r.body).toBe(400);
      const msg = r.json<{ message: string }>().message;
      for (const k of kata) expect(msg).toContain(k);
      expect(msg).not.toMatch(/expected|diharapkan|too_|[A-Z]{4,}_[A-Z]{4,}/);
    };
    await tolak({ lat: 95, lng: 112.5 }, 'Lintang (lat)', '90');
    await tolak({ lat: -7.9, lng: 200 }, 'Bujur (lng)', '180');
    await tolak({ radius_m: 5 }, 'Radius geofence (meter) (radius_m)', '10');
    await tolak({ radius_m: 6000 }, 'Radius geofence (meter) (radius_m)', '5000');
    await tolak({ radius_m: 12.5 }, 'Radius geofence (meter) (radius_m)', 'bulat');
    await tolak({ lat: 48.85, lng: 2.35 }, 'Lintang', 'di luar wilayah Indonesia');
    await tolak({ lat: -7.9, lng: null }, 'Bujur', 'diisi keduanya');
    await tolak({ lat: null, lng: null }, 'Lintang', 'OPD induk wajib punya lokasi kantor');
    const bpbd = await minta('auditor', 'GET', '/api/opd/BPBD?tanggal=2026-07-01');
    expect(bpbd.json()).toMatchObject({ lat: -7.86, lng: 112.51, radius_m: 100 });
  });

  it('refuses deactivating an OPD with people or active units, deactivates an empty one', async () => {
    const dinkes = await minta('admin', 'POST', '/api/opd/DINKES/nonaktifkan', {});
    expect(dinkes.statusCode).toBe(409);
    expect(dinkes.json<{ message: string }>().message).toContain('PKM-BATU');
    const bpbd = await minta('admin', 'POST', '/api/opd/BPBD/nonaktifkan', {});
    expect(bpbd.statusCode).toBe(409);
    expect(bpbd.json<{ message: string }>().message).toContain('1 pegawai');
    await importOpd(
      sdb,
      tenantId,
      table([{ kode: 'UJI-TUTUP', nama: 'Unit Uji', jenis: 'upt', induk_kode: 'BPBD' }]),
      { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2025-01-01' },
    );
    const dilarang = await minta('admin.dinkes', 'POST', '/api/opd/UJI-TUTUP/nonaktifkan', {});
    expect(dilarang.statusCode).toBe(403);
    const ok = await minta('admin', 'POST', '/api/opd/UJI-TUTUP/nonaktifkan', { berlaku: '2026-08-01' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await minta('auditor', 'GET', '/api/opd/UJI-TUTUP?tanggal=2026-07-31')).statusCode).toBe(200);
    expect((await minta('auditor', 'GET', '/api/opd/UJI-TUTUP?tanggal=2026-08-01')).statusCode).toBe(404);
  });
});

describe('deactivating an employee switches off their sign-in', () => {
  it('the linked account is deactivated with its sessions, audited, and stays off when the person returns', async () => {
    // Before: the employee account of Budi Staf works.
    expect((await minta('pegawai', 'GET', '/api/auth/me')).statusCode).toBe(200);
    const r = await minta('bkpsdm', 'POST', `/api/pegawai/${idOf.get(NIP.staf)}/nonaktifkan`, {
      berlaku: '2026-09-01',
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<{ akun_dinonaktifkan: string[]; message: string }>();
    expect(body.akun_dinonaktifkan).toEqual(['pegawai']);
    expect(body.message).toContain('akun masuk pegawai dinonaktifkan sekarang');
    expect(body.message).toContain('halaman Akun');
    // The session held before stops working at once.
    expect((await minta('pegawai', 'GET', '/api/auth/me')).statusCode).toBe(401);
    // A real sign-in with the right password is refused, in the one sign-in refusal.
    const masukLagi = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pegawai', password: PASSWORD },
    });
    expect(masukLagi.statusCode).toBe(401);
    expect(masukLagi.json<{ code: string }>().code).toBe('LOGIN_GAGAL');
    // Recorded in the audit trail, by whom and why.
    const audit = await minta('auditor', 'GET', '/api/audit?entitas=akun&aksi=nonaktifkan_akun');
    const baris = audit.json<{ rows: { pelaku: string; ringkasan: string }[] }>().rows;
    expect(baris).toContainEqual(
      expect.objectContaining({
        pelaku: 'bkpsdm',
        ringkasan: expect.stringContaining(`Menonaktifkan akun pegawai karena pegawai ${NIP.staf}`),
      }),
    );
    // The accounts page shows it switched off.
    const akun = await minta('admin', 'GET', '/api/akun');
    expect(akun.json<{ username: string; aktif: boolean }[]>()).toContainEqual(
      expect.objectContaining({ username: 'pegawai', aktif: false }),
    );
    // Placing the person again (an import) does not switch the sign-in back on.
    await importPegawai(
      sdb,
      tenantId,
      table([
        {
          nip: NIP.staf,
          nama: 'Budi Staf',
          jenis_pegawai: 'pns',
          jabatan_level: 'pelaksana',
          jabatan: 'Pengadministrasi Umum',
          opd_kode: 'BAG-UMUM',
        },
      ]),
      { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2026-10-01' },
    );
    expect((await detail(NIP.staf, '2026-10-01')).opd_kode).toBe('BAG-UMUM');
    const tetapDitolak = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pegawai', password: PASSWORD },
    });
    expect(tetapDitolak.statusCode).toBe(401);
    // The admin switches it on again on the accounts page; then sign-in works.
    const id = akun.json<{ id: string; username: string }[]>().find((u) => u.username === 'pegawai')!.id;
    expect((await minta('admin', 'POST', `/api/akun/${id}/aktifkan`)).statusCode).toBe(200);
    sesi.set('pegawai', await masuk('pegawai'));
    expect((await minta('pegawai', 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('a person holding a Pemda admin account is deactivated only by a Pemda admin; nothing changes otherwise', async () => {
    await withTenant(sdb, tenantId, (trx) =>
      upsertUser(trx, tenantId, SYSTEM_ACTOR, {
        username: 'admin.kedua',
        nama: 'Admin Kedua',
        password: PASSWORD,
        nip: NIP.kalak,
        roles: [{ role: 'pemda_admin' }],
      }),
    );
    const url = `/api/pegawai/${idOf.get(NIP.kalak)}/nonaktifkan`;
    const bkpsdm = await minta('bkpsdm', 'POST', url, { berlaku: '2026-11-01' });
    expect(bkpsdm.statusCode).toBe(403);
    expect(bkpsdm.json<{ message: string }>().message).toContain('hanya Admin Pemda');
    expect((await detail(NIP.kalak, '2026-11-01')).opd_kode).toBe('BPBD');
    const admin = await minta('admin', 'POST', url, { berlaku: '2026-11-01' });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json()).toMatchObject({ akun_dinonaktifkan: ['admin.kedua'] });
  });

  it('a person without an account is deactivated as before, with no account named', async () => {
    const r = await minta('admin', 'POST', `/api/pegawai/${idOf.get(NIP.perawat)}/nonaktifkan`, {
      berlaku: '2026-11-01',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ akun_dinonaktifkan: [] });
    expect(r.json<{ message: string }>().message).not.toContain('akun');
  });
});
