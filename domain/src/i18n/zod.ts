import type { z } from 'zod';
import { type Pesan, pesan } from './message.ts';

// Validation problems found by zod, in words a Pemda admin reads (zod's own Indonesian locale says
// "diharapkan number menjadi <=100"). The field is named by the caller; these say what is wrong.

type RawIssue = z.core.$ZodRawIssue;

const JENIS: Readonly<Record<string, readonly [string, string]>> = {
  string: ['teks', 'text'],
  number: ['angka', 'a number'],
  int: ['bilangan bulat', 'a whole number'],
  bigint: ['bilangan bulat', 'a whole number'],
  boolean: ['ya/tidak (true/false)', 'yes/no (true/false)'],
  array: ['daftar', 'a list'],
  object: ['isian bertingkat', 'a group of fields'],
  date: ['tanggal', 'a date'],
};

const FORMAT: Readonly<Record<string, readonly [string, string]>> = {
  date: ['tanggal TTTT-BB-HH (mis. 2026-08-17)', 'a date YYYY-MM-DD (e.g. 2026-08-17)'],
  datetime: ['waktu ISO (mis. 2026-08-17T08:00:00Z)', 'an ISO time (e.g. 2026-08-17T08:00:00Z)'],
  time: ['jam JJ:MM', 'a time HH:MM'],
  email: ['alamat e-mail yang sah', 'a valid e-mail address'],
  uuid: ['pengenal (UUID) yang sah', 'a valid identifier (UUID)'],
  url: ['alamat web yang sah', 'a valid web address'],
};

const daftar = (vs: readonly unknown[]) => vs.map((v) => (typeof v === 'string' ? v : String(v))).join(', ');
const angka = (n: number | bigint) => String(n);

/** What is wrong with a value, in Indonesian and English, without the field's name. */
export function pesanIsuZod(iss: RawIssue): Pesan {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return pesan('wajib diisi', 'is required');
      const [id, en] = JENIS[iss.expected] ?? [iss.expected, iss.expected];
      return pesan(`harus berupa ${id}`, `must be ${en}`);
    }
    case 'invalid_value':
      return iss.values.length === 1
        ? pesan(`harus ${daftar(iss.values)}`, `must be ${daftar(iss.values)}`)
        : pesan(`harus salah satu dari: ${daftar(iss.values)}`, `must be one of: ${daftar(iss.values)}`);
    case 'too_big': {
      const m = angka(iss.maximum as number | bigint);
      if (iss.origin === 'string') return pesan(`paling panjang ${m} karakter`, `at most ${m} characters`);
      if (iss.origin === 'array' || iss.origin === 'set')
        return pesan(`paling banyak ${m} butir`, `at most ${m} items`);
      if (iss.origin === 'date') return pesan(`paling lambat ${m}`, `no later than ${m}`);
      return iss.inclusive === false
        ? pesan(`harus kurang dari ${m}`, `must be less than ${m}`)
        : pesan(`paling besar ${m}`, `at most ${m}`);
    }
    case 'too_small': {
      const m = angka(iss.minimum as number | bigint);
      if (iss.origin === 'string')
        return m === '1'
          ? pesan('wajib diisi', 'is required')
          : pesan(`paling sedikit ${m} karakter`, `at least ${m} characters`);
      if (iss.origin === 'array' || iss.origin === 'set')
        return m === '1'
          ? pesan('tidak boleh kosong', 'must not be empty')
          : pesan(`paling sedikit ${m} butir`, `at least ${m} items`);
      if (iss.origin === 'date') return pesan(`paling awal ${m}`, `no earlier than ${m}`);
      return iss.inclusive === false
        ? pesan(`harus lebih dari ${m}`, `must be more than ${m}`)
        : pesan(`paling kecil ${m}`, `at least ${m}`);
    }
    case 'invalid_format': {
      const f = FORMAT[iss.format];
      if (f) return pesan(`harus ${f[0]}`, `must be ${f[1]}`);
      if (iss.format === 'starts_with' || iss.format === 'ends_with' || iss.format === 'includes')
        return pesan('isinya tidak sesuai format', 'does not have the expected form');
      return pesan('formatnya tidak sesuai', 'is not in the expected format');
    }
    case 'not_multiple_of':
      return pesan(
        `harus kelipatan ${angka(iss.divisor as number | bigint)}`,
        `must be a multiple of ${angka(iss.divisor as number | bigint)}`,
      );
    case 'unrecognized_keys':
      return pesan(`isian tidak dikenal: ${daftar(iss.keys)}`, `unknown fields: ${daftar(iss.keys)}`);
    case 'invalid_union':
      return pesan('nilainya tidak cocok dengan pilihan mana pun', 'matches none of the allowed forms');
    case 'invalid_key':
    case 'invalid_element':
      return pesan('isinya tidak sah', 'holds an invalid value');
    default:
      return pesan('nilainya tidak sah', 'is not a valid value');
  }
}

/** A zod error map for one language (pass as `{ error }` to safeParse, or to `z.config`). */
export function galatZod(lang: 'id' | 'en'): (iss: RawIssue) => string {
  return (iss) => pesanIsuZod(iss)[lang];
}
