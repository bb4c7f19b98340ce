// Worker thread entry of the face engine when run from source (tests, tsx): TypeScript through tsx.
// The built CLI (scripts/build-cli.mjs) runs server/dist/mesin.worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
const { default: periksa } = await import('./mesin.worker.ts');
export default periksa;
