import type { TugasImpor } from '@sigap/domain/api/impor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { freshDatabase } from '../../../test/db.ts';
import { tungguSampai } from '../../../test/latch.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';

/**
 * A failed import of a file with thousands of bad rows keeps a bounded list of its problems (in the
 * job's answer and in the import_job table), with the total and a count per code, and says how many
 * more there are — instead of storing every one (98,740 entries for a 50,000-row file).
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let sesi: Sesi;
let tutup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ sdb, app, tenantId, tutup } = await appUji('kota-masalah', '2020-01-01'));
  sesi = await masuk(app, 'admin');
});
afterAll(async () => {
  await tutup?.();
});

type Galat = {
  code: string;
  pesan: { id: string; en: string };
  issues: { baris: number; kolom: string | null; kode: string; pesan: { id: string; en: string } }[];
  jumlahMasalah: number;
  perKode: Record<string, number>;
};

describe('a failed import of many bad rows', () => {
  it('stores the first 1,000 problems, the total and the count per code, and says how many more', async () => {
    // 1,800 people, each placed in an OPD that does not exist; every third also with a bad e-mail.
    const N = 1800;
    const baris = ['id_pegawai,nama,jenis_pegawai,jabatan_level,opd_kode,email'];
    for (let i = 0; i < N; i++)
      baris.push(`THL-M${i},Orang ${i},non_asn,pelaksana,TIDAK-ADA,${i % 3 === 0 ? 'bukan-email' : ''}`);
    const r = await app.inject({
      method: 'POST',
      url: '/api/impor/pegawai?nama=banyak.csv',
      payload: baris.join('\n'),
      headers: { ...sesi, 'content-type': 'text/csv' },
    });
    expect(r.statusCode, r.body).toBe(202);
    const id = r.json<{ id: string }>().id;
    let t: TugasImpor;
    do {
      await new Promise((x) => setTimeout(x, 50));
      t = (await app.inject({ method: 'GET', url: `/api/impor/${id}`, headers: sesi })).json();
    } while (t.status === 'berjalan');

    expect(t.status).toBe('gagal');
    const g = t.galat!;
    expect(g.code).toBe('IMPOR_GAGAL');
    expect(g.pesan.id).toBe('Impor dibatalkan: 2400 masalah ditemukan; tidak ada data yang diubah');
    expect(g.jumlah_masalah).toBe(2400);
    expect(g.per_kode).toEqual({ OPD_TIDAK_DIKENAL: 1800, EMAIL_TIDAK_SAH: 600 });
    expect(g.issues).toHaveLength(1001);
    expect(g.issues.slice(0, 1000).every((i) => i.baris >= 2 && i.kode !== 'MASALAH_LAIN')).toBe(true);
    expect(g.issues[1000]).toEqual({
      baris: 0,
      kolom: null,
      kode: 'MASALAH_LAIN',
      pesan: {
        id: '… dan 1.400 masalah lain (hanya 1.000 masalah pertama yang dicantumkan); perbaiki yang di atas lalu impor lagi',
        en: '… and 1,400 more problems (only the first 1,000 are listed); fix the ones above and import again',
      },
    });

    // what the table keeps (read back after the in-memory job is gone) is as bounded; the job's row
    // is written just after the job in memory ends
    const baca = () =>
      withTenant(sdb, tenantId, (trx) =>
        trx
          .selectFrom('import_job')
          .select(['status', 'hasil'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      );
    await tungguSampai(async () => (await baca()).status === 'gagal', 'the job row written');
    const row = await baca();
    const disimpan = row.hasil as Galat;
    expect(disimpan.issues).toHaveLength(1001);
    expect(disimpan.jumlahMasalah).toBe(2400);
    const audit = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('audit_log').select('ringkasan').where('entitas_id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(audit.ringkasan).toBe('Impor pegawai banyak.csv gagal: 2400 masalah; tidak ada data yang diubah');
  });
});
