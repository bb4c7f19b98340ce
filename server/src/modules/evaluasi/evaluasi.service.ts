import {
  dateRange,
  type EvaluasiHari,
  evaluateDay,
  type HariLibur,
  type JamKerja,
  type JenisCuti,
  type JenisOpd,
  type Kebijakan,
  type KelasLayanan,
  type KonteksWilayah,
  type PreparedOrg,
  pesan,
  petaKetidakhadiran,
  prepareOrg,
  type Sektor,
  subtreeIds,
} from '@sigap/domain';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { listOpd, listPenempatan } from '../org/org.repository.ts';
import * as pengaturanRepo from '../pengaturan/pengaturan.repository.ts';
import * as repo from './evaluasi.repository.ts';

/**
 * The organisation and the policies for a date or a period (the read model schedules, policy checks
 * and recaps are built on): who is where, the calendar, the regional context, the stored policy
 * versions, their evaluation day by day, and the approved absences.
 */

/** Everything evaluation needs for one date: the organisation as of that date, calendar, context, policies. */
export interface BahanEvaluasi {
  readonly org: PreparedOrg;
  readonly orang: ReadonlyMap<string, { id: string; nama: string; opdId: string }>;
  readonly opdKode: ReadonlyMap<string, { kode: string; nama: string; indukId: string | null }>;
  readonly kal: { jamKerja: JamKerja; libur: Map<string, HariLibur> };
  readonly konteks: KonteksWilayah[];
  readonly kebijakan: Kebijakan[];
}

/** A stored version as the engine sees it (status from the column, which is the record of truth). */
export function dariBaris(r: repo.KebijakanRow): Kebijakan {
  return { ...(r.dokumen as Kebijakan), status: r.status as Kebijakan['status'] };
}

/** Loads the organisation as of `tanggal`, the calendar around it, the regional context and the policies. */
export async function muatBahan(trx: Trx, tenantId: string, tanggal: string): Promise<BahanEvaluasi> {
  const [opd, penempatan, tenant, libur, konteks, kebijakan] = await Promise.all([
    listOpd(trx, tanggal),
    listPenempatan(trx, tanggal),
    pengaturanRepo.findTenantById(trx, tenantId),
    pengaturanRepo.listHolidays(trx),
    repo.listKonteks(trx),
    repo.listKebijakan(trx),
  ]);
  const org = prepareOrg({
    opd: opd.map((o) => ({
      id: o.id,
      kode: o.kode,
      nama: o.nama,
      jenis: o.jenis as JenisOpd,
      indukId: o.induk_id,
      kelasLayanan: o.kelas_layanan as KelasLayanan | null,
      sektor: o.sektor as Sektor[],
    })),
    pegawai: penempatan.map((p) => ({
      key: (p.nip ?? p.id_pegawai)!,
      nama: p.nama,
      jenisPegawai: p.jenis_pegawai as 'pns',
      jabatanLevel: p.jabatan_level as 'pelaksana',
      opdId: p.opd_id,
    })),
  });
  return {
    org,
    orang: new Map(
      penempatan.map((p) => [(p.nip ?? p.id_pegawai)!, { id: p.id, nama: p.nama, opdId: p.opd_id }]),
    ),
    opdKode: new Map(opd.map((o) => [o.id, { kode: o.kode, nama: o.nama, indukId: o.induk_id }])),
    kal: {
      jamKerja: (tenant?.jam_kerja ?? {}) as JamKerja,
      libur: new Map(libur.map((l) => [l.tanggal, { ...l, jenis: l.jenis as HariLibur['jenis'] }])),
    },
    konteks: konteks.map((k) => ({
      dari: k.dari,
      zona: (k.zona ?? undefined) as KonteksWilayah['zona'],
      levelPpkm: (k.level_ppkm ?? undefined) as KonteksWilayah['levelPpkm'],
    })),
    kebijakan: kebijakan.map(dariBaris),
  };
}

/** Evaluates a day; `pratinjau` treats one stored version as active in place of its siblings. */
export function evaluasi(b: BahanEvaluasi, tanggal: string, pratinjau?: Kebijakan): EvaluasiHari {
  const set = pratinjau
    ? [...b.kebijakan.filter((k) => k.id !== pratinjau.id), { ...pratinjau, status: 'aktif' as const }]
    : b.kebijakan;
  return evaluateDay(set, b.org, tanggal, b.kal, b.konteks);
}

/** A lookup from an OPD/unit id to the id of its top-level OPD (cached; cycles stop the walk). */
export function pencariOpdInduk(b: BahanEvaluasi): (opdId: string) => string {
  const cache = new Map<string, string>();
  return (opdId) => {
    const cached = cache.get(opdId);
    if (cached) return cached;
    let cur = opdId;
    const seen = new Set<string>();
    while (!seen.has(cur)) {
      seen.add(cur);
      const induk = b.opdKode.get(cur)?.indukId;
      if (!induk || !b.opdKode.has(induk)) break;
      cur = induk;
    }
    cache.set(opdId, cur);
    return cur;
  };
}

