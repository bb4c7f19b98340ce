// Worker thread entry for the heavy tasks (tugas.ts). The built CLI (scripts/build-cli.mjs) bundles this
// file as server/dist/tugas.worker.mjs; from source, tugas.worker.mjs loads it through tsx.
import { jalankan } from './tugas.ts';

export default jalankan;
