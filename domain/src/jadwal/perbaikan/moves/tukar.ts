/**
 * Move: seat exchange and piket hand-over, one or a chain of them on different days, checked and made one
 * by one.
 */
import { J_KANTOR, J_PIKET, J_RUMAH, J_RUMAH_ATURAN, jenisSel } from '../../sel.ts';
import type { SelJadwal } from '../../tipe.ts';
import { bisaBeri, bisaPulang, hitungBeri, rugi } from '../aturan.ts';
import type { Keadaan } from '../state.ts';
import { pindah, sel, setJenis, tandai } from '../ubah.ts';

/**
 * Move: seat exchange (u at the office goes home, v comes in) or piket hand-over (u hands its duty to v at
 * home), for each step of `langkah` in turn, each checked again; all undone if one fails. Then the office day
 * moves from s to t.
 */
export function jalankanTukar(st: Keadaan, s: number, t: number, goals: readonly number[]): boolean {
  if (st.mencatat) {
    st.jurnalKunci = st.langkah.join(',');
    if (st.lewati.has(st.jurnalKunci)) return false;
  }
  const lama: SelJadwal[] = [];
  let j = 0;
  for (; j < st.langkah.length; j += 3) {
    const u = st.langkah[j]!;
    const v = st.langkah[j + 1]!;
    const i = st.langkah[j + 2]!;
    const h = st.hari[i]!;
    const su = h.status[u]!;
    const sv = h.status[v]!;
    const ju = h.jenis[u]!;
    const jv = h.jenis[v]!;
    const piket = ju === J_PIKET;
    if (
      piket
        ? (jv !== J_RUMAH && jv !== J_RUMAH_ATURAN) || !bisaPulang(st, h, u)
        : ju !== J_KANTOR || jv !== J_RUMAH
    )
      break;
    if (rugi(st, goals, i, u, v, piket) || !bisaBeri(st, h, u, v, piket)) break;
    lama.push(su, sv);
    hitungBeri(st, h, u, v, piket, false);
    if (piket) {
      const kep = h.kep[u]!;
      const rumah = kep.lokasi === 'WFH';
      h.status[u] = sel(st, rumah ? 2 : 1, kep.sumber);
      h.status[v] = su;
      setJenis(st, h, i, u, rumah ? J_RUMAH_ATURAN : J_RUMAH);
      setJenis(st, h, i, v, J_PIKET);
      st.piketKali[u]!--;
      st.piketKali[v]!++;
    } else {
      h.status[u] = sel(st, 1, su.sumber);
      h.status[v] = sel(st, 0, sv.sumber);
      setJenis(st, h, i, u, J_RUMAH);
      setJenis(st, h, i, v, J_KANTOR);
    }
  }
  if (j < st.langkah.length) {
    for (j -= 3; j >= 0; j -= 3) {
      const u = st.langkah[j]!;
      const v = st.langkah[j + 1]!;
      const i = st.langkah[j + 2]!;
      const h = st.hari[i]!;
      const sv = lama.pop()!;
      const su = lama.pop()!;
      const piket = h.jenis[v] === J_PIKET;
      hitungBeri(st, h, u, v, piket, true);
      if (piket) {
        st.piketKali[u]!++;
        st.piketKali[v]!--;
      }
      h.status[u] = su;
      h.status[v] = sv;
      setJenis(st, h, i, u, jenisSel(su));
      setJenis(st, h, i, v, jenisSel(sv));
    }
    return false;
  }
  if (st.mencatat)
    for (let q = 0; q < st.langkah.length; q += 3) {
      st.jurnalHari.push(st.langkah[q + 2]!, st.langkah[q + 2]!);
      st.jurnalOrang.push(st.langkah[q]!, st.langkah[q + 1]!);
      st.jurnalSel.push(lama[(q / 3) * 2]!, lama[(q / 3) * 2 + 1]!);
    }
  pindah(st, s, t);
  for (let q = 0; q < st.langkah.length; q += 3) {
    tandai(st, st.langkah[q]!);
    tandai(st, st.langkah[q + 1]!);
  }
  return true;
}
