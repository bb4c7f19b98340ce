import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { freshDatabase } from '../../../test/db.ts';
import { NIP } from '../../../test/fixtures.ts';
import { menunggu, tahan, tungguSampai } from '../../../test/latch.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { withTenant } from '../../db/database.ts';
import { kunciImpor, kunciPeriodeJadwal } from '../../db/kunci.ts';
import type { App } from '../../http/app.ts';

/**
 * Leave written one by one (recorded by an admin, decided by a supervisor) at the same moment as a
 * leave import or another decision, through the real app. On PostgreSQL each request has its own
 * connection and a latch (a lock held from the test's own connection) holds them after they have read
 * the register, so the race is the same every run. On PGlite (one connection) requests are
 * serialised by the database and the same outcome must hold. Lock waits have a limit
 * (SIGAP_LOCK_WAIT_S): past it the writer is refused in words.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
const S = new Map<string, Sesi>();
let tutup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ sdb, app, tenantId, tutup } = await appUji('kota-cuti-serentak', '2020-01-01'));
  for (const username of ['admin', 'pegawai']) S.set(username, await masuk(app, username));
});
afterAll(async () => {
  await tutup?.();
});
afterEach(() => {
  delete process.env.SIGAP_LOCK_WAIT_S;
});

const pg = () => sdb.kind === 'postgres';

function kirim(who: string, url: string, payload: unknown, type = 'application/json') {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as string,
    headers: { ...S.get(who)!, 'content-type': type },
  });
}

const cutiDari = (nip: string) =>
  withTenant(sdb, tenantId, (trx) =>
    trx
      .selectFrom('ketidakhadiran as k')
      .innerJoin('pegawai as p', 'p.id', 'k.pegawai_id')
      .select(['k.dari', 'k.sampai', 'k.status', 'k.sumber'])
      .where('p.nip', '=', nip)
      .where('k.status', 'in', ['diajukan', 'disetujui'])
      .orderBy('k.dari')
      .execute(),
  );

describe('leave written one by one, at the same moment as an import or another decision', () => {
  it('a leave import and an admin entry overlapping for one person: one is stored, the other refused in words', async () => {
    // Both read the register, then (on PostgreSQL) wait to write to it.
    const lepas = pg() ? await tahan(sdb, 'LOCK TABLE ketidakhadiran IN EXCLUSIVE MODE') : null;
    const semua = [
      kirim(
        'admin',
        '/api/cuti/impor?nama=cuti.csv',
        `nip,jenis,dari,sampai,keterangan\n${NIP.kalak},cuti_tahunan,2020-05-04,2020-05-06,\n`,
        'text/csv',
      ),
      kirim('admin', '/api/cuti/catat', {
        key: NIP.kalak,
        jenis: 'cuti_tahunan',
        dari: '2020-05-05',
        sampai: '2020-05-08',
      }),
    ];
    if (lepas) {
      await tungguSampai(async () => (await menunggu(sdb)) === 2, 'both writers held');
      await lepas();
    }
    const [imp, cat] = await Promise.all(semua);
    const hasil = [imp!.statusCode, cat!.statusCode];
    // exactly one of them wins, whichever came first
    expect(
      [
        [200, 409],
        [422, 201],
      ],
      `${imp!.body} / ${cat!.body}`,
    ).toContainEqual(hasil);
    if (hasil[0] === 200) {
      expect(cat!.json<{ code: string }>().code).toBe('KONFLIK');
      expect(cat!.json<{ message: string }>().message).toContain('yang bertumpang tindih');
    } else {
      expect(imp!.json<{ issues: { kode: string; baris: number }[] }>().issues).toEqual([
        expect.objectContaining({ baris: 2, kode: 'TUMPANG_TINDIH' }),
      ]);
    }
    expect(await cutiDari(NIP.kalak)).toHaveLength(1);
  });

  it('two decisions of one request at the same moment: it is decided once, with one notice', async () => {
    const aju = await kirim('pegawai', '/api/cuti', {
      jenis: 'cuti_tahunan',
      dari: '2020-06-08',
      sampai: '2020-06-09',
    });
    expect(aju.statusCode, aju.body).toBe(201);
    const id = aju.json<{ id: string }>().id;
    // Both read the request still pending, then (on PostgreSQL) wait to write it.
    const lepas = pg() ? await tahan(sdb, 'LOCK TABLE ketidakhadiran IN EXCLUSIVE MODE') : null;
    const semua = [
      kirim('admin', `/api/cuti/${id}/putusan`, { setuju: true }),
      kirim('admin', `/api/cuti/${id}/putusan`, { setuju: false, catatan: 'bentrok dengan rapat' }),
    ];
    if (lepas) {
      await tungguSampai(async () => (await menunggu(sdb)) === 2, 'both decisions held');
      await lepas();
    }
    const res = await Promise.all(semua);
    expect(res.map((r) => r.statusCode).sort(), res.map((r) => r.body).join(' / ')).toEqual([200, 409]);
    expect(res.find((r) => r.statusCode === 409)!.json<{ message: string }>().message).toMatch(
      /^Pengajuan ini sudah (disetujui|ditolak)$/,
    );
    const pemberitahuan = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('pemberitahuan').select('jenis').where('jenis', '=', 'cuti_diputus').execute(),
    );
    expect(pemberitahuan).toHaveLength(1);
  });

  it('a lock wait has a limit: past SIGAP_LOCK_WAIT_S an entry is refused with 409 in words, nothing stored; then it goes through', async () => {
    process.env.SIGAP_LOCK_WAIT_S = '1';
    const isian = { key: NIP.perawat, jenis: 'cuti_sakit', dari: '2020-07-06', sampai: '2020-07-07' };
    if (pg()) {
      // a leave import of this Pemda holds the leave lock
      const lepas = await tahan(
        sdb,
        `SELECT pg_advisory_xact_lock(hashtext('sigap:impor:ketidakhadiran:${tenantId}'))`,
      );
      const mulai = Date.now();
      const r = await kirim('admin', '/api/cuti/catat', isian);
      const lama = Date.now() - mulai;
      await lepas();
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toEqual({
        code: 'KONFLIK',
        message:
          'Impor lain untuk Pemda ini (cuti, sakit dan isolasi) sedang berjalan lebih dari 1 detik; tidak ada yang diubah — coba lagi sebentar lagi',
      });
      expect(lama).toBeGreaterThanOrEqual(900);
      expect(lama).toBeLessThan(10_000);
      expect(await cutiDari(NIP.perawat)).toEqual([]);

      // a schedule build holding the month: the same, in the schedule's words
      const bangun = await tahan(
        sdb,
        `SELECT pg_advisory_xact_lock(hashtext('sigap:jadwal:${tenantId}'), 2020 * 12 + 7)`,
      );
      const j = await kirim('admin', '/api/cuti/catat', isian);
      await bangun();
      expect(j.statusCode, j.body).toBe(409);
      expect(j.json<{ message: string }>().message).toMatch(
        /^Jadwal Pemda ini untuk periode itu sedang diubah oleh proses lain .* lebih dari 1 detik; tidak ada yang diubah/,
      );
      expect(await cutiDari(NIP.perawat)).toEqual([]);
    }
    const ok = await kirim('admin', '/api/cuti/catat', isian);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await cutiDari(NIP.perawat)).toHaveLength(1);
  });

  it('a registry import waiting past the limit fails in words (409 KONFLIK in its job), nothing changed', async () => {
    process.env.SIGAP_LOCK_WAIT_S = '1';
    const lepas = pg()
      ? await tahan(sdb, `SELECT pg_advisory_xact_lock(hashtext('sigap:impor:registri:${tenantId}'))`)
      : null;
    const r = await kirim(
      'admin',
      '/api/impor/opd?nama=opd.csv',
      'kode,nama,jenis,induk_kode\nBAG-HUKUM,Bagian Hukum,bagian,SETDA\n',
      'text/csv',
    );
    expect(r.statusCode, r.body).toBe(202);
    const id = r.json<{ id: string }>().id;
    let t: { status: string; galat: { code: string; pesan: { id: string } } | null };
    do {
      await new Promise((x) => setTimeout(x, 50));
      t = (await app.inject({ method: 'GET', url: `/api/impor/${id}`, headers: S.get('admin')! })).json();
    } while (t.status === 'berjalan');
    await lepas?.();
    const opd = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('opd').select('kode').where('kode', '=', 'BAG-HUKUM').execute(),
    );
    if (pg()) {
      expect(t.status).toBe('gagal');
      expect(t.galat?.code).toBe('KONFLIK');
      expect(t.galat?.pesan.id).toBe(
        'Impor lain untuk Pemda ini (OPD dan pegawai) sedang berjalan lebih dari 1 detik; tidak ada yang diubah — coba lagi sebentar lagi',
      );
      expect(opd).toEqual([]);
    } else {
      expect(t.status, JSON.stringify(t.galat)).toBe('berhasil');
      expect(opd).toHaveLength(1);
    }
  });

  it('the limit applies to taking the lock only: the transaction’s own lock_timeout comes back after it', async () => {
    process.env.SIGAP_LOCK_WAIT_S = '2.5';
    const v = await withTenant(sdb, tenantId, async (trx) => {
      await sql`SET LOCAL lock_timeout = '7s'`.execute(trx);
      await kunciImpor(trx, tenantId, 'ketidakhadiran');
      await kunciPeriodeJadwal(trx, tenantId, '2020-01-30', '2020-03-02');
      return (await sql<{ v: string }>`SELECT current_setting('lock_timeout') AS v`.execute(trx)).rows[0]!.v;
    });
    expect(v).toBe('7s');
  });
});
