import type { IsoDate } from '../kalender/dates.ts';
import type { KeputusanOrang } from '../kebijakan/evaluate.ts';
import type { SelJadwal } from './tipe.ts';

/** Compressed rows: the lists of each person p at list[start[p] .. start[p + 1]). */
export interface Baris {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/** For N people, the indexes of the lists that name each person. */
export function baris(N: number, lists: readonly (readonly number[])[]): Baris {
  const start = new Int32Array(N + 1);
  for (const ps of lists) for (const p of ps) start[p + 1]!++;
  for (let p = 0; p < N; p++) start[p + 1] = start[p + 1]! + start[p]!;
  const list = new Int32Array(start[N]!);
  const at = start.slice(0, N);
  for (const [i, ps] of lists.entries()) for (const p of ps) list[at[p]!++] = i;
  return { start, list };
}

/** One day as the greedy left it, kept for the improvement pass (people as indexes, caps as in the day loop). */
export interface HariTersimpan {
  readonly tanggal: IsoDate;
  /** the cell of each person to schedule, and their decision */
  readonly status: SelJadwal[];
  /** the kind of each cell (J_KANTOR …, 0 for cells the pass never changes), kept with `status` */
  readonly jenis: Uint8Array;
  readonly kep: readonly (KeputusanOrang | undefined)[];
  /** each person's caps (rows over the day's caps), their members, counts at the office, maximums */
  readonly cap: Baris;
  readonly capMembers: readonly (readonly number[])[];
  readonly hitung: Int32Array;
  readonly maks: readonly number[];
  readonly dihitungPiket: readonly boolean[];
  /** each person's minimums, people at the office per minimum, and the minimum */
  readonly min: Baris;
  readonly minHadir: Int32Array;
  readonly minMin: readonly number[];
  /** each person's piket groups (as a member, and where eligible), and their members */
  readonly piket: Baris;
  readonly piketBoleh: Baris;
  readonly piketAnggota: readonly (readonly number[])[];
  /** per piket group, for the pass's bookkeeping (a stamp) */
  piketCap: Int32Array;
  readonly hariKerjaKe: number;
  /** people with the same caps and minimums share a class (computed when first needed), and its first person */
  kelas: Int32Array | null;
  wakil: number[];
  /** per class, for the search under way (valid where `kelasCap` is its number): position in its lists */
  kelasCap: Int32Array;
  kelasPos: Int32Array;
  /** per class: the search under way has reached everyone this class may exchange a seat with */
  kelasSelesai: Int32Array;
  /** bumped at every exchange made or undone on the day: the caches below hold for one version */
  versi: number;
  /** whether a class may hand a seat to another (key: giver class × 2^20 + receiver class) */
  bolehTukar: Map<number, boolean>;
  bolehVersi: number;
  /** who is on piket in each piket group, and who is at the office by choice (see `anggotaBerjenis`) */
  pemegang: (number[] | undefined)[];
  kantorPiket: (number[] | undefined)[];
  piketVersi: number;
  /** composite exchanges found to break a rule (key: kind and classes) */
  bolehGabung: Map<number, boolean>;
  bolehGabungVersi: number;
}
