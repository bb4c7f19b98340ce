/**
 * What the policy evaluation reads and gives (types), the organisation prepared once, and the helpers of a
 * day's evaluation.
 */

import { type Pesan, pesan } from '../../i18n/message.ts';
import { type IsoDate, isoWeekday } from '../../kalender/dates.ts';
import type { HariLibur, JamHari, JamKerja } from '../../kalender/work-hours.ts';
import { resolveInheritance } from '../../org/tree.ts';
import type { JabatanLevel, JenisOpd, JenisPegawai, KelasLayanan, Sektor } from '../../org/types.ts';
import { bandingTeks } from '../../urutan.ts';
import type { Aturan, Hasil, Kebijakan, Pemilih } from '../schema.ts';

// ─── Inputs ──────────────────────────────────────────────────────────────────────────────────────

export interface OrgOpd {
  readonly id: string;
  readonly kode: string;
  readonly nama?: string;
  readonly jenis: JenisOpd;
  readonly indukId: string | null;
  readonly kelasLayanan: KelasLayanan | null;
  readonly sektor: readonly Sektor[];
}

export interface OrgPegawai {
  /** NIP, or id_pegawai for non-ASN */
  readonly key: string;
  readonly nama: string;
  readonly jenisPegawai: JenisPegawai;
  readonly jabatanLevel: JabatanLevel;
  readonly opdId: string;
}

/** The organisation on the day evaluated (as stored "as of" that date). */
export interface OrgSnapshot {
  readonly opd: readonly OrgOpd[];
  readonly pegawai: readonly OrgPegawai[];
}

/** Working days and hours of the Pemda. */
export interface KalenderKerja {
  readonly jamKerja: JamKerja;
  readonly libur: ReadonlyMap<IsoDate, HariLibur>;
}

// ─── Outputs ─────────────────────────────────────────────────────────────────────────────────────

/** Which rule of which policy version. */
export interface RujukanAturan {
  readonly kebijakanId: string;
  readonly versi: number;
  readonly nomor: string;
  readonly judulKebijakan: string;
  readonly aturanId: string;
  readonly judulAturan: string;
}

/**
 * Where a person works that day, as far as policies say:
 * WFO/WFH fixed by a rule; BEBAS = the schedule decides within the caps of `kelompok`; LIBUR = not a working day.
 */
export type Lokasi = 'WFO' | 'WFH' | 'BEBAS' | 'LIBUR';

/** One rule that matched the person, used or set aside, with why. */
export interface Pertimbangan {
  readonly sumber: RujukanAturan;
  readonly jenis: Hasil['jenis'];
  readonly dipakai: boolean;
  readonly alasan: Pesan;
}

export interface MetodeAbsensi {
  readonly metode: 'wajah' | 'elektronik' | 'lokasi_berkala' | 'catatan_admin' | 'tidak_ada';
  readonly setiapJam?: number | undefined;
  readonly dari?: string | undefined;
  readonly sampai?: string | undefined;
  readonly sumber: RujukanAturan | null;
}

export interface KeputusanOrang {
  readonly key: string;
  readonly lokasi: Lokasi;
  /** The rule that decided the location; null when no policy applies (normal office day, or a day off). */
  readonly sumber: RujukanAturan | null;
  readonly penjelasan: Pesan;
  /** Ids of the group constraints (caps, minimums, piket) the person belongs to. */
  readonly kelompok: readonly string[];
  readonly jamKerja: (JamHari & { readonly sumber: RujukanAturan | null }) | null;
  readonly absensi: {
    readonly WFO: MetodeAbsensi;
    readonly WFH: MetodeAbsensi;
    readonly PIKET: MetodeAbsensi;
  };
  readonly kewajibanWfh: {
    readonly suratPernyataan: boolean;
    readonly targetKinerja: boolean;
    readonly tetapDiRumah: boolean;
    readonly laporHarian: boolean;
    readonly sumber: readonly RujukanAturan[];
  };
  readonly pertimbangan: readonly Pertimbangan[];
}

