import { type IsoDate, isoWeekday } from './dates.ts';

/** One working day's hours: start and end as HH:MM local time, and the unpaid break. */
export interface JamHari {
  readonly mulai: string;
  readonly selesai: string;
  readonly istirahatMenit: number;
}

/** Working hours per ISO weekday (1 = Monday); a weekday that is absent is not a working day. */
export type JamKerja = Readonly<Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', JamHari>>>;

/**
 * Perpres 21/2023: Monday–Friday, 37.5 hours a week excluding breaks, from 07.30 local time; a 60-minute
 * break, 90 minutes on Friday.
 */
export const JAM_KERJA_PERPRES_21_2023: JamKerja = {
  '1': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '2': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '3': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '4': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '5': { mulai: '07:30', selesai: '16:30', istirahatMenit: 90 },
};

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Net working minutes of one day (span less break). */
export function menitKerjaHari(j: JamHari): number {
  return minutes(j.selesai) - minutes(j.mulai) - j.istirahatMenit;
}

/** Net working minutes in a week. */
export function menitKerjaMingguan(jk: JamKerja): number {
  return Object.values(jk).reduce((sum, j) => sum + (j ? menitKerjaHari(j) : 0), 0);
}

/** Problems with a working-hours setting, in Indonesian and English. */
export function validateJamKerja(jk: JamKerja): { id: string; en: string }[] {
  const out: { id: string; en: string }[] = [];
  const re = /^([01]\d|2[0-3]):[0-5]\d$/;
  for (const [day, j] of Object.entries(jk)) {
    if (!j) continue;
    if (!re.test(j.mulai) || !re.test(j.selesai)) {
      out.push({ id: `Hari ${day}: jam harus berformat JJ:MM`, en: `Day ${day}: times must be HH:MM` });
      continue;
    }
    if (menitKerjaHari(j) <= 0) {
      out.push({
        id: `Hari ${day}: jam selesai harus setelah jam mulai ditambah istirahat`,
        en: `Day ${day}: the end must come after the start plus the break`,
      });
    }
  }
  return out;
}

/** A non-working day from the holiday calendar. */
export interface HariLibur {
  readonly tanggal: IsoDate;
  readonly jenis: 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
  readonly nama: string;
  readonly dasar: string;
}

/** Whether `d` is a working day: a weekday with hours set, and not a holiday or cuti bersama. */
export function isHariKerja(d: IsoDate, jk: JamKerja, libur: ReadonlySet<IsoDate>): boolean {
  const key = String(isoWeekday(d)) as keyof JamKerja;
  return jk[key] !== undefined && !libur.has(d);
}
