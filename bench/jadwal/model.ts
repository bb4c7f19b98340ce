// The exact model of a roster instance (a MIP in CPLEX LP format for HiGHS) and one evaluator that scores
// any roster — the greedy solver's or the optimiser's — by the same definition.
//
// Cells. Per person p and working day d the policy evaluation and the absences fix the kind of cell:
//   none   LIBUR, no decision, or absent (CUTI/SAKIT/ISOLASI): not scheduled;
//   WFO    fixed at the office by a rule: stays WFO (counted in caps and minimums it belongs to);
//   WFH    fixed at home by a rule: stays WFH, or is appointed PIKET if eligible (as solveJadwal does);
//   BEBAS  the schedule decides: WFO, WFH or PIKET (if eligible).
// Variables: x[p,d] ∈ {0,1} (BEBAS at the office), y[p,d] ∈ {0,1} (appointed piket; eligible cells only).
// Hard rules (constraints, as solveJadwal applies them):
//   x + y ≤ 1; a BEBAS cell in no cap group is at the office (x + y = 1, as solveJadwal does);
//   cap g on d:      Σ_{members} x + (piket counted ? Σ y : 0) + fixed-WFO members ≤ maks;
//   no idle seat:    every BEBAS cell left at home has a full cap (x + y + Σ_{caps of the cell} f[g,d] ≥ 1,
//                    count[g,d] ≥ maks · f[g,d]): no one could come in without breaking a cap;
//   piket group g:   Σ_{eligible, available} y + sP[g,d] = jumlah;
//   minimum g on d:  office members + sM[g,d] ≥ min;
// sP, sM ≥ 0 are shortfalls, so that an instance that cannot meet every rule still has a roster.
// Objective: ONE lexicographic objective for both the solver's roster and the optimiser's (LEVELS):
//   1. shortfall  Σ sP + Σ sM, minimised      (hard rules met as far as the instance allows)
//   2. seats      office person-days (WFO + PIKET), maximised: the caps filled as far as they allow
//                 together, so that a roster cannot look fairer by leaving seats empty
//   3. range      Σ_groups (max − min office days among the cap group's members), minimised
//                 (solveJadwal's first soft goal, "merata": office days spread evenly)
//   4. dev        Σ_groups Σ_members |office days − the group's median|, minimised (a finer spread)
// HiGHS optimises it by sequential solves: each level is one MIP with the earlier levels bounded by the
// values the earlier solves reached (buildLp's `bounds`).
// A roster is scored by the same function (`score`) whether it comes from solveJadwal or from HiGHS.
import type { HasilJadwal, IsoDate, MasukanJadwal } from '@sigap/domain';

const NONE = 0;
const FIXED_WFO = 1;
const FIXED_WFH = 2;
const BEBAS = 3;

interface Cap {
  readonly id: string;
  readonly d: number;
  readonly maks: number;
  readonly piketDihitung: boolean;
  readonly members: readonly number[];
}
interface Minimum {
  readonly id: string;
  readonly d: number;
  readonly min: number;
  readonly members: readonly number[];
}
interface Piket {
  readonly id: string;
  readonly d: number;
  readonly jumlah: number;
  readonly members: readonly number[];
  /** eligible and available that day (fixed WFH or BEBAS) */
  readonly eligible: readonly number[];
}

export interface Instance {
  readonly people: readonly string[];
  readonly days: readonly IsoDate[];
  /** kind of each cell, index p * D + d */
  readonly kind: Uint8Array;
  /** may the cell be appointed piket */
  readonly canPiket: Uint8Array;
  readonly caps: readonly Cap[];
  readonly mins: readonly Minimum[];
  readonly pikets: readonly Piket[];
  /** caps of each cell (indexes into `caps`), index p * D + d */
  readonly capsOf: readonly (readonly number[])[];
  /** cap groups over the period: id → members */
  readonly capGroups: ReadonlyMap<string, readonly number[]>;
}

