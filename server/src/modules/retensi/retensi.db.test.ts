import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda } from '../../../test/fixtures.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { catatKejadian } from '../kehadiran/kehadiran.service.ts';
import { simpanTinjauan } from '../kehadiran/tinjau.service.ts';
import { bacaCincin } from '../wajah/kunci.ts';
import { jalankanRetensi, RETENSI } from './retensi.service.ts';

/*
 * The daily retention job on a real database (PGlite, or PostgreSQL with SIGAP_TEST_PG_URL): what has
 * outlived its documented period goes, in every Pemda; what is younger, and the attendance record itself,
 * stays; one audit row per Pemda that lost anything; a second run deletes nothing.
 */

let sdb: SigapDatabase & { cleanup(): Promise<void> };
let A: string;
let B: string;
const HARI = 86_400_000;
const NOW = new Date();
const kunci = bacaCincin(`r:${randomBytes(32).toString('base64')}`);

async function kejadian(tenant: string, hariLalu: number, hasil: 'diterima' | 'ditolak' | 'ditinjau') {
  return withTenant(sdb, tenant, async (trx) => {
    const p = await trx
      .selectFrom('pegawai')
      .select('id')
      .where('nip', '=', NIP.staf)
      .executeTakeFirstOrThrow();
    const { kejadian: k } = await catatKejadian(trx, tenant, {
      pegawai_id: p.id,
      opd_id: null,
      waktu: new Date(NOW.getTime() - hariLalu * HARI),
      waktu_perangkat: null,
      jenis: 'masuk',
      sumber: 'wajah',
      perangkat_id: null,
      lat: -7.87,
      lng: 112.52,
      akurasi_m: 10,
      hasil,
      alasan: [hasil === 'diterima' ? 'diterima' : hasil === 'ditinjau' ? 'tinjau' : 'di_luar_kantor'],
      skor: null,
      id_klien: null,
      hash_isi: null,
    });
    return { id: k.id, pegawaiId: p.id, waktu: k.waktu };
  });
}

const ada = (tenant: string, id: string) =>
  withTenant(sdb, tenant, async (trx) =>
    Boolean(await trx.selectFrom('kehadiran').select('id').where('id', '=', id).executeTakeFirst()),
  );

beforeAll(async () => {
  sdb = await freshDatabase();
  A = await seedSmallPemda(sdb, 'kota-retensi-a');
  B = await seedSmallPemda(sdb, 'kota-retensi-b');
});
afterAll(async () => {
  await sdb?.cleanup();
});

