// Child process of bench/jadwal: one Pemda size, measured alone so that its peak RSS is its own.
// Builds a synthetic Pemda, evaluates the policies for every working day (evaluateDay, timed), then
// schedules them (solveJadwal, timed), and prints one JSON line with the figures.
// Usage: node bin/run-ts.mjs bench/jadwal/scale.ts --people 15000 [--days 22] [--runs 1]
import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { type Ketidakhadiran, type MasukanJadwal, prepareOrg, solveJadwal } from '@sigap/domain';
import {
  evaluateDays,
  type KebijakanSpec,
  makeAbsences,
  makeKebijakan,
  makeOrg,
  workingDays,
} from '@sigap/domain/testing/instances';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PEOPLE = Number(arg('people') ?? 15_000);
const DAYS = Number(arg('days') ?? 22);
const RUNS = Number(arg('runs') ?? 1);

/** A typical circular: half of each unit at most, 40% of each OPD's staff, one piket per unit, 25% minimum. */
export const SCALE_KEBIJAKAN: KebijakanSpec = {
  capUnit: { persen: 50, pembulatan: 'bawah' },
  piketDihitung: true,
  piket: { jumlah: 1, per: 'unit' },
  minimum: { persen: 25, per: 'unit' },
  capOpd: { persen: 40 },
};

const peakMb = () => process.resourceUsage().maxRSS / 1024;
/** Live heap after a full collection (the child runs with --expose-gc). */
const liveMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/**
 * CPU time of the main (JavaScript) thread alone, in ms: Linux /proc/<pid>/task/<pid>/stat utime + stime, in
 * clock ticks (10 ms). Whole-process CPU time also counts V8's helper threads (concurrent compilation and
 * garbage collection), which run on other cores. null where /proc is not available.
 */
const mainThreadCpuMs = (): number | null => {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
};

const startPeakMb = peakMb();
const days = workingDays('2031-03-03', DAYS);
// ~40 people per unit, 9 units per OPD (the OPD's own office and 8 bidang).
const opd = Math.max(1, Math.round(PEOPLE / 375));
const org = makeOrg({ people: PEOPLE, opd, unitsPerOpd: 8, seed: 7 });
const kebijakan = makeKebijakan(SCALE_KEBIJAKAN, days[0]!, days[days.length - 1]!);
let t0 = process.hrtime.bigint();
const prepared = prepareOrg(org);
const prepareMs = ms(t0);
t0 = process.hrtime.bigint();
const evalThread0 = mainThreadCpuMs();
const hari = evaluateDays(kebijakan, prepared, days);
const evaluateMs = ms(t0);
const evalThread1 = mainThreadCpuMs();
const evaluateThreadCpuMs = evalThread0 === null || evalThread1 === null ? null : evalThread1 - evalThread0;
const afterEvaluatePeakMb = peakMb();
const afterEvaluateLiveMb = liveMb();
const orang = org.pegawai.map((p) => p.key);
const tidakHadir: Map<string, Map<string, Ketidakhadiran>> = makeAbsences(
  orang,
  days,
  0.04,
  Math.round(PEOPLE / 100),
  11,
);
const input: MasukanJadwal = { orang, hari, tidakHadir };

// Garbage collection pauses on this thread while the solver runs (major = mark-sweep-compact).
let gcMs = 0;
let gcMajorMs = 0;
let measuringGc = false;
const gcObserver = new PerformanceObserver((list) => {
  if (!measuringGc) return;
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
      gcMajorMs += e.duration;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

// The first run is cold (the solver's code is compiled as it runs), then RUNS more on the same input.
const solveMs: number[] = [];
const solveCpuMs: number[] = [];
const solveThreadCpuMs: (number | null)[] = [];
const solveGcMs: number[] = [];
const solveGcMajorMs: number[] = [];
let result: ReturnType<typeof solveJadwal> | undefined;
for (let i = 0; i <= RUNS; i++) {
  result = undefined;
  (globalThis as { gc?: () => void }).gc?.();
  // Let the observer deliver earlier entries before measuring.
  await new Promise((r) => setTimeout(r, 20));
  gcMs = 0;
  gcMajorMs = 0;
  measuringGc = true;
  const cpu0 = process.cpuUsage();
  const thread0 = mainThreadCpuMs();
  t0 = process.hrtime.bigint();
  result = solveJadwal(input);
  solveMs.push(ms(t0));
  const thread1 = mainThreadCpuMs();
  solveThreadCpuMs.push(thread0 === null || thread1 === null ? null : thread1 - thread0);
  const cpu = process.cpuUsage(cpu0);
  solveCpuMs.push((cpu.user + cpu.system) / 1000);
  await new Promise((r) => setTimeout(r, 20));
  measuringGc = false;
  solveGcMs.push(gcMs);
  solveGcMajorMs.push(gcMajorMs);
}
gcObserver.disconnect();
const afterSolvePeakMb = peakMb();
const afterSolveLiveMb = liveMb();

const tally: Record<string, number> = {};
for (const m of result!.sel.values())
  for (const c of m.values()) tally[c.status] = (tally[c.status] ?? 0) + 1;
const violations: Record<string, number> = {};
for (const v of result!.pelanggaran) violations[v.kode] = (violations[v.kode] ?? 0) + 1;
let groups = 0;
for (const h of hari) groups += h.kelompok.length;

console.log(
  JSON.stringify({
    people: PEOPLE,
    days: DAYS,
    opd,
    units: org.opd.length,
    groups,
    prepareMs,
    evaluateMs,
    evaluateThreadCpuMs,
    solveMs,
    solveCpuMs,
    solveThreadCpuMs,
    solveGcMs,
    solveGcMajorMs,
    startPeakMb,
    afterEvaluatePeakMb,
    afterSolvePeakMb,
    afterEvaluateLiveMb,
    afterSolveLiveMb,
    heapLimitMb: getHeapStatistics().heap_size_limit / 2 ** 20,
    tally,
    violations,
  }),
);
