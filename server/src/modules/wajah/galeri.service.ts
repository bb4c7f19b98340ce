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

/** The best two people for each probe: the best person over all probes, and the runner-up. */
export function kenali(
  g: GaleriKantor,
  probes: readonly Embedding[],
): { pegawaiId: string | null; skor: number; skorKedua: number | null } {
  const terbaik = new Map<string, number>();
  if (g.jumlahOrang === 0) return { pegawaiId: null, skor: 0, skorKedua: null };
  for (const p of probes)
    for (const c of cariBanyak(g.galeri, p, 2)) {
      const lama = terbaik.get(c.pemilik);
      if (lama === undefined || c.skor > lama) terbaik.set(c.pemilik, c.skor);
    }
  const urut = [...terbaik].sort((a, b) => b[1] - a[1]);
  const [satu, dua] = urut;
  return { pegawaiId: satu?.[0] ?? null, skor: satu?.[1] ?? 0, skorKedua: dua?.[1] ?? null };
}
