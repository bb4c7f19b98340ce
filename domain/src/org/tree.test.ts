import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycle, type OpdNode, resolveInheritance, subtreeIds } from './tree.ts';
import { KELAS_LAYANAN, type KelasLayanan, SEKTOR, type Sektor } from './types.ts';

const parentFn =
  (m: Record<string, string | null>) =>
  (k: string): string | null =>
    m[k] ?? null;

describe('findCycle: examples', () => {
  it('returns null for an empty relation and for a tree', () => {
    expect(findCycle([], () => null)).toBeNull();
    const tree = { A: null, B: 'A', C: 'A', D: 'C' };
    expect(findCycle(Object.keys(tree), parentFn(tree))).toBeNull();
  });

  it('finds A → B → A, starting and ending with the same key', () => {
    const m = { A: 'B', B: 'A' };
    expect(findCycle(['A', 'B'], parentFn(m))).toEqual(['A', 'B', 'A']);
  });

  it('finds a self-loop', () => {
    expect(findCycle(['X'], parentFn({ X: 'X' }))).toEqual(['X', 'X']);
  });

  it('returns only the cycle, not the tail that leads into it', () => {
    // T → A → B → C → A
    const m = { T: 'A', A: 'B', B: 'C', C: 'A' };
    expect(findCycle(['T', 'A', 'B', 'C'], parentFn(m))).toEqual(['A', 'B', 'C', 'A']);
  });

  it('follows parents that are not among the starting keys', () => {
    const m = { A: 'B', B: 'C', C: 'B' };
    expect(findCycle(['A'], parentFn(m))).toEqual(['B', 'C', 'B']);
  });
});

/** Random parent maps over k0…k(n−1), and which of them are given as start keys. */
const parentMapArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    parents: fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: null, freq: 3 }), {
      minLength: n,
      maxLength: n,
    }),
    starts: fc.subarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: 1 },
    ),
  }),
);

