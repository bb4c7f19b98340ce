import { z } from 'zod';
import { type Pesan, pesan } from '../i18n/message.ts';

/**
 * Characters no name or text field may hold: C0 controls (NUL included) except tab, line feed and
 * carriage return in long text, DEL and C1 controls, and the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) that make "gpj.exe" look like "exe.jpg".
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being refused
const TERLARANG_BARIS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being refused
const TERLARANG_PANJANG = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The first forbidden character of a text, described for a person (null: the text is plain). */
export function karakterTerlarang(v: string, multiline = false): Pesan | null {
  const m = (multiline ? TERLARANG_PANJANG : TERLARANG_BARIS).exec(v);
  if (!m) return null;
  const cp = m[0].codePointAt(0)!;
  const kode = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
  return bidi
    ? pesan(
        `berisi karakter pembalik arah teks (${kode}) di posisi ${m.index + 1}; ketik ulang tanpa karakter itu`,
        `contains a text-direction override character (${kode}) at position ${m.index + 1}; type it again without it`,
      )
    : pesan(
        `berisi karakter kendali (${kode}) di posisi ${m.index + 1}; ketik ulang tanpa karakter itu`,
        `contains a control character (${kode}) at position ${m.index + 1}; type it again without it`,
      );
}

/**
 * A zod string that holds plain text: no control characters (tab and line breaks only when
 * `multiline`), no bidi overrides. The one refinement every JSON API and the import validation use for
 * names and other text.
 */
export function teksBiasa(opts: { multiline?: boolean } = {}) {
  return z.string().superRefine((v, ctx) => {
    const p = karakterTerlarang(v, opts.multiline ?? false);
    if (p) ctx.addIssue({ code: 'custom', message: `${p.id} ‖ ${p.en}` });
  });
}

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with =, +, -, @, tab or
 * carriage return may run as a formula when a spreadsheet opens the export. Such a cell is written with
 * a leading apostrophe. So that every value comes back exactly, a value that already starts with
 * apostrophes before one of those characters gets one more; plain numbers ("-7.875") stay as they are.
 * {@link bukaNetral} undoes exactly this on import.
 */
const PEMICU = /^'*[=+\-@\t\r]/;
const ANGKA = /^[+-]?\d+(\.\d+)?$/;
export function netralkanSel(v: string): string {
  return PEMICU.test(v) && !ANGKA.test(v) ? `'${v}` : v;
}

/** The inverse of {@link netralkanSel}: what the export neutralised, the import restores. */
export function bukaNetral(v: string): string {
  return /^'+[=+\-@\t\r]/.test(v) && !ANGKA.test(v.slice(1)) ? v.slice(1) : v;
}