/** Reads an instance from the solver's input (no locks; at most one piket group per person and day). */
export function instanceOf(m: MasukanJadwal): Instance {
  if (m.kunci && m.kunci.size > 0) throw new Error('the exact model does not take locks');
  const people = m.orang;
  const idx = new Map(people.map((k, i) => [k, i]));
  const days = m.hari.filter((h) => h.hariKerja).map((h) => h.tanggal);
  const D = days.length;
  const kind = new Uint8Array(people.length * D);
  const canPiket = new Uint8Array(people.length * D);
  const caps: Cap[] = [];
  const mins: Minimum[] = [];
  const pikets: Piket[] = [];
  const capsOf: number[][] = Array.from({ length: people.length * D }, () => []);
  const capGroups = new Map<string, Set<number>>();
  const ids = (xs: readonly string[]) => xs.map((k) => idx.get(k)!);
  let d = 0;
  for (const ev of m.hari) {
    if (!ev.hariKerja) continue;
    for (const [p, k] of people.entries()) {
      const kep = ev.orang.get(k);
      const absent = m.tidakHadir?.get(k)?.get(ev.tanggal);
      kind[p * D + d] =
        !kep || kep.lokasi === 'LIBUR' || absent
          ? NONE
          : kep.lokasi === 'WFO'
            ? FIXED_WFO
            : kep.lokasi === 'WFH'
              ? FIXED_WFH
              : BEBAS;
    }
    for (const g of ev.kelompok) {
      const members = ids(g.anggota);
      if (g.jenis === 'batas_kantor') {
        for (const p of members) capsOf[p * D + d]!.push(caps.length);
        caps.push({ id: g.id, d, maks: g.maks!, piketDihitung: g.piketDihitung, members });
        const s = capGroups.get(g.id) ?? new Set<number>();
        capGroups.set(g.id, s);
        for (const p of members) s.add(p);
      } else if (g.jenis === 'minimum_kantor') {
        mins.push({ id: g.id, d, min: g.min!, members });
      } else {
        const eligible = ids(g.bolehPiket ?? []).filter((p) => {
          const c = kind[p * D + d];
          return c === FIXED_WFH || c === BEBAS;
        });
        for (const p of eligible) {
          if (canPiket[p * D + d]) throw new Error('a person in two piket groups on one day');
          canPiket[p * D + d] = 1;
        }
        pikets.push({ id: g.id, d, jumlah: g.jumlahPiket!, members, eligible });
      }
    }
    d++;
  }
  return {
    people,
    days,
    kind,
    canPiket,
    caps,
    mins,
    pikets,
    capsOf,
    capGroups: new Map([...capGroups].map(([id, s]) => [id, [...s].sort((a, b) => a - b)])),
  };
}

/** The levels of the one lexicographic objective, in order: minimise, maximise, minimise, minimise. */
export const LEVELS = ['shortfall', 'seats', 'range', 'dev'] as const;
export type Level = (typeof LEVELS)[number];
/** Bounds on levels: `seats` at least the value, the others at most. */
export type LevelBounds = Partial<Record<Level, number>>;

/**
 * The MIP in CPLEX LP format that optimises one level (`minimise`; `seats` is maximised) subject to the
 * hard rules and to `bounds` on other levels (the values reached at the earlier levels, or the solver's own
 * values when asking how long HiGHS needs to match them). `minimise: null` gives a feasibility problem
 * (objective 0): HiGHS stops at its first roster that meets the bounds.
 */
