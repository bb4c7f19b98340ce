// Quality: solveRoster against the exact optimum (HiGHS MIP in a worker thread) on small random instances.
import { Worker } from 'node:worker_threads';
import { solveRoster } from '@sigap/domain';
import {
  makeRosterInstance,
  QUALITY_SPECS,
  type QualitySpec,
  type RosterInstance,
} from '@sigap/domain/testing/instances';
import type { SolveReply, SolveRequest } from './highs-worker.ts';
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

export interface QualityInstance extends RosterInstance {
  readonly inst: Instance;
}

export function makeInstance(spec: QualitySpec): QualityInstance {
  const r = makeRosterInstance(spec);
  return { ...r, inst: instanceOf(r.input) };
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
