import type { Trx } from '../../db/database.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import type { CincinKunci } from './kunci.ts';
import { buatGaleri, cariBanyak, type Embedding, type Galeri } from './mesin/index.ts';
import { stempelGaleri } from './wajah.repository.ts';
import { templatOpd } from './wajah.service.ts';

// A kiosk's one-to-many search (issue 10 item 4, docs/wajah.md "Kios"): the templates of everyone placed
// in the kiosk's OPD/unit (and the units under it) as one matrix in memory. Decrypting thousands of
// templates per check-in is too slow (180–530 ms per 9,000), so the gallery is built once and kept until
// what it depends on changes: the day, the organisation's revision, or the templates (enrol, withdraw).

/** The gallery of one OPD/unit, and each person's own templates (for the per-frame identity check). */
export interface GaleriKantor {
  readonly galeri: Galeri;
  readonly templat: ReadonlyMap<string, readonly Embedding[]>;
  /** people in the gallery (with at least one template of the model) */
  readonly jumlahOrang: number;
}

/**
 * How many template rows the kept galleries may hold together (one gallery per kiosk office in use); the
 * least recently used go first. 60,000 rows of 1,024 float32 are 240 MB: 20,000 people with three templates.
 */
export const MAKS_BARIS_GALERI = 60_000;

const simpanan = new Map<string, { stempel: string; isi: Promise<GaleriKantor>; baris: number }>();

async function bangun(
  trx: Trx,
  tenantId: string,
  kunci: CincinKunci,
  opdId: string,
  model: string,
): Promise<GaleriKantor> {
  const orang = await templatOpd(trx, tenantId, kunci, opdId, model);
  const isi = orang.flatMap((o) => o.templat.map((embedding) => ({ pemilik: o.pegawaiId, embedding })));
  const galeri = buatGaleri(model, isi);
  // each person's templates as views of the matrix rows (no second copy of the vectors)
  const templat = new Map<string, Embedding[]>();
  const d = galeri.dimensi;
  galeri.pemilik.forEach((p, r) => {
    const e = { model, vektor: galeri.matriks.subarray(r * d, (r + 1) * d) };
    const ada = templat.get(p);
    if (ada) ada.push(e);
    else templat.set(p, [e]);
  });
  return { galeri, templat, jumlahOrang: templat.size };
}

/**
 * The gallery of the OPD/unit `opdId` for `model`: from memory when nothing it depends on has changed
 * (one cheap query decides), else built again inside `trx`.
 */
export async function galeriKantor(
  trx: Trx,
  tenantId: string,
  kunci: CincinKunci,
  opdId: string,
  model: string,
): Promise<GaleriKantor> {
  const [hari, cap] = await Promise.all([tenantToday(trx, tenantId), stempelGaleri(trx, model)]);
  const stempel = `${hari}|${model}|${cap}`;
  const k = `${tenantId}:${opdId}`;
  const ada = simpanan.get(k);
  if (ada && ada.stempel === stempel) {
    // most recently used last, so the first key is the one to evict
    simpanan.delete(k);
    simpanan.set(k, ada);
    return ada.isi;
  }
  const isi = bangun(trx, tenantId, kunci, opdId, model);
  const entri = { stempel, isi, baris: 0 };
  simpanan.delete(k);
  simpanan.set(k, entri);
  try {
    const g = await isi;
    entri.baris = g.galeri.pemilik.length;
  } catch (e) {
    if (simpanan.get(k) === entri) simpanan.delete(k);
    throw e;
  }
  // Bound the memory: drop the least recently used galleries (never the one just built).
  let total = 0;
  for (const x of simpanan.values()) total += x.baris;
  for (const [kunciLama, x] of simpanan) {
    if (total <= MAKS_BARIS_GALERI || x === entri) break;
    simpanan.delete(kunciLama);
    total -= x.baris;
  }
  return isi;
}

/** Forgets every kept gallery (tests; a key rotation does not need it: vectors do not change). */
export function lupakanGaleri(): void {
  simpanan.clear();
}

/** A frame's face as the kiosk searches with it: its embedding and its head pose (degrees). */
export interface WajahCari {
  readonly embedding: Embedding;
  readonly yaw: number;
  readonly pitch: number;
}

/**
 * Who the frames show, one-to-many: the gallery is searched once, with the most frontal face (the turned
 * frames of a challenge describe a face less well); the two best people found are then scored on every
 * frame against their own templates (a few dot products), as a phone's check-in scores its person. Returns
 * the best person, their score, and the runner-up's score (null when there is none).
 */
export function kenali(
  g: GaleriKantor,
  wajah: readonly WajahCari[],
): { pegawaiId: string | null; skor: number; skorKedua: number | null } {
  const tak = { pegawaiId: null, skor: 0, skorKedua: null };
  if (g.jumlahOrang === 0 || wajah.length === 0) return tak;
  const depan = wajah.reduce((a, b) =>
    Math.abs(b.yaw) + Math.abs(b.pitch) < Math.abs(a.yaw) + Math.abs(a.pitch) ? b : a,
  );
  const calon = cariBanyak(g.galeri, depan.embedding, 2).map(({ pemilik }) => {
    const templat = g.templat.get(pemilik) ?? [];
    let skor = Number.NEGATIVE_INFINITY;
    for (const w of wajah)
      for (const t of templat) {
        const s = dot(w.embedding.vektor, t.vektor);
        if (s > skor) skor = s;
      }
    return { pemilik, skor };
  });
  calon.sort((a, b) => b.skor - a.skor);
  const [satu, dua] = calon;
  return satu ? { pegawaiId: satu.pemilik, skor: satu.skor, skorKedua: dua?.skor ?? null } : tak;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
