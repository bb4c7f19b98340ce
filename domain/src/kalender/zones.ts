/** Indonesia's three time zones (Keppres 41/1987), as the IANA zones a Pemda may choose. */
export const ZONA_WAKTU = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type ZonaWaktu = (typeof ZONA_WAKTU)[number];

/** The Indonesian abbreviation of a zone. */
export function singkatanZona(z: ZonaWaktu): 'WIB' | 'WITA' | 'WIT' {
  switch (z) {
    case 'Asia/Jakarta':
    case 'Asia/Pontianak':
      return 'WIB';
    case 'Asia/Makassar':
      return 'WITA';
    case 'Asia/Jayapura':
      return 'WIT';
  }
}

/** UTC offset in hours (Indonesia has no daylight saving). */
export function offsetJam(z: ZonaWaktu): number {
  return { WIB: 7, WITA: 8, WIT: 9 }[singkatanZona(z)];
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, z: ZonaWaktu): string {
  const t = new Date(instant.getTime() + offsetJam(z) * 3600_000);
  return t.toISOString().slice(0, 10);
}

/** The local wall-clock time HH:MM of an instant in a zone. */
export function localTime(instant: Date, z: ZonaWaktu): string {
  const t = new Date(instant.getTime() + offsetJam(z) * 3600_000);
  return t.toISOString().slice(11, 16);
}

/** Formats an instant as "18/08/2020 07.30 WIB" (Indonesian convention: dot in times). */
export function formatWaktu(instant: Date, z: ZonaWaktu, lang: 'id' | 'en' = 'id'): string {
  const d = localDate(instant, z);
  const [y, m, day] = d.split('-');
  const hm = localTime(instant, z);
  return lang === 'en'
    ? `${d} ${hm} ${singkatanZona(z)}`
    : `${day}/${m}/${y} ${hm.replace(':', '.')} ${singkatanZona(z)}`;
}

/** The instant (ISO, UTC) at which a local calendar day begins in a zone. */
export function localDayStart(d: string, z: ZonaWaktu): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) - offsetJam(z) * 3600_000).toISOString();
}
