import { randomUUID } from 'node:crypto';
import { allows, type Pesan, pesan, subtreeIds } from '@sigap/domain';
import {
  type CaraPersetujuan,
  DASAR_BAKU,
  type HasilCabut,
  type Persetujuan,
  TUJUAN_BAKU,
  type WajahSaya,
} from '@sigap/domain/api/wajah';
import {
  type Deskripsi,
  type FungsiKemiripan,
  type KualitasSampel,
  MAKS_TEMPLAT,
  MIN_SAMPEL,
  periksaDeskripsi,
  saringKonsisten,
} from '@sigap/domain/wajah/sampel';
import type { Actor, Caller } from '../../caller.ts';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { lingkupTanggal, resolveScope } from '../org/org.service.ts';
import { listTenants } from '../pengaturan/pengaturan.repository.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import { aadBingkai, aadFoto, aadTemplat, bytesKeVektor, type CincinKunci, vektorKeBytes } from './kunci.ts';
import * as repo from './wajah.repository.ts';

/*
 * Face enrolment on the storage and privacy side: consent, encrypted templates, what a person sees about
 * themselves, withdrawal, the admin's overview, kept photos and their retention, key rotation. The face
 * engine (./mesin/) is not used here: callers pass descriptions it already computed, and the similarity
 * function and threshold it measured.
 */

/** Who acts: a signed-in caller, or the command line (caller null: the whole Pemda). */
export interface KonteksWajah {
  readonly tenantId: string;
  readonly caller: Caller | null;
  readonly actor: Actor;
}

export function konteksDari(caller: Caller): KonteksWajah {
  return { tenantId: caller.tenantId, caller, actor: { userId: caller.userId, nama: caller.username } };
}

/** What attendance falls back to when a person has no face templates (withdrawn or not enrolled). */
export const PESAN_CADANGAN: Pesan = pesan(
  'Tanpa templat wajah, presensi Anda tidak dapat memakai pencocokan wajah (ponsel maupun kiosk). Kehadiran dicatat lewat mesin presensi (terminal) bila kantor Anda memilikinya, atau dicatat oleh admin OPD sesuai ketentuan Pemda; Anda dapat mendaftar ulang kapan saja dengan memberi persetujuan baru.',
  'Without face templates your attendance cannot use face matching (phone or kiosk). It is recorded on the attendance terminal where your office has one, or recorded by your OPD admin as the Pemda allows; you can enrol again at any time by giving consent anew.',
);

type Peran = 'diri' | 'petugas' | 'sistem';

/**
 * How the caller may act on a person's face data: as that person, as an admin holding `wajah.enrol`
 * whose scope covers the person today, or as the command line; anyone else is refused.
 */
async function peranAtas(trx: Trx, ctx: KonteksWajah, pegawaiId: string): Promise<Peran> {
  const c = ctx.caller;
  if (!c) return 'sistem';
  if (c.pegawaiId !== null && c.pegawaiId === pegawaiId) return 'diri';
  const roles = c.grants.map((g) => g.role);
  if (!allows(roles, 'wajah.enrol')) throw errors.forbidden();
  const hari = await tenantToday(trx, ctx.tenantId);
  if (!(await lingkupTanggal(trx, c, 'write').meliputi(pegawaiId, hari))) throw errors.outOfScope();
  return 'petugas';
}

async function pastikanPegawai(trx: Trx, ctx: KonteksWajah, pegawaiId: string) {
  const p = await orgRepo.getPegawai(trx, pegawaiId, await tenantToday(trx, ctx.tenantId));
  if (!p) throw errors.notFound('Pegawai', 'Employee');
  return p;
}

function tolak(masalah: readonly Pesan[]): never {
  throw new AppError(
    'VALIDASI',
    pesan(masalah.map((m) => m.id).join('; '), masalah.map((m) => m.en).join('; ')),
  );
}

function keApi(r: Awaited<ReturnType<typeof repo.riwayatPersetujuan>>[number]): Persetujuan {
  return {
    id: r.id,
    diberikan_pada: new Date(r.diberikan_pada).toISOString(),
    cara: r.cara as CaraPersetujuan,
    tujuan: r.tujuan,
    dasar: r.dasar,
    keterangan: r.keterangan,
    dicatat_oleh: r.dicatat_nama,
    dicabut_pada: r.dicabut_pada ? new Date(r.dicabut_pada).toISOString() : null,
    dicabut_oleh: r.dicabut_oleh,
  };
}

