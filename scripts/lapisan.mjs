// `npm run check`: SQL only in repositories.
//
// Fails when a production file of server/src that is not a repository (`*.repository.ts`) or part of
// server/src/db/ builds SQL: a Kysely query builder called on a Kysely or transaction value (selectFrom,
// insertInto, updateTable, deleteFrom, replaceInto, mergeInto, selectNoFrom, with, withRecursive,
// executeQuery) or Kysely's `sql` tag (sql`…`, sql<T>`…`, sql.raw/ref/lit/join/…). Services decide,
// repositories touch the database (docs/CONTRIBUTING.md, "Layers"). Tests may query freely.
//
// It uses the TypeScript compiler's type checker, so `.with(` on an array or a zod schema does not count,
// and an aliased or re-exported `sql` still does.
//
//   node scripts/lapisan.mjs            check (exit code 1 and one line per finding when SQL is elsewhere)
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const SRC = join(ROOT, 'server/src');

// Files allowed SQL outside a repository for now (none: keep it so).
const SEMENTARA = [];

const BUILDER = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'selectNoFrom',
  'with',
  'withRecursive',
  'executeQuery',
]);
/** Kysely's types whose methods start a query. */
const PEMBUAT = new Set(['Kysely', 'Transaction', 'ControlledTransaction', 'QueryCreator']);

/** @param {string} rel */
function boleh(rel) {
  return (
    rel.endsWith('.repository.ts') ||
    rel.startsWith('server/src/db/') ||
    rel.endsWith('.test.ts') ||
    rel.endsWith('.d.ts') ||
    SEMENTARA.some((r) => r.test(rel))
  );
}

/** @param {string} dir @returns {string[]} */
function berkas(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...berkas(p));
    else if (/\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

const semua = berkas(SRC);
const diperiksa = semua.filter((f) => !boleh(relative(ROOT, f).replaceAll('\\', '/')));
const config = ts.getParsedCommandLineOfConfigFile(
  join(ROOT, 'server/tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (!config) throw new Error('server/tsconfig.json cannot be read');
const program = ts.createProgram(diperiksa, config.options);
const checker = program.getTypeChecker();

/** Whether a type (or one member of a union) is one of Kysely's query-starting types. */
function pembuat(/** @type {ts.Type} */ type) {
  const types = type.isUnion() ? type.types : [type];
  return types.some((t) => {
    const s = t.getSymbol() ?? t.aliasSymbol;
    if (!s || !PEMBUAT.has(s.getName())) return false;
    return (s.getDeclarations() ?? []).some((d) =>
      d.getSourceFile().fileName.includes('/node_modules/kysely/'),
    );
  });
}

/** Whether an identifier is Kysely's `sql` (imported under any name). */
function sqlKysely(/** @type {ts.Node} */ node) {
  if (!ts.isIdentifier(node)) return false;
  let s = checker.getSymbolAtLocation(node);
  if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
  if (s?.getName() !== 'sql') return false;
  return (s.getDeclarations() ?? []).some((d) =>
    d.getSourceFile().fileName.includes('/node_modules/kysely/'),
  );
}

const temuan = [];
for (const file of diperiksa) {
  const sf = program.getSourceFile(file);
  if (!sf) continue;
  const rel = relative(ROOT, file).replaceAll('\\', '/');
  const lapor = (/** @type {ts.Node} */ n, apa) => {
    const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    temuan.push(`${rel}:${line + 1}: ${apa}`);
  };
  const kunjungi = (/** @type {ts.Node} */ n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const nama = n.expression.name.text;
      if (BUILDER.has(nama) && pembuat(checker.getTypeAtLocation(n.expression.expression)))
        lapor(n, `.${nama}() builds SQL outside a repository`);
    }
    if (ts.isTaggedTemplateExpression(n) && sqlKysely(n.tag)) lapor(n, 'sql`…` outside a repository');
    if (ts.isPropertyAccessExpression(n) && sqlKysely(n.expression))
      lapor(n, `sql.${n.name.text}() outside a repository`);
    ts.forEachChild(n, kunjungi);
  };
  kunjungi(sf);
}

if (temuan.length > 0) {
  console.error('SQL outside a repository (move it into a *.repository.ts beside the service):');
  for (const t of temuan) console.error(`  ${t}`);
  process.exit(1);
}
console.log(`lapisan: ${diperiksa.length} files without SQL (repositories and server/src/db aside).`);
