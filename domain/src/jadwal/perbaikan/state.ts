import type { RujukanAturan } from '../../kebijakan/evaluate.ts';
import { baris, type HariTersimpan } from '../hari.ts';
import type { Sel } from '../sel.ts';
import type { SelJadwal } from '../tipe.ts';

/** What the improvement pass is given: the greedy's days, totals and cap groups, and the soft goals to keep. */
export interface KonteksRatakan {
  readonly n: number;
  readonly hari: readonly HariTersimpan[];
  /** office days and piket duties per person over the period, kept up to date */
  readonly kantor: number[];
  readonly piketKali: number[];
  /** members (indexes < n, ascending) of each cap group over the period */
  readonly anggota: readonly (readonly number[])[];
  readonly cells: Sel;
  /** a soft goal's key for a person on a day, as `urutkan` orders candidates (lower = comes in first) */
  readonly nilai: (s: number, i: number, p: number, piket: boolean) => number;
  /** the active soft goals ranked above 'merata' (never made worse) and below it (made worse only if need be) */
  readonly atas: readonly number[];
  readonly bawah: readonly number[];
}

/** "Nobody", as one end of a transfer: an office day that appears or disappears (see `ratakan`). */
export const TIADA = -1;

/**
 * Work beyond single exchanges (chains, composite exchanges, remove-and-fill, pairs) is done within a budget
 * of RANTAI_DASAR + RANTAI_PER_ORANG units per person to schedule (a unit: a person reached or examined, or a
 * composite exchange checked): the pass stays linear in people × days where deeper moves find nothing.
 */
export const RANTAI_DASAR = 100;
export const RANTAI_PER_ORANG = 1;
/** First transfers of a pair tried per group and direction (see `pasangan`). */
export const PASANGAN_MAKS = 8;