// ─── Consent ──────────────────────────────────────────────────────────────────────────────────────

export interface IsianPersetujuan {
  /** Default: `mandiri` for the person, `petugas` for an admin, `massal` for the command line. */
  readonly cara?: CaraPersetujuan;
  readonly tujuan?: string;
  readonly dasar?: string;
  /** Who recorded it and how; required unless the person gives it themselves in the app. */
  readonly keterangan?: string;
}

/**
 * Records a person's consent to face enrolment. The person records their own (`mandiri`); an admin
 * records one given in person (`petugas`) or in bulk (`massal`), saying who recorded it and how. While
 * a consent is in force it is returned as is (`baru: false`): a new row is a new grant after withdrawal.
 */
export async function catatPersetujuan(
  trx: Trx,
  ctx: KonteksWajah,
  pegawaiId: string,
  isian: IsianPersetujuan,
): Promise<{ persetujuan: Persetujuan; baru: boolean }> {
  const peran = await peranAtas(trx, ctx, pegawaiId);
  const p = await pastikanPegawai(trx, ctx, pegawaiId);
  const cara: CaraPersetujuan =
    isian.cara ?? (peran === 'diri' ? 'mandiri' : peran === 'petugas' ? 'petugas' : 'massal');
  if (cara === 'mandiri' && peran !== 'diri') {
    tolak([
      pesan(
        'Persetujuan "mandiri" hanya dapat diberikan oleh pegawai itu sendiri lewat akunnya; admin mencatatnya sebagai "petugas" atau "massal"',
        'Consent "mandiri" can only be given by the person through their own account; an admin records it as "petugas" or "massal"',
      ),
    ]);
  }
  const keterangan = (isian.keterangan ?? '').trim();
  if (cara !== 'mandiri' && keterangan === '') {
    tolak([
      pesan(
        'Keterangan wajib diisi: siapa yang mencatat persetujuan dan bagaimana (mis. formulir bertanda tangan no. ..., disaksikan ...)',
        'The note is required: who recorded the consent and how (e.g. signed form no. ..., witnessed by ...)',
      ),
    ]);
  }
  const ada = await repo.persetujuanAktif(trx, pegawaiId);
  if (ada) return { persetujuan: keApi(ada), baru: false };
  const r = await repo.insertPersetujuan(trx, ctx.tenantId, {
    pegawai_id: pegawaiId,
    dicatat_oleh: ctx.actor.userId,
    dicatat_nama: ctx.actor.nama,
    cara,
    tujuan: (isian.tujuan ?? TUJUAN_BAKU).trim(),
    dasar: (isian.dasar ?? DASAR_BAKU).trim(),
    keterangan,
  });
  await insertAudit(trx, ctx.tenantId, ctx.actor, [
    {
      aksi: 'persetujuan',
      entitas: 'wajah',
      entitasId: pegawaiId,
      ringkasan: `Persetujuan pendaftaran wajah ${p.nama} dicatat (${cara})`,
      sesudah: { persetujuan_id: r.id, cara, tujuan: r.tujuan, dasar: r.dasar, keterangan },
    },
  ]);
  return { persetujuan: keApi(r), baru: true };
}

// ─── Enrolment ────────────────────────────────────────────────────────────────────────────────────

export type JenisFoto = 'image/jpeg' | 'image/png' | 'image/webp';

/** One photo of an enrolment: the engine's description and quality verdict (and the photo itself). */
export interface SampelWajah {
  readonly deskripsi: Deskripsi;
  readonly kualitas: KualitasSampel;
  /** Kept (encrypted) only when the Pemda keeps enrolment photos; otherwise dropped here. */
  readonly foto?: { readonly bytes: Uint8Array; readonly jenis: JenisFoto };
}

export interface IsianDaftar {
  /** Consent given now; when absent a consent in force must already be recorded. */
  readonly persetujuan?: IsianPersetujuan;
  readonly sampel: readonly SampelWajah[];
}

