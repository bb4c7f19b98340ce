// Synthetic Pemda, policies and absences for bench/jadwal, bench/kebijakan and the golden test of the
// solver and the policy evaluation (roster/golden.test.ts). Not part of the domain's API (index.ts does
// not export it); the bench imports it as `@sigap/domain/testing/instances`. Everything goes through the
// domain's own policy evaluation (validateKebijakan → prepareOrg → evaluateDay), so the instances have
// exactly the shape the server hands to solveJadwal: caps, piket and minimum groups as evaluateDay builds
// them. Pure and deterministic: the same spec gives the same instance.

import type { Ketidakhadiran, MasukanJadwal } from '../jadwal/solve.ts';
import { addDays, type IsoDate, isoWeekday } from '../kalender/dates.ts';
import { JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import {
  type EvaluasiHari,
  evaluateDay,
  type KalenderKerja,
  type OrgOpd,
  type OrgPegawai,
  type OrgSnapshot,
  type PreparedOrg,
  prepareOrg,
} from '../kebijakan/evaluate.ts';
import { validateKebijakan } from '../kebijakan/parse.ts';
import type { Kebijakan } from '../kebijakan/schema.ts';
import type { JabatanLevel, JenisOpd, JenisPegawai, KelasLayanan, Sektor } from '../org/types.ts';

/** mulberry32: a small deterministic PRNG in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` consecutive working days (Monday–Friday) from `from`. */
export function workingDays(from: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; out.length < n; d = addDays(d, 1)) if (isoWeekday(d) <= 5) out.push(d);
  return out;
}

export interface OrgSpec {
  readonly people: number;
  readonly opd: number;
  /** units (bidang) under each OPD; people of the OPD are spread over the OPD itself and its units */
  readonly unitsPerOpd: number;
  readonly seed: number;
}

/**
 * A Pemda of `opd` OPDs, alternately pelayanan and non_pelayanan, each with `unitsPerOpd` units. The first
 * person of each OPD is its head (jpt), the first of each unit its administrator; the rest pengawas,
 * fungsional and pelaksana; 75% PNS, 14% PPPK, 6% PPPK paruh waktu, 5% non-ASN.
 */
export function makeOrg(s: OrgSpec): OrgSnapshot {
  const rnd = rng(s.seed);
  const opd: OrgOpd[] = [];
  const unitsOf: string[][] = [];
  for (let i = 0; i < s.opd; i++) {
    const kode = `OPD${i + 1}`;
    opd.push({
      id: kode,
      kode,
      nama: kode,
      jenis: 'dinas',
      indukId: null,
      kelasLayanan: i % 2 === 0 ? 'pelayanan' : 'non_pelayanan',
      sektor: [],
    });
    const units = [kode];
    for (let j = 0; j < s.unitsPerOpd; j++) {
      const u = `${kode}-B${j + 1}`;
      opd.push({ id: u, kode: u, nama: u, jenis: 'lainnya', indukId: kode, kelasLayanan: null, sektor: [] });
      units.push(u);
    }
    unitsOf.push(units);
  }
  const pegawai: OrgPegawai[] = [];
  const perOpd = Math.floor(s.people / s.opd);
  const seen = new Set<string>();
  for (let i = 0; i < s.opd; i++) {
    const units = unitsOf[i]!;
    const count = i === s.opd - 1 ? s.people - perOpd * (s.opd - 1) : perOpd;
    for (let j = 0; j < count; j++) {
      // The head sits in the OPD's own office; the rest round-robin over the office and its units.
      const unit = units[j % units.length]!;
      const r = rnd();
      const jenis: JenisPegawai =
        r < 0.75 ? 'pns' : r < 0.89 ? 'pppk' : r < 0.95 ? 'pppk_paruh_waktu' : 'non_asn';
      let level: JabatanLevel;
      if (j === 0) level = 'jpt';
      else if (!seen.has(unit)) level = 'administrator';
      else {
        const q = rnd();
        level = q < 0.1 ? 'pengawas' : q < 0.35 ? 'fungsional' : 'pelaksana';
      }
      seen.add(unit);
      const n = pegawai.length;
      pegawai.push({
        key: `P${String(n).padStart(6, '0')}`,
        nama: `Pegawai ${n}`,
        jenisPegawai: level === 'jpt' || level === 'administrator' ? 'pns' : jenis,
        jabatanLevel: level,
        opdId: unit,
      });
    }
  }
  return { opd, pegawai };
}

