import { createHash } from 'node:crypto';
import {
  type BingkaiTantangan,
  type HasilLokasi,
  type HasilTantangan,
  type JenisAbsen,
  jendelaAbsen,
  type KodeAlasanAbsen,
  LokasiTidakSah,
  localDate,
  menitLokal,
  nilaiLokasi,
  nilaiTantangan,
  OPSI_PENILAIAN_BAKU,
  type Pesan,
  type PutusanAbsen,
  pesan,
  putuskanAbsen,
  putuskanTanpaWajah,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import { MODEL_KINI } from '../wajah/daftar.service.ts';
import type { CincinKunci } from '../wajah/kunci.ts';
import {
  AMBANG,
  type Embedding,
  type HasilPeriksa,
  periksaBanyakFoto,
  periksaBerkasFoto,
  skorTerbaik,
} from '../wajah/mesin/index.ts';
import { templatUntuk } from '../wajah/wajah.service.ts';
import * as absenRepo from './absen.repository.ts';
import { pakaiTantangan, pegawaiSendiri } from './absen.service.ts';
import { aturanKehadiran } from './aturan.service.ts';
import { catatKejadian, type Kejadian, kejadianIdKlien } from './kehadiran.service.ts';
import { hariOrang } from './status.service.ts';
import { tempatHari } from './tempat.service.ts';
import { simpanTinjauan } from './tinjau.service.ts';

// A face check-in or check-out from a phone (issue 10 item 2, docs/kehadiran.md §6). The server trusts
// none of the phone's judgements: it reads its own clock, the schedule, the hours and the allowed places,
// runs the face model again on the frames it received, checks the challenge it drew, compares the face
// with the person's encrypted templates, and stores every attempt with its result and reason.
//
// Two short transactions around the model (PGlite has one connection; a transaction must not wait for a
// model run): the first reads the day and uses the challenge, the second stores the attempt.

/** Frames one attempt may send: the challenge's steps and a neutral frame or two. */
export const MAKS_BINGKAI = 6;

/**
 * Similarity every frame must reach against the person's templates (the review bound): a frame of
 * someone else in the middle of the movements fails the challenge, so the match cannot come from one
 * printed photo held up among another person's moving frames.
 */
export const AMBANG_BINGKAI = AMBANG.tinjau;

/** Degrees of head turn a frame must show to count as a step (the domain's default, OPSI_PENILAIAN_BAKU). */
export const SUDUT_LANGKAH = OPSI_PENILAIAN_BAKU.sudutMinDerajat;

/** How long the frames of a reviewed attempt are kept if nobody decides (docs/privacy.md). */
export const SIMPAN_TINJAU_HARI = 14;

export interface MasukanAbsen {
  readonly tantanganId: string;
  readonly lat: number;
  readonly lng: number;
  readonly akurasiM: number;
  readonly jenis: JenisAbsen;
  /** the phone's own clock, stored beside the server's (never used to decide) */
  readonly waktuPerangkat: Date | null;
  readonly idKlien: string;
  readonly bingkai: readonly Uint8Array[];
}

export interface HasilAbsenWajah {
  readonly id: string;
  readonly hasil: 'diterima' | 'ditolak' | 'ditinjau';
  readonly alasan: KodeAlasanAbsen;
  readonly pesan: Pesan;
  readonly waktu: Date;
  /** false when the same id_klien was answered before (nothing new stored) */
  readonly baru: boolean;
}

/** The request's fingerprint for id_klien: every field and every frame's digest. */
export function hashAbsen(m: MasukanAbsen): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify([
      'absen/v1',
      m.tantanganId,
      m.lat,
      m.lng,
      m.akurasiM,
      m.jenis,
      m.waktuPerangkat?.toISOString() ?? null,
    ]),
  );
  for (const b of m.bingkai) h.update(createHash('sha256').update(b).digest());
  return h.digest('hex');
}

/** The bounds of the request's frames, checked before anything is read or used. */
export function periksaMasukan(m: Pick<MasukanAbsen, 'bingkai'>): void {
  if (m.bingkai.length < 1 || m.bingkai.length > MAKS_BINGKAI) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `foto: kirim 1–${MAKS_BINGKAI} gambar dari kamera; diterima ${m.bingkai.length}`,
        `foto: send 1–${MAKS_BINGKAI} camera frames; received ${m.bingkai.length}`,
      ),
    );
  }
  m.bingkai.forEach((b, i) => {
    try {
      periksaBerkasFoto(b);
    } catch (e) {
      if (e instanceof AppError)
        throw new AppError(e.code, pesan(`foto ${i + 1}: ${e.pesan.id}`, `frame ${i + 1}: ${e.pesan.en}`));
      throw e;
    }
  });
}

export const dariKejadian = (k: Kejadian, baru: boolean): HasilAbsenWajah => {
  const alasan = (k.alasan[0] ?? 'diterima') as KodeAlasanAbsen;
  return {
    id: k.id,
    hasil: k.hasil,
    alasan,
    pesan: k.pesan ?? pesan(alasan, alasan),
    waktu: k.waktu,
    baru,
  };
};

