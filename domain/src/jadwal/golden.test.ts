/**
 * Golden test of the roster solver (solveJadwal), taken before it is split into named parts (issue 9): a
 * refactor that means to change nothing must give exactly the same outputs. For every instance the full
 * output is written as canonical text (golden/golden.ts: the policy evaluation of each day the solver is
 * given, every person × day cell with its status, reason and rule, every violation with its message, the
 * office days per person) and its SHA-256 compared with the one in golden/jadwal.json. Small instances keep
 * their full text there too, so that a failure shows the first differing lines; the others keep one hash
 * per section to say where the difference is.
 *
 * Instances: the 8 tuning instances of bench/jadwal (each solved with and without the improvement pass) and
 * 24 held-out instances from another generator seed (8–150 people × 10–22 working days), with the solver's
 * other inputs varied (cohorts, a previous roster, requests, locks, another order of goals, other seeds).
 * golden-kebijakan.test.ts does the same for the example policies (evaluateDay).
 *
 * `SIGAP_GOLDEN_UPDATE=1 npx vitest run --project unit domain/src/jadwal/golden` rewrites the fixtures; only
 * when a change of output is intended, and say why in the commit (docs/CONTRIBUTING.md).
 */
import { describe, it } from 'vitest';
import type { IsoDate } from '../kalender/dates.ts';
import {
  heldOutSpecs,
  makeJadwalInstance,
  QUALITY_SPECS,
  type QualitySpec,
  rng,
} from '../testing/instances.ts';
import { goldenSuite, jadwalSections } from './golden/golden.ts';
import { type MasukanJadwal, type OpsiSolve, type Sasaran, type StatusJadwal, solveJadwal } from './solve.ts';

const golden = goldenSuite('jadwal.json');
/** Sections whose text small instances keep in the fixture (the day evaluations are kept as hashes only). */
const SOLVER_TEXT = ['sel', 'pelanggaran', 'hariKantor'];

// ─── Roster instances ────────────────────────────────────────────────────────────────────────────

const label = (s: QualitySpec) => `${s.people}×${s.days} seed ${s.seed}`;

describe('golden: the bench/jadwal tuning instances', () => {
  for (const [i, spec] of QUALITY_SPECS.entries()) {
    const n = String(i + 1).padStart(2, '0');
    golden.declare(`tuning-${n}`);
    golden.declare(`tuning-${n} greedy`);
    it(`tuning ${n} (${label(spec)}), solved with and without the improvement pass`, () => {
      const { input } = makeJadwalInstance(spec);
      golden.check(`tuning-${n}`, jadwalSections(input, solveJadwal(input)), i < 3 ? SOLVER_TEXT : []);
      golden.check(
        `tuning-${n} greedy`,
        jadwalSections(input, solveJadwal(input, { perbaikan: false })),
        i < 2 ? SOLVER_TEXT : [],
      );
    });
  }
});

const STATUS_KERJA: readonly StatusJadwal[] = ['WFO', 'WFH', 'PIKET'];

/**
 * The solver's other inputs, varied by instance: 0 plain; 1 cohorts and another seed; 2 a previous roster
 * (another seed's roster with a tenth of the cells changed: stability); 3 requests; 4 locks (some on days of
 * absence); 5 two goals ranked above 'merata' (the improvement pass must not make them worse) with
 * cohorts, requests, a previous roster and another seed. The tuning set covers the greedy alone.
 */
const VARIANT = [
  'plain',
  'cohorts, seed 7',
  'previous roster',
  'requests',
  'locks',
  'goals permintaan>stabil>merata>kohort>rotasi_piket, cohorts, requests, previous roster, seed 3',
];

function variant(i: number, spec: QualitySpec, input: MasukanJadwal): { m: MasukanJadwal; opsi: OpsiSolve } {
  const rnd = rng(spec.seed * 13 + 5);
  const cells = <T>(p: number, value: () => T) => {
    const out = new Map<string, Map<IsoDate, T>>();
    for (const k of input.orang)
      for (const h of input.hari)
        if (rnd() < p) {
          const m = out.get(k) ?? new Map<IsoDate, T>();
          out.set(k, m);
          m.set(h.tanggal, value());
        }
    return out;
  };
  const sebelumnya = () => {
    const prev = solveJadwal({ ...input, seed: 99 });
    const out = new Map<string, Map<IsoDate, StatusJadwal>>();
    for (const [k, days] of prev.sel) {
      const m = new Map<IsoDate, StatusJadwal>();
      for (const [d, c] of days) m.set(d, rnd() < 0.1 ? STATUS_KERJA[Math.floor(rnd() * 3)]! : c.status);
      out.set(k, m);
    }
    return out;
  };
  const permintaan = () => cells(0.1, (): 'WFO' | 'WFH' => (rnd() < 0.5 ? 'WFO' : 'WFH'));
  switch (i % 6) {
    case 1:
      return { m: { ...input, kohort: true, seed: 7 }, opsi: {} };
    case 2:
      return { m: { ...input, sebelumnya: sebelumnya() }, opsi: {} };
    case 3:
      return { m: { ...input, permintaan: permintaan() }, opsi: {} };
    case 4:
      return {
        m: {
          ...input,
          kunci: cells(0.04, () => STATUS_KERJA[Math.floor(rnd() * 3)] as 'WFO' | 'WFH' | 'PIKET'),
        },
        opsi: {},
      };
    case 5: {
      const urutanSasaran: Sasaran[] = ['permintaan', 'stabil', 'merata', 'kohort', 'rotasi_piket'];
      return {
        m: {
          ...input,
          urutanSasaran,
          kohort: true,
          permintaan: permintaan(),
          sebelumnya: sebelumnya(),
          seed: 3,
        },
        opsi: {},
      };
    }
    default:
      return { m: input, opsi: {} };
  }
}

/** Held out: never used to tune the solver (a generator seed of its own). */
const HELD_OUT = heldOutSpecs(24, 9001);

describe('golden: held-out roster instances (generator seed 9001)', () => {
  for (const [i, spec] of HELD_OUT.entries()) {
    const n = String(i + 1).padStart(2, '0');
    golden.declare(`held-out-${n}`);
    it(`held-out ${n} (${label(spec)}; ${VARIANT[i % 6]})`, () => {
      const { input } = makeJadwalInstance(spec);
      const { m, opsi } = variant(i, spec, input);
      golden.check(
        `held-out-${n}`,
        jadwalSections(m, solveJadwal(m, opsi)),
        spec.people * spec.days <= 500 ? SOLVER_TEXT : [],
      );
    });
  }
});

describe('golden: the fixture jadwal.json', () => {
  it('lists exactly the instances above (none stale, none missing)', () => golden.checkFixture());
});
