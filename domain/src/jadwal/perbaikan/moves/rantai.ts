/**
 * Move: a chain of exchanges on different days, found breadth-first over a group's members (only the ends
 * change office days). Forward (`maju`): from the roots (members with many office days) giving, to someone t
 * whose transfer is accepted; backward: from the roots (members with few) receiving, back to someone s. A
 * node is first reached by `induk` on day `indukHari`; then the chain is made (`jalankanTukar`).
 */
import { J_KANTOR, J_PIKET, J_RUMAH, J_RUMAH_ATURAN } from '../../sel.ts';
import { bisaBeri, bisaPulang, bisaTukarKelas, diPiket, kelasHari, rugi } from '../aturan.ts';
import type { Keadaan } from '../state.ts';
import { diKelompok, terima } from '../ukur.ts';
import { jalankanTukar } from './tukar.ts';

/** The chain from the search's root to x, as exchanges. */
export function rantai(st: Keadaan, x: number, maju: boolean) {
  st.langkah.length = 0;
  for (let y = x; st.induk[y]! >= 0; y = st.induk[y]!)
    if (maju) st.langkah.push(st.induk[y]!, y, st.indukHari[y]!);
    else st.langkah.push(y, st.induk[y]!, st.indukHari[y]!);
}

/**
 * Move: a chain of exchanges from the roots of group g to an end whose transfer is accepted, made if found.
 */
export function cariRantai(
  st: Keadaan,
  g: number,
  akar: readonly number[],
  goals: readonly number[],
  maju: boolean,
): boolean {
  const ps = st.anggota[g]!;
  st.cap++;
  let qh = 0;
  let qt = 0;
  for (const s of akar) {
    st.dilihat[s] = st.cap;
    st.induk[s] = -1;
    st.pangkal[s] = s;
    st.antre[qt++] = s;
  }
  // Per day i, built when first needed (`dibangun[i] === cap`): the group's members free at home (forward)
  // or at the office (backward), grouped by class in calonBuf[i * M ..]; per class (kelasBuf, awalBuf,
  // panjangBuf at i * M + c, nKelas[i] of them) its id, start and live length; emptied classes dropped. With
  // no goal to keep, a class searched from once on a day is not searched from again (`kelasSelesai`).
  const jCari = maju ? J_RUMAH : J_KANTOR;
  const jSendiri = maju ? J_KANTOR : J_RUMAH;
  const sampai = (x: number, y: number, i: number): boolean => {
    st.dilihat[y] = st.cap;
    st.induk[y] = x;
    st.indukHari[y] = i;
    const r = st.pangkal[x]!;
    st.pangkal[y] = r;
    st.antre[qt++] = y;
    if (maju ? !terima(st, r, y) : !terima(st, y, r)) return false;
    rantai(st, y, maju);
    return maju ? jalankanTukar(st, r, y, goals) : jalankanTukar(st, y, r, goals);
  };
  while (qh < qt) {
    if (--st.sisaRantai < 0) return false;
    const x = st.antre[qh++]!;
    // People outside the group end a chain (so its possible ends are those of `ujungOf`).
    if (!diKelompok(st, x, g)) continue;
    const xo = x * st.D;
    for (let i = 0; i < st.D; i++) {
      const jx = st.jenisOrang[xo + i]!;
      if (jx === 0) continue;
      const h = st.hari[i]!;
      // A seat: x at the office hands it to a member at home (backward: x at home takes one).
      if (jx === jSendiri) {
        const kl = kelasHari(st, h);
        const kx = kl[x]!;
        const o = i * st.M;
        if (st.dibangun[i] !== st.cap) {
          st.dibangun[i] = st.cap;
          let nk = 0;
          for (const p of ps)
            if (h.jenis[p] === jCari) {
              const k = kl[p]!;
              if (h.kelasCap[k] !== st.cap) {
                h.kelasCap[k] = st.cap;
                h.kelasPos[k] = nk;
                st.kelasBuf[o + nk] = k;
                st.panjangBuf[o + nk] = 0;
                nk++;
              }
              st.panjangBuf[o + h.kelasPos[k]!]!++;
            }
          let at = o;
          for (let c = 0; c < nk; c++) {
            st.awalBuf[o + c] = at;
            at += st.panjangBuf[o + c]!;
            st.panjangBuf[o + c] = 0;
          }
          for (const p of ps)
            if (h.jenis[p] === jCari) {
              const c = o + h.kelasPos[kl[p]!]!;
              st.calonBuf[st.awalBuf[c]! + st.panjangBuf[c]!] = p;
              st.panjangBuf[c]!++;
            }
          st.nKelas[i] = nk;
        }
        if (goals.length > 0 || h.kelasSelesai[kx] !== st.cap) {
          if (goals.length === 0) h.kelasSelesai[kx] = st.cap;
          for (let c = o; c < o + st.nKelas[i]!; c++) {
            const ky = st.kelasBuf[c]!;
            if (!(maju ? bisaTukarKelas(st, h, kx, ky) : bisaTukarKelas(st, h, ky, kx))) continue;
            const a0 = st.awalBuf[c]!;
            const len = st.panjangBuf[c]!;
            let w = 0;
            for (let j = 0; j < len; j++) {
              const y = st.calonBuf[a0 + j]!;
              if (st.dilihat[y] === st.cap) continue;
              if (
                goals.length > 0 &&
                (maju ? rugi(st, goals, i, x, y, false) : rugi(st, goals, i, y, x, false))
              ) {
                st.calonBuf[a0 + w++] = y;
                continue;
              }
              if (sampai(x, y, i)) return true;
            }
            st.panjangBuf[c] = w;
            if (w === 0) {
              const last = o + st.nKelas[i]! - 1;
              st.kelasBuf[c] = st.kelasBuf[last]!;
              st.awalBuf[c] = st.awalBuf[last]!;
              st.panjangBuf[c] = st.panjangBuf[last]!;
              st.nKelas[i]!--;
              c--;
            }
          }
        }
      }
      // A piket duty: x on piket hands it to someone eligible at home in its piket groups (backward: x
      // eligible at home takes one); they may be outside the group.
      const gp = st.piketOrang[xo + i]! - 1;
      if (gp < 0) continue;
      if (maju ? jx !== J_PIKET || !bisaPulang(st, h, x) : jx !== J_RUMAH && jx !== J_RUMAH_ATURAN) continue;
      for (const y of maju ? h.piketAnggota[gp]! : diPiket(st, h, gp)) {
        if (y >= st.n || st.dilihat[y] === st.cap) continue;
        const jy = h.jenis[y]!;
        if (maju) {
          if (
            (jy !== J_RUMAH && jy !== J_RUMAH_ATURAN) ||
            rugi(st, goals, i, x, y, true) ||
            !bisaBeri(st, h, x, y, true)
          )
            continue;
        } else if (
          jy !== J_PIKET ||
          !bisaPulang(st, h, y) ||
          rugi(st, goals, i, y, x, true) ||
          !bisaBeri(st, h, y, x, true)
        )
          continue;
        if (sampai(x, y, i)) return true;
      }
    }
  }
  return false;
}
