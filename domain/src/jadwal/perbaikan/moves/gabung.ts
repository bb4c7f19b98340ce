/**
 * Move: composite exchange through a third person q on one day, a pivot between a seat and a piket duty (where
 * piket is not counted in a cap, this is how an office day appears or disappears):
 *   K1: the giver, on piket, goes home; q, at the office in its piket groups, takes the duty; the receiver,
 *       free at home, takes q's seat (or nobody does, TIADA, if no free person at home needs it);
 *   K2: the giver, at the office, goes home; q, on piket, takes its seat; the receiver, at home and eligible,
 *       takes q's duty (or there is no giver, TIADA, and q takes a free seat).
 * Each is made, then checked as a whole (`sahGabung`) and undone if it breaks a rule; which classes of giver,
 * q and receiver may do so is kept per day (`bolehGabung`, for the day's version).
 */
import type { HariTersimpan } from '../../hari.ts';
import { J_RUMAH } from '../../sel.ts';
import {
  bisaDuduk,
  bolehSemua,
  diKantorPiket,
  diPiket,
  kelasHari,
  penuh,
  rugi,
  samaBaris,
} from '../aturan.ts';
import { type Keadaan, TIADA } from '../state.ts';
import { ganti, pindah, selKantor, selRumah, tandai } from '../ubah.ts';

/** Remembers the counts of p's caps and minimums on day h before a composite change (see `sahGabung`). */
export function sentuh(st: Keadaan, h: HariTersimpan, p: number) {
  for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
    const c = h.cap.list[j]!;
    if (!st.tCap.includes(c)) {
      st.tCap.push(c);
      st.tCapLama.push(h.hitung[c]!);
    }
  }
  for (let j = h.min.start[p]!; j < h.min.start[p + 1]!; j++) {
    const c = h.min.list[j]!;
    if (!st.tMin.includes(c)) {
      st.tMin.push(c);
      st.tMinLama.push(h.minHadir[c]!);
    }
  }
}

/** After `ganti` of the people `ps`: every hard rule of the day the change could touch still holds. */
export function sahGabung(st: Keadaan, h: HariTersimpan, ps: readonly number[]) {
  for (const [k, c] of st.tCap.entries()) {
    const lama = st.tCapLama[k]!;
    const baru = h.hitung[c]!;
    const maks = h.maks[c]!;
    if ((baru > lama && baru > maks) || (lama > maks && baru !== lama)) return false;
    if (baru < lama && baru < maks)
      for (const x of h.capMembers[c]!)
        if (x < st.n && h.jenis[x] === J_RUMAH && !penuh(st, h, x)) return false;
  }
  for (const p of ps) if (h.jenis[p] === J_RUMAH && !penuh(st, h, p)) return false;
  for (const [k, c] of st.tMin.entries()) {
    const lama = st.tMinLama[k]!;
    const baru = h.minHadir[c]!;
    const min = h.minMin[c]!;
    if ((baru < lama && baru < min) || (lama < min && baru !== lama)) return false;
  }
  return true;
}

/** Whether the composite exchange of this kind and classes is known to break a rule (for the day's version). */
export function gagalGabung(_st: Keadaan, h: HariTersimpan, key: number) {
  if (h.bolehGabungVersi !== h.versi) {
    h.bolehGabung.clear();
    h.bolehGabungVersi = h.versi;
  }
  return h.bolehGabung.get(key) === false;
}

/** Makes the composite exchange (gabungPs → gabungBaru) on day i, or undoes it; then moves the office day. */
export function gabung(st: Keadaan, i: number, giver: number, receiver: number, key: number): boolean {
  const h = st.hari[i]!;
  if (st.mencatat) {
    st.jurnalKunci = `${i}|${st.gabungPs.join(',')}`;
    if (st.lewati.has(st.jurnalKunci)) return false;
  }
  st.tCap.length = 0;
  st.tCapLama.length = 0;
  st.tMin.length = 0;
  st.tMinLama.length = 0;
  st.gabungLama.length = 0;
  for (const p of st.gabungPs) {
    sentuh(st, h, p);
    st.gabungLama.push(h.status[p]!);
  }
  const versi = h.versi;
  st.sisaRantai--;
  for (const [k, p] of st.gabungPs.entries()) ganti(st, h, i, p, st.gabungBaru[k]!);
  if (!sahGabung(st, h, st.gabungPs)) {
    for (let k = st.gabungPs.length - 1; k >= 0; k--) ganti(st, h, i, st.gabungPs[k]!, st.gabungLama[k]!);
    h.versi = versi;
    h.bolehGabung.set(key, false);
    return false;
  }
  if (st.mencatat)
    for (const [k, p] of st.gabungPs.entries()) {
      st.jurnalHari.push(i);
      st.jurnalOrang.push(p);
      st.jurnalSel.push(st.gabungLama[k]!);
    }
  pindah(st, giver, receiver);
  for (const p of st.gabungPs) tandai(st, p);
  return true;
}

