#!/usr/bin/env node
// Sigap command line. Runs server/dist/cli.mjs, the CLI built as JavaScript (scripts/build-cli.mjs,
// run by `npm ci` through the root `prepare` script), so that no TypeScript is compiled at start.
// When a source file has changed since that build, it is rebuilt first (about a second); if it cannot
// be built (no esbuild), the TypeScript sources run through tsx instead. Old code never runs.
// SIGAP_CLI_FROM_SOURCE=1 always runs the sources through tsx.
import { pathToFileURL } from 'node:url';
import { buildCli, CLI, fresh } from '../scripts/build-cli.mjs';

let built = process.env.SIGAP_CLI_FROM_SOURCE !== '1' && fresh();
if (!built && process.env.SIGAP_CLI_FROM_SOURCE !== '1') {
  try {
    await buildCli();
    built = true;
  } catch (e) {
    console.error(`(sigap: CLI build failed, running the TypeScript sources: ${e?.message ?? e})`);
  }
}
if (built) {
  await import(pathToFileURL(CLI).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/src/cli/main.ts');
}
