import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { seedSmallPemda } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { revisiData } from './evaluasi.repository.ts';
import { evaluasiPeriode, hangatkanEvaluasi, isiSimpananEvaluasi } from './evaluasi.service.ts';

// The evaluation of a period is kept in memory and handed out again only while the Pemda's revision
// (0007_revisi.sql: one log row per committed statement changing what evaluation reads) is unchanged.

type Db = Awaited<ReturnType<typeof freshDatabase>>;
let sdb: Db;
let a: string;
let b: string;
const HARI = ['2024-03-04', '2024-03-05', '2024-03-06'];

beforeAll(async () => {
  sdb = await freshDatabase();
  a = await seedSmallPemda(sdb, 'kota-a', '2024-01-01');
  b = await seedSmallPemda(sdb, 'kota-b', '2024-01-01');
}, 120_000);
afterAll(async () => sdb.cleanup());

const rev = (t: string) => withTenant(sdb, t, (trx) => revisiData(trx, t));
const evaluasi = (t: string) => withTenant(sdb, t, (trx) => evaluasiPeriode(trx, t, HARI));

describe('the kept evaluation of a period', () => {
  it('is handed out again while nothing it reads changed, and evaluated again after a change commits', async () => {
    const e1 = await evaluasi(a);
    expect(await evaluasi(a)).toBe(e1);
    expect(e1.hari[1]!.hariKerja).toBe(true);
    // A holiday on the second day, added by the admin: the day is no working day any more.
    await withTenant(sdb, a, (trx) =>
      sql`INSERT INTO hari_libur (tenant_id, tanggal, jenis, nama, dasar) VALUES (${a}, '2024-03-05', 'libur_daerah', 'Hari jadi', 'uji')`.execute(
        trx,
      ),
    );
    const e2 = await evaluasi(a);
    expect(e2).not.toBe(e1);
    expect(e2.hari[1]!.hariKerja).toBe(false);
    expect(await evaluasi(a)).toBe(e2);
  });

  it("one Pemda's change leaves another's kept evaluation alone; each sees only its own revision", async () => {
    const eb = await evaluasi(b);
    const sebelum = await rev(b);
    await withTenant(sdb, a, (trx) =>
      sql`UPDATE pegawai_versi SET jabatan = jabatan || ' (uji)' WHERE tenant_id = ${a}`.execute(trx),
    );
    expect(await rev(b)).toBe(sebelum);
    expect(await evaluasi(b)).toBe(eb);
    // Read under another Pemda's binding, the log shows nothing of it.
    const lain = await withTenant(sdb, b, (trx) =>
      sql<{ n: string }>`SELECT count(*)::text AS n FROM revisi_data WHERE tenant_id = ${a}`.execute(trx),
    );
    expect(lain.rows[0]!.n).toBe('0');
  });

  it('the revision grows with a change to each table evaluation reads, and not before the change commits', async () => {
    const ubah: [string, (t: string) => ReturnType<typeof sql>][] = [
      ['opd', (t) => sql`UPDATE opd SET kode = kode WHERE tenant_id = ${t}`],
      ['opd_versi', (t) => sql`UPDATE opd_versi SET nama = nama WHERE tenant_id = ${t}`],
      ['pegawai', (t) => sql`UPDATE pegawai SET nama = nama WHERE tenant_id = ${t}`],
      ['pegawai_versi', (t) => sql`UPDATE pegawai_versi SET jabatan = jabatan WHERE tenant_id = ${t}`],
      ['hari_libur', (t) => sql`DELETE FROM hari_libur WHERE tenant_id = ${t} AND tanggal = '2024-03-05'`],
      ['tenant', (t) => sql`UPDATE tenant SET nama = nama WHERE id = ${t}`],
      [
        'konteks_wilayah',
        (t) =>
          sql`INSERT INTO konteks_wilayah (tenant_id, dari, zona, dicatat_oleh) VALUES (${t}, '2024-01-01', 'rendah', 'uji')`,
      ],
      [
        'kebijakan',
        (t) =>
          sql`INSERT INTO kebijakan (tenant_id, id, versi, status, judul, nomor, tanggal, dokumen, sumber, dibuat_oleh)
              VALUES (${t}, 'uji-revisi', 1, 'draft', 'Uji', '1/2024', '2024-01-01', '{}', '', 'uji')`,
      ],
    ];
    for (const [tabel, q] of ubah) {
      const sebelum = BigInt(await rev(a));
      let selama = '';
      await withTenant(sdb, a, async (trx) => {
        await q(a).execute(trx);
        if (sdb.kind === 'postgres') selama = await rev(a); // another connection: the change is not committed
      });
      const sesudah = BigInt(await rev(a));
      expect(sesudah, tabel).toBe(sebelum + 1n);
      if (selama) expect(BigInt(selama), tabel).toBe(sebelum);
    }
  });

  it('counts what it keeps in person-days (bounded by SIGAP_SIMPAN_EVALUASI)', async () => {
    const ea = await evaluasi(a);
    const eb = await evaluasi(b);
    expect(isiSimpananEvaluasi()).toEqual({
      periode: 2,
      orangHari: (ea.b.orang.size + eb.b.orang.size) * HARI.length,
    });
  });

  it('warming at start evaluates the period the schedule page opens on: the newest schedule built, not a later change', async () => {
    const c = await seedSmallPemda(sdb, 'kota-c', '2024-01-01');
    const jadwal = (dari: string, sampai: string, jenis: string) =>
      withTenant(sdb, c, (trx) =>
        sql`INSERT INTO jadwal (tenant_id, dari, sampai, status, dibuat_oleh, jenis) VALUES (${c}, ${dari}, ${sampai}, 'draft', 'uji', ${jenis})`.execute(
          trx,
        ),
      );
    await jadwal('2024-02-05', '2024-02-09', 'buat');
    await jadwal('2024-04-01', '2024-04-30', 'buat');
    await jadwal('2024-05-06', '2024-05-07', 'ubah'); // a unit head's change: not what the page opens on
    const log: string[] = [];
    const sebelum = isiSimpananEvaluasi();
    await hangatkanEvaluasi(sdb, (m) => log.push(m));
    expect(log.filter((m) => m.includes('kota-c'))).toEqual([
      expect.stringMatching(/^evaluasi kota-c 30 hari disiapkan/),
    ]);
    const hangat = isiSimpananEvaluasi();
    expect(hangat.periode).toBeGreaterThan(sebelum.periode);
    // The page's request is then handed the kept evaluation: nothing new is evaluated or kept.
    const april = Array.from({ length: 30 }, (_, i) => `2024-04-${String(i + 1).padStart(2, '0')}`);
    const e1 = await withTenant(sdb, c, (trx) => evaluasiPeriode(trx, c, april));
    expect(e1.hari).toHaveLength(30);
    expect(isiSimpananEvaluasi()).toEqual(hangat);
  });

  it('periods that see the same organisation under the same revision share its materials; others do not', async () => {
    const d = await seedSmallPemda(sdb, 'kota-d', '2024-01-01');
    const ev = (hari: string[]) => withTenant(sdb, d, (trx) => evaluasiPeriode(trx, d, hari));
    const maret = await ev(['2024-03-04', '2024-03-05']);
    const april = await ev(['2024-04-01', '2024-04-02', '2024-04-03']);
    expect(april.b.org).toBe(maret.b.org);
    // Before the organisation was registered: another organisation (no one placed).
    const sebelum = await ev(['2023-12-04', '2023-12-05']);
    expect(sebelum.b.org).not.toBe(maret.b.org);
    expect(sebelum.b.orang.size).toBe(0);
    expect(maret.b.orang.size).toBeGreaterThan(0);
    // A person moved from 2024-04-02: April's first day still sees the old organisation, the second the new.
    await withTenant(sdb, d, (trx) =>
      sql`UPDATE pegawai_versi SET berlaku_sampai = '2024-04-02' WHERE tenant_id = ${d} AND pegawai_id = (SELECT pegawai_id FROM pegawai_versi WHERE tenant_id = ${d} AND opd_id IS NOT NULL AND atasan_id IS NOT NULL ORDER BY pegawai_id LIMIT 1)`.execute(
        trx,
      ),
    );
    const lagi = await ev(['2024-04-01', '2024-04-02', '2024-04-03']);
    expect(lagi.b.org).not.toBe(april.b.org);
    expect(lagi.b.orang.size).toBe(april.b.orang.size);
    expect(lagi.hari[0]!.orang.size).toBe(april.hari[0]!.orang.size);
    expect(lagi.hari[1]!.orang.size).toBe(april.hari[1]!.orang.size - 1);
  });
});
