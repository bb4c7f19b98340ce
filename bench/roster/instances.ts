// Synthetic Pemda, policies and absences for bench/roster. Everything goes through the domain's own
// policy evaluation (validateKebijakan → prepareOrg → evaluateDay), so the instances have exactly the
// shape the server hands to solveRoster: caps, piket and minimum groups as evaluateDay builds them.
import {
  addDays,
  type EvaluasiHari,
  evaluateDay,
  type IsoDate,
  isoWeekday,
  JAM_KERJA_PERPRES_21_2023,
  type JabatanLevel,
  type JenisPegawai,
  type KalenderKerja,
  type Kebijakan,
  type Ketidakhadiran,
  type OrgOpd,
  type OrgPegawai,
  type OrgSnapshot,
  type PreparedOrg,
  validateKebijakan,
} from '@sigap/domain';

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

export interface PolicySpec {
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
export function makePolicies(s: PolicySpec, from: IsoDate, to: IsoDate): Kebijakan[] {
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