/** The improvement pass's state: its input, the groups' measures and the search's buffers and budget. */
export class Keadaan {
  /** the input (see `KonteksRatakan`) */
  readonly n: number;
  readonly hari: readonly HariTersimpan[];
  readonly kantor: number[];
  readonly piketKali: number[];
  readonly anggota: readonly (readonly number[])[];
  readonly cells: Sel;
  readonly nilai: (s: number, i: number, p: number, piket: boolean) => number;
  readonly atas: readonly number[];
  readonly bawah: readonly number[];
  /** days, cap groups, and the width of a group's histogram row (office days 0..D) */
  readonly D: number;
  readonly G: number;
  readonly W: number;
  /** each person's cap groups over the period (rows: kList[kStart[p] .. kStart[p + 1])) */
  readonly kStart: Int32Array;
  readonly kList: Int32Array;
  /**
   * people with the same cap groups share a row id (a transfer's effect depends on the rows and totals
   * only)
   */
  readonly baris0: Int32Array;
  /**
   * office days of each group's members as a histogram (hist[g * W + v]); each group's range, deviation
   * from the median and sum of squares
   */
  readonly hist: Int32Array;
  readonly rentang: Int32Array;
  readonly simpang: Int32Array;
  readonly kuadrat: Float64Array;
  /** what `ukur` measured last: range, deviation, sum of squares */
  sR: number;
  sD: number;
  sQ: number;
  /** a transfer as changes of office days: distinct people and +1 or −1 each */
  readonly ubahOrang: number[];
  readonly ubahNilai: number[];
  /**
   * a pair of transfers (see `pasangan`) is judged against the groups as they were before the first: their
   * values then, for the groups the first changed, while `adaAcuan`
   */
  readonly acuanG: number[];
  readonly acuanR: number[];
  readonly acuanD: number[];
  readonly acuanQ: number[];
  adaAcuan: boolean;
  /**
   * while the first transfer of a pair is looked for: accepted if the ranges' sum does not grow and one
   * falls
   */
  lemah: boolean;
  /** groups already counted by the judgement under way (stamp `nilaiCap`) */
  readonly dinilai: Int32Array;
  nilaiCap: number;
  /** the sums `terimaUbah` gathers, group by group (`nilai1`) */
  tR: number;
  tD: number;
  tQ: number;
  tNaik: boolean;
  tTurun: boolean;
  /**
   * breadth-first search for a chain: who was reached (stamp `cap`), by whom (`induk`) on which day
   * (`indukHari`), from which root (`pangkal`); the queue
   */
  readonly dilihat: Int32Array;
  readonly induk: Int32Array;
  readonly indukHari: Int32Array;
  readonly pangkal: Int32Array;
  readonly antre: Int32Array;
  cap: number;
  /** groups to search again in the next round */
  readonly kotor: Uint8Array;
  /**
   * person-major copies for the search's inner loop: each cell's kind (as in `jenis`), and the day's first
   * piket group of the person + 1 (0: none)
   */
  readonly jenisOrang: Uint8Array;
  readonly piketOrang: Int32Array;
  /** the search's candidate lists by day and class, for groups of up to M members (see `cariRantai`, `akarHari`) */
  M: number;
  readonly calonBuf: Int32Array;
  readonly kelasBuf: Int32Array;
  readonly awalBuf: Int32Array;
  readonly panjangBuf: Int32Array;
  readonly nKelas: Int32Array;
  readonly dibangun: Int32Array;
  readonly piketBuf: Int32Array;
  readonly nPiket: Int32Array;
  /**
   * the round, the budget left for deeper moves (see RANTAI_DASAR), the groups queued and the group being
   * searched
   */
  ronde: number;
  sisaRantai: number;
  readonly antreKelompok: number[];
  sekarang: number;
  /**
   * the cells a transfer changed (day, person, cell before), kept while `mencatat` so that the first
   * transfer of a pair can be undone; and the transfers already tried as a pair's first (`lewati`)
   */
  mencatat: boolean;
  readonly jurnalHari: number[];
  readonly jurnalOrang: number[];
  readonly jurnalSel: SelJadwal[];
  readonly lewati: Set<string>;
  jurnalKunci: string;
  readonly jurnalUbahOrang: number[];
  readonly jurnalUbahNilai: number[];
  /** one exchange (giver, receiver, day) per step of a chain, made in turn and each checked again */
  readonly langkah: number[];
  /** the goals to keep: piket rotation below 'merata' is left to the greedy's order (one search, not two) */
  readonly bawahLain: number[];
  readonly semua: number[];
  /** the roots of the search under way: the group's members with the office days being moved */
  readonly akar: number[];
  /** per group, the people a search may end at (`ujungOf`), and for pairs more widely (`ujungLuasOf`) */
  readonly ujung: (number[] | undefined)[];
  readonly ujungLuas: (number[] | undefined)[];
  /** transfers accepted (`terima`) per pair of (row id, office days), for one search */
  readonly diterima: Map<number, boolean>;
  /**
   * the people a search from the roots could end at with an accepted transfer (forward: fewest office days
   * first; backward: most first), one root per row, and whether nobody (TIADA) could
   */
  readonly ujungOk: number[];
  readonly wakilAkar: number[];
  tiadaOk: boolean;
  /** the counts a composite change touched (caps and minimums, before it), for `sahGabung` */
  readonly tCap: number[];
  readonly tCapLama: number[];
  readonly tMin: number[];
  readonly tMinLama: number[];
  /** a composite change: the people, their new cells and their cells before */
  readonly gabungPs: number[];
  readonly gabungBaru: SelJadwal[];
  readonly gabungLama: SelJadwal[];
  /** the pass's cells, one per rule and kind (cells are immutable and shared) */
  readonly selPer: Map<RujukanAturan | null, SelJadwal[]>;
  /** the classes of pivot tried so far (one pivot of each class is tried) */
  readonly kelasDicoba: number[];