/** A constraint over a group of people on one day. */
export interface KelompokBatasan {
  readonly id: string;
  readonly jenis: 'batas_kantor' | 'minimum_kantor' | 'piket';
  readonly per: 'opd' | 'unit';
  /** kode of the OPD or unit the group is */
  readonly grupKode: string;
  readonly anggota: readonly string[];
  /** batas_kantor: the most at the office (WFO, and PIKET when counted) */
  readonly maks?: number;
  /** batas_kantor: the cap as the policy words it, e.g. "50%" or "10 orang" */
  readonly dasarBatas?: string;
  /** minimum_kantor: the fewest at the office */
  readonly min?: number;
  /** piket: how many on duty, and who may be */
  readonly jumlahPiket?: number;
  readonly bolehPiket?: readonly string[];
  readonly piketDihitung: boolean;
  readonly sumber: RujukanAturan;
  readonly penjelasan: Pesan;
}

export interface EvaluasiHari {
  readonly tanggal: IsoDate;
  readonly hariKerja: boolean;
  readonly keteranganHari: Pesan;
  /** Policy versions in force that day. */
  readonly kebijakan: readonly { id: string; versi: number; nomor: string; judul: string }[];
  readonly orang: ReadonlyMap<string, KeputusanOrang>;
  readonly kelompok: readonly KelompokBatasan[];
  /** Rules that could not be applied that day (e.g. a national cap with no recorded level). */
  readonly peringatan: readonly Pesan[];
}

// ─── Preparation (once per organisation) ─────────────────────────────────────────────────────────

export interface UnitInfo {
  readonly id: string;
  readonly kode: string;
  /** upper-case codes of the unit and all its ancestors */
  readonly garisKode: ReadonlySet<string>;
  /** jenis of the unit and all its ancestors */
  readonly garisJenis: ReadonlySet<JenisOpd>;
  readonly jenis: JenisOpd;
  readonly kelasLayanan: KelasLayanan;
  readonly sektor: ReadonlySet<Sektor>;
  /** kode of the top-level OPD */
  readonly opdIndukKode: string;
}

/** An organisation indexed for evaluation; build once with `prepareOrg`, reuse for every day. */
export interface PreparedOrg {
  readonly units: ReadonlyMap<string, UnitInfo>;
  readonly pegawai: readonly OrgPegawai[];
  readonly byKey: ReadonlyMap<string, OrgPegawai>;
  readonly kodeDikenal: ReadonlySet<string>;
}

/** Indexes units with their ancestors and inherited attributes. */
export function prepareOrg(org: OrgSnapshot): PreparedOrg {
  const eff = resolveInheritance(org.opd.map((o) => ({ ...o, lat: null, lng: null, radiusM: null })));
  const byId = new Map(org.opd.map((o) => [o.id, o]));
  const units = new Map<string, UnitInfo>();
  for (const o of org.opd) {
    const kode = new Set<string>();
    const jenis = new Set<JenisOpd>();
    let cur: OrgOpd | undefined = o;
    const seen = new Set<string>();
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      kode.add(cur.kode.toUpperCase());
      jenis.add(cur.jenis);
      cur = cur.indukId ? byId.get(cur.indukId) : undefined;
    }
    const e = eff.get(o.id)!;
    units.set(o.id, {
      id: o.id,
      kode: o.kode,
      garisKode: kode,
      garisJenis: jenis,
      jenis: o.jenis,
      kelasLayanan: e.kelasLayanan,
      sektor: new Set(e.sektor),
      opdIndukKode: e.opdIndukKode,
    });
  }
  return {
    units,
    pegawai: org.pegawai,
    byKey: new Map(org.pegawai.map((p) => [p.key, p])),
    kodeDikenal: new Set(org.opd.map((o) => o.kode.toUpperCase())),
  };
}

