import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { type Pesan, pesan } from '@sigap/domain';
import type { SigapDatabase } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

/*
 * Encryption at rest of face templates (and of enrolment photos when a Pemda keeps them): AES-256-GCM
 * from node:crypto, a fresh 96-bit IV per value, the 16-byte tag appended to the ciphertext. What the
 * value belongs to (tenant, row id, and for templates the model and dimension) is the additional
 * authenticated data: a ciphertext copied into another row or another Pemda fails to decrypt.
 *
 * Keys come from configuration, SIGAP_KUNCI_WAJAH: either one base64 key of 32 bytes, or a keyring
 * "id1:base64,id2:base64" whose FIRST key is the current one (new values are encrypted under it) and
 * whose others only decrypt older values until `sigap face rekey` has moved them (docs/privacy.md).
 */

export const NAMA_ENV = 'SIGAP_KUNCI_WAJAH';
/** The file a key is generated into inside a PGlite data folder when SIGAP_KUNCI_WAJAH is not set. */
export const BERKAS_KUNCI = 'kunci-wajah.txt';

const ALGO = 'aes-256-gcm';
const PANJANG_IV = 12;
const PANJANG_TAG = 16;
const POLA_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** A value encrypted under one key of the keyring. */
export interface Tersandi {
  readonly sandi: Buffer;
  readonly iv: Buffer;
  readonly kunciId: string;
}

/** The keys that encrypt and decrypt face data. */
export interface CincinKunci {
  /** The id of the current key (the first of the ring). */
  readonly kini: string;
  /** Every key id in the ring, current first. */
  readonly ids: readonly string[];
  sandikan(data: Uint8Array, aad: Uint8Array): Tersandi;
  /** Decrypts; refuses (AppError naming `apa`) an unknown key id, a changed byte or another row's AAD. */
  buka(t: { sandi: Uint8Array; iv: Uint8Array; kunciId: string }, aad: Uint8Array, apa: Pesan): Buffer;
}

const galatKunci = (id: string, en: string) => new AppError('KESALAHAN_SERVER', pesan(id, en));

/** The id of a key given without one: a short digest, which names it without revealing it. */
export function idDariKunci(kunci: Uint8Array): string {
  return `k${createHash('sha256').update(kunci).digest('hex').slice(0, 8)}`;
}

function dariKunci(kunci: ReadonlyMap<string, Buffer>): CincinKunci {
  const ids = [...kunci.keys()];
  const kini = ids[0]!;
  return {
    kini,
    ids,
    sandikan(data, aad) {
      const iv = randomBytes(PANJANG_IV);
      const c = createCipheriv(ALGO, kunci.get(kini)!, iv, { authTagLength: PANJANG_TAG });
      c.setAAD(aad);
      const sandi = Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
      return { sandi, iv, kunciId: kini };
    },
    buka(t, aad, apa) {
      const k = kunci.get(t.kunciId);
      if (!k) {
        throw galatKunci(
          `${apa.id} disandikan dengan kunci "${t.kunciId}" yang tidak ada di ${NAMA_ENV} (kunci yang ada: ${ids.join(', ')}); pasang kembali kunci itu, lalu jalankan "sigap face rekey"`,
          `${apa.en} was encrypted with key "${t.kunciId}", which is not in ${NAMA_ENV} (keys present: ${ids.join(', ')}); put that key back, then run "sigap face rekey"`,
        );
      }
      const sandi = Buffer.from(t.sandi);
      if (t.iv.length !== PANJANG_IV || sandi.length < PANJANG_TAG) {
        throw galatKunci(
          `${apa.id} rusak (IV atau sandi terpotong)`,
          `${apa.en} is damaged (IV or ciphertext cut short)`,
        );
      }
      try {
        const d = createDecipheriv(ALGO, k, t.iv, { authTagLength: PANJANG_TAG });
        d.setAAD(aad);
        d.setAuthTag(sandi.subarray(sandi.length - PANJANG_TAG));
        return Buffer.concat([d.update(sandi.subarray(0, sandi.length - PANJANG_TAG)), d.final()]);
      } catch {
        throw galatKunci(
          `${apa.id} tidak dapat dibuka dengan kunci "${t.kunciId}": datanya diubah atau dipindah dari baris lain`,
          `${apa.en} cannot be opened with key "${t.kunciId}": its data was changed or moved from another row`,
        );
      }
    },
  };
}

