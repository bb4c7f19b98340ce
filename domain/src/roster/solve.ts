import type { IsoDate } from '../calendar/dates.ts';
import { type Pesan, pesan } from '../i18n/message.ts';
import type { EvaluasiHari, KelompokBatasan, RujukanAturan } from '../policy/evaluate.ts';

/** A cell of the schedule recap (CONTRACTS.md). */
export type StatusJadwal = 'WFO' | 'WFH' | 'PIKET' | 'CUTI' | 'SAKIT' | 'ISOLASI' | 'LIBUR';
export type Ketidakhadiran = 'CUTI' | 'SAKIT' | 'ISOLASI';

/** Soft goals, in the order the Pemda ranks them (earlier = more important). */
export type Sasaran = 'merata' | 'rotasi_piket' | 'kohort' | 'stabil' | 'permintaan';
export const URUTAN_SASARAN_BAKU: readonly Sasaran[] = [
  'merata',
  'rotasi_piket',
  'kohort',
  'stabil',
  'permintaan',
];

export interface MasukanJadwal {
  /** People to schedule (keys: NIP or id_pegawai), in a stable order. */
  readonly orang: readonly string[];
  /** The policy evaluation of each day, in date order. */
  readonly hari: readonly EvaluasiHari[];
  /** Approved leave, sickness and isolation: person → date → kind. */
  readonly tidakHadir?: ReadonlyMap<string, ReadonlyMap<IsoDate, Ketidakhadiran>>;
  /** Cells a unit head fixed: person → date → status. Kept as they are. */
  readonly kunci?: ReadonlyMap<string, ReadonlyMap<IsoDate, 'WFO' | 'WFH' | 'PIKET'>>;
  /** The published roster being rebuilt: person → date → status (fewer changes preferred). */
  readonly sebelumnya?: ReadonlyMap<string, ReadonlyMap<IsoDate, StatusJadwal>>;
  /** What people asked for: person → date → WFO or WFH. */
  readonly permintaan?: ReadonlyMap<string, ReadonlyMap<IsoDate, 'WFO' | 'WFH'>>;
  /** Keep the same people on the same days (team A / team B) so contacts stay within a team. */
  readonly kohort?: boolean;
  readonly urutanSasaran?: readonly Sasaran[];
  /** Tie-breaker; the same input and seed give the same roster. */
  readonly seed?: number;
}

export interface SelJadwal {
  readonly status: StatusJadwal;
  /** The policy rule behind the cell (null: no policy, leave, a lock, or a day off). */
  readonly sumber: RujukanAturan | null;
  readonly alasan: 'kebijakan' | 'batas' | 'piket' | 'kunci' | 'tidak_hadir' | 'libur' | 'tanpa_kebijakan';
}

/** A rule the roster could not meet, with why. It never breaks a cap silently. */
export interface Pelanggaran {
  readonly tanggal: IsoDate;
  readonly kode: 'BATAS_TERLAMPAUI' | 'MINIMUM_KURANG' | 'PIKET_KURANG' | 'KUNCI_TIDAK_HADIR';
  readonly kelompokId: string | null;
  readonly orang: readonly string[];
  readonly pesan: Pesan;
}

export interface HasilJadwal {
  /** person → date → cell */
  readonly sel: ReadonlyMap<string, ReadonlyMap<IsoDate, SelJadwal>>;
  readonly pelanggaran: readonly Pelanggaran[];
  /** Office days per person over the period (WFO + PIKET). */
  readonly hariKantor: ReadonlyMap<string, number>;
}

