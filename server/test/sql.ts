import {
  type Compilable,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { DB } from '../src/db/schema.ts';

/**
 * A Kysely instance that only compiles: PostgreSQL's SQL, no connection (DummyDriver). The repositories'
 * report and list queries are built on it and their `compile().sql` compared with an inline snapshot
 * (`*.sql.test.ts`), so that a change to one is reviewed as SQL.
 */
export const susun = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A query's SQL, one clause a line (FROM, each JOIN, WHERE, GROUP BY, ORDER BY, LIMIT), for a readable diff. */
export function sqlDari(q: Compilable<unknown>): string {
  return q
    .compile()
    .sql.replace(/ (from|inner join|left join|where|group by|order by|limit) (?=[^)]*(\(|$))/g, '\n$1 ');
}