export interface KebijakanSpec {
  /** cap per unit, % of the ASN it selects */
  readonly capUnit: { readonly persen: number; readonly pembulatan: 'bawah' | 'atas' | 'terdekat' };
  readonly piketDihitung: boolean;
  readonly piket: { readonly jumlah: number; readonly per: 'opd' | 'unit' } | null;
  /** minimum at the office in pelayanan OPDs, % of the people it selects (rounded up) */
  readonly minimum: { readonly persen: number; readonly per: 'opd' | 'unit' } | null;
  /** a second circular at the same standing: a cap per OPD over pengawas, fungsional and pelaksana */
  readonly capOpd: { readonly persen: number } | null;
}

function kebijakan(doc: Record<string, unknown>): Kebijakan {
  const r = validateKebijakan(doc);
  if (!r.ok) throw new Error(r.masalah.map((m) => `${m.jalur}: ${m.pesan.en}`).join('; '));
  return r.kebijakan;
}

/**
 * Circular A: heads and administrators WFO; PPPK paruh waktu WFH; everyone else within a cap per unit;
 * piket from the PNS/PPPK (paruh waktu included: they may be called in from home); a minimum in
 * pelayanan OPDs. Circular B (optional, same standing): a cap per OPD that also holds.
 */
export function makeKebijakan(s: KebijakanSpec, from: IsoDate, to: IsoDate): Kebijakan[] {
  const head = {
    versi: 1,
    jenis_dokumen: 'surat_edaran',
    nomor: '800/1/2031',
    tanggal: from,
    penandatangan: { jabatan: 'Sekretaris Daerah' },
    status: 'aktif',
    berlaku: { dari: from, sampai: to },
  };
  const aturan: unknown[] = [
    {
      id: 'pimpinan-wfo',
      judul: 'Pimpinan tetap di kantor',
      pilih: { jabatan_level: ['jpt', 'administrator'] },
      hasil: { jenis: 'wfo' },
    },
    {
      id: 'paruh-waktu-wfh',
      judul: 'PPPK paruh waktu bekerja dari rumah',
      pilih: { jenis_pegawai: ['pppk_paruh_waktu'] },
      hasil: { jenis: 'wfh' },
    },
    {
      id: 'batas-unit',
      judul: 'Batas di kantor per unit',
      pilih: { semua: true },
      hasil: {
        jenis: 'batas_kantor',
        maks: { persen: s.capUnit.persen },
        per: 'unit',
        penyebut: 'asn_terpilih',
        pembulatan: s.capUnit.pembulatan,
        piket_dihitung: s.piketDihitung,
      },
    },
  ];
  if (s.piket)
    aturan.push({
      id: 'piket',
      judul: 'Piket harian',
      pilih: { semua: true },
      hasil: {
        jenis: 'piket',
        jumlah: s.piket.jumlah,
        per: s.piket.per,
        boleh: { jenis_pegawai: ['pns', 'pppk', 'pppk_paruh_waktu'] },
      },
    });
  if (s.minimum)
    aturan.push({
      id: 'minimum-layanan',
      judul: 'Minimum di kantor untuk pelayanan',
      pilih: { kelas_layanan: ['pelayanan'] },
      hasil: { jenis: 'minimum_kantor', min: { persen: s.minimum.persen }, per: s.minimum.per },
    });
  const out = [kebijakan({ ...head, id: 'bench-roster-a', judul: 'Sistem kerja (bench A)', aturan })];
  if (s.capOpd)
    out.push(
      kebijakan({
        ...head,
        id: 'bench-roster-b',
        judul: 'Batas per OPD (bench B)',
        aturan: [
          {
            id: 'batas-opd',
            judul: 'Batas di kantor per OPD',
            pilih: { jabatan_level: ['pengawas', 'fungsional', 'pelaksana'] },
            hasil: { jenis: 'batas_kantor', maks: { persen: s.capOpd.persen }, per: 'opd' },
          },
        ],
      }),
    );
  return out;
}

export const KALENDER: KalenderKerja = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur: new Map() };

export function evaluateDays(kebijakan: readonly Kebijakan[], org: PreparedOrg, days: readonly IsoDate[]) {
  return days.map((d): EvaluasiHari => evaluateDay(kebijakan, org, d, KALENDER));
}