interface Persiapan {
  readonly sekarang: Date;
  readonly opdId: string | null;
  readonly awal: PutusanAbsen | null;
  readonly masukan: Omit<Parameters<typeof putuskanAbsen>[0], 'tantangan' | 'dugaanPalsu' | 'skorWajah'>;
  readonly tantangan:
    | { ok: true; langkah: Parameters<typeof nilaiTantangan>[0]['langkah']; berlakuSampai: Date }
    | { ok: false; sebab: Pesan };
  readonly templat: Awaited<ReturnType<typeof templatUntuk>>['templat'];
}

/** The first transaction: the day, the place, the templates, and the challenge used once. */
async function siapkan(
  trx: Trx,
  caller: Caller,
  kunci: CincinKunci,
  pegawaiId: string,
  m: MasukanAbsen,
): Promise<Persiapan> {
  const sekarang = await absenRepo.jamBasisData(trx);
  const pemda = await getSettings(trx, caller.tenantId);
  const zona = pemda.zonaWaktu;
  const tanggal = localDate(sekarang, zona);
  const [aturan, hari, tempat, t] = await Promise.all([
    aturanKehadiran(trx, caller.tenantId),
    hariOrang(trx, caller.tenantId, pegawaiId, tanggal),
    tempatHari(trx, pegawaiId, tanggal),
    templatUntuk(trx, caller.tenantId, kunci, pegawaiId, MODEL_KINI),
  ]);
  let lokasi: HasilLokasi;
  try {
    lokasi = nilaiLokasi({ lat: m.lat, lng: m.lng, akurasiM: m.akurasiM }, tempat.tempat);
  } catch (e) {
    if (e instanceof LokasiTidakSah) throw new AppError('VALIDASI', e.pesan);
    throw e;
  }
  const masukan = {
    jenis: m.jenis,
    jadwal: hari.jadwal,
    dinasLuar: tempat.dinasLuar !== null,
    jendela: hari.jam ? jendelaAbsen(hari.jam, aturan.jam) : null,
    menit: menitLokal(sekarang, tanggal, zona),
    zona,
    lokasi,
    terdaftar: t.templat.length > 0,
    ambang: AMBANG,
  };
  // Used whatever the verdict: one challenge, one attempt.
  const pakai = await pakaiTantangan(trx, m.tantanganId, { pegawaiId });
  return {
    sekarang,
    opdId: tempat.opdId,
    awal: putuskanTanpaWajah(masukan),
    masukan,
    tantangan: pakai.ok ? { ok: true, langkah: pakai.langkah, berlakuSampai: pakai.berlakuSampai } : pakai,
    templat: t.templat,
  };
}

/** The frames as the challenge judge reads them: faces, pose, and each face against the templates. */
function bingkaiDari(h: readonly HasilPeriksa[], templat: readonly Embedding[]): BingkaiTantangan[] {
  return h.map((f) => {
    const emb = f.wajah?.embedding ?? null;
    return {
      jumlahWajah: f.jumlahWajah,
      yaw: f.wajah?.pose.yaw ?? null,
      pitch: f.wajah?.pose.pitch ?? null,
      kemiripan: emb && templat.length > 0 ? skorTerbaik(emb, templat) : null,
    };
  });
}

/**
 * The frames judged against a person's templates: the face score (the best frame's) and the challenge.
 * When some frame is the person, every frame must be (a printed photo held up among someone else's
 * movements fails the challenge); when none is, the face itself does not match (the verdict says so).
 * Shared by the phone and the kiosk.
 */
export function nilaiBingkai(
  hasil: readonly HasilPeriksa[],
  templat: readonly Embedding[],
  t: { readonly langkah: Parameters<typeof nilaiTantangan>[0]['langkah']; readonly berlakuSampai: Date },
  sekarang: Date,
): { skor: number; tantangan: HasilTantangan } {
  const bingkai = bingkaiDari(hasil, templat);
  const skorBingkai = bingkai.flatMap((b) => (b.kemiripan == null ? [] : [b.kemiripan]));
  const skor = skorBingkai.length > 0 ? Math.max(...skorBingkai) : 0;
  const tantangan = nilaiTantangan(
    { langkah: t.langkah, dibuat: sekarang, berlakuSampai: t.berlakuSampai },
    bingkai,
    sekarang,
    {
      sudutMinDerajat: SUDUT_LANGKAH,
      kemiripanMin: skor >= AMBANG_BINGKAI ? AMBANG_BINGKAI : null,
      bingkaiMaks: MAKS_BINGKAI,
    },
  );
  return { skor, tantangan };
}

/** A challenge that could not be used (unknown, used, expired) as the challenge verdict. */
const tantanganTakTerpakai = (sebab: Pesan): HasilTantangan => ({
  lulus: false,
  alasan: 'tantangan_gagal',
  sebab,
  bingkai: null,
});

/**
 * A check-in or check-out with the face (POST /api/kehadiran). Always the caller's own; the same id_klien
 * again returns the first answer without running anything; every attempt that reaches a verdict is stored.
 */