/** Whether a selector picks a person. */
export function cocok(p: Pemilih, orang: OrgPegawai, unit: UnitInfo | undefined): boolean {
  if (p.nip && !p.nip.includes(orang.key)) return false;
  if (p.jabatan_level && !p.jabatan_level.includes(orang.jabatanLevel)) return false;
  if (p.jenis_pegawai && !p.jenis_pegawai.includes(orang.jenisPegawai)) return false;
  if (!unit) return !(p.opd || p.opd_jenis || p.kelas_layanan || p.sektor);
  if (p.opd) {
    const ok = p.termasuk_unit
      ? p.opd.some((k) => unit.garisKode.has(k.toUpperCase()))
      : p.opd.some((k) => k.toUpperCase() === unit.kode.toUpperCase());
    if (!ok) return false;
  }
  if (p.opd_jenis) {
    const ok = p.termasuk_unit
      ? p.opd_jenis.some((j) => unit.garisJenis.has(j))
      : p.opd_jenis.includes(unit.jenis);
    if (!ok) return false;
  }
  if (p.kelas_layanan && !p.kelas_layanan.includes(unit.kelasLayanan)) return false;
  if (p.sektor && !p.sektor.some((s) => unit.sektor.has(s))) return false;
  return true;
}

/** The selectors of a rule (a list means any of them). */
export function pemilihAturan(a: Aturan): readonly Pemilih[] {
  return Array.isArray(a.pilih) ? a.pilih : [a.pilih];
}

/** Whether a rule picks a person: any of its selectors matches, and none of its exceptions. */
export function dipilih(a: Aturan, orang: OrgPegawai, unit: UnitInfo | undefined): boolean {
  return pemilihAturan(a).some((p) => cocok(p, orang, unit)) && !a.kecuali.some((k) => cocok(k, orang, unit));
}

export function dalamCakupan(k: Kebijakan, unit: UnitInfo | undefined): boolean {
  if ('semua' in k.cakupan) return true;
  return unit !== undefined && k.cakupan.opd.some((c) => unit.garisKode.has(c.toUpperCase()));
}

// ─── Which policies apply on a day ───────────────────────────────────────────────────────────────

/** The newest active version of each policy (drafts, revoked and superseded versions never apply). */
export function versiBerlaku(kebijakan: readonly Kebijakan[]): Kebijakan[] {
  const best = new Map<string, Kebijakan>();
  for (const k of kebijakan) {
    if (k.status !== 'aktif') continue;
    const cur = best.get(k.id);
    if (!cur || k.versi > cur.versi) best.set(k.id, k);
  }
  return [...best.values()].sort((a, b) => bandingTeks(a.id, b.id));
}

/** Whether a date is a working day for the Pemda, and why not. */
export function hariKerja(tanggal: IsoDate, kal: KalenderKerja): InfoHari {
  const libur = kal.libur.get(tanggal) ?? null;
  const akhirPekan = kal.jamKerja[String(isoWeekday(tanggal)) as keyof JamKerja] === undefined;
  if (libur) {
    const j =
      libur.jenis === 'cuti_bersama' ? ['cuti bersama', 'collective leave'] : ['hari libur', 'holiday'];
    return {
      kerja: false,
      akhirPekan,
      libur,
      keterangan: pesan(`${j[0]}: ${libur.nama}`, `${j[1]}: ${libur.nama}`),
    };
  }
  if (akhirPekan) {
    return {
      kerja: false,
      akhirPekan,
      libur,
      keterangan: pesan('bukan hari kerja (akhir pekan)', 'not a working day (weekend)'),
    };
  }
  return { kerja: true, akhirPekan, libur, keterangan: pesan('hari kerja', 'working day') };
}

/** What kind of day a date is for the Pemda. */
export interface InfoHari {
  /** a working day: a weekday with hours, and no holiday or cuti bersama */
  readonly kerja: boolean;
  /** a day of the week without working hours (Saturday, Sunday by default) */
  readonly akhirPekan: boolean;
  /** the holiday or cuti bersama on that date, if any */
  readonly libur: HariLibur | null;
  readonly keterangan: Pesan;
}

/**
 * Whether a policy's validity covers a date: within its dates; on a weekend only when
 * `hari_kerja_saja` is false; on a holiday or cuti bersama only when `termasuk_libur` is true.
 */