const KINDS: readonly Ketidakhadiran[] = ['CUTI', 'SAKIT', 'ISOLASI'];

/**
 * Absences: each person-day absent with probability `p`, and `longLeave` people on leave for a block of
 * consecutive days (a third to a half of the period).
 */
export function makeAbsences(
  people: readonly string[],
  days: readonly IsoDate[],
  p: number,
  longLeave: number,
  seed: number,
): Map<string, Map<IsoDate, Ketidakhadiran>> {
  const rnd = rng(seed);
  const out = new Map<string, Map<IsoDate, Ketidakhadiran>>();
  const set = (k: string, d: IsoDate, kind: Ketidakhadiran) => {
    const m = out.get(k) ?? new Map<IsoDate, Ketidakhadiran>();
    out.set(k, m);
    m.set(d, kind);
  };
  for (const k of people)
    for (const d of days) if (rnd() < p) set(k, d, KINDS[Math.floor(rnd() * KINDS.length)]!);
  for (let i = 0; i < longLeave; i++) {
    const k = people[Math.floor(rnd() * people.length)]!;
    const len = Math.max(1, Math.round(days.length * (1 / 3 + rnd() / 6)));
    const start = Math.floor(rnd() * (days.length - len + 1));
    for (let j = start; j < start + len; j++) set(k, days[j]!, 'CUTI');
  }
  return out;
}

// ─── Roster instances: the tuning set and a held-out set ─────────────────────────────────────────

export interface QualitySpec {
  readonly people: number;
  readonly days: number;
  readonly opd: number;
  readonly unitsPerOpd: number;
  readonly seed: number;
}

/**
 * The tuning set: sizes small enough for the exact optimiser in bench/jadwal (the improvement pass was
 * tuned on these); the policy parameters are drawn from the seed.
 */
export const QUALITY_SPECS: readonly QualitySpec[] = [
  { people: 8, days: 5, opd: 1, unitsPerOpd: 1, seed: 101 },
  { people: 12, days: 5, opd: 1, unitsPerOpd: 2, seed: 102 },
  { people: 16, days: 6, opd: 2, unitsPerOpd: 1, seed: 103 },
  { people: 20, days: 8, opd: 1, unitsPerOpd: 3, seed: 104 },
  { people: 24, days: 8, opd: 2, unitsPerOpd: 2, seed: 105 },
  { people: 30, days: 10, opd: 2, unitsPerOpd: 2, seed: 106 },
  { people: 36, days: 10, opd: 2, unitsPerOpd: 3, seed: 107 },
  { people: 40, days: 10, opd: 2, unitsPerOpd: 3, seed: 108 },
];

/**
 * A held-out set drawn from its own generator seed (never used to tune the solver): `count` specs of
 * 8 to `maxPeople` people over 10 to `maxDays` working days, 1–5 OPDs of 0–4 units each.
 */
export function heldOutSpecs(count: number, seed: number, maxPeople = 150, maxDays = 22): QualitySpec[] {
  const rnd = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: QualitySpec[] = [];
  for (let i = 0; i < count; i++) {
    // Sizes spread over the whole range: a quarter small (≤ 40), the rest up to maxPeople.
    const people = i % 4 === 0 ? int(8, 40) : int(41, maxPeople);
    const opd = Math.min(int(1, 5), Math.max(1, Math.floor(people / 6)));
    out.push({ people, days: int(10, maxDays), opd, unitsPerOpd: int(0, 4), seed: seed + 1 + i });
  }
  return out;
}

/** The generator seed of bench/jadwal's held-out set (the golden test's held-out set uses 9001). */
export const BENCH_HELD_OUT_SEED = 20_269;

/**
 * bench/jadwal's held-out set: `count` instances from heldOutSpecs with its own seed, 8 to 300 people over
 * 10 to 22 working days, the last two the largest (300 × 22 and 240 × 22) so the set always reaches the
 * size of a large OPD's month. Fewer units where heldOutSpecs would leave under 6 people per unit (a unit
 * of its head alone cannot give a piket: every piket would be short on every day). Never used to tune the
 * solver.
 */
