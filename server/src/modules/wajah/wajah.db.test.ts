import type { Role } from '@sigap/domain';
import { type Deskripsi, kemiripanKosinus } from '@sigap/domain/wajah/sampel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import type { Caller } from '../../caller.ts';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type App, buildApp } from '../../http/app.ts';
import { bacaCincin, type CincinKunci, cincinAcak, vektorKeBytes } from './kunci.ts';
import { skorTerbaik } from './mesin/kemiripan.ts';
import {
  cabutPersetujuan,
  daftarkanWajah,
  hapusKedaluwarsa,
  type KonteksWajah,
  konteksDari,
  rekeyWajah,
  type SampelWajah,
  templatOpd,
  templatUntuk,
  ubahPengaturanWajah,
} from './wajah.service.ts';

/*
 * Face enrolment's storage and privacy side on a real database (PGlite, or PostgreSQL with
 * SIGAP_TEST_PG_URL): templates encrypted at rest, consent before enrolment, withdrawal deletes,
 * scope and tenant isolation, bad descriptions refused, key rotation, kept photos and their retention.
 * The descriptions are made-up vectors (the engine is not used here): person P is near one direction,
 * person Q near another.
 */

const MODEL = 'mobilefacenet@uji-1';
const DIM = 192;
const AMBANG = 0.6;
const OPSI = { mirip: kemiripanKosinus, ambang: AMBANG };

/** A description of "person" `arah` (a direction), varied a little by `k`. */
function wajah(arah: number, k: number, model = MODEL, dim = DIM): Deskripsi {
  const v = new Float32Array(dim);
  for (let i = 0; i < dim; i++)
    v[i] = Math.sin((i + 1) * (arah + 1) * 0.37) + 0.05 * Math.cos((i + 3) * (k + 1));
  return { model, vektor: v };
}
const layak = { layak: true, alasan: [], nilai: { lebar_wajah: 180, skor_deteksi: 0.97 } };
const sampel = (arah: number, n: number, mulai = 0, model = MODEL, dim = DIM): SampelWajah[] =>
  Array.from({ length: n }, (_, i) => ({ deskripsi: wajah(arah, mulai + i, model, dim), kualitas: layak }));

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let A: string;
let B: string;
const kunci: CincinKunci = cincinAcak('k1');
const id = new Map<string, string>();
const idB = new Map<string, string>();

