/**
 * Golden test of the policy evaluation (evaluateDay), taken before it is split into named parts (issue 9):
 * the example policies of examples/policies over a generated Pemda (bench/kebijakan's, 300 people in OPDs of
 * every kind) for a month around each policy's period, with the national holidays Sigap ships. Every
 * person's evaluation of every day (location, rule, explanation, groups, hours, attendance, duties, every
 * rule considered), the groups and the warnings, as canonical text (golden/golden.ts); its SHA-256 and one
 * hash per day are compared with golden/kebijakan.json, so that a failure names the days that changed.
 *
 * `SIGAP_GOLDEN_UPDATE=1 npx vitest run --project unit domain/src/jadwal/golden` rewrites the fixtures; only
 * when a change of output is intended, and say why in the commit (docs/CONTRIBUTING.md).
 */
import { describe, it } from 'vitest';
import { dateRange, type IsoDate } from '../kalender/dates.ts';
import { JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import { evaluateDay, type KalenderKerja, prepareOrg } from '../kebijakan/evaluate.ts';
import { parseKebijakan, validateKebijakan } from '../kebijakan/parse.ts';
import type { Kebijakan } from '../kebijakan/schema.ts';
import { makePemdaOrg } from '../testing/instances.ts';
import { goldenSuite, hariLines, liburNasional, readRepoFile } from './golden/golden.ts';

const golden = goldenSuite('kebijakan.json');

function muat(file: string, ubah?: (doc: Record<string, unknown>) => void): Kebijakan {
  const text = readRepoFile(`examples/policies/${file}`);
  if (!ubah) {
    const r = parseKebijakan(text);
    if (!r.ok) throw new Error(`${file}: ${r.masalah.map((x) => x.pesan.en).join('; ')}`);
    return r.kebijakan;
  }
  const r0 = parseKebijakan(text);
  if (!r0.ok) throw new Error(file);
  // Re-validate the parsed document with its status and period changed (as bench/kebijakan does).
  const doc = JSON.parse(JSON.stringify(r0.kebijakan)) as Record<string, unknown>;
  ubah(doc);
  const r = validateKebijakan(doc);
  if (!r.ok) throw new Error(`${file}: ${r.masalah.map((x) => x.pesan.en).join('; ')}`);
  return r.kebijakan;
}

const MARET_2022 = (doc: Record<string, unknown>) => {
  doc.status = 'aktif';
  doc.berlaku = { dari: '2022-03-01', sampai: '2022-03-31' };
};

/** Each example alone over a month around its period; Batu's two versions together; all four at once. */
const SKENARIO: readonly { name: string; files: () => Kebijakan[]; dari: IsoDate; sampai: IsoDate }[] = [
  { name: 'kudus-2020', files: () => [muat('kudus-2020.yaml')], dari: '2020-03-16', sampai: '2020-04-15' },
  {
    name: 'batu-2020.v1',
    files: () => [muat('batu-2020.v1.yaml')],
    dari: '2020-08-10',
    sampai: '2020-09-09',
  },
  {
    name: 'batu-2020.v1+v2',
    files: () => [muat('batu-2020.v1.yaml'), muat('batu-2020.v2.yaml')],
    dari: '2020-08-10',
    sampai: '2020-09-09',
  },
  { name: 'bogor-2021', files: () => [muat('bogor-2021.yaml')], dari: '2021-06-21', sampai: '2021-07-21' },
  {
    name: 'pasuruan-2022',
    files: () => [muat('pasuruan-2022.yaml')],
    dari: '2022-02-07',
    sampai: '2022-03-09',
  },
  {
    name: 'all four aktif, March 2022',
    files: () =>
      ['kudus-2020.yaml', 'batu-2020.v2.yaml', 'bogor-2021.yaml', 'pasuruan-2022.yaml'].map((f) =>
        muat(f, MARET_2022),
      ),
    dari: '2022-03-01',
    sampai: '2022-03-31',
  },
];

describe('golden: the example policies over a generated Pemda of 300 people (evaluateDay)', () => {
  const org = prepareOrg(makePemdaOrg(300));
  const kal: KalenderKerja = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur: liburNasional() };
  for (const s of SKENARIO) {
    golden.declare(`kebijakan ${s.name}`);
    it(`${s.name}, ${s.dari} to ${s.sampai}`, () => {
      const kebijakan = s.files();
      const sections = new Map<string, string[]>();
      for (const d of dateRange(s.dari, s.sampai))
        sections.set(d, hariLines(evaluateDay(kebijakan, org, d, kal)));
      golden.check(`kebijakan ${s.name}`, sections, []);
    });
  }
});

describe('golden: the fixture kebijakan.json', () => {
  it('lists exactly the scenarios above (none stale, none missing)', () => golden.checkFixture());
});
