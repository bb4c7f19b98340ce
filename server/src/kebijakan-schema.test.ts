import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateKebijakan } from '@sigap/domain';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildKebijakanSchema, KEBIJAKAN_SCHEMA_PATH } from '../../scripts/kebijakan-schema.ts';

// The published JSON Schema is generated from the zod schema; it must never drift from it, and it must
// accept every example policy the engine accepts. (ajv comes with fastify; it is not a direct dependency.)
const root = resolve(import.meta.dirname, '../..');
const committed = JSON.parse(readFileSync(join(root, KEBIJAKAN_SCHEMA_PATH), 'utf8')) as unknown;
const contohDir = join(root, 'examples/policies');
const contoh = readdirSync(contohDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

// Strict, except `required` in a branch naming properties declared beside it: the standard idiom for
// "one of these fields" (oneOf/anyOf of `required`), which ajv's strictRequired flags.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(committed as object);

const base = {
  id: 'contoh-kebijakan',
  versi: 1,
  judul: 'Contoh kebijakan',
  jenis_dokumen: 'surat_edaran',
  nomor: '800/1/2022',
  tanggal: '2022-03-01',
  penandatangan: { jabatan: 'Sekretaris Daerah' },
  berlaku: { dari: '2022-03-01' },
  aturan: [{ id: 'semua-wfh', judul: 'Semua WFH', pilih: { semua: true }, hasil: { jenis: 'wfh' } }],
};
const rule = (pilih: unknown) => ({ ...base, aturan: [{ ...base.aturan[0], pilih }] });

describe('docs/kebijakan.schema.json', () => {
  it('is exactly what scripts/kebijakan-schema.ts generates (run it after changing schema.ts)', () => {
    expect(committed).toEqual(buildKebijakanSchema());
  });

  it('has an id, a title and a 2020-12 dialect', () => {
    const s = committed as Record<string, unknown>;
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBeTypeOf('string');
    expect(s.title).toBe('Dokumen kebijakan sistem kerja Sigap');
  });

  it.each(contoh)('accepts examples/policies/%s, as the engine does', (f) => {
    const doc = parse(readFileSync(join(contohDir, f), 'utf8')) as unknown;
    expect(validateKebijakan(doc).ok).toBe(true);
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  // Refinements: where JSON Schema can express them, it must agree with zod both ways.
  it.each<[string, unknown]>([
    ['an empty selector', rule({})],
    ['"semua: false" alone', rule({ semua: false })],
    ['an empty selector in a list', rule([{ opd: ['DINKES'] }, { termasuk_unit: false }])],
    [
      'an empty piket "boleh"',
      { ...base, aturan: [{ ...base.aturan[0], hasil: { jenis: 'piket', jumlah: 1, boleh: {} } }] },
    ],
    ['both "tanggal" and "dari"', { ...base, berlaku: { tanggal: ['2022-03-01'], dari: '2022-03-01' } }],
    ['neither "tanggal" nor "dari"', { ...base, berlaku: { hari_kerja_saja: true } }],
    ['"sampai" with "tanggal"', { ...base, berlaku: { tanggal: ['2022-03-01'], sampai: '2022-03-02' } }],
    ['version 2 without "alasan_revisi"', { ...base, versi: 2 }],
    ['version 2 with an empty "alasan_revisi"', { ...base, versi: 2, alasan_revisi: '' }],
    ['an unknown field', { ...base, catatan: 'x' }],
  ])('refuses %s, as the engine does', (_, doc) => {
    expect(validateKebijakan(doc).ok).toBe(false);
    expect(validate(doc)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['one criterion', rule({ jabatan_level: ['pelaksana'] })],
    ['"semua: true"', rule({ semua: true })],
    ['a range with an end', { ...base, berlaku: { dari: '2022-03-01', sampai: '2022-03-31' } }],
    ['version 2 with a reason', { ...base, versi: 2, alasan_revisi: 'masukan Dinkes' }],
  ])('accepts %s, as the engine does', (_, doc) => {
    expect(validateKebijakan(doc).ok).toBe(true);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  // Not expressible in JSON Schema: documented in the descriptions, checked by the engine only.
  it.each<[string, unknown]>([
    ['"sampai" before "dari"', { ...base, berlaku: { dari: '2022-03-10', sampai: '2022-03-01' } }],
    ['a rule id used twice', { ...base, aturan: [base.aturan[0], base.aturan[0]] }],
  ])('leaves %s to the engine', (_, doc) => {
    expect(validateKebijakan(doc).ok).toBe(false);
    expect(validate(doc)).toBe(true);
  });
});
