import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

// The files the browser's face guide needs (docs/kehadiran.md §6): human's face detector and mesh (pose), and
// the tfjs WASM binaries, served from the installed packages — the same model versions the server runs, no
// CDN. Public static assets (open-source model weights, no personal data), outside /api; only these names.

const require = createRequire(import.meta.url);

const BERKAS: Readonly<Record<string, { dir: 'model' | 'wasm'; jenis: string }>> = {
  'blazeface.json': { dir: 'model', jenis: 'application/json' },
  'blazeface.bin': { dir: 'model', jenis: 'application/octet-stream' },
  'facemesh.json': { dir: 'model', jenis: 'application/json' },
  'facemesh.bin': { dir: 'model', jenis: 'application/octet-stream' },
  'tfjs-backend-wasm.wasm': { dir: 'wasm', jenis: 'application/wasm' },
  'tfjs-backend-wasm-simd.wasm': { dir: 'wasm', jenis: 'application/wasm' },
};

/** Where the browser loads the guide's models from (`modelBasePath`; the WASM files under `wasm/`). */
export const ALAMAT_MODEL_PEMANDU = '/wajah-model/';

const folder = {
  model: () => join(dirname(require.resolve('@vladmandic/human')), '..', 'models'),
  wasm: () => dirname(require.resolve('@tensorflow/tfjs-backend-wasm')),
};

export async function pemanduRoutes(app: FastifyInstance) {
  const simpan = new Map<string, Buffer>();
  const kirim = async (nama: string) => {
    const b = BERKAS[nama]!;
    let isi = simpan.get(nama);
    if (!isi) {
      isi = await readFile(join(folder[b.dir](), nama));
      simpan.set(nama, isi);
    }
    return { isi, jenis: b.jenis };
  };
  const jawab = (nama: string) => async (_req: unknown, reply: FastifyReply) => {
    const f = await kirim(nama);
    return reply.header('content-type', f.jenis).header('cache-control', 'public, max-age=86400').send(f.isi);
  };
  for (const nama of Object.keys(BERKAS)) {
    const b = BERKAS[nama]!;
    app.get(`${ALAMAT_MODEL_PEMANDU}${b.dir === 'wasm' ? 'wasm/' : ''}${nama}`, jawab(nama));
  }
}
