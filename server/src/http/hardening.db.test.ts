import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.ts';
import { NIP, PASSWORD, PEGAWAI_ROWS, seedSmallPemda, table } from '../../test/fixtures.ts';
import { fromDatabaseError } from '../errors.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.repository.ts';
import { readTable } from '../modules/impor/baca-tabel.ts';
import { importPegawai } from '../modules/impor/impor.service.ts';
import { type App, buildApp } from './app.ts';

// Finding 8: security headers, formula neutralisation in exports, plain-text fields, database errors
// in words, YAML alias bombs, a malformed tenant in the cookie.

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let tenantId: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  sdb = await freshDatabase();
  tenantId = await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  cookie = `sigap_sid=${r.cookies.find((c) => c.name === 'sigap_sid')!.value}`;
  csrf = r.json<{ csrf_token: string }>().csrf_token;
});
afterAll(async () => {
  await app.close();
  await sdb.cleanup();
});

const get = (url: string) => app.inject({ url, headers: { cookie } });

describe('security headers', () => {
  it('CSP without inline script, frame-ancestors none, nosniff, Referrer-Policy; no HSTS over plain HTTP', async () => {
    const r = await app.inject({ url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/); // 'wasm-unsafe-eval' only: WebAssembly, never JS eval
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['strict-transport-security']).toBeUndefined();
    // The API docs page carries the same policy.
    const docs = await app.inject({ url: '/api/docs/static/index.html' });
    expect(String(docs.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('HSTS when cookies are Secure (served over HTTPS)', async () => {
    const secure = await buildApp({ sdb, serveWeb: false, secureCookies: true });
    try {
      const r = await secure.inject({ url: '/api/health' });
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});

describe('exports neutralise spreadsheet formulas, and the round trip still changes nothing', () => {
  const FORMULAS = {
    nama: '=HYPERLINK("http://contoh.invalid","klik")',
    jabatan: '@SUM(1+1)',
  };

  it('CSV and XLSX cells start with an apostrophe; importing the export changes nothing', async () => {
    const rows = PEGAWAI_ROWS.map((r) => (r.nip === NIP.staf ? { ...r, ...FORMULAS } : r));
    const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2024-01-01' };
    const first = await importPegawai(sdb, tenantId, table(rows), opts);
    expect(first.diubah).toBe(1);

    const csv = await get('/api/ekspor/pegawai?format=csv');
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split('\r\n').find((l) => l.startsWith(NIP.staf))!;
    expect(line).toContain(`"'=HYPERLINK(""http://contoh.invalid"",""klik"")"`);
    expect(line).toContain(",'@SUM(1+1),");
    expect(csv.body).not.toMatch(/(^|,)[=@]/m);
    // Negative coordinates are numbers, not formulas: left as they are.
    expect(line).toMatch(/,-7\.\d+,/);

    const xlsx = await get('/api/ekspor/pegawai?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(values).toContain(`'${FORMULAS.nama}`);
    expect(values).toContain(`'${FORMULAS.jabatan}`);
    expect(values.filter((v) => typeof v === 'string' && /^[=@+]/.test(v))).toEqual([]);

    for (const [bytes, name] of [
      [csv.rawPayload, 'pegawai.csv'],
      [xlsx.rawPayload, 'pegawai.xlsx'],
    ] as const) {
      const t = await readTable(bytes, name);
      expect(t.rows.find((x) => x.values.nip === NIP.staf)!.values).toMatchObject(FORMULAS);
      const r = await importPegawai(sdb, tenantId, t, opts);
      expect(r, name).toMatchObject({ dibuat: 0, diubah: 0, tidakBerubah: PEGAWAI_ROWS.length });
    }
  });
});

describe('plain text: control and bidi-override characters refused with a field error', () => {
  it('in the JSON API (an account name with NUL, or with a right-to-left override)', async () => {
    for (const nama of ['Budi\u0000Staf', 'Budi \u202Eexe.gpj', 'Isolat\u2066x\u2069']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/akun',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: {
          username: `uji.${Math.random().toString(36).slice(2, 8)}`,
          nama,
          password: PASSWORD,
          roles: [{ role: 'auditor' }],
        },
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDASI' });
      expect(r.json<{ message: string }>().message).toMatch(
        /Nama \(nama\): berisi karakter (kendali|pembalik arah)/,
      );
    }
  });

  it('in the import validation, naming row and column', async () => {
    const rows = PEGAWAI_ROWS.map((r) =>
      r.nip === NIP.staf ? { ...r, nama: 'Budi\u202EStaf', jabatan: 'Staf\u0007' } : r,
    );
    const e = await importPegawai(sdb, tenantId, table(rows), {
      actor: SYSTEM_ACTOR,
      writableOpdIds: null,
      berlakuMulai: '2024-01-01',
    }).catch((x: unknown) => x as { issues?: { kolom: string; kode: string }[] });
    expect(
      (e as { issues?: { kolom: string; kode: string }[] }).issues
        ?.filter((i) => i.kode === 'KARAKTER_TERLARANG')
        .map((i) => i.kolom)
        .sort(),
    ).toEqual(['jabatan', 'nama']);
  });
});

describe('database errors in words', () => {
  it('a NUL in a search answers 400 in words, not a raw database error', async () => {
    const r = await get('/api/pegawai?q=Bu%00di');
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json<{ message: string }>().message).toContain('karakter yang tidak sah');
    expect(r.body).not.toMatch(/UTF8|0x00|byte sequence/);
  });

  it('maps each kind of real database error to words', async () => {
    const failing = async (...statements: string[]) => {
      try {
        await sdb.db.transaction().execute(async (trx) => {
          for (const q of statements) await sql.raw(q).execute(trx);
        });
      } catch (e) {
        return e;
      }
      throw new Error(`no error from ${statements.join('; ')}`);
    };
    const unique = fromDatabaseError(
      await failing(
        'CREATE TEMP TABLE uji_unik (x int UNIQUE) ON COMMIT DROP',
        'INSERT INTO uji_unik VALUES (1), (1)',
      ),
    );
    expect(unique?.code).toBe('KONFLIK');
    const badUuid = fromDatabaseError(await failing("SELECT 'bukan-uuid'::uuid"));
    expect(badUuid?.code).toBe('VALIDASI');
    const check = fromDatabaseError(
      await failing(
        'CREATE TEMP TABLE uji_cek (x int CHECK (x > 0)) ON COMMIT DROP',
        'INSERT INTO uji_cek VALUES (-1)',
      ),
    );
    expect(check?.code).toBe('VALIDASI');
    const fk = fromDatabaseError(
      await failing(
        'CREATE TEMP TABLE uji_induk (id int PRIMARY KEY) ON COMMIT DROP',
        'CREATE TEMP TABLE uji_anak (induk int REFERENCES uji_induk) ON COMMIT DROP',
        'INSERT INTO uji_anak VALUES (7)',
      ),
    );
    expect(fk?.code).toBe('KONFLIK');
    for (const e of [unique, badUuid, check, fk]) expect(e!.pesan.id).not.toMatch(/uji_|constraint|violates/);
    expect(fromDatabaseError(new Error('bukan galat basis data'))).toBeNull();
  });
});

describe('policy and cookie input that used to answer 500', () => {
  it('a YAML alias bomb ("billion laughs") is refused in words', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const cur = String.fromCharCode(98 + i);
      lines.push(
        `${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    const bomb = `${lines.join('\n')}\n`;
    const t0 = Date.now();
    const r = await app.inject({
      method: 'POST',
      url: '/api/kebijakan/validasi',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/yaml' },
      payload: bomb,
    });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.statusCode, r.body).toBeLessThan(500);
    const body = r.json<{ ok: boolean; masalah: { pesan: { id: string } }[] }>();
    expect(body.ok).toBe(false);
    expect(body.masalah[0]!.pesan.id).toContain('alias YAML');
    const store = await app.inject({
      method: 'POST',
      url: '/api/kebijakan',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/yaml' },
      payload: bomb,
    });
    expect(store.statusCode, store.body).toBe(422);
  });

  it('a malformed tenant in the session cookie is "not signed in", not a server error', async () => {
    for (const bad of [
      '------------------------------------',
      'ffffffff-ffff-ffff-ffff-fffffffffffg',
      'zzzz',
    ]) {
      const r = await app.inject({
        url: '/api/auth/me',
        headers: { cookie: `sigap_sid=${bad}.AAAAAAAAAAAAAAAAAAAAAAAAAAAA` },
      });
      expect(r.statusCode, `${bad}: ${r.body}`).toBe(401);
      expect(r.json()).toMatchObject({ code: 'TIDAK_MASUK' });
    }
  });
});
