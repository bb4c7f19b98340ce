// Quality: solveRoster against the exact optimum (HiGHS MIP in a worker thread) on small random instances.
import { Worker } from 'node:worker_threads';
import { type MasukanJadwal, prepareOrg, solveRoster } from '@sigap/domain';
import type { SolveReply, SolveRequest } from './highs-worker.ts';
import {
  evaluateDays,
  makeAbsences,
  makeOrg,
  makePolicies,
  type PolicySpec,
  rng,
  workingDays,
} from './instances.ts';
import {
  buildLp,
  type Instance,
  instanceOf,
  type Objective,
  rosterOfGreedy,
  rosterOfMip,
  type Score,
  score,
} from './model.ts';

export interface QualitySpec {
  readonly people: number;
  readonly days: number;
  readonly opd: number;
  readonly unitsPerOpd: number;
  readonly seed: number;
}

/** Sizes small enough for the exact optimiser; the policy parameters are drawn from the seed. */
export const QUALITY_SPECS: readonly QualitySpec[] = [
  { people: 8, days: 5, opd: 1, unitsPerOpd: 1, seed: 101 },
  { people: 12, days: 5, opd: 1, unitsPerOpd: 2, seed: 102 },
  { people: 16, days: 6, opd: 2, unitsPerOpd: 1, seed: 103 },
  { people: 20, days: 8, opd: 1, unitsPerOpd: 3, seed: 104 },
  { people: 24, days: 8, opd: 2, unitsPerOpd: 2, seed: 105 },
  { people: 30, days: 10, opd: 2, unitsPerOpd: 2, seed: 106 },
  { people: 36, days: 10, opd: 2, unitsPerOpd: 3, seed: 107 },
  { people: 40, days: 10, opd: 2, unitsPerOpd: 3, seed: 108 },
];

export interface QualityInstance {
  readonly spec: QualitySpec;
  readonly policy: PolicySpec;
  readonly input: MasukanJadwal;
  readonly inst: Instance;
  readonly absentCells: number;
}

export function makeInstance(spec: QualitySpec): QualityInstance {
  const rnd = rng(spec.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Realistic parameters: a minimum never above the unit cap; two piket only per OPD.
  const capPersen = pick([30, 40, 50, 60]);
  const piketPer = pick(['opd', 'unit'] as const);
  const policy: PolicySpec = {
    capUnit: { persen: capPersen, pembulatan: pick(['bawah', 'atas', 'terdekat'] as const) },
    piketDihitung: rnd() < 0.7,
    piket: { jumlah: piketPer === 'opd' ? pick([1, 2]) : 1, per: piketPer },
    minimum:
      rnd() < 0.8
        ? {
            persen: pick([10, 20, 25].filter((x) => x <= capPersen - 10)),
            per: pick(['opd', 'unit'] as const),
          }
        : null,
    capOpd: spec.seed % 2 === 0 ? { persen: pick([25, 30, 40]) } : null,
  };
  const days = workingDays('2031-03-03', spec.days);
  const org = makeOrg({ people: spec.people, opd: spec.opd, unitsPerOpd: spec.unitsPerOpd, seed: spec.seed });
  const hari = evaluateDays(makePolicies(policy, days[0]!, days[days.length - 1]!), prepareOrg(org), days);
  const orang = org.pegawai.map((p) => p.key);
  const tidakHadir = makeAbsences(orang, days, 0.06, spec.people >= 16 ? 1 : 0, spec.seed * 7 + 1);
  const input: MasukanJadwal = { orang, hari, tidakHadir };
  let absentCells = 0;
  for (const m of tidakHadir.values()) absentCells += m.size;
  return { spec, policy, input, inst: instanceOf(input), absentCells };
}

/** Median time of one call (ms), after warm-up; at least 30 runs and 200 ms of runs. */
export function medianMs(fn: () => unknown): { ms: number; runs: number } {
  for (let i = 0; i < 10; i++) fn();
  const t: number[] = [];
  const start = performance.now();
  while (t.length < 30 || (performance.now() - start < 200 && t.length < 5000)) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { ms: t[Math.floor(t.length / 2)]!, runs: t.length };
}

/** A HiGHS worker thread that answers one request at a time. */
export class HighsWorker {
  private readonly w: Worker;
  private readonly ready: Promise<void>;
  private next = 0;
  private readonly waiting = new Map<number, (r: SolveReply) => void>();

  constructor() {
    this.w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./highs-worker.ts', import.meta.url).href },
    });
    this.ready = new Promise((resolve, reject) => {
      this.w.once('error', reject);
      this.w.on('message', (m: SolveReply | { ready: true }) => {
        if ('ready' in m) resolve();
        else {
          this.waiting.get(m.id)?.(m);
          this.waiting.delete(m.id);
        }
      });
    });
  }

  async solve(lp: string, timeLimitS: number): Promise<SolveReply> {
    await this.ready;
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.w.postMessage({ id, lp, timeLimitS } satisfies SolveRequest);
    });
  }

  async close() {
    await this.w.terminate();
  }
}

