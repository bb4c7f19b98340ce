/**
 * The greedy's state: `Susunan` over the period (totals, per-person inputs, reused buffers, the days kept for
 * the improvement pass) and `HariIni` for the day being scheduled (its groups as indexes, caps and minimums).
 */
import type { IsoDate } from '../../kalender/dates.ts';
import type { EvaluasiHari, KelompokBatasan, KeputusanOrang } from '../../kebijakan/evaluate.ts';
import { bandingTeks } from '../../urutan.ts';
import { harapanKantorSisa, Indeks, type IndeksKelompok } from '../harapan.ts';
import type { HariTersimpan } from '../hari.ts';
import { Sel } from '../sel.ts';
import {
  type Ketidakhadiran,
  type MasukanJadwal,
  type Pelanggaran,
  type Sasaran,
  type SelJadwal,
  type StatusJadwal,
  URUTAN_SASARAN_BAKU,
} from '../tipe.ts';

/** A small deterministic hash (FNV-1a) for tie-breaking. */
export function hash(s: string, seed: number): number {
  return fnv((2166136261 ^ seed) >>> 0, s);
}

/** FNV-1a continued from state `h` over the characters of `s`. */
export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const SASARAN_KE: Readonly<Record<Sasaran, number>> = {
  merata: 0,
  rotasi_piket: 1,
  kohort: 2,
  stabil: 3,
  permintaan: 4,
};

/** The greedy's state over the period (see `solveJadwal`). */
export class Susunan {
  readonly m: MasukanJadwal;
  readonly seed: number;
  readonly n: number;
  readonly ix: Indeks;
  readonly sel = new Map<string, Map<IsoDate, SelJadwal>>();
  readonly selOf: Map<IsoDate, SelJadwal>[];
  readonly cells = new Sel();
  /** office days and piket duties per person so far */
  readonly hariKantor: number[];
  readonly piketKali: number[];
  readonly pelanggaran: Pelanggaran[] = [];
  /** per-person inputs, looked up once */
  readonly absenOf: (ReadonlyMap<IsoDate, Ketidakhadiran> | undefined)[];
  readonly kunciOf: (ReadonlyMap<IsoDate, 'WFO' | 'WFH' | 'PIKET'> | undefined)[];
  readonly sebelumnyaOf: (ReadonlyMap<IsoDate, StatusJadwal> | undefined)[];
  readonly permintaanOf: (ReadonlyMap<IsoDate, 'WFO' | 'WFH'> | undefined)[];
  /** FNV state after each key, so that hash(`${k}|${d}`) continues with only "|" and the date */
  readonly hashAwal: number[] = [];
  /** each person's tie-break hash for the day being scheduled, computed at most once a day */
  hashHari = new Float64Array(0);
  hashCap = new Int32Array(0);
  /** cohort: a stable team per person (A = 0, B = 1), alternating by a hash rank */
  readonly tim: number[];
  readonly D: number;
  readonly sisa: Float64Array;
  readonly keputusanHari: (KeputusanOrang | undefined)[][];
  readonly indeksHari: IndeksKelompok[][];
  readonly urutanKe: number[];
  hariKerjaKe = 0;
  hariKe = 0;
  /** per-day state, reused: the cell of each person, and each person's caps (compressed rows) */
  status: (SelJadwal | undefined)[] = [];
  capCount = new Int32Array(0);
  capStart = new Int32Array(0);
  capList = new Int32Array(0);
  fillAt = new Int32Array(0);
  kunciBuf = new Float64Array(0);
  /** for the improvement pass: each day's state, and the cap groups over the period (by id) with their members */
  readonly tersimpan: HariTersimpan[] = [];
  readonly kelompokKe = new Map<string, number>();
  readonly kelompokAnggota: Set<number>[] = [];
  readonly anggotaTerakhir: (readonly number[] | undefined)[] = [];

