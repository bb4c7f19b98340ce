import type { Pesan } from '../i18n/message.ts';
import type { IsoDate } from '../kalender/dates.ts';
import type { EvaluasiHari, RujukanAturan } from '../kebijakan/evaluate.ts';

/** A cell of the schedule recap (CONTRACTS.md). */
export type StatusJadwal = 'WFO' | 'WFH' | 'PIKET' | 'CUTI' | 'SAKIT' | 'ISOLASI' | 'LIBUR';
export type Ketidakhadiran = 'CUTI' | 'SAKIT' | 'ISOLASI';

/** Soft goals, in the order the Pemda ranks them (earlier = more important). */
export type Sasaran = 'merata' | 'rotasi_piket' | 'kohort' | 'stabil' | 'permintaan';
export const URUTAN_SASARAN_BAKU: readonly Sasaran[] = [
  'merata',
  'rotasi_piket',
  'kohort',
  'stabil',
  'permintaan',
];

export interface MasukanJadwal {
  /** People to schedule (keys: NIP or id_pegawai), in a stable order. */
  readonly orang: readonly string[];
  /** The policy evaluation of each day, in date order. */
  readonly hari: readonly EvaluasiHari[];
  /** Approved leave, sickness and isolation: person → date → kind. */
  readonly tidakHadir?: ReadonlyMap<string, ReadonlyMap<IsoDate, Ketidakhadiran>>;
  /** Cells a unit head fixed: person → date → status. Kept as they are. */
  readonly kunci?: ReadonlyMap<string, ReadonlyMap<IsoDate, 'WFO' | 'WFH' | 'PIKET'>>;
  /** The published roster being rebuilt: person → date → status (fewer changes preferred). */
  readonly sebelumnya?: ReadonlyMap<string, ReadonlyMap<IsoDate, StatusJadwal>>;
  /** What people asked for: person → date → WFO or WFH. */
  readonly permintaan?: ReadonlyMap<string, ReadonlyMap<IsoDate, 'WFO' | 'WFH'>>;
  /** Keep the same people on the same days (team A / team B) so contacts stay within a team. */
  readonly kohort?: boolean;
  readonly urutanSasaran?: readonly Sasaran[];
  /** Tie-breaker; the same input and seed give the same roster. */
  readonly seed?: number;
}

export interface SelJadwal {
  readonly status: StatusJadwal;
  /** The policy rule behind the cell (null: no policy, leave, a lock, or a day off). */
  readonly sumber: RujukanAturan | null;
  readonly alasan: 'kebijakan' | 'batas' | 'piket' | 'kunci' | 'tidak_hadir' | 'libur' | 'tanpa_kebijakan';
}

/** A rule the roster could not meet, with why. It never breaks a cap silently. */
export interface Pelanggaran {
  readonly tanggal: IsoDate;
  readonly kode:
    | 'BATAS_TERLAMPAUI'
    | 'MINIMUM_KURANG'
    | 'PIKET_KURANG'
    | 'PIKET_BERLEBIH'
    | 'KUNCI_TIDAK_HADIR'
    | 'WAJIB_WFO'
    | 'WAJIB_WFH'
    | 'PIKET_TIDAK_BOLEH';
  readonly kelompokId: string | null;
  readonly orang: readonly string[];
  readonly pesan: Pesan;
}

export interface HasilJadwal {
  /** person → date → cell */
  readonly sel: ReadonlyMap<string, ReadonlyMap<IsoDate, SelJadwal>>;
  readonly pelanggaran: readonly Pelanggaran[];
  /** Office days per person over the period (WFO + PIKET). */
  readonly hariKantor: ReadonlyMap<string, number>;
}

/** Options of `solveJadwal` beyond its input. */
export interface OpsiSolve {
  /**
   * Run the improvement pass after the greedy days (default true). false returns the greedy roster alone,
   * for tests and benchmarks that compare the two.
   */
  readonly perbaikan?: boolean;
}
