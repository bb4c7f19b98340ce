// bench/kebijakan: evaluating the policies for every person on every day of one month, on a generated Pemda
// of ~40 OPDs with their units, against a plain reference evaluator (bench/kebijakan/plain.ts) that decides
// each person on each day on its own, sharing nothing between people or days.
// Cases: each of the four example circulars alone (Kudus, Batu v2, Bogor, Pasuruan: made `aktif` and valid
// for the month), all four together, and a mix where some people are WFO (see MIXES for why "all four"
// has nobody WFO). Before timing, every cell (location, deciding rule, groups, piket eligibility) and every
// group (members, eligible, cap/minimum/piket count) of both is compared: the mismatch count must be 0.
// Times: one warm-up run, then the median of --runs runs, for both sides. Figures only, no pass/fail.
// Usage: node bin/run-ts.mjs bench/kebijakan.ts [--people 15000] [--runs 5] [--from 2022-03-01] [--to 2022-03-31]
//        [--case Kudus] [--cepat] (500 people, 2 runs)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  dateRange,
  evaluateDay,
  type HariLibur,
  JAM_KERJA_PERPRES_21_2023,
  type KalenderKerja,
  type Kebijakan,
  type PreparedOrg,
  prepareOrg,
  validateKebijakan,
} from '@sigap/domain';
import { makePemdaOrg } from '@sigap/domain/testing/instances';
import { parse } from 'yaml';
import { compare, plainDay } from './kebijakan/plain.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const CEPAT = process.argv.includes('--cepat');
const PEOPLE = Number(arg('people') ?? (CEPAT ? 500 : 15_000));
const RUNS = Number(arg('runs') ?? (CEPAT ? 2 : 5));
const FROM = arg('from') ?? '2022-03-01';
const TO = arg('to') ?? '2022-03-31';
/** --case <text>: only the cases whose label contains it (e.g. --case Kudus) */
const ONLY = arg('case');

const FILES = {
  kudus: 'kudus-2020.yaml',
  batu: 'batu-2020.v2.yaml',
  bogor: 'bogor-2021.yaml',
  pasuruan: 'pasuruan-2022.yaml',
} as const;
type Name = keyof typeof FILES;

function loadKebijakan(f: string): Kebijakan {
  const doc = parse(readFileSync(join(import.meta.dirname, '../examples/policies', f), 'utf8')) as Record<
    string,
    unknown
  >;
  doc.status = 'aktif';
  doc.berlaku = { dari: FROM, sampai: TO };
  const r = validateKebijakan(doc);
  if (!r.ok) throw new Error(`${f}: ${r.masalah.map((m) => m.pesan.en).join('; ')}`);
  return r.kebijakan;
}
const policies = Object.fromEntries(Object.entries(FILES).map(([n, f]) => [n, loadKebijakan(f)])) as Record<
  Name,
  Kebijakan
>;

/**
 * Why all four together send nobody to the office: Batu v2 alone already leaves nobody WFO (every unit is
 * pelayanan, capped at 50%, or non_pelayanan, sent home and its office closed), and at the same standing
 * (kedudukan) the stricter location wins (closure > WFH > a cap > WFO), so a WFO rule of Kudus, Bogor or
 * Pasuruan never beats Batu's outcome. The mix of the other three is the "together" case with WFO people
 * (RSUD staff and heads, whom all three keep at the office or do not cap).
 */
const CASES: { label: string; names: Name[] }[] = [
  { label: 'Kudus 2020 alone', names: ['kudus'] },
  { label: 'Batu 2020 v2 alone', names: ['batu'] },
  { label: 'Bogor 2021 alone', names: ['bogor'] },
  { label: 'Pasuruan 2022 alone', names: ['pasuruan'] },
  { label: 'all four together', names: ['kudus', 'batu', 'bogor', 'pasuruan'] },
  { label: 'Kudus + Bogor + Pasuruan (mix)', names: ['kudus', 'bogor', 'pasuruan'] },
];

const fmt = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const org = makePemdaOrg(PEOPLE);
const days = dateRange(FROM, TO);
const libur = new Map<string, HariLibur>([
  [
    '2022-03-03',
    {
      tanggal: '2022-03-03',
      jenis: 'libur_nasional',
      nama: 'Hari Suci Nyepi Tahun Baru Saka 1944',
      dasar: 'SKB 3 Menteri 2022',
    },
  ],
]);
const kal: KalenderKerja = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur };
const t0 = performance.now();
const prepared = prepareOrg(org);
const prepareMs = performance.now() - t0;

