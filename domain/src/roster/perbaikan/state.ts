import type { RujukanAturan } from '../../policy/evaluate.ts';
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
  readonly n: number;
  readonly hari: readonly HariTersimpan[];
  readonly kantor: number[];
  readonly piketKali: number[];
  readonly anggota: readonly (readonly number[])[];
  readonly cells: Sel;
  readonly nilai: (s: number, i: number, p: number, piket: boolean) => number;
  readonly atas: readonly number[];
  readonly bawah: readonly number[];
  readonly D: number;
  readonly G: number;
  readonly W: number;
  readonly kStart: Int32Array;
  readonly kList: Int32Array;
  readonly baris0: Int32Array;
  readonly hist: Int32Array;
  readonly rentang: Int32Array;
  readonly simpang: Int32Array;
  readonly kuadrat: Float64Array;
  sR: number;
  sD: number;
  sQ: number;
  readonly ubahOrang: number[];
  readonly ubahNilai: number[];
  readonly acuanG: number[];
  readonly acuanR: number[];
  readonly acuanD: number[];
  readonly acuanQ: number[];
  adaAcuan: boolean;
  lemah: boolean;
  readonly dinilai: Int32Array;
  nilaiCap: number;
  tR: number;
  tD: number;
  tQ: number;
  tNaik: boolean;
  tTurun: boolean;
  readonly dilihat: Int32Array;
  readonly induk: Int32Array;
  readonly indukHari: Int32Array;
  readonly pangkal: Int32Array;
  readonly antre: Int32Array;
  cap: number;
  readonly kotor: Uint8Array;
  readonly jenisOrang: Uint8Array;
  readonly piketOrang: Int32Array;
  M: number;
  readonly calonBuf: Int32Array;
  readonly kelasBuf: Int32Array;
  readonly awalBuf: Int32Array;
  readonly panjangBuf: Int32Array;
  readonly nKelas: Int32Array;
  readonly dibangun: Int32Array;
  readonly piketBuf: Int32Array;
  readonly nPiket: Int32Array;
  ronde: number;
  sisaRantai: number;
  readonly antreKelompok: number[];
  sekarang: number;
  mencatat: boolean;
  readonly jurnalHari: number[];
  readonly jurnalOrang: number[];
  readonly jurnalSel: SelJadwal[];
  readonly lewati: Set<string>;
  jurnalKunci: string;
  readonly jurnalUbahOrang: number[];
  readonly jurnalUbahNilai: number[];
  readonly langkah: number[];
  readonly bawahLain: number[];
  readonly semua: number[];
  readonly akar: number[];
  readonly ujung: (number[] | undefined)[];
  readonly ujungLuas: (number[] | undefined)[];
  readonly diterima: Map<number, boolean>;
  readonly ujungOk: number[];
  readonly wakilAkar: number[];
  tiadaOk: boolean;
  readonly tCap: number[];
  readonly tCapLama: number[];
  readonly tMin: number[];
  readonly tMinLama: number[];
  readonly gabungPs: number[];
  readonly gabungBaru: SelJadwal[];
  readonly gabungLama: SelJadwal[];
  readonly selPer: Map<RujukanAturan | null, SelJadwal[]>;
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
    // Each person's cap groups over the period.
    const t1 = baris(this.n, this.anggota);
    this.kStart = t1.start;
    this.kList = t1.list;
    // People with the same cap groups share a row id (a transfer's effect depends on the rows and totals only).
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
    // Office days of each group's members as a histogram; the group's range, deviation and sum of squares.
    this.hist = new Int32Array(this.G * this.W);
    for (const [g, ps] of this.anggota.entries())
      for (const p of ps) this.hist[g * this.W + this.kantor[p]!]!++;
    this.rentang = new Int32Array(this.G);
    this.simpang = new Int32Array(this.G);
    this.kuadrat = new Float64Array(this.G);
    this.sR = 0;
    this.sD = 0;
    this.sQ = 0;
    // A transfer as changes of office days: distinct people (`ubahOrang`) and +1 or −1 each (`ubahNilai`).
    this.ubahOrang = [];
    this.ubahNilai = [];
    // A pair of transfers (see `pasangan`) is judged against the groups as they were before the first: their
    // values then (`acuan*`, for the groups the first changed), while `adaAcuan`.
    this.acuanG = [];
    this.acuanR = [];
    this.acuanD = [];
    this.acuanQ = [];
    this.adaAcuan = false;
    /** While the first transfer of a pair is looked for: accepted if the ranges' sum does not grow and one falls. */
    this.lemah = false;
    this.dinilai = new Int32Array(this.G);
    this.nilaiCap = 0;
    // The sums `terimaUbah` gathers, group by group (`nilai1`).
    this.tR = 0;
    this.tD = 0;
    this.tQ = 0;
    this.tNaik = false;
    this.tTurun = false;
    // Breadth-first search for a chain of exchanges. Forward (`maju`): from `akar` (members with many office
    // days) giving, to someone t whose transfer is accepted; backward: from `akar` (members with few) receiving,
    // back to someone s. A node is first reached by `induk` on day `indukHari`; then the chain is made.
    this.dilihat = new Int32Array(this.n);
    this.induk = new Int32Array(this.n);
    this.indukHari = new Int32Array(this.n);
    this.pangkal = new Int32Array(this.n);
    this.antre = new Int32Array(this.n);
    this.cap = 0;
    this.kotor = new Uint8Array(this.G);
    // Person-major copies for the search's inner loop: each cell's kind (as in `jenis`), and the day's first
    // piket group of the person + 1 (0: none).
    this.jenisOrang = new Uint8Array(this.n * this.D);
    this.piketOrang = new Int32Array(this.n * this.D);
    for (const [i, h] of this.hari.entries())
      for (let p = 0; p < this.n; p++) {
        this.jenisOrang[p * this.D + i] = h.jenis[p]!;
        if (h.piket.start[p + 1]! > h.piket.start[p]!)
          this.piketOrang[p * this.D + i] = h.piket.list[h.piket.start[p]!]! + 1;
      }
    // The search's candidate lists (see `cari`), for groups of up to M members.
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
    // The cells a transfer changed (day, person, cell before), kept while `mencatat` so that the first
    // transfer of a pair can be undone; and the transfers already tried as a pair's first (`lewati`).
    this.mencatat = false;
    this.jurnalHari = [];
    this.jurnalOrang = [];
    this.jurnalSel = [];
    this.lewati = new Set<string>();
    this.jurnalKunci = '';
    this.jurnalUbahOrang = [];
    this.jurnalUbahNilai = [];
    // One exchange (giver, receiver, day) per step of the chain, made in turn and each checked again.
    this.langkah = [];
    // Piket rotation below 'merata' is left to the greedy's order (one search, not two).
    this.bawahLain = this.bawah.filter((s) => s !== 1);
    this.semua = [...this.atas, ...this.bawahLain];
    this.akar = [];
    // The people a search from a group's members may end at: the members and anyone in a piket group with one.
    this.ujung = new Array(this.G);
    // For pairs, also the members of the other groups of g's members (a unit's OPD: seats move between units).
    this.ujungLuas = new Array(this.G);
    // Transfers accepted (`terima`) per pair of (row id, office days), for one search.
    this.diterima = new Map<number, boolean>();
    /**
     * The people a search from the roots (`akar`) could end at with an accepted transfer (`ujungOk`): forward,
     * those the roots would give to, the fewest office days first; backward, those they would take from, the
     * most first.
     */
    this.ujungOk = [];
    this.wakilAkar = [];
    this.tiadaOk = false;
    // Exchanges through a third person q on one day, a pivot between a seat and a piket duty (where piket is
    // not counted in a cap, this is how an office day appears or disappears):
    //   K1: the giver, on piket, goes home; q, at the office in its piket groups, takes the duty; the receiver,
    //       free at home, takes q's seat (or nobody does, TIADA, if no free person at home needs it);
    //   K2: the giver, at the office, goes home; q, on piket, takes its seat; the receiver, at home and eligible,
    //       takes q's duty (or there is no giver, TIADA, and q takes a free seat).
    // Each is made, then checked as a whole (`sahGabung`) and undone if it breaks a rule; which classes of giver,
    // q and receiver may do so is kept per day (`bolehGabung`, for the day's version).
    this.tCap = [];
    this.tCapLama = [];
    this.tMin = [];
    this.tMinLama = [];
    this.gabungPs = [];
    this.gabungBaru = [];
    this.gabungLama = [];
    // The pass's cells, one per rule and kind (cells are immutable and shared).
    this.selPer = new Map<RujukanAturan | null, SelJadwal[]>();
    /** The classes of pivot tried so far (one pivot of each class is tried). */
    this.kelasDicoba = [];
  }
}
