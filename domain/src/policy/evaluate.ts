import { formatTanggal, type IsoDate, isoWeekday } from '../calendar/dates.ts';
import type { HariLibur, JamHari, JamKerja } from '../calendar/work-hours.ts';
import { type Pesan, pesan } from '../i18n/message.ts';
import { resolveInheritance } from '../org/tree.ts';
import type { JabatanLevel, JenisOpd, JenisPegawai, KelasLayanan, Sektor } from '../org/types.ts';
import { bandingTeks } from '../urutan.ts';
import { batasNasional, type KonteksWilayah, konteksPada } from './national.ts';
import type { Aturan, Hasil, Kebijakan, Pemilih } from './schema.ts';

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

function dalamCakupan(k: Kebijakan, unit: UnitInfo | undefined): boolean {
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

const LOKASI_KINDS = new Set<Hasil['jenis']>(['wfo', 'wfh', 'penutupan_kantor', 'batas_kantor']);

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

function sebut(r: RujukanAturan): Pesan {
  return pesan(
    `aturan "${r.judulAturan}" (${r.aturanId}) dalam ${r.judulKebijakan} No. ${r.nomor} versi ${r.versi}`,
    `rule "${r.judulAturan}" (${r.aturanId}) of ${r.judulKebijakan} No. ${r.nomor} version ${r.versi}`,
  );
}

/** How strict a location outcome is: less office presence is stricter. */
function keketatan(h: Hasil, fraksi: number): number {
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
function bulat(x: number, cara: 'bawah' | 'atas' | 'terdekat'): number {
  const eps = 1e-9;
  const r =
    cara === 'bawah' ? Math.floor(x + eps) : cara === 'atas' ? Math.ceil(x - eps) : Math.floor(x + 0.5 + eps);
  return r === 0 ? 0 : r;
}

interface Cocokan {
  readonly k: Kebijakan;
  readonly a: Aturan;
  readonly urutanKebijakan: number;
}

const DEFAULT_ABSENSI = (jenis: 'WFO' | 'WFH' | 'PIKET'): MetodeAbsensi => ({
  metode: jenis === 'WFH' ? 'catatan_admin' : 'elektronik',
  sumber: null,
});

/**
 * Evaluates every person on one day: the location each policy rule gives them (with its rule and an
 * explanation), the group constraints (caps, minimums, piket), hours, attendance methods and duties.
 * Pure and deterministic: the same inputs give the same result.
 */
export function evaluateDay(
  kebijakanSemua: readonly Kebijakan[],
  org: PreparedOrg,
  tanggal: IsoDate,
  kal: KalenderKerja,
  konteks: readonly KonteksWilayah[] = [],
): EvaluasiHari {
  const hk = hariKerja(tanggal, kal);
  const aktif = versiBerlaku(kebijakanSemua).filter((k) => berlakuPada(k, tanggal, hk));
  const jamDefault = kal.jamKerja[String(isoWeekday(tanggal)) as keyof JamKerja] ?? null;
  const peringatan: Pesan[] = [];
  const kons = konteksPada(konteks, tanggal);

  // Resolve national caps once per rule for the day.
  const persenNasional = new Map<string, number | null>();
  for (const k of aktif) {
    for (const a of k.aturan) {
      if (a.hasil.jenis === 'batas_kantor' && 'menurut' in a.hasil.maks) {
        const m = a.hasil.maks.menurut;
        const r = batasNasional(m.instrumen, m.kategori, m.wilayah, kons);
        persenNasional.set(`${k.id}:${a.id}`, r.persen);
        if (r.persen === null) {
          peringatan.push(
            pesan(
              `${sebut(rujukanAturan(k, a)).id} tidak dapat diterapkan pada ${tanggal}: ${r.alasan.id}`,
              `${sebut(rujukanAturan(k, a)).en} cannot be applied on ${tanggal}: ${r.alasan.en}`,
            ),
          );
        }
      }
    }
  }
  const fraksiBatas = (k: Kebijakan, a: Aturan): number | null => {
    if (a.hasil.jenis !== 'batas_kantor') return null;
    const m = a.hasil.maks;
    if ('persen' in m) return m.persen / 100;
    if ('jumlah' in m) return null; // absolute count: strictness compared as 0.5
    return (persenNasional.get(`${k.id}:${a.id}`) ?? null) === null
      ? null
      : persenNasional.get(`${k.id}:${a.id}`)! / 100;
  };
  const batasTakTerapkan = (k: Kebijakan, a: Aturan) =>
    a.hasil.jenis === 'batas_kantor' &&
    'menurut' in a.hasil.maks &&
    persenNasional.get(`${k.id}:${a.id}`) === null;
  const penutupanHariIni = (a: Aturan) =>
    a.hasil.jenis !== 'penutupan_kantor' ||
    a.hasil.tanggal === undefined ||
    a.hasil.tanggal.includes(tanggal);

  const orang = new Map<string, KeputusanOrang>();
  // Group members: key = ruleRef + group code
  const grup = new Map<string, { id: string; g: Grup }>();
  type Grup = {
    k: Kebijakan;
    a: Aturan;
    per: 'opd' | 'unit';
    kode: string;
    anggota: string[];
    boleh: string[];
  };
  /** The group of a rule for a unit (created on first use) and its id — the same string for every member. */
  const grupOf = (k: Kebijakan, a: Aturan, per: 'opd' | 'unit', unit: UnitInfo): [string, Grup] => {
    const kode = per === 'opd' ? unit.opdIndukKode : unit.kode;
    const id = `${k.id}@${k.versi}:${a.id}:${kode}`;
    const ada = grup.get(id);
    if (ada) return [ada.id, ada.g];
    const g: Grup = { k, a, per, kode, anggota: [], boleh: [] };
    grup.set(id, { id, g });
    return [id, g];
  };

  // The messages of a day's decisions, one object per distinct text: profiles share them.
  const pesanHari = new Map<string, Pesan>();
  const psn = (id: string, en: string): Pesan => {
    const k = `${id}\u0000${en}`;
    let m = pesanHari.get(k);
    if (!m) {
      m = pesan(id, en);
      pesanHari.set(k, m);
    }
    return m;
  };

  // People with the same unit, level and type get the same decision (unless a selector names people):
  // decide once per profile and share it. This keeps a month for a whole Pemda fast.
  type GroupAdd = { k: Kebijakan; a: Aturan; per: 'opd' | 'unit'; boleh: boolean };
  const decide = (
    p: OrgPegawai,
    unit: UnitInfo | undefined,
  ): { shared: KeputusanOrang; adds: GroupAdd[] } => {
    const pertimbangan: Pertimbangan[] = [];
    const adds: GroupAdd[] = [];
    if (!hk.kerja && aktif.length === 0) {
      return {
        shared: kosong(
          p.key,
          'LIBUR',
          psn(`Tidak bekerja: ${hk.keterangan.id}`, `Not working: ${hk.keterangan.en}`),
          null,
        ),
        adds,
      };
    }
    // Rules that pick this person, per policy, in document order.
    const cocokan: Cocokan[] = [];
    aktif.forEach((k, i) => {
      if (!dalamCakupan(k, unit)) return;
      for (const a of k.aturan) if (dipilih(a, p, unit)) cocokan.push({ k, a, urutanKebijakan: i });
    });

    // Location: per policy the first location-kind rule that applies today; across policies the
    // higher standing wins, then the stricter outcome.
    const perKebijakan: Cocokan[] = [];
    for (const k of aktif) {
      // A closure that applies today sends its people home whatever the rule order; otherwise the
      // first location rule in document order decides.
      const first =
        cocokan.find((c) => c.k === k && c.a.hasil.jenis === 'penutupan_kantor' && penutupanHariIni(c.a)) ??
        cocokan.find(
          (c) =>
            c.k === k &&
            LOKASI_KINDS.has(c.a.hasil.jenis) &&
            c.a.hasil.jenis !== 'penutupan_kantor' &&
            !batasTakTerapkan(c.k, c.a),
        );
      if (first) perKebijakan.push(first);
      for (const c of cocokan) {
        if (c.k !== k || !LOKASI_KINDS.has(c.a.hasil.jenis) || c === first) continue;
        const alasan = !penutupanHariIni(c.a)
          ? psn(`penutupan tidak berlaku pada ${tanggal}`, `the closure does not apply on ${tanggal}`)
          : batasTakTerapkan(c.k, c.a)
            ? psn('batas nasional tidak diketahui hari ini', 'the national cap is unknown today')
            : first!.a.hasil.jenis === 'penutupan_kantor'
              ? psn(
                  `kantor ditutup hari ini oleh ${sebut(rujukanAturan(first!.k, first!.a)).id}`,
                  `the office is closed today by ${sebut(rujukanAturan(first!.k, first!.a)).en}`,
                )
              : psn(
                  `didahului ${sebut(rujukanAturan(first!.k, first!.a)).id} (urutan aturan)`,
                  `preceded by ${sebut(rujukanAturan(first!.k, first!.a)).en} (rule order)`,
                );
        pertimbangan.push({
          sumber: rujukanAturan(c.k, c.a),
          jenis: c.a.hasil.jenis,
          dipakai: false,
          alasan,
        });
      }
    }
    perKebijakan.sort(
      (x, y) =>
        y.k.kedudukan - x.k.kedudukan ||
        keketatan(y.a.hasil, fraksiBatas(y.k, y.a) ?? 0.5) -
          keketatan(x.a.hasil, fraksiBatas(x.k, x.a) ?? 0.5) ||
        x.urutanKebijakan - y.urutanKebijakan,
    );
    const menang = perKebijakan[0];
    let lokasi: Lokasi;
    let sumber: RujukanAturan | null = null;
    let penjelasan: Pesan;
    if (!menang) {
      if (!hk.kerja) {
        lokasi = 'LIBUR';
        penjelasan = psn(`Tidak bekerja: ${hk.keterangan.id}`, `Not working: ${hk.keterangan.en}`);
      } else {
        lokasi = 'WFO';
        penjelasan =
          aktif.length === 0
            ? psn(
                'Tidak ada kebijakan yang berlaku: bekerja di kantor seperti biasa',
                'No policy applies: working at the office as usual',
              )
            : psn(
                'Tidak ada aturan kebijakan yang berlaku bagi pegawai ini: bekerja di kantor seperti biasa',
                'No policy rule applies to this employee: working at the office as usual',
              );
      }
    } else {
      sumber = rujukanAturan(menang.k, menang.a);
      const h = menang.a.hasil;
      const s = sebut(sumber);
      if (h.jenis === 'wfo') {
        lokasi = 'WFO';
        penjelasan = psn(
          `Bekerja di kantor (WFO) menurut ${s.id}`,
          `Works at the office (WFO) under ${s.en}`,
        );
      } else if (h.jenis === 'wfh') {
        lokasi = 'WFH';
        penjelasan = psn(`Bekerja dari rumah (WFH) menurut ${s.id}`, `Works from home (WFH) under ${s.en}`);
      } else if (h.jenis === 'penutupan_kantor') {
        lokasi = 'WFH';
        penjelasan = psn(
          `Kantor ditutup (${h.alasan}); bekerja dari rumah menurut ${s.id}`,
          `Office closed (${h.alasan}); works from home under ${s.en}`,
        );
      } else {
        lokasi = 'BEBAS';
        const asnOnly = h.jenis === 'batas_kantor' && h.penyebut === 'asn_terpilih';
        const anggota = !asnOnly || p.jenisPegawai !== 'non_asn';
        if (unit && h.jenis === 'batas_kantor' && anggota)
          adds.push({ k: menang.k, a: menang.a, per: h.per, boleh: true });
        penjelasan = psn(
          `Kantor atau rumah menurut jadwal, dalam batas ${s.id}`,
          `Office or home by the schedule, within the cap of ${s.en}`,
        );
      }
      pertimbangan.unshift({
        sumber,
        jenis: menang.a.hasil.jenis,
        dipakai: true,
        alasan: psn('menentukan lokasi kerja', 'decides the work location'),
      });
      // Caps of other policies at the same standing also hold (all must be met: the stricter wins).
      for (const c of perKebijakan.slice(1)) {
        const sameStanding = c.k.kedudukan === menang.k.kedudukan;
        if (sameStanding && c.a.hasil.jenis === 'batas_kantor' && lokasi === 'BEBAS' && unit) {
          // Like the deciding cap: a cap over ASN only does not count non-ASN staff.
          if (c.a.hasil.penyebut !== 'asn_terpilih' || p.jenisPegawai !== 'non_asn') {
            adds.push({ k: c.k, a: c.a, per: c.a.hasil.per, boleh: true });
          }
          pertimbangan.push({
            sumber: rujukanAturan(c.k, c.a),
            jenis: c.a.hasil.jenis,
            dipakai: true,
            alasan: psn(
              'batas ini juga berlaku (semua batas harus dipenuhi)',
              'this cap also holds (all caps must be met)',
            ),
          });
        } else {
          pertimbangan.push({
            sumber: rujukanAturan(c.k, c.a),
            jenis: c.a.hasil.jenis,
            dipakai: false,
            alasan: sameStanding
              ? psn(
                  `kalah oleh yang lebih ketat: ${s0(sumber).id}`,
                  `set aside for the stricter: ${s0(sumber).en}`,
                )
              : psn(
                  `kalah oleh kebijakan berkedudukan lebih tinggi: ${s0(sumber).id}`,
                  `set aside for a policy of higher standing: ${s0(sumber).en}`,
                ),
          });
        }
      }
    }

    // Other kinds: per policy the first matching rule of each kind.
    const pertamaPerJenis = (jenis: Hasil['jenis']) => {
      const out: Cocokan[] = [];
      for (const k of aktif) {
        const c = cocokan.find((x) => x.k === k && x.a.hasil.jenis === jenis);
        if (c) out.push(c);
      }
      return out.sort(
        (x, y) =>
          y.k.kedudukan - x.k.kedudukan ||
          (y.k.tanggal > x.k.tanggal ? 1 : y.k.tanggal < x.k.tanggal ? -1 : 0),
      );
    };
    for (const c of pertamaPerJenis('minimum_kantor')) {
      if (unit && c.a.hasil.jenis === 'minimum_kantor')
        adds.push({ k: c.k, a: c.a, per: c.a.hasil.per, boleh: true });
      pertimbangan.push({
        sumber: rujukanAturan(c.k, c.a),
        jenis: 'minimum_kantor',
        dipakai: true,
        alasan: psn('minimum di kantor', 'office minimum'),
      });
    }
    for (const c of pertamaPerJenis('piket')) {
      if (unit && c.a.hasil.jenis === 'piket') {
        const boleh = lokasi !== 'LIBUR' && (c.a.hasil.boleh ? cocok(c.a.hasil.boleh, p, unit) : true);
        adds.push({ k: c.k, a: c.a, per: c.a.hasil.per, boleh: boleh });
        pertimbangan.push({
          sumber: rujukanAturan(c.k, c.a),
          jenis: 'piket',
          dipakai: true,
          alasan: boleh
            ? psn('dapat ditunjuk sebagai piket', 'may be appointed on duty (piket)')
            : psn('anggota kelompok piket, tidak boleh ditunjuk', 'in the piket group, not eligible'),
        });
      }
    }
    const jamC = pertamaPerJenis('jam_kerja')[0];
    let jamKerja: KeputusanOrang['jamKerja'] = jamDefault ? { ...jamDefault, sumber: null } : null;
    if (jamC && jamC.a.hasil.jenis === 'jam_kerja' && lokasi !== 'LIBUR') {
      const h = jamC.a.hasil;
      if (!h.hari || h.hari.includes(isoWeekday(tanggal))) {
        jamKerja = {
          mulai: h.mulai,
          selesai: h.selesai,
          istirahatMenit: h.istirahat_menit,
          sumber: rujukanAturan(jamC.k, jamC.a),
        };
      }
    }
    if (lokasi === 'LIBUR') jamKerja = null;
    const absC = pertamaPerJenis('absensi');
    const metode = (status: 'wfo' | 'wfh' | 'piket', label: 'WFO' | 'WFH' | 'PIKET'): MetodeAbsensi => {
      const c = absC.find((x) => x.a.hasil.jenis === 'absensi' && x.a.hasil[status] !== undefined);
      if (c?.a.hasil.jenis !== 'absensi') return DEFAULT_ABSENSI(label);
      const h = c.a.hasil;
      return {
        metode: h[status]!,
        setiapJam: h[status] === 'lokasi_berkala' ? h.lokasi_setiap_jam : undefined,
        dari: h[status] === 'lokasi_berkala' ? (h.lokasi_dari ?? jamKerja?.mulai) : undefined,
        sampai: h[status] === 'lokasi_berkala' ? (h.lokasi_sampai ?? jamKerja?.selesai) : undefined,
        sumber: rujukanAturan(c.k, c.a),
      };
    };
    const kw = pertamaPerJenis('kewajiban_wfh');
    const flag = (f: 'surat_pernyataan' | 'target_kinerja' | 'tetap_di_rumah' | 'lapor_harian') =>
      kw.some((c) => c.a.hasil.jenis === 'kewajiban_wfh' && c.a.hasil[f]);
    const shared: KeputusanOrang = {
      key: p.key,
      lokasi,
      sumber,
      penjelasan,
      kelompok: [],
      jamKerja,
      absensi: { WFO: metode('wfo', 'WFO'), WFH: metode('wfh', 'WFH'), PIKET: metode('piket', 'PIKET') },
      kewajibanWfh: {
        suratPernyataan: flag('surat_pernyataan'),
        targetKinerja: flag('target_kinerja'),
        tetapDiRumah: flag('tetap_di_rumah'),
        laporHarian: flag('lapor_harian'),
        sumber: kw.map((c) => rujukanAturan(c.k, c.a)),
      },
      pertimbangan,
    };
    return { shared, adds };
  };
  const menamai = aktif.some((k) =>
    k.aturan.some(
      (a) =>
        pemilihAturan(a).some((x) => x.nip) ||
        a.kecuali.some((x) => x.nip) ||
        (a.hasil.jenis === 'piket' && a.hasil.boleh?.nip),
    ),
  );
  // A profile's groups and their ids are shared by its people too (one array, one string per group): a
  // Pemda-wide month keeps one small object per person-day.
  type Profil = {
    shared: KeputusanOrang;
    grup: readonly { g: Grup; boleh: boolean }[];
    kelompok: readonly string[];
  };
  const memo = new Map<string, Profil>();
  for (const p of org.pegawai) {
    const unit = org.units.get(p.opdId);
    const profil = menamai ? p.key : `${p.opdId}|${p.jabatanLevel}|${p.jenisPegawai}`;
    let m = memo.get(profil);
    if (!m) {
      const d = decide(p, unit);
      const ref = unit ? d.adds.map((x) => ({ ref: grupOf(x.k, x.a, x.per, unit), boleh: x.boleh })) : [];
      m = {
        shared: d.shared,
        grup: ref.map((x) => ({ g: x.ref[1], boleh: x.boleh })),
        kelompok: ref.map((x) => x.ref[0]),
      };
      memo.set(profil, m);
    }
    for (const x of m.grup) {
      x.g.anggota.push(p.key);
      if (x.boleh) x.g.boleh.push(p.key);
    }
    const kelompok = m.kelompok;
    orang.set(
      p.key,
      m.shared.key === p.key && kelompok.length === 0 ? m.shared : { ...m.shared, key: p.key, kelompok },
    );
  }

  const kelompok: KelompokBatasan[] = [];
  for (const { id, g } of grup.values()) {
    const h = g.a.hasil;
    const src = rujukanAturan(g.k, g.a);
    const n = g.anggota.length;
    if (h.jenis === 'batas_kantor') {
      const m = h.maks;
      const maks =
        'jumlah' in m
          ? Math.min(m.jumlah, n)
          : bulat(
              (('persen' in m ? m.persen : (persenNasional.get(`${g.k.id}:${g.a.id}`) ?? 100)) / 100) * n,
              h.pembulatan,
            );
      const dasar =
        'persen' in m
          ? `${m.persen}%`
          : 'jumlah' in m
            ? `${m.jumlah} orang`
            : `${persenNasional.get(`${g.k.id}:${g.a.id}`)}% (${m.menurut.instrumen})`;
      kelompok.push({
        id,
        jenis: 'batas_kantor',
        per: g.per,
        grupKode: g.kode,
        anggota: g.anggota,
        maks,
        dasarBatas: dasar,
        piketDihitung: h.piket_dihitung,
        sumber: src,
        penjelasan: pesan(
          `Paling banyak ${maks} dari ${n} orang di kantor (${dasar}, dibulatkan ke ${h.pembulatan}) di ${g.kode}`,
          `At most ${maks} of ${n} people at the office (${dasar}, rounded ${h.pembulatan === 'bawah' ? 'down' : h.pembulatan === 'atas' ? 'up' : 'to nearest'}) in ${g.kode}`,
        ),
      });
    } else if (h.jenis === 'minimum_kantor') {
      const min =
        'jumlah' in h.min ? Math.min(h.min.jumlah, n) : bulat((h.min.persen / 100) * n, h.pembulatan);
      kelompok.push({
        id,
        jenis: 'minimum_kantor',
        per: g.per,
        grupKode: g.kode,
        anggota: g.anggota,
        min,
        piketDihitung: true,
        sumber: src,
        penjelasan: pesan(
          `Paling sedikit ${min} dari ${n} orang di kantor di ${g.kode}`,
          `At least ${min} of ${n} people at the office in ${g.kode}`,
        ),
      });
    } else if (h.jenis === 'piket') {
      kelompok.push({
        id,
        jenis: 'piket',
        per: g.per,
        grupKode: g.kode,
        anggota: g.anggota,
        jumlahPiket: h.jumlah,
        bolehPiket: g.boleh,
        piketDihitung: true,
        sumber: src,
        penjelasan: pesan(
          `${h.jumlah} orang piket per hari di ${g.kode} (${g.boleh.length} orang boleh ditunjuk)`,
          `${h.jumlah} on duty (piket) per day in ${g.kode} (${g.boleh.length} eligible)`,
        ),
      });
    }
  }
  kelompok.sort((a, b) => bandingTeks(a.id, b.id));
  return {
    tanggal,
    hariKerja: hk.kerja,
    keteranganHari: pesan(
      `${formatTanggal(tanggal, 'id')}: ${hk.keterangan.id}`,
      `${formatTanggal(tanggal, 'en')}: ${hk.keterangan.en}`,
    ),
    kebijakan: aktif.map((k) => ({ id: k.id, versi: k.versi, nomor: k.nomor, judul: k.judul })),
    orang,
    kelompok,
    peringatan,
  };
}

function s0(r: RujukanAturan | null): Pesan {
  return r ? sebut(r) : pesan('-', '-');
}

function kosong(
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
