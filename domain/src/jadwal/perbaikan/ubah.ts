/**
 * Making changes: a cell set with its counts kept, an office day moved in the totals, the journal undone,
 * the pass's cells.
 */
import type { RujukanAturan } from '../../kebijakan/evaluate.ts';
import type { HariTersimpan } from '../hari.ts';
import { DI_KANTOR, jenisSel } from '../sel.ts';
import type { SelJadwal } from '../tipe.ts';
import type { Keadaan } from './state.ts';
import { catat, geser, ubahDari } from './ukur.ts';

/** Sets the kind of p's cell on day i (in the day and in the person-major copy). */
export function setJenis(st: Keadaan, h: HariTersimpan, i: number, p: number, j: number) {
  h.jenis[p] = j;
  st.jenisOrang[p * st.D + i] = j;
}

/** Marks p's cap groups (other than the one being searched) to be searched again next round. */
export function tandai(st: Keadaan, p: number) {
  for (let j = st.kStart[p]!; j < st.kStart[p + 1]!; j++) {
    const g = st.kList[j]!;
    if (st.kotor[g] === 0 && g !== st.sekarang) {
      st.kotor[g] = 1;
      st.antreKelompok.push(g);
    }
  }
}

/** Moves one office day from s to t (either may be TIADA) in the totals and the groups' measures. */
export function pindah(st: Keadaan, s: number, t: number) {
  ubahDari(st, s, t);
  pindahUbah(st);
}

/** Makes the changes (`ubahOrang`, `ubahNilai`) in the totals and the groups' measures. */
export function pindahUbah(st: Keadaan) {
  if (st.mencatat) {
    st.jurnalUbahOrang.length = 0;
    st.jurnalUbahNilai.length = 0;
    st.jurnalUbahOrang.push(...st.ubahOrang);
    st.jurnalUbahNilai.push(...st.ubahNilai);
    st.acuanG.length = 0;
    st.acuanR.length = 0;
    st.acuanD.length = 0;
    st.acuanQ.length = 0;
    for (const p of st.ubahOrang)
      for (let q = st.kStart[p]!; q < st.kStart[p + 1]!; q++) {
        const g = st.kList[q]!;
        if (st.acuanG.includes(g)) continue;
        st.acuanG.push(g);
        st.acuanR.push(st.rentang[g]!);
        st.acuanD.push(st.simpang[g]!);
        st.acuanQ.push(st.kuadrat[g]!);
      }
  }
  geser(st, false);
  for (let k = 0; k < st.ubahOrang.length; k++) st.kantor[st.ubahOrang[k]!]! += st.ubahNilai[k]!;
  for (const p of st.ubahOrang)
    for (let q = st.kStart[p]!; q < st.kStart[p + 1]!; q++) catat(st, st.kList[q]!);
}

/** Whether cell x counts in cap c of day h (1) or not (0). */
export function dihitungSel(_st: Keadaan, h: HariTersimpan, c: number, x: SelJadwal) {
  return x.status === 'WFO' || (x.status === 'PIKET' && h.dihitungPiket[c]!) ? 1 : 0;
}

/** Sets p's cell on day i, keeping the counts, kinds and piket duties up to date. */
export function ganti(st: Keadaan, h: HariTersimpan, i: number, p: number, baru: SelJadwal) {
  const lama = h.status[p]!;
  for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
    const c = h.cap.list[j]!;
    h.hitung[c] = h.hitung[c]! + dihitungSel(st, h, c, baru) - dihitungSel(st, h, c, lama);
  }
  const dk = (DI_KANTOR(baru.status) ? 1 : 0) - (DI_KANTOR(lama.status) ? 1 : 0);
  for (let j = h.min.start[p]!; j < h.min.start[p + 1]!; j++) h.minHadir[h.min.list[j]!]! += dk;
  if (lama.status === 'PIKET') st.piketKali[p]!--;
  if (baru.status === 'PIKET') st.piketKali[p]!++;
  h.status[p] = baru;
  setJenis(st, h, i, p, jenisSel(baru));
  h.versi++;
}

/** Undoes the transfer in the journal. */
export function batal(st: Keadaan) {
  for (let k = st.jurnalOrang.length - 1; k >= 0; k--) {
    const i = st.jurnalHari[k]!;
    ganti(st, st.hari[i]!, i, st.jurnalOrang[k]!, st.jurnalSel[k]!);
  }
  st.ubahOrang.length = 0;
  st.ubahNilai.length = 0;
  st.ubahOrang.push(...st.jurnalUbahOrang);
  st.ubahNilai.push(...st.jurnalUbahNilai);
  for (let k = 0; k < st.ubahOrang.length; k++) st.kantor[st.ubahOrang[k]!]! -= st.ubahNilai[k]!;
  geser(st, true);
  for (const p of st.ubahOrang)
    for (let q = st.kStart[p]!; q < st.kStart[p + 1]!; q++) catat(st, st.kList[q]!);
}

/** The pass's cell of a kind (0 WFO within caps, 1 WFH within caps, 2 WFH by a rule) for a rule. */
export function sel(st: Keadaan, jenis: 0 | 1 | 2, sumber: RujukanAturan | null) {
  let cs = st.selPer.get(sumber);
  if (!cs) {
    cs = [];
    st.selPer.set(sumber, cs);
  }
  let c = cs[jenis];
  if (!c) {
    c =
      jenis === 0
        ? st.cells.get('WFO', sumber, 'batas')
        : st.cells.get('WFH', sumber, jenis === 1 ? 'batas' : 'kebijakan');
    cs[jenis] = c;
  }
  return c;
}

/** The cell p takes going home on day h (from a seat or a piket duty). */
export function selRumah(st: Keadaan, h: HariTersimpan, p: number) {
  const kep = h.kep[p]!;
  const c = h.status[p]!;
  return c.status === 'PIKET' ? sel(st, kep.lokasi === 'WFH' ? 2 : 1, kep.sumber) : sel(st, 1, c.sumber);
}

/** The cell p takes coming to a seat on day h. */
export function selKantor(st: Keadaan, h: HariTersimpan, p: number) {
  const c = h.status[p]!;
  return sel(st, 0, c.status === 'PIKET' ? h.kep[p]!.sumber : c.sumber);
}
