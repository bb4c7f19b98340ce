// The command line as built JavaScript, so that `sigap` starts without compiling TypeScript.
//
// esbuild bundles server/src/cli/main.ts (with the server and @sigap/domain sources it imports) into
// server/dist/cli.mjs, and each worker thread server/src/**/X.worker.ts into server/dist/X.worker.mjs.
// Packages from node_modules stay external (PGlite's wasm, argon2's native addon, exceljs, pdfkit …
// are loaded from node_modules as usual). Built by the root `prepare` script (so by `npm ci`), and
// again by bin/sigap.mjs whenever a source it was built from has changed since: server/dist/cli.stamp.json
// records every input file's size and mtime, and `fresh()` compares them. Never committed (dist/ is
// git-ignored).
//
//   node scripts/build-cli.mjs          build now
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'server/dist');
export const CLI = join(OUT_DIR, 'cli.mjs');
const STAMP = join(OUT_DIR, 'cli.stamp.json');
const SELF = fileURLToPath(import.meta.url);

/** Whether server/dist/cli.mjs was built from exactly the files now on disk. */
export function fresh() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  if (!existsSync(CLI)) return false;
  for (const [file, want] of Object.entries(stamp.inputs ?? {})) {
    let st;
    try {
      st = statSync(join(ROOT, file));
    } catch {
      return false;
    }
    if (st.size !== want.size || st.mtimeMs !== want.mtimeMs) return false;
  }
  return Object.keys(stamp.inputs ?? {}).length > 0;
}

/** Every X.worker.ts under server/src: each becomes its own entry point, server/dist/X.worker.mjs. */
function workers(dir = join(ROOT, 'server/src')) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...workers(p));
    else if (/\.worker\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

const WORKER_URL = /new URL\((['"])\.\/([\w.-]+\.worker)\.mjs\1,\s*import\.meta\.url\)/g;

/**
 * Keeps paths that sources compute from their own location (`import.meta.url`: migrations, web/dist,
 * the holiday calendar, example policies) pointing where they point when run from source, and sends
 * `new URL('./X.worker.mjs', import.meta.url)` to the built worker next to cli.mjs.
 */
const importMetaPlugin = {
  name: 'sigap-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (/import\.meta\.(dirname|filename)/.test(text))
        return {
          errors: [{ text: 'use import.meta.url (the CLI build rewrites it), not dirname/filename' }],
        };
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const keep = [];
      let out = text.replace(WORKER_URL, (all, _q, name) => {
        if (!existsSync(join(dirname(args.path), `${name}.ts`))) return all;
        keep.push(`new URL(${JSON.stringify(`./${name}.mjs`)}, import.meta.url)`);
        return `__SIGAP_WORKER_${keep.length - 1}__`;
      });
      const rel = relative(OUT_DIR, args.path).split('\\').join('/');
      out = out.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      out = out.replace(/__SIGAP_WORKER_(\d+)__/g, (_all, i) => keep[Number(i)]);
      return { contents: out, loader: 'ts' };
    });
  },
};

/**
 * Pure-JavaScript packages bundled into the CLI: each is hundreds of small ES modules in node_modules
 * (kysely alone ~400), and resolving, reading and linking them at every start cost more than the
 * command. No package left external imports these (an external one importing a bundled one would run
 * a second copy); zod stays external because fastify-type-provider-zod imports it.
 */
const BUNDLED = new Set(['kysely', 'yaml', 'commander', 'cli-progress', 'csv-parse']);

/** Leaves every other package but our own workspaces (@sigap/*, TypeScript sources) to node_modules. */
const externalPlugin = {
  name: 'sigap-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@sigap/')) return undefined;
      const pkg = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      if (BUNDLED.has(pkg)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Builds server/dist/cli.mjs and the workers; returns how long it took (ms). */
export async function buildCli() {
  const t0 = Date.now();
  const { build } = await import('esbuild');
  const entryPoints = [{ in: join(ROOT, 'server/src/cli/main.ts'), out: 'cli' }];
  const names = new Set();
  for (const w of workers()) {
    const out = w.split(/[\\/]/).pop().replace(/\.ts$/, '');
    if (names.has(out)) throw new Error(`two workers named ${out}.ts; the CLI build puts them side by side`);
    names.add(out);
    entryPoints.push({ in: w, out });
  }
  // Build into a temporary folder name per process, then move each file in place: a CLI started
  // meanwhile sees either the old or the new build, never half of one.
  const tmp = `${OUT_DIR}.tmp-${process.pid}`;
  const r = await build({
    entryPoints,
    absWorkingDir: ROOT,
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // The CLI loads a command's modules when it runs (dynamic imports in main.ts): each becomes a
    // chunk, so `sigap --help` loads none of them.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    plugins: [externalPlugin, importMetaPlugin],
    banner: {
      // Bundled CommonJS packages (yaml's node build) require Node's own modules.
      js: "// Built by scripts/build-cli.mjs from server/src; do not edit (git-ignored).\nimport { createRequire as __sigapRequire } from 'node:module';\nconst require = __sigapRequire(import.meta.url);",
    },
  });
  const inputs = {};
  for (const f of [...Object.keys(r.metafile.inputs), relative(ROOT, SELF)]) {
    const abs = resolve(ROOT, f);
    const st = statSync(abs);
    // A source edited while the build ran may not be in it: record it so that the next run rebuilds.
    inputs[relative(ROOT, abs).split('\\').join('/')] = {
      size: st.size,
      mtimeMs: st.mtimeMs < t0 ? st.mtimeMs : 0,
    };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const baru = new Set(readdirSync(tmp));
  for (const f of baru) renameSync(join(tmp, f), join(OUT_DIR, f));
  rmSync(tmp, { recursive: true, force: true });
  // Chunks of earlier builds: kept an hour for a CLI started from one of them, then removed.
  for (const f of readdirSync(OUT_DIR))
    if (/^chunk-/.test(f) && !baru.has(f) && statSync(join(OUT_DIR, f)).mtimeMs < t0 - 3_600_000)
      rmSync(join(OUT_DIR, f), { force: true });
  writeFileSync(STAMP, `${JSON.stringify({ built: new Date().toISOString(), inputs }, null, 1)}\n`);
  return Date.now() - t0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const ms = await buildCli();
  console.log(`sigap CLI built into ${relative(ROOT, OUT_DIR)}/ in ${ms} ms`);
}
