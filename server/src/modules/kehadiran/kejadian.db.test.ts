import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import {
  catatKejadian,
  hashIsi,
  type KejadianBaru,
  kejadianHari,
  kejadianOpdHari,
} from './kehadiran.service.ts';

// Events from phones and kiosks into the store: idempotent by client key (the same request once, another
// request under the same key 409), also when both arrive at once (PostgreSQL); read back by local day.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
let orang: string;
let opd: string;
const run = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(sdb, tenantId, fn);

const kejadian = (k: Partial<KejadianBaru> = {}): KejadianBaru => ({
  pegawai_id: orang,
  opd_id: opd,
  waktu: null,
  waktu_perangkat: new Date('2025-08-04T00:01:00Z'),
  jenis: 'masuk',
  sumber: 'wajah',
  perangkat_id: null,
  lat: -7.88,
  lng: 112.53,
  akurasi_m: 12,
  hasil: 'diterima',
  alasan: [],
  skor: 0.71,
  id_klien: null,
  hash_isi: null,
  ...k,
});
const jumlah = () =>
  run(async (trx) =>
    Number(
      (
        await trx
          .selectFrom('kehadiran')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb, 'kota-kejadian', '2024-01-01');
  await run(async (trx) => {
    const p = await trx
      .selectFrom('pegawai as p')
      .innerJoin('pegawai_versi as v', (j) =>
        j.onRef('v.tenant_id', '=', 'p.tenant_id').onRef('v.pegawai_id', '=', 'p.id'),
      )
      .select(['p.id', 'v.opd_id'])
      .where('p.nip', '=', NIP.perawat)
      .executeTakeFirstOrThrow();
    orang = p.id;
    opd = p.opd_id;
  });
}, 60_000);
afterAll(async () => {
  await sdb?.cleanup();
});

describe('catatKejadian', () => {
  it('stores an event at the database clock, with its reasons; without a client key every call is new', async () => {
    const sebelum = Date.now();
    const a = await run((trx) =>
      catatKejadian(
        trx,
        tenantId,
        kejadian({ hasil: 'ditolak', alasan: ['WAJAH_TIDAK_COCOK', 'DI_LUAR_KANTOR'] }),
      ),
    );
    expect(a.baru).toBe(true);
    expect(a.kejadian.alasan).toEqual(['WAJAH_TIDAK_COCOK', 'DI_LUAR_KANTOR']);
    expect(new Date(a.kejadian.waktu).getTime()).toBeGreaterThanOrEqual(sebelum - 5_000);
    const b = await run((trx) => catatKejadian(trx, tenantId, kejadian()));
    expect(b.kejadian.id).not.toBe(a.kejadian.id);
  });

  it('the same client key and request again returns the first event and stores nothing; another request is 409', async () => {
    const idKlien = randomUUID();
    const isi = hashIsi('{"jenis":"masuk","lat":-7.88}');
    const k = kejadian({ id_klien: idKlien, hash_isi: isi });
    const n = await jumlah();
    const a = await run((trx) => catatKejadian(trx, tenantId, k));
    const b = await run((trx) => catatKejadian(trx, tenantId, k));
    expect(b).toEqual({ kejadian: a.kejadian, baru: false });
    expect(await jumlah()).toBe(n + 1);
    await expect(
      run((trx) => catatKejadian(trx, tenantId, { ...k, hash_isi: hashIsi('{"jenis":"pulang"}') })),
    ).rejects.toMatchObject({ code: 'KONFLIK', pesan: { id: expect.stringMatching(/id_klien/) } });
    expect(await jumlah()).toBe(n + 1);
  });

  it('two calls with one client key at the same time store one event, and both answer with it', async () => {
    const k = kejadian({ id_klien: randomUUID(), hash_isi: hashIsi('sama') });
    const n = await jumlah();
    const hasil = await Promise.all([1, 2, 3].map(() => run((trx) => catatKejadian(trx, tenantId, k))));
    expect(new Set(hasil.map((h) => h.kejadian.id)).size).toBe(1);
    expect(hasil.filter((h) => h.baru)).toHaveLength(1);
    expect(await jumlah()).toBe(n + 1);
  });

  it('reads a person’s and an OPD’s events by the local day of the Pemda’s zone', async () => {
    // 2025-03-10 23:30 WIB is 16:30 UTC of the 10th; 2025-03-11 00:10 WIB is 17:10 UTC of the 10th
    await run(async (trx) => {
      await catatKejadian(
        trx,
        tenantId,
        kejadian({ waktu: new Date('2025-03-10T16:30:00Z'), jenis: 'pulang' }),
      );
      await catatKejadian(
        trx,
        tenantId,
        kejadian({ waktu: new Date('2025-03-10T17:10:00Z'), jenis: 'masuk' }),
      );
    });
    const hari = (t: string) => run((trx) => kejadianHari(trx, orang, t, 'Asia/Jakarta'));
    expect((await hari('2025-03-10')).map((k) => [new Date(k.waktu).toISOString(), k.jenis])).toEqual([
      ['2025-03-10T16:30:00.000Z', 'pulang'],
    ]);
    expect((await hari('2025-03-11')).map((k) => new Date(k.waktu).toISOString())).toEqual([
      '2025-03-10T17:10:00.000Z',
    ]);
    const opdHari = await run((trx) => kejadianOpdHari(trx, [opd], '2025-03-11', 'Asia/Jakarta'));
    expect(opdHari.map((k) => k.pegawai_id)).toEqual([orang]);
    expect(await run((trx) => kejadianOpdHari(trx, [], '2025-03-11', 'Asia/Jakarta'))).toEqual([]);
  });
});