export interface OpsiDaftar {
  /** The engine's similarity between two vectors of its model. */
  readonly mirip: FungsiKemiripan;
  /** Samples whose mean similarity to the person's other photos is below this are "not the same person". */
  readonly ambang: number;
  /** Default: `kamera` for the person, `petugas` for an admin, `massal` for the command line. */
  readonly sumber?: 'kamera' | 'petugas' | 'massal';
  /** The moment (tests); default now. */
  readonly sekarang?: Date;
}

export interface HasilSampel {
  /** 1-based, in the order sent. */
  readonly urutan: number;
  readonly hasil: 'diterima' | 'ditolak';
  readonly alasan: readonly Pesan[];
  /** Mean similarity to the person's other photos (absent when not compared). */
  readonly kemiripan?: number;
}

export interface HasilDaftar {
  readonly sampel: readonly HasilSampel[];
  readonly model: string;
  /** Whether the accepted samples were stored (only when the person then has at least three). */
  readonly disimpan: boolean;
  /** The person's templates of this model after the call. */
  readonly jumlahTemplat: number;
  readonly lengkap: boolean;
  readonly fotoDisimpan: number;
  readonly persetujuanId: string;
  readonly pesan: Pesan;
}

const BUKAN_ORANG_SAMA = pesan(
  'bukan orang yang sama dengan foto lainnya',
  'not the same person as the other photos',
);
const TIDAK_LAYAK = pesan('foto tidak layak', 'photo not usable');

/**
 * Enrols a person's face from descriptions the engine computed. Requires a consent in force (given now
 * in `isian.persetujuan`, or recorded before). Each sample is accepted or refused with reasons: the
 * engine's quality verdict first, then consistency with the person's other photos (`opsi.mirip`,
 * `opsi.ambang`). The accepted ones are stored, encrypted, only if the person then holds at least three
 * templates of the model; templates of other models are then removed, and at most ten are kept.
 * Descriptions that are wrong as data (empty, NaN, sizes, mixed models, too many) refuse the whole call.
 */
