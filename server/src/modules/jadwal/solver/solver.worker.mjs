// Worker thread entry for the roster solver when run from source (tests, tsx): TypeScript through tsx.
// The built CLI (scripts/build-cli.mjs) runs server/dist/solver.worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./solver.worker.ts');
