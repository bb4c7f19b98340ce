import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, PEGAWAI_ROWS, seedSmallPemda, table } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { importPegawai } from '../impor/impor.service.ts';

/**
 * Scope at both dates (issue 8, finding 6). Sari Perawat works at PKM-BATU (under DINKES) from 2024
 * and moves to BPBD on 2026-03-02 (before "today" for any run of this test). The DINKES admin kept her
 * record until then, the BPBD admin since. Neither may reach across the move: DINKES sees her old
 * placement but not her current personal data, and neither writes for days that were not theirs.
 */
const PINDAH = '2026-03-02';
const SEBELUM = '2026-02-16';
const EMAIL = 'sari.perawat@batukota.go.id';
const TELEPON = '081234567890';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
let app: App;
let perawatId: string;
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

function minta(
  username: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const s = sesi.get(username)!;
  return app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-lingkup', '2024-01-01');
  const perawat = PEGAWAI_ROWS.find((r) => r.nip === NIP.perawat)!;
  const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null };
  // Her contact data and home as the register holds them now (not versioned: today's personal data).
  await importPegawai(
    sdb,
    tenantId,
    table([{ ...perawat, email: EMAIL, telepon: TELEPON, rumah_lat: '-7.8811', rumah_lng: '112.5222' }]),
    { ...opts, berlakuMulai: '2024-01-01' },
  );
  await importPegawai(
    sdb,
    tenantId,
    table([
      {
        ...perawat,
        opd_kode: 'BPBD',
        atasan_nip: NIP.kalak,
        email: EMAIL,
        telepon: TELEPON,
        rumah_lat: '-7.8811',
        rumah_lng: '112.5222',
      },
    ]),
    { ...opts, berlakuMulai: PINDAH },
  );
  await withTenant(sdb, tenantId, async (trx) => {
    await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
      username: 'admin.bpbd',
      nama: 'Admin BPBD',
      password: PASSWORD,
      nip: null,
      roles: [{ role: 'opd_admin', opdKode: 'BPBD' }],
    });
    await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
      username: 'sari',
      nama: 'Sari Perawat',
      password: PASSWORD,
      nip: NIP.perawat,
      roles: [{ role: 'employee', opdKode: null }],
    });
    perawatId = (
      await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.perawat).executeTakeFirstOrThrow()
    ).id;
  });
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  for (const u of ['admin', 'admin.dinkes', 'admin.bpbd', 'sari']) sesi.set(u, await masuk(u));
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

interface Detail {
  opd_kode: string;
  email: string | null;
  telepon: string | null;
  rumah_lat: number | null;
  rumah_disembunyikan: boolean;
  kontak_disembunyikan: boolean;
  riwayat: { opd_kode: string; berlaku_dari: string }[];
}

