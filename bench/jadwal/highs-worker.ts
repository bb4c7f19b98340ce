// Worker thread: solves MIPs (CPLEX LP text) with HiGHS compiled to WebAssembly, one at a time, and
// reports the status, objective, nonzero primal values, the time of the solve call (reading the LP text
// included) and, from HiGHS's log, the dual bound and gap it ended with (what a time limit leaves open).
import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';

export interface SolveRequest {
  readonly id: number;
  readonly lp: string;
  readonly timeLimitS: number;
}
export interface SolveReply {
  readonly id: number;
  readonly status: string;
  readonly objective: number;
  readonly primal: Record<string, number>;
  readonly ms: number;
  readonly columns: number;
  readonly rows: number;
  /** HiGHS's final primal bound (the best roster's objective; ±inf if none), dual bound and relative gap
   * (%), from its log; null if it did not print them */
  readonly primalBound: number | null;
  readonly dualBound: number | null;
  readonly gapPct: number | null;
}

const port = parentPort;
if (!port) throw new Error('highs-worker runs in a worker thread');
// The log goes to `print` (Emscripten's Module.print), not to the console.
let log: string[] = [];
const highs = await loadHighs({ print: (s: string) => log.push(s), printErr: (s: string) => log.push(s) } as {
  locateFile?: (f: string) => string;
});
// Warm-up: the first solve compiles and instantiates code paths; keep it out of the measurements.
highs.solve('Minimize\n obj: a + b\nSubject To\n c: a + b >= 1\nBinary\n a b\nEnd\n', { output_flag: false });

const logValue = (name: string): number | null => {
  for (let i = log.length - 1; i >= 0; i--) {
    const m = new RegExp(`^\\s*${name}\\s+(-?[0-9.e+-]+|inf|-inf)`).exec(log[i]!);
    if (m) return m[1] === 'inf' ? Infinity : m[1] === '-inf' ? -Infinity : Number(m[1]);
  }
  return null;
};

port.on('message', (req: SolveRequest) => {
  log = [];
  const t0 = process.hrtime.bigint();
  const r = highs.solve(req.lp, {
    output_flag: true,
    log_to_console: true,
    mip_rel_gap: 0,
    time_limit: req.timeLimitS,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const primal: Record<string, number> = {};
  let columns = 0;
  for (const [name, c] of Object.entries(r.Columns)) {
    columns++;
    if ('Primal' in c && c.Primal !== 0) primal[name] = c.Primal;
  }
  const reply: SolveReply = {
    id: req.id,
    status: r.Status,
    objective: r.ObjectiveValue,
    primal,
    ms,
    columns,
    rows: r.Rows.length,
    primalBound: logValue('Primal bound'),
    dualBound: logValue('Dual bound'),
    gapPct: logValue('Gap'),
  };
  port.postMessage(reply);
});
port.postMessage({ ready: true });