  constructor(m: MasukanJadwal) {
    this.m = m;
    this.seed = m.seed ?? 1;
    const urutan = m.urutanSasaran ?? URUTAN_SASARAN_BAKU;
    const n = m.orang.length;
    this.n = n;
    this.ix = new Indeks(m.orang);
    this.selOf = m.orang.map((k) => {
      const s = new Map<IsoDate, SelJadwal>();
      this.sel.set(k, s);
      return s;
    });
    this.hariKantor = new Array(n).fill(0);
    this.piketKali = new Array(n).fill(0);
    this.absenOf = m.orang.map((k) => m.tidakHadir?.get(k));
    this.kunciOf = m.orang.map((k) => m.kunci?.get(k));
    this.sebelumnyaOf = m.orang.map((k) => m.sebelumnya?.get(k));
    this.permintaanOf = m.orang.map((k) => m.permintaan?.get(k));
    this.tim = new Array(n).fill(0);
    if (m.kohort) {
      const sorted = m.orang
        .map((k, p) => ({ k, p, h: hash(k, this.seed) }))
        .sort((a, b) => a.h - b.h || bandingTeks(a.k, b.k));
      for (const [i, x] of sorted.entries()) this.tim[x.p] = i % 2;
    }
    this.D = m.hari.length;
    const { sisa, keputusan, indeks } = harapanKantorSisa(m, this.ix);
    this.sisa = sisa;
    this.keputusanHari = keputusan;
    this.indeksHari = indeks;
    this.urutanKe = urutan.map((x) => SASARAN_KE[x]);
  }
}

/** Person p's tie-break hash on the day being scheduled (`dh`: "|" and the date). */
export function hashPada(st: Susunan, p: number, dh: string): number {
  if (p >= st.hashHari.length) {
    const h = new Float64Array(Math.max(2 * p, st.n, 16));
    h.set(st.hashHari);
    const c = new Int32Array(h.length);
    c.set(st.hashCap);
    st.hashHari = h;
    st.hashCap = c;
  }
  if (st.hashCap[p] !== st.hariKe + 1) {
    while (st.hashAwal.length <= p)
      st.hashAwal.push(fnv((2166136261 ^ st.seed) >>> 0, st.ix.keys[st.hashAwal.length]!));
    st.hashHari[p] = fnv(st.hashAwal[p]!, dh);
    st.hashCap[p] = st.hariKe + 1;
  }
  return st.hashHari[p]!;
}

/** A piket group of the day, as the greedy appoints it. */
export interface GrupPiket {
  readonly g: KelompokBatasan;
  readonly i: number;
  readonly boleh: readonly number[];
  readonly anggota: readonly number[];
  readonly lapang: number;
}

/** The day being scheduled: its groups as indexes, caps (with counts kept as cells are set) and minimums. */
export class HariIni {
  readonly d: IsoDate;
  readonly ev: EvaluasiHari;
  readonly groups: readonly KelompokBatasan[];
  readonly ig: IndeksKelompok[];
  readonly dh: string;
  readonly caps: KelompokBatasan[];
  readonly capMembers: (readonly number[])[];
  /** everyone with an index (those to schedule first) */
  readonly N: number;
  readonly maks: number[];
  readonly dihitungPiket: boolean[];
  /** people at the office per cap, kept up to date as cells are set */
  readonly hitung: Int32Array;
  readonly kepOf: (KeputusanOrang | undefined)[];
  readonly minimums: KelompokBatasan[];
  readonly minMembers: (readonly number[])[];
  /** each person's minimum groups (compressed rows, like the caps) */
  readonly minStart: Int32Array;
  readonly minList: Int32Array;
  /** the day's piket groups, fewest seat-free candidates first (set after the fixed cells) */
  piketGroups: GrupPiket[] = [];

