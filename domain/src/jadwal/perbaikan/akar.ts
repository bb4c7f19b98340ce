/** Roots and ends of a search: the people a transfer could start from (by day and class) and end at. */
import type { HariTersimpan } from '../hari.ts';
import { J_KANTOR, J_PIKET, J_RUMAH, J_RUMAH_ATURAN } from '../sel.ts';
import { kelasHari } from './aturan.ts';
import { type Keadaan, TIADA } from './state.ts';
import { terimaC } from './ukur.ts';

/** The people a search from group g's members may end at: the members and anyone in a piket group with one. */
export function ujungOf(st: Keadaan, g: number): readonly number[] {
  let u = st.ujung[g];
  if (u) return u;
  st.cap++;
  u = [];
  for (const p of st.anggota[g]!) {
    st.dilihat[p] = st.cap;
    u.push(p);
  }
  for (const h of st.hari) {
    if (h.piketAnggota.length === 0) continue;
    if (h.piketCap.length === 0) h.piketCap = new Int32Array(h.piketAnggota.length);
    for (const p of st.anggota[g]!)
      for (let j = h.piket.start[p]!; j < h.piket.start[p + 1]!; j++) {
        const gp = h.piket.list[j]!;
        if (h.piketCap[gp] === st.cap) continue;
        h.piketCap[gp] = st.cap;
        for (const q of h.piketAnggota[gp]!)
          if (q < st.n && st.dilihat[q] !== st.cap) {
            st.dilihat[q] = st.cap;
            u.push(q);
          }
      }
  }
  st.ujung[g] = u;
  return u;
}

/** The ends of a pair's search from g: `ujungOf(g)` and the members of the other groups of g's members. */
export function ujungLuasOf(st: Keadaan, g: number): readonly number[] {
  let u = st.ujungLuas[g];
  if (u) return u;
  const dasar = ujungOf(st, g);
  st.cap++;
  u = [...dasar];
  for (const p of dasar) st.dilihat[p] = st.cap;
  st.nilaiCap++;
  for (const p of st.anggota[g]!)
    for (let j = st.kStart[p]!; j < st.kStart[p + 1]!; j++) {
      const h = st.kList[j]!;
      if (st.dinilai[h] === st.nilaiCap) continue;
      st.dinilai[h] = st.nilaiCap;
      for (const q of st.anggota[h]!)
        if (st.dilihat[q] !== st.cap) {
          st.dilihat[q] = st.cap;
          u.push(q);
        }
    }
  st.ujungLuas[g] = u;
  return u;
}

/** Fills `ujungOk` (and `tiadaOk`) for a search from the roots `akar` of group g (see `ujungOk`). */
export function cariUjung(st: Keadaan, g: number, maju: boolean) {
  st.diterima.clear();
  st.ujungOk.length = 0;
  st.wakilAkar.length = 0;
  st.cap++;
  for (const r of st.akar)
    if (st.dilihat[st.baris0[r]!] !== st.cap) {
      st.dilihat[st.baris0[r]!] = st.cap;
      st.wakilAkar.push(r);
    }
  for (const e of st.adaAcuan || st.lemah ? ujungLuasOf(st, g) : ujungOf(st, g))
    for (const r of st.wakilAkar)
      if (maju ? terimaC(st, r, e) : terimaC(st, e, r)) {
        st.ujungOk.push(e);
        break;
      }
  st.ujungOk.sort((a, b) => (maju ? st.kantor[a]! - st.kantor[b]! : st.kantor[b]! - st.kantor[a]!) || a - b);
  st.tiadaOk = false;
  for (const r of st.wakilAkar) if (maju ? terimaC(st, r, TIADA) : terimaC(st, TIADA, r)) st.tiadaOk = true;
}

/**
 * Builds the roots on day i for the search under way (`dibangun[i] === cap`): for a seat, by class, in
 * calonBuf[i * M ..] (per class kelasBuf, awalBuf, panjangBuf at i * M + c; nKelas[i] classes); for a piket
 * duty, in piketBuf[i * M ..] (nPiket[i] of them).
 */
export function akarHari(st: Keadaan, h: HariTersimpan, i: number, maju: boolean) {
  st.dibangun[i] = st.cap;
  const kl = kelasHari(st, h);
  const jSeat = maju ? J_KANTOR : J_RUMAH;
  const o = i * st.M;
  let nk = 0;
  let np = 0;
  for (const r of st.akar) {
    const j = st.jenisOrang[r * st.D + i]!;
    if (j === jSeat) {
      const k = kl[r]!;
      if (h.kelasCap[k] !== st.cap) {
        h.kelasCap[k] = st.cap;
        h.kelasPos[k] = nk;
        st.kelasBuf[o + nk] = k;
        st.panjangBuf[o + nk] = 0;
        nk++;
      }
      st.panjangBuf[o + h.kelasPos[k]!]!++;
    }
    if (st.piketOrang[r * st.D + i]! > 0 && (maju ? j === J_PIKET : j === J_RUMAH || j === J_RUMAH_ATURAN))
      st.piketBuf[o + np++] = r;
  }
  let at = o;
  for (let c = 0; c < nk; c++) {
    st.awalBuf[o + c] = at;
    at += st.panjangBuf[o + c]!;
    st.panjangBuf[o + c] = 0;
  }
  for (const r of st.akar)
    if (st.jenisOrang[r * st.D + i] === jSeat) {
      const c = o + h.kelasPos[kl[r]!]!;
      st.calonBuf[st.awalBuf[c]! + st.panjangBuf[c]!] = r;
      st.panjangBuf[c]!++;
    }
  st.nKelas[i] = nk;
  st.nPiket[i] = np;
}
