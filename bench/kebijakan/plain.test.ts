// The plain reference of bench/kebijakan agrees with evaluateDay on every cell and group (a bench whose two
// sides disagree would time different answers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluateDay,
  JAM_KERJA_PERPRES_21_2023,
  type KalenderKerja,
  type Kebijakan,
  prepareOrg,
  validateKebijakan,
} from '@sigap/domain';
import { makePemdaOrg } from '@sigap/domain/testing/instances';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compare, plainDay } from './plain.ts';

const load = (f: string): Kebijakan => {
  const doc = parse(readFileSync(join(import.meta.dirname, '../../examples/policies', f), 'utf8')) as Record<
    string,
    unknown
  >;
  doc.status = 'aktif';
  doc.berlaku = { dari: '2022-03-01', sampai: '2022-03-08' };
  const r = validateKebijakan(doc);
  if (!r.ok) throw new Error(f);
  return r.kebijakan;
};
const ALL = ['kudus-2020.yaml', 'batu-2020.v2.yaml', 'bogor-2021.yaml', 'pasuruan-2022.yaml'].map(load);
const kal: KalenderKerja = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur: new Map() };
const org = prepareOrg(makePemdaOrg(400));
const days = ['2022-03-01', '2022-03-05', '2022-03-07', '2022-03-09'];

describe('bench/kebijakan plain reference', () => {
  const cases: [string, Kebijakan[]][] = [
    ...ALL.map((k): [string, Kebijakan[]] => [k.id, [k]]),
    ['all four', ALL],
    ['without Batu', [ALL[0]!, ALL[2]!, ALL[3]!]],
  ];
  for (const [name, ks] of cases)
    it(`agrees with evaluateDay on every cell and group: ${name}`, () => {
      const ours = days.map((d) => evaluateDay(ks, org, d, kal));
      const plain = days.map((d) => plainDay(ks, org, d, kal));
      const diff = compare(ks, org, ours, plain);
      expect(diff.first).toEqual([]);
      expect(diff.cells + diff.groups).toBe(0);
    });
});
