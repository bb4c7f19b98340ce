/** Shapes of the Sigap API answers the web app reads: inferred from the shared schemas (domain/src/api). */
export type { Akun, Me, PemdaItem } from '@sigap/domain/api/akun';
export type { BarisAudit as AuditRow, HalamanAudit as AuditPage } from '@sigap/domain/api/audit';
export type { RingkasanImpor as ImportSummary, TugasImpor as ImportJob } from '@sigap/domain/api/impor';
export type {
  DampakKebijakan,
  DampakOpd,
  HasilSimpanKebijakan,
  HasilValidasiKebijakan,
  KebijakanDetail,
  KebijakanRingkas,
  PenjelasanPegawai,
  StatusKebijakan,
  TemuanKebijakan,
  VersiKebijakan,
} from '@sigap/domain/api/kebijakan';
export type {
  OpdDetail,
  OpdEfektif,
  OpdNode,
  OpdRiwayat,
  OpdTree,
  PegawaiDetail,
  PegawaiPage,
  PegawaiRiwayat,
  PegawaiRow,
} from '@sigap/domain/api/org';
export type {
  HariLibur,
  JamHari,
  Pengaturan,
  UbahPengaturan as PengaturanInput,
} from '@sigap/domain/api/pengaturan';
