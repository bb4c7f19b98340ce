import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import type { CustomTypesConfig } from 'pg';
import { type KunciFolder, kunciFolder, type PemilikFolder } from './folder-lock.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

/** An open database: Kysely plus what kind it is and how tenant isolation is enforced. */
export interface SigapDatabase {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The PGlite data folder (null for PostgreSQL and memory://): where a generated face key is kept. */
  readonly folder: string | null;
  /** Whether requests drop to role sigap_app (needed when connected as a superuser). */
  useAppRole: boolean;
  /** Runs a multi-statement SQL script (migrations) outside Kysely's prepared statements. */
  runScript(text: string): Promise<void>;
  /**
   * Runs one SQL text for a library that brings its own SQL (the job queue, server/src/penjadwal), as the
   * connection's own user, outside any tenant. On PGlite it waits its turn on Kysely's single connection, so
   * it never runs inside a request's transaction; a text of several statements without parameters runs as a
   * script (PGlite's exec). On PostgreSQL it is one query on the pool, as the library would run it.
   */
  sqlPustaka(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  /** Adds to what a PGlite folder's lock file says about its holder (the server's URL); no-op otherwise. */
  umumkan(tambahan: Partial<PemilikFolder>): void;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Opens the database named by `url`: a `postgres://` URL for PostgreSQL, otherwise a folder for the
 * embedded PGlite database (created if missing). Migrations run before it is returned.
 * A PGlite folder is held exclusively until close (folder-lock.ts): opening one that another process
 * holds throws FolderDipakai, whose message names the holder.
 */
export async function openDatabase(url: string, opts: { migrate?: boolean } = {}): Promise<SigapDatabase> {
  let out: SigapDatabase;
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded only for PostgreSQL: a PGlite command (the CLI's usual case) starts without it.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID
            ? (v: string) => v
            : oid === INT8_OID
              ? (v: string) => v
              : pg.types.getTypeParser(oid, format),
      } as CustomTypesConfig,
    });
    // An idle connection closed by the server (a restart, an administrator, a failover) is reported on
    // the pool; without a listener Node treats it as an uncaught error and the whole process stops.
    // The pool drops that client and opens a new one on the next query.
    pool.on('error', (e) => {
      console.error(`PostgreSQL menutup koneksi menganggur / closed an idle connection: ${e.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    out = {
      db,
      kind: 'postgres',
      folder: null,
      useAppRole: false,
      runScript: async (text) => {
        const client = await pool.connect();
        try {
          await client.query(text);
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      },
      sqlPustaka: async (text, values) => {
        if (values && values.length > 0) return pool.query(text, [...values]);
        // A script (BEGIN; …; COMMIT): an error halfway must not hand an aborted transaction back to the pool.
        const client = await pool.connect();
        try {
          const r: unknown = await client.query(text);
          // Several statements give an array of results; the library reads only single ones.
          return Array.isArray(r)
            ? { rows: (r.at(-1) as { rows?: unknown[] } | undefined)?.rows ?? [] }
            : (r as { rows: unknown[] });
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      },
      umumkan: () => undefined,
      close: () => db.destroy(),
    };
  } else {
    const dir = url === 'memory://' ? undefined : resolve(url);
    if (dir) mkdirSync(dir, { recursive: true });
    const kunci: KunciFolder | null = dir ? kunciFolder(dir) : null;
    let pglite: PGlite;
    try {
      pglite = new PGlite(dir, {
        parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => v },
      });
      await pglite.waitReady;
    } catch (e) {
      kunci?.lepas();
      throw e;
    }
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    out = {
      db,
      kind: 'pglite',
      folder: dir ?? null,
      useAppRole: false,
      runScript: async (text) => {
        try {
          await pglite.exec(text);
        } catch (e) {
          await pglite.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      },
      sqlPustaka: (text, values) =>
        // Holding Kysely's connection is holding PGlite: nothing else runs until this returns.
        db.connection().execute(async () => {
          if (!values || values.length === 0) {
            try {
              const hasil = await pglite.exec(text);
              return { rows: (hasil.at(-1)?.rows ?? []) as unknown[] };
            } catch (e) {
              // a script that failed halfway leaves its BEGIN open: close it before the next query waits
              await pglite.exec('ROLLBACK').catch(() => undefined);
              throw e;
            }
          }
          const r = await pglite.query(text, [...values]);
          return { rows: r.rows as unknown[] };
        }),
      umumkan: (tambahan) => kunci?.umumkan(tambahan),
      close: async () => {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          kunci?.lepas();
        }
      },
    };
  }
  try {
    if (opts.migrate !== false) await migrate(out);
    out.useAppRole = await canUseAppRole(out.db);
  } catch (e) {
    await out.close().catch(() => undefined);
    throw e;
  }
  return out;
}

async function canUseAppRole(db: Db): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app')
       AND (pg_has_role(current_user, 'sigap_app', 'MEMBER')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)) AS ok`.execute(db);
  return r.rows[0]?.ok === true;
}

/**
 * Applies the numbered plain-SQL migrations not yet applied, each atomically with its bookkeeping row.
 * An advisory lock serialises servers starting at once against the same PostgreSQL.
 */
export async function migrate(sdb: SigapDatabase): Promise<string[]> {
  const db = sdb.db;
  await sdb.runScript(
    'CREATE TABLE IF NOT EXISTS schema_migration (nama text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const done: string[] = [];
  const applied = new Set(
    (await db.selectFrom('schema_migration').select('nama').execute()).map((r) => r.nama),
  );
  for (const f of files) {
    if (applied.has(f)) continue;
    const text = readFileSync(join(MIGRATIONS_DIR, f), 'utf8');
    await sdb
      .runScript(
        `BEGIN;\nSELECT pg_advisory_xact_lock(74201);\n` +
          `DO $m$ BEGIN IF EXISTS (SELECT 1 FROM schema_migration WHERE nama = '${f}') THEN RAISE EXCEPTION 'sigap:already-applied'; END IF; END $m$;\n` +
          `${text}\n;INSERT INTO schema_migration (nama) VALUES ('${f}');\nCOMMIT;`,
      )
      .catch((e: unknown) => {
        if (!String(e).includes('sigap:already-applied')) throw new Error(`Migrasi ${f} gagal: ${String(e)}`);
      });
    done.push(f);
  }
  return done;
}

/**
 * Runs `fn` in a transaction bound to one tenant: row-level security then hides and protects every
 * other tenant's rows, whatever the queries inside forget.
 */
export async function withTenant<T>(
  sdb: SigapDatabase,
  tenantId: string,
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  return sdb.db.transaction().execute(async (trx) => {
    // One round trip for both (set_config('role', …, true) is SET LOCAL ROLE): each costs a socket
    // write and read on every request (bench/attendance measured it).
    if (sdb.useAppRole)
      await sql`SELECT set_config('role', 'sigap_app', true), set_config('sigap.tenant_id', ${tenantId}, true)`.execute(
        trx,
      );
    else await sql`SELECT set_config('sigap.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}