async function pemanggil(tenantId: string, username: string): Promise<Caller> {
  return withTenant(sdb, tenantId, async (trx) => {
    const u = await trx
      .selectFrom('app_user')
      .select(['id', 'username', 'nama', 'pegawai_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const g = await trx
      .selectFrom('user_role')
      .select(['role', 'opd_id'])
      .where('user_id', '=', u.id)
      .execute();
    return {
      userId: u.id,
      username: u.username,
      nama: u.nama,
      tenantId,
      pegawaiId: u.pegawai_id,
      grants: g.map((x) => ({ role: x.role as Role, opdId: x.opd_id })),
      csrfToken: '',
    };
  });
}
const ctx = async (username: string, tenantId = A): Promise<KonteksWajah> =>
  konteksDari(await pemanggil(tenantId, username));
const jalan = <T>(fn: Parameters<typeof withTenant<T>>[2], t = A) => withTenant(sdb, t, fn);

async function galat(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function jumlahTemplat(pegawaiId: string, t = A) {
  return jalan(async (trx) => {
    const r = await trx
      .selectFrom('wajah_template')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('pegawai_id', '=', pegawaiId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }, t);
}

beforeAll(async () => {
  sdb = await freshDatabase();
  A = await seedSmallPemda(sdb, 'kota-wajah-a');
  B = await seedSmallPemda(sdb, 'kota-wajah-b');
  for (const [t, m] of [
    [A, id],
    [B, idB],
  ] as const) {
    const rows = await withTenant(sdb, t, (trx) => trx.selectFrom('pegawai').select(['id', 'nip']).execute());
    for (const r of rows) m.set(r.nip!, r.id);
  }
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
});
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

describe(`face enrolment storage (${process.env.SIGAP_TEST_PG_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores templates encrypted: the table holds neither the vectors nor any 16 bytes of them', async () => {
    const saya = await ctx('pegawai');
    const s = sampel(0, 3);
    const r = await jalan((trx) =>
      daftarkanWajah(trx, saya, kunci, id.get(NIP.staf)!, { persetujuan: {}, sampel: s }, OPSI),
    );
    expect(r.sampel.map((x) => x.hasil)).toEqual(['diterima', 'diterima', 'diterima']);
    expect([r.disimpan, r.jumlahTemplat, r.lengkap, r.model]).toEqual([true, 3, true, MODEL]);
    const rows = await jalan((trx) =>
      trx
        .selectFrom('wajah_template')
        .select(['sandi', 'iv', 'kunci_id', 'dimensi', 'kualitas', 'sumber'])
        .where('pegawai_id', '=', id.get(NIP.staf)!)
        .execute(),
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const sandi = Buffer.from(row.sandi);
      expect(sandi.length).toBe(DIM * 4 + 16);
      expect([row.kunci_id, row.dimensi, row.sumber]).toEqual(['k1', DIM, 'kamera']);
      expect(row.kualitas).toEqual({ lebar_wajah: 180, skor_deteksi: 0.97 });
      for (const x of s) {
        const polos = vektorKeBytes(x.deskripsi.vektor);
        for (let i = 0; i + 16 <= polos.length; i += 16)
          expect(sandi.includes(polos.subarray(i, i + 16))).toBe(false);
      }
    }
    // Decrypted for verification, they are the vectors sent.
    const t = await jalan((trx) => templatUntuk(trx, A, kunci, id.get(NIP.staf)!, MODEL));
    expect(t.templat.map((x) => [...x.vektor])).toEqual(
      expect.arrayContaining(s.map((x) => [...x.deskripsi.vektor])),
    );
    expect(t.modelLain).toBe(0);
    // The consent was recorded as given by the person in the app.
    const p = await jalan((trx) =>
      trx.selectFrom('wajah_persetujuan').selectAll().where('pegawai_id', '=', id.get(NIP.staf)!).execute(),
    );
    expect(p.map((x) => [x.cara, x.dicatat_nama, x.dicabut_pada])).toEqual([['mandiri', 'pegawai', null]]);
  });

  it('answers per photo: the engine’s reasons, "not the same person", the total; the audit has no vector', async () => {
    const admin = await ctx('admin.dinkes');
    const perawat = id.get(NIP.perawat)!;
    const tolak = { layak: false, alasan: [{ id: 'beberapa wajah', en: 'several faces' }] };
    const r = await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        kunci,
        perawat,
        {
          persetujuan: { keterangan: 'formulir bertanda tangan no. 12/2026' },
          sampel: [
            ...sampel(1, 2),
            { deskripsi: wajah(1, 9), kualitas: tolak },
            { deskripsi: wajah(4, 0), kualitas: layak },
            ...sampel(1, 1, 5),
          ],
        },
        OPSI,
      ),
    );
    expect(r.sampel.map((x) => [x.urutan, x.hasil, x.alasan.map((a) => a.en)])).toEqual([
      [1, 'diterima', []],
      [2, 'diterima', []],
      [3, 'ditolak', ['several faces']],
      [4, 'ditolak', ['not the same person as the other photos']],
      [5, 'diterima', []],
    ]);
    expect(r.sampel[3]!.kemiripan).toBeLessThan(AMBANG);
    expect([r.disimpan, r.jumlahTemplat]).toEqual([true, 3]);
    const audit = await jalan((trx) =>
      trx
        .selectFrom('audit_log')
        .select(['aksi', 'sesudah', 'pelaku'])
        .where('entitas', '=', 'wajah')
        .where('entitas_id', '=', perawat)
        .orderBy('id')
        .execute(),
    );
    expect(audit.map((a) => [a.aksi, a.pelaku])).toEqual([
      ['persetujuan', 'admin.dinkes'],
      ['daftar', 'admin.dinkes'],
    ]);
    const teks = JSON.stringify(audit);
    // No run of numbers the length of a vector, nor any of the vector's values.
    expect(teks).not.toMatch(/(-?\d+\.\d+,){10}/);
    expect(teks).not.toContain(String(wajah(1, 0).vektor[0]).slice(0, 8));
    expect(audit[1]!.sesudah).toMatchObject({ diterima: 3, ditolak: 2, jumlah_templat: 3, disimpan: true });
    const sumber = await jalan((trx) =>
      trx
        .selectFrom('wajah_template')
        .select('sumber')
        .distinct()
        .where('pegawai_id', '=', perawat)
        .execute(),
    );
    expect(sumber).toEqual([{ sumber: 'petugas' }]);
  });

  it('fewer than three usable photos of one person: nothing is stored and the answer says how many more', async () => {
    const admin = await ctx('admin');
    const p = id.get(NIP.kalak)!;
    const r = await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        kunci,
        p,
        { persetujuan: { keterangan: 'disaksikan Kabag Umum' }, sampel: [...sampel(2, 2), ...sampel(3, 2)] },
        OPSI,
      ),
    );
    // Two of one person and two of another: which is meant cannot be told.
    expect(r.sampel.every((x) => x.hasil === 'ditolak')).toBe(true);
    expect(r.disimpan).toBe(false);
    expect(r.pesan.en).toBe(
      'Not stored: at least 3 usable photos of the same person are needed, 3 more; take more photos',
    );
    expect(await jumlahTemplat(p)).toBe(0);
    const dua = await jalan((trx) => daftarkanWajah(trx, admin, kunci, p, { sampel: sampel(2, 2) }, OPSI));
    expect([dua.disimpan, dua.pesan.en]).toEqual([
      false,
      'Not stored: at least 3 usable photos of the same person are needed, 1 more; take more photos',
    ]);
    // A third photo later completes the enrolment with the two... only when sent together again.
    const tiga = await jalan((trx) => daftarkanWajah(trx, admin, kunci, p, { sampel: sampel(2, 3) }, OPSI));
    expect([tiga.disimpan, tiga.jumlahTemplat]).toEqual([true, 3]);
  });

  it('withdrawal deletes templates and photos, marks the consent; enrolling again needs a new consent', async () => {
    const saya = await ctx('kepala.umum');
    const p = id.get(NIP.kabag)!;
    await jalan((trx) => ubahPengaturanWajah(trx, A, saya.actor, 30));
    const foto = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), jenis: 'image/jpeg' as const };
    const r = await jalan((trx) =>
      daftarkanWajah(
        trx,
        saya,
        kunci,
        p,
        { persetujuan: {}, sampel: sampel(5, 3).map((s) => ({ ...s, foto })) },
        OPSI,
      ),
    );
    expect([r.disimpan, r.fotoDisimpan]).toEqual([true, 3]);
    const c = await jalan((trx) => cabutPersetujuan(trx, saya, p));
    expect(c).toMatchObject({ templat_dihapus: 3, foto_dihapus: 3, persetujuan_dicabut: true });
    expect(c.pesan.en).toMatch(/recorded on the attendance terminal .* or recorded by your OPD admin/);
    expect(await jumlahTemplat(p)).toBe(0);
    expect(
      await jalan((trx) => trx.selectFrom('wajah_foto').select('id').where('pegawai_id', '=', p).execute()),
    ).toEqual([]);
    const e = await galat(
      jalan((trx) => daftarkanWajah(trx, saya, kunci, p, { sampel: sampel(5, 3) }, OPSI)),
    );
    expect([e.code, e.pesan.en]).toEqual([
      'VALIDASI',
      "There is no consent in force for enrolling Dra. Kabag Umum's face; record the consent first (purpose, basis, who recorded it)".replace(
        'Dra. Kabag Umum',
        (
          await jalan((trx) =>
            trx.selectFrom('pegawai').select('nama').where('id', '=', p).executeTakeFirstOrThrow(),
          )
        ).nama,
      ),
    ]);
    expect(await jumlahTemplat(p)).toBe(0);
    // Repeating the withdrawal changes nothing.
    expect(await jalan((trx) => cabutPersetujuan(trx, saya, p))).toMatchObject({
      templat_dihapus: 0,
      persetujuan_dicabut: false,
    });
    // A new grant is a new row; the history keeps the withdrawn one.
    await jalan((trx) =>
      daftarkanWajah(trx, saya, kunci, p, { persetujuan: {}, sampel: sampel(5, 3) }, OPSI),
    );
    const h = await jalan((trx) =>
      trx
        .selectFrom('wajah_persetujuan')
        .select(['dicabut_oleh'])
        .where('pegawai_id', '=', p)
        .orderBy('diberikan_pada')
        .execute(),
    );
    expect(h).toEqual([{ dicabut_oleh: 'kepala.umum' }, { dicabut_oleh: null }]);
    await jalan((trx) => ubahPengaturanWajah(trx, A, saya.actor, 0));
  });

  it('refuses bad descriptions in words and stores nothing', async () => {
    const admin = await ctx('admin');
    const p = id.get(NIP.sekda)!;
    const nan = sampel(6, 3);
    nan[1]!.deskripsi.vektor[7] = Number.NaN;
    const kasus: [SampelWajah[], string][] = [
      [[], 'No face photo was sent'],
      [
        sampel(6, 3, 0, MODEL, 0),
        [1, 2, 3].map((n) => `Photo ${n}: the face vector has 0 numbers, it should have 8–4096`).join('; '),
      ],
      [nan, 'Photo 2: the face vector holds invalid numbers (NaN or infinity)'],
      [sampel(6, 100), 'Too many photos: 100; at most 10 per enrolment'],
      [
        [...sampel(6, 2), ...sampel(6, 1, 2, 'arcface@uji-1')],
        `The photos were described by different face models (${MODEL}, arcface@uji-1); all must come from one model`,
      ],
      [
        [...sampel(6, 2), ...sampel(6, 1, 2, MODEL, 128)],
        `The face vectors differ in length between photos (${DIM}, 128)`,
      ],
    ];
    for (const [s, pesan] of kasus) {
      const e = await galat(
        jalan((trx) =>
          daftarkanWajah(trx, admin, kunci, p, { persetujuan: { keterangan: 'uji' }, sampel: s }, OPSI),
        ),
      );
      expect([e.code, e.pesan.en]).toEqual(['VALIDASI', pesan]);
    }
    expect(await jumlahTemplat(p)).toBe(0);
    // The wrong dimension for the person's stored templates of the same model.
    await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        kunci,
        p,
        { persetujuan: { keterangan: 'uji' }, sampel: sampel(6, 3) },
        OPSI,
      ),
    );
    const e = await galat(
      jalan((trx) => daftarkanWajah(trx, admin, kunci, p, { sampel: sampel(6, 3, 0, MODEL, 128) }, OPSI)),
    );
    expect(e.pesan.en).toBe(
      `The face vectors have 128 numbers, while the stored templates of model ${MODEL} have ${DIM}`,
    );
    expect(await jumlahTemplat(p)).toBe(3);
    // The consent recorded by an admin needs a note of who recorded it and how.
    const tanpa = await galat(
      jalan((trx) =>
        daftarkanWajah(trx, admin, kunci, id.get(NIP.pppk)!, { persetujuan: {}, sampel: sampel(7, 3) }, OPSI),
      ),
    );
    expect(tanpa.pesan.en).toMatch(/^The note is required: who recorded the consent and how/);
  });

  it('templates of another model are never compared; enrolling with the new model replaces them', async () => {
    const admin = await ctx('admin');
    const p = id.get(NIP.sekda)!; // enrolled with MODEL above
    const lain = 'arcface@uji-2';
    const t = await jalan((trx) => templatUntuk(trx, A, kunci, p, lain));
    expect([t.templat.length, t.modelLain]).toEqual([0, 3]);
    const punyaLama = await jalan((trx) => templatUntuk(trx, A, kunci, p, MODEL));
    const e = (() => {
      try {
        skorTerbaik(wajah(6, 0, lain), punyaLama.templat);
      } catch (x) {
        return x as AppError;
      }
      throw new Error('compared across models');
    })();
    expect(e.pesan.en).toBe(
      `A face template of model ${MODEL} cannot be compared with a photo of model ${lain}; enrol the face again with the current model`,
    );
    expect(skorTerbaik(wajah(6, 7), punyaLama.templat)).toBeGreaterThan(0.99);
    const r = await jalan((trx) =>
      daftarkanWajah(trx, admin, kunci, p, { sampel: sampel(6, 3, 0, lain, 512) }, OPSI),
    );
    expect([r.disimpan, r.jumlahTemplat]).toEqual([true, 3]);
    const sesudah = await jalan((trx) => templatUntuk(trx, A, kunci, p, lain));
    expect([sesudah.templat.length, sesudah.modelLain]).toEqual([3, 0]);
  });

  it('the kiosk’s one-to-many set: the people of an OPD and its units, their templates of the model', async () => {
    const dinkes = await jalan((trx) =>
      trx.selectFrom('opd').select('id').where('kode', '=', 'DINKES').executeTakeFirstOrThrow(),
    );
    const r = await jalan((trx) => templatOpd(trx, A, kunci, dinkes.id, MODEL));
    // The nurse (PKM-BATU, under DINKES) is enrolled; the staff of BAG-UMUM are not in DINKES.
    expect(r.map((x) => [x.pegawaiId, x.templat.length])).toEqual([[id.get(NIP.perawat)!, 3]]);
  });

  it('a ciphertext moved to another row or another Pemda does not decrypt', async () => {
    const p = id.get(NIP.perawat)!;
    const [x, y] = await jalan((trx) =>
      trx.selectFrom('wajah_template').select(['id', 'sandi', 'iv']).where('pegawai_id', '=', p).execute(),
    );
    // Into another row of the same person...
    await jalan((trx) =>
      trx.updateTable('wajah_template').set({ sandi: x!.sandi, iv: x!.iv }).where('id', '=', y!.id).execute(),
    );
    const e = await galat(jalan((trx) => templatUntuk(trx, A, kunci, p, MODEL)));
    expect(e.pesan.en).toBe(
      `Face template ${y!.id} cannot be opened with key "k1": its data was changed or moved from another row`,
    );
    // ...and into another Pemda's row with the same id.
    const q = idB.get(NIP.perawat)!;
    await jalan(
      (trx) =>
        trx
          .insertInto('wajah_template')
          .values({
            tenant_id: B,
            id: x!.id,
            pegawai_id: q,
            model: MODEL,
            dimensi: DIM,
            sandi: x!.sandi,
            iv: x!.iv,
            kunci_id: 'k1',
            kualitas: '{}',
            sumber: 'massal',
          })
          .execute(),
      B,
    );
    const eb = await galat(jalan((trx) => templatUntuk(trx, B, kunci, q, MODEL), B));
    expect(eb.pesan.en).toMatch(new RegExp(`^Face template ${x!.id} cannot be opened`));
    // Put the nurse back as she was (her own ciphertext under her own row).
    await jalan((trx) =>
      trx.updateTable('wajah_template').set({ sandi: y!.sandi, iv: y!.iv }).where('id', '=', y!.id).execute(),
    );
    await jalan((trx) => trx.deleteFrom('wajah_template').execute(), B);
  });

  it('key rotation: rekey moves every template and photo to the new key; then the old key can go', async () => {
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const lama = bacaCincin(`r1:${k1}`);
    const admin = await ctx('admin');
    await jalan((trx) => ubahPengaturanWajah(trx, A, admin.actor, 10));
    const foto = { bytes: new Uint8Array([1, 2, 3, 4]), jenis: 'image/png' as const };
    const p = id.get(NIP.pppk)!;
    await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        lama,
        p,
        { persetujuan: { keterangan: 'uji rotasi' }, sampel: sampel(8, 3).map((s) => ({ ...s, foto })) },
        OPSI,
      ),
    );
    const hanyaBaru = bacaCincin(`r2:${k2}`);
    const e = await galat(jalan((trx) => templatUntuk(trx, A, hanyaBaru, p, MODEL)));
    expect(e.pesan.en).toMatch(
      /was encrypted with key "r1", which is not in SIGAP_KUNCI_WAJAH \(keys present: r2\)/,
    );
    // Before rotation every template of the other tests is under k1 (a random key): give the ring it too.
    const ring = {
      ...bacaCincin(`r2:${k2},r1:${k1}`),
    };
    const gabung: CincinKunci = {
      kini: 'r2',
      ids: ['r2', 'r1', 'k1'],
      sandikan: (d, a) => ring.sandikan(d, a),
      buka: (t, a, apa) => (t.kunciId === 'k1' ? kunci.buka(t, a, apa) : ring.buka(t, a, apa)),
    };
    const r = await rekeyWajah(sdb, gabung, 2);
    expect(r.foto).toBe(3);
    expect(r.templat).toBeGreaterThanOrEqual(3);
    expect(r.sisa).toEqual({ r2: expect.any(Number) });
    const t = await jalan((trx) => templatUntuk(trx, A, hanyaBaru, p, MODEL));
    expect(t.templat).toHaveLength(3);
    const f = await jalan((trx) => trx.selectFrom('wajah_foto').select('kunci_id').distinct().execute());
    expect(f).toEqual([{ kunci_id: 'r2' }]);
    // Nothing left to move: a second run changes nothing.
    expect(await rekeyWajah(sdb, gabung)).toMatchObject({ templat: 0, foto: 0 });
    await jalan((trx) =>
      trx.updateTable('tenant').set({ simpan_foto_hari: 0 }).where('id', '=', A).execute(),
    );
    await jalan((trx) => trx.deleteFrom('wajah_foto').where('pegawai_id', '=', p).execute());
    // Give the other tests their key back.
    await rekeyWajah(sdb, {
      kini: 'k1',
      ids: ['k1', 'r2'],
      sandikan: (d, a) => kunci.sandikan(d, a),
      buka: (x, a, apa) => hanyaBaru.buka(x, a, apa),
    });
  });

  it('photos are kept only when the Pemda says so, until simpan_sampai; the retention step deletes them', async () => {
    const admin = await ctx('admin');
    const p = id.get(NIP.kadinkes)!;
    const foto = { bytes: new Uint8Array([0xff, 0xd8, 9, 9]), jenis: 'image/jpeg' as const };
    const t0 = new Date('2026-12-01T08:00:00Z');
    const tanpa = await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        kunci,
        p,
        { persetujuan: { keterangan: 'uji foto' }, sampel: sampel(9, 3).map((s) => ({ ...s, foto })) },
        { ...OPSI, sekarang: t0 },
      ),
    );
    expect(tanpa.fotoDisimpan).toBe(0);
    await jalan((trx) => ubahPengaturanWajah(trx, A, admin.actor, 30));
    await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        kunci,
        p,
        { sampel: sampel(9, 2, 3).map((s) => ({ ...s, foto })) },
        { ...OPSI, sekarang: t0 },
      ),
    );
    const rows = await jalan((trx) =>
      trx.selectFrom('wajah_foto').select(['simpan_sampai', 'sandi']).where('pegawai_id', '=', p).execute(),
    );
    expect(rows.map((r) => new Date(r.simpan_sampai).toISOString())).toEqual([
      '2026-12-31T08:00:00.000Z',
      '2026-12-31T08:00:00.000Z',
    ]);
    for (const r of rows) expect(Buffer.from(r.sandi).includes(Buffer.from(foto.bytes))).toBe(false);
    expect(await hapusKedaluwarsa(sdb, new Date('2026-12-31T07:59:59Z'))).toEqual({ foto: 0 });
    expect(await hapusKedaluwarsa(sdb, new Date('2026-12-31T08:00:00Z'))).toEqual({ foto: 2 });
    const audit = await jalan((trx) =>
      trx.selectFrom('audit_log').select(['ringkasan']).where('aksi', '=', 'retensi').execute(),
    );
    expect(audit.map((a) => a.ringkasan)).toEqual(['2 foto pendaftaran wajah dihapus: masa simpannya habis']);
    // Templates are not touched by photo retention.
    expect(await jumlahTemplat(p)).toBe(5);
  });

  it('shortening the keeping period shortens the photos already kept', async () => {
    const admin = await ctx('admin');
    const p = id.get(NIP.kadinkes)!;
    await jalan((trx) => ubahPengaturanWajah(trx, A, admin.actor, 60));
    const t0 = new Date();
    await jalan((trx) =>
      daftarkanWajah(
        trx,
        admin,
        kunci,
        p,
        {
          sampel: sampel(9, 1, 6).map((s) => ({
            ...s,
            foto: { bytes: new Uint8Array([1]), jenis: 'image/jpeg' },
          })),
        },
        { ...OPSI, sekarang: t0 },
      ),
    );
    await jalan((trx) => ubahPengaturanWajah(trx, A, admin.actor, 7));
    const r = await jalan((trx) =>
      trx
        .selectFrom('wajah_foto')
        .select(sql<number>`extract(epoch from simpan_sampai - dibuat_pada) / 86400`.as('hari'))
        .where('pegawai_id', '=', p)
        .execute(),
    );
    expect(r.map((x) => Math.round(Number(x.hari)))).toEqual([7]);
    expect(await hapusKedaluwarsa(sdb, new Date(Date.now() + 6 * 86_400_000))).toEqual({ foto: 0 });
    // Turning keeping off deletes the photos kept at once.
    await jalan((trx) => ubahPengaturanWajah(trx, A, admin.actor, 0));
    expect(await jalan((trx) => trx.selectFrom('wajah_foto').select('id').execute())).toEqual([]);
  });

  it('an employee cannot withdraw or enrol someone else; an admin cannot outside their OPD', async () => {
    const pegawai = await ctx('pegawai');
    const perawat = id.get(NIP.perawat)!;
    expect((await galat(jalan((trx) => cabutPersetujuan(trx, pegawai, perawat)))).code).toBe('DILARANG');
    expect(
      (
        await galat(
          jalan((trx) => daftarkanWajah(trx, pegawai, kunci, perawat, { sampel: sampel(1, 3) }, OPSI)),
        )
      ).code,
    ).toBe('DILARANG');
    const dinkes = await ctx('admin.dinkes');
    const staf = id.get(NIP.staf)!;
    const e = await galat(jalan((trx) => cabutPersetujuan(trx, dinkes, staf)));
    expect([e.code, e.pesan.en]).toEqual([
      'DILARANG',
      'This lies outside the part of the organisation you may see',
    ]);
    expect(await jumlahTemplat(perawat)).toBe(3);
    expect(await jumlahTemplat(staf)).toBe(3);
  });
});

describe('face routes', () => {
  async function masuk(username: string, kode = 'kota-wajah-a') {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD, pemda: kode },
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.cookies.find((x) => x.name === 'sigap_sid')!;
    return { cookie: `sigap_sid=${c.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
  }

  it('a person sees what is held about them (never a vector), then withdraws', async () => {
    const h = await masuk('pegawai');
    const res = await app.inject({ method: 'GET', url: '/api/wajah/saya', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({
      pegawai_id: id.get(NIP.staf),
      persetujuan_aktif: true,
      templat: { jumlah: 3, lengkap: true, model: [{ model: MODEL, jumlah: 3, dimensi: DIM }] },
      foto: { disimpan: false, simpan_foto_hari: 0, jumlah: 0, simpan_sampai: null },
    });
    expect(b.persetujuan).toHaveLength(1);
    expect(res.body).not.toMatch(/"(sandi|vektor|iv|kunci_id)":/);
    const del = await app.inject({ method: 'DELETE', url: '/api/wajah/saya', headers: h });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({ templat_dihapus: 3, persetujuan_dicabut: true });
    expect(del.json().pesan.id).toMatch(/mesin presensi \(terminal\).*admin OPD/);
    const lagi = (await app.inject({ method: 'GET', url: '/api/wajah/saya', headers: h })).json();
    expect([lagi.persetujuan_aktif, lagi.templat.jumlah, lagi.persetujuan[0].dicabut_oleh]).toEqual([
      false,
      0,
      'pegawai',
    ]);
    // Giving consent again in the app.
    const beri = await app.inject({
      method: 'POST',
      url: '/api/wajah/saya/persetujuan',
      headers: h,
      payload: {},
    });
    expect(beri.statusCode, beri.body).toBe(200);
    expect(beri.json()).toMatchObject({ baru: true, persetujuan: { cara: 'mandiri', dicabut_pada: null } });
  });

  it('an OPD admin sees counts for their OPD only, and cannot act outside it', async () => {
    const h = await masuk('admin.dinkes');
    const res = await app.inject({ method: 'GET', url: '/api/wajah/pegawai', headers: h });
    expect(res.statusCode, res.body).toBe(200);
    const rows =
      res.json<{ opd_kode: string; key: string; jumlah_templat: number; persetujuan: boolean }[]>();
    expect(new Set(rows.map((r) => r.opd_kode))).toEqual(new Set(['DINKES', 'PKM-BATU']));
    expect(rows.find((r) => r.key === NIP.perawat)).toMatchObject({ jumlah_templat: 3, persetujuan: true });
    expect(res.body).not.toMatch(/"(sandi|vektor|iv|kunci_id)":/);
    expect(
      (await app.inject({ method: 'GET', url: '/api/wajah/pegawai?opd=SETDA', headers: h })).statusCode,
    ).toBe(403);
    const staf = id.get(NIP.staf)!;
    const del = await app.inject({ method: 'DELETE', url: `/api/wajah/pegawai/${staf}`, headers: h });
    expect(del.statusCode).toBe(403);
    const beri = await app.inject({
      method: 'POST',
      url: `/api/wajah/pegawai/${staf}/persetujuan`,
      headers: h,
      payload: { keterangan: 'x' },
    });
    expect(beri.statusCode).toBe(403);
    // Inside the OPD: the admin withdraws at the person's request, then records a new consent given
    // in person, with a note.
    const pppk = id.get(NIP.pppk)!;
    const cabut = await app.inject({ method: 'DELETE', url: `/api/wajah/pegawai/${pppk}`, headers: h });
    expect(cabut.statusCode, cabut.body).toBe(200);
    expect(cabut.json()).toMatchObject({ templat_dihapus: 3, persetujuan_dicabut: true });
    expect(await jumlahTemplat(pppk)).toBe(0);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/wajah/pegawai/${pppk}/persetujuan`,
      headers: h,
      payload: { keterangan: 'formulir no. 7' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().persetujuan).toMatchObject({ cara: 'petugas', keterangan: 'formulir no. 7' });
  });

  it('another Pemda’s admin cannot read or withdraw; an employee cannot use the admin routes', async () => {
    const hB = await masuk('admin', 'kota-wajah-b');
    const perawatA = id.get(NIP.perawat)!;
    const del = await app.inject({ method: 'DELETE', url: `/api/wajah/pegawai/${perawatA}`, headers: hB });
    expect(del.statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/wajah/pegawai', headers: hB });
    expect(list.json<{ pegawai_id: string }[]>().map((r) => r.pegawai_id)).not.toContain(perawatA);
    const hE = await masuk('pegawai');
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/wajah/pegawai/${perawatA}`, headers: hE })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/wajah/pegawai', headers: hE })).statusCode).toBe(
      403,
    );
    expect(await jumlahTemplat(perawatA)).toBe(3);
  });
});
