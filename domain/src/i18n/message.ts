/** A user-facing text in Bahasa Indonesia (first) and English. */
export interface Pesan {
  readonly id: string;
  readonly en: string;
}

/** Builds a bilingual message. */
export function pesan(id: string, en: string): Pesan {
  return { id, en };
}

/** Picks the message in the requested language; Indonesian is the default. */
export function teks(p: Pesan, lang: string | undefined): string {
  return lang === 'en' ? p.en : p.id;
}
