import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `node bin/sigap.mjs …` as a real second process and collects its exit code and output. */
export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const penuh: NodeJS.ProcessEnv = { ...process.env, SIGAP_LANG: 'id', ...env };
  for (const k of ['DATABASE_URL', 'SIGAP_TENANT', 'PORT'] as const) if (!(k in env)) delete penuh[k];
  return new Promise((ok, gagal) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/sigap.mjs'), ...args], {
      cwd: ROOT,
      env: penuh,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', gagal);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}