export interface ExactRun {
  /** the optimiser's roster, scored like the greedy's */
  readonly score: Score;
  /** HiGHS status of each stage: shortfall, fairness */
  readonly status: readonly string[];
  /** HiGHS solve time of each stage (ms, inside the worker) */
  readonly stageMs: readonly number[];
  readonly ms: number;
  readonly columns: number;
  readonly rows: number;
}

export interface QualityRow {
  readonly q: QualityInstance;
  readonly greedy: Score;
  /** the greedy days alone, without solveRoster's improvement pass (`perbaikan: false`) */
  readonly greedyAlone: Score;
  readonly greedyMs: number;
  readonly greedyRuns: number;
  readonly exact: Record<Objective, ExactRun>;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

/** Lexicographic optimum: the least shortfall, then the fairness measure `objective`. */
export async function solveExact(
  worker: HighsWorker,
  inst: Instance,
  objective: Objective,
  timeLimitS: number,
  first?: SolveReply,
): Promise<{ run: ExactRun; shortfall: SolveReply }> {
  const shortfall = first ?? (await worker.solve(buildLp(inst, 'shortfall'), timeLimitS));
  const atMostShortfall = Math.round(shortfall.objective);
  const last = await worker.solve(buildLp(inst, objective, atMostShortfall), timeLimitS);
  const s = score(inst, rosterOfMip(inst, last.primal));
  const replies = [shortfall, last];
  if (last.status === 'Optimal') {
    // The optimiser's values must be what the shared evaluator computes from its roster.
    if (!near(shortfall.objective, s.shortfall) || !near(last.objective, s[objective]))
      throw new Error(
        `HiGHS says shortfall ${shortfall.objective}, ${objective} ${last.objective}; the evaluator ${s.shortfall}, ${s[objective]}`,
      );
  }
  return {
    run: {
      score: s,
      status: replies.map((r) => r.status),
      stageMs: replies.map((r) => r.ms),
      ms: replies.reduce((t, r) => t + r.ms, 0),
      columns: last.columns,
      rows: last.rows,
    },
    shortfall,
  };
}

export async function runQuality(worker: HighsWorker, timeLimitS: number): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  for (const spec of QUALITY_SPECS) {
    const q = makeInstance(spec);
    const result = solveRoster(q.input);
    const greedy = score(q.inst, rosterOfGreedy(q.inst, result));
    const greedyAlone = score(q.inst, rosterOfGreedy(q.inst, solveRoster(q.input, { perbaikan: false })));
    const { ms: greedyMs, runs: greedyRuns } = medianMs(() => solveRoster(q.input));
    const range = await solveExact(worker, q.inst, 'range', timeLimitS);
    // The second measure reuses stage 1; its time counts it (a full optimisation of its own).
    const dev = await solveExact(worker, q.inst, 'dev', timeLimitS, range.shortfall);
    rows.push({ q, greedy, greedyAlone, greedyMs, greedyRuns, exact: { range: range.run, dev: dev.run } });
  }
  return rows;
}
