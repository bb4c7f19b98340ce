import { describe, expect, test } from 'vitest';
import type { OpdNode } from '../../lib/types';
import { ancestorsOf, indexOpd, sourceOf } from './tree';

function node(
  kode: string,
  indukKode: string | null,
  jumlahPegawai: number,
  own: Partial<OpdNode> = {},
): OpdNode {
  return {
    id: kode,
    kode,
    nama: `Nama ${kode}`,
    jenis: 'dinas',
    induk_kode: indukKode,
    kelas_layanan: null,
    sektor: [],
    lat: null,
    lng: null,
    radius_m: null,
    efektif: {
      kelas_layanan: 'non_pelayanan',
      sektor: [],
      lat: null,
      lng: null,
      radius_m: null,
      opd_induk_kode: kode,
    },
    jumlah_pegawai: jumlahPegawai,
    ...own,
  };
}

const list = [
  node('DINKES', null, 1, { kelas_layanan: 'non_pelayanan', sektor: ['kesehatan'], lat: -7.88, lng: 112.53 }),
  node('DINKES-P2P', 'DINKES', 12),
  node('DINKES-P2P-SURV', 'DINKES-P2P', 4, { kelas_layanan: 'pelayanan' }),
  node('BPBD', null, 34),
];

describe('indexOpd', () => {
  test('groups children under their parent and sums head counts over subtrees', () => {
    const idx = indexOpd(list);
    expect(idx.children.get(null)?.map((n) => n.kode)).toEqual(['BPBD', 'DINKES']);
    expect(idx.subtreeCount.get('DINKES')).toBe(17);
    expect(idx.subtreeCount.get('DINKES-P2P')).toBe(16);
    expect(idx.subtreeCount.get('BPBD')).toBe(34);
  });

  test('a parent missing from the list makes the node top-level instead of hiding it', () => {
    const idx = indexOpd([node('UPT-X', 'GONE', 3)]);
    expect(idx.children.get(null)?.map((n) => n.kode)).toEqual(['UPT-X']);
  });
});

describe('sourceOf / ancestorsOf', () => {
  test('finds where an inherited value is set', () => {
    const idx = indexOpd(list);
    expect(sourceOf(idx, 'DINKES-P2P', (n) => n.kelas_layanan !== null)?.kode).toBe('DINKES');
    expect(sourceOf(idx, 'DINKES-P2P-SURV', (n) => n.kelas_layanan !== null)?.kode).toBe('DINKES-P2P-SURV');
    expect(sourceOf(idx, 'DINKES-P2P-SURV', (n) => n.lat !== null)?.kode).toBe('DINKES');
    expect(sourceOf(idx, 'BPBD', (n) => n.lat !== null)).toBeNull();
    expect(ancestorsOf(idx, 'DINKES-P2P-SURV').map((n) => n.kode)).toEqual(['DINKES', 'DINKES-P2P']);
  });
});
