import { type Pesan, pesan } from '@sigap/domain';
import { kemiripanKosinus, MAKS_SAMPEL, MIN_SAMPEL } from '@sigap/domain/wajah/sampel';
import type { SigapDatabase } from '../../db/database.ts';
import { withTenant } from '../../db/database.ts';
import { AppError, statusOf } from '../../errors.ts';
import type { CincinKunci } from './kunci.ts';
import {
  AMBANG,
  BATAS_FOTO,
  type HasilPeriksa,
  kualitasFoto,
  MODEL_TERPILIH,
  MODEL_WAJAH,
  type Putusan,
  periksaBerkasFoto,
  periksaFoto,
  putusan,
  skorTerbaik,
} from './mesin/index.ts';
import {
  daftarkanWajah,
  type IsianPersetujuan,
  type KonteksWajah,
  type SampelWajah,
  siapDaftar,
  templatUntuk,
} from './wajah.service.ts';

/*
 * Enrolment and verification from photos: the face engine (./mesin/, in its worker pool, never on the
 * request thread) wired to the storage side (wajah.service.ts). docs/wajah.md "Pendaftaran dari foto".
 */

/** The model templates are made and compared with now. */
export const MODEL_KINI: string = MODEL_WAJAH[MODEL_TERPILIH].nama;

/**
 * Enrolment consistency: a new photo whose mean similarity to the person's other photos is below this is
 * "not the same person as the other photos". The review bound AMBANG.tinjau (0.55). Measured on the sample
 * photos (docs/wajah.md, "Pendaftaran dari foto"): a photo's mean similarity to two others of another person
 * reaches it for 3.0% of them (at 0.50: 17.7%); two others of the same person fall below it for 17.7% (0.50:
 * 6.8%). Letting another person's face in is the costly error; a refused photo costs a retake.
 */
export const AMBANG_KONSISTEN = AMBANG.tinjau;

export interface FotoMasuk {
  /** how the caller names it (file name, "foto 2") */
  readonly nama: string;
  readonly bytes: Uint8Array;
}

export interface HasilFotoDaftar {
  readonly nama: string;
  readonly hasil: 'diterima' | 'ditolak';
  readonly alasan: readonly Pesan[];
  /** mean similarity to the person's other photos, when compared */
  readonly kemiripan?: number;
}

export interface HasilDaftarFoto {
  readonly foto: readonly HasilFotoDaftar[];
  readonly model: string;
  readonly disimpan: boolean;
  readonly jumlahTemplat: number;
  readonly lengkap: boolean;
  readonly pesan: Pesan;
}

/** The bounds of one enrolment call, checked before the engine sees a byte. */
export function periksaBatasFoto(foto: readonly FotoMasuk[], min = 1): void {
  if (foto.length < min || foto.length > MAKS_SAMPEL) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `Kirim ${min}–${MAKS_SAMPEL} foto wajah; diterima ${foto.length}`,
        `Send ${min}–${MAKS_SAMPEL} face photos; received ${foto.length}`,
      ),
    );
  }
  for (const f of foto) {
    if (f.bytes.length > BATAS_FOTO.ukuranMaks) {
      throw new AppError(
        'VALIDASI',
        pesan(
          `${f.nama}: foto ${(f.bytes.length / 1048576).toFixed(1)} MB, paling besar 2 MB`,
          `${f.nama}: the photo is ${(f.bytes.length / 1048576).toFixed(1)} MB, at most 2 MB`,
        ),
      );
    }
  }
}

function nilaiKualitas(h: HasilPeriksa): Record<string, number> {
  const w = h.wajah;
  if (!w) return {};
  return {
    ukuran: w.ukuran,
    yaw: w.pose.yaw,
    pitch: w.pose.pitch,
    ketajaman: w.ketajaman,
    kecerahan: w.kecerahan,
    skor_deteksi: w.skorDeteksi,
  };
}

/** One photo through the engine: its result, or the engine's refusal of the file in words. */
async function periksa(bytes: Uint8Array): Promise<HasilPeriksa | Pesan> {
  try {
    periksaBerkasFoto(bytes); // not a JPEG, too large, wrong size: refused without waking the engine
    return await periksaFoto(bytes);
  } catch (e) {
    if (e instanceof AppError && statusOf(e.code) < 500) return e.pesan;
    throw e;
  }
}

/**
 * Enrols a person from photos: bounds; consent and permission (before the engine); each photo through the
 * engine in its worker pool, in parallel; the quality check per photo with its reason in words; then
 * `daftarkanWajah` with the one similarity (cosine) and AMBANG_KONSISTEN. One result per photo, in order.
 */