export function buildLp(inst: Instance, minimise: Level | null, bounds: LevelBounds = {}): string {
  const D = inst.days.length;
  const P = inst.people.length;
  const xs = (p: number, d: number) => (inst.kind[p * D + d] === BEBAS ? `x${p}_${d}` : null);
  const ys = (p: number, d: number) => (inst.canPiket[p * D + d] ? `y${p}_${d}` : null);
  const binaries: string[] = [];
  const generals: string[] = [];
  const rows: string[] = [];
  const obj: string[] = [];
  let r = 0;
  const row = (terms: string[], sense: '<=' | '>=' | '=', rhs: number) => {
    rows.push(` c${r++}: 0 x_zero ${merge(terms).join(' ')} ${sense} ${rhs}`);
  };
  // A level's expression: the objective when it is the one minimised, a row when it is bounded.
  const level = (name: Level, terms: string[], constant = 0) => {
    if (minimise === name) obj.push(...(name === 'seats' ? terms.map(negate) : terms));
    const b = bounds[name];
    if (b !== undefined) row(terms, name === 'seats' ? '>=' : '<=', b - constant);
  };
  const seats: string[] = [];
  let seatsConstant = 0;
  for (let p = 0; p < P; p++)
    for (let d = 0; d < D; d++) {
      const x = xs(p, d);
      const y = ys(p, d);
      if (x) binaries.push(x);
      if (y) binaries.push(y);
      if (x) seats.push(`+ ${x}`);
      if (y) seats.push(`+ ${y}`);
      if (inst.kind[p * D + d] === FIXED_WFO) seatsConstant++;
      if (x && y) row([`+ ${x}`, `+ ${y}`], inst.capsOf[p * D + d]!.length === 0 ? '=' : '<=', 1);
      else if (x && inst.capsOf[p * D + d]!.length === 0) row([`+ ${x}`], '=', 1);
    }
  // Office count of a group on a day: variable terms and the constant from fixed-WFO members.
  const count = (members: readonly number[], d: number, piket: boolean) => {
    const terms: string[] = [];
    let constant = 0;
    for (const p of members) {
      const k = inst.kind[p * D + d];
      if (k === FIXED_WFO) constant++;
      const x = xs(p, d);
      const y = ys(p, d);
      if (x) terms.push(`+ ${x}`);
      if (y && piket) terms.push(`+ ${y}`);
    }
    return { terms, constant };
  };
  for (const [i, c] of inst.caps.entries()) {
    const { terms, constant } = count(c.members, c.d, c.piketDihitung);
    row(terms, '<=', c.maks - constant);
    // f = 1 only when the cap is full.
    const f = `f${i}`;
    binaries.push(f);
    row([...terms, `- ${c.maks} ${f}`], '>=', -constant);
  }
  for (let p = 0; p < P; p++)
    for (let d = 0; d < D; d++) {
      const x = xs(p, d);
      const caps = inst.capsOf[p * D + d]!;
      if (!x || caps.length === 0) continue;
      const y = ys(p, d);
      row([`+ ${x}`, ...(y ? [`+ ${y}`] : []), ...caps.map((i) => `+ f${i}`)], '>=', 1);
    }
  const shortfall: string[] = [];
  for (const [i, g] of inst.pikets.entries()) {
    const s = `sp${i}`;
    row([...g.eligible.map((p) => `+ ${ys(p, g.d)!}`), `+ ${s}`], '=', g.jumlah);
    shortfall.push(`+ ${s}`);
  }
  for (const [i, g] of inst.mins.entries()) {
    const { terms, constant } = count(g.members, g.d, true);
    const s = `sm${i}`;
    row([...terms, `+ ${s}`], '>=', g.min - constant);
    shortfall.push(`+ ${s}`);
  }
  level('shortfall', shortfall);
  level('seats', seats, seatsConstant);
  // Office days of a person: fixed-WFO days plus x and y over the period.
  const days = (p: number) => {
    const terms: string[] = [];
    let constant = 0;
    for (let d = 0; d < D; d++) {
      if (inst.kind[p * D + d] === FIXED_WFO) constant++;
      const x = xs(p, d);
      const y = ys(p, d);
      if (x) terms.push(`+ ${x}`);
      if (y) terms.push(`+ ${y}`);
    }
    return { terms, constant };
  };
  const range: string[] = [];
  const dev: string[] = [];
  const wantRange = minimise === 'range' || bounds.range !== undefined;
  const wantDev = minimise === 'dev' || bounds.dev !== undefined;
  let gi = 0;
  for (const members of inst.capGroups.values()) {
    if (wantRange) {
      const u = `u${gi}`;
      const l = `l${gi}`;
      for (const p of members) {
        const { terms, constant } = days(p);
        const neg = terms.map(negate);
        row([`+ ${u}`, ...neg], '>=', constant);
        row([`+ ${l}`, ...neg], '<=', constant);
      }
      range.push(`+ ${u}`, `- ${l}`);
    }
    if (wantDev) {
      const med = `m${gi}`;
      for (const p of members) {
        const { terms, constant } = days(p);
        const ep = `ep${gi}_${p}`;
        const en = `en${gi}_${p}`;
        row([...terms, `- ${med}`, `- ${ep}`, `+ ${en}`], '=', -constant);
        dev.push(`+ ${ep}`, `+ ${en}`);
      }
      generals.push(med);
    }
    gi++;
  }
  if (wantRange) level('range', range);
  if (wantDev) level('dev', dev);
  const wrap = (xs: string[], per = 12) => {
    const out: string[] = [];
    for (let i = 0; i < xs.length; i += per) out.push(`  ${xs.slice(i, i + per).join(' ')}`);
    return out.join('\n');
  };
  return [
    'Minimize',
    ' obj: 0 x_zero',
    wrap(merge(obj)),
    'Subject To',
    ...rows,
    'Bounds',
    ' x_zero = 0',
    ...generals.map((g) => ` 0 <= ${g} <= ${D}`),
    'Binary',
    wrap(binaries),
    ...(generals.length > 0 ? ['General', wrap(generals)] : []),
    'End',
    '',
  ].join('\n');
}

