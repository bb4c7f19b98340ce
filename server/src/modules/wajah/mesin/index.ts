// The face engine's public surface (docs/wajah.md). Routes and services use the pool; the engine itself
// (inti.ts) is for the worker, tests and the bench.

export { BATAS_FOTO, periksaBerkasFoto, ukuranJpeg } from './jpeg.ts';
export {
  AMBANG,
  buatGaleri,
  cariBanyak,
  type Galeri,
  kemiripan,
  type Putusan,
  putusan,
  skorTerbaik,
} from './kemiripan.ts';
export { type HasilPeriksa, hentikanMesin, periksaBanyakFoto, periksaFoto, UKURAN_KOLAM } from './kolam.ts';
export { BATAS_KUALITAS, type KodeKualitas, kualitasFoto } from './kualitas.ts';
export { MODEL_TERPILIH, MODEL_WAJAH } from './model.ts';
export type { Embedding, HasilFoto, Kotak, Pose, WajahTerdeteksi, WajahUtama } from './tipe.ts';
