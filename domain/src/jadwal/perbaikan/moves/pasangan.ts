/** Move: a pair of transfers judged together, for where one alone evens one group and unevens another. */
import { ujungLuasOf } from '../akar.ts';
import { type Keadaan, PASANGAN_MAKS } from '../state.ts';
import { batal } from '../ubah.ts';
import { coba } from './coba.ts';

/**
 * A pair of transfers, for where one alone does not help (it evens one group and unevens another): a first
 * from (forward) or to the members of g with v office days that lowers some group's range without raising
 * their sum, then a second that evens a group the first made more uneven; made if the two together are
 * accepted against the groups as they were before (`acuan*`), else the first is undone. At most PASANGAN_MAKS
 * first transfers are tried, within the chains' budget.
 */
export function pasangan(st: Keadaan, g: number, v: number, maju: boolean): boolean {
  st.lewati.clear();
  for (let k = 0; k < PASANGAN_MAKS && st.sisaRantai > 0; k++) {
    st.sisaRantai -= ujungLuasOf(st, g).length;
    st.lemah = true;
    st.mencatat = true;
    st.jurnalHari.length = 0;
    st.jurnalOrang.length = 0;
    st.jurnalSel.length = 0;
    const ada = coba(st, g, v, maju, false);
    st.lemah = false;
    st.mencatat = false;
    if (!ada) return false;
    st.lewati.add(st.jurnalKunci);
    st.adaAcuan = true;
    let ok = false;
    for (let a = 0; a < st.acuanG.length && !ok; a++) {
      const h = st.acuanG[a]!;
      if (st.rentang[h]! <= st.acuanR[a]!) continue;
      st.sisaRantai -= ujungLuasOf(st, h).length;
      let lo = 0;
      while (st.hist[h * st.W + lo] === 0) lo++;
      ok = coba(st, h, lo + st.rentang[h]!, true, true) || coba(st, h, lo, false, true);
    }
    st.adaAcuan = false;
    if (ok) return true;
    batal(st);
  }
  return false;
}
