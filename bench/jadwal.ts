// bench/jadwal: the greedy roster solver (solveJadwal) against the exact optimum, and at the scale of a
// whole Pemda. Figures only, no pass/fail.
//
// 1. Quality. Small random instances (8–40 people, 5–10 working days) built through the domain's own policy
//    evaluation (caps per unit and, in half of them, a second cap per OPD from another circular; piket per
//    unit or OPD; a minimum in pelayanan OPDs; heads fixed WFO, part-timers fixed WFH; random absences and
//    one long leave). The exact optimum is a MIP solved by HiGHS (npm `highs`, WebAssembly) in a worker
//    thread, in the same run. The objective, the same for both (bench/jadwal/model.ts has the model):
//      hard rules = constraints: caps never exceeded; fixed WFO/WFH kept (a WFH person may be appointed
//        piket, as solveJadwal does); absent people not scheduled; piket only from the eligible; no idle
//        seat (nobody left at home whom a cap would still let in: "caps filled up to their maximum").
//        Piket counts and minimums may fall short only when the instance allows no better: the shortfall
//        (people × days) is minimised first.
//      then solveJadwal's first soft goal, "merata": office days (WFO + PIKET over the period) spread evenly
//        among the members of each cap group, measured as
//        range = Σ over cap groups of (most − fewest office days among the group's members)   [primary]
//        dev   = Σ over cap groups and members of |office days − the group's median|          [secondary]
//    Both rosters are scored by the same function. gap = (greedy − optimum) / optimum. "greedy" is solveJadwal
//    as it is (the greedy days, then its improvement pass); the greedy days alone (perbaikan: false) are summed
//    on one line for comparison.
// 2. Scale. A synthetic Pemda of 15,000 and of 100,000 people × 22 working days: policy evaluation
//    (prepareOrg + evaluateDay per day) and solveJadwal timed separately, each size in its own child process
//    (bench/jadwal/scale.ts) so that its peak RSS is its own.
// Usage: node bin/run-ts.mjs bench/jadwal.ts [--time-limit 60] [--sizes 15000,100000] [--no-quality]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  BENCH_HELD_OUT_SEED,
  benchHeldOutSpecs,
  QUALITY_SPECS,
  type QualitySpec,
} from '@sigap/domain/testing/instances';
import { LEVELS, type Level, type Score } from './jadwal/model.ts';
import { HighsWorker, type QualityRow, runQuality } from './jadwal/quality.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
/** --cepat: a short run (3 tuning and 4 small held-out instances, 5 s limit, the 15,000-person scale only). */
const CEPAT = flag('cepat');
const TIME_LIMIT_S = Number(arg('time-limit') ?? (CEPAT ? 5 : 60));
const SIZES = (arg('sizes') ?? (CEPAT ? '' : '15000,100000'))
  .split(',')
  .filter((x) => x)
  .map(Number);
const QUALITY = !flag('no-quality');
const TUNING = !flag('no-tuning');
const HELD_OUT_COUNT = Number(arg('held-out') ?? 30);
const tuning = CEPAT ? QUALITY_SPECS.slice(0, 3) : QUALITY_SPECS;
const heldOut = CEPAT
  ? benchHeldOutSpecs(HELD_OUT_COUNT)
      .filter((s) => s.people * s.days <= 800)
      .slice(0, 4)
  : benchHeldOutSpecs(HELD_OUT_COUNT);

const fmt = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pad = (s: string, n: number) => s.padStart(n);
const padEnd = (s: string, n: number) => s.padEnd(n);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const highsVersion = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/highs/package.json'), 'utf8')) as {
    version: string;
  }
).version;

console.log(
  `bench/jadwal — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((x) => fmt(x, 2))
    .join(' ')} at start`,
);

// ─── 1. Quality ──────────────────────────────────────────────────────────────────────────────────

