/**
 * Move: remove-and-fill and add-and-eject.
 * Remove-and-fill (forward): a root r leaves the office on day i (its seat; or its piket duty, handed to
 * someone eligible at home or, as a pivot, at the office by choice), then every idle seat this leaves is
 * filled by the free person at home with the fewest office days. Add-and-eject (backward): a root comes in
 * to a seat, each cap this overfills sends home its member at the office by choice with the most office
 * days, and the seats that empties are filled again. The changes are made one by one (`ubahSel`), then
 * checked as a whole (`sahGabung`) and judged as one transfer; undone if either fails.
 */
import type { HariTersimpan } from '../../hari.ts';
import { DI_KANTOR, J_KANTOR, J_PIKET, J_RUMAH, J_RUMAH_ATURAN } from '../../sel.ts';
import type { SelJadwal } from '../../tipe.ts';
import { bisaPulang, bolehSemua, muatDi, penuh, rugi, samaBaris } from '../aturan.ts';
import { type Keadaan, TIADA } from '../state.ts';
import { ganti, pindahUbah, selKantor, selRumah, tandai } from '../ubah.ts';
import { luar, semuaLuar, terimaUbah } from '../ukur.ts';
import { sahGabung, sentuh } from './gabung.ts';

/** Starts a remove-and-fill or add-and-eject: no cell changed yet. */
export function mulai(st: Keadaan) {
  st.tCap.length = 0;
  st.tCapLama.length = 0;
  st.tMin.length = 0;
  st.tMinLama.length = 0;
  st.gabungPs.length = 0;
  st.gabungLama.length = 0;
}

/** Sets p's cell on day i, remembering the cell before and the counts it touches. */
export function ubahSel(st: Keadaan, h: HariTersimpan, i: number, p: number, baru: SelJadwal) {
  sentuh(st, h, p);
  st.gabungPs.push(p);
  st.gabungLama.push(h.status[p]!);
  ganti(st, h, i, p, baru);
}

/** Undoes the changes made since `mulai` on day h and restores the day's version. */
export function urungkan(st: Keadaan, h: HariTersimpan, i: number, versi: number) {
  for (let k = st.gabungPs.length - 1; k >= 0; k--) ganti(st, h, i, st.gabungPs[k]!, st.gabungLama[k]!);
  h.versi = versi;
}

/** Fills the idle seats of the caps touched so far, fewest office days first; false if one cannot be. */
export function isi(
  st: Keadaan,
  h: HariTersimpan,
  i: number,
  asal: number,
  goals: readonly number[],
): boolean {
  for (let langkahIsi = 0; langkahIsi < 8; langkahIsi++) {
    let perlu = -1;
    for (const c of st.tCap) {
      if (h.hitung[c]! >= h.maks[c]!) continue;
      for (const x of h.capMembers[c]!)
        if (x < st.n && h.jenis[x] === J_RUMAH && !penuh(st, h, x)) {
          perlu = c;
          break;
        }
      if (perlu >= 0) break;
    }
    if (perlu < 0) return true;
    let terbaik = -1;
    const ms = h.capMembers[perlu]!;
    st.sisaRantai -= 1 + Math.floor(ms.length / st.D);
    for (const x of ms)
      if (
        x < st.n &&
        h.jenis[x] === J_RUMAH &&
        !st.gabungPs.includes(x) &&
        (terbaik < 0 || st.kantor[x]! < st.kantor[terbaik]!) &&
        muatDi(st, h, x) &&
        !(asal !== TIADA && goals.length > 0 && rugi(st, goals, i, asal, x, false))
      )
        terbaik = x;
    if (terbaik < 0) return false;
    ubahSel(st, h, i, terbaik, selKantor(st, h, terbaik));
  }
  return false;
}

/**
 * Checks, judges and keeps (true) or undoes the changes made since `mulai`. With goals to keep (other than
 * piket rotation), as many must gain an office day as lose one (each exchange was checked against them).
 */
export function akhiri(
  st: Keadaan,
  h: HariTersimpan,
  i: number,
  versi: number,
  goals: readonly number[],
): boolean {
  st.ubahOrang.length = 0;
  st.ubahNilai.length = 0;
  for (const [k, p] of st.gabungPs.entries()) {
    const d = (DI_KANTOR(h.status[p]!.status) ? 1 : 0) - (DI_KANTOR(st.gabungLama[k]!.status) ? 1 : 0);
    if (d === 0) continue;
    st.ubahOrang.push(p);
    st.ubahNilai.push(d);
  }
  let jumlah = 0;
  for (const d of st.ubahNilai) jumlah += d;
  const ok =
    st.ubahOrang.length > 0 &&
    !(jumlah !== 0 && goals.some((x) => x !== 1)) &&
    sahGabung(st, h, st.gabungPs) &&
    !semuaLuar(st, st.ubahOrang) &&
    terimaUbah(st);
  if (ok && st.mencatat) {
    st.jurnalKunci = `${i}|${st.gabungPs.join(',')}`;
    if (st.lewati.has(st.jurnalKunci)) {
      urungkan(st, h, i, versi);
      return false;
    }
    for (const [k, p] of st.gabungPs.entries()) {
      st.jurnalHari.push(i);
      st.jurnalOrang.push(p);
      st.jurnalSel.push(st.gabungLama[k]!);
    }
  }
  if (!ok) {
    urungkan(st, h, i, versi);
    return false;
  }
  pindahUbah(st);
  for (const p of st.gabungPs) tandai(st, p);
  return true;
}

