import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Pesan, pesan } from '../i18n/message.ts';
import { galatZod } from '../i18n/zod.ts';
import { Kebijakan } from './schema.ts';

/** One problem in a policy document, naming the field by its path (e.g. `aturan[2].hasil.maks`). */
export interface MasalahDokumen {
  readonly jalur: string;
  readonly pesan: Pesan;
  readonly baris?: number | undefined;
}

export type HasilParse =
  | { readonly ok: true; readonly kebijakan: Kebijakan }
  | {
      readonly ok: false;
      /** The first `MAKS_MASALAH` problems, then one line saying how many more there are. */
      readonly masalah: MasalahDokumen[];
      /** How many problems the document has in all. */
      readonly jumlah: number;
    };

/** At most this many problems are listed one by one; a document with more says "and N more". */
export const MAKS_MASALAH = 200;

/**
 * The first `MAKS_MASALAH` problems (their lines are looked up only for those), then one entry saying
 * how many more there are: a 1 MB document with 20,000 mistakes answers with a readable list.
 */
function dibatasi<T>(
  semua: readonly T[],
  jadi: (x: T, i: number) => MasalahDokumen,
): { ok: false; masalah: MasalahDokumen[]; jumlah: number } {
  const masalah = semua.slice(0, MAKS_MASALAH).map(jadi);
  const sisa = semua.length - masalah.length;
  if (sisa > 0) {
    const n = sisa.toLocaleString('id-ID');
    masalah.push({
      jalur: '(dokumen)',
      pesan: pesan(
        `… dan ${n} masalah lain; perbaiki yang di atas lalu periksa lagi`,
        `… and ${sisa.toLocaleString('en-US')} more problems; fix the ones above and check again`,
      ),
    });
  }
  return { ok: false, masalah, jumlah: semua.length };
}

/** `aturan.2.hasil` → `aturan[2].hasil` */
export function formatJalur(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
      '',
    ) || '(dokumen)'
  );
}

function pick(message: string, lang: 'id' | 'en'): string {
  const [id, en] = message.split(' ‖ ');
  return lang === 'en' ? (en ?? id ?? message) : (id ?? message);
}

type Issue = z.core.$ZodIssue;

/**
 * A failed union ("a selector or a list of selectors", "a percentage or a count") says only "invalid
 * input" at the union. Replace it with the issues of the branch that got furthest (deepest path,
 * then fewest issues), so the message names the field that is wrong.
 */
function expandUnions(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const iss of issues) {
    const branches = iss.code === 'invalid_union' ? (iss as { errors?: Issue[][] }).errors : undefined;
    if (!branches || branches.length === 0) {
      out.push(iss);
      continue;
    }
    const scored = branches.map((b) => {
      const flat = expandUnions(b);
      return { flat, depth: Math.max(0, ...flat.map((x) => x.path.length)), n: flat.length };
    });
    scored.sort((a, b) => b.depth - a.depth || a.n - b.n);
    const best = scored[0]!;
    if (best.depth === 0) {
      out.push(iss);
      continue;
    }
    for (const x of best.flat) out.push({ ...x, path: [...iss.path, ...x.path] } as Issue);
  }
  return out;
}

/** Validates a parsed object against the policy schema; every problem names its field, in both languages. */
export function validateKebijakan(
  data: unknown,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): HasilParse {
  const id = Kebijakan.safeParse(data, { error: galatZod('id') });
  if (id.success) return { ok: true, kebijakan: id.data };
  const en = Kebijakan.safeParse(data, { error: galatZod('en') });
  const enIssues = en.success ? [] : expandUnions(en.error.issues);
  return dibatasi(expandUnions(id.error.issues), (iss, i) => {
    const jalur = formatJalur(iss.path);
    const options = (iss as { options?: unknown[] }).options;
    if (iss.code === 'invalid_union' && Array.isArray(options)) {
      const list = options.map(String).join(', ');
      return {
        jalur,
        baris: lineOf?.(iss.path),
        pesan: pesan(
          `${jalur}: nilai tidak dikenal; pilihan: ${list}`,
          `${jalur}: unknown value; choose one of: ${list}`,
        ),
      };
    }
    const enMsg = enIssues[i]?.message ?? iss.message;
    return {
      jalur,
      baris: lineOf?.(iss.path),
      pesan: pesan(`${jalur}: ${pick(iss.message, 'id')}`, `${jalur}: ${pick(enMsg, 'en')}`),
    };
  });
}

/** Parses a policy document from YAML (JSON is valid YAML) and validates it. */
export function parseKebijakan(text: string): HasilParse {
  // The line counter records where each line starts while parsing; a position's line is then a binary
  // search (a document with thousands of issues used to recount its lines from the start for each).
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    return dibatasi(doc.errors, (e) => {
      const baris = e.linePos?.[0]?.line;
      return {
        jalur: '(dokumen)',
        baris,
        pesan: pesan(
          `Dokumen tidak dapat dibaca sebagai YAML/JSON${baris ? ` (baris ${baris})` : ''}: ${e.message.split('\n')[0]}`,
          `The document cannot be read as YAML/JSON${baris ? ` (line ${baris})` : ''}: ${e.message.split('\n')[0]}`,
        ),
      };
    });
  }
  const lineCounter = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  // A "billion laughs" document (aliases of aliases) would expand without end: the library stops at
  // MAKS_ALIAS expanded aliases and throws; that is the author's problem to fix, said in words.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAKS_ALIAS });
  } catch (e) {
    return {
      ok: false,
      masalah: [
        {
          jalur: '(dokumen)',
          pesan: pesan(
            `Dokumen memakai alias YAML (&jangkar / *alias) terlalu banyak atau tidak sah; tulis nilainya langsung (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
            `The document uses too many or invalid YAML aliases (&anchor / *alias); write the values out (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
          ),
        },
      ],
      jumlah: 1,
    };
  }
  return validateKebijakan(data, lineCounter);
}

/** How many aliases a policy document may expand in all (a real policy needs few, if any). */
export const MAKS_ALIAS = 100;
