#!/usr/bin/env node
// Sigap command line: runs the TypeScript sources directly through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/main.ts');
