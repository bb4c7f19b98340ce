// Shared by the golden tests of the solver and the policy evaluation (../golden.test.ts,
// ../golden-kebijakan.test.ts): canonical text of their outputs, SHA-256, and the fixture files in this
// folder. See the test files for what is covered and docs/CONTRIBUTING.md for when to rewrite a fixture.
import { afterAll, expect } from 'vitest';
import type { IsoDate } from '../../kalender/dates.ts';
import type { HariLibur } from '../../kalender/work-hours.ts';
import type { EvaluasiHari, KeputusanOrang } from '../../kebijakan/evaluate.ts';
import type { HasilJadwal, MasukanJadwal } from '../solve.ts';

// ─── Files, hashing, environment (domain's tsconfig has "types": [], so node modules load untyped) ──

declare const URL: new (url: string, base: string) => object;
const NODE_FS = 'node:fs';
const NODE_CRYPTO = 'node:crypto';
const NODE_PROCESS = 'node:process';
const fs = (await import(/* @vite-ignore */ NODE_FS)) as {
  readFileSync(path: object, encoding: 'utf8'): string;
  writeFileSync(path: object, data: string): void;
  existsSync(path: object): boolean;
};
const { createHash } = (await import(/* @vite-ignore */ NODE_CRYPTO)) as {
  createHash(alg: 'sha256'): { update(s: string, enc: 'utf8'): { digest(enc: 'hex'): string } };
};
const { env } = (await import(/* @vite-ignore */ NODE_PROCESS)) as {
  env: Record<string, string | undefined>;
};
const here = (rel: string) => new URL(rel, (import.meta as unknown as { url: string }).url);
export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const UPDATE = env.SIGAP_GOLDEN_UPDATE === '1';

/** A text file of the repository (path from the repository's root). */
export function readRepoFile(rel: string): string {
  return fs.readFileSync(here(`../../../../${rel}`), 'utf8');
}

/** National holidays and cuti bersama as finally decreed (the CSV Sigap ships: server/data/id-holidays.csv). */
export function liburNasional(): Map<IsoDate, HariLibur> {
  const rows = readRepoFile('server/data/id-holidays.csv').trim().split('\n').slice(1);
  const out = new Map<IsoDate, HariLibur>();
  for (const row of rows) {
    const [tanggal, jenis, nama, ...dasar] = row.split(',');
    out.set(tanggal!, {
      tanggal: tanggal!,
      jenis: jenis as HariLibur['jenis'],
      nama: nama!,
      dasar: dasar.join(','),
    });
  }
  return out;
}

// ─── The fixture ─────────────────────────────────────────────────────────────────────────────────

interface Entry {
  /** SHA-256 of the whole canonical text */
  readonly sha256: string;
  readonly lines: number;
  /** SHA-256 of each section (roster: hari, sel, pelanggaran, hariKantor; policies: one per day) */
  readonly sections: Record<string, string>;
  /** the text of some sections, for small instances */
  readonly text?: readonly string[];
}
interface Fixture {
  readonly about: string;
  readonly entries: Record<string, Entry>;
}

/** Canonical output: named sections of lines. */
export type Sections = ReadonlyMap<string, readonly string[]>;

function entryOf(sections: Sections, keep: readonly string[]): Entry {
  const all: string[] = [];
  const text: string[] = [];
  const hashes: Record<string, string> = {};
  for (const [name, lines] of sections) {
    all.push(`## ${name}`, ...lines);
    if (keep.includes(name)) text.push(`## ${name}`, ...lines);
    hashes[name] = sha256(lines.join('\n'));
  }
  return {
    sha256: sha256(all.join('\n')),
    lines: all.length,
    sections: hashes,
    ...(keep.length ? { text } : {}),
  };
}

/** The first differing lines of two texts, with their line numbers. */
function firstDifferences(want: readonly string[], got: readonly string[], max = 6): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(want.length, got.length) && out.length < max * 2; i++) {
    if (want[i] === got[i]) continue;
    out.push(
      `  line ${i + 1} stored:   ${want[i] ?? '(none)'}`,
      `  line ${i + 1} computed: ${got[i] ?? '(none)'}`,
    );
  }
  return out.join('\n');
}

export interface GoldenSuite {
  /** Registers an instance name when its test is declared (so that the fixture check knows all of them). */
  declare(name: string): void;
  /**
   * Compares (or, with SIGAP_GOLDEN_UPDATE=1, records) one instance; the text of the sections named in
   * `keep` is stored too, so that a failure shows its first differing lines.
   */
  check(name: string, sections: Sections, keep: readonly string[]): void;
  /** Fails unless the fixture lists exactly the declared instances. */
  checkFixture(): void;
}

/**
 * One fixture file (in this folder) for one test file. Call at the top level of the test file: with
 * SIGAP_GOLDEN_UPDATE=1 the file is rewritten after the tests (a filtered run, `-t`, rewrites only what it
 * computed and keeps the rest as stored).
 */
