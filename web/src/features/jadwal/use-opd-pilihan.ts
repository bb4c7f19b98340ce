import { scopeOf } from '@sigap/domain';
import { useMemo } from 'react';
import { useMe } from '../../lib/session';
import type { OpdNode } from '../../lib/types';
import { useOpdTree } from '../org/org.api';
import { indexOpd } from '../org/tree';

export interface OpsiOpd {
  readonly value: string;
  readonly label: string;
  readonly nama: string;
  readonly kedalaman: number;
}

/**
 * The OPDs and units the signed-in account may open a schedule for (the whole tree for Pemda-wide
 * roles; the subtrees of their OPD/unit for OPD admins and unit heads), depth-first, and the one a
 * scoped account opens on by default (its own OPD/unit).
 */
export function useOpdPilihan() {
  const me = useMe();
  const tree = useOpdTree();
  const scope = useMemo(
    () =>
      scopeOf(
        me.roles.map((r) => ({ role: r.role, opdId: r.opd_id })),
        me.pegawai_id,
        'read',
      ),
    [me],
  );
  const hasil = useMemo(() => {
    const list = tree.data?.opd ?? [];
    const idx = indexOpd(list);
    const byId = new Map(list.map((n) => [n.id, n]));
    const akar: OpdNode[] = scope.all
      ? [...(idx.children.get(null) ?? [])]
      : scope.opdRoots.flatMap((id) => {
          const n = byId.get(id);
          return n ? [n] : [];
        });
    const opsi: OpsiOpd[] = [];
    const seen = new Set<string>();
    const jalan = (n: OpdNode, depth: number) => {
      if (seen.has(n.kode) || depth > 64) return;
      seen.add(n.kode);
      opsi.push({ value: n.kode, label: `${n.kode} — ${n.nama}`, nama: n.nama, kedalaman: depth });
      for (const c of idx.children.get(n.kode) ?? []) jalan(c, depth + 1);
    };
    for (const a of akar) jalan(a, 0);
    return {
      opsi,
      bawaan: scope.all ? null : (akar[0]?.kode ?? null),
      namaOf: new Map(list.map((n) => [n.kode, n.nama])),
    };
  }, [tree.data, scope]);
  return { ...hasil, semua: scope.all, loading: tree.isLoading, error: tree.error };
}