/**
 * Reads a keyring: "base64" (one key, its id derived from it) or "id1:base64,id2:base64,..." (the first
 * is current). Each key must be 32 bytes; ids are letters, digits, - and _; no id twice.
 */
export function bacaCincin(teks: string): CincinKunci {
  const kunci = new Map<string, Buffer>();
  const bagian = teks
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (bagian.length === 0) {
    throw galatKunci(`${NAMA_ENV} kosong`, `${NAMA_ENV} is empty`);
  }
  for (const [i, b] of bagian.entries()) {
    const titik = b.indexOf(':');
    const id = titik >= 0 ? b.slice(0, titik) : null;
    const isi = titik >= 0 ? b.slice(titik + 1) : b;
    const k = /^[A-Za-z0-9+/]+={0,2}$/.test(isi) ? Buffer.from(isi, 'base64') : Buffer.alloc(0);
    const nama = id ?? `#${i + 1}`;
    if (k.length !== 32) {
      throw galatKunci(
        `Kunci ${nama} di ${NAMA_ENV} harus 32 bait dalam base64 (buat dengan: openssl rand -base64 32)`,
        `Key ${nama} in ${NAMA_ENV} must be 32 bytes in base64 (make one with: openssl rand -base64 32)`,
      );
    }
    const kid = id ?? idDariKunci(k);
    if (!POLA_ID.test(kid)) {
      throw galatKunci(
        `Nama kunci "${kid}" di ${NAMA_ENV} hanya boleh huruf, angka, - dan _ (paling panjang 40)`,
        `Key name "${kid}" in ${NAMA_ENV} may hold only letters, digits, - and _ (at most 40)`,
      );
    }
    if (kunci.has(kid)) {
      throw galatKunci(
        `Kunci "${kid}" muncul dua kali di ${NAMA_ENV}`,
        `Key "${kid}" appears twice in ${NAMA_ENV}`,
      );
    }
    kunci.set(kid, k);
  }
  return dariKunci(kunci);
}

/** A keyring of one random key, held in memory only (tests, memory:// databases). */
export function cincinAcak(id = 'uji'): CincinKunci {
  return dariKunci(new Map([[id, randomBytes(32)]]));
}

const cache = new WeakMap<SigapDatabase, CincinKunci>();

/**
 * The keyring a server or command uses. SIGAP_KUNCI_WAJAH when set. Otherwise, on an embedded (PGlite)
 * database only, a key generated at first need into `<data folder>/kunci-wajah.txt` (permissions 0600,
 * announced on the log): usable for a demo or a single-machine install, but the key then sits beside
 * the data it protects, so a copy of the folder holds both (docs/privacy.md says to set the variable
 * for production). On PostgreSQL without the variable face data is refused: servers sharing one
 * database must share one key, which only configuration can give them.
 */
export function cincinUntuk(sdb: SigapDatabase, env: NodeJS.ProcessEnv = process.env): CincinKunci {
  const ada = cache.get(sdb);
  if (ada) return ada;
  const nilai = env[NAMA_ENV];
  let cincin: CincinKunci;
  if (nilai && nilai.trim() !== '') {
    cincin = bacaCincin(nilai);
  } else if (sdb.kind === 'pglite' && sdb.folder) {
    cincin = bacaCincin(kunciFolder(sdb.folder));
  } else if (sdb.kind === 'pglite') {
    cincin = cincinAcak('memori');
  } else {
    throw galatKunci(
      `Data wajah tidak dapat disimpan atau dibaca: ${NAMA_ENV} belum diatur di server (kunci 32 bait base64, mis. dari: openssl rand -base64 32)`,
      `Face data cannot be stored or read: ${NAMA_ENV} is not set on the server (a 32-byte base64 key, e.g. from: openssl rand -base64 32)`,
    );
  }
  cache.set(sdb, cincin);
  return cincin;
}

