import { isiBebas, laporLebih, minimumDulu, minimumLagi, tetapkan, tunjukPiket } from './harian/langkah.ts';
import { simpanHari } from './harian/simpan.ts';
import { HariIni, Susunan } from './harian/state.ts';
import { ratakan } from './perbaikan/index.ts';
import type { HasilJadwal, MasukanJadwal, OpsiSolve } from './tipe.ts';

export * from './tipe.ts';

/**
 * Builds the schedule: one status per person per day. Hard rules — every cap, fixed WFO/WFH, piket
 * counts and eligibility, minimums, nobody unavailable scheduled to work, locked cells kept — are met
 * whenever the instance allows; otherwise the best roster is returned with each violation listed.
 * Soft goals (office days spread evenly within a cap group, piket rotated, cohorts, few changes,
 * requests) order the choices, greedily per day, in the Pemda's order — for piket too. 'merata' looks
 * ahead: office days so far plus those still expected (`harapanKantorSisa`). Per day: fixed cells; piket
 * (groups with the fewest seat-free candidates first; members of a minimum only piket can still meet
 * first); minimums; the free fill of every cap; minimums again from home; broken caps reported. Then, where
 * 'merata' is a goal, an improvement pass (`ratakan`) moves office days from the most to the fewest within
 * each cap group by exchanges that keep every hard rule and make no goal ranked above 'merata' worse
 * (`opsi.perbaikan: false` leaves the greedy roster). Deterministic for the same input and seed. Time and
 * memory grow about linearly with people × days (plus a sort per day): `npm run bench:jadwal`.
 */
export function solveJadwal(m: MasukanJadwal, opsi: OpsiSolve = {}): HasilJadwal {
  const st = new Susunan(m);
  const { n, sebelumnyaOf, permintaanOf, tim, tersimpan, kelompokAnggota, urutanKe, hariKantor, piketKali } =
    st;
  for (const ev of m.hari) {
    const h = new HariIni(st, ev);
    tetapkan(st, h);
    tunjukPiket(st, h);
    minimumDulu(st, h);
    isiBebas(st, h);
    minimumLagi(st, h);
    laporLebih(st, h);
    simpanHari(st, h);
    if (ev.hariKerja) st.hariKerjaKe++;
    st.hariKe++;
  }

  // 7. Improvement pass: office days moved from the most to the fewest within each cap group ('merata').
  const iMerata = urutanKe.indexOf(0);
  if (opsi.perbaikan !== false && iMerata >= 0 && kelompokAnggota.length > 0) {
    const aktif = (s: number) =>
      s === 1 ||
      (s === 2 && m.kohort === true) ||
      (s === 3 && m.sebelumnya !== undefined) ||
      (s === 4 && m.permintaan !== undefined);
    const nilai = (s: number, i: number, p: number, piket: boolean): number => {
      const h = tersimpan[i]!;
      if (s === 2) return tim[p] === h.hariKerjaKe % 2 ? 0 : 1;
      if (s === 3) {
        // the cell it would take (WFO, or PIKET) before 0, at home before 2, else 1: an exchange that is no
        // worse for each pair of people changes no more cells of the roster rebuilt
        const prev = sebelumnyaOf[p]?.get(h.tanggal);
        return prev === (piket ? 'PIKET' : 'WFO') ? 0 : prev === 'WFH' ? 2 : 1;
      }
      const want = permintaanOf[p]?.get(h.tanggal);
      return want === 'WFO' ? 0 : want === undefined ? 1 : 2;
    };
    ratakan({
      n,
      hari: tersimpan,
      kantor: hariKantor,
      piketKali,
      anggota: kelompokAnggota.map((s) => [...s].sort((a, b) => a - b)),
      cells: st.cells,
      nilai,
      atas: urutanKe.slice(0, iMerata).filter(aktif),
      bawah: urutanKe.slice(iMerata + 1).filter(aktif),
    });
  }

  for (let p = 0; p < n; p++) {
    const s = st.selOf[p]!;
    for (const h of tersimpan) s.set(h.tanggal, h.status[p]!);
  }
  return {
    sel: st.sel,
    pelanggaran: st.pelanggaran,
    hariKantor: new Map(m.orang.map((k, p) => [k, hariKantor[p]!])),
  };
}
