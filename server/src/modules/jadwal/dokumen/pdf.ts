// Moved to ../rekap/pdf.ts; kept for cli/main.ts (another helper's area) until its import follows.
export * from '../rekap/pdf.ts';
