import { type JamHari, type JamKerja, menitKerjaHari } from '@sigap/domain';
import type { Lang } from './i18n';

/** ISO weekdays, Monday (1) to Sunday (7). */
export const HARI = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Hari = (typeof HARI)[number];

/** What the form holds for one weekday; a day switched off keeps its times for when it comes back. */
export interface DraftHari {
  readonly aktif: boolean;
  readonly mulai: string;
  readonly selesai: string;
  /** As typed: a number, or '' while the field is empty. */
  readonly istirahat: number | string;
}

export type DraftJamKerja = Readonly<Record<Hari, DraftHari>>;

/** Times a newly switched-on day starts with (a Monday under Perpres 21/2023). */
const BAWAAN: DraftHari = { aktif: false, mulai: '07:30', selesai: '16:00', istirahat: 60 };

export const JAM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
export const ISTIRAHAT_MAKS = 240;

/** The form's starting point from the saved setting. */
export function draftFrom(jk: JamKerja): DraftJamKerja {
  const out = {} as Record<Hari, DraftHari>;
  for (const d of HARI) {
    const j = jk[d];
    out[d] = j
      ? { aktif: true, mulai: j.mulai, selesai: j.selesai, istirahat: j.istirahatMenit }
      : { ...BAWAAN };
  }
  return out;
}

/** What is wrong with one day, as a message key (null = fine, or the day is off). */
export type MasalahHari = 'jamFormat' | 'istirahatSalah' | 'selesaiSebelumMulai' | null;

export function masalahHari(d: DraftHari): MasalahHari {
  if (!d.aktif) return null;
  if (!JAM_RE.test(d.mulai) || !JAM_RE.test(d.selesai)) return 'jamFormat';
  const ist = d.istirahat;
  if (typeof ist !== 'number' || !Number.isInteger(ist) || ist < 0 || ist > ISTIRAHAT_MAKS)
    return 'istirahatSalah';
  if (menitKerjaHari({ mulai: d.mulai, selesai: d.selesai, istirahatMenit: ist }) <= 0)
    return 'selesaiSebelumMulai';
  return null;
}

/** Net minutes of a valid, switched-on day; null otherwise. */
export function menitHari(d: DraftHari): number | null {
  if (!d.aktif || masalahHari(d) !== null) return null;
  return menitKerjaHari({ mulai: d.mulai, selesai: d.selesai, istirahatMenit: Number(d.istirahat) });
}

/** The weekly total of the valid days (what the server will compute once saved). */
export function menitMingguan(draft: DraftJamKerja): number {
  return HARI.reduce((sum, d) => sum + (menitHari(draft[d]) ?? 0), 0);
}

/** Whether the whole week can be saved: no day has a problem and at least one day works. */
export function jamKerjaSah(draft: DraftJamKerja): boolean {
  return HARI.every((d) => masalahHari(draft[d]) === null) && HARI.some((d) => draft[d].aktif);
}

/** The setting to send: only the switched-on days. */
export function toJamKerja(draft: DraftJamKerja): Partial<Record<Hari, JamHari>> {
  const out: Partial<Record<Hari, JamHari>> = {};
  for (const d of HARI) {
    const j = draft[d];
    if (j.aktif) out[d] = { mulai: j.mulai, selesai: j.selesai, istirahatMenit: Number(j.istirahat) };
  }
  return out;
}

/** "37 jam 30 menit" / "37 h 30 min"; whole hours drop the minutes. */
export function fmtDurasi(menit: number, lang: Lang): string {
  const h = Math.floor(menit / 60);
  const m = menit % 60;
  return lang === 'id' ? `${h} jam${m ? ` ${m} menit` : ''}` : `${h} h${m ? ` ${m} min` : ''}`;
}

/**
 * Tidies a typed time: "8.00", "8:00", "800" and "0800" become "08:00" (Indonesians write 08.00).
 * Anything else is returned as typed, for the validation to flag.
 */
export function rapikanJam(s: string): string {
  const t = s.trim();
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return t;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return t;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
