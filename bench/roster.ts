// bench/roster: the greedy roster solver (solveRoster) against the exact optimum, and at the scale of a
// whole Pemda. Figures only, no pass/fail.
//
// 1. Quality. Small random instances (8–40 people, 5–10 working days) built through the domain's own policy
//    evaluation (caps per unit and, in half of them, a second cap per OPD from another circular; piket per
//    unit or OPD; a minimum in pelayanan OPDs; heads fixed WFO, part-timers fixed WFH; random absences and
//    one long leave). The exact optimum is a MIP solved by HiGHS (npm `highs`, WebAssembly) in a worker
//    thread, in the same run. The objective, the same for both (bench/roster/model.ts has the model):
//      hard rules = constraints: caps never exceeded; fixed WFO/WFH kept (a WFH person may be appointed
//        piket, as solveRoster does); absent people not scheduled; piket only from the eligible; no idle
//        seat (nobody left at home whom a cap would still let in: "caps filled up to their maximum").
//        Piket counts and minimums may fall short only when the instance allows no better: the shortfall
//        (people × days) is minimised first.
//      then solveRoster's first soft goal, "merata": office days (WFO + PIKET over the period) spread evenly
//        among the members of each cap group, measured as
//        range = Σ over cap groups of (most − fewest office days among the group's members)   [primary]
//        dev   = Σ over cap groups and members of |office days − the group's median|          [secondary]
//    Both rosters are scored by the same function. gap = (greedy − optimum) / optimum. "greedy" is solveRoster
//    as it is (the greedy days, then its improvement pass); the greedy days alone (perbaikan: false) are summed
//    on one line for comparison.
// 2. Scale. A synthetic Pemda of 15,000 and of 100,000 people × 22 working days: policy evaluation
//    (prepareOrg + evaluateDay per day) and solveRoster timed separately, each size in its own child process
//    (bench/roster/scale.ts) so that its peak RSS is its own.
// Usage: node bin/run-ts.mjs bench/roster.ts [--time-limit 60] [--sizes 15000,100000] [--no-quality]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { HighsWorker, type QualityRow, runQuality } from './roster/quality.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const TIME_LIMIT_S = Number(arg('time-limit') ?? 60);
const SIZES = (arg('sizes') ?? '15000,100000').split(',').map(Number);
const QUALITY = !process.argv.includes('--no-quality');

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
  `bench/roster — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((x) => fmt(x, 2))
    .join(' ')} at start`,
);

// ─── 1. Quality ──────────────────────────────────────────────────────────────────────────────────

/** "+12.5%", "0%", or "+2 (opt 0)" when the optimum is 0. */
function gap(g: number, opt: number): { text: string; pct: number } {
  if (opt === 0) return g === 0 ? { text: '0%', pct: 0 } : { text: `+${g} (opt 0)`, pct: Infinity };
  const pct = ((g - opt) / opt) * 100;
  return { text: `${pct > 0 ? '+' : ''}${fmt(pct, 1)}%`, pct };
}

