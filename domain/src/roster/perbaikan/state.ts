import type { HariTersimpan } from '../hari.ts';
import type { Sel } from '../sel.ts';

/** What the improvement pass is given: the greedy's days, totals and cap groups, and the soft goals to keep. */
export interface KonteksRatakan {
  readonly n: number;
  readonly hari: readonly HariTersimpan[];
  /** office days and piket duties per person over the period, kept up to date */
  readonly kantor: number[];
  readonly piketKali: number[];
  /** members (indexes < n, ascending) of each cap group over the period */
  readonly anggota: readonly (readonly number[])[];
  readonly cells: Sel;
  /** a soft goal's key for a person on a day, as `urutkan` orders candidates (lower = comes in first) */
  readonly nilai: (s: number, i: number, p: number, piket: boolean) => number;
  /** the active soft goals ranked above 'merata' (never made worse) and below it (made worse only if need be) */
  readonly atas: readonly number[];
  readonly bawah: readonly number[];
}

/** "Nobody", as one end of a transfer: an office day that appears or disappears (see `ratakan`). */
export const TIADA = -1;

/**
 * Work beyond single exchanges (chains, composite exchanges, remove-and-fill, pairs) is done within a budget
 * of RANTAI_DASAR + RANTAI_PER_ORANG units per person to schedule (a unit: a person reached or examined, or a
 * composite exchange checked): the pass stays linear in people × days where deeper moves find nothing.
 */
export const RANTAI_DASAR = 100;
export const RANTAI_PER_ORANG = 1;
/** First transfers of a pair tried per group and direction (see `pasangan`). */
export const PASANGAN_MAKS = 8;