  constructor(st: Susunan, ev: EvaluasiHari) {
    this.ev = ev;
    this.d = ev.tanggal;
    const groups = ev.kelompok;
    this.groups = groups;
    const ig = st.indeksHari[st.hariKe]!;
    this.ig = ig;
    this.dh = `|${this.d}`;
    const capGi = groups.flatMap((g, gi) => (g.jenis === 'batas_kantor' ? [gi] : []));
    this.caps = capGi.map((gi) => groups[gi]!);
    this.capMembers = capGi.map((gi) => ig[gi]!.anggota);
    const N = st.ix.keys.length;
    this.N = N;
    if (st.status.length < N) {
      st.status = new Array(N);
      st.capCount = new Int32Array(N);
      st.capStart = new Int32Array(N + 1);
    }
    st.status.fill(undefined);
    const { capCount, capStart } = st;
    capCount.fill(0);
    for (const ps of this.capMembers) for (const p of ps) capCount[p]!++;
    capStart[0] = 0;
    for (let p = 0; p < N; p++) capStart[p + 1] = capStart[p]! + capCount[p]!;
    if (st.capList.length < capStart[N]!) st.capList = new Int32Array(capStart[N]! * 2);
    if (st.fillAt.length < N) st.fillAt = new Int32Array(N);
    st.fillAt.set(capStart.subarray(0, N));
    for (const [c, ps] of this.capMembers.entries()) for (const p of ps) st.capList[st.fillAt[p]!++] = c;
    this.maks = this.caps.map((g) => g.maks!);
    this.dihitungPiket = this.caps.map((g) => g.piketDihitung);
    this.hitung = new Int32Array(this.caps.length);
    this.kepOf = st.keputusanHari[st.hariKe]!;
    const minGi = groups.flatMap((g, gi) => (g.jenis === 'minimum_kantor' ? [gi] : []));
    this.minimums = minGi.map((gi) => groups[gi]!);
    this.minMembers = minGi.map((gi) => ig[gi]!.anggota);
    this.minStart = new Int32Array(N + 1);
    for (const ps of this.minMembers) for (const p of ps) this.minStart[p + 1]!++;
    for (let p = 0; p < N; p++) this.minStart[p + 1] = this.minStart[p + 1]! + this.minStart[p]!;
    this.minList = new Int32Array(this.minStart[N]!);
    const minAt = this.minStart.slice(0, N);
    for (const [i, ps] of this.minMembers.entries()) for (const p of ps) this.minList[minAt[p]!++] = i;
  }
}

/** Person p's decision on the day (none for people outside the schedule). */
export function keputusan(st: Susunan, h: HariIni, p: number): KeputusanOrang | undefined {
  return p < st.n ? h.kepOf[p] : undefined;
}

/** Whether p is in a cap on the day. */
export function adaBatas(st: Susunan, p: number): boolean {
  return st.capStart[p + 1]! > st.capStart[p]!;
}

/** Whether every cap of p counts piket. */
export function diHitungSemua(st: Susunan, h: HariIni, p: number): boolean {
  for (let j = st.capStart[p]!; j < st.capStart[p + 1]!; j++)
    if (!h.dihitungPiket[st.capList[j]!]) return false;
  return true;
}

/** Whether cell s counts in cap c (at the office, or on piket where the cap counts piket). */
export function dihitung(h: HariIni, c: number, s: SelJadwal | undefined): boolean {
  return s !== undefined && (s.status === 'WFO' || (s.status === 'PIKET' && h.dihitungPiket[c]!));
}

/** Sets p's cell, keeping the caps' counts. */
export function set(st: Susunan, h: HariIni, p: number, s: SelJadwal): void {
  const prev = st.status[p];
  for (let j = st.capStart[p]!; j < st.capStart[p + 1]!; j++) {
    const c = st.capList[j]!;
    h.hitung[c] = h.hitung[c]! + (dihitung(h, c, s) ? 1 : 0) - (dihitung(h, c, prev) ? 1 : 0);
  }
  st.status[p] = s;
}

/** Whether p fits at the office (piket: in the caps that count piket). */
export function muat(st: Susunan, h: HariIni, p: number, piket: boolean): boolean {
  for (let j = st.capStart[p]!; j < st.capStart[p + 1]!; j++) {
    const c = st.capList[j]!;
    if (!(piket && !h.dihitungPiket[c]) && h.hitung[c]! >= h.maks[c]!) return false;
  }
  return true;
}

/** Whether p may still be given a cell: none yet, or at home by a rule (piket may call them in). */
export function tersedia(st: Susunan, p: number): boolean {
  const c = st.status[p];
  return c === undefined || (c.alasan === 'kebijakan' && c.status === 'WFH');
}

/** Whether p is free (no cell yet, and the rules let them choose). */
export function bebas(st: Susunan, h: HariIni, p: number): boolean {
  return st.status[p] === undefined && keputusan(st, h, p)?.lokasi === 'BEBAS';
}