/** A small deterministic hash (FNV-1a) for tie-breaking. */
function hash(s: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const DI_KANTOR = (s: StatusJadwal) => s === 'WFO' || s === 'PIKET';

/**
 * Builds the schedule: one status per person per day. Hard rules — every cap, fixed WFO/WFH, piket
 * counts and eligibility, minimums, nobody unavailable scheduled to work, locked cells kept — are met
 * whenever the instance allows; otherwise the best roster is returned with each violation listed.
 * Soft goals (office days spread evenly within a cap group, piket rotated, cohorts, few changes,
 * requests) order the choices, greedily per day. Deterministic for the same input and seed.
 */
export function solveRoster(m: MasukanJadwal): HasilJadwal {
  const seed = m.seed ?? 1;
  const urutan = m.urutanSasaran ?? URUTAN_SASARAN_BAKU;
  const sel = new Map<string, Map<IsoDate, SelJadwal>>(m.orang.map((k) => [k, new Map()]));
  const hariKantor = new Map<string, number>(m.orang.map((k) => [k, 0]));
  const piketKali = new Map<string, number>(m.orang.map((k) => [k, 0]));
  const pelanggaran: Pelanggaran[] = [];
  // Cohort: a stable team per person (A = 0, B = 1), alternating by a hash rank.
  const tim = new Map<string, number>();
  if (m.kohort) {
    const sorted = [...m.orang].sort((a, b) => hash(a, seed) - hash(b, seed) || a.localeCompare(b));
    for (const [i, k] of sorted.entries()) tim.set(k, i % 2);
  }
  let hariKerjaKe = 0;

  for (const ev of m.hari) {
    const d = ev.tanggal;
    const status = new Map<string, SelJadwal>();
    const groups = ev.kelompok;
    const capsOf = new Map<string, KelompokBatasan[]>();
    for (const g of groups) {
      if (g.jenis !== 'batas_kantor') continue;
      for (const k of g.anggota) {
        const list = capsOf.get(k);
        if (list) list.push(g);
        else capsOf.set(k, [g]);
      }
    }
    // People at the office per cap group, kept up to date as cells are set.
    const hitung = new Map<string, number>(groups.map((g) => [g.id, 0]));
    const dihitung = (g: KelompokBatasan, c: SelJadwal | undefined) =>
      c !== undefined && (c.status === 'WFO' || (c.status === 'PIKET' && g.piketDihitung));
    const set = (k: string, c: SelJadwal) => {
      const prev = status.get(k);
      for (const g of capsOf.get(k) ?? []) {
        const delta = (dihitung(g, c) ? 1 : 0) - (dihitung(g, prev) ? 1 : 0);
        if (delta !== 0) hitung.set(g.id, hitung.get(g.id)! + delta);
      }
      status.set(k, c);
    };
    // 1. Days off, absences, locks, fixed locations.
    for (const k of m.orang) {
      const kep = ev.orang.get(k);
      const absen = m.tidakHadir?.get(k)?.get(d);
      const kunci = m.kunci?.get(k)?.get(d);
      if (!kep || kep.lokasi === 'LIBUR') {
        set(k, { status: 'LIBUR', sumber: null, alasan: 'libur' });
        continue;
      }
      if (absen) {
        set(k, { status: absen, sumber: null, alasan: 'tidak_hadir' });
        if (kunci) {
          pelanggaran.push({
            tanggal: d,
            kode: 'KUNCI_TIDAK_HADIR',
            kelompokId: null,
            orang: [k],
            pesan: pesan(
              `${k} dikunci ${kunci} pada ${d} tetapi ${absen.toLowerCase()}; ketidakhadiran yang berlaku`,
              `${k} is locked to ${kunci} on ${d} but is on ${absen.toLowerCase()}; the absence stands`,
            ),
          });
        }
        continue;
      }
      if (kunci) {
        set(k, { status: kunci, sumber: kep.sumber, alasan: 'kunci' });
        continue;
      }
      if (kep.lokasi === 'WFO' || kep.lokasi === 'WFH') {
        set(k, {
          status: kep.lokasi,
          sumber: kep.sumber,
          alasan: kep.sumber ? 'kebijakan' : 'tanpa_kebijakan',
        });
      }
    }
    const tersedia = (k: string) => {
      const c = status.get(k);
      return c === undefined || (c.alasan === 'kebijakan' && c.status === 'WFH');
    };
    const diKantor = (g: KelompokBatasan) => hitung.get(g.id)!;
    const muat = (k: string, piket: boolean) =>
      (capsOf.get(k) ?? []).every((g) => (piket && !g.piketDihitung) || diKantor(g) < g.maks!);

    const skor = (k: string, untuk: 'kantor' | 'piket'): number[] => {
      const out: number[] = [];
      for (const s of urutan) {
        if (s === 'merata') out.push(untuk === 'kantor' ? hariKantor.get(k)! : 0);
        else if (s === 'rotasi_piket') out.push(untuk === 'piket' ? piketKali.get(k)! : 0);
        else if (s === 'kohort') out.push(m.kohort ? (tim.get(k) === hariKerjaKe % 2 ? 0 : 1) : 0);
        else if (s === 'stabil') {
          const prev = m.sebelumnya?.get(k)?.get(d);
          out.push(prev === undefined ? 0 : (untuk === 'piket' ? prev === 'PIKET' : DI_KANTOR(prev)) ? 0 : 1);
        } else {
          const want = m.permintaan?.get(k)?.get(d);
          out.push(want === undefined ? 0 : want === 'WFO' ? 0 : 1);
        }
      }
      out.push(hash(`${k}|${d}`, seed));
      return out;
    };
    /** Sorts people by their scores for a purpose, computing each score once. */
    const urutkan = (xs: string[], untuk: 'kantor' | 'piket') => {
      const sc = new Map(xs.map((k) => [k, skor(k, untuk)]));
      xs.sort((a, b) => {
        const sa = sc.get(a)!;
        const sb = sc.get(b)!;
        for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
        return a < b ? -1 : a > b ? 1 : 0;
      });
    };

    // 2. Piket: the required number from the eligible, rotating duty.
    for (const g of groups) {
      if (g.jenis !== 'piket') continue;
      const sudah = g.anggota.filter((k) => status.get(k)?.status === 'PIKET').length;
      let perlu = g.jumlahPiket! - sudah;
      const calon = (g.bolehPiket ?? []).filter((k) => tersedia(k) && status.get(k)?.status !== 'PIKET');
      urutkan(calon, 'piket');
      for (const k of calon) {
        if (perlu <= 0) break;
        if (!muat(k, true)) continue;
        set(k, { status: 'PIKET', sumber: g.sumber, alasan: 'piket' });
        perlu--;
      }
      if (perlu > 0) {
        pelanggaran.push({
          tanggal: d,
          kode: 'PIKET_KURANG',
          kelompokId: g.id,
          orang: [],
          pesan: pesan(
            `${g.grupKode} ${d}: perlu ${g.jumlahPiket} piket, hanya ${g.jumlahPiket! - perlu} yang dapat ditunjuk (tersedia dan dalam batas)`,
            `${g.grupKode} ${d}: ${g.jumlahPiket} on duty needed, only ${g.jumlahPiket! - perlu} could be appointed (available and within caps)`,
          ),
        });
      }
    }

    // 3. Free people: fill each cap up to its maximum, fairest first; the rest work from home.
    const bebas = m.orang.filter((k) => !status.has(k) && ev.orang.get(k)?.lokasi === 'BEBAS');
    urutkan(bebas, 'kantor');
    for (const k of bebas) {
      const caps = capsOf.get(k) ?? [];
      const kep = ev.orang.get(k)!;
      if (caps.length > 0 && muat(k, false)) set(k, { status: 'WFO', sumber: kep.sumber, alasan: 'batas' });
      else if (caps.length === 0) set(k, { status: 'WFO', sumber: kep.sumber, alasan: 'kebijakan' });
      else set(k, { status: 'WFH', sumber: kep.sumber, alasan: 'batas' });
    }

    // 4. Minimums: bring people in from home where a cap allows.
    for (const g of groups) {
      if (g.jenis !== 'minimum_kantor') continue;
      let kurang = g.min! - g.anggota.filter((k) => DI_KANTOR(status.get(k)?.status ?? 'LIBUR')).length;
      if (kurang <= 0) continue;
      const calon = g.anggota.filter((k) => {
        const c = status.get(k);
        return c && c.status === 'WFH' && c.alasan === 'batas';
      });
      urutkan(calon, 'kantor');
      for (const k of calon) {
        if (kurang <= 0) break;
        if (!muat(k, false)) continue;
        set(k, { ...status.get(k)!, status: 'WFO' });
        kurang--;
      }
      if (kurang > 0) {
        pelanggaran.push({
          tanggal: d,
          kode: 'MINIMUM_KURANG',
          kelompokId: g.id,
          orang: [],
          pesan: pesan(
            `${g.grupKode} ${d}: minimum ${g.min} di kantor tidak tercapai (kurang ${kurang}); batas kantor atau ketidakhadiran tidak mengizinkan lebih`,
            `${g.grupKode} ${d}: the minimum of ${g.min} at the office is not met (${kurang} short); caps or absences allow no more`,
          ),
        });
      }
    }

    // 5. Caps broken by locks or fixed cells: never silent.
    for (const g of groups) {
      if (g.jenis !== 'batas_kantor') continue;
      const n = diKantor(g);
      if (n > g.maks!) {
        const who = g.anggota.filter((k) => {
          const c = status.get(k);
          return c !== undefined && (c.status === 'WFO' || (c.status === 'PIKET' && g.piketDihitung));
        });
        pelanggaran.push({
          tanggal: d,
          kode: 'BATAS_TERLAMPAUI',
          kelompokId: g.id,
          orang: who.filter((k) => status.get(k)!.alasan === 'kunci'),
          pesan: pesan(
            `${g.grupKode} ${d}: ${n} dari ${g.anggota.length} orang di kantor; batasnya ${g.maks} (sel yang dikunci kepala unit melampauinya)`,
            `${g.grupKode} ${d}: ${n} of ${g.anggota.length} at the office; the cap is ${g.maks} (cells locked by the unit head exceed it)`,
          ),
        });
      }
    }

    for (const k of m.orang) {
      const c = status.get(k) ?? { status: 'WFO' as const, sumber: null, alasan: 'tanpa_kebijakan' as const };
      sel.get(k)!.set(d, c);
      if (DI_KANTOR(c.status)) hariKantor.set(k, hariKantor.get(k)! + 1);
      if (c.status === 'PIKET') piketKali.set(k, piketKali.get(k)! + 1);
    }
    if (ev.hariKerja) hariKerjaKe++;
  }
  return { sel, pelanggaran, hariKantor };
}
