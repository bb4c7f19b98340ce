/** A face embedding as it crosses module boundaries (lead's decision): the model's name and the vector. */
export interface Embedding {
  /** model file and package version, e.g. `faceres@human-3.3.6` */
  model: string;
  /** L2-normalised, so cosine similarity is a dot product */
  vektor: Float32Array;
}

/** Head pose in degrees, from the person's point of view (docs/wajah.md). */
export interface Pose {
  /** positive: the person turns their head to THEIR left (the face turns towards the photo's right side) */
  yaw: number;
  /** positive: the person looks up */
  pitch: number;
  /** head tilt towards a shoulder, as human reports it */
  roll: number;
}

/** Box relative to the frame: x, y of the top-left corner, width and height, all 0..1. */
export interface Kotak {
  x: number;
  y: number;
  lebar: number;
  tinggi: number;
}

export interface WajahTerdeteksi {
  kotak: Kotak;
  /** the box's larger side over the frame's shorter side (pixels over pixels): 0.5 = half the frame */
  ukuran: number;
  /** distance of the box's centre from the frame's centre over the half-diagonal: 0 centred, 1 a corner */
  ketengahan: number;
  pose: Pose;
  /** where the nose tip sits between the face's two side edges (mesh points 234 and 454), −1..1 in the photo:
   * positive = towards the photo's right side, which is the person's left. A geometric cross-check of yaw. */
  arahHidung: number;
  skorDeteksi: number;
  skorMesh: number;
  /** human's anti-spoof score (0..1, higher = "real"); reported, never decided on (docs/wajah.md) */
  antispoof: number | null;
  /** human's liveness score (≈1 on every still photo); reported only */
  liveness: number | null;
  /** variance of the Laplacian of the grey 192×192 face crop over the crop's grey variance: low = blurred */
  ketajaman: number;
  /** mean grey level of the face crop, 0..255 */
  kecerahan: number;
}

export interface WajahUtama extends WajahTerdeteksi {
  /** the chosen model's embedding of this face (null only if the crop was unusable) */
  embedding: Embedding | null;
  /** further models' embeddings when the engine was loaded with several (bench) */
  embeddingLain: Embedding[];
}

export interface HasilFoto {
  lebar: number;
  tinggi: number;
  jumlahWajah: number;
  /** the largest face, described; null when there is none */
  wajah: WajahUtama | null;
  /** every face's box and size (a group photo lists them all) */
  semuaWajah: { kotak: Kotak; ukuran: number }[];
  waktuMs: { dekode: number; deteksi: number; deskripsi: number; total: number };
}
