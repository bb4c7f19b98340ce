import { pesan } from '@sigap/domain';
import webpush from 'web-push';
import type { SigapDatabase } from '../../db/database.ts';
import { cincinUntuk } from '../wajah/kunci.ts';
import * as repo from './dorong.repository.ts';

/** The installation's VAPID key pair (RFC 8292), the private key decrypted. */
export interface KunciVapid {
  readonly publik: string;
  readonly privat: string;
}

/** The additional authenticated data of the stored private key: this row, this public key. */
const aadVapid = (publik: string) => Buffer.from(`sigap/kunci_vapid/v1\0${publik}`, 'utf8');
const APA = pesan('Kunci privat VAPID', 'The VAPID private key');

const cache = new WeakMap<SigapDatabase, Promise<KunciVapid>>();

/**
 * The VAPID keys, made at the first need (the server's start) and kept in `kunci_vapid`: one pair per
 * installation, whichever server makes it first (an insert that does nothing when a row exists, then a read
 * of the row that won). The private key is encrypted with the server's keyring (SIGAP_KUNCI_WAJAH, or the
 * key file of a PGlite folder): on PostgreSQL without that setting Web Push is off, as face data is.
 */
export function kunciVapid(sdb: SigapDatabase): Promise<KunciVapid> {
  const ada = cache.get(sdb);
  if (ada) return ada;
  const p = (async () => {
    const cincin = cincinUntuk(sdb);
    let row = await repo.bacaKunciVapid(sdb.db);
    if (!row) {
      const baru = webpush.generateVAPIDKeys();
      const t = cincin.sandikan(Buffer.from(baru.privateKey, 'utf8'), aadVapid(baru.publicKey));
      await repo.simpanKunciVapid(sdb.db, {
        publik: baru.publicKey,
        privat_sandi: t.sandi,
        privat_iv: t.iv,
        privat_kunci_id: t.kunciId,
      });
      row = await repo.bacaKunciVapid(sdb.db);
      if (!row) throw new Error('kunci_vapid kosong setelah disimpan / empty after insert');
    }
    const privat = cincin
      .buka(
        { sandi: row.privat_sandi, iv: row.privat_iv, kunciId: row.privat_kunci_id },
        aadVapid(row.publik),
        APA,
      )
      .toString('utf8');
    return { publik: row.publik, privat };
  })();
  cache.set(sdb, p);
  // a failure (no keyring yet) is not kept: the next call tries again
  p.catch(() => cache.delete(sdb));
  return p;
}