export async function daftarkanWajah(
  trx: Trx,
  ctx: KonteksWajah,
  kunci: CincinKunci,
  pegawaiId: string,
  isian: IsianDaftar,
  opsi: OpsiDaftar,
): Promise<HasilDaftar> {
  const peran = await peranAtas(trx, ctx, pegawaiId);
  const p = await pastikanPegawai(trx, ctx, pegawaiId);
  const sampel = isian.sampel;
  const model = sampel[0]?.deskripsi.model ?? '';
  const tersimpan = (await repo.templatOrang(trx, [pegawaiId])).filter((t) => t.model === model);
  const masalah = periksaDeskripsi(
    sampel.map((s) => s.deskripsi),
    tersimpan[0] ? { model, dimensi: tersimpan[0].dimensi } : null,
  );
  if (masalah.length > 0) tolak(masalah);
  if (!Number.isFinite(opsi.ambang))
    tolak([pesan('Ambang kemiripan tidak sah', 'Invalid similarity threshold')]);

  const persetujuan = await persetujuanBerlaku(trx, ctx, pegawaiId, p.nama, isian.persetujuan);

  const lama = tersimpan.map((t) => bukaTemplat(kunci, ctx.tenantId, t));
  const layak = sampel.map((s) => s.kualitas.layak);
  const diuji = sampel.flatMap((_s, i) => (layak[i] ? [i] : []));
  const konsisten = saringKonsisten(
    diuji.map((i) => sampel[i]!.deskripsi.vektor),
    lama.map((d) => d.vektor),
    opsi.mirip,
    opsi.ambang,
  );
  const hasil: HasilSampel[] = sampel.map((s, i) => {
    if (!layak[i]) {
      return {
        urutan: i + 1,
        hasil: 'ditolak',
        alasan: s.kualitas.alasan.length > 0 ? s.kualitas.alasan : [TIDAK_LAYAK],
      };
    }
    const k = diuji.indexOf(i);
    const r = konsisten.rerata[k]!;
    const skor = Number.isNaN(r) ? {} : { kemiripan: r };
    return konsisten.konsisten[k]
      ? { urutan: i + 1, hasil: 'diterima', alasan: [], ...skor }
      : { urutan: i + 1, hasil: 'ditolak', alasan: [BUKAN_ORANG_SAMA], ...skor };
  });
  const diterima = sampel.filter((_, i) => hasil[i]!.hasil === 'diterima');
  const total = lama.length + diterima.length;
  const disimpan = total >= MIN_SAMPEL && diterima.length > 0;
  let fotoDisimpan = 0;
  let jumlahTemplat = lama.length;
  if (disimpan) {
    const sumber = opsi.sumber ?? (peran === 'diri' ? 'kamera' : peran === 'petugas' ? 'petugas' : 'massal');
    const rows = diterima.map((s) => {
      const id = randomUUID();
      const dimensi = s.deskripsi.vektor.length;
      const t = kunci.sandikan(
        vektorKeBytes(s.deskripsi.vektor),
        aadTemplat(ctx.tenantId, id, model, dimensi),
      );
      return {
        id,
        pegawai_id: pegawaiId,
        model,
        dimensi,
        sandi: t.sandi,
        iv: t.iv,
        kunci_id: t.kunciId,
        kualitas: JSON.stringify(s.kualitas.nilai ?? {}),
        sumber,
      };
    });
    await repo.insertTemplat(trx, ctx.tenantId, rows);
    await repo.pangkasTemplat(trx, pegawaiId, model, MAKS_TEMPLAT);
    await repo.hapusTemplatModelLain(trx, pegawaiId, model);
    jumlahTemplat = Math.min(total, MAKS_TEMPLAT);
    fotoDisimpan = await simpanFoto(
      trx,
      ctx.tenantId,
      kunci,
      pegawaiId,
      diterima,
      opsi.sekarang ?? new Date(),
    );
  }
  const ditolak = hasil.filter((h) => h.hasil === 'ditolak').length;
  await insertAudit(trx, ctx.tenantId, ctx.actor, [
    {
      aksi: 'daftar',
      entitas: 'wajah',
      entitasId: pegawaiId,
      ringkasan: disimpan
        ? `Wajah ${p.nama} didaftarkan: ${diterima.length} foto diterima, ${ditolak} ditolak; ${jumlahTemplat} templat ${model}`
        : `Pendaftaran wajah ${p.nama} belum tersimpan: ${diterima.length} foto layak, perlu ${MIN_SAMPEL}`,
      // Counts and reasons only: never a vector or a photo.
      sesudah: {
        model,
        disimpan,
        diterima: diterima.length,
        ditolak,
        jumlah_templat: jumlahTemplat,
        foto_disimpan: fotoDisimpan,
        persetujuan_id: persetujuan.id,
        alasan: hasil.flatMap((h) => h.alasan.map((a) => `${h.urutan}: ${a.id}`)),
      },
    },
  ]);
  const kurang = MIN_SAMPEL - total;
  return {
    sampel: hasil,
    model,
    disimpan,
    jumlahTemplat,
    lengkap: jumlahTemplat >= MIN_SAMPEL,
    fotoDisimpan,
    persetujuanId: persetujuan.id,
    pesan: disimpan
      ? pesan(
          `Wajah terdaftar: ${jumlahTemplat} templat tersimpan (tersandi); foto ${fotoDisimpan > 0 ? 'disimpan sementara sesuai ketentuan Pemda' : 'tidak disimpan'}`,
          `Face enrolled: ${jumlahTemplat} templates stored (encrypted); photos ${fotoDisimpan > 0 ? 'kept for the period the Pemda set' : 'not kept'}`,
        )
      : pesan(
          `Belum tersimpan: perlu minimal ${MIN_SAMPEL} foto layak dari orang yang sama, kurang ${Math.max(kurang, 1)}; ambil foto lagi`,
          `Not stored: at least ${MIN_SAMPEL} usable photos of the same person are needed, ${Math.max(kurang, 1)} more; take more photos`,
        ),
  };
}

/** The consent in force (recorded now from `isian` when given), or a refusal in words. */
async function persetujuanBerlaku(
  trx: Trx,
  ctx: KonteksWajah,
  pegawaiId: string,
  nama: string,
  isian: IsianPersetujuan | undefined,
): Promise<Persetujuan> {
  const persetujuan = isian
    ? (await catatPersetujuan(trx, ctx, pegawaiId, isian)).persetujuan
    : await repo.persetujuanAktif(trx, pegawaiId).then((r) => (r ? keApi(r) : null));
  if (!persetujuan) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `Belum ada persetujuan pendaftaran wajah yang berlaku untuk ${nama}; catat persetujuannya dahulu (tujuan, dasar, siapa mencatat)`,
        `There is no consent in force for enrolling ${nama}'s face; record the consent first (purpose, basis, who recorded it)`,
      ),
    );
  }
  return persetujuan;
}

