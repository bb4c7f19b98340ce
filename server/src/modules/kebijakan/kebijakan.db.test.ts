import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { ACCOUNTS, NIP, PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type App, buildApp } from '../../http/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { dampak, jelaskan, simpan, ubahStatus } from './kebijakan.service.ts';

const example = (f: string) =>
  readFileSync(new URL(`../../../../examples/policies/${f}`, import.meta.url), 'utf8');

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let tenantId: string;
let app: App;
const TODAY = '2026-11-23';

const run = <T>(fn: (trx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>) =>
  withTenant(sdb, tenantId, fn);
const fails = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

async function signIn(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  return {
    cookie: `sigap_sid=${res.cookies.find((c) => c.name === 'sigap_sid')!.value}`,
    csrf: res.json<{ csrf_token: string }>().csrf_token,
  };
}

const BOGOR_LIKE = (versi: number, status: string, extra = '') => `
id: uji-wfh
versi: ${versi}
judul: Uji WFH seluruh ASN
jenis_dokumen: surat_edaran
nomor: 800/1/2026
tanggal: 2026-11-01
penandatangan: { jabatan: Sekretaris Daerah }
status: ${status}
${versi > 1 ? 'alasan_revisi: rekomendasi Dinkes' : ''}
berlaku: { dari: 2026-11-23, sampai: 2026-11-27 }
aturan:
  - id: kesehatan-tetap-masuk
    judul: Layanan kesehatan tetap masuk
    pilih: { sektor: [kesehatan] }
    hasil: { jenis: wfo }
  - id: lainnya-wfh
    judul: Lainnya bekerja dari rumah
    pilih: { semua: true }
    hasil: { jenis: wfh }
  - id: piket-satu
    judul: Satu piket per OPD
    pilih: { semua: true }
    kecuali: [{ sektor: [kesehatan] }]
    hasil: { jenis: piket, jumlah: 1, per: opd }
${extra}`;

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

describe('policies as versioned documents', () => {
  it('stores Batu v1 then its revision v2, which supersedes v1; both stay on record', async () => {
    const v1 = await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, example('batu-2020.v1.yaml'), TODAY));
    expect(v1).toMatchObject({ id: 'batu-2020-wfh-asn', versi: 1, status: 'diganti', berubah: true });
    const v2 = await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, example('batu-2020.v2.yaml'), TODAY));
    expect(v2).toMatchObject({ versi: 2, status: 'aktif', berubah: true });
    const again = await run((trx) =>
      simpan(trx, tenantId, SYSTEM_ACTOR, example('batu-2020.v2.yaml'), TODAY),
    );
    expect(again.berubah).toBe(false);
  });

  it('refuses to change a stored version, to skip a version number, and a revision without a reason', async () => {
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, BOGOR_LIKE(1, 'draft'), TODAY));
    expect(
      (
        await fails(
          run((trx) =>
            simpan(trx, tenantId, SYSTEM_ACTOR, BOGOR_LIKE(1, 'draft').replace('Uji WFH', 'Uji lain'), TODAY),
          ),
        )
      ).code,
    ).toBe('KONFLIK');
    expect(
      (await fails(run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, BOGOR_LIKE(3, 'draft'), TODAY)))).code,
    ).toBe('VALIDASI');
    const noReason = await fails(
      run((trx) =>
        simpan(
          trx,
          tenantId,
          SYSTEM_ACTOR,
          BOGOR_LIKE(2, 'draft').replace('alasan_revisi: rekomendasi Dinkes', ''),
          TODAY,
        ),
      ),
    );
    expect(noReason.code).toBe('KEBIJAKAN_TIDAK_SAH');
    expect(noReason.issues!.map((i) => i.kolom)).toContain('alasan_revisi');
  });

  it('refuses a broken document naming the field and its line, and stores nothing', async () => {
    const before = await run((trx) => trx.selectFrom('kebijakan').select('id').execute());
    const bad = BOGOR_LIKE(1, 'aktif')
      .replace('id: uji-wfh', 'id: uji-rusak')
      .replace('hasil: { jenis: wfh }', 'hasil: { jenis: batas_kantor, maks: { persen: 120 } }');
    const e = await fails(run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, bad, TODAY)));
    const issue = e.issues!.find((i) => i.kolom === 'aturan[1].hasil.maks.persen');
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.baris).toBeGreaterThan(10);
    expect(issue!.pesan.id).toMatch(/paling besar 100/);
    expect(issue!.pesan.en).toMatch(/at most 100/);
    expect(await run((trx) => trx.selectFrom('kebijakan').select('id').execute())).toEqual(before);
  });

  it('previews a draft’s impact per OPD before activation, then activation changes decisions', async () => {
    const preview = await run((trx) => dampak(trx, tenantId, '2026-11-24', 'uji-wfh', 1));
    const row = (kode: string) => preview.opd.find((r) => r.kode === kode)!;
    expect(row('DINKES')).toMatchObject({ total: 4, wfo: 4, wfh: 0 });
    expect(row('SETDA')).toMatchObject({ total: 3, wfo: 0, wfh: 3, piket: 1, maksKantor: 0 });
    expect(row('BPBD')).toMatchObject({ total: 1, wfh: 1, piket: 1 });
    // Still a draft: nobody is affected yet.
    const before = await run((trx) => jelaskan(trx, tenantId, NIP.staf, '2026-11-24'));
    expect(before.keputusan.lokasi).toBe('WFO');
    await run((trx) => ubahStatus(trx, tenantId, SYSTEM_ACTOR, 'uji-wfh', 1, 'aktif'));
    const after = await run((trx) => jelaskan(trx, tenantId, NIP.staf, '2026-11-24'));
    expect(after.keputusan).toMatchObject({
      lokasi: 'WFH',
      sumber: { kebijakanId: 'uji-wfh', aturanId: 'lainnya-wfh' },
    });
    expect(after.kelompok.map((g) => g.jenis)).toEqual(['piket']);
    const nurse = await run((trx) => jelaskan(trx, tenantId, NIP.perawat, '2026-11-24'));
    expect(nurse.keputusan).toMatchObject({ lokasi: 'WFO', sumber: { aturanId: 'kesehatan-tetap-masuk' } });
  });

  it('allows draft → active → revoked, never revoked → active; every change is audited', async () => {
    await run((trx) => ubahStatus(trx, tenantId, SYSTEM_ACTOR, 'uji-wfh', 1, 'dicabut'));
    expect(
      (await fails(run((trx) => ubahStatus(trx, tenantId, SYSTEM_ACTOR, 'uji-wfh', 1, 'aktif')))).code,
    ).toBe('KONFLIK');
    const audit = await run((trx) =>
      trx.selectFrom('audit_log').select(['aksi', 'entitas_id']).where('entitas', '=', 'kebijakan').execute(),
    );
    expect(audit.map((a) => `${a.aksi}:${a.entitas_id}`)).toEqual(
      expect.arrayContaining([
        'buat:batu-2020-wfh-asn@1',
        'buat:batu-2020-wfh-asn@2',
        'buat:uji-wfh@1',
        'aktifkan:uji-wfh@1',
        'cabut:uji-wfh@1',
      ]),
    );
    const revoked = await run((trx) => jelaskan(trx, tenantId, NIP.staf, '2026-11-24'));
    expect(revoked.keputusan.lokasi).toBe('WFO');
  });

  it('applies a national cap from the zone the Pemda recorded for the date', async () => {
    const doc = `
id: uji-zona
versi: 1
judul: Batas kantor menurut zona
jenis_dokumen: surat_edaran
nomor: 800/2/2020
tanggal: 2020-09-07
penandatangan: { jabatan: Sekretaris Daerah }
status: aktif
dasar: [{ jenis: nasional, nomor: SE MenPANRB 67/2020 }]
berlaku: { dari: 2026-12-01, sampai: 2026-12-31 }
aturan:
  - id: batas-zona
    judul: Batas WFO menurut zona risiko
    pilih: { opd: [SETDA] }
    hasil: { jenis: batas_kantor, maks: { menurut: { instrumen: SE_MENPANRB_67_2020 } }, per: opd }
`;
    await run((trx) => simpan(trx, tenantId, SYSTEM_ACTOR, doc, TODAY));
    const unknown = await run((trx) => jelaskan(trx, tenantId, NIP.staf, '2026-12-02'));
    expect(unknown.keputusan.lokasi).toBe('WFO');
    expect(unknown.peringatan[0]!.id).toMatch(/zona risiko .* belum dicatat/);
    const admin = await signIn('admin');
    const res = await app.inject({
      method: 'POST',
      url: '/api/konteks-wilayah',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { dari: '2026-12-01', zona: 'sedang' },
    });
    expect(res.statusCode).toBe(200);
    const known = await run((trx) => jelaskan(trx, tenantId, NIP.staf, '2026-12-02'));
    expect(known.keputusan.lokasi).toBe('BEBAS');
    expect(known.kelompok[0]).toMatchObject({ jenis: 'batas_kantor', maks: 1, jumlahAnggota: 3 }); // 50% of 3, rounded down
  });

  it('explains over the API in both languages; an employee may only ask about themselves', async () => {
    const emp = await signIn(ACCOUNTS.find((a) => a.role === 'employee')!.username);
    const self = await app.inject({
      url: `/api/kebijakan-jelaskan?nip=${NIP.staf}&tanggal=2026-12-02`,
      headers: { cookie: emp.cookie },
    });
    expect(self.statusCode).toBe(200);
    expect(self.json()).toMatchObject({ pegawai: { key: NIP.staf }, keputusan: { lokasi: 'BEBAS' } });
    const other = await app.inject({
      url: `/api/kebijakan-jelaskan?nip=${NIP.sekda}&tanggal=2026-12-02`,
      headers: { cookie: emp.cookie },
    });
    expect(other.statusCode).toBe(403);
    const admin = await signIn('admin');
    const en = await app.inject({
      url: `/api/kebijakan-jelaskan?nip=${NIP.staf}&tanggal=2026-12-02&lang=en`,
      headers: { cookie: admin.cookie },
    });
    expect(en.json<{ keputusan: { penjelasan: { en: string } } }>().keputusan.penjelasan.en).toMatch(
      /within the cap/,
    );
  });

  it('stores a YAML document posted over the API and lists it with its versions', async () => {
    const admin = await signIn('admin');
    const res = await app.inject({
      method: 'POST',
      url: '/api/kebijakan',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/yaml' },
      payload: example('kudus-2020.yaml'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await app.inject({ url: '/api/kebijakan', headers: { cookie: admin.cookie } })).json<
      { id: string; versi_aktif: number | null; versi: unknown[] }[]
    >();
    expect(list.find((k) => k.id === 'batu-2020-wfh-asn')).toMatchObject({
      versi_aktif: 2,
      versi: [
        { versi: 1, status: 'diganti' },
        { versi: 2, status: 'aktif' },
      ],
    });
    expect(list.find((k) => k.id === 'kudus-2020-sistem-kerja-asn')).toMatchObject({ versi_aktif: 1 });
    const bkpsdmOnly = await signIn('auditor');
    const denied = await app.inject({
      method: 'POST',
      url: '/api/kebijakan',
      headers: { cookie: bkpsdmOnly.cookie, 'x-csrf-token': bkpsdmOnly.csrf, 'content-type': 'text/yaml' },
      payload: example('bogor-2021.yaml'),
    });
    expect(denied.statusCode).toBe(403);
  });
});
