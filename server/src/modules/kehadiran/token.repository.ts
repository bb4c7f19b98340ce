import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';

// Device tokens (0014_perangkat_token.sql): the current token's hash on `perangkat`, and the tokens no
// longer valid in `perangkat_token_lama`.

/** A device as the token functions return it (0014 `sigap_perangkat_token`, 0015 `…_banyak`). */
export interface BarisPerangkatToken {
  id: string;
  kode: string;
  nama: string;
  jenis: string;
  opd_id: string;
  opd_kode: string;
  dicabut_pada: Date | null;
  created_at: Date;
  zona_waktu: string;
}

/**
 * The terminal holding this current token hash in a Pemda, with the Pemda's zone: one statement (the
 * function `sigap_perangkat_token`, 0014, binds the Pemda itself, for that statement's transaction only),
 * so on PostgreSQL it needs no transaction of its own.
 */
export async function perangkatDenganToken(db: Db | Trx, tenantId: string, tokenHash: string) {
  const r =
    await sql<BarisPerangkatToken>`SELECT * FROM sigap_perangkat_token(${tenantId}::uuid, ${tokenHash})`.execute(
      db,
    );
  return r.rows[0];
}

/** A token no longer valid, with the device it belonged to. */
export function tokenLama(trx: Trx, tokenHash: string) {
  return trx
    .selectFrom('perangkat_token_lama as l')
    .innerJoin('perangkat as p', (j) =>
      j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.perangkat_id'),
    )
    .innerJoin('tenant as t', 't.id', 'l.tenant_id')
    .select(['p.kode', 'l.alasan', 'l.dicabut_pada', 't.zona_waktu'])
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A device's current token hash and when it was issued. */
export function tokenKini(trx: Trx, perangkatId: string) {
  return trx
    .selectFrom('perangkat')
    .select(['token_hash', 'token_dibuat_pada'])
    .where('id', '=', perangkatId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Retires a device's current token (replaced or revoked). */
export async function pensiunkanToken(
  trx: Trx,
  tenantId: string,
  perangkatId: string,
  t: { hash: string; dibuatPada: Date | null },
  alasan: 'diganti' | 'dicabut',
) {
  await trx
    .insertInto('perangkat_token_lama')
    .values({
      tenant_id: tenantId,
      perangkat_id: perangkatId,
      token_hash: t.hash,
      dibuat_pada: t.dibuatPada,
      alasan,
    })
    .execute();
}

/** Sets (or clears, with null) a device's current token hash. */
export async function aturToken(trx: Trx, perangkatId: string, hash: string | null) {
  await trx
    .updateTable('perangkat')
    .set({ token_hash: hash, token_dibuat_pada: hash === null ? null : sql<Date>`clock_timestamp()` })
    .where('id', '=', perangkatId)
    .execute();
}
