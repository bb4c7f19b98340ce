import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIP } from '../../../test/fixtures.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { openDatabase, withTenant } from '../../db/database.ts';
import { buatPenjadwal, type Penjadwal } from '../../penjadwal/penjadwal.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import { daftarTugasDorong } from './kirim.service.ts';
import { kunciVapid } from './vapid.ts';

// http_ece is what web-push encrypts with; here it decrypts what the loopback push service received.
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(
    b: Buffer,
    p: { version: string; privateKey: ReturnType<typeof createECDH>; authSecret: string },
  ): Buffer;
};

const PG = !!process.env.SIGAP_TEST_PG_URL;
let u: Awaited<ReturnType<typeof appUji>>;
let pegawai: Sesi;
let kepala: Sesi;
let penjadwal: Penjadwal;
let pegawaiId: string;

/** A push service on loopback: answers each POST with the next status of `jawab` (201 when none is left). */
const terima: { headers: IncomingMessage['headers']; body: Buffer; path: string }[] = [];
const jawab: number[] = [];
let layanan: Server;
let asal: string;

/** A browser's subscription: its own ECDH pair and auth secret, as pushManager.subscribe makes them. */
function langgananPeramban(jalur: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  return {
    ecdh,
    auth,
    json: { endpoint: `${asal}${jalur}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } },
  };
}

beforeAll(async () => {
  process.env.SIGAP_DORONG_LOOPBACK = '1';
  process.env.SIGAP_KUNCI_WAJAH ??= randomBytes(32).toString('base64');
  layanan = createServer((req, res) => {
    const bagian: Buffer[] = [];
    req.on('data', (c: Buffer) => bagian.push(c));
    req.on('end', () => {
      terima.push({ headers: req.headers, body: Buffer.concat(bagian), path: req.url ?? '' });
      res.statusCode = jawab.shift() ?? 201;
      res.end();
    });
  });
  await new Promise<void>((r) => layanan.listen(0, '127.0.0.1', r));
  asal = `http://127.0.0.1:${(layanan.address() as AddressInfo).port}`;
  u = await appUji('kota-dorong', '2024-01-01');
  pegawai = await masuk(u.app, 'pegawai');
  kepala = await masuk(u.app, 'kepala.umum');
  pegawaiId = await withTenant(
    u.sdb,
    u.tenantId,
    async (trx) =>
      (await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.staf).executeTakeFirstOrThrow()).id,
  );
  penjadwal = buatPenjadwal(u.sdb, { log: () => undefined, pollingDetik: 0.5 });
  daftarTugasDorong(penjadwal, { jedaDetik: 1 }); // retries after 1 s, 2 s … instead of 30 s
  await penjadwal.mulai();
}, 60_000);
afterAll(async () => {
  await penjadwal?.berhenti();
  await u?.tutup();
  await new Promise((r) => layanan?.close(r));
  delete process.env.SIGAP_DORONG_LOOPBACK;
});

const kirim = (sesi: Sesi, method: 'POST' | 'DELETE', payload: unknown) =>
  u.app.inject({ method, url: '/api/dorong/langganan', headers: sesi, payload: payload as object });