describe('daily retention', () => {
  it('deletes refused attempts past 90 days, expired review frames and old challenges, in every Pemda; keeps the rest', async () => {
    const tua = await kejadian(A, RETENSI.percobaanDitolakHari + 1, 'ditolak');
    const tuaB = await kejadian(B, RETENSI.percobaanDitolakHari + 5, 'ditolak');
    const muda = await kejadian(A, RETENSI.percobaanDitolakHari - 1, 'ditolak');
    const diterimaTua = await kejadian(A, 400, 'diterima');
    // two reviews: one whose keeping period ended yesterday, one that ends tomorrow
    const tinjau = async (sampaiHari: number) => {
      const k = await kejadian(A, 3, 'ditinjau');
      await withTenant(sdb, A, (trx) =>
        simpanTinjauan(trx, A, kunci, {
          kehadiranId: k.id,
          pegawaiId: k.pegawaiId,
          opdId: null,
          skor: 0.6,
          dibuat: k.waktu,
          simpanSampai: new Date(NOW.getTime() + sampaiHari * HARI),
          bingkai: [new Uint8Array([0xff, 0xd8, 1, 2]), new Uint8Array([0xff, 0xd8, 3, 4])],
        }),
      );
      return k.id;
    };
    const habis = await tinjau(-1);
    const belum = await tinjau(1);
    await withTenant(sdb, A, async (trx) => {
      const p = await trx
        .selectFrom('pegawai')
        .select('id')
        .where('nip', '=', NIP.staf)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('tantangan_absen')
        .values([
          {
            tenant_id: A,
            pegawai_id: p.id,
            langkah: ['toleh_kiri', 'toleh_kanan'],
            dibuat_pada: new Date(NOW.getTime() - 3 * HARI),
            berlaku_sampai: new Date(NOW.getTime() - 3 * HARI + 120_000),
          },
          {
            tenant_id: A,
            pegawai_id: p.id,
            langkah: ['toleh_kanan', 'toleh_kiri'],
            dibuat_pada: NOW,
            berlaku_sampai: new Date(NOW.getTime() + 120_000),
          },
        ])
        .execute();
    });

    const r = await jalankanRetensi(sdb, NOW);
    expect(r).toMatchObject({ percobaanDitolak: 2, bingkaiTinjauan: 2, tantangan: 1 });
    expect(await ada(A, tua.id)).toBe(false);
    expect(await ada(B, tuaB.id)).toBe(false);
    expect(await ada(A, muda.id)).toBe(true);
    expect(await ada(A, diterimaTua.id)).toBe(true); // the attendance record itself stays
    const bingkai = await withTenant(sdb, A, (trx) =>
      trx.selectFrom('tinjau_bingkai').select('kehadiran_id').execute(),
    );
    expect(bingkai.map((b) => b.kehadiran_id)).toEqual([belum, belum]);
    // the expired review keeps its row (and decision, if any): only its frames went
    expect(await ada(A, habis)).toBe(true);
    const audit = await withTenant(sdb, A, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['aksi', 'ringkasan', 'pelaku'])
        .where('aksi', '=', 'retensi')
        .execute(),
    );
    expect(audit).toEqual([
      {
        aksi: 'retensi',
        pelaku: 'sistem',
        ringkasan: expect.stringMatching(
          /^Retensi harian: 1 percobaan absen yang ditolak .* dan 2 gambar tinjauan/,
        ),
      },
    ]);

    expect(await jalankanRetensi(sdb, NOW)).toEqual({
      fotoWajah: 0,
      bingkaiTinjauan: 0,
      percobaanDitolak: 0,
      tantangan: 0,
      laporanLokasi: 0,
    });
  });

  it('location reports from home go after the Pemda’s own period (B keeps them longer), not before', async () => {
    const lapor = (tenant: string, hariLalu: number) =>
      withTenant(sdb, tenant, async (trx) => {
        const p = await trx
          .selectFrom('pegawai')
          .select('id')
          .where('nip', '=', NIP.staf)
          .executeTakeFirstOrThrow();
        const t = new Date(NOW.getTime() - hariLalu * HARI);
        const r = await trx
          .insertInto('laporan_lokasi')
          .values({
            tenant_id: tenant,
            pegawai_id: p.id,
            lat: -7.87,
            lng: 112.52,
            akurasi_m: 10,
            waktu_terima: t,
            waktu_perangkat: t,
            waktu_kirim: null,
            waktu_dihitung: t,
            tanggal: t.toISOString().slice(0, 10),
            id_klien: crypto.randomUUID(),
            hash_isi: 'a'.repeat(64),
            jawaban: '{}',
            dikirim_oleh: 'uji',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return r.id;
      });
    await withTenant(sdb, B, (trx) =>
      trx.updateTable('tenant').set({ wfh_simpan_lokasi_hari: 120 }).where('id', '=', B).execute(),
    );
    const tuaA = await lapor(A, 91);
    const mudaA = await lapor(A, 89);
    const tuaB = await lapor(B, 91);
    const r = await jalankanRetensi(sdb, NOW);
    expect(r.laporanLokasi).toBe(1);
    const sisa = async (tenant: string, id: string) =>
      withTenant(sdb, tenant, async (trx) =>
        Boolean(await trx.selectFrom('laporan_lokasi').select('id').where('id', '=', id).executeTakeFirst()),
      );
    expect([await sisa(A, tuaA), await sisa(A, mudaA), await sisa(B, tuaB)]).toEqual([false, true, true]);
    const audit = await withTenant(sdb, A, (trx) =>
      trx.selectFrom('audit_log').select('ringkasan').where('entitas', '=', 'laporan_lokasi').execute(),
    );
    expect(audit.map((x) => x.ringkasan)).toEqual([
      'Retensi harian: 1 laporan lokasi WFH yang lebih dari 90 hari dihapus',
    ]);
    // outside the job, the young one cannot be deleted
    await expect(
      withTenant(sdb, A, (trx) => trx.deleteFrom('laporan_lokasi').where('id', '=', mudaA).execute()),
    ).rejects.toThrow(/laporan lokasi disimpan sebagai bukti/);
  });

  it('outside the job, an old refused attempt still cannot be deleted (the append-only trigger)', async () => {
    const tua = await kejadian(A, RETENSI.percobaanDitolakHari + 30, 'ditolak');
    await expect(
      withTenant(sdb, A, (trx) => trx.deleteFrom('kehadiran').where('id', '=', tua.id).execute()),
    ).rejects.toThrow(/append-only/);
    expect(await ada(A, tua.id)).toBe(true);
  });
});