describe('reading a person across a move', () => {
  it('the old OPD sees the old placement on its dates, but not her current e-mail, phone or home', async () => {
    const res = await minta('admin.dinkes', 'GET', `/api/pegawai/${perawatId}?tanggal=${SEBELUM}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Detail>();
    expect(d.opd_kode).toBe('PKM-BATU');
    expect(d.email).toBeNull();
    expect(d.telepon).toBeNull();
    expect(d.rumah_lat).toBeNull();
    expect(d.rumah_disembunyikan).toBe(true);
    expect(d.kontak_disembunyikan).toBe(true);
    // her BPBD placement was never DINKES's to see
    expect(d.riwayat.map((r) => r.opd_kode)).toEqual(['PKM-BATU']);
    expect(res.body).not.toContain(EMAIL);
    expect(res.body).not.toContain(TELEPON);
    expect(res.body).not.toContain('BPBD');
  });

  it('the old OPD is refused her current placement; the new OPD is refused her old one', async () => {
    expect((await minta('admin.dinkes', 'GET', `/api/pegawai/${perawatId}`)).statusCode).toBe(403);
    const lama = await minta('admin.bpbd', 'GET', `/api/pegawai/${perawatId}?tanggal=${SEBELUM}`);
    expect(lama.statusCode).toBe(403);
    expect(lama.body).not.toContain(EMAIL);
  });

  it('the new OPD and the person herself see her contact data and home today', async () => {
    for (const u of ['admin.bpbd', 'sari']) {
      const d = (await minta(u, 'GET', `/api/pegawai/${perawatId}`)).json<Detail>();
      expect(d).toMatchObject({ opd_kode: 'BPBD', email: EMAIL, telepon: TELEPON, rumah_lat: -7.8811 });
    }
    // she sees her whole history; the new OPD only its own part of it
    const sendiri = (await minta('sari', 'GET', `/api/pegawai/${perawatId}`)).json<Detail>();
    expect(sendiri.riwayat.map((r) => r.opd_kode)).toEqual(['BPBD', 'PKM-BATU']);
    const bpbd = (await minta('admin.bpbd', 'GET', `/api/pegawai/${perawatId}`)).json<Detail>();
    expect(bpbd.riwayat.map((r) => r.opd_kode)).toEqual(['BPBD']);
  });

  it('lists follow the date asked: DINKES finds her before the move, BPBD after it', async () => {
    const nips = async (u: string, tanggal: string) =>
      (await minta(u, 'GET', `/api/pegawai?tanggal=${tanggal}`))
        .json<{ rows: { nip: string | null }[] }>()
        .rows.map((r) => r.nip);
    expect(await nips('admin.dinkes', SEBELUM)).toContain(NIP.perawat);
    expect(await nips('admin.bpbd', SEBELUM)).not.toContain(NIP.perawat);
    expect(await nips('admin.dinkes', PINDAH)).not.toContain(NIP.perawat);
    expect(await nips('admin.bpbd', PINDAH)).toContain(NIP.perawat);
  });

  it('an export as of an old date carries no current personal data of someone who left', async () => {
    const res = await minta('admin.dinkes', 'GET', `/api/ekspor/pegawai?format=json&tanggal=${SEBELUM}`);
    expect(res.statusCode).toBe(200);
    const row = res.json<Record<string, string>[]>().find((r) => r.nip === NIP.perawat)!;
    expect(row).toMatchObject({ opd_kode: 'PKM-BATU', email: '', telepon: '', rumah_lat: '', rumah_lng: '' });
    // the Pemda admin still exports everything
    const semua = await minta('admin', 'GET', `/api/ekspor/pegawai?format=json&tanggal=${SEBELUM}`);
    expect(semua.json<Record<string, string>[]>().find((r) => r.nip === NIP.perawat)).toMatchObject({
      email: EMAIL,
      telepon: TELEPON,
    });
  });
});

describe('writing for a person across a move: every date written must be in scope', () => {
  it('POST /api/cuti/catat backdated across the move is refused to both OPDs, each part allowed to its own', async () => {
    const lintas = { key: NIP.perawat, jenis: 'cuti_tahunan', dari: '2026-02-23', sampai: '2026-03-06' };
    for (const u of ['admin.dinkes', 'admin.bpbd']) {
      const res = await minta(u, 'POST', '/api/cuti/catat', lintas);
      expect(res.statusCode, `${u}: ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'DILARANG' });
    }
    // DINKES records a day that was its own; BPBD one that is its own
    const lama = await minta('admin.dinkes', 'POST', '/api/cuti/catat', {
      ...lintas,
      dari: '2026-02-09',
      sampai: '2026-02-10',
    });
    expect(lama.statusCode, lama.body).toBe(201);
    const baru = await minta('admin.bpbd', 'POST', '/api/cuti/catat', {
      ...lintas,
      dari: '2026-03-09',
      sampai: '2026-03-10',
    });
    expect(baru.statusCode, baru.body).toBe(201);
    // and neither for the other's days
    const salah = await minta('admin.dinkes', 'POST', '/api/cuti/catat', {
      ...lintas,
      dari: '2026-03-16',
      sampai: '2026-03-16',
    });
    expect(salah.statusCode).toBe(403);
  });

  it('the leave register shows each OPD the entries of its own days: DINKES keeps her February leave', async () => {
    const daftar = async (u: string) =>
      (await minta(u, 'GET', '/api/cuti?untuk=semua'))
        .json<{ dari: string; pegawai: { key: string } }[]>()
        .filter((x) => x.pegawai.key === NIP.perawat)
        .map((x) => x.dari);
    // entered above by each OPD for its own days
    expect(await daftar('admin.dinkes')).toContain('2026-02-09');
    expect(await daftar('admin.dinkes')).not.toContain('2026-03-09');
    expect(await daftar('admin.bpbd')).toContain('2026-03-09');
    expect(await daftar('admin.bpbd')).not.toContain('2026-02-09');
  });

  it('POST /api/cuti/impor refuses a row whose days reach back before the person came into scope', async () => {
    const csv = `nip,jenis,dari,sampai,keterangan\n${NIP.perawat},cuti_tahunan,2026-02-25,2026-03-04,lintas\n`;
    const res = await minta('admin.bpbd', 'POST', '/api/cuti/impor?nama=cuti.csv', csv, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json<{ code: string; issues: { baris: number; kode: string }[] }>();
    expect(body.code).toBe('IMPOR_GAGAL');
    expect(body.issues).toEqual([expect.objectContaining({ baris: 2, kode: 'DI_LUAR_LINGKUP' })]);
    const ok = await minta(
      'admin.bpbd',
      'POST',
      '/api/cuti/impor?nama=cuti.csv',
      `nip,jenis,dari,sampai,keterangan\n${NIP.perawat},cuti_tahunan,2026-03-23,2026-03-24,\n`,
      { 'content-type': 'text/csv' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ jumlah: 1 });
  });

  it('a leave request reaching across the move is decided by neither OPD admin', async () => {
    const aju = await minta('sari', 'POST', '/api/cuti', {
      jenis: 'cuti_tahunan',
      dari: '2026-02-26',
      sampai: '2026-03-03',
    });
    expect(aju.statusCode, aju.body).toBe(201);
    const id = aju.json<{ id: string }>().id;
    for (const u of ['admin.dinkes', 'admin.bpbd']) {
      const res = await minta(u, 'POST', `/api/cuti/${id}/putusan`, { setuju: true });
      expect(res.statusCode, `${u}: ${res.body}`).toBe(403);
    }
    // neither is offered the decision in the register; each sees the request, which touches its days
    for (const u of ['admin.dinkes', 'admin.bpbd']) {
      const d = (await minta(u, 'GET', '/api/cuti?untuk=semua')).json<
        { id: string; boleh_putus: boolean }[]
      >();
      expect(
        d.find((x) => x.id === id),
        u,
      ).toMatchObject({ boleh_putus: false });
      const menunggu = (await minta(u, 'GET', '/api/cuti?untuk=persetujuan')).json<{ id: string }[]>();
      expect(menunggu.map((x) => x.id)).not.toContain(id);
    }
    // the Pemda admin may
    const ok = await minta('admin', 'POST', `/api/cuti/${id}/putusan`, { setuju: false, catatan: 'uji' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('an employee import rewriting her placement from a date before the move is refused to the new OPD', async () => {
    const perawat = PEGAWAI_ROWS.find((r) => r.nip === NIP.perawat)!;
    const row = { ...perawat, opd_kode: 'BPBD', atasan_nip: NIP.kalak, jabatan: 'Perawat Ahli Muda' };
    const csv = `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`;
    const tunggu = async (id: string) => {
      for (let i = 0; i < 400; i++) {
        const j = (await minta('admin.bpbd', 'GET', `/api/impor/${id}`)).json<{
          status: string;
          galat: unknown;
        }>();
        if (j.status !== 'berjalan') return j;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('import did not finish');
    };
    const kirim = async (berlaku: string) => {
      const res = await minta('admin.bpbd', 'POST', `/api/impor/pegawai?nama=p.csv&berlaku=${berlaku}`, csv, {
        'content-type': 'text/csv',
      });
      expect(res.statusCode, res.body).toBe(202);
      return tunggu(res.json<{ id: string }>().id);
    };
    const mundur = await kirim(SEBELUM);
    expect(mundur.status).toBe('gagal');
    expect(JSON.stringify(mundur.galat)).toContain('DI_LUAR_CAKUPAN');
    // her DINKES February is untouched
    const feb = (await minta('admin', 'GET', `/api/pegawai/${perawatId}?tanggal=${SEBELUM}`)).json<Detail>();
    expect(feb.opd_kode).toBe('PKM-BATU');
    // from a date since she came, the new OPD keeps her record
    expect((await kirim('2026-03-16')).status).toBe('berhasil');
  });

  it('schedule cells and recap imports are refused for a date on which the person was not in scope', async () => {
    const sel = await minta('admin.dinkes', 'POST', '/api/jadwal/sel', {
      key: NIP.perawat,
      tanggal: '2026-03-09',
      status: 'WFO',
    });
    expect(sel.statusCode, sel.body).toBe(403);
    const rekap = await minta(
      'admin.bpbd',
      'POST',
      '/api/jadwal/impor?nama=rekap.csv',
      `nip,tanggal,status\n${NIP.perawat},${SEBELUM},WFO\n`,
      { 'content-type': 'text/csv' },
    );
    expect(rekap.statusCode, rekap.body).toBe(422);
    expect(rekap.json<{ issues: { kode: string }[] }>().issues).toEqual([
      expect.objectContaining({ kode: 'DI_LUAR_LINGKUP' }),
    ]);
  });
});