const tunggu = async (syarat: () => boolean, ms = 15_000) => {
  const akhir = Date.now() + ms;
  while (!syarat()) {
    if (Date.now() > akhir) throw new Error('waktu habis menunggu / timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const jumlahLangganan = () =>
  withTenant(u.sdb, u.tenantId, async (trx) =>
    Number(
      (
        await trx
          .selectFrom('langganan_dorong')
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

describe(`Web Push (${PG ? 'PostgreSQL' : 'PGlite'})`, { timeout: 60_000 }, () => {
  it('makes the VAPID keys once, even when two servers start at once', async () => {
    // two servers: on PostgreSQL two connections to the database; on PGlite (one process) two callers
    const kedua = u.sdb.pgUrl ? await openDatabase(u.sdb.pgUrl, { migrate: false }) : { ...u.sdb };
    try {
      const [a, b] = await Promise.all([kunciVapid(u.sdb), kunciVapid(kedua)]);
      expect(a.publik).toMatch(/^[A-Za-z0-9_-]{87}$/);
      expect(b).toEqual(a);
    } finally {
      if (u.sdb.pgUrl) await kedua.close();
    }
    const n = await u.sdb.db.selectFrom('kunci_vapid').select(['publik', 'privat_sandi']).execute();
    expect(n.length).toBe(1);
    // encrypted at rest: the stored bytes are not the private key
    expect(Buffer.from(n[0]!.privat_sandi).toString('utf8')).not.toBe((await kunciVapid(u.sdb)).privat);
    const r = await u.app.inject({ method: 'GET', url: '/api/dorong/kunci-publik', headers: pegawai });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ kunci_publik: n[0]!.publik });
  });

  it('validates a subscription: https to a known push service, keys of the right size', async () => {
    const b = langgananPeramban('/v');
    const tolak = async (payload: unknown, pola: RegExp) => {
      const r = await kirim(pegawai, 'POST', payload);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toMatch(pola);
    };
    await tolak({ ...b.json, endpoint: 'https://intranet.pemda.go.id/push/1' }, /bukan layanan push/);
    await tolak({ ...b.json, endpoint: 'http://fcm.googleapis.com/fcm/send/x' }, /harus https/);
    await tolak({ ...b.json, endpoint: `https://fcm.googleapis.com/${'a'.repeat(1000)}` }, /endpoint/);
    await tolak({ ...b.json, keys: { ...b.json.keys, p256dh: 'AAAA' } }, /p256dh/);
    await tolak({ ...b.json, keys: { ...b.json.keys, auth: `${b.auth}!` } }, /auth/);
    delete process.env.SIGAP_DORONG_LOOPBACK;
    try {
      await tolak(b.json, /harus https/); // loopback only with the test setting
    } finally {
      process.env.SIGAP_DORONG_LOOPBACK = '1';
    }
    const ok = await kirim(pegawai, 'POST', {
      ...b.json,
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def',
      expirationTime: null,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ jumlah_perangkat: 1 });
  });

  it("keeps at most five devices per person, and nobody can remove another person's", async () => {
    for (let i = 0; i < 6; i++) {
      const r = await kirim(pegawai, 'POST', langgananPeramban(`/batas/${i}`).json);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().jumlah_perangkat).toBe(Math.min(i + 2, 5));
    }
    expect(await jumlahLangganan()).toBe(5);
    // the oldest went: the fcm one from the test above
    const milik = await withTenant(u.sdb, u.tenantId, (trx) =>
      trx.selectFrom('langganan_dorong').select('endpoint').execute(),
    );
    expect(milik.some((m) => m.endpoint.includes('fcm'))).toBe(false);
    const orangLain = await kirim(kepala, 'DELETE', { endpoint: `${asal}/batas/5` });
    expect(orangLain.statusCode, orangLain.body).toBe(200);
    expect(orangLain.json()).toEqual({ dihapus: 0 });
    expect(await jumlahLangganan()).toBe(5);
    for (let i = 1; i < 6; i++) {
      const r = await kirim(pegawai, 'DELETE', { endpoint: `${asal}/batas/${i}` });
      expect(r.json()).toEqual({ dihapus: 1 });
    }
    expect(await jumlahLangganan()).toBe(0);
  });

  it('delivers a notice to the push endpoint, encrypted to the subscription, signed with VAPID', async () => {
    const b = langgananPeramban('/kirim/1');
    expect((await kirim(pegawai, 'POST', b.json)).statusCode).toBe(200);
    terima.length = 0;
    await withTenant(u.sdb, u.tenantId, (trx) =>
      beritahu(trx, u.tenantId, [
        {
          pegawaiId,
          jenis: 'uji',
          judul: { id: 'Slot 09:30 segera ditutup', en: 'Slot 09:30 closes soon' },
          isi: { id: 'Laporkan lokasi Anda', en: 'Report your location' },
          tautan: '/wfh',
        },
      ]),
    );
    await tunggu(() => terima.length > 0);
    const m = terima[0]!;
    expect(m.path).toBe('/kirim/1');
    expect(m.headers['content-encoding']).toBe('aes128gcm');
    const vapid = await kunciVapid(u.sdb);
    expect(m.headers.authorization).toMatch(new RegExp(`^vapid t=[^,]+, k=${vapid.publik}$`));
    const isi = JSON.parse(
      ece.decrypt(m.body, { version: 'aes128gcm', privateKey: b.ecdh, authSecret: b.auth }).toString('utf8'),
    );
    expect(isi).toEqual({ judul: 'Slot 09:30 segera ditutup', isi: 'Laporkan lokasi Anda', url: '/wfh' });
  });

  it('a notice in a transaction that rolls back is never pushed', async () => {
    terima.length = 0;
    await expect(
      withTenant(u.sdb, u.tenantId, async (trx) => {
        await beritahu(trx, u.tenantId, [
          { pegawaiId, jenis: 'uji', judul: { id: 'Batal', en: 'Cancelled' }, isi: { id: '', en: '' } },
        ]);
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    await new Promise((r) => setTimeout(r, 2000));
    expect(terima).toEqual([]);
  });

  it('a 410 from the push service removes the subscription; a 500 is tried again', async () => {
    terima.length = 0;
    jawab.push(500, 410);
    await withTenant(u.sdb, u.tenantId, (trx) =>
      beritahu(trx, u.tenantId, [
        { pegawaiId, jenis: 'uji', judul: { id: 'Lagi', en: 'Again' }, isi: { id: '', en: '' } },
      ]),
    );
    await tunggu(() => terima.length >= 2, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await jumlahLangganan()).toBe(0);
  });
});
