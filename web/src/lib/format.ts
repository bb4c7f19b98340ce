import { formatTanggal, localDate, localTime, singkatanZona, type ZonaWaktu } from '@sigap/domain';
import type { Lang } from './i18n';

/** "18 Agustus 2020" / "18 August 2020" from YYYY-MM-DD (or an ISO instant's date part). */
export function fmtTanggal(iso: string | null | undefined, lang: Lang, withDay = false): string {
  if (!iso) return '';
  return formatTanggal(iso.slice(0, 10), lang, withDay);
}

/** "18 Agustus 2020 07.30 WIB": an instant in the Pemda's zone, with the zone's abbreviation. */
export function fmtWaktu(instant: string, zona: ZonaWaktu, lang: Lang): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const hm = localTime(d, zona);
  return `${formatTanggal(localDate(d, zona), lang, false)} ${lang === 'id' ? hm.replace(':', '.') : hm} ${singkatanZona(zona)}`;
}

/** Numbers the Indonesian way (15.000) or the English way (15,000). */
export function fmtAngka(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US').format(n);
}

/** A coordinate pair with 6 decimals. */
export function fmtKoordinat(lat: number, lng: number): string {
  return `${lat.toFixed(6)}, ${lng.toFixed(6)}`;
}

/** File size in KB/MB. */
export function fmtUkuran(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmtAngka(Math.round(bytes / 102.4) / 10, lang)} KB`;
  return `${fmtAngka(Math.round(bytes / 104857.6) / 10, lang)} MB`;
}

/** Today's date in a zone, YYYY-MM-DD. */
export function todayIn(zona: ZonaWaktu): string {
  return localDate(new Date(), zona);
}
