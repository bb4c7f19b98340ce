// Test helper (folder-lock.db.test.ts): a second process that opens a PGlite folder, says so on
// stdout, and holds it until it is killed. Run as: node bin/run-ts.mjs server/test/hold-folder.ts <dir>
import { openDatabase } from '../src/db/database.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-folder.ts <dir>');
await openDatabase(dir);
process.stdout.write('terbuka\n');
setInterval(() => undefined, 60_000);