const negate = (t: string) => (t.startsWith('- ') ? `+ ${t.slice(2)}` : `- ${t.slice(2)}`);

/**
 * Sums the coefficients of repeated variables ("+ x", "- x", "+ 3 x"): HiGHS's LP reader does not add up a
 * variable written twice in one expression (it keeps one), so every expression is merged before writing.
 */
function merge(terms: readonly string[]): string[] {
  const coef = new Map<string, number>();
  for (const t of terms) {
    const parts = t.split(' ');
    const sign = parts[0] === '-' ? -1 : 1;
    const name = parts[parts.length - 1]!;
    const c = parts.length === 3 ? Number(parts[1]) : 1;
    coef.set(name, (coef.get(name) ?? 0) + sign * c);
  }
  const out: string[] = [];
  for (const [name, c] of coef)
    if (c !== 0) out.push(`${c < 0 ? '-' : '+'} ${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}${name}`);
  return out;
}

/** A roster as one code per cell: '-' not scheduled, 'O' WFO, 'P' PIKET, 'H' WFH. */
export type Roster = readonly string[];

export function jadwalOfGreedy(inst: Instance, h: HasilJadwal): Roster {
  const D = inst.days.length;
  const out: string[] = new Array(inst.people.length * D).fill('-');
  for (const [p, k] of inst.people.entries())
    for (const [d, t] of inst.days.entries()) {
      const s = h.sel.get(k)?.get(t)?.status;
      out[p * D + d] = s === 'WFO' ? 'O' : s === 'PIKET' ? 'P' : s === 'WFH' ? 'H' : '-';
    }
  return out;
}

export function jadwalOfMip(inst: Instance, primal: Readonly<Record<string, number>>): Roster {
  const D = inst.days.length;
  const out: string[] = new Array(inst.people.length * D).fill('-');
  const on = (v: string) => (primal[v] ?? 0) > 0.5;
  for (let p = 0; p < inst.people.length; p++)
    for (let d = 0; d < D; d++) {
      const k = inst.kind[p * D + d];
      out[p * D + d] =
        k === FIXED_WFO
          ? 'O'
          : k === NONE
            ? '-'
            : on(`y${p}_${d}`)
              ? 'P'
              : k === BEBAS && on(`x${p}_${d}`)
                ? 'O'
                : 'H';
    }
  return out;
}