/**
 * Before photos go to the face engine: the caller may enrol this person, the person exists, and a consent
 * is in force (recorded now from `isian` when given) — refused in words otherwise. Returns the person's name.
 */
export async function siapDaftar(
  trx: Trx,
  ctx: KonteksWajah,
  pegawaiId: string,
  isian: IsianPersetujuan | undefined,
): Promise<{ nama: string }> {
  await peranAtas(trx, ctx, pegawaiId);
  const p = await pastikanPegawai(trx, ctx, pegawaiId);
  await persetujuanBerlaku(trx, ctx, pegawaiId, p.nama, isian);
  return { nama: p.nama };
}

/** The pegawai a NIP or id_pegawai names (the command line's way of naming a person), or null. */
export async function pegawaiMenurutKunci(trx: Trx, key: string): Promise<string | null> {
  return (await orgRepo.pegawaiIdMenurutKunci(trx, key))?.id ?? null;
}

async function simpanFoto(
  trx: Trx,
  tenantId: string,
  kunci: CincinKunci,
  pegawaiId: string,
  sampel: readonly SampelWajah[],
  sekarang: Date,
): Promise<number> {
  const hari = await repo.simpanFotoHari(trx, tenantId);
  if (hari <= 0) return 0;
  const sampai = new Date(sekarang.getTime() + hari * 86_400_000);
  const rows = sampel.flatMap((s) => {
    if (!s.foto) return [];
    const id = randomUUID();
    const t = kunci.sandikan(s.foto.bytes, aadFoto(tenantId, id, s.foto.jenis));
    return [
      {
        id,
        pegawai_id: pegawaiId,
        jenis: s.foto.jenis,
        sandi: t.sandi,
        iv: t.iv,
        kunci_id: t.kunciId,
        dibuat_pada: sekarang,
        simpan_sampai: sampai,
      },
    ];
  });
  await repo.insertFoto(trx, tenantId, rows);
  return rows.length;
}

// ─── Templates for verification ───────────────────────────────────────────────────────────────────

function bukaTemplat(
  kunci: CincinKunci,
  tenantId: string,
  t: { id: string; model: string; dimensi: number; sandi: Uint8Array; iv: Uint8Array; kunci_id: string },
): Deskripsi {
  const b = kunci.buka(
    { sandi: t.sandi, iv: t.iv, kunciId: t.kunci_id },
    aadTemplat(tenantId, t.id, t.model, t.dimensi),
    pesan(`Templat wajah ${t.id}`, `Face template ${t.id}`),
  );
  const vektor = bytesKeVektor(b);
  if (vektor.length !== t.dimensi) {
    throw new AppError(
      'KESALAHAN_SERVER',
      pesan(`Templat wajah ${t.id} berukuran tidak sesuai`, `Face template ${t.id} has the wrong size`),
    );
  }
  return { model: t.model, vektor };
}

/** A person's templates of the current model, decrypted, and how many of other models were left out. */
export interface TemplatOrang {
  readonly pegawaiId: string;
  readonly templat: readonly Deskripsi[];
  /** Templates of another model: never compared; the person must enrol again. */
  readonly modelLain: number;
}

function kelompokkan(
  kunci: CincinKunci,
  tenantId: string,
  model: string,
  ids: readonly string[],
  rows: Awaited<ReturnType<typeof repo.templatOrang>>,
): TemplatOrang[] {
  const per = new Map<string, { templat: Deskripsi[]; modelLain: number }>(
    ids.map((id) => [id, { templat: [], modelLain: 0 }]),
  );
  for (const r of rows) {
    const o = per.get(r.pegawai_id)!;
    if (r.model === model) o.templat.push(bukaTemplat(kunci, tenantId, r));
    else o.modelLain++;
  }
  return [...per].map(([pegawaiId, o]) => ({ pegawaiId, ...o }));
}

