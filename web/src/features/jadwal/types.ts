/** Shapes of the schedule API answers: inferred from the shared schemas (domain/src/api/jadwal.ts). */
export type {
  AlasanSel,
  GridJadwal,
  HariGrid,
  HariSaya,
  HasilBuat,
  HasilUbahSel,
  JadwalSaya,
  KelompokGrid,
  Okupansi,
  OkupansiHari,
  OrangGrid,
  PelanggaranBuat,
  SelGrid,
  TemuanPeriksa,
  TerbitSaya,
  VersiJadwal,
} from '@sigap/domain/api/jadwal';