export function berlakuPada(k: Kebijakan, tanggal: IsoDate, hari: InfoHari): boolean {
  const b = k.berlaku;
  const inDates = b.tanggal
    ? b.tanggal.includes(tanggal)
    : tanggal >= b.dari! && (b.sampai === undefined || tanggal <= b.sampai);
  if (!inDates) return false;
  if (hari.akhirPekan && b.hari_kerja_saja) return false;
  if (hari.libur && !b.termasuk_libur) return false;
  return true;
}

// ─── Evaluation ──────────────────────────────────────────────────────────────────────────────────

export const LOKASI_KINDS = new Set<Hasil['jenis']>(['wfo', 'wfh', 'penutupan_kantor', 'batas_kantor']);

const RUJUKAN = new WeakMap<Aturan, RujukanAturan>();
/** The reference to a rule of a policy version: one object per rule (a day's decisions share it). */
export function rujukanAturan(k: Kebijakan, a: Aturan): RujukanAturan {
  const ada = RUJUKAN.get(a);
  if (ada && ada.kebijakanId === k.id && ada.versi === k.versi) return ada;
  const r: RujukanAturan = {
    kebijakanId: k.id,
    versi: k.versi,
    nomor: k.nomor,
    judulKebijakan: k.judul,
    aturanId: a.id,
    judulAturan: a.judul,
  };
  RUJUKAN.set(a, r);
  return r;
}

export function sebut(r: RujukanAturan): Pesan {
  return pesan(
    `aturan "${r.judulAturan}" (${r.aturanId}) dalam ${r.judulKebijakan} No. ${r.nomor} versi ${r.versi}`,
    `rule "${r.judulAturan}" (${r.aturanId}) of ${r.judulKebijakan} No. ${r.nomor} version ${r.versi}`,
  );
}

/** How strict a location outcome is: less office presence is stricter. */
export function keketatan(h: Hasil, fraksi: number): number {
  switch (h.jenis) {
    case 'penutupan_kantor':
      return 4;
    case 'wfh':
      return 3;
    case 'batas_kantor':
      return 2 + (1 - fraksi); // a lower cap is stricter
    default:
      return 1;
  }
}

/** Rounds a head count; a tolerance absorbs float error (58% of 25 is 14.5, not 14.499…). Never -0. */
export function bulat(x: number, cara: 'bawah' | 'atas' | 'terdekat'): number {
  const eps = 1e-9;
  const r =
    cara === 'bawah' ? Math.floor(x + eps) : cara === 'atas' ? Math.ceil(x - eps) : Math.floor(x + 0.5 + eps);
  return r === 0 ? 0 : r;
}

export interface Cocokan {
  readonly k: Kebijakan;
  readonly a: Aturan;
  readonly urutanKebijakan: number;
}

export const DEFAULT_ABSENSI = (jenis: 'WFO' | 'WFH' | 'PIKET'): MetodeAbsensi => ({
  metode: jenis === 'WFH' ? 'catatan_admin' : 'elektronik',
  sumber: null,
});

/**
 * Evaluates every person on one day: the location each policy rule gives them (with its rule and an
 * explanation), the group constraints (caps, minimums, piket), hours, attendance methods and duties.
 * Pure and deterministic: the same inputs give the same result.
 */

export function s0(r: RujukanAturan | null): Pesan {
  return r ? sebut(r) : pesan('-', '-');
}

export function kosong(
  key: string,
  lokasi: Lokasi,
  penjelasan: Pesan,
  sumber: RujukanAturan | null,
): KeputusanOrang {
  return {
    key,
    lokasi,
    sumber,
    penjelasan,
    kelompok: [],
    jamKerja: null,
    absensi: { WFO: DEFAULT_ABSENSI('WFO'), WFH: DEFAULT_ABSENSI('WFH'), PIKET: DEFAULT_ABSENSI('PIKET') },
    kewajibanWfh: {
      suratPernyataan: false,
      targetKinerja: false,
      tetapDiRumah: false,
      laporHarian: false,
      sumber: [],
    },
    pertimbangan: [],
  };
}
