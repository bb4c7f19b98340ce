// scripts/kebijakan-schema: writes docs/kebijakan.schema.json (JSON Schema 2020-12) from the zod schema
// `Kebijakan`, the single source of the policy document format. zod cannot export refinements; each one is
// documented in the `description` of the object it constrains, and where JSON Schema can say exactly the
// same thing (no more, no less) the keyword is added too. Two cannot be expressed and stay prose only:
// `berlaku.sampai` not before `berlaku.dari`, and rule ids unique within a policy.
// Usage: node bin/run-ts.mjs scripts/kebijakan-schema.ts   (server/src/kebijakan-schema.test.ts fails on drift)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hasil, Kebijakan, Pemilih } from '@sigap/domain';
import { z } from 'zod';

export const KEBIJAKAN_SCHEMA_PATH = 'docs/kebijakan.schema.json';
export const KEBIJAKAN_SCHEMA_ID = 'urn:sigap:policy-schema:kebijakan';

type JsonSchema = Record<string, unknown>;
interface Tambahan {
  /** appended to the description (Indonesian ‖ English, as the schema's own messages) */
  readonly catatan: string;
  /** JSON Schema keywords equivalent to the refinement */
  readonly kata?: JsonSchema;
}

const KRITERIA = ['opd', 'opd_jenis', 'kelas_layanan', 'sektor', 'jabatan_level', 'jenis_pegawai', 'nip'];

const PEMILIH_TIDAK_KOSONG: Tambahan = {
  catatan:
    'Wajib "semua: true" atau minimal satu kriteria; semua kriteria yang diisi harus cocok (DAN), satu daftar cocok bila salah satu nilainya cocok (ATAU) ‖ Needs "semua: true" or at least one criterion; every criterion given must hold (AND), a list matches any of its values (OR)',
  kata: {
    anyOf: [
      { required: ['semua'], properties: { semua: { const: true } } },
      ...KRITERIA.map((k) => ({ required: [k] })),
    ],
  },
};

const piket = Hasil.options.find((o) => 'boleh' in o.shape);
if (!piket || !('boleh' in piket.shape)) throw new Error('schema changed: piket.boleh not found');
const piketBoleh: z.ZodType = piket.shape.boleh;

function tambahan(): Map<unknown, Tambahan> {
  const k = Kebijakan.shape;
  return new Map<unknown, Tambahan>([
    [Pemilih, PEMILIH_TIDAK_KOSONG],
    // `boleh` wraps Pemilih with its own description, which replaces Pemilih's.
    [piketBoleh, { catatan: PEMILIH_TIDAK_KOSONG.catatan }],
    [
      k.berlaku,
      {
        catatan:
          'Masa berlaku: isi "tanggal" (daftar) atau "dari" (rentang), salah satu; "sampai" hanya bersama "dari" dan tidak boleh sebelum "dari" ‖ Validity: give either "tanggal" (a list) or "dari" (a range); "sampai" goes only with "dari" and cannot come before it',
        kata: {
          oneOf: [{ required: ['tanggal'] }, { required: ['dari'] }],
          dependentRequired: { sampai: ['dari'] },
        },
      },
    ],
    [
      k.aturan,
      {
        catatan:
          'Aturan, berurutan (urutan menentukan aturan mana yang dipakai); "id" tiap aturan harus unik dalam kebijakan ‖ Rules, in order (the order decides which rule is used); each rule "id" must be unique within the policy',
      },
    ],
    [
      Kebijakan,
      {
        catatan:
          'Versi 2 dan seterusnya wajib mengisi "alasan_revisi" ‖ Version 2 onwards must give "alasan_revisi"',
        kata: {
          if: { required: ['versi'], properties: { versi: { type: 'integer', minimum: 2 } } },
          // zod refuses an empty reason too (`!k.alasan_revisi`)
          // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a thenable
          then: {
            required: ['alasan_revisi'],
            properties: { alasan_revisi: { type: 'string', minLength: 1 } },
          },
        },
      },
    ],
  ]);
}

/** The published JSON Schema of a policy document, generated from the zod schema `Kebijakan`. */
export function buildKebijakanSchema(): JsonSchema {
  const extra = tambahan();
  const seen = new Set<Tambahan>();
  const body = z.toJSONSchema(Kebijakan, {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      const t = extra.get(zodSchema);
      if (!t) return;
      seen.add(t);
      const js = jsonSchema as JsonSchema;
      js.description = js.description ? `${js.description}. ${t.catatan}` : t.catatan;
      Object.assign(js, t.kata);
    },
  }) as JsonSchema;
  for (const t of extra.values())
    if (!seen.has(t)) throw new Error(`schema changed: a refinement note was not placed (${t.catatan})`);
  const { $schema, description, ...rest } = body;
  return {
    $schema,
    $id: KEBIJAKAN_SCHEMA_ID,
    title: 'Dokumen kebijakan sistem kerja Sigap',
    description: `Kebijakan sistem kerja ASN (WFH/WFO/piket) sebuah Pemda: identitas hukum, dasar, fakta, masa berlaku, cakupan dan aturan berurutan. Dibuat dari skema zod domain/src/kebijakan/schema.ts; rujukan: docs/kebijakan.md ‖ A Pemda's ASN work-system policy (WFH/WFO/piket): legal identity, basis, facts, validity, scope and ordered rules. Generated from the zod schema domain/src/kebijakan/schema.ts; reference: docs/kebijakan.md. ${description}`,
    ...rest,
  };
}

/** The file's text: two-space JSON and a final newline. */
export function kebijakanSchemaText(): string {
  return `${JSON.stringify(buildKebijakanSchema(), null, 2)}\n`;
}

const direct = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (direct) {
  const out = resolve(KEBIJAKAN_SCHEMA_PATH);
  writeFileSync(out, kebijakanSchemaText());
  console.log(`wrote ${out}`);
}
