/** Ordering candidates by the soft goals, in the Pemda's order (the greedy's "fairest first"). */
import { DI_KANTOR } from '../sel.ts';
import { adaBatas, diHitungSemua, type HariIni, hashPada, type Susunan } from './state.ts';

/**
 * The candidates ps ordered for the office or for piket: each one's soft-goal keys in the Pemda's order, then
 * the hash, compared left to right (lower comes first). Goals that cannot tell people apart for this purpose
 * (the same value for everyone) are left out.
 */
export function urutkan(st: Susunan, h: HariIni, ps: readonly number[], untuk: 'kantor' | 'piket'): number[] {
  const { m, n, hariKantor, sisa, D, hariKe, piketKali, tim, hariKerjaKe, sebelumnyaOf, permintaanOf, ix } =
    st;
  const { d, dh } = h;
  const kolom = st.urutanKe.filter(
    (s) =>
      s === 0 ||
      (s === 1 && untuk === 'piket') ||
      (s === 2 && m.kohort) ||
      (s === 3 && m.sebelumnya !== undefined) ||
      (s === 4 && m.permintaan !== undefined),
  );
  const L = kolom.length + 1;
  if (st.kunciBuf.length < ps.length * L) st.kunciBuf = new Float64Array(ps.length * L * 2);
  const sc = st.kunciBuf;
  const iM = kolom.indexOf(0);
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j]!;
    const o = j * L;
    for (let i = 0; i < kolom.length; i++) {
      const s = kolom[i];
      let v = 0;
      if (p < n) {
        if (s === 0) v = hariKantor[p]! + sisa[p * D + hariKe]!;
        else if (s === 1) v = piketKali[p]!;
        else if (s === 2) v = tim[p] === hariKerjaKe % 2 ? 0 : 1;
        else if (s === 3) {
          const prev = sebelumnyaOf[p]?.get(d);
          v = prev === undefined ? 0 : (untuk === 'piket' ? prev === 'PIKET' : DI_KANTOR(prev)) ? 0 : 1;
        } else {
          // asked for the office first, then no request, then asked for home
          const want = permintaanOf[p]?.get(d);
          v = want === 'WFO' ? 0 : want === undefined ? 1 : 2;
        }
      }
      sc[o + i] = v;
    }
    sc[o + kolom.length] = hashPada(st, p, dh);
  }
  if (untuk === 'piket' && iM >= 0) {
    // Piket changes how evenly office days are spread only where it is an office day on top of the
    // caps (not counted in one): then 'merata' orders the candidates, those in no cap group getting the
    // best cap-group candidate's value; otherwise piket takes a seat like anyone else and rotates.
    let tambahan = false;
    for (let j = 0; j < ps.length && !tambahan; j++)
      tambahan = adaBatas(st, ps[j]!) && !diHitungSemua(st, h, ps[j]!);
    let best = Number.POSITIVE_INFINITY;
    if (tambahan)
      for (let j = 0; j < ps.length; j++) if (adaBatas(st, ps[j]!)) best = Math.min(best, sc[j * L + iM]!);
    for (let j = 0; j < ps.length; j++)
      if (!tambahan) sc[j * L + iM] = 0;
      else if (!adaBatas(st, ps[j]!)) sc[j * L + iM] = best === Number.POSITIVE_INFINITY ? 0 : best;
  }
  const order = new Array<number>(ps.length);
  for (let j = 0; j < ps.length; j++) order[j] = j;
  order.sort((a, b) => {
    const oa = a * L;
    const ob = b * L;
    for (let i = 0; i < L; i++) {
      const x = sc[oa + i]!;
      const y = sc[ob + i]!;
      if (x !== y) return x - y;
    }
    const ka = ix.keys[ps[a]!]!;
    const kb = ix.keys[ps[b]!]!;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  for (let j = 0; j < ps.length; j++) order[j] = ps[order[j]!]!;
  return order;
}
