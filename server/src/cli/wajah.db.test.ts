import { randomBytes } from 'node:crypto';
import { kemiripanKosinus } from '@sigap/domain/wajah/sampel';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { freshDatabase } from '../../test/db.ts';
import { NIP, seedSmallPemda } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../caller.ts';
import { openDatabase, withTenant } from '../db/database.ts';
import { bacaCincin } from '../modules/wajah/kunci.ts';
import { daftarkanWajah, templatUntuk } from '../modules/wajah/wajah.service.ts';

// `sigap face rekey` as an operator runs it: a real second process on the same database, with the new
// key first in SIGAP_KUNCI_WAJAH and the old one after it; afterwards the old key can go.

let cleanup: (() => Promise<void>) | undefined;
afterAll(async () => cleanup?.());

describe('sigap face rekey', () => {
  it('re-encrypts the templates under the first key and says the old key may be removed', async () => {
    const sdb = await freshDatabase();
    cleanup = () => sdb.cleanup();
    const tenantId = await seedSmallPemda(sdb, 'kota-rekey');
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    const lama = bacaCincin(`lama:${k1}`);
    const pegawaiId = await withTenant(sdb, tenantId, async (trx) => {
      const p = await trx
        .selectFrom('pegawai')
        .select('id')
        .where('nip', '=', NIP.staf)
        .executeTakeFirstOrThrow();
      const v = (k: number) => {
        const x = new Float32Array(64);
        for (let i = 0; i < 64; i++) x[i] = Math.sin(i * 0.3) + 0.01 * k;
        return x;
      };
      await daftarkanWajah(
        trx,
        { tenantId, caller: null, actor: SYSTEM_ACTOR },
        lama,
        p.id,
        {
          persetujuan: { keterangan: 'uji rotasi dari baris perintah' },
          sampel: [0, 1, 2].map((k) => ({
            deskripsi: { model: 'm@1', vektor: v(k) },
            kualitas: { layak: true, alasan: [] },
          })),
        },
        { mirip: kemiripanKosinus, ambang: 0.5 },
      );
      return p.id;
    });
    let target = sdb.folder;
    if (!target) {
      const u = new URL(process.env.SIGAP_TEST_PG_URL!);
      u.pathname = `/${(await sql<{ d: string }>`SELECT current_database() AS d`.execute(sdb.db)).rows[0]!.d}`;
      target = u.toString();
    }
    await sdb.close(); // the command needs the PGlite folder to itself

    const r = await runCli(['--db', target, 'face', 'rekey'], { SIGAP_KUNCI_WAJAH: `baru:${k2},lama:${k1}` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '3 templat, 0 foto dan 0 gambar tinjauan disandikan ulang dengan kunci "baru".',
    );
    expect(r.stdout).toContain('Dipakai per kunci: baru: 3');
    expect(r.stdout).toContain('Kunci lama tidak lagi dipakai dan boleh dihapus dari SIGAP_KUNCI_WAJAH.');

    // Only the new key is needed now.
    const lagi = await openDatabase(target);
    try {
      const t = await withTenant(lagi, tenantId, (trx) =>
        templatUntuk(trx, tenantId, bacaCincin(`baru:${k2}`), pegawaiId, 'm@1'),
      );
      expect(t.templat).toHaveLength(3);
    } finally {
      await lagi.close();
    }
    // A ring without the key the templates are under: the command stops, naming that key.
    const tanpa = await runCli(['--db', target, 'face', 'rekey'], { SIGAP_KUNCI_WAJAH: `lain:${k1}` });
    expect(tanpa.code).toBe(1);
    expect(tanpa.stderr).toMatch(
      /disandikan dengan kunci "baru" yang tidak ada di SIGAP_KUNCI_WAJAH \(kunci yang ada: lain\)/,
    );
  });
});
