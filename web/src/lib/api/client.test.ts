import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DaftarCuti, HasilAjuan } from '@sigap/domain/api/cuti';
import { HasilLepasKunci } from '@sigap/domain/api/jadwal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  createApiClient,
  keApiError,
  namaIsian,
  onUnauthorized,
  parseApiError,
  pesanGalat,
  raw,
  setCsrfToken,
  withQuery,
} from './client';
import { retryQuery } from './query';

describe('parseApiError', () => {
  test('takes code, message and import issues from the server body', () => {
    const issue = { baris: 3, kolom: 'nip', kode: 'NIP_FORMAT', pesan: { id: 'NIP salah', en: 'Bad NIP' } };
    const e = parseApiError(
      422,
      JSON.stringify({ code: 'IMPOR_GAGAL', message: 'Impor dibatalkan', issues: [issue] }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.code).toBe('IMPOR_GAGAL');
    expect(e.message).toBe('Impor dibatalkan');
    expect(e.issues).toEqual([issue]);
  });

  test('falls back to a generic message for a body that is not the API error shape', () => {
    expect(parseApiError(502, '<html>Bad gateway</html>')).toMatchObject({ status: 502, code: 'HTTP' });
    expect(parseApiError(500, '{"error":"x"}').message).toContain('500');
    expect(parseApiError(0, '')).toMatchObject({ code: 'JARINGAN' });
  });

  test('keeps code and message but drops issues that are not rows of a file', () => {
    const e = parseApiError(422, JSON.stringify({ code: 'VALIDASI', message: 'Salah', issues: [{ x: 1 }] }));
    expect(e).toMatchObject({ code: 'VALIDASI', message: 'Salah', issues: [] });
  });
});

describe('keApiError / pesanGalat (the one coercion pages use)', () => {
  test('keeps an ApiError and turns anything else into a network-class ApiError with its text', () => {
    const e = new ApiError(409, 'BENTROK', 'Sudah ada');
    expect(keApiError(e)).toBe(e);
    expect(keApiError(new TypeError('Failed to fetch'))).toMatchObject({
      status: 0,
      code: 'JARINGAN',
      message: 'Failed to fetch',
    });
    expect(pesanGalat('aneh')).toBe('aneh');
    expect(pesanGalat(e)).toBe('Sudah ada');
  });
});

describe('retryQuery', () => {
  test('retries a network failure or a 5xx once, never a 4xx', () => {
    expect(retryQuery(0, new ApiError(0, 'JARINGAN', 'x'))).toBe(true);
    expect(retryQuery(0, new ApiError(502, 'HTTP', 'x'))).toBe(true);
    expect(retryQuery(1, new ApiError(502, 'HTTP', 'x'))).toBe(false);
    expect(retryQuery(0, new ApiError(409, 'BENTROK', 'x'))).toBe(false);
    expect(retryQuery(0, new ApiError(401, 'TIDAK_MASUK', 'x'))).toBe(false);
  });
});

describe('withQuery', () => {
  test('drops empty values and appends to an existing query', () => {
    expect(withQuery('/api/pegawai', { q: 'budi', opd: '', level: undefined, limit: 200, offset: 0 })).toBe(
      '/api/pegawai?q=budi&limit=200&offset=0',
    );
    expect(withQuery('/api/impor/pegawai?nama=a.csv', { tanggal: '2020-08-18' })).toBe(
      '/api/impor/pegawai?nama=a.csv&tanggal=2020-08-18',
    );
    expect(withQuery('/api/opd', { tanggal: '' })).toBe('/api/opd');
  });
});

// A real HTTP server on loopback answering as a proxy or the Sigap server would: the client's whole path
// (fetch, status, body text, parsing) runs, nothing of it is replaced.
describe('the client against a real HTTP server', () => {
  let server: Server;
  let base = '';
  const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];
  /** What the server answers (200, JSON) for a path, as a test sets it. */
  const jawaban = new Map<string, unknown>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (jawaban.has(path)) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(jawaban.get(path)));
        } else if (req.url === '/not-json') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html>login</html>');
        } else if (req.url === '/bad-gateway') {
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html><body>502 Bad Gateway</body></html>');
        } else if (req.url === '/conflict') {
          res.writeHead(409, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'NIP_DIPAKAI', message: 'NIP 1987 sudah dipakai Budi' }));
        } else if (req.url === '/unauthorized') {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'TIDAK_MASUK', message: 'Token kios sudah dicabut' }));
        } else if (req.url === '/no-content') {
          res.writeHead(204);
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 7, nama: 'Dinas Kesehatan' }));
        }
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the request to fail');
      },
      (e: unknown) => e,
    );

  test('a non-JSON 502 body becomes ApiError {status 502, code HTTP} with a message naming the status', async () => {
    const e = await fail(createApiClient(base).request('GET', '/bad-gateway'));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 502, code: 'HTTP', issues: [] });
    expect((e as ApiError).message).toContain('502');
    expect((e as ApiError).message).not.toContain('<html>');
  });

  test("a 409 {code, message} becomes ApiError with the server's code and message as they are", async () => {
    const e = await fail(createApiClient(base).request('POST', '/conflict', { nip: '1987' }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'NIP_DIPAKAI', message: 'NIP 1987 sudah dipakai Budi' });
  });

  test('a server that cannot be reached becomes ApiError {status 0, code JARINGAN}', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const e = await fail(createApiClient(`http://127.0.0.1:${port}`).request('GET', '/anything'));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 0, code: 'JARINGAN' });
  });

  test('a 2xx answer is parsed, and checked against a schema when one is given', async () => {
    const c = createApiClient(base);
    expect(await c.request('GET', '/ok')).toEqual({ id: 7, nama: 'Dinas Kesehatan' });
    expect(await c.get('/ok', { schema: z.object({ id: z.number(), nama: z.string() }) })).toEqual({
      id: 7,
      nama: 'Dinas Kesehatan',
    });
    const e = await fail(c.get('/ok', { schema: z.object({ id: z.string() }) }));
    expect(e).toMatchObject({ status: 200, code: 'KONTRAK' });
    expect(await c.request('DELETE', '/no-content')).toBeNull();
    const bukanJson = await fail(c.get('/not-json', { schema: z.unknown() }));
    expect(bukanJson).toMatchObject({ status: 200, code: 'KONTRAK' });
    expect((bukanJson as ApiError).message).toContain('bukan JSON');
  });

  test('sends JSON, raw and query bodies with the language header, and no CSRF header on GET', async () => {
    const c = createApiClient(base);
    seen.length = 0;
    const schema = z.unknown();
    await c.put('/ok', { a: 1 }, { query: { tanggal: '2026-01-02', kosong: '' }, schema });
    await c.post('/ok', raw('text/csv', 'nip,nama\n1,Budi'), { schema });
    await c.get('/ok', { schema });
    const form = new FormData();
    form.set('nama', 'Budi');
    await c.post('/ok', form, { schema });
    const multipart = seen.pop();
    expect(String(multipart?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart?.body).toContain('name="nama"');
    expect(seen.map((s) => [s.method, s.url, s.headers['content-type'], s.body])).toEqual([
      ['PUT', '/ok?tanggal=2026-01-02', 'application/json', '{"a":1}'],
      ['POST', '/ok', 'text/csv', 'nip,nama\n1,Budi'],
      ['GET', '/ok', undefined, ''],
    ]);
    expect(seen.every((s) => s.headers['accept-language'] === 'id')).toBe(true);
  });

  test("a device's Authorization header goes instead of the CSRF token, and its 401 does not end the session", async () => {
    setCsrfToken('csrf-sesi');
    let sesiBerakhir = 0;
    const lepas = onUnauthorized(() => {
      sesiBerakhir++;
    });
    try {
      const c = createApiClient(base);
      seen.length = 0;
      await c.post('/ok', {}, { schema: z.unknown(), authorization: 'Bearer kios-1' });
      await c.post('/ok', {}, { schema: z.unknown() });
      expect(seen.map((s) => [s.headers.authorization, s.headers['x-csrf-token']])).toEqual([
        ['Bearer kios-1', undefined],
        [undefined, 'csrf-sesi'],
      ]);
      const e = await fail(c.get('/unauthorized', { schema: z.unknown(), authorization: 'Bearer lama' }));
      expect(e).toMatchObject({ status: 401, code: 'TIDAK_MASUK', message: 'Token kios sudah dicabut' });
      expect(sesiBerakhir).toBe(0);
      await fail(c.get('/unauthorized', { schema: z.unknown() }));
      expect(sesiBerakhir).toBe(1);
    } finally {
      lepas();
      setCsrfToken(null);
    }
  });
  // The schemas the feature hooks pass (jadwal.api.ts useLepasKunci, cuti.api.ts useAjukanCuti and
  // useDaftarCuti), against answers that drifted from the contract as a changed server would send them.
  describe('answers checked against the contract', () => {
    const cuti = {
      id: 'c1',
      pegawai: { id: 'p1', key: '198001012005011001', nama: 'Budi Santoso', opd_kode: 'DINKES' },
      jenis: 'cuti_tahunan',
      dari: '2026-03-02',
      sampai: '2026-03-04',
      keterangan: null,
      status: 'diajukan',
      sumber: 'pengajuan',
      diajukan_oleh: 'budi',
      diajukan_pada: '2026-02-20T09:00:00+07:00',
      diputus_oleh: null,
      diputus_pada: null,
      catatan_putusan: null,
      boleh_putus: false,
      boleh_batal: true,
    };
    const kontrak = async (p: Promise<unknown>) => {
      const e = await fail(p);
      expect(e).toBeInstanceOf(ApiError);
      expect(e).toMatchObject({ status: 200, code: 'KONTRAK' });
      return (e as ApiError).message;
    };

    test('an answer that matches parses to the typed value', async () => {
      const c = createApiClient(base);
      jawaban.set('/api/jadwal/kunci', { dilepas: true });
      jawaban.set('/api/cuti', [cuti]);
      expect(
        await c.delete('/api/jadwal/kunci', {
          query: { key: 'x', tanggal: '2026-03-02' },
          schema: HasilLepasKunci,
        }),
      ).toEqual({ dilepas: true });
      expect(await c.get('/api/cuti', { schema: DaftarCuti })).toEqual([cuti]);
    });

    test('a field of the wrong kind is KONTRAK, in Indonesian, naming the path and the field', async () => {
      jawaban.set('/api/jadwal/kunci', { dilepas: 'ya' });
      const m = await kontrak(createApiClient(base).delete('/api/jadwal/kunci', { schema: HasilLepasKunci }));
      expect(m).toBe(
        'Jawaban server untuk /api/jadwal/kunci tidak sesuai kontrak API: isian "dilepas" bukan ya/tidak; ' +
          'muat ulang halaman atau hubungi admin',
      );
    });

    test('a missing field, a value outside an enum and a nested field are each named', async () => {
      const c = createApiClient(base);
      jawaban.set('/api/cuti', { id: 'c9' });
      expect(await kontrak(c.post('/api/cuti', {}, { schema: HasilAjuan }))).toContain(
        'isian "status" tidak ada',
      );
      jawaban.set('/api/cuti', { id: 'c9', status: 'disahkan' });
      expect(await kontrak(c.post('/api/cuti', {}, { schema: HasilAjuan }))).toContain(
        'isian "status" berisi nilai di luar kontrak (yang diharapkan: diajukan, disetujui, ditolak, dibatalkan)',
      );
      jawaban.set('/api/cuti', [cuti, { ...cuti, pegawai: { ...cuti.pegawai, nama: 42 } }]);
      expect(await kontrak(c.get('/api/cuti', { schema: DaftarCuti }))).toContain(
        'isian "[1].pegawai.nama" bukan teks',
      );
      jawaban.set('/api/cuti', { rows: [cuti] });
      expect(await kontrak(c.get('/api/cuti', { schema: DaftarCuti }))).toContain(
        'isian "(jawaban)" bukan daftar',
      );
    });
  });
});

describe('namaIsian', () => {
  test('writes a field path as page code names it', () => {
    expect(namaIsian([])).toBe('(jawaban)');
    expect(namaIsian(['dilepas'])).toBe('dilepas');
    expect(namaIsian(['rows', 3, 'nama'])).toBe('rows[3].nama');
    expect(namaIsian([0, 'pegawai', 'nama'])).toBe('[0].pegawai.nama');
  });
});