export function goldenSuite(fixtureFile: string): GoldenSuite {
  const path = here(`./${fixtureFile}`);
  const stored: Fixture = fs.existsSync(path)
    ? (JSON.parse(fs.readFileSync(path, 'utf8')) as Fixture)
    : { about: '', entries: {} };
  const computed = new Map<string, Entry>();
  const declared: string[] = [];
  afterAll(() => {
    if (!UPDATE) return;
    const entries: Record<string, Entry> = {};
    for (const k of [...declared].sort()) {
      const e = computed.get(k) ?? stored.entries[k];
      if (e) entries[k] = e;
    }
    const fixture: Fixture = {
      about:
        'Golden outputs of solveJadwal and evaluateDay (domain/src/jadwal/golden*.test.ts). Rewrite with ' +
        'SIGAP_GOLDEN_UPDATE=1 only for an intended change of output, explained in the commit.',
      entries,
    };
    fs.writeFileSync(path, `${JSON.stringify(fixture, null, 1)}\n`);
  });
  return {
    declare: (name) => {
      declared.push(name);
    },
    check(name, sections, keep) {
      const got = entryOf(sections, keep);
      computed.set(name, got);
      if (UPDATE) return;
      const want = stored.entries[name];
      if (!want)
        throw new Error(`golden: "${name}" is not in ${fixtureFile}; run with SIGAP_GOLDEN_UPDATE=1`);
      if (want.sha256 === got.sha256) return;
      const changed = Object.keys({ ...want.sections, ...got.sections }).filter(
        (s) => want.sections[s] !== got.sections[s],
      );
      const detail =
        want.text && got.text
          ? `first differing lines:\n${firstDifferences(want.text, got.text)}`
          : `(text not stored for this instance; ${want.lines} lines stored, ${got.lines} computed)`;
      expect.fail(
        `golden: the output of "${name}" changed (sha256 ${want.sha256.slice(0, 12)}… → ${got.sha256.slice(0, 12)}…)\n` +
          `sections that differ: ${changed.slice(0, 20).join(', ')}${changed.length > 20 ? ` and ${changed.length - 20} more` : ''}\n${detail}\n` +
          'If the change is intended, rerun with SIGAP_GOLDEN_UPDATE=1 and explain it in the commit.',
      );
    },
    checkFixture() {
      if (UPDATE) return;
      expect(Object.keys(stored.entries).sort()).toEqual([...declared].sort());
    },
  };
}

// ─── Canonical text ──────────────────────────────────────────────────────────────────────────────

/**
 * JSON with object keys sorted and Maps/Sets as arrays of their entries in iteration order (undefined and
 * function properties left out, as JSON.stringify does), so that building the same object with its fields
 * in another order gives the same text. The sorted key order is remembered per shape (the tests serialise
 * hundreds of thousands of objects of a few shapes).
 */
const sortedKeys = new Map<string, readonly string[]>();
export function canon(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (v[i] === undefined ? 'null' : canon(v[i]));
    return `${s}]`;
  }
  if (v instanceof Map) return `{"<Map>":${canon([...v.entries()])}}`;
  if (v instanceof Set) return `{"<Set>":${canon([...v.values()])}}`;
  const o = v as Record<string, unknown>;
  const own = Object.keys(o);
  const shape = JSON.stringify(own);
  let keys = sortedKeys.get(shape);
  if (!keys) {
    keys = [...own].sort();
    sortedKeys.set(shape, keys);
  }
  let s = '{';
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined || typeof x === 'function') continue;
    s += `${first ? '' : ','}${JSON.stringify(k)}:${canon(x)}`;
    first = false;
  }
  return `${s}}`;
}

/**
 * One day's evaluation as lines: the day, the policies in force, warnings, groups (in their order), then
 * each person's decision (location, rule, explanation, groups, hours, attendance, duties, every rule
 * considered), in the order of the result's map.
 */
export function hariLines(h: EvaluasiHari): string[] {
  const out = [
    `${h.tanggal}|hari|${h.hariKerja}|${canon(h.keteranganHari)}`,
    ...h.kebijakan.map((k, i) => `${h.tanggal}|kebijakan|${i}|${canon(k)}`),
    ...h.peringatan.map((p, i) => `${h.tanggal}|peringatan|${i}|${canon(p)}`),
    ...h.kelompok.map((g, i) => `${h.tanggal}|kelompok|${i}|${canon(g)}`),
  ];
  for (const [key, o] of h.orang) out.push(`${h.tanggal}|orang|${key}|${keputusan(o)}`);
  return out;
}

/**
 * One person's decision (its key apart) in canonical form. Most people of a unit get the same decision,
 * so the canonical text is computed once per distinct decision, found by its plain JSON (a decision holds
 * no Map or Set, whose plain JSON would be `{}`): this keeps a month of a 300-person Pemda fast.
 */
const keputusanCanon = new Map<string, string>();
function keputusan(o: KeputusanOrang): string {
  const { key: _key, ...rest } = o;
  const plain = JSON.stringify(rest);
  let c = keputusanCanon.get(plain);
  if (c === undefined) {
    c = canon(rest);
    if (keputusanCanon.size > 50_000) keputusanCanon.clear();
    keputusanCanon.set(plain, c);
  }
  return c;
}

/** The solver's output: cells `pegawai|tanggal|status|alasan|rule`, sorted; violations in their order. */
export function jadwalSections(m: MasukanJadwal, r: HasilJadwal): Sections {
  const sel: string[] = [];
  for (const [k, days] of r.sel)
    for (const [d, c] of days) {
      const s = c.sumber;
      sel.push(`${k}|${d}|${c.status}|${c.alasan}|${s ? `${s.kebijakanId}/${s.versi}/${s.aturanId}` : '-'}`);
    }
  sel.sort();
  return new Map([
    ['hari', m.hari.flatMap(hariLines)],
    ['sel', sel],
    [
      'pelanggaran',
      r.pelanggaran.map(
        (v, i) =>
          `${i}|${v.tanggal}|${v.kode}|${v.kelompokId ?? '-'}|${v.orang.join(',')}|${v.pesan.id}|${v.pesan.en}`,
      ),
    ],
    ['hariKantor', [...r.hariKantor].map(([k, n]) => `${k}|${n}`).sort()],
  ]);
}
