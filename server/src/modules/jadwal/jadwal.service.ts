// The schedule services, split by job; this file keeps their names importable from one place for
// callers outside the module (the CLI, the demo seed, the leave module, tests).
//   build.service.ts    building a version (and the requests it honours), checking the schedule in force
//   publish.service.ts  publishing a draft, listing versions
//   changes.service.ts  absences written into the schedule, a unit head's change of a cell, locks
//   views.service.ts    the grid, the occupancy overview, an employee's own schedule
//   rekap/              the recap rows, the printed recap's data (XLSX/PDF) and the recap import
// The organisation and policies for a period (the read model they share) are ../evaluasi.
export { bahanPeriode, evaluasiPeriode, muatTidakHadir } from '../evaluasi/evaluasi.service.ts';
export { buatJadwal, mintaJadwal, type OpsiBuat, periksa, permintaanSaya } from './build.service.ts';
export { catatKetidakhadiranDiJadwal, lepasKunci, ubahSel } from './changes.service.ts';
export { cekOpdDalamLingkup } from './lingkup.ts';
export { daftarVersi, statusVersi, terbitkan } from './publish.service.ts';
export { dokumenRekap, imporRekap, KOLOM_REKAP, rekap } from './rekap/rekap.service.ts';
export { grid, jadwalSaya, okupansi, periodeTerbitSaya } from './views.service.ts';
