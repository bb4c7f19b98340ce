import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SigapDatabase } from '../../db/database.ts';
import {
  aadTemplat,
  BERKAS_KUNCI,
  bacaCincin,
  bytesKeVektor,
  cincinAcak,
  cincinUntuk,
  idDariKunci,
  vektorKeBytes,
} from './kunci.ts';

const P = { id: 'T', en: 'T' };
const k64 = () => randomBytes(32).toString('base64');
const T = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-0000000000aa';

function galat(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { pesan?: { en: string } }).pesan?.en ?? String(e);
  }
  throw new Error('expected a refusal');
}

describe('face-data encryption (AES-256-GCM)', () => {
  const cincin = cincinAcak('a');
  const aad = aadTemplat(T, ID, 'm@1', 4);

  it('round-trips any bytes, and never stores them in the clear', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 2048 }), (data) => {
        const t = cincin.sandikan(data, aad);
        expect(t.kunciId).toBe('a');
        expect(t.iv).toHaveLength(12);
        expect(t.sandi).toHaveLength(data.length + 16);
        expect(Buffer.from(t.sandi).includes(Buffer.from(data))).toBe(false);
        expect(new Uint8Array(cincin.buka(t, aad, P))).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('a fresh IV each time: the same vector never encrypts to the same bytes', () => {
    const v = vektorKeBytes(new Float32Array([1, 2, 3, 4]));
    const a = cincin.sandikan(v, aad);
    const b = cincin.sandikan(v, aad);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.sandi.equals(b.sandi)).toBe(false);
  });

  it('refuses a ciphertext, tag or IV with any one byte changed', () => {
    const data = vektorKeBytes(new Float32Array([0.5, -1, 2, 7]));
    const t = cincin.sandikan(data, aad);
    for (let i = 0; i < t.sandi.length; i++) {
      const s = Buffer.from(t.sandi);
      s[i] = s[i]! ^ 0x01;
      expect(
        galat(() => cincin.buka({ ...t, sandi: s }, aad, { id: 'Templat X', en: 'Template X' })),
      ).toMatch(/Template X cannot be opened with key "a": its data was changed or moved/);
    }
    const iv = Buffer.from(t.iv);
    iv[0] = iv[0]! ^ 0x80;
    expect(galat(() => cincin.buka({ ...t, iv }, aad, P))).toMatch(/cannot be opened/);
  });

  it('refuses a ciphertext moved to another row, tenant, model or dimension (AAD)', () => {
    const t = cincin.sandikan(vektorKeBytes(new Float32Array([1, 1, 1, 1])), aad);
    for (const lain of [
      aadTemplat('00000000-0000-4000-8000-000000000002', ID, 'm@1', 4),
      aadTemplat(T, '00000000-0000-4000-8000-0000000000bb', 'm@1', 4),
      aadTemplat(T, ID, 'm@2', 4),
      aadTemplat(T, ID, 'm@1', 3),
    ]) {
      expect(galat(() => cincin.buka(t, lain, P))).toMatch(/changed or moved from another row/);
    }
  });

  it('a value under a key missing from the ring is refused naming that key', () => {
    const t = cincinAcak('lama').sandikan(Buffer.from('0123456789abcdef'), aad);
    expect(galat(() => cincin.buka(t, aad, { id: 'Templat Y', en: 'Template Y' }))).toBe(
      'Template Y was encrypted with key "lama", which is not in SIGAP_KUNCI_WAJAH (keys present: a); put that key back, then run "sigap face rekey"',
    );
  });

  it('a keyring decrypts with any of its keys and encrypts with the first', () => {
    const k1 = k64();
    const k2 = k64();
    const lama = bacaCincin(`k1:${k1}`);
    const t = lama.sandikan(Buffer.from('sixteen bytes!!!'), aad);
    const baru = bacaCincin(`k2:${k2}, k1:${k1}`);
    expect(baru.kini).toBe('k2');
    expect(baru.ids).toEqual(['k2', 'k1']);
    expect(baru.buka(t, aad, P).toString()).toBe('sixteen bytes!!!');
    expect(baru.sandikan(Buffer.from('x'), aad).kunciId).toBe('k2');
  });

  it('one bare key gets an id derived from it (not the key)', () => {
    const k = randomBytes(32);
    const c = bacaCincin(k.toString('base64'));
    expect(c.kini).toBe(idDariKunci(k));
    expect(c.kini).toMatch(/^k[0-9a-f]{8}$/);
    expect(k.toString('base64')).not.toContain(c.kini.slice(1));
  });

  it('refuses bad keyrings in words', () => {
    expect(galat(() => bacaCincin(''))).toBe('SIGAP_KUNCI_WAJAH is empty');
    expect(galat(() => bacaCincin(`a:${randomBytes(16).toString('base64')}`))).toMatch(
      /^Key a in SIGAP_KUNCI_WAJAH must be 32 bytes in base64/,
    );
    expect(galat(() => bacaCincin('a:bukan base64!!'))).toMatch(
      /^Key a in SIGAP_KUNCI_WAJAH must be 32 bytes/,
    );
    const k = k64();
    expect(galat(() => bacaCincin(`a:${k},a:${k64()}`))).toBe('Key "a" appears twice in SIGAP_KUNCI_WAJAH');
    expect(galat(() => bacaCincin(`a b:${k}`))).toMatch(/^Key name "a b" in SIGAP_KUNCI_WAJAH may hold only/);
  });

  it('float32 vectors survive the byte form exactly', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 600 }), (v) => {
        expect(bytesKeVektor(vektorKeBytes(v))).toEqual(v);
      }),
    );
  });
});

describe('where the key comes from', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const sdbPalsu = (kind: 'pglite' | 'postgres', folder: string | null) =>
    ({ kind, folder }) as unknown as SigapDatabase;

  it('SIGAP_KUNCI_WAJAH wins', () => {
    const k = k64();
    expect(cincinUntuk(sdbPalsu('postgres', null), { SIGAP_KUNCI_WAJAH: `utama:${k}` }).kini).toBe('utama');
  });

  it('PostgreSQL without the variable refuses face data in words', () => {
    expect(galat(() => cincinUntuk(sdbPalsu('postgres', null), {}))).toMatch(
      /^Face data cannot be stored or read: SIGAP_KUNCI_WAJAH is not set on the server/,
    );
  });

  it('an embedded database generates its key once, 0600, announced, and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-kunci-'));
    dirs.push(dir);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const a = cincinUntuk(sdbPalsu('pglite', dir), {});
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain(join(dir, BERKAS_KUNCI));
    log.mockRestore();
    const berkas = join(dir, BERKAS_KUNCI);
    expect(statSync(berkas).mode & 0o777).toBe(0o600);
    expect(readFileSync(berkas, 'utf8')).toMatch(new RegExp(`^${a.kini}:`));
    // Another process (a new database object) reads the same key.
    const b = cincinUntuk(sdbPalsu('pglite', dir), {});
    expect(b.kini).toBe(a.kini);
    const t = a.sandikan(Buffer.from('0123456789abcdef'), Buffer.from('x'));
    expect(b.buka(t, Buffer.from('x'), P).toString()).toBe('0123456789abcdef');
  });

  it('a key file others can read is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-kunci-'));
    dirs.push(dir);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    cincinUntuk(sdbPalsu('pglite', dir), {});
    vi.restoreAllMocks();
    chmodSync(join(dir, BERKAS_KUNCI), 0o644);
    expect(galat(() => cincinUntuk(sdbPalsu('pglite', dir), {}))).toMatch(
      /readable by other users \(mode 644\)/,
    );
  });
});
