/**
 * Keeping a scheduled day: its totals added, and its state as the improvement pass needs it
 * (`HariTersimpan`).
 */
import { baris } from '../hari.ts';
import { DI_KANTOR, jenisSel } from '../sel.ts';
import type { SelJadwal } from '../tipe.ts';
import type { HariIni, Susunan } from './state.ts';

/**
 * Ends the day: each person's cell (WFO without a policy where none was set), the office days and piket duties
 * added, the cap groups over the period extended, and the day kept for the improvement pass.
 */
export function simpanHari(st: Susunan, h: HariIni): void {
  const {
    n,
    cells,
    status,
    hariKantor,
    piketKali,
    kelompokKe,
    kelompokAnggota,
    anggotaTerakhir,
    capStart,
    capList,
  } = st;
  const {
    d,
    groups,
    ig,
    caps,
    capMembers,
    N,
    hitung,
    maks,
    dihitungPiket,
    kepOf,
    minimums,
    minMembers,
    minStart,
    minList,
  } = h;
  const TANPA = cells.get('WFO', null, 'tanpa_kebijakan');
  const akhir = new Array<SelJadwal>(n);
  const jenis = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const c = status[p] ?? TANPA;
    akhir[p] = c;
    if (c.alasan !== 'kebijakan' || c.status === 'WFH') jenis[p] = jenisSel(c);
    if (DI_KANTOR(c.status)) hariKantor[p]!++;
    if (c.status === 'PIKET') piketKali[p]!++;
  }
  // Kept for the improvement pass: the day's cells, caps and minimums with their counts.
  const minHadir = new Int32Array(minimums.length);
  for (const [i, ps] of minMembers.entries())
    for (const p of ps) if (p < n && DI_KANTOR(akhir[p]!.status)) minHadir[i]!++;
  for (const [c, g] of caps.entries()) {
    let gi = kelompokKe.get(g.id);
    if (gi === undefined) {
      gi = kelompokAnggota.length;
      kelompokKe.set(g.id, gi);
      kelompokAnggota.push(new Set());
      anggotaTerakhir.push(undefined);
    }
    const ps = capMembers[c]!;
    if (anggotaTerakhir[gi] !== ps) {
      anggotaTerakhir[gi] = ps;
      const s = kelompokAnggota[gi]!;
      for (const p of ps) if (p < n) s.add(p);
    }
  }
  const piketGi = groups.flatMap((g, gi) => (g.jenis === 'piket' ? [gi] : []));
  st.tersimpan.push({
    tanggal: d,
    status: akhir,
    jenis,
    kep: kepOf,
    cap: { start: capStart.slice(0, N + 1), list: capList.slice(0, capStart[N]!) },
    capMembers,
    hitung,
    maks,
    dihitungPiket,
    min: { start: minStart, list: minList },
    minHadir,
    minMin: minimums.map((g) => g.min!),
    piket: baris(
      N,
      piketGi.map((gi) => ig[gi]!.anggota),
    ),
    piketBoleh: baris(
      N,
      piketGi.map((gi) => ig[gi]!.boleh),
    ),
    piketAnggota: piketGi.map((gi) => ig[gi]!.anggota),
    piketCap: new Int32Array(0),
    hariKerjaKe: st.hariKerjaKe,
    kelas: null,
    wakil: [],
    kelasCap: new Int32Array(0),
    kelasPos: new Int32Array(0),
    kelasSelesai: new Int32Array(0),
    versi: 0,
    bolehTukar: new Map(),
    bolehVersi: 0,
    pemegang: [],
    kantorPiket: [],
    piketVersi: 0,
    bolehGabung: new Map(),
    bolehGabungVersi: 0,
  });
}
