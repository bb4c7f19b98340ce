import { describe, expect, it } from 'vitest';
import { validateOpdRows, validatePegawaiRows } from './import.ts';
import { findCycles, resolveInheritance } from './tree.ts';

const opd = (kode: string, induk = '', extra: Record<string, string> = {}) => ({
  kode,
  nama: `OPD ${kode}`,
  jenis: 'dinas',
  induk_kode: induk,
  kelas_layanan: induk ? '' : 'pelayanan',
  sektor: '',
  lat: induk ? '' : '-7.87',
  lng: induk ? '' : '112.52',
  radius_m: induk ? '' : '100',
  ...extra,
});
const rows = (vals: Record<string, string>[]) => vals.map((values, i) => ({ baris: i + 2, values }));

describe('regressions found by review', () => {
  it('a parent row with its own problem does not give its children a false "unknown parent" issue', () => {
    const r = validateOpdRows(rows([opd('DINKES', '', { radius_m: '5' }), opd('PKM', 'DINKES')]), new Map());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.baris}:${i.kode}`)).toEqual(['2:RADIUS_TIDAK_SAH']);
  });

  it('a supervisor row with its own problem does not give their staff a false "unknown supervisor" issue', () => {
    const base = {
      nama: 'X',
      jenis_pegawai: 'pns',
      jabatan_level: 'pelaksana',
      jabatan: '',
      opd_kode: 'A',
      telepon: '',
      rumah_lat: '',
      rumah_lng: '',
    };
    const r = validatePegawaiRows(
      rows([
        { ...base, nip: '197001011995031001', atasan_nip: '', email: 'bukan-email' },
        { ...base, nip: '199003032015031003', atasan_nip: '197001011995031001', email: '' },
      ]),
      new Set(['A']),
      new Map(),
      '2026-11-23',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.baris}:${i.kode}`)).toEqual(['2:EMAIL_TIDAK_SAH']);
  });

  it('reports every separate cycle, not only the first', () => {
    const parent: Record<string, string> = { A: 'B', B: 'A', C: 'D', D: 'C', E: 'A' };
    expect(findCycles(Object.keys(parent), (k) => parent[k] ?? null)).toHaveLength(2);
    const r = validateOpdRows(rows([opd('A', 'B'), opd('B', 'A'), opd('C', 'D'), opd('D', 'C')]), new Map());
    expect(!r.ok && r.issues.filter((i) => i.kode === 'INDUK_SIKLUS')).toHaveLength(2);
  });

  it('refuses hexadecimal numbers in coordinates and radius', () => {
    const r = validateOpdRows(rows([opd('A', '', { radius_m: '0x1F' })]), new Map());
    expect(!r.ok && r.issues.map((i) => i.kode)).toEqual(['BUKAN_ANGKA']);
  });

  it('inherits through chains of any depth, whatever the order of the nodes', () => {
    const chain = Array.from({ length: 100 }, (_, i) => ({
      id: `n${i}`,
      kode: `K${i}`,
      indukId: i === 0 ? null : `n${i - 1}`,
      kelasLayanan: i === 0 ? ('pelayanan' as const) : null,
      sektor: [],
      lat: null,
      lng: null,
      radiusM: null,
    }));
    for (const order of [chain, [...chain].reverse()]) {
      const eff = resolveInheritance(order).get('n99')!;
      expect(eff).toMatchObject({ kelasLayanan: 'pelayanan', opdIndukKode: 'K0' });
    }
  });
});

describe('small validator fixes', () => {
  it('ignores an empty part in sektor (a trailing |)', () => {
    expect(validateOpdRows(rows([opd('A', '', { sektor: 'kesehatan|' })]), new Map()).ok).toBe(true);
  });
  it('reports a non-numeric latitude once', () => {
    const r = validateOpdRows(rows([opd('A', '', { lat: 'utara' })]), new Map());
    expect(!r.ok && r.issues.map((i) => i.kode)).toEqual(['BUKAN_ANGKA']);
  });
  it('refuses a radius without an office location', () => {
    const r = validateOpdRows(rows([opd('A'), opd('B', 'A', { radius_m: '50' })]), new Map());
    expect(!r.ok && r.issues.map((i) => `${i.baris}:${i.kode}`)).toEqual(['3:RADIUS_TANPA_LOKASI']);
  });
});
