import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import type { BarisPerangkatToken } from './token.repository.ts';

// The statements of terminal pushes written and checked together (migration 0015): antrean-kiriman.ts and
// antrean-token.ts batch the pushes, these run one statement for a batch.

/** One line of a push, as sigap_simpan_kiriman reads it. */
export interface BarisKiriman {
  /** Its place in the statement, from 0 */
  readonly ke: number;
  readonly perangkat: string;
  readonly kunci: string;
  readonly jk: 'pin' | 'nip' | 'id_pegawai';
  readonly tanggal: string;
  /** ISO instant */
  readonly waktu: string;
  readonly jenis: 'masuk' | 'pulang' | null;
}

export interface HasilBarisKiriman {
  ke: number;
  /** null: nobody known by that key */
  pegawai: string | null;
  /** null: not placed in any OPD/unit that day */
  opd: string | null;
  /** whether this statement stored it */
  baru: boolean;
}

/**
 * Resolves and stores the lines of one or more pushes of a Pemda in one statement; called outside a
 * transaction on PostgreSQL, it is its own transaction and returns after its commit.
 */
export async function simpanBarisKiriman(
  db: Db | Trx,
  tenantId: string,
  peranApp: boolean,
  baris: readonly BarisKiriman[],
): Promise<HasilBarisKiriman[]> {
  const r =
    await sql<HasilBarisKiriman>`SELECT * FROM sigap_simpan_kiriman(${tenantId}::uuid, ${peranApp}, ${JSON.stringify(baris)}::jsonb)`.execute(
      db,
    );
  return r.rows;
}

/** The devices holding some current token hashes in a Pemda, each row with its hash. */
export async function perangkatDenganTokenBanyak(db: Db, tenantId: string, hashes: readonly string[]) {
  const r = await sql<
    BarisPerangkatToken & { token_hash: string }
  >`SELECT * FROM sigap_perangkat_token_banyak(${tenantId}::uuid, ${[...hashes]}::text[])`.execute(db);
  return r.rows;
}