/** The key of a composite exchange of one kind (1: K1, 2: K2) by the classes of giver, pivot and receiver. */
export function kunciGabung(st: Keadaan, h: HariTersimpan, jenis: number, a: number, b: number, c: number) {
  const kl = kelasHari(st, h);
  const C = h.wakil.length + 1;
  const k = (p: number) => (p === TIADA ? C - 1 : kl[p]!);
  return ((jenis * C + k(a)) * C + k(b)) * C + k(c);
}

/** K1 on day i: giver on piket, q at the office in its piket groups, receiver (or TIADA) at home. */
export function cobaK1(st: Keadaan, i: number, gv: number, q: number, rc: number, goals: readonly number[]) {
  const h = st.hari[i]!;
  if (q === gv || q === rc || !samaBaris(st, h.piket, gv, q) || !bolehSemua(st, h, q)) return false;
  if (rugi(st, goals, i, gv, q, true) || (rc !== TIADA && rugi(st, goals, i, q, rc, false))) return false;
  const key = kunciGabung(st, h, 1, gv, q, rc);
  if (gagalGabung(st, h, key)) return false;
  st.gabungPs.length = 0;
  st.gabungBaru.length = 0;
  st.gabungPs.push(gv, q);
  st.gabungBaru.push(selRumah(st, h, gv), h.status[gv]!);
  if (rc !== TIADA) {
    st.gabungPs.push(rc);
    st.gabungBaru.push(selKantor(st, h, rc));
  }
  return gabung(st, i, gv, rc, key);
}

/** K2 on day i: giver (or TIADA) at the office, q on piket who may sit, receiver at home and eligible. */
export function cobaK2(st: Keadaan, i: number, gv: number, q: number, rc: number, goals: readonly number[]) {
  const h = st.hari[i]!;
  if (
    q === gv ||
    q === rc ||
    !bisaDuduk(st, h, q) ||
    !samaBaris(st, h.piket, q, rc) ||
    !bolehSemua(st, h, rc)
  )
    return false;
  if ((gv !== TIADA && rugi(st, goals, i, gv, q, false)) || rugi(st, goals, i, q, rc, true)) return false;
  const key = kunciGabung(st, h, 2, gv, q, rc);
  if (gagalGabung(st, h, key)) return false;
  st.gabungPs.length = 0;
  st.gabungBaru.length = 0;
  if (gv !== TIADA) {
    st.gabungPs.push(gv);
    st.gabungBaru.push(selRumah(st, h, gv));
  }
  st.gabungPs.push(q, rc);
  st.gabungBaru.push(selKantor(st, h, q), h.status[q]!);
  return gabung(st, i, gv, rc, key);
}

/** K1 with giver gv and receiver rc: one q of each class in gv's piket group at the office. */
export function k1(st: Keadaan, i: number, gv: number, rc: number, goals: readonly number[]) {
  const h = st.hari[i]!;
  const kl = kelasHari(st, h);
  st.kelasDicoba.length = 0;
  for (const q of diKantorPiket(st, h, st.piketOrang[gv * st.D + i]! - 1)) {
    if (st.kelasDicoba.includes(kl[q]!)) continue;
    if (cobaK1(st, i, gv, q, rc, goals)) return true;
    st.kelasDicoba.push(kl[q]!);
  }
  return false;
}

/** K2 with giver gv and receiver rc: one q of each class among those on piket in rc's piket group. */
export function k2(st: Keadaan, i: number, gv: number, rc: number, goals: readonly number[]) {
  const h = st.hari[i]!;
  const gp = st.piketOrang[rc * st.D + i]! - 1;
  if (gp < 0) return false;
  const kl = kelasHari(st, h);
  st.kelasDicoba.length = 0;
  for (const q of diPiket(st, h, gp)) {
    if (st.kelasDicoba.includes(kl[q]!)) continue;
    if (cobaK2(st, i, gv, q, rc, goals)) return true;
    st.kelasDicoba.push(kl[q]!);
  }
  return false;
}
