import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { PASSWORD, seedSmallPemda } from '../../../test/fixtures.ts';
import { type App, buildApp } from '../../http/app.ts';
import { toXlsx } from './ekspor.service.ts';

// Small limits, so that the files crossing them stay small: 1 MB upload, 2 MB inflated, 1,000 rows.
const ENV = { SIGAP_MAX_UPLOAD_MB: '1', SIGAP_MAX_INFLATED_MB: '2', SIGAP_MAX_ROWS: '1000' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let sdb: Awaited<ReturnType<typeof freshDatabase>>;
let app: App;
let auth: { cookie: string; 'x-csrf-token': string };
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const [k, v] of Object.entries(ENV)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  sdb = await freshDatabase();
  await seedSmallPemda(sdb);
  app = await buildApp({ sdb, serveWeb: false, loginRateLimit: 1000 });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  auth = {
    cookie: `sigap_sid=${res.cookies.find((c) => c.name === 'sigap_sid')!.value}`,
    'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token,
  };
}, 60_000);

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await app?.close();
  await sdb?.cleanup();
});

const cutiRows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    nip: `19900101201501${String(1000 + (i % 9000)).padStart(4, '0')}`,
    jenis: 'cuti_tahunan',
    dari: '2024-03-04',
    sampai: '2024-03-05',
    keterangan: `baris ${i + 2}`,
  }));
const COLS = ['nip', 'jenis', 'dari', 'sampai', 'keterangan'];
const csvOf = (rows: Record<string, string>[]) =>
  [COLS.join(','), ...rows.map((r) => COLS.map((c) => r[c]).join(','))].join('\n');

async function kirim(url: string, body: Buffer | string, type: string) {
  const t0 = performance.now();
  const res = await app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': type }, body });
  return { res, ms: performance.now() - t0, json: res.json<{ code: string; message: string }>() };
}

describe('upload limits', () => {
  it('a body over SIGAP_MAX_UPLOAD_MB is refused with 413 in words, before it is read', async () => {
    const { res, json } = await kirim(
      '/api/cuti/impor?nama=besar.csv',
      Buffer.alloc(1024 * 1024 + 10, 0x41),
      'text/csv',
    );
    expect(res.statusCode).toBe(413);
    expect(json.code).toBe('BERKAS_TERLALU_BESAR');
    expect(json.message).toBe(
      'Isi permintaan terlalu besar: paling besar 1 MB (SIGAP_MAX_UPLOAD_MB); bagi berkas menjadi beberapa bagian',
    );
  }, 20_000);

  it('a CSV with more rows than SIGAP_MAX_ROWS is refused with 413, naming the limit', async () => {
    const { res, json } = await kirim('/api/cuti/impor?nama=cuti.csv', csvOf(cutiRows(1001)), 'text/csv');
    expect(res.statusCode).toBe(413);
    expect(json).toEqual({
      code: 'BERKAS_TERLALU_BESAR',
      message:
        'Berkas berisi lebih dari 1.000 baris data, batas satu impor (SIGAP_MAX_ROWS); bagi menjadi beberapa berkas',
    });
  }, 20_000);

  it('an XLSX with more rows than SIGAP_MAX_ROWS is refused with 413 (read as a stream, stopped at the limit)', async () => {
    const xlsx = await toXlsx('cuti', COLS, cutiRows(1500));
    expect(xlsx.length).toBeLessThan(1024 * 1024);
    const { res, json } = await kirim('/api/cuti/impor?nama=cuti.xlsx', xlsx, XLSX);
    expect(res.statusCode).toBe(413);
    expect(json.message).toContain('lebih dari 1.000 baris data');
  }, 20_000);

  it('an XLSX that inflates past SIGAP_MAX_INFLATED_MB is refused with 413 from its declared sizes', async () => {
    // 900 rows (under the row limit) of distinct long texts: ~2.7 MB of XML in well under 1 MB of zip.
    const rows = cutiRows(900).map((r) => ({ ...r, keterangan: `${r.keterangan} ${'x'.repeat(3000)}` }));
    const xlsx = await toXlsx('cuti', COLS, rows);
    expect(xlsx.length).toBeLessThan(1024 * 1024);
    const { res, json } = await kirim('/api/cuti/impor?nama=cuti.xlsx', xlsx, XLSX);
    expect(res.statusCode).toBe(413);
    expect(json.code).toBe('BERKAS_TERLALU_BESAR');
    expect(json.message).toMatch(
      /^Berkas XLSX mengembang menjadi [\d,]+ MB saat dibuka, lebih dari batas 2 MB \(SIGAP_MAX_INFLATED_MB\)/,
    );
  }, 20_000);

  it('an XLSX whose zip understates its sizes is refused, not inflated without bound', async () => {
    const rows = cutiRows(900).map((r) => ({ ...r, keterangan: `${r.keterangan} ${'x'.repeat(3000)}` }));
    const xlsx = Buffer.from(await toXlsx('cuti', COLS, rows));
    // Every declared uncompressed size (local headers and central directory) set to 1,000 bytes.
    for (let i = 0; i + 30 < xlsx.length; i++) {
      const sig = xlsx.readUInt32LE(i);
      if (sig === 0x04034b50) xlsx.writeUInt32LE(Math.min(1000, xlsx.readUInt32LE(i + 22)), i + 22);
      if (sig === 0x02014b50) xlsx.writeUInt32LE(Math.min(1000, xlsx.readUInt32LE(i + 24)), i + 24);
    }
    const { res, json } = await kirim('/api/cuti/impor?nama=cuti.xlsx', xlsx, XLSX);
    expect(res.statusCode).toBe(400);
    expect(json).toEqual({
      code: 'BERKAS_TIDAK_SAH',
      message: 'Berkas XLSX rusak atau tidak dapat dibuka',
    });
  }, 20_000);

  it('a file within every limit is read as before', async () => {
    const xlsx = await toXlsx('cuti', COLS, cutiRows(3));
    const { res } = await kirim('/api/cuti/impor?nama=cuti.xlsx', xlsx, XLSX);
    // The NIPs are not in the registry: the import reaches validation and names the rows.
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('"baris":2');
  }, 20_000);
});
