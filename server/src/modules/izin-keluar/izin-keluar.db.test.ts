import { randomUUID } from 'node:crypto';
import { addDays } from '@sigap/domain';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { menunggu, tahan, tungguSampai } from '../../../test/latch.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { SYSTEM_ACTOR } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';
import { upsertUser } from '../auth/akun.service.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import * as repo from './izin-keluar.repository.ts';
import { izinKeluarUntukStatus } from './izin-keluar.service.ts';

/**
 * Going-out notices through the real HTTP app, on PGlite and (SIGAP_TEST_PG_URL) PostgreSQL. People of the
 * fixtures: Budi Staf (account `pegawai`, BAG-UMUM under SETDA) reports to Dewi Kabag (`kepala.umum`); Sari
 * Perawat (`perawat`) to dr. Kadinkes (`kadinkes`); Ir. Sekda (`sekda`) has no supervisor; `admin.setda` is
 * the OPD admin of SETDA, `admin.dinkes` of DINKES. The Pemda's zone is Asia/Jakarta (UTC+7). Notices lie
 * on days after today at written-out WIB times, so the bounds hold whatever the hour the test runs.
 */
let app: App;
let sdb: Awaited<ReturnType<typeof appUji>>['sdb'];
let tenantId: string;
let tutup: (() => Promise<void>) | undefined;
const S = new Map<string, Sesi>();
const PEMDA = 'kota-izin';
const LAIN = 'kota-izin-lain';
let hariIni: string;
const id = new Map<string, string>();

const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);
/** An ISO instant of a WIB local time, written with its zone as a phone would send it. */
const wib = (tanggal: string, jam: string) => `${tanggal}T${jam}:00+07:00`;
const utc = (tanggal: string, jam: string) => new Date(wib(tanggal, jam)).toISOString();
/** The day n days after today (local). */
const hari = (n: number) => addDays(hariIni, n);

function kirim(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { ...S.get(who)! },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}
const isian = (tanggal: string, dari: string, sampai: string, lain: Record<string, unknown> = {}) => ({
  jenis: 'kesehatan',
  alasan: 'kontrol gigi di puskesmas',
  dari: wib(tanggal, dari),
  sampai: wib(tanggal, sampai),
  id_klien: randomUUID(),
  ...lain,
});
const ajukan = (who: string, body: Record<string, unknown>) =>
  kirim(who, 'POST', '/api/wfh/izin-keluar', body);
const keberatan = (who: string, zid: string, catatan = 'tolong tetap di rumah') =>
  kirim(who, 'POST', `/api/wfh/izin-keluar/${zid}/keberatan`, { catatan });
const batal = (who: string, zid: string) => kirim(who, 'POST', `/api/wfh/izin-keluar/${zid}/batal`, {});
const pesanDari = (r: LightMyRequestResponse) => r.json<{ message: string }>().message;

