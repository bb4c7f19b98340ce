// Worker thread entry of the face engine (kolam.ts): one engine per worker, loaded on the first task and kept
// for the worker's life. The built CLI (scripts/build-cli.mjs) bundles this file as server/dist/mesin.worker.mjs;
// from source, mesin.worker.mjs loads it through tsx.

import type { Pesan } from '@sigap/domain';
import type { ErrorCode } from '../../../errors.ts';
import { AppError } from '../../../errors.ts';
import { type Mesin, muatMesin } from './inti.ts';
import type { HasilFoto } from './tipe.ts';

export type JawabanMesin =
  | { ok: true; hasil: HasilFoto; muatMs: number | null }
  | { ok: false; galat: { code: ErrorCode; pesan: Pesan } };

let mesin: Promise<Mesin> | null = null;

export default async function periksa(bytes: Uint8Array): Promise<JawabanMesin> {
  let muatMs: number | null = null;
  if (!mesin) {
    mesin = muatMesin();
    muatMs = (await mesin).waktuMuatMs;
  }
  const m = await mesin;
  try {
    return { ok: true, hasil: await m.periksa(bytes), muatMs };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, galat: { code: e.code, pesan: e.pesan } };
    throw e;
  }
}
