/**
 * One transfer from or to a group's members with a given number of office days: the moves in the order the
 * pass tries them.
 */
import { cariUjung } from '../akar.ts';
import type { Keadaan } from '../state.ts';
import { buangTambah } from './buang-tambah.ts';
import { langsung } from './langsung.ts';
import { cariRantai } from './rantai.ts';

/**
 * A transfer from (forward) or to the members of g with v office days, accepted as `terima` says: one
 * exchange (simple or composite), else remove-and-fill / add-and-eject, else (`rantai`) a chain.
 */
export function coba(st: Keadaan, g: number, v: number, maju: boolean, rantai: boolean) {
  st.akar.length = 0;
  for (const p of st.anggota[g]!) if (st.kantor[p] === v) st.akar.push(p);
  cariUjung(st, g, maju);
  if (st.ujungOk.length === 0 && !st.tiadaOk) return false;
  if (langsung(st, maju, st.semua) || (st.bawahLain.length > 0 && langsung(st, maju, st.atas))) return true;
  if (
    st.sisaRantai > 0 &&
    (buangTambah(st, maju, st.semua) || (st.bawahLain.length > 0 && buangTambah(st, maju, st.atas)))
  )
    return true;
  return (
    rantai &&
    st.sisaRantai > 0 &&
    (cariRantai(st, g, st.akar, st.semua, maju) ||
      (st.bawahLain.length > 0 && cariRantai(st, g, st.akar, st.atas, maju)))
  );
}
