import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { NIP, seedSmallPemda, table } from '../../../test/fixtures.ts';
import { masuk as masukSebagai } from '../../../test/sesi.ts';
import { withTenant } from '../../db/database.ts';
import { type App, buildApp } from '../../http/app.ts';
import { importOpd, importPegawai } from '../impor/impor.service.ts';
import { insertAudit, SYSTEM_ACTOR } from './audit.repository.ts';

/**
 * The audit trail in words (issue 8, finding 11): the list names who did it and what it was done to,
 * and the ids inside before/after values, resolved on the server within the caller's own Pemda only.
 * Two Pemda share the database; Pemda B has records with names that must never reach Pemda A.
 */
let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantA: string;
let tenantB: string;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Baris {
  pelaku: string;
  pelaku_nama: string;
  aksi: string;
  entitas: string;
  entitas_id: string | null;
  entitas_nama: string | null;
  ringkasan: string;
  sebelum: Record<string, unknown> | null;
  sesudah: Record<string, unknown> | null;
}
interface Halaman {
  total: number;
  rows: Baris[];
  rujukan: Record<string, string>;
}

async function masuk(pemda: string, username: string) {
  const s = await masukSebagai(app, username, { pemda });
  return { cookie: s.cookie, csrf: s['x-csrf-token'] };
}

let adminA: { cookie: string; csrf: string };
let auditorA: { cookie: string; csrf: string };

const minta = (
  s: { cookie: string; csrf: string },
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  payload?: object,
) =>
  app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload }),
  });

