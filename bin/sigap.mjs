#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
// Sigap command line. Runs server/dist/cli.mjs, the CLI built as JavaScript (scripts/build-cli.mjs,
// run by `npm ci` through the root `prepare` script), so that no TypeScript is compiled at start.
// When a source file has changed since that build, it is rebuilt first (about a second); if it cannot
// be built (no esbuild), the TypeScript sources run through tsx instead. Old code never runs.
// SIGAP_CLI_FROM_SOURCE=1 always runs the sources through tsx.
import { setFlagsFromString } from 'node:v8';
import { buildCli, CLI, fresh } from '../scripts/build-cli.mjs';

/**
 * The words of the command (`roster versions`), skipping options and the values of the global ones.
 * @param {string[]} argv
 */
function perintah(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db' || a === '--tenant') i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

// PGlite is PostgreSQL compiled to WebAssembly. By default V8 compiles it twice: a quick baseline
// (Liftoff) at once, then optimised code (TurboFan) for hot functions on background threads. A short
// command ends before the optimised code pays back, and on a 2-core machine that compiling costs about
// as much CPU as the command itself (measured: opening the demo folder 1.5 s of CPU → 0.65 s with
// Liftoff only). Long-running commands (the server, the demo, imports, schedule builds) keep the default.
const [p1, p2] = perintah(process.argv.slice(2));
const lama = p1 === 'serve' || p1 === 'demo' || p1 === 'import' || (p1 === 'roster' && p2 === 'generate');
if (!lama && process.env.SIGAP_CLI_OPTIMISE !== '1') setFlagsFromString('--liftoff-only');

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
