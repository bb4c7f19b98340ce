/**
 * Judging a transfer: the cap groups' measures (range, deviation, squares) and whether a change of office
 * days lowers them.
 */
import { type Keadaan, TIADA } from './state.ts';

/** Whether person p is a member of cap group g. */
export function diKelompok(st: Keadaan, p: number, g: number) {
  for (let j = st.kStart[p]!; j < st.kStart[p + 1]!; j++) if (st.kList[j] === g) return true;
  return false;
}

/**
 * Measures group g from its histogram into sR (range), sD (deviation from the median), sQ (sum of squares).
 */
export function ukur(st: Keadaan, g: number) {
  const o = g * st.W;
  const half = st.anggota[g]!.length >> 1;
  let lo = -1;
  let hi = 0;
  let med = -1;
  let seen = 0;
  let q = 0;
  for (let v = 0; v < st.W; v++) {
    const c = st.hist[o + v]!;
    if (c === 0) continue;
    if (lo < 0) lo = v;
    hi = v;
    if (med < 0 && seen + c > half) med = v;
    seen += c;
    q += c * v * v;
  }
  let dev = 0;
  for (let v = lo; v <= hi; v++) dev += st.hist[o + v]! * Math.abs(v - med);
  st.sR = hi - lo;
  st.sD = dev;
  st.sQ = q;
}

/** Measures group g and keeps the result as its current range, deviation and sum of squares. */
export function catat(st: Keadaan, g: number) {
  ukur(st, g);
  st.rentang[g] = st.sR;
  st.simpang[g] = st.sD;
  st.kuadrat[g] = st.sQ;
}

/** One office day from s to t (either may be TIADA). */
export function ubahDari(st: Keadaan, s: number, t: number) {
  st.ubahOrang.length = 0;
  st.ubahNilai.length = 0;
  if (s !== TIADA) {
    st.ubahOrang.push(s);
    st.ubahNilai.push(-1);
  }
  if (t !== TIADA) {
    st.ubahOrang.push(t);
    st.ubahNilai.push(1);
  }
}

/** Applies the changes to the histograms (back: undoes them; the totals themselves are unchanged). */
export function geser(st: Keadaan, back: boolean) {
  for (let k = 0; k < st.ubahOrang.length; k++) {
    const p = st.ubahOrang[k]!;
    const x = st.kantor[p]!;
    const y = x + st.ubahNilai[k]!;
    const dari = back ? y : x;
    const ke = back ? x : y;
    for (let j = st.kStart[p]!; j < st.kStart[p + 1]!; j++) {
      const o = st.kList[j]! * st.W;
      st.hist[o + dari] = st.hist[o + dari]! - 1;
      st.hist[o + ke] = st.hist[o + ke]! + 1;
    }
  }
}

/** Whether p (TIADA: nobody) is in no cap group. */
export function luar(st: Keadaan, p: number) {
  return p === TIADA || st.kStart[p] === st.kStart[p + 1];
}

/** Whether everyone in ps is in no cap group. */
export function semuaLuar(st: Keadaan, ps: readonly number[]): boolean {
  for (const p of ps) if (!luar(st, p)) return false;
  return true;
}

/** Whether moving one office day from s to t keeps every group's range and lowers the sums (see above). */
export function terima(st: Keadaan, s: number, t: number): boolean {
  if (s === t || (luar(st, s) && luar(st, t))) return false;
  ubahDari(st, s, t);
  return terimaUbah(st);
}

/** Whether the changes (`ubahOrang`, `ubahNilai`) are accepted (see above). */
export function terimaUbah(st: Keadaan): boolean {
  geser(st, false);
  st.nilaiCap++;
  st.tR = 0;
  st.tD = 0;
  st.tQ = 0;
  st.tNaik = false;
  st.tTurun = false;
  for (const p of st.ubahOrang)
    for (let j = st.kStart[p]!; j < st.kStart[p + 1]!; j++) nilai1(st, st.kList[j]!);
  if (st.adaAcuan) for (const g of st.acuanG) nilai1(st, g);
  geser(st, true);
  if (st.lemah) return st.tR <= 0 && st.tTurun;
  return !st.tNaik && (st.tR < 0 || (st.tR === 0 && (st.tD < 0 || (st.tD === 0 && st.tQ < 0))));
}

/**
 * Adds group g's change (against its kept measures, or `acuan*` for a pair) to the sums `terimaUbah`
 * gathers.
 */
export function nilai1(st: Keadaan, g: number) {
  if (st.dinilai[g] === st.nilaiCap) return;
  st.dinilai[g] = st.nilaiCap;
  ukur(st, g);
  let r0 = st.rentang[g]!;
  let d0 = st.simpang[g]!;
  let q0 = st.kuadrat[g]!;
  if (st.adaAcuan) {
    const a = st.acuanG.indexOf(g);
    if (a >= 0) {
      r0 = st.acuanR[a]!;
      d0 = st.acuanD[a]!;
      q0 = st.acuanQ[a]!;
    }
  }
  if (st.sR > r0) st.tNaik = true;
  if (st.sR < r0) st.tTurun = true;
  st.tR += st.sR - r0;
  st.tD += st.sD - d0;
  st.tQ += st.sQ - q0;
}

/** `terima(s, t)`, kept per pair of (row id, office days) for one search. */
export function terimaC(st: Keadaan, s: number, t: number) {
  const ks = s === TIADA ? st.n * st.W : st.baris0[s]! * st.W + st.kantor[s]!;
  const kt = t === TIADA ? st.n * st.W : st.baris0[t]! * st.W + st.kantor[t]!;
  const key = ks * (st.n + 1) * st.W + kt;
  let ok = st.diterima.get(key);
  if (ok === undefined) {
    ok = terima(st, s, t);
    st.diterima.set(key, ok);
  }
  return ok;
}
