/**
 * Policy evaluation: what each person does on a day under the policies in force (evaluateDay), and the
 * organisation prepared once for it. The parts live in evaluate/: umum.ts (types, preparation, helpers),
 * konteks.ts (one day's state), putusan.ts (a person's decision), kelompok.ts (the day's groups), hari.ts.
 */
export { evaluateDay } from './evaluate/hari.ts';
export type {
  EvaluasiHari,
  InfoHari,
  KalenderKerja,
  KelompokBatasan,
  KeputusanOrang,
  Lokasi,
  MetodeAbsensi,
  OrgOpd,
  OrgPegawai,
  OrgSnapshot,
  Pertimbangan,
  PreparedOrg,
  RujukanAturan,
  UnitInfo,
} from './evaluate/umum.ts';
export {
  berlakuPada,
  cocok,
  dipilih,
  hariKerja,
  pemilihAturan,
  prepareOrg,
  rujukanAturan,
  versiBerlaku,
} from './evaluate/umum.ts';
