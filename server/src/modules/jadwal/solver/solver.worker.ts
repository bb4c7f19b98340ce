import { parentPort } from 'node:worker_threads';
import { bukaBahan, type MasukanSusunKemas, susun } from './susun.ts';

// Runs a build's policy evaluation and roster solve off the server's main thread:
// one message in (id + input), one out.
parentPort!.on('message', (m: { id: number; susun: MasukanSusunKemas }) => {
  try {
    const segmen = m.susun.segmen.map((s) => ({ dari: s.dari, b: bukaBahan(s.b) }));
    parentPort!.postMessage({ id: m.id, hasil: susun({ ...m.susun, segmen }) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, galat: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