describe('findCycle: properties', () => {
  it('finds a cycle exactly when one is reachable from the keys (brute force), and it is a real cycle', () => {
    fc.assert(
      fc.property(parentMapArb, ({ parents, starts }) => {
        const n = parents.length;
        const key = (i: number) => `k${i}`;
        const parentOf = (k: string): string | null => {
          const p = parents[Number(k.slice(1))];
          return p === null || p === undefined ? null : key(p);
        };
        // brute force: from some start, n steps never reach a root
        const reachesCycle = (start: string) => {
          let k: string | null = start;
          for (let step = 0; step <= n; step++) {
            if (k === null) return false;
            k = parentOf(k);
          }
          return k !== null;
        };
        const keys = starts.map(key);
        const expected = keys.some(reachesCycle);
        const cycle = findCycle(keys, parentOf);
        expect(cycle !== null).toBe(expected);
        if (cycle) {
          expect(cycle.length).toBeGreaterThanOrEqual(2);
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          const inner = cycle.slice(0, -1);
          expect(new Set(inner).size).toBe(inner.length);
          for (let j = 0; j + 1 < cycle.length; j++) expect(parentOf(cycle[j]!)).toBe(cycle[j + 1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a forest (parents always earlier) never has a cycle; linking a root to its descendant always does', () => {
    const forestArb = fc
      .integer({ min: 2, max: 15 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.nat(), { minLength: n, maxLength: n }),
          fc.array(fc.boolean(), { minLength: n, maxLength: n }),
          fc.nat(),
        ),
      );
    fc.assert(
      fc.property(forestArb, ([picks, isRoot, leafPick]) => {
        const n = picks.length;
        const parents: (number | null)[] = picks.map((p, i) => (i === 0 || isRoot[i] ? null : p % i));
        const parentOf = (k: string) => {
          const p = parents[Number(k.slice(1))];
          return p === null || p === undefined ? null : `k${p}`;
        };
        const keys = parents.map((_, i) => `k${i}`);
        expect(findCycle(keys, parentOf)).toBeNull();
        // close a loop: the root above some node now hangs under that node
        const leaf = leafPick % n;
        let root = leaf;
        while (parents[root] !== null) root = parents[root]!;
        parents[root] = leaf;
        const cycle = findCycle(keys, parentOf);
        expect(cycle).not.toBeNull();
        expect(cycle).toContain(`k${root}`);
        expect(cycle).toContain(`k${leaf}`);
      }),
    );
  });
});

// ─── resolveInheritance ─────────────────────────────────────────────────────────────────────────

function node(p: Partial<OpdNode> & { id: string }): OpdNode {
  return {
    kode: p.id.toUpperCase(),
    indukId: null,
    kelasLayanan: null,
    sektor: [],
    lat: null,
    lng: null,
    radiusM: null,
    ...p,
  };
}

describe('resolveInheritance: examples', () => {
  const dinkes = node({
    id: 'dinkes',
    kelasLayanan: 'pelayanan',
    sektor: ['kesehatan'],
    lat: -7.87,
    lng: 112.52,
    radiusM: 150,
  });
  const bidang = node({ id: 'bidang-p2p', indukId: 'dinkes', kelasLayanan: 'non_pelayanan' });
  const seksi = node({ id: 'seksi-surv', indukId: 'bidang-p2p', lat: -7.9, lng: 112.6, radiusM: 50 });
  const staf = node({ id: 'tim-data', indukId: 'seksi-surv' });
  const setda = node({ id: 'setda', lat: -7.871, lng: 112.523, radiusM: 100 });
  const bagian = node({ id: 'bag-umum', indukId: 'setda', sektor: ['kependudukan'], lat: -7.88 });

  const eff = resolveInheritance([staf, seksi, bidang, dinkes, setda, bagian]);

  it('a top-level OPD keeps its own attributes and is its own opdIndukKode', () => {
    expect(eff.get('dinkes')).toEqual({
      kelasLayanan: 'pelayanan',
      sektor: ['kesehatan'],
      lat: -7.87,
      lng: 112.52,
      radiusM: 150,
      opdIndukKode: 'DINKES',
    });
  });

  it('a unit inherits sektor and location from the OPD but keeps its own kelas_layanan', () => {
    expect(eff.get('bidang-p2p')).toEqual({
      kelasLayanan: 'non_pelayanan',
      sektor: ['kesehatan'],
      lat: -7.87,
      lng: 112.52,
      radiusM: 150,
      opdIndukKode: 'DINKES',
    });
  });

  it('each attribute comes from the nearest ancestor that sets it', () => {
    // kelas from the bidang (nearer than the dinas), location from the seksi itself
    expect(eff.get('seksi-surv')).toEqual({
      kelasLayanan: 'non_pelayanan',
      sektor: ['kesehatan'],
      lat: -7.9,
      lng: 112.6,
      radiusM: 50,
      opdIndukKode: 'DINKES',
    });
    // three levels down: kelas from the bidang, location and radius from the seksi
    expect(eff.get('tim-data')).toEqual({
      kelasLayanan: 'non_pelayanan',
      sektor: ['kesehatan'],
      lat: -7.9,
      lng: 112.6,
      radiusM: 50,
      opdIndukKode: 'DINKES',
    });
  });

  it('a half-set location (lat without lng) does not count: the parent location applies', () => {
    expect(eff.get('bag-umum')).toMatchObject({
      lat: -7.871,
      lng: 112.523,
      radiusM: 100,
      sektor: ['kependudukan'],
    });
  });

  it('defaults to non_pelayanan, no sector and no location when nobody sets them', () => {
    expect(eff.get('setda')).toMatchObject({ kelasLayanan: 'non_pelayanan', sektor: [] });
    expect(resolveInheritance([node({ id: 'x' })]).get('x')).toEqual({
      kelasLayanan: 'non_pelayanan',
      sektor: [],
      lat: null,
      lng: null,
      radiusM: null,
      opdIndukKode: 'X',
    });
  });

  it('a node whose parent is missing is treated as top level', () => {
    const e = resolveInheritance([node({ id: 'orphan', indukId: 'gone', kelasLayanan: 'pelayanan' })]);
    expect(e.get('orphan')).toMatchObject({ kelasLayanan: 'pelayanan', opdIndukKode: 'ORPHAN' });
  });

  it('terminates on a parent cycle and resolves every node', () => {
    const e = resolveInheritance([node({ id: 'a', indukId: 'b' }), node({ id: 'b', indukId: 'a' })]);
    expect([...e.keys()].sort()).toEqual(['a', 'b']);
  });
});

interface NodeSpec {
  root: boolean;
  parentPick: number;
  kelas: KelasLayanan | null;
  sektor: Sektor[];
  loc: 'none' | 'full' | 'lat-only';
  lat: number;
  lng: number;
  radius: number | null;
}

const nodeSpecArb: fc.Arbitrary<NodeSpec> = fc.record({
  root: fc.boolean(),
  parentPick: fc.nat(),
  kelas: fc.option(fc.constantFrom(...KELAS_LAYANAN), { nil: null }),
  sektor: fc.subarray([...SEKTOR], { maxLength: 2 }),
  loc: fc.constantFrom('none', 'none', 'full', 'lat-only'),
  lat: fc.double({ min: -11, max: 6, noNaN: true }),
  lng: fc.double({ min: 95, max: 141, noNaN: true }),
  radius: fc.option(fc.integer({ min: 10, max: 5000 }), { nil: null }),
});

/** A random forest: each node's parent is an earlier node (ids deliberately not in order). */
const forestArb = fc.array(nodeSpecArb, { minLength: 1, maxLength: 20 }).map((specs) =>
  specs.map(
    (s, i): OpdNode => ({
      id: `id-${(i * 7) % 23}-${i}`,
      kode: `KODE-${i}`,
      indukId: i === 0 || s.root ? null : `id-${((s.parentPick % i) * 7) % 23}-${s.parentPick % i}`,
      kelasLayanan: s.kelas,
      sektor: s.sektor,
      lat: s.loc === 'none' ? null : s.lat,
      lng: s.loc === 'full' ? s.lng : null,
      radiusM: s.radius,
    }),
  ),
);

/** The chain self, parent, grandparent, … up to the top. */
function chainOf(nodes: readonly OpdNode[], id: string): OpdNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: OpdNode[] = [];
  for (let n = byId.get(id); n; n = n.indukId ? byId.get(n.indukId) : undefined) out.push(n);
  return out;
}

describe('resolveInheritance: properties', () => {
  it('every attribute equals that of the nearest ancestor-or-self that sets it (brute force)', () => {
    fc.assert(
      fc.property(forestArb, (nodes) => {
        const eff = resolveInheritance(nodes);
        expect(eff.size).toBe(nodes.length);
        for (const n of nodes) {
          const chain = chainOf(nodes, n.id);
          const e = eff.get(n.id)!;
          expect(e.kelasLayanan).toBe(
            chain.find((c) => c.kelasLayanan !== null)?.kelasLayanan ?? 'non_pelayanan',
          );
          expect(e.sektor).toEqual(chain.find((c) => c.sektor.length > 0)?.sektor ?? []);
          const located = chain.find((c) => c.lat !== null && c.lng !== null);
          expect([e.lat, e.lng, e.radiusM]).toEqual(
            located ? [located.lat, located.lng, located.radiusM] : [null, null, null],
          );
          expect(e.opdIndukKode).toBe(chain[chain.length - 1]!.kode);
        }
      }),
    );
  });

  it('does not depend on the order of the nodes', () => {
    fc.assert(
      fc.property(
        forestArb.chain((nodes) =>
          fc.tuple(fc.constant(nodes), fc.shuffledSubarray(nodes, { minLength: nodes.length })),
        ),
        ([nodes, shuffled]) => {
          const a = resolveInheritance(nodes);
          const b = resolveInheritance(shuffled);
          for (const n of nodes) expect(b.get(n.id)).toEqual(a.get(n.id));
        },
      ),
    );
  });
});

// ─── subtreeIds ─────────────────────────────────────────────────────────────────────────────────

describe('subtreeIds', () => {
  const nodes = [
    { id: 'dinkes', indukId: null },
    { id: 'bidang', indukId: 'dinkes' },
    { id: 'seksi', indukId: 'bidang' },
    { id: 'pkm', indukId: 'dinkes' },
    { id: 'setda', indukId: null },
    { id: 'bagian', indukId: 'setda' },
  ];

  it('holds the root and every descendant, and nothing else', () => {
    expect([...subtreeIds(nodes, 'dinkes')].sort()).toEqual(['bidang', 'dinkes', 'pkm', 'seksi']);
    expect([...subtreeIds(nodes, 'bidang')].sort()).toEqual(['bidang', 'seksi']);
    expect([...subtreeIds(nodes, 'seksi')]).toEqual(['seksi']);
  });

  it('holds just the root when the root is unknown', () => {
    expect([...subtreeIds(nodes, 'tidak-ada')]).toEqual(['tidak-ada']);
  });

  it('terminates on a cycle', () => {
    const cyc = [
      { id: 'a', indukId: 'b' },
      { id: 'b', indukId: 'a' },
      { id: 'c', indukId: 'b' },
    ];
    expect([...subtreeIds(cyc, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });

  it('property: equals the set of nodes that have the root as ancestor-or-self', () => {
    fc.assert(
      fc.property(forestArb, fc.nat(), fc.boolean(), (forest, pick, unknownRoot) => {
        const flat = forest.map((n) => ({ id: n.id, indukId: n.indukId }));
        const rootId = unknownRoot ? 'bukan-node' : flat[pick % flat.length]!.id;
        const got = subtreeIds(flat, rootId);
        const expected = new Set([rootId]);
        for (const n of forest) if (chainOf(forest, n.id).some((c) => c.id === rootId)) expected.add(n.id);
        expect([...got].sort()).toEqual([...expected].sort());
      }),
    );
  });
});
