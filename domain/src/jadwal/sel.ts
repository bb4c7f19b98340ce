import type { RujukanAturan } from '../kebijakan/evaluate.ts';
import type { SelJadwal, StatusJadwal } from './tipe.ts';

/** Whether a status is a day at the office (WFO or piket). */
export const DI_KANTOR = (s: StatusJadwal) => s === 'WFO' || s === 'PIKET';

export type Alasan = SelJadwal['alasan'];

export const STATUS_KE: Readonly<Record<StatusJadwal, number>> = {
  WFO: 0,
  WFH: 1,
  PIKET: 2,
  CUTI: 3,
  SAKIT: 4,
  ISOLASI: 5,
  LIBUR: 6,
};
export const ALASAN_KE: Readonly<Record<Alasan, number>> = {
  kebijakan: 0,
  batas: 1,
  piket: 2,
  kunci: 3,
  tidak_hadir: 4,
  libur: 5,
  tanpa_kebijakan: 6,
};

/**
 * Cells are immutable and may be shared: those without a rule (days off, absences) are one object each,
 * and a cell equal to the one made just before (people of one unit and level come in a row) is reused.
 */
export class Sel {
  private readonly tanpaSumber: (SelJadwal | undefined)[] = [];
  private last: SelJadwal | undefined;
  get(status: StatusJadwal, sumber: RujukanAturan | null, alasan: Alasan): SelJadwal {
    if (sumber === null) {
      const i = STATUS_KE[status] * 8 + ALASAN_KE[alasan];
      let c = this.tanpaSumber[i];
      if (!c) {
        c = { status, sumber, alasan };
        this.tanpaSumber[i] = c;
      }
      return c;
    }
    const l = this.last;
    if (l && l.sumber === sumber && l.status === status && l.alasan === alasan) return l;
    const c = { status, sumber, alasan };
    this.last = c;
    return c;
  }
}

/** Kinds of cell the improvement pass may change: at the office by the schedule's choice (within caps). */
export const J_KANTOR = 1;
/** at home by the schedule's choice (its caps are full) */
export const J_RUMAH = 2;
/** appointed piket */
export const J_PIKET = 3;
/** at home by a rule (may be appointed piket, as the greedy does) */
export const J_RUMAH_ATURAN = 4;
export function jenisSel(c: SelJadwal): number {
  if (c.alasan === 'batas') return c.status === 'WFO' ? J_KANTOR : J_RUMAH;
  if (c.alasan === 'piket' && c.status === 'PIKET') return J_PIKET;
  return c.alasan === 'kebijakan' && c.status === 'WFH' ? J_RUMAH_ATURAN : 0;
}
