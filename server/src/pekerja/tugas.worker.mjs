// Worker thread entry for the heavy tasks when run from source (tests, tsx): TypeScript through tsx.
// The built CLI (scripts/build-cli.mjs) runs server/dist/tugas.worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
const { default: jalankan } = await import('./tugas.worker.ts');
export default jalankan;