/** The person's templates of `model` (the engine's current one), decrypted, for verification. */
export async function templatUntuk(
  trx: Trx,
  tenantId: string,
  kunci: CincinKunci,
  pegawaiId: string,
  model: string,
): Promise<TemplatOrang> {
  const rows = await repo.templatOrang(trx, [pegawaiId]);
  return kelompokkan(kunci, tenantId, model, [pegawaiId], rows)[0]!;
}

/**
 * The templates of `model` of everyone placed today in the OPD/unit `opdId` or a unit under it (the
 * kiosk's one-to-many search), decrypted. People without templates are left out.
 */
export async function templatOpd(
  trx: Trx,
  tenantId: string,
  kunci: CincinKunci,
  opdId: string,
  model: string,
): Promise<TemplatOrang[]> {
  const hari = await tenantToday(trx, tenantId);
  const nodes = (await orgRepo.listOpd(trx, hari)).map((o) => ({ id: o.id, indukId: o.induk_id }));
  const ids = await repo.orangDiOpd(trx, hari, [...subtreeIds(nodes, opdId)]);
  const rows = await repo.templatOrang(trx, ids);
  return kelompokkan(kunci, tenantId, model, ids, rows).filter((o) => o.templat.length + o.modelLain > 0);
}

// ─── What is held, withdrawal ─────────────────────────────────────────────────────────────────────

/** What is held about a person's face: consent history, template counts per model, kept photos. */
export async function lihatWajah(trx: Trx, ctx: KonteksWajah, pegawaiId: string): Promise<WajahSaya> {
  await peranAtas(trx, ctx, pegawaiId);
  await pastikanPegawai(trx, ctx, pegawaiId);
  const [riwayat, ringkas, foto, hari] = await Promise.all([
    repo.riwayatPersetujuan(trx, pegawaiId),
    repo.ringkasTemplat(trx, pegawaiId),
    repo.ringkasFoto(trx, pegawaiId),
    repo.simpanFotoHari(trx, ctx.tenantId),
  ]);
  const model = ringkas.map((r) => ({
    model: r.model,
    jumlah: Number(r.jumlah),
    dimensi: Number(r.dimensi),
    pertama: new Date(r.pertama).toISOString(),
    terakhir: new Date(r.terakhir).toISOString(),
  }));
  const jumlah = model.reduce((n, m) => n + m.jumlah, 0);
  const aktif = riwayat.some((r) => r.dicabut_pada === null);
  const jumlahFoto = Number(foto.jumlah);
  return {
    pegawai_id: pegawaiId,
    persetujuan_aktif: aktif,
    persetujuan: riwayat.map(keApi),
    templat: { jumlah, lengkap: model.some((m) => m.jumlah >= MIN_SAMPEL), model },
    foto: {
      disimpan: hari > 0,
      simpan_foto_hari: hari,
      jumlah: jumlahFoto,
      simpan_sampai: foto.sampai ? new Date(foto.sampai).toISOString() : null,
    },
    pesan:
      jumlah === 0
        ? PESAN_CADANGAN
        : pesan(
            `Disimpan ${jumlah} templat wajah tersandi (angka hasil model, bukan foto)${jumlahFoto > 0 ? ` dan ${jumlahFoto} foto pendaftaran tersandi yang dihapus otomatis pada tanggal simpan_sampai` : '; foto tidak disimpan'}. Anda dapat mencabut persetujuan kapan saja: templat dan foto langsung dihapus.`,
            `${jumlah} encrypted face templates are held (numbers computed by the model, not photos)${jumlahFoto > 0 ? ` and ${jumlahFoto} encrypted enrolment photos, deleted automatically at simpan_sampai` : '; photos are not kept'}. You can withdraw consent at any time: templates and photos are deleted at once.`,
          ),
  };
}

/**
 * Withdraws a person's consent: deletes their templates and kept photos (really deleted), marks the
 * consent withdrawn, audits it. A later enrolment needs a new consent. Repeating it changes nothing.
 */
