// Worker thread: solves MIPs (CPLEX LP text) with HiGHS compiled to WebAssembly, one at a time, and
// reports the status, objective, nonzero primal values and the time of the solve call alone.
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
}

const port = parentPort;
if (!port) throw new Error('highs-worker runs in a worker thread');
const highs = await loadHighs();
// Warm-up: the first solve compiles and instantiates code paths; keep it out of the measurements.
highs.solve('Minimize\n obj: a + b\nSubject To\n c: a + b >= 1\nBinary\n a b\nEnd\n', { output_flag: false });

port.on('message', (req: SolveRequest) => {
  const t0 = process.hrtime.bigint();
  const r = highs.solve(req.lp, { output_flag: false, mip_rel_gap: 0, time_limit: req.timeLimitS });
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
  };
  port.postMessage(reply);
});
port.postMessage({ ready: true });