export async function daftarkanDariFoto(
  sdb: SigapDatabase,
  ctx: KonteksWajah,
  kunci: CincinKunci,
  pegawaiId: string,
  foto: readonly FotoMasuk[],
  opsi: { persetujuan?: IsianPersetujuan; minFoto?: number } = {},
): Promise<HasilDaftarFoto> {
  periksaBatasFoto(foto, opsi.minFoto);
  await withTenant(sdb, ctx.tenantId, (trx) => siapDaftar(trx, ctx, pegawaiId, opsi.persetujuan));
  const hasilMesin = await Promise.all(foto.map((f) => periksa(f.bytes)));

  // Photos with a face description go to the storage side (with their quality verdict); the others are
  // refused here (not a usable JPEG, no face).
  const sampel: SampelWajah[] = [];
  const urutanSampel: number[] = [];
  const langsung = new Map<number, Pesan>();
  hasilMesin.forEach((h, i) => {
    if (!('jumlahWajah' in h)) {
      langsung.set(i, h);
      return;
    }
    const q = kualitasFoto(h);
    const emb = h.wajah?.embedding;
    if (!emb) {
      langsung.set(
        i,
        q?.pesan ??
          pesan('Wajah di foto tidak dapat diuraikan', 'The face in the photo could not be described'),
      );
      return;
    }
    urutanSampel.push(i);
    sampel.push({
      deskripsi: emb,
      kualitas: { layak: q === null, alasan: q ? [q.pesan] : [], nilai: nilaiKualitas(h) },
      foto: { bytes: foto[i]!.bytes, jenis: 'image/jpeg' },
    });
  });

  return withTenant(sdb, ctx.tenantId, async (trx) => {
    const hasil: HasilFotoDaftar[] = foto.map((f, i) => ({
      nama: f.nama,
      hasil: 'ditolak',
      alasan: langsung.has(i) ? [langsung.get(i)!] : [],
    }));
    if (sampel.length === 0) {
      const ada = (await templatUntuk(trx, ctx.tenantId, kunci, pegawaiId, MODEL_KINI)).templat.length;
      return {
        foto: hasil,
        model: MODEL_KINI,
        disimpan: false,
        jumlahTemplat: ada,
        lengkap: ada >= MIN_SAMPEL,
        pesan: pesan(
          `Tidak ada foto yang layak; perlu minimal ${MIN_SAMPEL} foto layak dari orang yang sama`,
          `No photo was usable; at least ${MIN_SAMPEL} usable photos of the same person are needed`,
        ),
      };
    }
    const r = await daftarkanWajah(
      trx,
      ctx,
      kunci,
      pegawaiId,
      { sampel },
      { mirip: kemiripanKosinus, ambang: AMBANG_KONSISTEN },
    );
    r.sampel.forEach((s, k) => {
      const i = urutanSampel[k]!;
      hasil[i] = {
        nama: foto[i]!.nama,
        hasil: s.hasil,
        alasan: s.alasan,
        ...(s.kemiripan === undefined ? {} : { kemiripan: s.kemiripan }),
      };
    });
    return {
      foto: hasil,
      model: r.model,
      disimpan: r.disimpan,
      jumlahTemplat: r.jumlahTemplat,
      lengkap: r.lengkap,
      pesan: r.pesan,
    };
  });
}

export interface HasilVerifikasi {
  readonly putusan: Putusan;
  /** best similarity to the person's templates; null when the photo had no usable face */
  readonly skor: number | null;
  readonly alasan: Pesan;
}

/**
 * Compares one photo with a person's templates, recording nothing: the engine in its pool, the quality
 * check (an unusable photo is tidak_cocok with its reason), the best score and its verdict (AMBANG).
 * No template of the current model is refused in words.
 */
export async function verifikasiFoto(
  sdb: SigapDatabase,
  tenantId: string,
  kunci: CincinKunci,
  pegawaiId: string,
  bytes: Uint8Array,
): Promise<HasilVerifikasi> {
  periksaBatasFoto([{ nama: 'foto', bytes }]);
  const t = await withTenant(sdb, tenantId, (trx) =>
    templatUntuk(trx, tenantId, kunci, pegawaiId, MODEL_KINI),
  );
  if (t.templat.length === 0) {
    throw new AppError(
      'VALIDASI',
      t.modelLain > 0
        ? pesan(
            `Templat wajah orang ini dibuat dengan model lain; daftarkan ulang wajahnya dengan model ${MODEL_KINI}`,
            `This person's face templates were made by another model; enrol the face again with model ${MODEL_KINI}`,
          )
        : pesan(
            'Orang ini belum memiliki templat wajah; daftarkan wajahnya dahulu',
            'This person has no face template; enrol the face first',
          ),
    );
  }
  const h = await periksaFoto(bytes);
  const q = kualitasFoto(h);
  const emb = h.wajah?.embedding;
  if (q || !emb) {
    return {
      putusan: 'tidak_cocok',
      skor: null,
      alasan:
        q?.pesan ??
        pesan('Wajah di foto tidak dapat diuraikan', 'The face in the photo could not be described'),
    };
  }
  const skor = skorTerbaik(emb, t.templat);
  const p = putusan(skor);
  const s = skor.toFixed(3);
  const alasan =
    p === 'cocok'
      ? pesan(
          `Skor ${s} ≥ ${AMBANG.cocok}: wajah cocok dengan templat`,
          `Score ${s} ≥ ${AMBANG.cocok}: the face matches the templates`,
        )
      : p === 'tinjau'
        ? pesan(
            `Skor ${s} antara ${AMBANG.tinjau} dan ${AMBANG.cocok}: perlu ditinjau admin OPD`,
            `Score ${s} between ${AMBANG.tinjau} and ${AMBANG.cocok}: needs review by the OPD admin`,
          )
        : pesan(
            `Skor ${s} < ${AMBANG.tinjau}: wajah tidak cocok dengan templat`,
            `Score ${s} < ${AMBANG.tinjau}: the face does not match the templates`,
          );
  return { putusan: p, skor, alasan };
}