const geomean = (xs: readonly number[]) =>
  xs.length === 0 ? NaN : Math.exp(xs.reduce((t, x) => t + Math.log(x), 0) / xs.length);
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${fmt((ratio - 1) * 100, 1)}%`;
const LEVEL_NAME: Record<Level, string> = {
  shortfall: 'shortfall',
  seats: 'seats',
  range: 'range',
  dev: 'dev',
};

/** How much worse the solver is at one level: > 1 worse, 1 equal (+1 so that an optimum of 0 has a ratio). */
function levelRatio(level: Level, solver: number, exact: number): number {
  return level === 'seats' ? (exact + 1) / (solver + 1) : (solver + 1) / (exact + 1);
}

/** The first level where the two rosters differ, and who is ahead there. */
function decided(g: Score, o: Score): { level: Level | null; solverWorse: boolean; by: number } {
  for (const level of LEVELS) {
    if (g[level] === o[level]) continue;
    const solverWorse = level === 'seats' ? g[level] < o[level] : g[level] > o[level];
    return { level, solverWorse, by: Math.abs(g[level] - o[level]) };
  }
  return { level: null, solverWorse: false, by: 0 };
}

function kebijakanText(r: QualityRow) {
  const p = r.q.policy;
  return [
    `unit ${p.capUnit.persen}%${p.capUnit.pembulatan[0]}`,
    p.capOpd ? `opd ${p.capOpd.persen}%` : '',
    p.piket ? `piket ${p.piket.jumlah}/${p.piket.per}${p.piketDihitung ? '' : '*'}` : '',
    p.minimum ? `min ${p.minimum.persen}%/${p.minimum.per}` : '',
  ]
    .filter((x) => x)
    .join(' ');
}

function printHeader() {
  console.log(
    `   ${padEnd('#', 2)} ${pad('ppl', 3)} ${pad('days', 4)} ${padEnd('rules (cap % and rounding, piket, minimum)', 38)} | ${pad('short s/H', 9)} ${pad('seats s/H', 11)} ${pad('range s/H', 9)} ${pad('dev s/H', 9)} | ${padEnd('first difference', 24)} | ${pad('solver ms', 15)} | ${pad('HiGHS ms', 9)} ${pad('×solver', 8)} | ${pad('match ms', 9)} ${pad('×solver', 8)}`,
  );
}

function printRow(r: QualityRow, i: number) {
  const g = r.greedy;
  const o = r.exact.score;
  const v = (l: Level, w: number) => pad(`${g[l]}/${o ? o[l] : '-'}`, w);
  let diff = 'no HiGHS roster';
  if (o) {
    const d = decided(g, o);
    diff =
      d.level === null
        ? 'equal on all levels'
        : `${d.solverWorse ? 'solver worse' : 'solver BETTER'}: ${LEVEL_NAME[d.level]} ${(d.level === 'seats') === d.solverWorse ? '−' : '+'}${d.by}`;
  }
  const stops = r.exact.levels
    .filter((l) => l.status !== 'Optimal')
    .map(
      (l) =>
        `${l.level}: ${l.status}${l.gapPct !== null && Number.isFinite(l.gapPct) ? `, gap ${fmt(l.gapPct, 2)}%` : ''}${l.dualBound !== null && Number.isFinite(l.dualBound) ? `, bound ${fmt(l.dualBound, 1)}` : ''}`,
    );
  const missing = LEVELS.length - r.exact.levels.length;
  const notes = [
    ...stops,
    ...(missing > 0 ? [`${missing} level(s) not run: time limit used up`] : []),
    ...(r.reach.found ? [] : [`match: ${r.reach.status}`]),
    ...(g.broken > 0 ? [`SOLVER BREAKS ${g.broken} RULES: ${g.brokenWhat.slice(0, 3).join('; ')}`] : []),
  ];
  const reachMs = r.reach.buildMs + r.reach.solveMs;
  console.log(
    `   ${padEnd(String(i + 1), 2)} ${pad(String(r.q.spec.people), 3)} ${pad(String(r.q.spec.days), 4)} ${padEnd(kebijakanText(r), 38)} | ${v('shortfall', 9)} ${v('seats', 11)} ${v('range', 9)} ${v('dev', 9)} | ${padEnd(diff, 24)} | ${pad(`${fmt(r.greedyFirstMs, 1)}/${fmt(r.greedyMs, 1)}`, 15)} | ${pad(fmt(r.exact.ms, 0), 9)} ${pad(`${fmt(r.exact.ms / r.greedyMs, 0)}×`, 8)} | ${pad(r.reach.found ? fmt(reachMs, 0) : `>${fmt(reachMs, 0)}`, 9)} ${pad(`${fmt(reachMs / r.greedyMs, 0)}×`, 8)}${notes.length ? `  [${notes.join('; ')}]` : ''}`,
  );
}

function printSummary(rows: readonly QualityRow[]) {
  const n = rows.length;
  const scored = rows.filter((r) => r.exact.score !== null);
  console.log();
  console.log(
    `   HiGHS proved the optimum at every level: ${rows.filter((r) => r.exact.proven).length} of ${n}; stopped at the time limit: ${rows.filter((r) => !r.exact.proven).length} (their values are HiGHS's best roster, the gap is printed on the row)`,
  );
  console.log(
    `   the solver broke a hard rule the model checks (caps, fixed cells, absences, idle seats): ${rows.filter((r) => r.greedy.broken > 0).length} of ${n}`,
  );
  const at = new Map<string, number>();
  for (const r of scored) {
    const d = decided(r.greedy, r.exact.score!);
    const key = d.level === null ? 'equal' : `${d.solverWorse ? 'worse' : 'better'} at ${d.level}`;
    at.set(key, (at.get(key) ?? 0) + 1);
  }
  console.log(
    `   lexicographic comparison (first level that differs): ${[...at].map(([k, c]) => `${k} ${c}`).join(', ')} (of ${scored.length} with a HiGHS roster)`,
  );
  console.log(
    '   per level, over the instances where every earlier level is equal (where the level decides):',
  );
  for (const level of LEVELS) {
    const inPlay = scored.filter((r) => {
      for (const l of LEVELS) {
        if (l === level) return true;
        if (r.greedy[l] !== r.exact.score![l]) return false;
      }
      return true;
    });
    const ratios = inPlay.map((r) => levelRatio(level, r.greedy[level], r.exact.score![level]));
    const equal = inPlay.filter((r) => r.greedy[level] === r.exact.score![level]).length;
    const worst = ratios.length ? Math.max(...ratios) : NaN;
    const worstRow = rows.indexOf(inPlay[ratios.indexOf(worst)]!) + 1;
    console.log(
      `     ${padEnd(LEVEL_NAME[level], 9)} ${pad(String(inPlay.length), 2)} instances, solver equal on ${pad(String(equal), 2)}; ratio solver/optimum geometric mean ${ratios.length ? pct(geomean(ratios)) : '-'}, worst ${ratios.length ? `${pct(worst)} (#${worstRow})` : '-'}`,
    );
  }
  const sum = (f: (r: QualityRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  console.log(
    `   totals: seats solver ${fmt(sum((r) => r.greedy.seats))} vs HiGHS ${fmt(sum((r) => r.exact.score?.seats ?? 0))}; range ${sum((r) => r.greedy.range)} vs ${sum((r) => r.exact.score?.range ?? 0)}; dev ${sum((r) => r.greedy.dev)} vs ${sum((r) => r.exact.score?.dev ?? 0)}; shortfall ${sum((r) => r.greedy.shortfall)} vs ${sum((r) => r.exact.score?.shortfall ?? 0)}`,
  );
  console.log(
    `   the greedy days alone (perbaikan: false): seats ${fmt(sum((r) => r.greedyAlone.seats))}, range ${sum((r) => r.greedyAlone.range)}, dev ${sum((r) => r.greedyAlone.dev)}, shortfall ${sum((r) => r.greedyAlone.shortfall)}; equal to HiGHS on all levels on ${scored.filter((r) => decided(r.greedyAlone, r.exact.score!).level === null).length} of ${scored.length}`,
  );
  const exactRatios = rows.map((r) => r.exact.ms / r.greedyMs);
  const found = rows.filter((r) => r.reach.found);
  const reachRatios = found.map((r) => (r.reach.buildMs + r.reach.solveMs) / r.greedyMs);
  const buildShare = sum((r) => r.exact.levels.reduce((t, l) => t + l.buildMs, 0)) / sum((r) => r.exact.ms);
  console.log(
    `   time HiGHS (all levels, building included) / solver median: geometric mean ${fmt(geomean(exactRatios), 0)}×, min ${fmt(Math.min(...exactRatios), 0)}×, max ${fmt(Math.max(...exactRatios), 0)}× (building the LP text is ${fmt(buildShare * 100, 1)}% of HiGHS's time)`,
  );
  console.log(
    `   time HiGHS needs to match the solver (building included) / solver median: ${found.length ? `geometric mean ${fmt(geomean(reachRatios), 0)}×, min ${fmt(Math.min(...reachRatios), 0)}×, max ${fmt(Math.max(...reachRatios), 0)}×` : '-'}; not matched within the limit: ${n - found.length} of ${n}`,
  );
}

async function qualitySet(worker: HighsWorker, title: string, specs: readonly QualitySpec[]) {
  console.log();
  console.log(`   ${title}`);
  printHeader();
  const rows = await runQuality(worker, specs, TIME_LIMIT_S, printRow);
  printSummary(rows);
}

if (QUALITY) {
  console.log();
  console.log(
    `1. Quality: solveJadwal ("solver", s) against the exact optimum (HiGHS ${highsVersion}, WebAssembly, MIP in a worker thread, "H")`,
  );
  console.log(
    '   ONE lexicographic objective, the same for both and scored by the same function (bench/jadwal/model.ts):',
  );
  console.log(
    '     (1) shortfall: piket and minimum people short, summed over days, minimised;  (2) seats: office person-days',
  );
  console.log(
    '     (WFO + PIKET), maximised, so no roster wins by leaving seats the caps allow empty;  (3) range = Σ_cap groups',
  );
  console.log(
    '     (max − min office days) [solveJadwal\'s first soft goal "merata"];  (4) dev = Σ_groups Σ_members |office days − median|.',
  );
  console.log(
    '   Hard rules for both: caps never exceeded, fixed WFO/WFH kept, absent people not scheduled, piket from the eligible, no idle seat.',
  );
  console.log(
    `   HiGHS optimises the levels by sequential solves (each level a MIP bounded by the values of the earlier ones), ${TIME_LIMIT_S} s per`,
  );
  console.log(
    '   instance for all levels together; when the limit stops a level its status and gap are printed and its best roster is scored.',
  );
  console.log(
    '   Times: solver ms = first call on the instance / median of repeated calls; HiGHS ms = building the LP text + HiGHS reading',
  );
  console.log(
    "   and solving it, all levels; match ms = the same for a feasibility MIP whose constraints are the solver's own four values",
  );
  console.log(
    "   (shortfall and spread at most, seats at least): the time HiGHS needs to reach a roster as good as the solver's. ×solver = / median.",
  );
  console.log(
    '   Ratios per level: (solver + 1)/(optimum + 1), seats (optimum + 1)/(solver + 1); +0% = equal, positive = solver worse.',
  );
  const worker = new HighsWorker();
  try {
    if (TUNING)
      await qualitySet(
        worker,
        `Tuning set (${tuning.length} instances, 8–40 people; the solver's improvement pass was tuned on these):`,
        tuning,
      );
    if (heldOut.length > 0)
      await qualitySet(
        worker,
        `Held-out set (${heldOut.length} instances from generator seed ${BENCH_HELD_OUT_SEED}, ${Math.min(...heldOut.map((s) => s.people))}–${Math.max(...heldOut.map((s) => s.people))} people × ${Math.min(...heldOut.map((s) => s.days))}–${Math.max(...heldOut.map((s) => s.days))} days; never used for tuning):`,
        heldOut,
      );
  } finally {
    await worker.close();
  }
}

// ─── 2. Scale ────────────────────────────────────────────────────────────────────────────────────

interface ScaleResult {
  people: number;
  days: number;
  opd: number;
  units: number;
  groups: number;
  prepareMs: number;
  evaluateMs: number;
  evaluateThreadCpuMs: number | null;
  solveMs: number[];
  solveThreadCpuMs: (number | null)[];
  solveCpuMs: number[];
  solveGcMs: number[];
  solveGcMajorMs: number[];
  startPeakMb: number;
  afterEvaluatePeakMb: number;
  afterSolvePeakMb: number;
  afterEvaluateLiveMb: number;
  afterSolveLiveMb: number;
  heapLimitMb: number;
  tally: Record<string, number>;
  violations: Record<string, number>;
}

function runScale(people: number): ScaleResult {
  const runs = people <= 20_000 ? 2 : 1;
  const args = ['--expose-gc', 'bin/run-ts.mjs', 'bench/jadwal/scale.ts', '--people', String(people)];
  const r = spawnSync(process.execPath, [...args, '--runs', String(runs)], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`scale ${people}: exit ${r.status}\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ScaleResult;
}

if (SIZES.length > 0) {
  console.log();
  console.log(
    '2. Scale: synthetic Pemda (~40 people per unit, 9 units per OPD; caps 50% per unit and 40% per OPD, 1 piket per unit, minimum 25% in',
  );
  console.log(
    '   pelayanan units, heads WFO, part-timers WFH; 4% of person-days absent and 1% of people on a long leave), 22 working days.',
  );
  console.log(
    '   Each size runs alone in a child process (node --expose-gc). Times: wall clock; "thread CPU" = CPU time of the JavaScript',
  );
  console.log(
    "   thread alone (/proc/<pid>/task/<pid>/stat), i.e. one core; process CPU adds V8's helper threads (concurrent compiling and GC).",
  );
  console.log(
    "   Memory: peak RSS = the child's high-water mark (getrusage maxRSS) after evaluation and after solving; live heap = heapUsed",
  );
  console.log("   after a full GC (the roster's own retained size is the difference).");
}
const results: ScaleResult[] = [];
for (const people of SIZES) results.push(runScale(people));
console.log();
const ms = (x: number | null) => (x === null ? '-' : fmt(x, 0));
for (const s of results) {
  const cells = s.people * s.days;
  const warm = s.solveMs.slice(1);
  console.log(
    `   ${fmt(s.people)} people × ${s.days} days = ${fmt(cells)} person-days; ${s.opd} OPDs, ${fmt(s.units)} OPDs and units, ${fmt(s.groups)} group constraints over the period`,
  );
  console.log(
    `     policy evaluation (prepareOrg ${fmt(s.prepareMs, 0)} ms + evaluateDay × ${s.days}): ${fmt(s.evaluateMs, 0)} ms wall, ${ms(s.evaluateThreadCpuMs)} ms thread CPU = ${fmt((s.evaluateMs * 1000) / cells, 2)} µs per person-day`,
  );
  console.log(
    `     solveJadwal, first call:  ${fmt(s.solveMs[0]!, 0)} ms wall, ${ms(s.solveThreadCpuMs[0] ?? null)} ms thread CPU, ${fmt(s.solveCpuMs[0]!, 0)} ms process CPU, GC pauses ${fmt(s.solveGcMs[0]!, 0)} ms (major ${fmt(s.solveGcMajorMs[0]!, 0)}) = ${fmt((s.solveMs[0]! * 1000) / cells, 2)} µs per person-day (wall)`,
  );
  if (warm.length > 0)
    console.log(
      `     solveJadwal, again (${warm.length}×): ${warm.map((x) => fmt(x, 0)).join(', ')} ms wall; thread CPU ${s.solveThreadCpuMs
        .slice(1)
        .map(ms)
        .join(', ')} ms; GC ${s.solveGcMs
        .slice(1)
        .map((x) => fmt(x, 0))
        .join(', ')} ms`,
    );
  console.log(
    `     memory: peak RSS ${fmt(s.startPeakMb)} MB at start, ${fmt(s.afterEvaluatePeakMb)} MB after evaluation, ${fmt(s.afterSolvePeakMb)} MB after solving; live heap ${fmt(s.afterEvaluateLiveMb)} → ${fmt(s.afterSolveLiveMb)} MB (roster +${fmt(s.afterSolveLiveMb - s.afterEvaluateLiveMb)} MB); heap limit ${fmt(s.heapLimitMb)} MB`,
  );
  console.log(
    `     roster: ${Object.entries(s.tally)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}; violations: ${
      Object.entries(s.violations)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  );
}
if (results.length >= 2) {
  const a = results[0]!;
  const b = results[results.length - 1]!;
  const size = (b.people * b.days) / (a.people * a.days);
  const t = (x: ScaleResult, i: number) => x.solveThreadCpuMs[i] ?? x.solveMs[i]!;
  console.log();
  console.log(
    `   ratio ${fmt(b.people)} / ${fmt(a.people)}: person-days ×${fmt(size, 2)}; evaluation ×${fmt(b.evaluateMs / a.evaluateMs, 2)} (wall), ×${a.evaluateThreadCpuMs && b.evaluateThreadCpuMs ? fmt(b.evaluateThreadCpuMs / a.evaluateThreadCpuMs, 2) : '-'} (thread CPU)`,
  );
  console.log(
    `   solveJadwal first call ×${fmt(b.solveMs[0]! / a.solveMs[0]!, 2)} (wall), ×${fmt(t(b, 0) / t(a, 0), 2)} (thread CPU); again ×${fmt(b.solveMs[1]! / median(a.solveMs.slice(1)), 2)} (wall), ×${fmt(t(b, 1) / median(a.solveThreadCpuMs.slice(1).map((x, i) => x ?? a.solveMs[i + 1]!)), 2)} (thread CPU)`,
  );
  console.log(
    `   cost per person-day (thread CPU, first call): ${fmt((t(a, 0) * 1000) / (a.people * a.days), 2)} µs at ${fmt(a.people)}, ${fmt((t(b, 0) * 1000) / (b.people * b.days), 2)} µs at ${fmt(b.people)} (×${fmt(t(b, 0) / t(a, 0) / size, 2)}; 1.00 = linear)`,
  );
  console.log(
    `   peak RSS ×${fmt(b.afterSolvePeakMb / a.afterSolvePeakMb, 2)}; roster live heap ×${fmt((b.afterSolveLiveMb - b.afterEvaluateLiveMb) / (a.afterSolveLiveMb - a.afterEvaluateLiveMb), 2)}`,
  );
}
console.log();
console.log(
  `load average ${loadavg()
    .map((x) => fmt(x, 2))
    .join(' ')} at the end (other processes on this machine distort wall times)`,
);
