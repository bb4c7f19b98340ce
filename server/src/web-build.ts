import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app with Vite when web/dist is missing or older than its sources (first run). */
export async function ensureWebBuilt(log: (s: string) => void = () => undefined): Promise<void> {
  const index = join(WEB_DIR, 'dist', 'index.html');
  const src = join(WEB_DIR, 'src');
  if (!existsSync(src)) return;
  if (
    existsSync(index) &&
    statSync(index).mtimeMs >= Math.max(newestMtime(src), statSync(join(WEB_DIR, 'index.html')).mtimeMs)
  ) {
    return;
  }
  log('Membangun aplikasi web (sekali saja)… / Building the web app (once)…');
  const vite = await import('vite');
  await vite.build({ root: WEB_DIR, logLevel: 'warn', configFile: join(WEB_DIR, 'vite.config.ts') });
}