/** The people (keys) in an OPD/unit subtree, or everyone. */
export function orangDalam(b: BahanEvaluasi, opdKode: string | undefined): string[] {
  const keys = [...b.orang.keys()];
  if (!opdKode) return keys;
  const nodes = [...b.opdKode].map(([id, o]) => ({ id, indukId: o.indukId }));
  const root = [...b.opdKode].find(([, o]) => o.kode.toUpperCase() === opdKode.toUpperCase());
  if (!root)
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`OPD ${opdKode} tidak ditemukan`, `OPD ${opdKode} not found`),
    );
  const ids = subtreeIds(nodes, root[0]);
  return keys.filter((k) => ids.has(b.orang.get(k)!.opdId));
}

/**
 * Evaluates the policies for every day of a period, each day against the organisation as it stands
 * that day (the period is split where an OPD or a placement changes). The returned `b` knows every
 * person and OPD of the period, placed as on the last day they appear.
 */
async function hitungEvaluasiPeriode(trx: Trx, tenantId: string, days: readonly string[], revisi?: string) {
  const seg = await segmenBahan(trx, tenantId, days, revisi);
  const hari: EvaluasiHari[] = [];
  let i = 0;
  for (const d of days) {
    while (i + 1 < seg.length && seg[i + 1]!.dari <= d) i++;
    hari.push(evaluasi(seg[i]!.b, d));
  }
  return { b: gabung(seg), hari };
}

export type EvaluasiPeriode = Awaited<ReturnType<typeof hitungEvaluasiPeriode>>;

/**
 * How many person-days of evaluated periods the server keeps in memory (`SIGAP_SIMPAN_EVALUASI`; 0 keeps
 * none). Measured on the demo (2,983 people × 31 days): 34 MB, about 3.7 MB per 10,000 person-days, so
 * the default (≈ 95 MB) holds the demo's month twice, or one month of an 8,000-person Pemda; a larger
 * Pemda's month is evaluated on every request unless the limit is raised.
 */
export const BATAS_SIMPAN_EVALUASI = (() => {
  const n = Number(process.env.SIGAP_SIMPAN_EVALUASI ?? 250_000);
  return Number.isFinite(n) && n >= 0 ? n : 250_000;
})();

interface Simpanan {
  readonly revisi: string;
  readonly hasil: Promise<EvaluasiPeriode>;
  ukuran: number;
}
/** Evaluated periods by Pemda and period, least recently used first (a Map keeps insertion order). */
const simpanan = new Map<string, Simpanan>();
let terpakai = 0;

function lepas(kunci: string) {
  const s = simpanan.get(kunci);
  if (!s) return;
  simpanan.delete(kunci);
  terpakai -= s.ukuran;
}

/**
 * Evaluates the policies for every day of a period (see hitungEvaluasiPeriode), or gives back the
 * evaluation made earlier for the same Pemda and period if nothing evaluation reads has changed since:
 * the Pemda's revision (0007_revisi.sql, read in the caller's transaction) is part of what is kept, so a
 * change committed by any server process makes the next request evaluate again. Requests at once for the
 * same period share one evaluation. The result is shared: callers only read it.
 */
export async function evaluasiPeriode(trx: Trx, tenantId: string, days: readonly string[]) {
  if (BATAS_SIMPAN_EVALUASI === 0 || days.length === 0) return hitungEvaluasiPeriode(trx, tenantId, days);
  const revisi = await repo.revisiData(trx, tenantId);
  const kunci = `${tenantId}|${days[0]}|${days.at(-1)}|${days.length}`;
  const ada = simpanan.get(kunci);
  if (ada && ada.revisi === revisi) {
    simpanan.delete(kunci); // most recently used: to the end
    simpanan.set(kunci, ada);
    return ada.hasil;
  }
  lepas(kunci);
  const s: Simpanan = { revisi, hasil: hitungEvaluasiPeriode(trx, tenantId, days, revisi), ukuran: 0 };
  simpanan.set(kunci, s);
  let hasil: EvaluasiPeriode;
  try {
    hasil = await s.hasil;
  } catch (e) {
    if (simpanan.get(kunci) === s) lepas(kunci);
    throw e;
  }
  if (simpanan.get(kunci) === s) {
    s.ukuran = hasil.b.orang.size * days.length;
    terpakai += s.ukuran;
    if (s.ukuran > BATAS_SIMPAN_EVALUASI) lepas(kunci);
    for (const k of simpanan.keys()) {
      if (terpakai <= BATAS_SIMPAN_EVALUASI) break;
      if (k !== kunci) lepas(k);
    }
  }
  return hasil;
}

/** What the kept evaluations hold now (for tests and the health of a long-running server). */
export function isiSimpananEvaluasi() {
  return { periode: simpanan.size, orangHari: terpakai };
}

/**
 * The materials for each stretch of a period in which the organisation does not change. Given the Pemda's
 * revision (read in this transaction), a stretch's materials are shared with any other period that sees
 * the same organisation under the same revision (`bahanBersama`).
 */