function printQuality(rows: readonly QualityRow[]) {
  console.log();
  console.log(
    `1. Quality: solveRoster vs the exact optimum (HiGHS ${highsVersion}, WebAssembly, MIP in a worker thread; time limit ${TIME_LIMIT_S} s per stage)`,
  );
  console.log(
    '   objective, lexicographic: (1) shortfall = piket + minimum people short, summed over days (hard rules met as far as the instance allows);',
  );
  console.log(
    '   (2) fairness ("merata", solveRoster\'s first soft goal) among the members of each cap group, over office days (WFO + PIKET):',
  );
  console.log(
    '       range = Σ_groups (max − min office days) [primary];  dev = Σ_groups Σ_members |office days − group median| [secondary].',
  );
  console.log(
    '   Constraints for both rosters: caps never exceeded, fixed WFO/WFH kept, absent people not scheduled, piket from the eligible,',
  );
  console.log(
    '   no idle seat (nobody at home whom every cap of theirs would still let in). Both rosters are scored by the same function.',
  );
  console.log(
    '   greedy time: median of repeated calls; exact time: HiGHS solve calls (shortfall stage + fairness stage), inside the worker.',
  );
  console.log();
  const policy = (r: QualityRow) => {
    const p = r.q.policy;
    return [
      `unit ${p.capUnit.persen}%${p.capUnit.pembulatan[0]}`,
      p.capOpd ? `opd ${p.capOpd.persen}%` : '',
      p.piket ? `piket ${p.piket.jumlah}/${p.piket.per}${p.piketDihitung ? '' : '*'}` : '',
      p.minimum ? `min ${p.minimum.persen}%/${p.minimum.per}` : '',
    ]
      .filter((x) => x)
      .join(' ');
  };
  console.log(
    `   ${padEnd('#', 2)} ${pad('ppl', 3)} ${pad('days', 4)} ${padEnd('rules (cap % and rounding, piket, minimum)', 40)} ${pad('absent', 6)} ${pad('caps', 4)} | ${pad('short g/opt', 11)} | ${pad('range g/opt', 11)} ${pad('gap', 12)} | ${pad('dev g/opt', 9)} ${pad('gap', 12)} | ${pad('greedy ms', 9)} ${pad('exact ms', 9)} ${pad('exact/greedy', 12)}`,
  );
  let equalRange = 0;
  let within1 = 0;
  let equalDev = 0;
  let hardWorse = 0;
  let proven = 0;
  const ratios: number[] = [];
  const ratiosDev: number[] = [];
  const gapsRange: number[] = [];
  let sumG = 0;
  let sumO = 0;
  let sumGd = 0;
  let sumOd = 0;
  for (const [i, r] of rows.entries()) {
    const er = r.exact.range;
    const ed = r.exact.dev;
    const optimal = [...er.status, ...ed.status].every((s) => s === 'Optimal');
    if (optimal) proven++;
    const worse = r.greedy.shortfall > er.score.shortfall;
    if (worse) hardWorse++;
    const gr = gap(r.greedy.range, er.score.range);
    const gd = gap(r.greedy.dev, ed.score.dev);
    if (!worse) {
      if (r.greedy.range === er.score.range) equalRange++;
      if (gr.pct <= 1) within1++;
      if (r.greedy.dev === ed.score.dev) equalDev++;
      gapsRange.push(gr.pct);
    }
    sumG += r.greedy.range;
    sumO += er.score.range;
    sumGd += r.greedy.dev;
    sumOd += ed.score.dev;
    const ratio = er.ms / r.greedyMs;
    ratios.push(ratio);
    ratiosDev.push(ed.ms / r.greedyMs);
    const caps = r.q.inst.capGroups.size;
    console.log(
      `   ${padEnd(String(i + 1), 2)} ${pad(String(r.q.spec.people), 3)} ${pad(String(r.q.spec.days), 4)} ${padEnd(policy(r), 40)} ${pad(String(r.q.absentCells), 6)} ${pad(String(caps), 4)} | ${pad(`${r.greedy.shortfall}/${er.score.shortfall}`, 11)} | ${pad(`${r.greedy.range}/${er.score.range}`, 11)} ${pad(worse ? 'n/a (hard)' : gr.text, 12)} | ${pad(`${r.greedy.dev}/${ed.score.dev}`, 9)} ${pad(worse ? 'n/a (hard)' : gd.text, 12)} | ${pad(fmt(r.greedyMs, 3), 9)} ${pad(fmt(er.ms, 0), 9)} ${pad(`${fmt(ratio, 0)}×`, 12)}${optimal ? '' : `  not proven optimal: ${[...er.status, ...ed.status].join(', ')}`}${r.greedy.broken > 0 ? `  GREEDY BREAKS ${r.greedy.broken} RULES: ${r.greedy.brokenWhat.slice(0, 3).join('; ')}` : ''}`,
    );
  }
  console.log(
    '   (rounding: b bawah, a atas, t terdekat; * piket not counted in the unit cap; "caps" = cap groups over the period; short = shortfall)',
  );
  console.log();
  const n = rows.length;
  console.log(`   optimum proven (HiGHS status Optimal at every stage): ${proven} of ${n}`);
  console.log(
    `   greedy broke a hard rule the model checks (caps, fixed cells, absences, idle seats): ${rows.filter((r) => r.greedy.broken > 0).length} of ${n}`,
  );
  console.log(`   greedy short on piket/minimums where the optimum is not: ${hardWorse} of ${n}`);
  const finite = gapsRange.filter(Number.isFinite);
  console.log(
    `   range: greedy equal to the optimum on ${equalRange} of ${n}, within 1% on ${within1} of ${n}; Σ range greedy ${sumG} vs optimum ${sumO} (${gap(sumG, sumO).text}); median gap ${finite.length ? `${fmt(median(finite), 1)}%` : '-'}${finite.length < gapsRange.length ? ` (of the ${finite.length} with a non-zero optimum)` : ''}`,
  );
  console.log(
    `   dev:   greedy equal to the optimum on ${equalDev} of ${n}; Σ dev greedy ${sumGd} vs optimum ${sumOd} (${gap(sumGd, sumOd).text})`,
  );
  const alone = (f: (r: QualityRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  console.log(
    `   the greedy days alone, without the improvement pass (perbaikan: false): Σ range ${alone((r) => r.greedyAlone.range)}, Σ dev ${alone((r) => r.greedyAlone.dev)}, equal to the optimum on ${rows.filter((r) => r.greedyAlone.range === r.exact.range.score.range).length} of ${n}; rules broken ${rows.filter((r) => r.greedyAlone.broken > 0).length} of ${n}`,
  );
  console.log(
    `   time ratio exact/greedy (range objective): min ${fmt(Math.min(...ratios), 0)}×, median ${fmt(median(ratios), 0)}×, max ${fmt(Math.max(...ratios), 0)}×; (dev objective) min ${fmt(Math.min(...ratiosDev), 0)}×, median ${fmt(median(ratiosDev), 0)}×`,
  );
}

if (QUALITY) {
  const worker = new HighsWorker();
  try {
    printQuality(await runQuality(worker, TIME_LIMIT_S));
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
  const args = ['--expose-gc', 'bin/run-ts.mjs', 'bench/roster/scale.ts', '--people', String(people)];
  const r = spawnSync(process.execPath, [...args, '--runs', String(runs)], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`scale ${people}: exit ${r.status}\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ScaleResult;
}

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
    `     solveRoster, first call:  ${fmt(s.solveMs[0]!, 0)} ms wall, ${ms(s.solveThreadCpuMs[0] ?? null)} ms thread CPU, ${fmt(s.solveCpuMs[0]!, 0)} ms process CPU, GC pauses ${fmt(s.solveGcMs[0]!, 0)} ms (major ${fmt(s.solveGcMajorMs[0]!, 0)}) = ${fmt((s.solveMs[0]! * 1000) / cells, 2)} µs per person-day (wall)`,
  );
  if (warm.length > 0)
    console.log(
      `     solveRoster, again (${warm.length}×): ${warm.map((x) => fmt(x, 0)).join(', ')} ms wall; thread CPU ${s.solveThreadCpuMs
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
    `   solveRoster first call ×${fmt(b.solveMs[0]! / a.solveMs[0]!, 2)} (wall), ×${fmt(t(b, 0) / t(a, 0), 2)} (thread CPU); again ×${fmt(b.solveMs[1]! / median(a.solveMs.slice(1)), 2)} (wall), ×${fmt(t(b, 1) / median(a.solveThreadCpuMs.slice(1).map((x, i) => x ?? a.solveMs[i + 1]!)), 2)} (thread CPU)`,
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
