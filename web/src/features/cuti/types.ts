/** Shapes of the leave register API: inferred from the shared schemas (domain/src/api/cuti.ts). */
export type {
  CutiItem,
  HasilCatat,
  HasilImporCuti,
  HasilPutusan,
  JadwalTercatat,
  StatusCuti,
} from '@sigap/domain/api/cuti';
