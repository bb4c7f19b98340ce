import { z } from 'zod';
import type { Pesan } from '../i18n/message.ts';
import { MAKS_HARI_PERIODE, masalahPeriode, masalahTanggal, TANGGAL_MAKS, TANGGAL_MIN } from './dates.ts';

/**
 * The zod schemas every request, import and document uses for dates and periods: one definition of
 * "a date Sigap accepts" (`TANGGAL_MIN`…`TANGGAL_MAKS`) and of "a period" (`dari` ≤ `sampai`, at most
 * `MAKS_HARI_PERIODE` days). Messages carry both languages as "Indonesian ‖ English" (as the policy
 * schema's do); the API answers in the caller's language.
 */
const kata = (p: Pesan) => `${p.id} ‖ ${p.en}`;

/** A date Sigap accepts, written YYYY-MM-DD. */
export const TanggalSchema = z
  .string({ error: (iss) => kata(masalahTanggal(iss.input as string)!) })
  .check((ctx) => {
    const p = masalahTanggal(ctx.value);
    if (p) ctx.issues.push({ code: 'custom', input: ctx.value, message: kata(p) });
  })
  .meta({ format: 'date', description: `tanggal YYYY-MM-DD, ${TANGGAL_MIN} s.d. ${TANGGAL_MAKS}` });

/**
 * Adds the period check to an object with `dari` and `sampai` (either may be optional in the shape: the
 * check then applies when both are given): `dari` not after `sampai`, at most `maksHari` days. The issue
 * is reported on `sampai`.
 */
export function denganPeriode<T extends z.ZodObject<{ dari: z.ZodType; sampai: z.ZodType }>>(
  obj: T,
  maksHari = MAKS_HARI_PERIODE,
): T {
  return obj.check((ctx) => {
    const v = ctx.value as { dari?: unknown; sampai?: unknown };
    if (typeof v.dari !== 'string' || typeof v.sampai !== 'string') return;
    // Each date on its own is checked by TanggalSchema; only the period is left here.
    if (masalahTanggal(v.dari) || masalahTanggal(v.sampai)) return;
    const p = masalahPeriode(v.dari, v.sampai, maksHari);
    if (p) ctx.issues.push({ code: 'custom', input: v.sampai, path: ['sampai'], message: kata(p) });
  });
}

/** `{dari, sampai}`: a period of accepted dates, `dari` ≤ `sampai`, at most a year. */
export const PeriodeSchema = denganPeriode(z.object({ dari: TanggalSchema, sampai: TanggalSchema }));

/**
 * An object with a required period `dari`…`sampai` (at most `maksHari` days) and the other fields given.
 * For a filter whose ends are optional, use `denganPeriode` on an object with `TanggalSchema.optional()`.
 */
export function periodeDengan<S extends z.ZodRawShape>(lain: S, maksHari = MAKS_HARI_PERIODE) {
  return denganPeriode(z.object({ dari: TanggalSchema, sampai: TanggalSchema, ...lain }), maksHari);
}