interface Item {
  id: string;
  pegawai: { nama: string };
  tanggal: string;
  dari: string;
  sampai: string;
  keadaan: string;
  keberatan: { oleh: string; sebagai: string; catatan: string } | null;
  dibatalkan: { oleh: string } | null;
  boleh_keberatan: boolean;
  boleh_batal: boolean;
}
async function daftar(who: string, url: string) {
  const r = await kirim(who, 'GET', url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Item[]>();
}
const bawahan = (who: string, q = '') => daftar(who, `/api/wfh/izin-keluar/bawahan${q}`);
const saya = (who: string) => daftar(who, '/api/wfh/izin-keluar/saya');

const jumlahIzin = async () =>
  Number(
    (
      await run((trx) =>
        trx
          .selectFrom('izin_keluar')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      )
    ).n,
  );
const ringkasanAudit = async (entitasId: string) =>
  (
    await run((trx) =>
      trx
        .selectFrom('audit_log')
        .select(['aksi', 'ringkasan'])
        .where('entitas_id', '=', entitasId)
        .orderBy('id')
        .execute(),
    )
  ).map((r) => `${r.aksi}: ${r.ringkasan}`);
const pemberitahuan = (nip: string, jenis: string) =>
  run((trx) =>
    trx
      .selectFrom('pemberitahuan')
      .select(['judul', 'isi', 'tautan'])
      .where('pegawai_id', '=', id.get(nip)!)
      .where('jenis', '=', jenis)
      .orderBy('id')
      .execute(),
  );
/** A notice stored as if filed earlier (for started and long-past notices the API would now refuse). */
const simpanLangsung = (nip: string, tanggal: string, dari: string, sampai: string) =>
  run(
    async (trx) =>
      (
        await repo.insertIzin(trx, tenantId, {
          pegawai_id: id.get(nip)!,
          tanggal,
          jenis: 'keluarga',
          alasan: 'menjemput anak sakit',
          dari: new Date(wib(tanggal, dari)),
          sampai: new Date(wib(tanggal, sampai)),
          id_klien: randomUUID(),
          hash_isi: 'uji',
          diajukan_oleh: 'uji',
        })
      )?.id,
  ) as Promise<string>;

beforeAll(async () => {
  ({ sdb, app, tenantId, tutup } = await appUji(PEMDA, '2020-01-01'));
  await seedSmallPemda(sdb, LAIN, '2020-01-01');
  await run(async (trx) => {
    for (const p of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(p.nip!, p.id);
    for (const [username, nip, role, opdKode] of [
      ['perawat', NIP.perawat, 'employee', null],
      ['kadinkes', NIP.kadinkes, 'employee', null],
      ['sekda', NIP.sekda, 'employee', null],
      ['admin.setda', null, 'opd_admin', 'SETDA'],
    ] as const) {
      await upsertUser(trx, tenantId, SYSTEM_ACTOR, {
        username,
        nama: username,
        password: 'rahasia-uji-2026',
        nip,
        roles: [{ role, opdKode }],
      });
    }
    hariIni = await tenantToday(trx, tenantId);
  });
  for (const u of [
    'pegawai',
    'kepala.umum',
    'perawat',
    'kadinkes',
    'sekda',
    'admin.setda',
    'admin.dinkes',
    'admin',
  ])
    S.set(u, await masuk(app, u, { pemda: PEMDA }));
  S.set('lain', await masuk(app, 'kepala.umum', { pemda: LAIN }));
}, 60_000);
afterAll(async () => {
  await tutup?.();
});

describe('a notice filed, seen by the supervisor at once, objected to', () => {
  it('Budi files 09:00–11:00 tomorrow: stored, audited in words, Dewi told and shown it; she objects once; Budi sees it', async () => {
    const D = hari(1);
    const body = isian(D, '09:00', '11:00', { alasan: '  kontrol gigi di puskesmas  ' });
    const a = await ajukan('pegawai', body);
    expect(a.statusCode, a.body).toBe(201);
    const zid = a.json<{ id: string }>().id;
    expect(a.json()).toEqual({
      id: zid,
      tanggal: D,
      jenis: 'kesehatan',
      dari: utc(D, '09:00'),
      sampai: utc(D, '11:00'),
    });
    const kabar = await pemberitahuan(NIP.kabag, 'izin_keluar_diajukan');
    expect(kabar.at(-1)).toMatchObject({
      judul: 'Izin keluar dari Budi Staf',
      tautan: '/izin-keluar/bawahan',
    });
    expect(kabar.at(-1)!.isi).toMatch(/09\.00–11\.00 — berobat \/ kesehatan: kontrol gigi di puskesmas$/);

    const lihat = (await bawahan('kepala.umum')).find((x) => x.id === zid)!;
    expect(lihat).toMatchObject({
      pegawai: { nama: 'Budi Staf' },
      tanggal: D,
      dari: utc(D, '09:00'),
      keadaan: 'akan_datang',
      keberatan: null,
      boleh_keberatan: true,
      boleh_batal: false,
    });
    expect((await saya('pegawai')).find((x) => x.id === zid)).toMatchObject({
      boleh_batal: true,
      boleh_keberatan: false,
    });

    const k = await keberatan('kepala.umum', zid, 'rapat daring jam 10, mohon dijadwalkan ulang');
    expect(k.statusCode, k.body).toBe(200);
    expect(k.json()).toEqual({ id: zid, keberatan: true });
    const dua = await keberatan('kepala.umum', zid, 'sekali lagi');
    expect(dua.statusCode).toBe(409);
    expect(pesanDari(dua)).toContain('keberatan hanya sekali');

    expect((await saya('pegawai')).find((x) => x.id === zid)).toMatchObject({
      keberatan: {
        oleh: 'kepala.umum',
        sebagai: 'atasan',
        catatan: 'rapat daring jam 10, mohon dijadwalkan ulang',
      },
    });
    expect((await bawahan('kepala.umum')).find((x) => x.id === zid)!.boleh_keberatan).toBe(false);
    expect((await pemberitahuan(NIP.staf, 'izin_keluar_keberatan')).at(-1)).toMatchObject({
      judul: 'Atasan Anda keberatan atas izin keluar Anda',
      tautan: '/izin-keluar',
    });
    const audit = await ringkasanAudit(zid);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatch(
      /^ajukan: Budi Staf mengajukan izin keluar .* 09\.00–11\.00 \(berobat \/ kesehatan\): kontrol gigi di puskesmas$/,
    );
    expect(audit[1]).toMatch(
      /^keberatan: Keberatan atas izin keluar Budi Staf .* 09\.00–11\.00 \(sebagai atasan langsung\): rapat daring jam 10, mohon dijadwalkan ulang$/,
    );
  });

  it('a person without a supervisor: their OPD admin sees it and may object, as admin OPD', async () => {
    const a = await ajukan(
      'sekda',
      isian(hari(2), '13:00', '14:00', { jenis: 'urusan_dinas', alasan: 'ke bank' }),
    );
    expect(a.statusCode, a.body).toBe(201);
    const zid = a.json<{ id: string }>().id;
    expect((await bawahan('admin.setda')).find((x) => x.id === zid)!.boleh_keberatan).toBe(true);
    expect((await keberatan('admin.setda', zid)).statusCode).toBe(200);
    expect((await saya('sekda')).find((x) => x.id === zid)!.keberatan).toMatchObject({
      sebagai: 'admin_opd',
    });
  });
});

describe('the same notice sent twice (an offline queue)', () => {
  it('the same key and body answers the first notice, stores nothing; another body with it is 409', async () => {
    const body = isian(hari(3), '08:00', '08:45', { jenis: 'kebutuhan_pokok', alasan: 'beli beras' });
    const n = await jumlahIzin();
    const a = await ajukan('pegawai', body);
    expect(a.statusCode, a.body).toBe(201);
    const b = await ajukan('pegawai', body);
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toEqual(a.json());
    // the same instants written in UTC are the same request
    const c = await ajukan('pegawai', {
      ...body,
      dari: utc(hari(3), '08:00'),
      sampai: utc(hari(3), '08:45'),
    });
    expect(c.json()).toEqual(a.json());
    expect(await jumlahIzin()).toBe(n + 1);
    for (const lain of [
      { ...body, alasan: 'beli gula' },
      { ...body, sampai: wib(hari(3), '09:00') },
    ]) {
      const r = await ajukan('pegawai', lain);
      expect(r.statusCode).toBe(409);
      expect(pesanDari(r)).toContain('id_klien ini sudah dipakai');
    }
    // another person with the same key and body
    expect((await ajukan('perawat', body)).statusCode).toBe(409);
    expect(await jumlahIzin()).toBe(n + 1);
    expect((await ringkasanAudit(a.json<{ id: string }>().id)).length).toBe(1);
  });

  it('two identical requests at the same moment store one notice, and both answer it', async () => {
    const body = isian(hari(3), '15:00', '16:00');
    const n = await jumlahIzin();
    // On PostgreSQL both wait on Budi's row, then go one after the other.
    const pg = sdb.kind === 'postgres';
    const lepas = pg
      ? await tahan(sdb, `SELECT 1 FROM pegawai WHERE id = '${id.get(NIP.staf)}' FOR UPDATE`)
      : null;
    const dua = [ajukan('pegawai', body), ajukan('pegawai', body)];
    if (lepas) {
      // (a row lock is waited for on the holder's transaction id, not on the table)
      try {
        await tungguSampai(async () => (await menunggu(sdb)) >= 2, 'both held');
      } finally {
        await lepas();
      }
    }
    const res = await Promise.all(dua);
    expect(res.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(res[0]!.json()).toEqual(res[1]!.json());
    expect(await jumlahIzin()).toBe(n + 1);
    expect((await ringkasanAudit(res[0]!.json<{ id: string }>().id)).length).toBe(1);
  });
});

describe('who sees and who may object', () => {
  let zid: string;
  beforeAll(async () => {
    const a = await ajukan('pegawai', isian(hari(4), '10:00', '11:00'));
    expect(a.statusCode, a.body).toBe(201);
    zid = a.json<{ id: string }>().id;
  });

  it('another supervisor, another OPD`s admin, another Pemda: not in their list, 404 on objecting', async () => {
    for (const who of ['kadinkes', 'admin.dinkes', 'lain', 'perawat']) {
      expect(
        (await bawahan(who)).map((x) => x.id),
        who,
      ).not.toContain(zid);
      const r = await keberatan(who, zid);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(404);
    }
    // the Pemda admin holds no permission for it
    expect((await keberatan('admin', zid)).statusCode).toBe(403);
    expect((await kirim('admin', 'GET', '/api/wfh/izin-keluar/bawahan')).statusCode).toBe(403);
  });

  it('the person cannot object to their own; the OPD admin over someone with a supervisor sees it, read only', async () => {
    const sendiri = await keberatan('pegawai', zid);
    expect(sendiri.statusCode).toBe(403);
    expect(pesanDari(sendiri)).toContain('Hanya atasan langsung');
    const admin = (await bawahan('admin.setda')).find((x) => x.id === zid)!;
    expect(admin).toMatchObject({ pegawai: { nama: 'Budi Staf' }, boleh_keberatan: false });
    expect((await keberatan('admin.setda', zid)).statusCode).toBe(403);
    expect((await saya('pegawai')).find((x) => x.id === zid)!.keberatan).toBeNull();
  });

  it('someone else cannot withdraw it (404); the supervisor`s list takes a bounded range', async () => {
    expect((await batal('perawat', zid)).statusCode).toBe(404);
    expect((await batal('kepala.umum', zid)).statusCode).toBe(404);
    expect(
      (await bawahan('kepala.umum', `?dari=${hari(5)}&sampai=${hari(6)}`)).map((x) => x.id),
    ).not.toContain(zid);
    expect((await bawahan('kepala.umum', `?dari=${hari(4)}&sampai=${hari(4)}`)).map((x) => x.id)).toEqual([
      zid,
    ]);
    const jauh = await kirim(
      'kepala.umum',
      'GET',
      `/api/wfh/izin-keluar/bawahan?dari=${hari(0)}&sampai=${hari(63)}`,
    );
    expect(jauh.statusCode).toBe(400);
    expect(pesanDari(jauh)).toContain('paling lama 62 hari');
  });
});

describe('withdrawing', () => {
  it('before it starts: withdrawn once, the supervisor told; then it cannot be objected to', async () => {
    const a = await ajukan('perawat', isian(hari(5), '09:00', '10:00', { jenis: 'keluarga' }));
    const zid = a.json<{ id: string }>().id;
    const b = await batal('perawat', zid);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toEqual({ id: zid, dibatalkan: true });
    expect((await batal('perawat', zid)).statusCode).toBe(409);
    expect((await saya('perawat')).find((x) => x.id === zid)).toMatchObject({
      keadaan: 'dibatalkan',
      dibatalkan: { oleh: 'perawat' },
      boleh_batal: false,
    });
    const k = await keberatan('kadinkes', zid);
    expect(k.statusCode).toBe(409);
    expect(pesanDari(k)).toContain('sudah dibatalkan');
    expect((await pemberitahuan(NIP.kadinkes, 'izin_keluar_dibatalkan')).length).toBe(1);
    expect((await ringkasanAudit(zid)).at(-1)).toMatch(/^batalkan: Sari Perawat membatalkan izin keluar/);
    // a withdrawn notice no longer blocks the same hours
    expect((await ajukan('perawat', isian(hari(5), '09:00', '10:00'))).statusCode).toBe(201);
  });

  it('once started it stays: withdrawal refused in words; long after it ended no objection either', async () => {
    const mulai = await simpanLangsung(NIP.staf, hariIni, '00:00', '00:30');
    const r = await batal('pegawai', mulai);
    expect(r.statusCode).toBe(409);
    expect(pesanDari(r)).toContain('sudah dimulai');
    const lama = await simpanLangsung(NIP.staf, hari(-9), '09:00', '10:00');
    const k = await keberatan('kepala.umum', lama);
    expect(k.statusCode).toBe(400);
    expect(pesanDari(k)).toContain('paling lambat 7 hari');
  });
});

describe('bounds, refused in words', () => {
  it('after the fact, across midnight, too long, overlapping, unknown kind, no reason', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [isian(hari(-1), '09:00', '10:00'), 400, 'diajukan sebelum pergi'],
      [{ ...isian(hari(1), '23:00', '23:30'), sampai: wib(hari(2), '00:30') }, 400, 'hari yang sama'],
      [isian(hari(1), '06:00', '18:30'), 400, 'paling lama 12 jam'],
      [isian(hari(9), '09:00', '10:00'), 400, 'paling jauh 7 hari'],
      [isian(hari(1), '10:30', '12:00'), 400, 'bertumpang tindih dengan izin keluar Anda 09.00–11.00'],
      [isian(hari(1), '13:00', '14:00', { jenis: 'jalan_jalan' }), 400, 'jenis'],
      [isian(hari(1), '13:00', '14:00', { alasan: '' }), 400, 'alasan'],
      [isian(hari(1), '13:00', '14:00', { dari: '2026-01-01 09:00' }), 400, 'harus waktu ISO'],
      [isian(hari(1), '13:00', '14:00', { id_klien: 'bukan-uuid' }), 400, 'id_klien'],
    ];
    for (const [body, status, kata] of cases) {
      const r = await ajukan('pegawai', body);
      expect(r.statusCode, `${JSON.stringify(body)}: ${r.body}`).toBe(status);
      expect(pesanDari(r)).toContain(kata);
    }
    const panjang = await kirim('kepala.umum', 'GET', '/api/wfh/izin-keluar/bawahan');
    expect(panjang.statusCode).toBe(200);
    const kosong = await kirim('kepala.umum', 'POST', `/api/wfh/izin-keluar/${randomUUID()}/keberatan`, {
      catatan: '   ',
    });
    expect(kosong.statusCode).toBe(400);
  });
});

describe('what is kept, and what the day status reads', () => {
  it('the notice never changes; an objection or withdrawal is set once, even by SQL; no delete', async () => {
    const a = await ajukan('pegawai', isian(hari(6), '09:00', '10:00'));
    const zid = a.json<{ id: string }>().id;
    expect((await keberatan('kepala.umum', zid, 'tidak mendesak')).statusCode).toBe(200);
    for (const ubah of [
      sql`UPDATE izin_keluar SET sampai = sampai + interval '1 hour' WHERE id = ${zid}`,
      sql`UPDATE izin_keluar SET alasan = 'diubah' WHERE id = ${zid}`,
      sql`UPDATE izin_keluar SET keberatan_catatan = 'diubah' WHERE id = ${zid}`,
      sql`UPDATE izin_keluar SET keberatan_oleh = NULL, keberatan_pada = NULL, keberatan_sebagai = NULL, keberatan_catatan = NULL WHERE id = ${zid}`,
      sql`DELETE FROM izin_keluar WHERE id = ${zid}`,
    ]) {
      await expect(run((trx) => ubah.execute(trx))).rejects.toThrow(/izin keluar disimpan sebagai bukti/);
    }
    // a withdrawal once set stays too
    const b = await ajukan('pegawai', isian(hari(6), '13:00', '14:00'));
    const bid = b.json<{ id: string }>().id;
    expect((await batal('pegawai', bid)).statusCode).toBe(200);
    await expect(
      run((trx) => sql`UPDATE izin_keluar SET dibatalkan_oleh = 'lain' WHERE id = ${bid}`.execute(trx)),
    ).rejects.toThrow(/disimpan sebagai bukti/);
    const row = await run((trx) =>
      trx
        .selectFrom('izin_keluar')
        .select(['alasan', 'keberatan_catatan'])
        .where('id', '=', zid)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ alasan: 'kontrol gigi di puskesmas', keberatan_catatan: 'tidak mendesak' });
  });

  it('izinKeluarUntukStatus: by person and local day, withdrawn left out, objection state given', async () => {
    // six days ahead (seven, at a later hour than now, would be beyond a notice's bound), hours of its own
    const D = hari(6);
    const a = (await ajukan('pegawai', isian(D, '17:00', '18:00'))).json<{ id: string }>().id;
    const b = (await ajukan('pegawai', isian(D, '19:00', '20:30'))).json<{ id: string }>().id;
    const c = (await ajukan('pegawai', isian(D, '21:00', '21:30'))).json<{ id: string }>().id;
    expect((await keberatan('kepala.umum', b)).statusCode).toBe(200);
    expect((await batal('pegawai', c)).statusCode).toBe(200);
    const peta = await run((trx) =>
      izinKeluarUntukStatus(trx, [id.get(NIP.staf)!, id.get(NIP.perawat)!], D, D),
    );
    expect([...peta.keys()]).toEqual([`${id.get(NIP.staf)}|${D}`]);
    expect(
      peta
        .get(`${id.get(NIP.staf)}|${D}`)!
        // this test's three (an earlier test filed another on that day)
        .filter((z) => [a, b, c].includes(z.id))
        .map((z) => [z.id, z.dari.toISOString(), z.sampai.toISOString(), z.keberatan]),
    ).toEqual([
      [a, utc(D, '17:00'), utc(D, '18:00'), false],
      [b, utc(D, '19:00'), utc(D, '20:30'), true],
    ]);
  });
});