/**
 * The server's keyring, read only when first used: a check-in that is refused before any face data is
 * touched (no template, wrong place) works on a server whose key is not configured yet, and the missing
 * key is reported exactly where face data is needed.
 */
export function cincinMalas(sdb: SigapDatabase, env: NodeJS.ProcessEnv = process.env): CincinKunci {
  const c = () => cincinUntuk(sdb, env);
  return {
    get kini() {
      return c().kini;
    },
    get ids() {
      return c().ids;
    },
    sandikan: (data, aad) => c().sandikan(data, aad),
    buka: (t, aad, apa) => c().buka(t, aad, apa),
  };
}

/** Reads, or generates once (0600), the key file of a PGlite data folder; returns its keyring text. */
function kunciFolder(folder: string): string {
  const berkas = join(folder, BERKAS_KUNCI);
  if (!existsSync(berkas)) {
    const k = randomBytes(32);
    try {
      writeFileSync(berkas, `${idDariKunci(k)}:${k.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      console.log(
        `Kunci wajah dibuat di ${berkas} (izin 0600) karena ${NAMA_ENV} tidak diatur; simpan salinannya di tempat aman / ` +
          `Face key generated at ${berkas} (mode 0600) because ${NAMA_ENV} is not set; keep a copy somewhere safe`,
      );
    } catch (e) {
      // Another process made it first: read theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const mode = statSync(berkas).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw galatKunci(
      `Berkas kunci wajah ${berkas} dapat dibaca pengguna lain (izin ${mode.toString(8)}); jalankan: chmod 600 ${berkas}`,
      `The face key file ${berkas} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${berkas}`,
    );
  }
  return readFileSync(berkas, 'utf8').trim();
}

/** The authenticated data of a template: which Pemda, which row, which model and dimension. */
export function aadTemplat(tenantId: string, id: string, model: string, dimensi: number): Buffer {
  return Buffer.from(`sigap/wajah_template/v1\0${tenantId}\0${id}\0${model}\0${dimensi}`, 'utf8');
}

/** The authenticated data of a kept photo. */
export function aadFoto(tenantId: string, id: string, jenis: string): Buffer {
  return Buffer.from(`sigap/wajah_foto/v1\0${tenantId}\0${id}\0${jenis}`, 'utf8');
}

/** The authenticated data of a frame kept for review: which Pemda, which row, which attempt and place. */
export function aadBingkai(tenantId: string, id: string, kehadiranId: string, urutan: number): Buffer {
  return Buffer.from(`sigap/tinjau_bingkai/v1\0${tenantId}\0${id}\0${kehadiranId}\0${urutan}`, 'utf8');
}

const LE = endianness() === 'LE';

/** A float32 vector as little-endian bytes (the plaintext that is encrypted). */
export function vektorKeBytes(v: Float32Array): Buffer {
  if (LE) return Buffer.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  const b = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) b.writeFloatLE(v[i]!, i * 4);
  return b;
}

export function bytesKeVektor(b: Uint8Array): Float32Array {
  // A copy into a fresh, aligned buffer: the bytes may sit at any offset of a pooled Buffer.
  if (LE) return new Float32Array(new Uint8Array(b).buffer, 0, Math.floor(b.length / 4));
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const v = new Float32Array(Math.floor(buf.length / 4));
  for (let i = 0; i < v.length; i++) v[i] = buf.readFloatLE(i * 4);
  return v;
}
