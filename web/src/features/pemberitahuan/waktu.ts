/** "3 menit yang lalu" / "3 minutes ago"; "baru saja" under a minute. */
export function waktuLalu(iso: string, now: number, lang: 'id' | 'en'): string {
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 60) return lang === 'id' ? 'baru saja' : 'just now';
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
  if (abs < 30 * 86_400) return rtf.format(Math.round(s / 86_400), 'day');
  if (abs < 365 * 86_400) return rtf.format(Math.round(s / (30 * 86_400)), 'month');
  return rtf.format(Math.round(s / (365 * 86_400)), 'year');
}