const evaluateMonth = (ks: readonly Kebijakan[], o: PreparedOrg) =>
  days.map((d) => evaluateDay(ks, o, d, kal));
const plainMonth = (ks: readonly Kebijakan[], o: PreparedOrg) => days.map((d) => plainDay(ks, o, d, kal));

/** One warm-up run, then the median of RUNS runs (ms). */
function time(fn: () => unknown): { median: number; first: number; all: number[] } {
  let t = performance.now();
  fn();
  const first = performance.now() - t;
  const all: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    fn();
    all.push(performance.now() - t);
  }
  return { median: median(all), first, all };
}

const cells = prepared.pegawai.length * days.length;
const tops = org.opd.filter((o) => o.indukId === null).length;
console.log(
  `bench/kebijakan — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((x) => fmt(x, 2))
    .join(' ')} at start`,
);
console.log(
  `${fmt(prepared.pegawai.length)} people in ${tops} OPDs (${org.opd.length} OPDs and units), ${days.length} days ${FROM}..${TO} = ${fmt(cells)} person-days; prepareOrg ${fmt(prepareMs, 1)} ms (shared by both sides, not in the times below)`,
);
console.log(
  'evaluateDay: the domain (per day, one decision per profile = unit × level × type, shared by its people).',
);
console.log(
  'plain: bench/kebijakan/plain.ts, each person on each day from scratch (day kind, policies in force, matching rules,',
);
console.log(
  '       location, groups); it skips explanations, hours, attendance methods and WFH duties, so it does less per cell.',
);
console.log(
  `times: 1 warm-up run, then the median of ${RUNS} runs of the whole month, each side; ratio = plain / evaluateDay.`,
);
console.log();
console.log(
  `${'case'.padEnd(34)} ${'rules'.padStart(5)} | ${'WFO'.padStart(9)} ${'WFH'.padStart(9)} ${'BEBAS'.padStart(9)} ${'LIBUR'.padStart(9)} ${'groups'.padStart(7)} | ${'mismatch'.padStart(8)} | ${'evaluateDay ms'.padStart(20)} | ${'plain ms'.padStart(20)} | ${'plain/eval'.padStart(10)}`,
);
for (const c of CASES.filter((x) => !ONLY || x.label.includes(ONLY))) {
  const ks = c.names.map((n) => policies[n]);
  const ours = evaluateMonth(ks, prepared);
  const plain = plainMonth(ks, prepared);
  const diff = compare(ks, prepared, ours, plain);
  const tally: Record<string, number> = { WFO: 0, WFH: 0, BEBAS: 0, LIBUR: 0 };
  let groups = 0;
  for (const ev of ours) {
    for (const o of ev.orang.values()) tally[o.lokasi] = (tally[o.lokasi] ?? 0) + 1;
    groups += ev.kelompok.length;
  }
  const a = time(() => evaluateMonth(ks, prepared));
  const b = time(() => plainMonth(ks, prepared));
  console.log(
    `${c.label.padEnd(34)} ${String(ks.reduce((s, k) => s + k.aturan.length, 0)).padStart(5)} | ${fmt(tally.WFO!).padStart(9)} ${fmt(tally.WFH!).padStart(9)} ${fmt(tally.BEBAS!).padStart(9)} ${fmt(tally.LIBUR!).padStart(9)} ${fmt(groups).padStart(7)} | ${String(diff.cells + diff.groups).padStart(8)} | ${`${fmt(a.median, 0)} (warm-up ${fmt(a.first, 0)})`.padStart(20)} | ${`${fmt(b.median, 0)} (warm-up ${fmt(b.first, 0)})`.padStart(20)} | ${`${fmt(b.median / a.median, 1)}×`.padStart(10)}`,
  );
  for (const f of diff.first) console.log(`    mismatch: ${f}`);
}
console.log();
console.log(
  'All four together: nobody is WFO. Batu v2 alone leaves nobody WFO (pelayanan units capped, non-pelayanan sent home',
);
console.log(
  'and closed), and at the same standing the stricter location wins (closure > WFH > cap > WFO), so no WFO rule of the',
);
console.log(
  'others beats it. Kudus + Bogor + Pasuruan is the mix where some people (RSUD staff, heads) are WFO.',
);
console.log(
  `mismatch = cells (location, deciding rule, groups) + groups (members, eligible for piket, count) where the two differ; must be 0.`,
);
console.log(
  `load average ${loadavg()
    .map((x) => fmt(x, 2))
    .join(
      ' ',
    )} at the end (other processes on this machine distort wall times); peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`,
);