export interface Score {
  /** broken hard rules (must be 0): caps exceeded, caps not filled, fixed cells moved, absent people scheduled */
  readonly broken: number;
  readonly brokenWhat: readonly string[];
  /** piket and minimum shortfalls in people × days (0 when the instance allows it and the roster meets it) */
  readonly shortfall: number;
  readonly range: number;
  readonly dev: number;
  /** office seats used: person-days at the office (WFO + PIKET) over the period (maximised, level 2) */
  readonly seats: number;
}

/** Scores a roster by the definitions at the top of this file. */
export function score(inst: Instance, r: Roster): Score {
  const D = inst.days.length;
  const brokenWhat: string[] = [];
  const office = (p: number, d: number) => r[p * D + d] === 'O' || r[p * D + d] === 'P';
  for (let p = 0; p < inst.people.length; p++)
    for (let d = 0; d < D; d++) {
      const k = inst.kind[p * D + d];
      const c = r[p * D + d]!;
      if (k === NONE && c !== '-') brokenWhat.push(`unavailable scheduled ${p}/${d}`);
      if (k === FIXED_WFO && c !== 'O') brokenWhat.push(`fixed WFO moved ${p}/${d}`);
      if (k === FIXED_WFH && c !== 'H' && c !== 'P') brokenWhat.push(`fixed WFH moved ${p}/${d}`);
      if (c === 'P' && !inst.canPiket[p * D + d]) brokenWhat.push(`ineligible piket ${p}/${d}`);
      if (k === BEBAS && inst.capsOf[p * D + d]!.length === 0 && c === 'H')
        brokenWhat.push(`uncapped at home ${p}/${d}`);
    }
  const counts = inst.caps.map((c) =>
    c.members.reduce(
      (n, p) => n + (r[p * D + c.d] === 'O' || (c.piketDihitung && r[p * D + c.d] === 'P') ? 1 : 0),
      0,
    ),
  );
  for (const [i, c] of inst.caps.entries())
    if (counts[i]! > c.maks) brokenWhat.push(`cap ${c.id} exceeded on day ${c.d}`);
  let seats = 0;
  for (const c of r) if (c === 'O' || c === 'P') seats++;
  for (let p = 0; p < inst.people.length; p++)
    for (let d = 0; d < D; d++) {
      const caps = inst.capsOf[p * D + d]!;
      if (inst.kind[p * D + d] !== BEBAS || caps.length === 0 || r[p * D + d] !== 'H') continue;
      if (!caps.some((i) => counts[i]! >= inst.caps[i]!.maks)) brokenWhat.push(`cap not filled ${p}/${d}`);
    }
  let shortfall = 0;
  for (const g of inst.pikets) {
    const n = g.members.filter((p) => r[p * D + g.d] === 'P').length;
    shortfall += Math.max(0, g.jumlah - n);
    if (n > g.jumlah) brokenWhat.push(`too many piket ${g.id} on day ${g.d}`);
  }
  for (const g of inst.mins) shortfall += Math.max(0, g.min - g.members.filter((p) => office(p, g.d)).length);
  let range = 0;
  let dev = 0;
  for (const members of inst.capGroups.values()) {
    const c = members.map((p) => {
      let n = 0;
      for (let d = 0; d < D; d++) if (office(p, d)) n++;
      return n;
    });
    c.sort((a, b) => a - b);
    range += c[c.length - 1]! - c[0]!;
    const med = c[Math.floor(c.length / 2)]!;
    dev += c.reduce((s, v) => s + Math.abs(v - med), 0);
  }
  return { broken: brokenWhat.length, brokenWhat, shortfall, seats, range, dev };
}

/** Office seats every roster has: the fixed-WFO cells (the seats objective of the MIP leaves them out). */
export function fixedSeats(inst: Instance): number {
  let n = 0;
  for (const k of inst.kind) if (k === FIXED_WFO) n++;
  return n;
}
