/**
 * Move: one direct exchange between a root and an end (seat, piket duty, or composite), the first the pass
 * tries.
 */
import { J_KANTOR, J_PIKET, J_RUMAH, J_RUMAH_ATURAN } from '../../sel.ts';
import { akarHari } from '../akar.ts';
import { bisaBeri, bisaPulang, bisaTukarKelas, kelasHari, rugi } from '../aturan.ts';
import { type Keadaan, TIADA } from '../state.ts';
import { terimaC } from '../ukur.ts';
import { k1, k2 } from './gabung.ts';
import { jalankanTukar } from './tukar.ts';

/**
 * One exchange between a root and someone in `ujungOk` (forward: a root gives; backward: a root takes), or
 * nobody (`tiadaOk`), made if found: for each such person in order, each day, a root of a class that may
 * exchange a seat with them, a root in their piket group that may hand over (or take) the duty, or a
 * composite exchange (K1, K2) through a third person.
 */
export function langsung(st: Keadaan, maju: boolean, goals: readonly number[]): boolean {
  st.cap++;
  // Exchanges with nobody at one end move no one else's goals; with goals to keep they are not tried.
  const tiada = st.tiadaOk && !goals.some((x) => x !== 1);
  for (const e of st.ujungOk) {
    const eo = e * st.D;
    for (let i = 0; i < st.D; i++) {
      const je = st.jenisOrang[eo + i]!;
      if (je === 0) continue;
      const h = st.hari[i]!;
      const o = i * st.M;
      if (je === (maju ? J_RUMAH : J_KANTOR)) {
        if (st.dibangun[i] !== st.cap) akarHari(st, h, i, maju);
        const ke = kelasHari(st, h)[e]!;
        for (let c = o; c < o + st.nKelas[i]!; c++) {
          const kr = st.kelasBuf[c]!;
          if (!(maju ? bisaTukarKelas(st, h, kr, ke) : bisaTukarKelas(st, h, ke, kr))) continue;
          let ditolak = -1;
          for (let j = st.awalBuf[c]!; j < st.awalBuf[c]! + st.panjangBuf[c]!; j++) {
            const r = st.calonBuf[j]!;
            // roots of one class nearly always share their row: one refusal stands for the rest
            if (r === e || st.baris0[r] === ditolak) continue;
            const u = maju ? r : e;
            const v = maju ? e : r;
            if (!terimaC(st, u, v)) {
              ditolak = st.baris0[r]!;
              continue;
            }
            if (goals.length > 0 && rugi(st, goals, i, u, v, false)) continue;
            st.langkah.length = 0;
            st.langkah.push(u, v, i);
            if (jalankanTukar(st, u, v, goals)) return true;
          }
        }
        // Composite exchanges (within the budget). K1 forward: a root on piket hands its duty to q, whose
        // seat e takes; K2 backward: e's seat goes to q (on piket), whose duty a root at home takes.
        if (st.sisaRantai > 0)
          for (let j = o; j < o + st.nPiket[i]!; j++) {
            const r = st.piketBuf[j]!;
            if (
              maju
                ? terimaC(st, r, e) && bisaPulang(st, h, r) && k1(st, i, r, e, goals)
                : terimaC(st, e, r) && k2(st, i, e, r, goals)
            )
              return true;
          }
      }
      const gp = st.piketOrang[eo + i]! - 1;
      if (gp < 0) continue;
      if (maju ? je === J_RUMAH || je === J_RUMAH_ATURAN : je === J_PIKET) {
        if (st.dibangun[i] !== st.cap) akarHari(st, h, i, maju);
        for (let j = o; j < o + st.nPiket[i]!; j++) {
          const r = st.piketBuf[j]!;
          if (r === e || st.piketOrang[r * st.D + i]! - 1 !== gp) continue;
          const u = maju ? r : e;
          const v = maju ? e : r;
          if (
            !terimaC(st, u, v) ||
            !bisaPulang(st, h, u) ||
            rugi(st, goals, i, u, v, true) ||
            !bisaBeri(st, h, u, v, true)
          )
            continue;
          st.langkah.length = 0;
          st.langkah.push(u, v, i);
          if (jalankanTukar(st, u, v, goals)) return true;
        }
        // K2 forward: a root at the office hands its seat to q (on piket), whose duty e takes; backward K1:
        // e (on piket) hands its duty to q, whose seat a root at home takes. One root per class (the rules
        // depend on the class only).
        if (st.sisaRantai > 0 && (maju || bisaPulang(st, h, e)))
          for (let c = o; c < o + st.nKelas[i]!; c++) {
            let ditolak = -1;
            for (let j = st.awalBuf[c]!; j < st.awalBuf[c]! + st.panjangBuf[c]!; j++) {
              const r = st.calonBuf[j]!;
              if (r === e || st.baris0[r] === ditolak) continue;
              if (maju ? !terimaC(st, r, e) : !terimaC(st, e, r)) {
                ditolak = st.baris0[r]!;
                continue;
              }
              if (maju ? k2(st, i, r, e, goals) : k1(st, i, e, r, goals)) return true;
              break;
            }
          }
      }
    }
  }
  if (!tiada || st.sisaRantai <= 0) return false;
  // Nobody at the other end: forward, a root on piket goes home and q takes its duty (K1, no receiver);
  // backward, q on piket takes a free seat and a root takes its duty (K2, no giver).
  for (let i = 0; i < st.D; i++) {
    const h = st.hari[i]!;
    if (st.dibangun[i] !== st.cap) akarHari(st, h, i, maju);
    for (let j = i * st.M; j < i * st.M + st.nPiket[i]!; j++) {
      const r = st.piketBuf[j]!;
      if (
        maju
          ? terimaC(st, r, TIADA) && bisaPulang(st, h, r) && k1(st, i, r, TIADA, goals)
          : terimaC(st, TIADA, r) && k2(st, i, TIADA, r, goals)
      )
        return true;
    }
  }
  return false;
}
