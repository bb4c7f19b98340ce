import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.ts';

/**
 * PGlite's initdb takes seconds, so it runs once: a migrated template folder that every test file
 * copies (reopening takes a fraction of a second). On PostgreSQL each file makes its own database.
 */
export default async function setup(project: TestProject) {
  if (process.env.SIGAP_TEST_PG_URL) return;
  const dir = mkdtempSync(join(tmpdir(), 'sigap-template-'));
  const sdb = await openDatabase(dir);
  await sdb.close();
  project.provide('pgliteTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
