// bench/policy: time to evaluate every policy rule for every person on every day of one month, with the
// four example policies in force at once (Kudus, Batu v2, Bogor, Pasuruan: made `aktif` and valid for the
// month), on a generated Pemda of ~40 OPDs with their units. Reference measured in the same run: a trivial
// pass over the same people × days that only reads each person's jabatanLevel. Figures only, no pass/fail.
// Usage: node bin/run-ts.mjs bench/policy.ts [--people 15000] [--from 2022-03-01] [--to 2022-03-31]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dateRange,
  evaluateDay,
  type HariLibur,
  JAM_KERJA_PERPRES_21_2023,
  type KalenderKerja,
  type Kebijakan,
  prepareOrg,
  validateKebijakan,
} from '@sigap/domain';
import { makePemdaOrg } from '@sigap/domain/testing/instances';
import { parse } from 'yaml';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PEOPLE = Number(arg('people') ?? 15_000);
const FROM = arg('from') ?? '2022-03-01';
const TO = arg('to') ?? '2022-03-31';

// ─── Policies ────────────────────────────────────────────────────────────────────────────────────

function loadPolicies(): Kebijakan[] {
  const dir = join(import.meta.dirname, '../examples/policies');
  const files = ['kudus-2020.yaml', 'batu-2020.v2.yaml', 'bogor-2021.yaml', 'pasuruan-2022.yaml'];
  return files.map((f) => {
    const doc = parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
    doc.status = 'aktif';
    doc.berlaku = { dari: FROM, sampai: TO };
    const r = validateKebijakan(doc);
    if (!r.ok) throw new Error(`${f}: ${r.masalah.map((m) => m.pesan.en).join('; ')}`);
    return r.kebijakan;
  });
}

// ─── Run ─────────────────────────────────────────────────────────────────────────────────────────

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const kebijakan = loadPolicies();
const org = makePemdaOrg(PEOPLE);
const days = dateRange(FROM, TO);
const libur = new Map<string, HariLibur>([
  [
    '2022-03-03',
    {
      tanggal: '2022-03-03',
      jenis: 'libur_nasional',
      nama: 'Hari Suci Nyepi Tahun Baru Saka 1944',
      dasar: 'SKB 3 Menteri 2022',
    },
  ],
]);
const kal: KalenderKerja = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur };
const tops = org.opd.filter((o) => o.indukId === null).length;

let t0 = process.hrtime.bigint();
const prepared = prepareOrg(org);
const prepareMs = ms(t0);

const tally: Record<string, number> = { WFO: 0, WFH: 0, BEBAS: 0, LIBUR: 0 };
let groups = 0;
let kerjaMs = 0;
let kerjaDays = 0;
let liburMs = 0;
const perDay: number[] = [];
t0 = process.hrtime.bigint();
for (const d of days) {
  const t1 = process.hrtime.bigint();
  const ev = evaluateDay(kebijakan, prepared, d, kal);
  const dt = ms(t1);
  perDay.push(dt);
  if (ev.hariKerja) {
    kerjaMs += dt;
    kerjaDays++;
  } else liburMs += dt;
  for (const o of ev.orang.values()) tally[o.lokasi] = (tally[o.lokasi] ?? 0) + 1;
  groups += ev.kelompok.length;
}
const evalMs = ms(t0);

// Reference: the same people × days, reading one field of each person (median of 21 runs after warm-up).
let pelaksana = 0;
const refPass = () => {
  const t = process.hrtime.bigint();
  for (const _d of days) for (const p of prepared.pegawai) if (p.jabatanLevel === 'pelaksana') pelaksana++;
  return ms(t);
};
for (let i = 0; i < 5; i++) refPass();
const refRuns = Array.from({ length: 21 }, refPass).sort((a, b) => a - b);
const refMs = refRuns[10]!;

const cells = prepared.pegawai.length * days.length;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `bench/policy — ${fmt(prepared.pegawai.length)} people in ${tops} OPDs (${org.opd.length} OPDs and units), ${days.length} days ${FROM}..${TO} (${kerjaDays} working), ${kebijakan.length} policies (${kebijakan.map((k) => `${k.id} v${k.versi}`).join(', ')}), ${kebijakan.reduce((s, k) => s + k.aturan.length, 0)} rules`,
);
console.log(`prepareOrg                      ${fmt(prepareMs, 1)} ms`);
console.log(`evaluateDay × ${days.length} total           ${fmt(evalMs, 0)} ms`);
console.log(`  per day (mean of all)         ${fmt(evalMs / days.length, 1)} ms`);
console.log(`  per working day (mean)        ${fmt(kerjaMs / Math.max(1, kerjaDays), 1)} ms`);
console.log(`  per day off (mean)            ${fmt(liburMs / Math.max(1, days.length - kerjaDays), 1)} ms`);
console.log(
  `  first day / slowest / fastest ${fmt(perDay[0] ?? 0, 1)} / ${fmt(Math.max(...perDay), 1)} / ${fmt(Math.min(...perDay), 1)} ms`,
);
console.log(`people × days per second        ${fmt(cells / (evalMs / 1000))}`);
console.log(`peak RSS                        ${fmt(rssMb, 0)} MB`);
console.log(
  `reference: trivial pass         ${fmt(refMs, 2)} ms (median of 21) for ${fmt(cells)} people × days (${fmt(cells / (refMs / 1000))}/s)`,
);
console.log(`ratio evaluation / reference    ${fmt(evalMs / refMs, 0)}×`);
console.log(
  `outcomes (people × days)        WFO ${fmt(tally.WFO ?? 0)}, WFH ${fmt(tally.WFH ?? 0)}, BEBAS ${fmt(tally.BEBAS ?? 0)}, LIBUR ${fmt(tally.LIBUR ?? 0)}; ${fmt(groups)} group constraints; ${pelaksana > 0 ? 'ok' : '-'}`,
);