  constructor(k: KonteksRatakan) {
    const t0 = k;
    this.n = t0.n;
    this.hari = t0.hari;
    this.kantor = t0.kantor;
    this.piketKali = t0.piketKali;
    this.anggota = t0.anggota;
    this.cells = t0.cells;
    this.nilai = t0.nilai;
    this.atas = t0.atas;
    this.bawah = t0.bawah;
    this.D = this.hari.length;
    this.G = this.anggota.length;
    this.W = this.D + 1;
    const t1 = baris(this.n, this.anggota);
    this.kStart = t1.start;
    this.kList = t1.list;
    this.baris0 = new Int32Array(this.n);
    {
      const perHash = new Map<number, number[]>();
      let next = 0;
      for (let p = 0; p < this.n; p++) {
        let x = 2166136261;
        for (let j = this.kStart[p]!; j < this.kStart[p + 1]!; j++)
          x = Math.imul(x ^ this.kList[j]!, 16777619);
        const ps = perHash.get(x);
        let id = -1;
        if (ps)
          for (const q of ps) {
            const l = this.kStart[q + 1]! - this.kStart[q]!;
            if (l !== this.kStart[p + 1]! - this.kStart[p]!) continue;
            let same = true;
            for (let j = 0; j < l && same; j++)
              same = this.kList[this.kStart[q]! + j] === this.kList[this.kStart[p]! + j];
            if (same) {
              id = this.baris0[q]!;
              break;
            }
          }
        if (id < 0) {
          id = next++;
          if (ps) ps.push(p);
          else perHash.set(x, [p]);
        }
        this.baris0[p] = id;
      }
    }
    this.hist = new Int32Array(this.G * this.W);
    for (const [g, ps] of this.anggota.entries())
      for (const p of ps) this.hist[g * this.W + this.kantor[p]!]!++;
    this.rentang = new Int32Array(this.G);
    this.simpang = new Int32Array(this.G);
    this.kuadrat = new Float64Array(this.G);
    this.sR = 0;
    this.sD = 0;
    this.sQ = 0;
    this.ubahOrang = [];
    this.ubahNilai = [];
    this.acuanG = [];
    this.acuanR = [];
    this.acuanD = [];
    this.acuanQ = [];
    this.adaAcuan = false;
    this.lemah = false;
    this.dinilai = new Int32Array(this.G);
    this.nilaiCap = 0;
    this.tR = 0;
    this.tD = 0;
    this.tQ = 0;
    this.tNaik = false;
    this.tTurun = false;
    this.dilihat = new Int32Array(this.n);
    this.induk = new Int32Array(this.n);
    this.indukHari = new Int32Array(this.n);
    this.pangkal = new Int32Array(this.n);
    this.antre = new Int32Array(this.n);
    this.cap = 0;
    this.kotor = new Uint8Array(this.G);
    this.jenisOrang = new Uint8Array(this.n * this.D);
    this.piketOrang = new Int32Array(this.n * this.D);
    for (const [i, h] of this.hari.entries())
      for (let p = 0; p < this.n; p++) {
        this.jenisOrang[p * this.D + i] = h.jenis[p]!;
        if (h.piket.start[p + 1]! > h.piket.start[p]!)
          this.piketOrang[p * this.D + i] = h.piket.list[h.piket.start[p]!]! + 1;
      }
    this.M = 0;
    for (const ps of this.anggota) this.M = Math.max(this.M, ps.length);
    this.calonBuf = new Int32Array(this.D * this.M);
    this.kelasBuf = new Int32Array(this.D * this.M);
    this.awalBuf = new Int32Array(this.D * this.M);
    this.panjangBuf = new Int32Array(this.D * this.M);
    this.nKelas = new Int32Array(this.D);
    this.dibangun = new Int32Array(this.D);
    this.piketBuf = new Int32Array(this.D * this.M);
    this.nPiket = new Int32Array(this.D);
    this.ronde = 0;
    this.sisaRantai = RANTAI_DASAR + RANTAI_PER_ORANG * this.n;
    this.antreKelompok = [];
    this.sekarang = -1;
    this.mencatat = false;
    this.jurnalHari = [];
    this.jurnalOrang = [];
    this.jurnalSel = [];
    this.lewati = new Set<string>();
    this.jurnalKunci = '';
    this.jurnalUbahOrang = [];
    this.jurnalUbahNilai = [];
    this.langkah = [];
    this.bawahLain = this.bawah.filter((s) => s !== 1);
    this.semua = [...this.atas, ...this.bawahLain];
    this.akar = [];
    this.ujung = new Array(this.G);
    this.ujungLuas = new Array(this.G);
    this.diterima = new Map<number, boolean>();
    this.ujungOk = [];
    this.wakilAkar = [];
    this.tiadaOk = false;
    this.tCap = [];
    this.tCapLama = [];
    this.tMin = [];
    this.tMinLama = [];
    this.gabungPs = [];
    this.gabungBaru = [];
    this.gabungLama = [];
    this.selPer = new Map<RujukanAturan | null, SelJadwal[]>();
    this.kelasDicoba = [];
  }
}
