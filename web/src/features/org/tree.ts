import type { OpdNode } from '../../lib/types';

/** The OPD list as a tree: children by parent kode and head counts summed over each subtree. */
export interface OpdIndex {
  readonly byKode: ReadonlyMap<string, OpdNode>;
  readonly children: ReadonlyMap<string | null, readonly OpdNode[]>;
  readonly subtreeCount: ReadonlyMap<string, number>;
}

/** Indexes a flat OPD list (parents referenced by kode). */
export function indexOpd(list: readonly OpdNode[]): OpdIndex {
  const byKode = new Map(list.map((n) => [n.kode, n]));
  const children = new Map<string | null, OpdNode[]>();
  for (const n of list) {
    const parent = n.induk_kode && byKode.has(n.induk_kode) ? n.induk_kode : null;
    const arr = children.get(parent) ?? [];
    arr.push(n);
    children.set(parent, arr);
  }
  for (const arr of children.values()) arr.sort((a, b) => a.kode.localeCompare(b.kode));
  const subtreeCount = new Map<string, number>();
  const count = (n: OpdNode, depth: number): number => {
    const done = subtreeCount.get(n.kode);
    if (done !== undefined) return done;
    let s = n.jumlah_pegawai;
    if (depth < 64) for (const c of children.get(n.kode) ?? []) s += count(c, depth + 1);
    subtreeCount.set(n.kode, s);
    return s;
  };
  for (const n of list) count(n, 0);
  return { byKode, children, subtreeCount };
}

/** The nearest ancestor-or-self that sets a value itself, e.g. where a unit's kelas layanan comes from. */
export function sourceOf(idx: OpdIndex, kode: string, sets: (n: OpdNode) => boolean): OpdNode | null {
  let n = idx.byKode.get(kode);
  for (let i = 0; n && i < 64; i++) {
    if (sets(n)) return n;
    n = n.induk_kode ? idx.byKode.get(n.induk_kode) : undefined;
  }
  return null;
}

/** Ancestors of a node, top-level first (for breadcrumbs). */
export function ancestorsOf(idx: OpdIndex, kode: string): OpdNode[] {
  const out: OpdNode[] = [];
  let n = idx.byKode.get(kode);
  for (let i = 0; n?.induk_kode && i < 64; i++) {
    const p = idx.byKode.get(n.induk_kode);
    if (!p) break;
    out.unshift(p);
    n = p;
  }
  return out;
}
