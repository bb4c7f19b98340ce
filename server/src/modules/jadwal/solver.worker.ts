import { parentPort } from 'node:worker_threads';
import { type MasukanJadwal, solveRoster } from '@sigap/domain';

// Runs the roster solver off the server's main thread: one message in (id + input), one out.
parentPort!.on('message', (m: { id: number; masukan: MasukanJadwal }) => {
  try {
    parentPort!.postMessage({ id: m.id, hasil: solveRoster(m.masukan) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, galat: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
