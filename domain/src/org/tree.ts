import type { KelasLayanan, Sektor } from './types.ts';

/** The minimum an OPD node needs for tree work. */
export interface OpdNode {
  readonly id: string;
  readonly kode: string;
  readonly indukId: string | null;
  readonly kelasLayanan: KelasLayanan | null;
  readonly sektor: readonly Sektor[];
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radiusM: number | null;
}

/** What a unit inherits from its ancestors where it sets nothing itself. */
export interface EffectiveOpd {
  readonly kelasLayanan: KelasLayanan;
  readonly sektor: readonly Sektor[];
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radiusM: number | null;
  /** kode of the top-level OPD the node belongs to */
  readonly opdIndukKode: string;
}

/**
 * Finds every cycle in a parent relation (each reported once). `parentOf` maps a key to its parent key.
 * Each cycle lists its keys, starting and ending with the same key.
 */
export function findCycles(keys: Iterable<string>, parentOf: (k: string) => string | null): string[][] {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const cycles: string[][] = [];
  for (const start of keys) {
    if (state.get(start) === 2) continue;
    const path: string[] = [];
    let k: string | null = start;
    while (k !== null && state.get(k) !== 2) {
      if (state.get(k) === 1) {
        const i = path.indexOf(k);
        cycles.push([...path.slice(i), k]);
        break;
      }
      state.set(k, 1);
      path.push(k);
      k = parentOf(k);
    }
    for (const p of path) state.set(p, 2);
  }
  return cycles;
}

/** The first cycle in a parent relation, or null (see findCycles). */
export function findCycle(keys: Iterable<string>, parentOf: (k: string) => string | null): string[] | null {
  return findCycles(keys, parentOf)[0] ?? null;
}

/**
 * Resolves inherited attributes for every node (kelas layanan, sektor, office and geofence), whatever
 * the depth; a node inside a parent cycle is treated as top level.
 */
export function resolveInheritance(nodes: readonly OpdNode[]): Map<string, EffectiveOpd> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, EffectiveOpd>();
  const derive = (n: OpdNode, p: EffectiveOpd | null): EffectiveOpd => {
    const hasOwnLocation = n.lat !== null && n.lng !== null;
    return {
      kelasLayanan: n.kelasLayanan ?? p?.kelasLayanan ?? 'non_pelayanan',
      sektor: n.sektor.length > 0 ? n.sektor : (p?.sektor ?? []),
      lat: hasOwnLocation ? n.lat : (p?.lat ?? null),
      lng: hasOwnLocation ? n.lng : (p?.lng ?? null),
      radiusM: hasOwnLocation ? n.radiusM : (p?.radiusM ?? null),
      opdIndukKode: p ? p.opdIndukKode : n.kode,
    };
  };
  for (const start of nodes) {
    // Walk up to a resolved ancestor or the root, then resolve back down.
    const chain: OpdNode[] = [];
    const onChain = new Set<string>();
    let cur: OpdNode | undefined = start;
    while (cur && !out.has(cur.id) && !onChain.has(cur.id)) {
      chain.push(cur);
      onChain.add(cur.id);
      cur = cur.indukId ? byId.get(cur.indukId) : undefined;
    }
    let parent: EffectiveOpd | null = cur ? (out.get(cur.id) ?? null) : null;
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i]!;
      const eff = derive(n, parent);
      out.set(n.id, eff);
      parent = eff;
    }
  }
  return out;
}

/** Every id in the subtree rooted at `rootId` (the root included). */
export function subtreeIds(
  nodes: readonly { id: string; indukId: string | null }[],
  rootId: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.indukId === null) continue;
    const list = children.get(n.indukId) ?? [];
    list.push(n.id);
    children.set(n.indukId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}
