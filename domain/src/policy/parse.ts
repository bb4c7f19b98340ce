import { parseDocument } from 'yaml';
import { z } from 'zod';
import { type Pesan, pesan } from '../i18n/message.ts';
import { Kebijakan } from './schema.ts';

/** One problem in a policy document, naming the field by its path (e.g. `aturan[2].hasil.maks`). */
export interface MasalahDokumen {
  readonly jalur: string;
  readonly pesan: Pesan;
  readonly baris?: number | undefined;
}

export type HasilParse =
  | { readonly ok: true; readonly kebijakan: Kebijakan }
  | { readonly ok: false; readonly masalah: MasalahDokumen[] };

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
  const id = Kebijakan.safeParse(data, { error: z.locales.id().localeError });
  if (id.success) return { ok: true, kebijakan: id.data };
  const en = Kebijakan.safeParse(data, { error: z.locales.en().localeError });
  const enIssues = en.success ? [] : expandUnions(en.error.issues);
  return {
    ok: false,
    masalah: expandUnions(id.error.issues).map((iss, i) => {
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
    }),
  };
}

/** Parses a policy document from YAML (JSON is valid YAML) and validates it. */
export function parseKebijakan(text: string): HasilParse {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      masalah: doc.errors.map((e) => {
        const baris = e.linePos?.[0]?.line;
        return {
          jalur: '(dokumen)',
          baris,
          pesan: pesan(
            `Dokumen tidak dapat dibaca sebagai YAML/JSON${baris ? ` (baris ${baris})` : ''}: ${e.message.split('\n')[0]}`,
            `The document cannot be read as YAML/JSON${baris ? ` (line ${baris})` : ''}: ${e.message.split('\n')[0]}`,
          ),
        };
      }),
    };
  }
  const lineCounter = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return text.slice(0, node.range[0]).split('\n').length;
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
    };
  }
  return validateKebijakan(data, lineCounter);
}

/** How many aliases a policy document may expand in all (a real policy needs few, if any). */
export const MAKS_ALIAS = 100;