/** Remove-and-fill of root r on day i (see above). */
export function buang(st: Keadaan, i: number, r: number, goals: readonly number[]): boolean {
  const h = st.hari[i]!;
  const jr = h.jenis[r]!;
  if (jr === J_KANTOR) {
    const versi = h.versi;
    mulai(st);
    ubahSel(st, h, i, r, selRumah(st, h, r));
    if (isi(st, h, i, r, goals) && akhiri(st, h, i, versi, goals)) return true;
    if (st.gabungPs.length > 0) urungkan(st, h, i, versi);
    return false;
  }
  if (jr !== J_PIKET || !bisaPulang(st, h, r)) return false;
  const gp = st.piketOrang[r * st.D + i]! - 1;
  if (gp < 0) return false;
  // Who takes the duty: the member at home with the fewest office days, someone in no cap group at home,
  // or a pivot at the office.
  let diRumah = -1;
  let luarRumah = -1;
  let poros = -1;
  const ps = h.piketAnggota[gp]!;
  st.sisaRantai -= 1 + Math.floor(ps.length / st.D);
  for (const q of ps) {
    if (q >= st.n || q === r || !samaBaris(st, h.piket, r, q) || !bolehSemua(st, h, q)) continue;
    const jq = h.jenis[q]!;
    if (jq === J_RUMAH || jq === J_RUMAH_ATURAN) {
      if (rugi(st, goals, i, r, q, true)) continue;
      if (luar(st, q)) {
        if (luarRumah < 0 || st.piketKali[q]! < st.piketKali[luarRumah]!) luarRumah = q;
      } else if (diRumah < 0 || st.kantor[q]! < st.kantor[diRumah]!) diRumah = q;
    } else if (jq === J_KANTOR && poros < 0 && !rugi(st, goals, i, r, q, true)) poros = q;
  }
  for (const q of [diRumah, luarRumah, poros]) {
    if (q < 0) continue;
    const versi = h.versi;
    mulai(st);
    const tugas = h.status[r]!;
    ubahSel(st, h, i, r, selRumah(st, h, r));
    ubahSel(st, h, i, q, tugas);
    // whoever fills a seat q leaves takes it from q
    if (isi(st, h, i, q === poros ? q : r, goals) && akhiri(st, h, i, versi, goals)) return true;
    if (st.gabungPs.length > 0) urungkan(st, h, i, versi);
  }
  return false;
}

/** Add-and-eject of root t on day i (see above). */
export function tambah(st: Keadaan, i: number, t: number, goals: readonly number[]): boolean {
  const h = st.hari[i]!;
  if (h.jenis[t] !== J_RUMAH) return false;
  const versi = h.versi;
  mulai(st);
  ubahSel(st, h, i, t, selKantor(st, h, t));
  let ok = true;
  for (let j = h.cap.start[t]!; j < h.cap.start[t + 1]! && ok; j++) {
    const c = h.cap.list[j]!;
    if (h.hitung[c]! <= h.maks[c]!) continue;
    let terbaik = -1;
    const ms = h.capMembers[c]!;
    st.sisaRantai -= 1 + Math.floor(ms.length / st.D);
    for (const y of ms)
      if (
        y < st.n &&
        h.jenis[y] === J_KANTOR &&
        !st.gabungPs.includes(y) &&
        (terbaik < 0 || st.kantor[y]! > st.kantor[terbaik]!) &&
        !(goals.length > 0 && rugi(st, goals, i, y, t, false))
      )
        terbaik = y;
    if (terbaik < 0) ok = false;
    else ubahSel(st, h, i, terbaik, selRumah(st, h, terbaik));
  }
  if (ok && isi(st, h, i, t, goals) && akhiri(st, h, i, versi, goals)) return true;
  urungkan(st, h, i, versi);
  return false;
}

/** Remove-and-fill from (forward) or add-and-eject to (backward) the roots, within the budget. */
export function buangTambah(st: Keadaan, maju: boolean, goals: readonly number[]): boolean {
  for (const r of st.akar)
    for (let i = 0; i < st.D && st.sisaRantai > 0; i++) {
      const j = st.jenisOrang[r * st.D + i]!;
      if (
        maju
          ? (j === J_KANTOR || j === J_PIKET) && buang(st, i, r, goals)
          : j === J_RUMAH && tambah(st, i, r, goals)
      )
        return true;
    }
  return false;
}