export async function cabutPersetujuan(trx: Trx, ctx: KonteksWajah, pegawaiId: string): Promise<HasilCabut> {
  await peranAtas(trx, ctx, pegawaiId);
  const p = await pastikanPegawai(trx, ctx, pegawaiId);
  const templat = await repo.hapusTemplat(trx, pegawaiId);
  const foto = await repo.hapusFoto(trx, pegawaiId);
  const dicabut = await repo.cabutPersetujuan(trx, pegawaiId, ctx.actor.nama);
  if (templat > 0 || foto > 0 || dicabut) {
    await insertAudit(trx, ctx.tenantId, ctx.actor, [
      {
        aksi: 'cabut',
        entitas: 'wajah',
        entitasId: pegawaiId,
        ringkasan: `Persetujuan wajah ${p.nama} dicabut; ${templat} templat dan ${foto} foto dihapus`,
        sesudah: { templat_dihapus: templat, foto_dihapus: foto, persetujuan_dicabut: dicabut },
      },
    ]);
  }
  return {
    templat_dihapus: templat,
    foto_dihapus: foto,
    persetujuan_dicabut: dicabut,
    pesan: PESAN_CADANGAN,
  };
}

/** The pegawai the caller's account is linked to (own face data needs one). */
export function pegawaiSendiri(caller: Caller): string {
  if (!caller.pegawaiId) {
    throw new AppError(
      'VALIDASI',
      pesan(
        'Akun ini tidak tertaut ke data pegawai, jadi tidak memiliki data wajah',
        'This account is not linked to an employee record, so it holds no face data',
      ),
    );
  }
  return caller.pegawaiId;
}

// ─── Admin overview ───────────────────────────────────────────────────────────────────────────────

/**
 * The enrolment state of the people placed today in the caller's write scope (or in the OPD/unit
 * `opdKode` and its units, which must lie inside it): consent yes/no and template counts only.
 */
export async function daftarStatus(trx: Trx, caller: Caller, opdKode?: string) {
  const hari = await tenantToday(trx, caller.tenantId);
  const scope = await resolveScope(trx, caller, 'write', hari);
  let ids: string[] | null = scope.opdIds === null ? null : [...scope.opdIds];
  if (opdKode) {
    const semua = await orgRepo.listOpd(trx, hari);
    const o = semua.find((x) => x.kode.toUpperCase() === opdKode.toUpperCase());
    if (!o) throw errors.notFound(`OPD ${opdKode}`, `OPD ${opdKode}`);
    const bawah = [
      ...subtreeIds(
        semua.map((x) => ({ id: x.id, indukId: x.induk_id })),
        o.id,
      ),
    ];
    if (ids !== null && !bawah.every((id) => scope.opdIds!.has(id))) throw errors.outOfScope();
    ids = bawah;
  }
  const rows = await repo.statusOrang(trx, hari, ids);
  return rows.map((r) => {
    const t = r.templat ?? [];
    return {
      pegawai_id: r.id,
      key: r.nip ?? r.id_pegawai ?? '',
      nama: r.nama,
      opd_kode: r.opd_kode,
      persetujuan: Boolean(r.persetujuan),
      jumlah_templat: t.reduce((n, x) => n + Number(x.n), 0),
      model: t.map((x) => x.model),
      lengkap: t.some((x) => Number(x.n) >= MIN_SAMPEL),
    };
  });
}

// ─── Photo keeping and retention ──────────────────────────────────────────────────────────────────

export async function pengaturanWajah(trx: Trx, tenantId: string) {
  return { simpan_foto_hari: await repo.simpanFotoHari(trx, tenantId) };
}

/**
 * Sets how many days enrolment photos are kept (0 = not kept). Turning it off deletes the photos kept
 * at once; shortening it shortens them (each counted from when it was taken) for the retention run.
 */
export async function ubahPengaturanWajah(trx: Trx, tenantId: string, actor: Actor, hari: number) {
  const lama = await repo.simpanFotoHari(trx, tenantId);
  if (hari !== lama) {
    await repo.setSimpanFotoHari(trx, tenantId, hari);
    const dihapus = hari === 0 ? await repo.hapusSemuaFoto(trx) : 0;
    const dipendekkan = hari > 0 && hari < lama ? await repo.pendekkanFoto(trx, hari) : 0;
    await insertAudit(trx, tenantId, actor, [
      {
        aksi: 'ubah',
        entitas: 'pengaturan',
        entitasId: tenantId,
        ringkasan: `Masa simpan foto pendaftaran wajah: ${lama} → ${hari} hari`,
        sebelum: { simpan_foto_hari: lama },
        sesudah: { simpan_foto_hari: hari, foto_dipendekkan: dipendekkan, foto_dihapus: dihapus },
      },
    ]);
  }
  return { simpan_foto_hari: hari };
}