export async function absenWajah(
  sdb: SigapDatabase,
  caller: Caller,
  kunci: CincinKunci,
  m: MasukanAbsen,
): Promise<HasilAbsenWajah> {
  const pegawaiId = pegawaiSendiri(caller);
  periksaMasukan(m);
  const hashIsi = hashAbsen(m);

  // A replay answers from what is stored (and a different request under the same key is refused).
  const lama = await withTenant(sdb, caller.tenantId, (trx) => kejadianIdKlien(trx, m.idKlien));
  if (lama) {
    if (lama.hash_isi !== hashIsi || lama.pegawai_id !== pegawaiId) throw galatIdKlien();
    return dariKejadian(lama, false);
  }

  const p = await withTenant(sdb, caller.tenantId, (trx) => siapkan(trx, caller, kunci, pegawaiId, m));

  // The model runs only when the place and time allow the attempt and the challenge is still open.
  let putusan: PutusanAbsen;
  let skor: number | null = null;
  if (p.awal) {
    putusan = p.awal;
  } else if (!p.tantangan.ok) {
    const gagal = tantanganTakTerpakai(p.tantangan.sebab);
    putusan = putuskanAbsen({ ...p.masukan, tantangan: gagal, dugaanPalsu: false, skorWajah: 0 });
  } else {
    const n = nilaiBingkai(await periksaBanyakFoto(m.bingkai), p.templat, p.tantangan, p.sekarang);
    skor = n.skor;
    const tantangan = n.tantangan;
    // Liveness rests on the challenge and on review, not on the engine's anti-spoof score (docs/wajah.md).
    putusan = putuskanAbsen({ ...p.masukan, tantangan, dugaanPalsu: false, skorWajah: skor });
  }

  return withTenant(sdb, caller.tenantId, async (trx) => {
    const { kejadian, baru } = await catatPercobaan(trx, caller.tenantId, kunci, {
      pegawaiId,
      opdId: p.opdId,
      sekarang: p.sekarang,
      m,
      sumber: 'wajah',
      perangkatId: null,
      lokasi: { lat: m.lat, lng: m.lng, akurasiM: m.akurasiM },
      putusan,
      skor,
      hashIsi,
    });
    // The same key sent twice at once: the first stored wins (catatKejadian refuses another body).
    if (!baru && kejadian.pegawai_id !== pegawaiId) throw galatIdKlien();
    return dariKejadian(kejadian, baru);
  });
}

/** One face attempt as stored, from a phone or a kiosk. */
export interface Percobaan {
  readonly pegawaiId: string | null;
  readonly opdId: string | null;
  readonly sekarang: Date;
  readonly m: Pick<MasukanAbsen, 'waktuPerangkat' | 'jenis' | 'idKlien' | 'bingkai'>;
  readonly sumber: 'wajah' | 'kiosk';
  readonly perangkatId: string | null;
  readonly lokasi: { lat: number; lng: number; akurasiM: number } | null;
  readonly putusan: PutusanAbsen;
  /** the face score, null when the model did not run */
  readonly skor: number | null;
  readonly hashIsi: string;
}

/**
 * Stores an attempt whatever its result (append-only, idempotent on id_klien) and, for one sent to review,
 * its frames encrypted until decided (at most SIMPAN_TINJAU_HARI days).
 */
export async function catatPercobaan(trx: Trx, tenantId: string, kunci: CincinKunci, p: Percobaan) {
  const r = await catatKejadian(trx, tenantId, {
    pegawai_id: p.pegawaiId,
    opd_id: p.opdId,
    waktu: p.sekarang,
    waktu_perangkat: p.m.waktuPerangkat,
    jenis: p.m.jenis,
    sumber: p.sumber,
    perangkat_id: p.perangkatId,
    lat: p.lokasi?.lat ?? null,
    lng: p.lokasi?.lng ?? null,
    akurasi_m: p.lokasi?.akurasiM ?? null,
    hasil: p.putusan.hasil,
    alasan: [p.putusan.alasan],
    skor: p.skor,
    id_klien: p.m.idKlien,
    hash_isi: p.hashIsi,
    pesan: p.putusan.pesan,
  });
  if (r.baru && p.putusan.hasil === 'ditinjau' && p.pegawaiId && p.skor !== null) {
    await simpanTinjauan(trx, tenantId, kunci, {
      kehadiranId: r.kejadian.id,
      pegawaiId: p.pegawaiId,
      opdId: p.opdId,
      skor: p.skor,
      dibuat: p.sekarang,
      simpanSampai: new Date(p.sekarang.getTime() + SIMPAN_TINJAU_HARI * 86_400_000),
      bingkai: p.m.bingkai,
    });
  }
  return r;
}

export function galatIdKlien() {
  return new AppError(
    'KONFLIK',
    pesan(
      'id_klien ini sudah dipakai untuk permintaan lain; buat id_klien baru untuk absen yang baru',
      'This id_klien was already used for another request; make a new id_klien for a new check-in',
    ),
  );
}
