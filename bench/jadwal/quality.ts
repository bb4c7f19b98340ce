// Quality: solveJadwal against the exact optimum (HiGHS MIP in a worker thread) on small random instances.
import { Worker } from 'node:worker_threads';
import { solveJadwal } from '@sigap/domain';
import { type JadwalInstance, makeJadwalInstance, type QualitySpec } from '@sigap/domain/testing/instances';
import type { SolveReply, SolveRequest } from './highs-worker.ts';
import {
  buildLp,
  fixedSeats,
  type Instance,
  instanceOf,
  jadwalOfGreedy,
  jadwalOfMip,
  LEVELS,
  type Level,
  type LevelBounds,
  type Score,
  score,
} from './model.ts';

export interface QualityInstance extends JadwalInstance {
  readonly inst: Instance;
}

export function makeInstance(spec: QualitySpec): QualityInstance {
  const r = makeJadwalInstance(spec);
  return { ...r, inst: instanceOf(r.input) };
}

/** Median time of one call (ms), after warm-up; at least 5 runs, and up to 30 runs or 200 ms of runs. */
export function medianMs(fn: () => unknown): { ms: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  const t: number[] = [];
  const start = performance.now();
  while (t.length < 5 || (performance.now() - start < 200 && t.length < 5000)) {
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

/** One HiGHS solve: building the LP text (main thread) and HiGHS reading and solving it (worker). */
export interface Solve {
  readonly status: string;
  /** the value reached at this level (seats as a positive count), or null if no roster within the limit */
  readonly value: number | null;
  readonly buildMs: number;
  readonly solveMs: number;
  readonly gapPct: number | null;
  /** HiGHS's dual bound when it stopped (seats as a positive count, fixed seats included) */
  readonly dualBound: number | null;
}

export interface ExactRun {
  /** the optimiser's roster, scored like the solver's */
  readonly score: Score | null;
  /** one solve per level of the lexicographic objective, in LEVELS order (fewer if the limit ran out) */
  readonly levels: readonly (Solve & { readonly level: Level })[];
  /** building + solving, all levels */
  readonly ms: number;
  /** every level solved to optimality */
  readonly proven: boolean;
  readonly columns: number;
  readonly rows: number;
}

/** How long HiGHS needs to find a roster at least as good as the solver's on every level. */
export interface Reach extends Solve {
  readonly found: boolean;
}

export interface QualityRow {
  readonly q: QualityInstance;
  readonly greedy: Score;
  /** the greedy days alone, without solveJadwal's improvement pass (`perbaikan: false`) */
  readonly greedyAlone: Score;
  /** solveJadwal's first call on this instance (its code already compiled by the earlier instances) */
  readonly greedyFirstMs: number;
  /** median of repeated calls after warm-up */
  readonly greedyMs: number;
  readonly greedyRuns: number;
  readonly exact: ExactRun;
  readonly reach: Reach;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

const hasJadwal = (r: SolveReply) =>
  r.status === 'Optimal' || (r.primalBound !== null && Number.isFinite(r.primalBound));

async function timedSolve(
  worker: HighsWorker,
  inst: Instance,
  level: Level | null,
  bounds: LevelBounds,
  timeLimitS: number,
): Promise<{ reply: SolveReply; buildMs: number }> {
  const t0 = performance.now();
  const lp = buildLp(inst, level, bounds);
  const buildMs = performance.now() - t0;
  return { reply: await worker.solve(lp, timeLimitS), buildMs };
}

/**
 * The lexicographic optimum by sequential solves: each level minimised (seats maximised) with the earlier
 * levels bounded by the values reached; all levels share one time limit. A level stopped by the limit
 * passes on the best value it found (and its gap); the last roster found is scored.
 */
export async function solveExact(worker: HighsWorker, inst: Instance, timeLimitS: number): Promise<ExactRun> {
  const bounds: LevelBounds = {};
  const levels: (Solve & { level: Level })[] = [];
  let s: Score | null = null;
  let columns = 0;
  let rows = 0;
  const end = performance.now() + timeLimitS * 1000;
  for (const level of LEVELS) {
    const left = (end - performance.now()) / 1000;
    if (left <= 0.05) break;
    const { reply, buildMs } = await timedSolve(worker, inst, level, bounds, left);
    columns = reply.columns;
    rows = reply.rows;
    // The level's value is the shared evaluator's score of the roster this solve found: a roster stopped by
    // the limit may carry slack in its helper variables (max/min, median), so its objective can be higher.
    const found = hasJadwal(reply) ? score(inst, jadwalOfMip(inst, reply.primal)) : null;
    const value = found ? found[level] : null;
    // A level solved to optimality must agree with the evaluator.
    if (found && reply.status === 'Optimal') {
      const said = level === 'seats' ? fixedSeats(inst) - reply.objective : reply.objective;
      if (!near(said, found[level]))
        throw new Error(`HiGHS says ${level} ${said}; the evaluator ${found[level]}`);
    }
    const dualBound =
      reply.dualBound === null
        ? null
        : level === 'seats'
          ? fixedSeats(inst) - reply.dualBound
          : reply.dualBound;
    levels.push({
      level,
      status: reply.status,
      value,
      buildMs,
      solveMs: reply.ms,
      gapPct: reply.gapPct,
      dualBound,
    });
    if (!found || value === null) break;
    bounds[level] = value;
    s = found;
  }
  return {
    score: s,
    levels,
    ms: levels.reduce((t, l) => t + l.buildMs + l.solveMs, 0),
    proven: levels.length === LEVELS.length && levels.every((l) => l.status === 'Optimal'),
    columns,
    rows,
  };
}

/**
 * A feasibility MIP (objective 0) whose constraints are the solver's own values on every level: shortfall
 * and spread at most, seats at least the solver's. Its first roster is at least as good as the solver's
 * lexicographically; the solver's roster proves that one exists (when it breaks no rule the model checks).
 */
export async function reachGreedy(
  worker: HighsWorker,
  inst: Instance,
  greedy: Score,
  timeLimitS: number,
): Promise<Reach> {
  const bounds: LevelBounds = {
    shortfall: greedy.shortfall,
    seats: greedy.seats,
    range: greedy.range,
    dev: greedy.dev,
  };
  const { reply, buildMs } = await timedSolve(worker, inst, null, bounds, timeLimitS);
  return {
    status: reply.status,
    value: null,
    buildMs,
    solveMs: reply.ms,
    gapPct: reply.gapPct,
    dualBound: null,
    found: hasJadwal(reply),
  };
}

export async function runQuality(
  worker: HighsWorker,
  specs: readonly QualitySpec[],
  timeLimitS: number,
  onRow?: (row: QualityRow, i: number) => void,
): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  for (const [i, spec] of specs.entries()) {
    const q = makeInstance(spec);
    const t0 = performance.now();
    const result = solveJadwal(q.input);
    const greedyFirstMs = performance.now() - t0;
    const greedy = score(q.inst, jadwalOfGreedy(q.inst, result));
    const greedyAlone = score(q.inst, jadwalOfGreedy(q.inst, solveJadwal(q.input, { perbaikan: false })));
    const { ms: greedyMs, runs: greedyRuns } = medianMs(() => solveJadwal(q.input));
    const exact = await solveExact(worker, q.inst, timeLimitS);
    const reach = await reachGreedy(worker, q.inst, greedy, timeLimitS);
    const row = { q, greedy, greedyAlone, greedyFirstMs, greedyMs, greedyRuns, exact, reach };
    onRow?.(row, i);
    rows.push(row);
  }
  return rows;
}