export function benchHeldOutSpecs(count = 30, seed = BENCH_HELD_OUT_SEED): QualitySpec[] {
  const specs = heldOutSpecs(Math.max(0, count - 2), seed, 300, 22).map((s) => {
    let { opd, unitsPerOpd } = s;
    while (unitsPerOpd > 0 && s.people / (opd * (unitsPerOpd + 1)) < 6) unitsPerOpd--;
    while (opd > 1 && s.people / opd < 6) opd--;
    return { ...s, opd, unitsPerOpd };
  });
  specs.push(
    { people: 240, days: 22, opd: 3, unitsPerOpd: 3, seed: seed + count - 1 },
    { people: 300, days: 22, opd: 4, unitsPerOpd: 3, seed: seed + count },
  );
  return specs.slice(0, count);
}

export interface JadwalInstance {
  readonly spec: QualitySpec;
  readonly policy: KebijakanSpec;
  readonly kebijakan: readonly Kebijakan[];
  readonly org: OrgSnapshot;
  readonly input: MasukanJadwal;
  readonly absentCells: number;
}

/** The instance of a spec: its policies, organisation, evaluated days and absences. */
export function makeJadwalInstance(spec: QualitySpec): JadwalInstance {
  const rnd = rng(spec.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Realistic parameters: a minimum never above the unit cap; two piket only per OPD.
  const capPersen = pick([30, 40, 50, 60]);
  const piketPer = pick(['opd', 'unit'] as const);
  const policy: KebijakanSpec = {
    capUnit: { persen: capPersen, pembulatan: pick(['bawah', 'atas', 'terdekat'] as const) },
    piketDihitung: rnd() < 0.7,
    piket: { jumlah: piketPer === 'opd' ? pick([1, 2]) : 1, per: piketPer },
    minimum:
      rnd() < 0.8
        ? {
            persen: pick([10, 20, 25].filter((x) => x <= capPersen - 10)),
            per: pick(['opd', 'unit'] as const),
          }
        : null,
    capOpd: spec.seed % 2 === 0 ? { persen: pick([25, 30, 40]) } : null,
  };
  const days = workingDays('2031-03-03', spec.days);
  const org = makeOrg({ people: spec.people, opd: spec.opd, unitsPerOpd: spec.unitsPerOpd, seed: spec.seed });
  const kebijakan = makeKebijakan(policy, days[0]!, days[days.length - 1]!);
  const hari = evaluateDays(kebijakan, prepareOrg(org), days);
  const orang = org.pegawai.map((p) => p.key);
  const tidakHadir = makeAbsences(orang, days, 0.06, spec.people >= 16 ? 1 : 0, spec.seed * 7 + 1);
  const input: MasukanJadwal = { orang, hari, tidakHadir };
  let absentCells = 0;
  for (const m of tidakHadir.values()) absentCells += m.size;
  return { spec, policy, kebijakan, org, input, absentCells };
}

// ─── A Pemda shaped like a real one (bench/kebijakan, the golden test of the example policies) ──────

/**
 * ~40 top-level OPDs of every kind (sekretariat, inspektorat, dinas with puskesmas and UPT, badan, RSUD,
 * kecamatan with kelurahan), people spread by weight; the first person of each top-level OPD is its head
 * (JPT), the first of each unit its administrator, the next two pengawas.
 */
export function makePemdaOrg(people: number): OrgSnapshot {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const opd: OrgOpd[] = [];
  const weight = new Map<string, number>();
  const add = (
    kode: string,
    jenis: JenisOpd,
    induk: string | null,
    kelas: KelasLayanan | null,
    sektor: Sektor[],
    w: number,
  ) => {
    opd.push({ id: kode, kode, nama: kode, jenis, indukId: induk, kelasLayanan: kelas, sektor });
    weight.set(kode, w);
  };
  // A top-level OPD with `bidang` units (jenis lainnya, inheriting kelas and sektor).
  const top = (kode: string, jenis: JenisOpd, kelas: KelasLayanan, sektor: Sektor[], bidang: number) => {
    add(kode, jenis, null, kelas, sektor, 3);
    for (let i = 1; i <= bidang; i++) add(`${kode}-B${i}`, 'lainnya', kode, null, [], 4);
  };

  top('SETDA', 'sekretariat', 'non_pelayanan', [], 0);
  for (let i = 1; i <= 9; i++) add(`SETDA-BAG${i}`, 'bagian', 'SETDA', null, [], 3);
  top('SETWAN', 'sekretariat', 'non_pelayanan', [], 3);
  top('INSPEKTORAT', 'inspektorat', 'non_pelayanan', [], 3);
  top('DINKES', 'dinas', 'non_pelayanan', ['kesehatan'], 4);
  for (let i = 1; i <= 17; i++) add(`PKM${i}`, 'puskesmas', 'DINKES', 'pelayanan', [], 6);
  add('LABKESDA', 'upt', 'DINKES', 'pelayanan', [], 3);
  top('DISHUB', 'dinas', 'non_pelayanan', ['perhubungan'], 3);
  for (let i = 1; i <= 3; i++) add(`DISHUB-UPT${i}`, 'upt', 'DISHUB', 'pelayanan', [], 5);
  top('DISDUKCAPIL', 'dinas', 'pelayanan', ['kependudukan'], 3);
  top('DLH', 'dinas', 'non_pelayanan', ['kebersihan'], 3);
  add('DLH-UPT-SAMPAH', 'upt', 'DLH', 'pelayanan', [], 12);
  top('SATPOLPP', 'badan', 'pelayanan', ['ketertiban'], 3);
  top('BPBD', 'badan', 'pelayanan', ['kebencanaan'], 3);
  for (const k of ['DISDIK', 'DINSOS', 'DPUPR', 'DPMPTSP', 'DISNAKER', 'DISPERINDAG', 'DISKOMINFO']) {
    top(k, 'dinas', k === 'DPMPTSP' || k === 'DINSOS' ? 'pelayanan' : 'non_pelayanan', [], 4);
  }
  for (const k of ['DISPARBUD', 'DISPERTA', 'DISKOPUKM', 'DISPERKIM', 'DISARPUS', 'DISPORA']) {
    top(k, 'dinas', 'non_pelayanan', [], 3);
  }
  for (const k of ['BAPPEDA', 'BKPSDM', 'BPKAD', 'BAPENDA', 'BAKESBANGPOL']) {
    top(k, 'badan', k === 'BAPENDA' ? 'pelayanan' : 'non_pelayanan', [], 3);
  }
  add('RSUD-1', 'rsud', null, 'pelayanan', ['kesehatan'], 60);
  add('RSUD-2', 'rsud', null, 'pelayanan', ['kesehatan'], 40);
  for (let i = 1; i <= 10; i++) {
    add(`KEC${i}`, 'kecamatan', null, 'pelayanan', [], 5);
    for (let j = 1; j <= 5; j++) add(`KEC${i}-KEL${j}`, 'kelurahan', `KEC${i}`, null, [], 2);
  }

  // Spread people by weight; the first person of each top-level OPD is its head (JPT), the first of
  // each unit its administrator/pengawas.
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const pegawai: OrgPegawai[] = [];
  const jenisPegawai = (): JenisPegawai => {
    const r = rnd();
    return r < 0.68 ? 'pns' : r < 0.83 ? 'pppk' : r < 0.88 ? 'pppk_paruh_waktu' : 'non_asn';
  };
  let n = 0;
  for (const o of opd) {
    const count = Math.max(2, Math.round((weight.get(o.kode)! / total) * people));
    for (let i = 0; i < count && n < people; i++, n++) {
      const jenis = jenisPegawai();
      const level: JabatanLevel =
        i === 0
          ? o.indukId === null
            ? 'jpt'
            : 'administrator'
          : i < 3
            ? 'pengawas'
            : jenis === 'non_asn' || rnd() < 0.6
              ? 'pelaksana'
              : 'fungsional';
      const key = jenis === 'non_asn' ? `THL-${n}` : `19800101200501${String(n).padStart(4, '0')}`;
      pegawai.push({ key, nama: `Pegawai ${n}`, jenisPegawai: jenis, jabatanLevel: level, opdId: o.id });
    }
  }
  // Top up the rounding remainder in the largest units.
  for (let i = 0; n < people; i++, n++) {
    pegawai.push({
      key: `19800101200501${String(n).padStart(4, '0')}`,
      nama: `Pegawai ${n}`,
      jenisPegawai: 'pns',
      jabatanLevel: 'pelaksana',
      opdId: i % 2 === 0 ? 'RSUD-1' : 'DLH-UPT-SAMPAH',
    });
  }
  return { opd, pegawai };
}
