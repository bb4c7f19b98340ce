import { localTime, singkatanZona, type ZonaWaktu } from '@sigap/domain';
import type { Lang } from '../../lib/i18n';

// The kiosk's clock (KioskPage.tsx): always in the Pemda's zone, whatever zone the tablet is set to.

/** The time at instant `ms` in zone `zona`: "07.31" (id) or "07:31" (en), the seconds, and the long date. */
export function jamDi(ms: number, zona: ZonaWaktu, lang: Lang) {
  const d = new Date(ms);
  const bagian = new Intl.DateTimeFormat('en-GB', {
    timeZone: zona,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const ambil = (t: string) => bagian.find((p) => p.type === t)?.value ?? '00';
  const tanggal = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: zona,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
  const pemisah = lang === 'id' ? '.' : ':';
  return { hm: `${ambil('hour')}${pemisah}${ambil('minute')}`, detik: ambil('second'), tanggal };
}

/** The instant's time of day in the Pemda's zone: "07.31 WIB". */
export function jamServer(iso: string, zona: ZonaWaktu, lang: Lang) {
  const hm = localTime(new Date(iso), zona);
  return `${lang === 'id' ? hm.replace(':', '.') : hm} ${singkatanZona(zona)}`;
}
