import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIP } from '../../../test/fixtures.ts';
import { multipart } from '../../../test/multipart.ts';
import { absenSepanjangHari, appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { bacaFoto, cermin, labelFoto } from '../../../test/wajah.ts';
import { withTenant } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { daftarkanPerangkat } from './perangkat.service.ts';
import { terbitkanToken } from './token.service.ts';

/*
 * Kiosk mode with the real model on a real database (issue 10 item 4): a tablet of SETDA recognises any of
 * the people placed in SETDA and its units, one-to-many, with the same challenge and reasons as a phone.
 * Person A (server/test/wajah.ts labels) is the employee NIP.staf of BAG-UMUM (under SETDA), enrolled by
 * herself from three frontal photos; person B is the unit head NIP.kabag of BAG-UMUM, enrolled by the Pemda
 * admin from three photos (b-5..b-7); person C (person-vlado*) is enrolled nowhere. The expected people follow from who is in
 * the frames, never from the engine's numbers.
 */

let u: Awaited<ReturnType<typeof appUji>>;
let tokenSetda: string;
let tokenDinkes: string;
const f = (n: string) => bacaFoto(`stock-emotions-${n}.jpg`);
const A = { depan: f('a-3'), kiri: f('a-2'), kanan: cermin(f('a-2')) };
// B's frames are not the enrolled photos except b-7's turn (b-8 facing, mirrored b-3 turned left)
const B = { depan: f('b-8'), kiri: cermin(f('b-3')), kanan: f('b-7') };
const vlado = bacaFoto('person-vlado.jpg');
const C = { depan: vlado, kiri: bacaFoto('person-vlado1.jpg'), kanan: cermin(vlado) };
const nama = new Map<string, string>();

async function daftarkanWajah(sesi: Sesi, url: string, foto: readonly Uint8Array[]) {
  const { payload, headers } = await multipart(
    {},
    foto.map((isi, i) => ({ isi, nama: `${i}.jpg` })),
  );
  const r = await u.app.inject({ method: 'POST', url, headers: { ...sesi, ...headers }, payload });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json(), r.body).toMatchObject({ disimpan: true, jumlah_templat: 3 });
}

beforeAll(async () => {
  for (const n of ['a-1', 'a-2', 'a-3', 'a-5', 'a-7'])
    expect(labelFoto(`stock-emotions-${n}.jpg`)).toEqual({ orang: 'A' });
  for (const n of ['b-3', 'b-5', 'b-6', 'b-7', 'b-8'])
    expect(labelFoto(`stock-emotions-${n}.jpg`)).toEqual({ orang: 'B' });
  for (const n of ['vlado', 'vlado1']) expect(labelFoto(`person-${n}.jpg`)).toEqual({ orang: 'C' });
  u = await appUji('kota-kios-model', '2024-01-01');
  const pegawai = new Map<string, string>();
  await absenSepanjangHari(u.sdb, u.tenantId);
  await withTenant(u.sdb, u.tenantId, async (trx) => {
    for (const r of await trx.selectFrom('pegawai').select(['id', 'nip', 'nama']).execute()) {
      if (r.nip) pegawai.set(r.nip, r.id);
      nama.set(r.id, r.nama);
    }
    for (const [kode, opd] of [
      ['KIOS-SETDA', 'SETDA'],
      ['KIOS-DINKES', 'DINKES'],
    ] as const)
      await daftarkanPerangkat(trx, u.tenantId, SYSTEM_ACTOR, null, {
        kode,
        nama: kode,
        opdKode: opd,
        jenis: 'kiosk',
      });
    tokenSetda = (await terbitkanToken(trx, u.tenantId, SYSTEM_ACTOR, null, 'KIOS-SETDA')).token;
    tokenDinkes = (await terbitkanToken(trx, u.tenantId, SYSTEM_ACTOR, null, 'KIOS-DINKES')).token;
  });
  const saya = await masuk(u.app, 'pegawai');
  const s = await u.app.inject({
    method: 'POST',
    url: '/api/wajah/saya/persetujuan',
    headers: saya,
    payload: {},
  });
  expect(s.statusCode, s.body).toBe(200);
  await daftarkanWajah(saya, '/api/wajah/saya/foto', [f('a-1'), f('a-5'), f('a-7')]);
  const admin = await masuk(u.app, 'admin');
  const c = pegawai.get(NIP.kabag)!;
  const p = await u.app.inject({
    method: 'POST',
    url: `/api/wajah/pegawai/${c}/persetujuan`,
    headers: admin,
    payload: { keterangan: 'Formulir persetujuan bertanda tangan' },
  });
  expect(p.statusCode, p.body).toBe(200);
  await daftarkanWajah(admin, `/api/wajah/pegawai/${c}/foto`, ['b-5', 'b-6', 'b-7'].map(f));
}, 180_000);
afterAll(async () => {
  await u?.tutup();
});

