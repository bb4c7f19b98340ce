// Worker thread entry for the roster solver: TypeScript through tsx, like bin/sigap.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./solver.worker.ts');
