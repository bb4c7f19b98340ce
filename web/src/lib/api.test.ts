import { describe, expect, test } from 'vitest';
import { ApiError, parseApiError, withQuery } from './api';

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
