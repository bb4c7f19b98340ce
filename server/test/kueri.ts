import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Db } from '../src/db/database.ts';

/**
 * A Kysely that compiles PostgreSQL and connects to nothing: for tests that pin a query's SQL
 * (`kueriX(dbKering()).compile().sql`), so that a change to a report query is reviewed as SQL.
 */
export function dbKering(): Db {
  return new Kysely({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