type Jawaban = {
  id: string;
  hasil: string;
  alasan: string;
  pesan: { id: string; en: string };
  nama?: string | null;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function tantangan(token: string): Promise<{ id: string; langkah: string[] }> {
  const r = await u.app.inject({
    method: 'POST',
    url: '/api/kehadiran/tantangan',
    headers: bearer(token),
    payload: {},
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** A kiosk check-in: a challenge, then the frames `bingkai` makes for its steps. */
async function absen(
  token: string,
  bingkai: (langkah: readonly string[]) => readonly Uint8Array[],
  jenis = 'masuk',
) {
  const t = await tantangan(token);
  const { payload, headers } = await multipart(
    { tantangan_id: t.id, jenis, id_klien: randomUUID() },
    bingkai(t.langkah).map((isi) => ({ isi })),
  );
  const r = await u.app.inject({
    method: 'POST',
    url: '/api/kehadiran',
    headers: { ...bearer(token), ...headers },
    payload,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Jawaban>();
}

/** A person's frames answering the steps: facing, then each asked turn (`terbalik`: the other way). */
const gerak =
  (o: typeof A, terbalik = false) =>
  (langkah: readonly string[]) => [
    o.depan,
    ...langkah.map((l) => ((l === 'toleh_kiri') !== terbalik ? o.kiri : o.kanan)),
  ];

/** Answers the kiosk's challenge with a person's movements. */
const absenOrang = (token: string, o: typeof A, jenis = 'masuk') => absen(token, gerak(o), jenis);

const baris = (id: string) =>
  withTenant(u.sdb, u.tenantId, (trx) =>
    trx
      .selectFrom('kehadiran as k')
      .innerJoin('perangkat as p', 'p.id', 'k.perangkat_id')
      .select(['k.pegawai_id', 'k.sumber', 'p.kode', 'k.lat', 'k.hasil', 'k.skor'])
      .where('k.id', '=', id)
      .executeTakeFirstOrThrow(),
  );

describe('kiosk: one-to-many with the real model', () => {
  it('recognises A among the office people and records her check-in, naming her on the screen', async () => {
    const j = await absenOrang(tokenSetda, A);
    expect(j, JSON.stringify(j)).toMatchObject({ hasil: 'diterima', alasan: 'diterima' });
    const r = await baris(j.id);
    expect(r).toMatchObject({ sumber: 'kiosk', kode: 'KIOS-SETDA', lat: null, hasil: 'diterima' });
    expect(nama.get(r.pegawai_id!)).toBe(j.nama);
    expect(j.nama).toEqual(expect.any(String));
    // the person is A (NIP.staf), not the other enrolled person
    const staf = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.staf).executeTakeFirstOrThrow(),
    );
    expect(r.pegawai_id).toBe(staf.id);
  });

  it('recognises B too, as B: one-to-many picks the right person', async () => {
    const j = await absenOrang(tokenSetda, B);
    expect(j, JSON.stringify(j)).toMatchObject({ hasil: 'diterima' });
    const kabag = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('pegawai').select(['id', 'nama']).where('nip', '=', NIP.kabag).executeTakeFirstOrThrow(),
    );
    expect((await baris(j.id)).pegawai_id).toBe(kabag.id);
    expect(j.nama).toBe(kabag.nama);
  });

  it('someone enrolled nowhere is not recognised, in words, and nobody is named or charged', async () => {
    const j = await absenOrang(tokenSetda, C);
    expect(j).toMatchObject({ hasil: 'ditolak', alasan: 'wajah_tidak_cocok', nama: null });
    expect(j.pesan.id).toMatch(/^Wajah tidak dikenali di kios ini/);
    expect(await baris(j.id)).toMatchObject({ pegawai_id: null, sumber: 'kiosk' });
  });

  it('A at the kiosk of another OPD is not recognised there', async () => {
    const j = await absenOrang(tokenDinkes, A);
    expect(j).toMatchObject({ hasil: 'ditolak', alasan: 'wajah_tidak_cocok', nama: null });
  });

  it('several faces and no face are refused for that, before anyone is recognised', async () => {
    const banyak = await absen(tokenSetda, () => [bacaFoto('group-1.jpg')]);
    expect(banyak).toMatchObject({ hasil: 'ditolak', alasan: 'banyak_wajah', nama: null });
    const kosong = await absen(tokenSetda, () => [bacaFoto('background.jpg')]);
    expect(kosong).toMatchObject({ hasil: 'ditolak', alasan: 'tidak_ada_wajah', nama: null });
  });

  it('the movements in the wrong order fail the challenge for the recognised person', async () => {
    const j = await absen(tokenSetda, gerak(A, true));
    expect(j).toMatchObject({ hasil: 'ditolak', alasan: 'tantangan_gagal' });
  });

  it('after A withdraws her consent the kiosk no longer knows her (the gallery follows the templates)', async () => {
    const saya = await masuk(u.app, 'pegawai');
    const d = await u.app.inject({ method: 'DELETE', url: '/api/wajah/saya', headers: saya });
    expect(d.statusCode, d.body).toBe(200);
    const j = await absenOrang(tokenSetda, A, 'pulang');
    expect(j).toMatchObject({ hasil: 'ditolak', alasan: 'wajah_tidak_cocok', nama: null });
  });
});
