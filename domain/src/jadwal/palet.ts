import type { Pesan } from '../i18n/message.ts';
import type { StatusJadwal } from './solve.ts';

/**
 * How a schedule status looks wherever it is shown — the grid on screen, the XLSX and the PDF recap —
 * so that a schedule reads the same on paper and in the browser.
 */

/** Statuses in the order a legend lists them. */
export const URUTAN_STATUS: readonly StatusJadwal[] = [
  'WFO',
  'WFH',
  'PIKET',
  'CUTI',
  'SAKIT',
  'ISOLASI',
  'LIBUR',
];

export interface GayaStatus {
  /** The code printed in a day cell: at most three letters, so 31 days fit across one page */
  readonly kode: string;
  /** Cell fill and text colour, RRGGBB (no #) */
  readonly isi: string;
  readonly teks: string;
  readonly label: Pesan;
}

/**
 * One palette: light fills with dark text of the same hue, so every code stays readable on screen, in
 * colour print and (by its letters) in black-and-white print.
 */
export const GAYA_STATUS: Readonly<Record<StatusJadwal, GayaStatus>> = {
  WFO: {
    kode: 'WFO',
    isi: 'C6EFCE',
    teks: '006100',
    label: { id: 'Bekerja di kantor', en: 'Work from office' },
  },
  WFH: {
    kode: 'WFH',
    isi: 'DDEBF7',
    teks: '1F4E79',
    label: { id: 'Bekerja dari rumah', en: 'Work from home' },
  },
  PIKET: {
    kode: 'PKT',
    isi: 'FFD8A8',
    teks: '7A3E00',
    label: { id: 'Piket (bertugas di kantor)', en: 'On duty at the office' },
  },
  CUTI: { kode: 'CT', isi: 'E4DFEC', teks: '4B2C6F', label: { id: 'Cuti', en: 'Leave' } },
  SAKIT: { kode: 'S', isi: 'FFC7CE', teks: '9C0006', label: { id: 'Sakit', en: 'Sick' } },
  ISOLASI: {
    kode: 'ISO',
    isi: 'FFEB9C',
    teks: '6B5200',
    label: { id: 'Isolasi mandiri', en: 'Self-isolation' },
  },
  LIBUR: {
    kode: 'L',
    isi: 'D9D9D9',
    teks: '404040',
    label: { id: 'Libur / hari tidak bekerja', en: 'Holiday / non-working day' },
  },
};

/** The mark of a day over its cap (or short of its minimum): white on red, RRGGBB. */
export const MERAH_BATAS = { isi: 'C00000', teks: 'FFFFFF' } as const;