async function audit(query: string): Promise<Halaman> {
  const r = await minta(auditorA, 'GET', `/api/audit?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Halaman>();
}

/** Pemda B's own records, by distinctive names. */
const RAHASIA = { opd: 'Badan Rahasia Kota Lain', pegawai: 'Rahasia Orang Lain', nip: '198001012005011099' };
let b: { opdId: string; pegawaiId: string; adminId: string };

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantA = await seedSmallPemda(sdb, 'kota-a', '2024-01-01');
  tenantB = await seedSmallPemda(sdb, 'kota-b', '2024-01-01');
  const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2024-01-01' };
  await importOpd(
    sdb,
    tenantB,
    table([
      {
        kode: 'RAHASIA',
        nama: RAHASIA.opd,
        jenis: 'badan',
        kelas_layanan: 'non_pelayanan',
        lat: '-7.9',
        lng: '112.5',
      },
    ]),
    opts,
  );
  await importPegawai(
    sdb,
    tenantB,
    table([
      {
        nip: RAHASIA.nip,
        nama: RAHASIA.pegawai,
        jenis_pegawai: 'pns',
        jabatan_level: 'pelaksana',
        jabatan: 'Staf',
        opd_kode: 'RAHASIA',
      },
    ]),
    opts,
  );
  b = await withTenant(sdb, tenantB, async (trx) => ({
    opdId: (await trx.selectFrom('opd').select('id').where('kode', '=', 'RAHASIA').executeTakeFirstOrThrow())
      .id,
    pegawaiId: (
      await trx.selectFrom('pegawai').select('id').where('nip', '=', RAHASIA.nip).executeTakeFirstOrThrow()
    ).id,
    adminId: (
      await trx.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    ).id,
  }));
  // The fixture's accounts are named by their usernames; Pemda A's admin gets a person's name.
  await withTenant(sdb, tenantA, (trx) =>
    trx.updateTable('app_user').set({ nama: 'Sulistyo Admin' }).where('username', '=', 'admin').execute(),
  );
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  adminA = await masuk('kota-a', 'admin');
  auditorA = await masuk('kota-a', 'auditor');
});
afterAll(async () => {
  await app?.close();
  await sdb?.cleanup();
});

describe('the audit list names who and what', () => {
  it('an edit through the web app: the actor by name, the employee by name and NIP, ids in values by name', async () => {
    const idStaf = await withTenant(
      sdb,
      tenantA,
      async (trx) =>
        (await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.staf).executeTakeFirstOrThrow())
          .id,
    );
    const r = await minta(adminA, 'PUT', `/api/pegawai/${idStaf}`, {
      opd_kode: 'BPBD',
      berlaku: '2026-06-01',
    });
    expect(r.statusCode, r.body).toBe(200);
    const h = await audit('entitas=pegawai&aksi=ubah&limit=5');
    const baris = h.rows[0]!;
    expect(baris.pelaku).toBe('admin');
    expect(baris.pelaku_nama).toBe('Sulistyo Admin (admin)');
    expect(baris.entitas_nama).toBe(`Budi Staf (NIP ${NIP.staf})`);
    // The placement's OPD and supervisor are ids in the stored values; the page gets their names.
    const opdLama = baris.sebelum?.opd_id as string;
    const opdBaru = baris.sesudah?.opd_id as string;
    expect(opdLama).toMatch(UUID);
    expect(h.rujukan[opdLama]).toBe('Bagian Umum (BAG-UMUM)');
    expect(h.rujukan[opdBaru]).toBe('Badan Penanggulangan Bencana Daerah (BPBD)');
    const atasan = baris.sebelum?.atasan_id as string;
    expect(h.rujukan[atasan]).toMatch(new RegExp(`\\(NIP ${NIP.kabag}\\)$`));
  });

  it('every kind of record the demo seed writes gets a name: OPDs, accounts, the system actor', async () => {
    const opd = await audit('entitas=opd&limit=50');
    expect(opd.rows.find((x) => x.entitas_id === 'DINKES')?.entitas_nama).toBe('Dinas Kesehatan (DINKES)');
    expect(opd.rows[0]!.pelaku_nama).toBe('sistem');
    const akun = await audit('entitas=akun&limit=100');
    const masukAdmin = akun.rows.find((x) => x.aksi === 'masuk' && x.pelaku === 'admin')!;
    expect(masukAdmin.entitas_nama).toBe('Sulistyo Admin (admin)');
    expect(masukAdmin.pelaku_nama).toBe('Sulistyo Admin (admin)');
    expect(masukAdmin.entitas_nama).not.toMatch(UUID);
  });

  it('attendance records get names too: a terminal, an extra place, a face consent', async () => {
    const mesin = await minta(adminA, 'POST', '/api/perangkat', {
      kode: 'MESIN-AUDIT',
      nama: 'Mesin Lobi',
      opd_kode: 'DINKES',
    });
    expect(mesin.statusCode, mesin.body).toBeLessThan(300);
    const tempat = await minta(adminA, 'POST', '/api/kehadiran/tempat', {
      opd_kode: 'DINKES',
      nama: 'Pos piket Alun-alun',
      jenis: 'pos_piket',
      lat: -7.8705,
      lng: 112.5285,
      radius_m: 40,
    });
    expect(tempat.statusCode, tempat.body).toBeLessThan(300);
    const idStaf = await withTenant(
      sdb,
      tenantA,
      async (trx) =>
        (await trx.selectFrom('pegawai').select('id').where('nip', '=', NIP.staf).executeTakeFirstOrThrow())
          .id,
    );
    const setuju = await minta(adminA, 'POST', `/api/wajah/pegawai/${idStaf}/persetujuan`, {
      keterangan: 'uji audit: persetujuan tertulis',
    });
    expect(setuju.statusCode, setuju.body).toBe(200);
    const nama = async (entitas: string) => (await audit(`entitas=${entitas}&limit=5`)).rows[0]?.entitas_nama;
    expect(await nama('perangkat')).toBe('Mesin Lobi (MESIN-AUDIT)');
    expect(await nama('tempat_absen')).toBe('Pos piket Alun-alun');
    expect(await nama('wajah')).toBe(`Budi Staf (NIP ${NIP.staf})`);
  });

  it('a record since deleted keeps its key, marked "(dihapus)"', async () => {
    const hilang = '00000000-0000-4000-8000-000000000001';
    await withTenant(sdb, tenantA, (trx) =>
      insertAudit(trx, tenantA, SYSTEM_ACTOR, [
        { aksi: 'ubah', entitas: 'akun', entitasId: hilang, ringkasan: 'uji akun terhapus' },
        { aksi: 'hapus', entitas: 'opd', entitasId: 'SUDAH-TIADA', ringkasan: 'uji opd terhapus' },
      ]),
    );
    const h = await audit('q=uji%20&limit=10');
    expect(h.rows.find((x) => x.entitas === 'akun')?.entitas_nama).toBe(`${hilang} (dihapus)`);
    expect(h.rows.find((x) => x.entitas === 'opd')?.entitas_nama).toBe('SUDAH-TIADA (dihapus)');
  });

  it("another Pemda's records never lend their names, even to an entry that names their ids", async () => {
    // Entries in Pemda A that (by mistake or malice) point at Pemda B's records and actor.
    await withTenant(sdb, tenantA, (trx) =>
      insertAudit(trx, tenantA, { userId: b.adminId, nama: 'penyusup' }, [
        { aksi: 'ubah', entitas: 'pegawai', entitasId: RAHASIA.nip, ringkasan: 'silang pegawai' },
        { aksi: 'ubah', entitas: 'pegawai', entitasId: b.pegawaiId, ringkasan: 'silang id pegawai' },
        { aksi: 'ubah', entitas: 'opd', entitasId: 'RAHASIA', ringkasan: 'silang opd' },
        { aksi: 'ubah', entitas: 'akun', entitasId: b.adminId, ringkasan: 'silang akun' },
        {
          aksi: 'ubah',
          entitas: 'pegawai',
          entitasId: NIP.staf,
          ringkasan: 'silang nilai',
          sebelum: { opd_id: b.opdId, atasan_id: b.pegawaiId },
        },
      ]),
    );
    const r = await minta(auditorA, 'GET', '/api/audit?q=silang&limit=10');
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('Rahasia');
    expect(r.body).not.toContain('Kota Lain');
    const h = r.json<Halaman>();
    expect(h.rows).toHaveLength(5);
    const nama = (ringkasan: string) => h.rows.find((x) => x.ringkasan === ringkasan)!;
    expect(nama('silang pegawai').entitas_nama).toBe(`${RAHASIA.nip} (dihapus)`);
    expect(nama('silang id pegawai').entitas_nama).toBe(`${b.pegawaiId} (dihapus)`);
    expect(nama('silang opd').entitas_nama).toBe('RAHASIA (dihapus)');
    expect(nama('silang akun').entitas_nama).toBe(`${b.adminId} (dihapus)`);
    expect(nama('silang akun').pelaku_nama).toBe('penyusup (dihapus)');
    expect(h.rujukan[b.opdId]).toBe(`${b.opdId} (dihapus)`);
    // Pemda B's own auditor does see the names of its own records.
    const auditorB = await masuk('kota-b', 'auditor');
    const own = await minta(auditorB, 'GET', '/api/audit?entitas=pegawai&q=Rahasia');
    expect(own.json<Halaman>().rows[0]?.entitas_nama).toBe(`${RAHASIA.pegawai} (NIP ${RAHASIA.nip})`);
  });

  it('names follow the language asked for', async () => {
    const r = await minta(auditorA, 'GET', '/api/audit?q=uji%20akun&lang=en');
    expect(r.json<Halaman>().rows[0]?.entitas_nama).toMatch(/ \(deleted\)$/);
  });
});