export async function segmenBahan(trx: Trx, tenantId: string, days: readonly string[], revisi?: string) {
  const ubah = await repo.tanggalPerubahanOrg(trx, days[0]!, days.at(-1)!);
  const seg: { dari: string; b: BahanEvaluasi }[] = [];
  for (const [i, d] of [days[0]!, ...ubah].entries()) {
    if (revisi === undefined) {
      seg.push({ dari: d, b: await muatBahan(trx, tenantId, d) });
      continue;
    }
    // A later stretch begins on the day the organisation changed: that day is its own key.
    const mulai = i === 0 ? await repo.mulaiVersiOrg(trx, d) : d;
    seg.push({ dari: d, b: await bahanBersama(trx, tenantId, d, revisi, mulai) });
  }
  return seg;
}

/** How many materials `bahanBersama` keeps (each is one organisation: a few MB on the demo). */
const MAKS_BAHAN = 8;
/** Materials by Pemda, revision and the date the organisation last changed; least recently used first. */
const bahanSimpan = new Map<string, Promise<BahanEvaluasi>>();

/**
 * The materials as of `tanggal`, shared by every date that sees the same organisation under the same
 * revision (`mulaiOrg`: the date it last changed, repo.mulaiVersiOrg): periods next to each other load the organisation once, and evaluating them reuses the
 * decisions `evaluateDay` keeps per organisation (domain kebijakan/evaluate/hari.ts).
 */
async function bahanBersama(
  trx: Trx,
  tenantId: string,
  tanggal: string,
  revisi: string,
  mulaiOrg: string | null,
) {
  const kunci = `${tenantId}|${revisi}|${mulaiOrg ?? '-'}`;
  let b = bahanSimpan.get(kunci);
  if (b) {
    bahanSimpan.delete(kunci);
  } else {
    b = muatBahan(trx, tenantId, tanggal);
    b.catch(() => {
      if (bahanSimpan.get(kunci) === b) bahanSimpan.delete(kunci);
    });
  }
  bahanSimpan.set(kunci, b);
  for (const k of bahanSimpan.keys()) {
    if (bahanSimpan.size <= MAKS_BAHAN) break;
    bahanSimpan.delete(k);
  }
  return b;
}

/** Every person and OPD of a period, each as on the last stretch it appears in. */
export function gabung(seg: readonly { b: BahanEvaluasi }[]): BahanEvaluasi {
  const last = seg.at(-1)!.b;
  if (seg.length === 1) return last;
  const orang = new Map<string, BahanEvaluasi['orang'] extends ReadonlyMap<string, infer V> ? V : never>();
  const opdKode = new Map<
    string,
    BahanEvaluasi['opdKode'] extends ReadonlyMap<string, infer V> ? V : never
  >();
  for (const { b } of seg) {
    for (const [k, v] of b.orang) orang.set(k, v);
    for (const [k, v] of b.opdKode) opdKode.set(k, v);
  }
  return { ...last, orang, opdKode };
}

/** Every person and OPD of a period (without evaluating the policies). */
export async function bahanPeriode(trx: Trx, tenantId: string, dari: string, sampai: string) {
  return gabung(await segmenBahan(trx, tenantId, [dari, sampai]));
}

/** Approved absences over a period: person key → date → CUTI / SAKIT / ISOLASI. */
export async function muatTidakHadir(trx: Trx, b: BahanEvaluasi, days: readonly string[]) {
  const keyOf = new Map([...b.orang].map(([k, p]) => [p.id, k]));
  const rows = await repo.disetujuiDalam(trx, days[0]!, days.at(-1)!);
  return petaKetidakhadiran(
    rows.flatMap((r) => {
      const key = keyOf.get(r.pegawai_id);
      return key ? [{ key, jenis: r.jenis as JenisCuti, dari: r.dari, sampai: r.sampai }] : [];
    }),
    days,
  );
}

/** Schedules longer than this are not warmed at start (a request for them evaluates as usual). */
const MAKS_HARI_HANGAT = 62;

/**
 * Evaluates, once after the server starts, the period each Pemda's schedule page opens on (its newest
 * schedule), so that the first person to open it does not wait for the evaluation, and the code that
 * evaluates is compiled by then. Kept like any other evaluation (evaluasiPeriode): a change to the
 * organisation or the policies makes the next request evaluate again. Logged, never thrown.
 */
export async function hangatkanEvaluasi(sdb: SigapDatabase, log: (pesan: string) => void): Promise<void> {
  if (BATAS_SIMPAN_EVALUASI === 0) return;
  for (const t of await pengaturanRepo.listTenants(sdb.db)) {
    try {
      const t0 = performance.now();
      const n = await withTenant(sdb, t.id, async (trx) => {
        const p = await repo.periodeJadwalTerbaru(trx);
        if (!p) return 0;
        const days = dateRange(p.dari, p.sampai);
        if (days.length > MAKS_HARI_HANGAT) return 0;
        await evaluasiPeriode(trx, t.id, days);
        return days.length;
      });
      if (n > 0)
        log(
          `evaluasi ${t.kode} ${n} hari disiapkan / evaluation of ${n} days warmed: ${Math.round(performance.now() - t0)} ms`,
        );
    } catch (e) {
      log(`evaluasi ${t.kode} gagal disiapkan / warming failed: ${(e as Error).message}`);
    }
  }
}