/**
 * The retention step for face data: deletes, in every Pemda, the enrolment photos whose keeping
 * period ended at `now` (an audit row per Pemda that lost any). The daily job calls it.
 */
export async function hapusKedaluwarsa(sdb: SigapDatabase, now: Date): Promise<{ foto: number }> {
  let foto = 0;
  for (const t of await listTenants(sdb.db)) {
    foto += await withTenant(sdb, t.id, async (trx) => {
      const n = await repo.hapusFotoKedaluwarsa(trx, now);
      if (n > 0) {
        await insertAudit(trx, t.id, { userId: null, nama: 'sistem' }, [
          {
            aksi: 'retensi',
            entitas: 'wajah',
            entitasId: null,
            ringkasan: `${n} foto pendaftaran wajah dihapus: masa simpannya habis`,
            sesudah: { foto_dihapus: n },
          },
        ]);
      }
      return n;
    });
  }
  return { foto };
}

// ─── Key rotation ─────────────────────────────────────────────────────────────────────────────────

/**
 * Re-encrypts every template and kept photo not under the current key (the first of the ring), in
 * every Pemda, a batch per transaction. A value under a key missing from the ring stops it with an
 * error naming that key. Returns how many were moved and what each key id still holds afterwards
 * (an old key holding nothing may then be removed from SIGAP_KUNCI_WAJAH).
 */
export async function rekeyWajah(
  sdb: SigapDatabase,
  kunci: CincinKunci,
  batas = 200,
): Promise<{ templat: number; foto: number; bingkai: number; sisa: Record<string, number> }> {
  interface Baris {
    id: string;
    sandi: Uint8Array;
    iv: Uint8Array;
    kunci_id: string;
  }
  /** Re-encrypts one table's rows under the current key, a batch per transaction, until none is left. */
  const putar = async <R extends Baris>(
    tenantId: string,
    tabel: 'wajah_template' | 'wajah_foto' | 'tinjau_bingkai',
    ambil: (trx: Trx) => Promise<R[]>,
    aad: (r: R) => Buffer,
    apa: (r: R) => Pesan,
  ): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await withTenant(sdb, tenantId, async (trx) => {
        const rows = await ambil(trx);
        for (const r of rows) {
          const b = kunci.buka({ sandi: r.sandi, iv: r.iv, kunciId: r.kunci_id }, aad(r), apa(r));
          const s = kunci.sandikan(b, aad(r));
          await repo.gantiSandi(trx, tabel, r.id, {
            sandi: s.sandi,
            iv: s.iv,
            kunci_id: s.kunciId,
            lama: r.kunci_id,
          });
        }
        return rows.length;
      });
      total += n;
      if (n < batas) return total;
    }
  };
  let templat = 0;
  let foto = 0;
  let bingkai = 0;
  const sisa: Record<string, number> = {};
  for (const t of await listTenants(sdb.db)) {
    templat += await putar(
      t.id,
      'wajah_template',
      (trx) => repo.templatKunciLain(trx, kunci.kini, batas),
      (r) => aadTemplat(r.tenant_id, r.id, r.model, r.dimensi),
      (r) => pesan(`Templat wajah ${r.id}`, `Face template ${r.id}`),
    );
    foto += await putar(
      t.id,
      'wajah_foto',
      (trx) => repo.fotoKunciLain(trx, kunci.kini, batas),
      (r) => aadFoto(r.tenant_id, r.id, r.jenis),
      (r) => pesan(`Foto wajah ${r.id}`, `Face photo ${r.id}`),
    );
    bingkai += await putar(
      t.id,
      'tinjau_bingkai',
      (trx) => repo.bingkaiKunciLain(trx, kunci.kini, batas),
      (r) => aadBingkai(r.tenant_id, r.id, r.kehadiran_id, r.urutan),
      (r) => pesan(`Gambar tinjauan ${r.id}`, `Review frame ${r.id}`),
    );
    const per = await withTenant(sdb, t.id, (trx) => repo.hitungPerKunci(trx));
    for (const [k, n] of per) sisa[k] = (sisa[k] ?? 0) + n;
  }
  return { templat, foto, bingkai, sisa };
}
