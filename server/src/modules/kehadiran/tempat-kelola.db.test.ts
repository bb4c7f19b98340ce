import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { tempatHari } from './tempat.service.ts';

/*
 * Managing the extra check-in places through the real routes (docs/kehadiran.md §1): create, list,
 * change, deactivate and reactivate; an OPD admin only within their OPD/units, never another Pemda's;
 * bad shapes refused in words naming the field or point; and what it is for — a piket post added for a
 * unit is where that unit's people may check in (`tempatHari`), until it is deactivated.
 */

let sdb: SigapDatabase & { cleanup(): Promise<void> };
let app: App;
let A: string;
type Sesi = { cookie: string; 'x-csrf-token': string };
const sesi: Record<string, Sesi> = {};

async function masuk(username: string, pemda: string): Promise<Sesi> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD, pemda },
  });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
  return { cookie: `sigap_sid=${c.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
}

const kirim = (s: Sesi, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  payload === undefined
    ? app.inject({ method, url, headers: s })
    : app.inject({ method, url, headers: s, payload });

interface Item {
  id: string;
  opd_kode: string;
  nama: string;
  jenis: string;
  lat: number | null;
  radius_m: number | null;
  poligon: [number, number][] | null;
  aktif: boolean;
  warisan: boolean;
  boleh_ubah: boolean;
}

const POS = {
  opd_kode: 'PKM-BATU',
  nama: 'Pos piket Pasar Batu',
  jenis: 'pos_piket',
  lat: -7.87,
  lng: 112.53,
  radius_m: 60,
};

beforeAll(async () => {
  sdb = await freshDatabase();
  A = await seedSmallPemda(sdb, 'kota-tempat-a');
  await seedSmallPemda(sdb, 'kota-tempat-b');
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  await app.ready();
  sesi.admin = await masuk('admin', 'kota-tempat-a');
  sesi.dinkes = await masuk('admin.dinkes', 'kota-tempat-a');
  sesi.dinkesB = await masuk('admin.dinkes', 'kota-tempat-b');
  sesi.adminB = await masuk('admin', 'kota-tempat-b');
});

afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

const perawat = () =>
  withTenant(sdb, A, async (trx) => {
    const p = await trx
      .selectFrom('pegawai')
      .select('id')
      .where('nip', '=', NIP.perawat)
      .executeTakeFirstOrThrow();
    return (await tempatHari(trx, p.id, '2024-03-04')).tempat.map((t) => t.nama);
  });

describe('/api/kehadiran/tempat', () => {
  it('a piket post an OPD admin adds for a unit is where its people may check in, until deactivated', async () => {
    expect(await perawat()).not.toContain(POS.nama);
    const buat = await kirim(sesi.dinkes!, 'POST', '/api/kehadiran/tempat', POS);
    expect(buat.statusCode, buat.body).toBe(201);
    const t = buat.json<Item>();
    expect(t).toMatchObject({ opd_kode: 'PKM-BATU', nama: POS.nama, radius_m: 60, aktif: true });
    expect(await perawat()).toContain(POS.nama);

    const mati = await kirim(sesi.dinkes!, 'POST', `/api/kehadiran/tempat/${t.id}/nonaktifkan`);
    expect(mati.statusCode, mati.body).toBe(200);
    expect(mati.json<Item>().aktif).toBe(false);
    expect(await perawat()).not.toContain(POS.nama);
    // never deleted: still listed, flagged inactive
    const daftar = (await kirim(sesi.dinkes!, 'GET', '/api/kehadiran/tempat?opd=PKM-BATU')).json<Item[]>();
    expect(daftar).toContainEqual(expect.objectContaining({ id: t.id, aktif: false }));

    const hidup = await kirim(sesi.dinkes!, 'POST', `/api/kehadiran/tempat/${t.id}/aktifkan`);
    expect(hidup.json<Item>().aktif).toBe(true);
    expect(await perawat()).toContain(POS.nama);

    const audit = await withTenant(sdb, A, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('aksi')
        .where('entitas', '=', 'tempat_absen')
        .where('entitas_id', '=', t.id)
        .execute(),
    );
    expect(audit.map((a) => a.aksi).sort()).toEqual(['aktifkan', 'buat', 'nonaktifkan']);
  });

  it('changes the name, kind and shape (circle to polygon), audited with the version it replaced', async () => {
    const t = (
      await kirim(sesi.admin!, 'POST', '/api/kehadiran/tempat', { ...POS, nama: 'Lapangan lama' })
    ).json<Item>();
    const poligon: [number, number][] = [
      [-7.87, 112.53],
      [-7.87, 112.532],
      [-7.872, 112.532],
      [-7.872, 112.53],
    ];
    const ubah = await kirim(sesi.dinkes!, 'PUT', `/api/kehadiran/tempat/${t.id}`, {
      nama: 'Lapangan upacara',
      jenis: 'lapangan',
      poligon,
    });
    expect(ubah.statusCode, ubah.body).toBe(200);
    expect(ubah.json<Item>()).toMatchObject({
      nama: 'Lapangan upacara',
      jenis: 'lapangan',
      lat: null,
      radius_m: null,
      poligon,
    });
    expect(await perawat()).toContain('Lapangan upacara');
    const a = await withTenant(sdb, A, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['sebelum', 'sesudah'])
        .where('entitas_id', '=', t.id)
        .where('aksi', '=', 'ubah')
        .executeTakeFirstOrThrow(),
    );
    expect(a.sebelum).toMatchObject({ nama: 'Lapangan lama', radius_m: 60 });
    expect(a.sesudah).toMatchObject({ nama: 'Lapangan upacara', radius_m: null });
  });

  it('lists a unit’s own places and those inherited from above, which an OPD admin cannot change', async () => {
    const atas = (
      await kirim(sesi.admin!, 'POST', '/api/kehadiran/tempat', {
        ...POS,
        opd_kode: 'DINKES',
        nama: 'Gudang farmasi',
      })
    ).json<Item>();
    const setda = (
      await kirim(sesi.admin!, 'POST', '/api/kehadiran/tempat', {
        ...POS,
        opd_kode: 'SETDA',
        nama: 'Pendopo',
      })
    ).json<Item>();
    const daftar = (await kirim(sesi.dinkes!, 'GET', '/api/kehadiran/tempat?opd=PKM-BATU')).json<Item[]>();
    expect(daftar.find((x) => x.id === atas.id)).toMatchObject({ warisan: true, boleh_ubah: true });
    // SETDA is not above PKM-BATU (DINKES is a root of its own) — not listed for it
    expect(daftar.map((x) => x.id)).not.toContain(setda.id);
    const semua = (await kirim(sesi.dinkes!, 'GET', '/api/kehadiran/tempat')).json<Item[]>();
    expect(semua.map((x) => x.opd_kode)).not.toContain('SETDA');
    expect(
      (await kirim(sesi.admin!, 'GET', '/api/kehadiran/tempat')).json<Item[]>().map((x) => x.id),
    ).toContain(setda.id);
  });

  it('an OPD admin cannot touch another OPD’s places nor another Pemda’s', async () => {
    const setda = (
      await kirim(sesi.admin!, 'POST', '/api/kehadiran/tempat', { ...POS, opd_kode: 'SETDA', nama: 'Aula' })
    ).json<Item>();
    for (const [m, url, body] of [
      [
        'PUT',
        `/api/kehadiran/tempat/${setda.id}`,
        { nama: 'X', jenis: 'kantor', lat: -7.87, lng: 112.53, radius_m: 50 },
      ],
      ['POST', `/api/kehadiran/tempat/${setda.id}/nonaktifkan`, undefined],
    ] as const) {
      const r = await kirim(sesi.dinkes!, m, url, body);
      expect(r.statusCode, r.body).toBe(404);
      const lain = await kirim(sesi.dinkesB!, m, url, body);
      expect(lain.statusCode, lain.body).toBe(404);
      const adminLain = await kirim(sesi.adminB!, m, url, body);
      expect(adminLain.statusCode, adminLain.body).toBe(404);
    }
    expect((await kirim(sesi.dinkes!, 'GET', '/api/kehadiran/tempat?opd=SETDA')).statusCode).toBe(404);
    const luar = await kirim(sesi.dinkes!, 'POST', '/api/kehadiran/tempat', { ...POS, opd_kode: 'SETDA' });
    expect(luar.statusCode).toBe(400);
    expect(luar.json<{ message: string }>().message).toContain('opd_kode');
    expect((await kirim(sesi.adminB!, 'GET', '/api/kehadiran/tempat')).json<Item[]>()).toEqual([]);
    const still = await withTenant(sdb, A, (trx) =>
      trx
        .selectFrom('tempat_absen')
        .select(['nama', 'aktif'])
        .where('id', '=', setda.id)
        .executeTakeFirstOrThrow(),
    );
    expect(still).toEqual({ nama: 'Aula', aktif: true });
  });

  it('refuses bad shapes in words naming the field or the point', async () => {
    const kotak = (p: [number, number][]) => ({
      opd_kode: 'PKM-BATU',
      nama: 'Lapangan',
      jenis: 'lapangan',
      poligon: p,
    });
    const kasus: [object, string][] = [
      [{ ...POS, radius_m: 5 }, 'radius 5 m harus antara 10 dan 5000'],
      [{ ...POS, radius_m: 6000 }, 'radius 6000 m'],
      [{ ...POS, lat: 7.9, lng: 112.53 }, 'di luar wilayah Indonesia'],
      [{ ...POS, lat: 112.53, lng: -7.87 }, 'lintang dan bujur tertukar'],
      [{ ...POS, nama: '   ' }, 'nama'],
      [{ ...POS, radius_m: null }, 'lingkaran lengkap'],
      [
        {
          ...POS,
          poligon: [
            [-7.87, 112.53],
            [-7.87, 112.532],
            [-7.872, 112.532],
          ],
        },
        'tidak keduanya',
      ],
      [
        kotak([
          [-7.87, 112.53],
          [-7.87, 112.532],
        ]),
        'poligon harus punya 3',
      ],
      [
        kotak([
          [-7.87, 112.53],
          [-7.872, 112.532],
          [-7.87, 112.532],
          [-7.872, 112.53],
        ]),
        'saling berpotongan',
      ],
      [
        kotak([
          [-7.87, 112.53],
          [-7.87, 112.532],
          [12, 112.532],
        ]),
        'titik 3',
      ],
      [
        kotak([
          [-7.87, 112.53],
          [-7.87, 112.58],
          [-7.92, 112.58],
          [-7.92, 112.53],
        ]),
        'melebihi 25 km²',
      ],
    ];
    for (const [body, kata] of kasus) {
      const r = await kirim(sesi.admin!, 'POST', '/api/kehadiran/tempat', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json<{ message: string }>().message, JSON.stringify(body)).toContain(kata);
    }
  });
});
