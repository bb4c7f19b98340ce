// The exact model of bench/jadwal admits the solver's own roster (the "match" MIP with the solver's four
// values as bounds is feasible) and never reports a roster worse than it at the first level it optimises:
// otherwise the bench would compare the solver with a model of different rules.
import { solveJadwal } from '@sigap/domain';
import { makeJadwalInstance, QUALITY_SPECS } from '@sigap/domain/testing/instances';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { buildLp, fixedSeats, instanceOf, jadwalOfGreedy, jadwalOfMip, score } from './model.ts';

const highs = await loadHighs();
const opts = { output_flag: false, mip_rel_gap: 0, time_limit: 8 } as const;

describe('bench/jadwal model', () => {
  for (const spec of QUALITY_SPECS.slice(0, 2))
    it(`admits the solver's roster and scores HiGHS's by the same rules (${spec.people} × ${spec.days})`, () => {
      const { input } = makeJadwalInstance(spec);
      const inst = instanceOf(input);
      const g = score(inst, jadwalOfGreedy(inst, solveJadwal(input)));
      expect(g.brokenWhat).toEqual([]);
      const match = highs.solve(
        buildLp(inst, null, { shortfall: g.shortfall, seats: g.seats, range: g.range, dev: g.dev }),
        opts,
      );
      expect(match.Status).toBe('Optimal');
      const seats = highs.solve(buildLp(inst, 'seats', { shortfall: g.shortfall }), opts);
      expect(seats.Status).toBe('Optimal');
      const best = score(
        inst,
        jadwalOfMip(
          inst,
          Object.fromEntries(
            Object.entries(seats.Columns).map(([k, c]) => [k, 'Primal' in c ? c.Primal : 0]),
          ),
        ),
      );
      expect(best.brokenWhat).toEqual([]);
      expect(best.seats).toBe(fixedSeats(inst) - seats.ObjectiveValue);
      expect(best.seats).toBeGreaterThanOrEqual(g.seats);
    });

  it('counts fixed seats, idle seats and exceeded caps on hand-made rosters', () => {
    const { input } = makeJadwalInstance(QUALITY_SPECS[0]!);
    const inst = instanceOf(input);
    // Everyone at home: no seat used; each free cell under a cap with room is an idle seat.
    const home = Array.from(inst.kind, (k) => (k === 0 ? '-' : k === 1 ? 'O' : 'H'));
    const s = score(inst, home);
    expect(s.seats).toBe(fixedSeats(inst));
    expect(s.brokenWhat.some((w) => w.startsWith('cap not filled'))).toBe(true);
    // Everyone free at the office: some cap is exceeded.
    const office = Array.from(inst.kind, (k) => (k === 0 ? '-' : k === 2 ? 'H' : 'O'));
    expect(score(inst, office).brokenWhat.some((w) => w.includes('exceeded'))).toBe(true);
  });
});
