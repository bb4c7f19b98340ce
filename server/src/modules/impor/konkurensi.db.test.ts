import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { freshDatabase } from '../../../test/db.ts';
import { NIP, PEGAWAI_ROWS } from '../../../test/fixtures.ts';
import { menunggu, tahan, tungguSampai } from '../../../test/latch.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';

/**
 * Two imports into one Pemda fired at the same moment through the real app. On PostgreSQL a second
 * connection holds the rows (or table) both would write, so both have read what they replace before
 * either writes — the race of two admins uploading at once, every run. On PGlite (one connection)
 * they are serialised by the database and the same outcome must hold.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let sesi: Sesi;
let tutup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ sdb, app, tenantId, tutup } = await appUji('kota-impor-serentak', '2020-01-01'));
  sesi = await masuk(app, 'admin');
});
afterAll(async () => {
  await tutup?.();
});

const pg = () => sdb.kind === 'postgres';

function csv(rows: readonly Record<string, string>[]) {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n');
}

function kirim(url: string, isi: string) {
  return app.inject({ method: 'POST', url, payload: isi, headers: { ...sesi, 'content-type': 'text/csv' } });
}

type Tugas = { status: string; galat: { code: string; pesan: { id: string } } | null };

async function selesai(id: string): Promise<Tugas> {
  for (;;) {
    const r = await app.inject({ method: 'GET', url: `/api/impor/${id}`, headers: sesi });
    const t = r.json<Tugas>();
    if (t.status !== 'berjalan') return t;
    await new Promise((x) => setTimeout(x, 25));
  }
}

describe('imports at the same moment', () => {
  it('two employee imports changing the same person: both apply in turn, each audit "before" is what was there', async () => {
    const staf = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('pegawai as p')
        .innerJoin('pegawai_versi as v', 'v.pegawai_id', 'p.id')
        .select(['p.id', 'p.nama', 'v.jabatan'])
        .where('p.nip', '=', NIP.staf)
        .where('v.berlaku_sampai', 'is', null)
        .executeTakeFirstOrThrow(),
    );
    const berkas = (nama: string, jabatan: string) =>
      csv(PEGAWAI_ROWS.map((r) => (r.nip === NIP.staf ? { ...r, nama, jabatan } : r)));
    const A = berkas('Budi Santoso', 'Analis Kepegawaian');
    const B = berkas('Budi Hartono', 'Pranata Komputer');

    // Both read the registry, then (on PostgreSQL) wait at the clerk's row.
    const lepas = pg()
      ? await tahan(sdb, `SELECT 1 FROM pegawai WHERE nip = '${NIP.staf}' FOR UPDATE`)
      : null;
    const [ra, rb] = await Promise.all([
      kirim('/api/impor/pegawai?nama=a.csv', A),
      kirim('/api/impor/pegawai?nama=b.csv', B),
    ]);
    expect(ra.statusCode, ra.body).toBe(202);
    expect(rb.statusCode, rb.body).toBe(202);
    if (lepas) {
      await tungguSampai(async () => (await menunggu(sdb)) === 2, 'both imports held');
      await lepas();
    }
    const hasil = await Promise.all([ra, rb].map((r) => selesai(r.json<{ id: string }>().id)));
    // never a raw database error: here both succeed, one after the other
    expect(hasil.map((h) => [h.status, h.galat])).toEqual([
      ['berhasil', null],
      ['berhasil', null],
    ]);

    const { audit, sekarang, terbuka } = await withTenant(sdb, tenantId, async (trx) => ({
      audit: await trx
        .selectFrom('audit_log')
        .select(['sebelum', 'sesudah'])
        .where('entitas', '=', 'pegawai')
        .where('entitas_id', '=', NIP.staf)
        .where('aksi', '=', 'ubah')
        .orderBy('id')
        .execute(),
      sekarang: await trx
        .selectFrom('pegawai')
        .select('nama')
        .where('id', '=', staf.id)
        .executeTakeFirstOrThrow(),
      terbuka: await trx
        .selectFrom('pegawai_versi')
        .select('jabatan')
        .where('pegawai_id', '=', staf.id)
        .where('berlaku_sampai', 'is', null)
        .execute(),
    }));
    type Isi = { nama?: string; jabatan?: string };
    const e = audit.map((a) => ({ sebelum: a.sebelum as Isi, sesudah: a.sesudah as Isi }));
    expect(e).toHaveLength(2);
    // the first replaced the row as it was before either import; the second replaced the first's
    expect(e[0]!.sebelum).toMatchObject({ nama: staf.nama, jabatan: staf.jabatan });
    expect(e[1]!.sebelum).toMatchObject({ nama: e[0]!.sesudah.nama, jabatan: e[0]!.sesudah.jabatan });
    expect(e[1]!.sesudah.nama).not.toBe(e[0]!.sesudah.nama);
    expect(sekarang.nama).toBe(e[1]!.sesudah.nama);
    expect(terbuka).toEqual([{ jabatan: e[1]!.sesudah.jabatan }]);
  });

  it('two absence imports overlapping for one person: one is recorded, the other refused naming the row', async () => {
    const isi = (dari: string, sampai: string) =>
      `nip,jenis,dari,sampai,keterangan\n${NIP.kalak},cuti_tahunan,${dari},${sampai},\n`;
    // Both read the register, then (on PostgreSQL) wait to write to it.
    const lepas = pg() ? await tahan(sdb, 'LOCK TABLE ketidakhadiran IN EXCLUSIVE MODE') : null;
    const semua = [
      kirim('/api/cuti/impor?nama=a.csv', isi('2020-05-04', '2020-05-06')),
      kirim('/api/cuti/impor?nama=b.csv', isi('2020-05-05', '2020-05-08')),
    ];
    if (lepas) {
      await tungguSampai(async () => (await menunggu(sdb)) === 2, 'both imports held');
      await lepas();
    }
    const res = await Promise.all(semua);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const tolak = res
      .find((r) => r.statusCode === 422)!
      .json<{
        code: string;
        issues: { baris: number; kolom: string; kode: string; pesan: { id: string } }[];
      }>();
    expect(tolak.code).toBe('IMPOR_GAGAL');
    expect(tolak.issues).toEqual([
      expect.objectContaining({
        baris: 2,
        kolom: 'dari',
        kode: 'TUMPANG_TINDIH',
        pesan: expect.objectContaining({
          id: expect.stringMatching(new RegExp(`^${NIP.kalak} sudah tercatat cuti_tahunan 2020-05-0`)),
        }),
      }),
    ]);
    const tercatat = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('ketidakhadiran as k')
        .innerJoin('pegawai as p', 'p.id', 'k.pegawai_id')
        .select(['k.dari', 'k.sampai'])
        .where('p.nip', '=', NIP.kalak)
        .execute(),
    );
    expect(tercatat).toHaveLength(1);
  });
});
