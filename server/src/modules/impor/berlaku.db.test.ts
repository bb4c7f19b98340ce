import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { freshDatabase } from '../../../test/db.ts';
import { NIP, OPD_ROWS, PEGAWAI_ROWS } from '../../../test/fixtures.ts';
import { appUji, masuk, type Sesi } from '../../../test/sesi.ts';
import { withTenant } from '../../db/database.ts';
import type { App } from '../../http/app.ts';

/**
 * An import whose effective date lies before a person's (or an OPD's) latest dated change: history is
 * never rewritten backwards, so the import is refused naming the row and both dates, and nothing is
 * written — not a raw database error (a second open placement) nor silently overlapping placements.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let sesi: Sesi;
let tutup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ sdb, app, tenantId, tutup } = await appUji('kota-berlaku', '2020-01-01'));
  sesi = await masuk(app, 'admin');
});
afterAll(async () => {
  await tutup?.();
});

function csv(rows: readonly Record<string, string>[]) {
  const cols = Object.keys(rows[0]!);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n');
}

type Issue = { baris: number; kolom: string | null; kode: string; pesan: { id: string; en: string } };
type Tugas = {
  status: string;
  galat: { code: string; pesan: { id: string; en: string }; issues: Issue[] } | null;
};

async function impor(jenis: 'opd' | 'pegawai', berlaku: string, rows: readonly Record<string, string>[]) {
  const r = await app.inject({
    method: 'POST',
    url: `/api/impor/${jenis}?nama=${jenis}.csv&berlaku=${berlaku}`,
    payload: csv(rows),
    headers: { ...sesi, 'content-type': 'text/csv' },
  });
  expect(r.statusCode, r.body).toBe(202);
  const id = r.json<{ id: string }>().id;
  for (;;) {
    const t = (await app.inject({ method: 'GET', url: `/api/impor/${id}`, headers: sesi })).json<Tugas>();
    if (t.status !== 'berjalan') return t;
    await new Promise((x) => setTimeout(x, 20));
  }
}

const versi = (nip: string) =>
  withTenant(sdb, tenantId, (trx) =>
    trx
      .selectFrom('pegawai_versi as v')
      .innerJoin('pegawai as p', 'p.id', 'v.pegawai_id')
      .select(['v.berlaku_dari', 'v.berlaku_sampai', 'v.jabatan'])
      .where('p.nip', '=', nip)
      .orderBy('v.berlaku_dari')
      .execute(),
  );

const baris = (nip: string) => PEGAWAI_ROWS.findIndex((r) => r.nip === nip) + 2;
const dengan = (nip: string, ubah: Record<string, string>) =>
  PEGAWAI_ROWS.map((r) => (r.nip === nip ? { ...r, ...ubah } : r));

describe('an import dated before the latest change of a row', () => {
  it('a person moved on 1 Aug 2020; an import dated 1 Jul 2020 changing them is refused naming the row and dates', async () => {
    const pindah = await impor('pegawai', '2020-08-01', dengan(NIP.staf, { jabatan: 'Analis Kepegawaian' }));
    expect(pindah.status, JSON.stringify(pindah.galat)).toBe('berhasil');
    const sebelum = await versi(NIP.staf);

    const t = await impor('pegawai', '2020-07-01', dengan(NIP.staf, { jabatan: 'Pranata Komputer' }));
    expect(t.status).toBe('gagal');
    expect(t.galat?.code).toBe('IMPOR_GAGAL');
    expect(t.galat?.issues).toEqual([
      {
        baris: baris(NIP.staf),
        kolom: null,
        kode: 'BERLAKU_MUNDUR',
        pesan: {
          id: `Penempatan pegawai ${NIP.staf} terakhir berubah pada Sabtu, 1 Agustus 2020, sesudah tanggal berlaku impor Rabu, 1 Juli 2020; riwayat tidak dapat diubah mundur — impor dengan tanggal berlaku Sabtu, 1 Agustus 2020 atau sesudahnya`,
          en: `The placement of employee ${NIP.staf} last changed on Saturday, 1 August 2020, after the import's effective date Wednesday, 1 July 2020; history cannot be rewritten backwards — import with an effective date of Saturday, 1 August 2020 or later`,
        },
      },
    ]);
    expect(await versi(NIP.staf)).toEqual(sebelum);

    // the same file dated on or after the change applies (on the day itself: the version is amended)
    const tepat = await impor('pegawai', '2020-08-01', dengan(NIP.staf, { jabatan: 'Pranata Komputer' }));
    expect(tepat.status, JSON.stringify(tepat.galat)).toBe('berhasil');
    expect((await versi(NIP.staf)).map((v) => [v.berlaku_dari, v.berlaku_sampai, v.jabatan])).toEqual([
      ['2020-01-01', '2020-08-01', PEGAWAI_ROWS.find((r) => r.nip === NIP.staf)!.jabatan],
      ['2020-08-01', null, 'Pranata Komputer'],
    ]);
  });

  it('a row unchanged by the import is not refused, whatever the date', async () => {
    const t = await impor('pegawai', '2020-07-01', dengan(NIP.staf, { jabatan: 'Pranata Komputer' }));
    expect(t.status, JSON.stringify(t.galat)).toBe('berhasil');
  });

  it('a person who left on 1 Sep 2020 is not reinstated from 1 Jul 2020 (no overlapping placements)', async () => {
    const id = await withTenant(sdb, tenantId, async (trx) => {
      const p = await trx
        .selectFrom('pegawai')
        .select('id')
        .where('nip', '=', NIP.pppk)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('pegawai_versi')
        .set({ berlaku_sampai: '2020-09-01' })
        .where('pegawai_id', '=', p.id)
        .where('berlaku_sampai', 'is', null)
        .execute();
      return p.id;
    });
    const semua = dengan(NIP.staf, { jabatan: 'Pranata Komputer' });
    const t = await impor('pegawai', '2020-07-01', semua);
    expect(t.galat?.issues.map((i) => [i.baris, i.kode])).toEqual([[baris(NIP.pppk), 'BERLAKU_MUNDUR']]);
    expect(t.galat?.issues[0]?.pesan.id).toContain('1 September 2020');
    const n = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('pegawai_versi').select('berlaku_dari').where('pegawai_id', '=', id).execute(),
    );
    expect(n).toHaveLength(1);
    // from the day they left (or later) they come back
    const kembali = await impor('pegawai', '2020-09-01', semua);
    expect(kembali.status, JSON.stringify(kembali.galat)).toBe('berhasil');
  });

  it('an OPD renamed on 1 Aug 2020; an OPD import dated 1 Jul 2020 renaming it again is refused', async () => {
    const rename = (nama: string) => OPD_ROWS.map((r) => (r.kode === 'BAG-UMUM' ? { ...r, nama } : r));
    const a = await impor('opd', '2020-08-01', rename('Bagian Umum dan Protokol'));
    expect(a.status, JSON.stringify(a.galat)).toBe('berhasil');
    const t = await impor('opd', '2020-07-01', rename('Bagian Umum'));
    expect(t.status).toBe('gagal');
    expect(t.galat?.issues).toEqual([
      expect.objectContaining({
        baris: OPD_ROWS.findIndex((r) => r.kode === 'BAG-UMUM') + 2,
        kode: 'BERLAKU_MUNDUR',
        pesan: expect.objectContaining({
          id: expect.stringContaining('OPD BAG-UMUM terakhir berubah pada Sabtu, 1 Agustus 2020'),
        }),
      }),
    ]);
  });
});
