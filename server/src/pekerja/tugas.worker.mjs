// Worker thread entry for the heavy tasks (tugas.ts): TypeScript through tsx, like bin/sigap.mjs.
import { register } from 'tsx/esm/api';

register();
const { jalankan } = await import('./tugas.ts');
export default jalankan;
