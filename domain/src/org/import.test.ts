import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHeader,
  type ImportIssue,
  type ImportResult,
  OPD_COLUMNS,
  PEGAWAI_COLUMNS,
  PEGAWAI_OPTIONAL_COLUMNS,
  type RawRow,
  validateOpdRows,
  validatePegawaiRows,
} from './import.ts';
import { composeNip } from './nip.ts';
import { JABATAN_LEVEL, JENIS_OPD, KELAS_LAYANAN, SEKTOR } from './types.ts';

const TODAY = '2025-06-30';

type OpdCol = (typeof OPD_COLUMNS)[number];
type PegawaiCol = (typeof PEGAWAI_COLUMNS)[number] | (typeof PEGAWAI_OPTIONAL_COLUMNS)[number];
type OpdValues = Partial<Record<OpdCol, string>>;
type PegawaiValues = Partial<Record<PegawaiCol, string>>;

function opdRow(baris: number, v: OpdValues): RawRow {
  const values: Record<string, string> = {};
  for (const c of OPD_COLUMNS) values[c] = v[c] ?? '';
  return { baris, values };
}

function pegawaiRow(baris: number, v: PegawaiValues): RawRow {
  const values: Record<string, string> = {};
  for (const c of [...PEGAWAI_COLUMNS, ...PEGAWAI_OPTIONAL_COLUMNS]) values[c] = v[c] ?? '';
  return { baris, values };
}

/** Data rows start at 2 (row 1 is the header). */
const numbered = <T>(vals: readonly T[], make: (baris: number, v: T) => RawRow): RawRow[] =>
  vals.map((v, i) => make(i + 2, v));

function issuesOf<T>(r: ImportResult<T>): ImportIssue[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

function expectIssue(
  issues: readonly ImportIssue[],
  want: { baris: number; kolom: string | null; kode: string },
) {
  const hit = issues.find((i) => i.baris === want.baris && i.kolom === want.kolom && i.kode === want.kode);
  expect(
    hit,
    `issue ${JSON.stringify(want)} in ${JSON.stringify(issues.map(({ pesan: _, ...i }) => i))}`,
  ).toBeDefined();
  expect(hit?.pesan.id.trim()).not.toBe('');
  expect(hit?.pesan.en.trim()).not.toBe('');
  return hit!;
}

function isSortedByRow(issues: readonly ImportIssue[]): boolean {
  return issues.every((iss, k) => k === 0 || issues[k - 1]!.baris <= iss.baris);
}

// ─── checkHeader ────────────────────────────────────────────────────────────────────────────────

describe('checkHeader', () => {
  it('accepts the canonical OPD and pegawai headers, in any order, with the optional id_pegawai', () => {
    expect(checkHeader(OPD_COLUMNS, OPD_COLUMNS)).toEqual([]);
    expect(checkHeader([...OPD_COLUMNS].reverse(), OPD_COLUMNS)).toEqual([]);
    expect(checkHeader(PEGAWAI_COLUMNS, PEGAWAI_COLUMNS, PEGAWAI_OPTIONAL_COLUMNS)).toEqual([]);
    expect(
      checkHeader([...PEGAWAI_COLUMNS, 'id_pegawai'], PEGAWAI_COLUMNS, PEGAWAI_OPTIONAL_COLUMNS),
    ).toEqual([]);
  });

  it('reports a missing required column on row 1', () => {
    const issues = checkHeader(
      OPD_COLUMNS.filter((c) => c !== 'sektor'),
      OPD_COLUMNS,
    );
    expect(issues).toHaveLength(1);
    const i = expectIssue(issues, { baris: 1, kolom: 'sektor', kode: 'KOLOM_HILANG' });
    expect(i.pesan.id).toContain('sektor');
    expect(i.pesan.en).toContain('sektor');
  });

  it('reports an unknown column and a duplicated column', () => {
    const issues = checkHeader([...OPD_COLUMNS, 'alamat', 'nama'], OPD_COLUMNS);
    expect(issues).toHaveLength(2);
    expect(
      expectIssue(issues, { baris: 1, kolom: 'alamat', kode: 'KOLOM_TIDAK_DIKENAL' }).pesan.en,
    ).toContain('alamat');
    expectIssue(issues, { baris: 1, kolom: 'nama', kode: 'KOLOM_GANDA' });
  });

  it('id_pegawai is unknown where it is not declared optional', () => {
    const issues = checkHeader([...PEGAWAI_COLUMNS, 'id_pegawai'], PEGAWAI_COLUMNS);
    expect(issues.map((i) => i.kode)).toEqual(['KOLOM_TIDAK_DIKENAL']);
  });

  it('property: any permutation of the required columns passes; each removed column is reported once', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...PEGAWAI_COLUMNS], { minLength: 0, maxLength: PEGAWAI_COLUMNS.length }),
        (kept) => {
          const issues = checkHeader(kept, PEGAWAI_COLUMNS, PEGAWAI_OPTIONAL_COLUMNS);
          const missing = PEGAWAI_COLUMNS.filter((c) => !kept.includes(c));
          expect(issues.every((i) => i.baris === 1 && i.kode === 'KOLOM_HILANG')).toBe(true);
          expect(issues.map((i) => i.kolom).sort()).toEqual([...missing].sort());
        },
      ),
    );
  });
});

// ─── OPD rows ───────────────────────────────────────────────────────────────────────────────────

const GOOD_OPD: OpdValues[] = [
  {
    kode: 'DINKES',
    nama: 'Dinas Kesehatan',
    jenis: 'dinas',
    kelas_layanan: 'pelayanan',
    sektor: 'kesehatan',
    lat: '-7.8707',
    lng: '112.5247',
    radius_m: '150',
  },
  { kode: 'PKM-BATU', nama: 'Puskesmas Batu', jenis: 'puskesmas', induk_kode: 'DINKES' },
  {
    kode: 'SETDA',
    nama: 'Sekretariat Daerah',
    jenis: 'Sekretariat',
    kelas_layanan: 'non_pelayanan',
    lat: '-7,8712',
    lng: '112,5236',
  },
  {
    kode: 'BPBD',
    nama: 'Badan Penanggulangan Bencana Daerah',
    jenis: 'badan',
    kelas_layanan: 'pelayanan',
    sektor: 'kebencanaan | kesehatan|kebencanaan',
    lat: '-7.87',
    lng: '112.53',
    radius_m: '5000',
  },
  {
    kode: 'BAG-UMUM',
    nama: 'Bagian Umum',
    jenis: 'bagian',
    induk_kode: 'setda',
    kelas_layanan: 'non_pelayanan',
  },
];

describe('validateOpdRows: a good file', () => {
  it('passes with one record per row, parsed and defaulted', () => {
    const r = validateOpdRows(numbered(GOOD_OPD, opdRow), new Map());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => [x.baris, x.kode])).toEqual([
      [2, 'DINKES'],
      [3, 'PKM-BATU'],
      [4, 'SETDA'],
      [5, 'BPBD'],
      [6, 'BAG-UMUM'],
    ]);
    const [dinkes, pkm, setda, bpbd] = r.records;
    expect(dinkes).toMatchObject({
      jenis: 'dinas',
      indukKode: null,
      kelasLayanan: 'pelayanan',
      sektor: ['kesehatan'],
      lat: -7.8707,
      lng: 112.5247,
      radiusM: 150,
    });
    // a unit may leave class, sector and location empty: it inherits them
    expect(pkm).toMatchObject({
      indukKode: 'DINKES',
      kelasLayanan: null,
      sektor: [],
      lat: null,
      lng: null,
      radiusM: null,
    });
    // decimal comma accepted, jenis case-insensitive, default geofence radius 100 m
    expect(setda).toMatchObject({ jenis: 'sekretariat', lat: -7.8712, lng: 112.5236, radiusM: 100 });
    // sectors split on |, trimmed, de-duplicated
    expect(bpbd?.sektor).toEqual(['kebencanaan', 'kesehatan']);
  });

  it('resolves induk_kode against the stored registry, case-insensitively', () => {
    const rows = numbered(
      [{ kode: 'UPT-PARKIR', nama: 'UPT Parkir', jenis: 'upt', induk_kode: 'dishub' }],
      opdRow,
    );
    const existing = new Map([['DISHUB', { indukKode: null }]]);
    expect(validateOpdRows(rows, existing).ok).toBe(true);
    expectIssue(issuesOf(validateOpdRows(rows, new Map())), {
      baris: 2,
      kolom: 'induk_kode',
      kode: 'INDUK_TIDAK_DIKENAL',
    });
  });
});

describe('validateOpdRows: each bad case names row and column', () => {
  const withRow = (i: number, patch: OpdValues) =>
    numbered(
      GOOD_OPD.map((v, k) => (k === i ? { ...v, ...patch } : v)),
      opdRow,
    );

  it('unknown jenis', () => {
    const issues = issuesOf(validateOpdRows(withRow(3, { jenis: 'kantor' }), new Map()));
    expect(issues).toHaveLength(1);
    const i = expectIssue(issues, { baris: 5, kolom: 'jenis', kode: 'NILAI_TIDAK_DIKENAL' });
    expect(i.pesan.id).toContain('kantor');
  });

  it('missing jenis, kode and nama', () => {
    const issues = issuesOf(validateOpdRows(withRow(0, { jenis: '', kode: '', nama: ' ' }), new Map()));
    expectIssue(issues, { baris: 2, kolom: 'jenis', kode: 'WAJIB_DIISI' });
    expectIssue(issues, { baris: 2, kolom: 'kode', kode: 'WAJIB_DIISI' });
    expectIssue(issues, { baris: 2, kolom: 'nama', kode: 'WAJIB_DIISI' });
  });

  it('a kode with spaces or other characters', () => {
    const issues = issuesOf(validateOpdRows(withRow(3, { kode: 'BPBD KOTA' }), new Map()));
    expectIssue(issues, { baris: 5, kolom: 'kode', kode: 'KODE_TIDAK_SAH' });
  });

  it('unknown sektor among valid ones', () => {
    const issues = issuesOf(validateOpdRows(withRow(0, { sektor: 'kesehatan|pendidikan' }), new Map()));
    const i = expectIssue(issues, { baris: 2, kolom: 'sektor', kode: 'NILAI_TIDAK_DIKENAL' });
    expect(i.pesan.id).toContain('pendidikan');
    expect(i.pesan.en).toContain('pendidikan');
  });

  it('unknown kelas_layanan, and a top-level OPD without one', () => {
    expectIssue(issuesOf(validateOpdRows(withRow(1, { kelas_layanan: 'umum' }), new Map())), {
      baris: 3,
      kolom: 'kelas_layanan',
      kode: 'NILAI_TIDAK_DIKENAL',
    });
    expectIssue(issuesOf(validateOpdRows(withRow(0, { kelas_layanan: '' }), new Map())), {
      baris: 2,
      kolom: 'kelas_layanan',
      kode: 'WAJIB_DIISI',
    });
  });

  it('duplicate kode (case-insensitive): the second row is reported and names the first', () => {
    const issues = issuesOf(validateOpdRows(withRow(3, { kode: 'dinkes' }), new Map()));
    expect(issues.filter((i) => i.kode === 'KODE_GANDA')).toHaveLength(1);
    const i = expectIssue(issues, { baris: 5, kolom: 'kode', kode: 'KODE_GANDA' });
    expect(i.pesan.id).toContain('baris 2');
    expect(i.pesan.en).toContain('row 2');
  });

  it('unknown induk_kode', () => {
    const issues = issuesOf(validateOpdRows(withRow(1, { induk_kode: 'DINKESS' }), new Map()));
    expect(issues).toHaveLength(1);
    expect(
      expectIssue(issues, { baris: 3, kolom: 'induk_kode', kode: 'INDUK_TIDAK_DIKENAL' }).pesan.en,
    ).toContain('DINKESS');
  });

  it('an OPD that is its own parent', () => {
    expectIssue(issuesOf(validateOpdRows(withRow(1, { induk_kode: 'pkm-batu' }), new Map())), {
      baris: 3,
      kolom: 'induk_kode',
      kode: 'INDUK_DIRI_SENDIRI',
    });
  });

  it('a parent cycle A → B → A among file rows', () => {
    const rows = numbered(
      [
        ...GOOD_OPD,
        { kode: 'A', nama: 'Bidang A', jenis: 'lainnya', induk_kode: 'B' },
        { kode: 'B', nama: 'Bidang B', jenis: 'lainnya', induk_kode: 'A' },
      ],
      opdRow,
    );
    const issues = issuesOf(validateOpdRows(rows, new Map()));
    expect(issues).toHaveLength(1);
    const i = issues[0]!;
    expect(i.kode).toBe('INDUK_SIKLUS');
    expect(i.kolom).toBe('induk_kode');
    expect([7, 8]).toContain(i.baris);
    for (const text of [i.pesan.id, i.pesan.en]) {
      expect(text).toMatch(/\bA\b/);
      expect(text).toMatch(/\bB\b/);
    }
  });

  it('a parent cycle closed through rows already stored', () => {
    // stored: A (top level) and B under A; the file moves A under B
    const existing = new Map<string, { indukKode: string | null }>([
      ['A', { indukKode: null }],
      ['B', { indukKode: 'A' }],
    ]);
    const rows = numbered(
      [...GOOD_OPD, { kode: 'a', nama: 'Bidang A', jenis: 'lainnya', induk_kode: 'b' }],
      opdRow,
    );
    const issues = issuesOf(validateOpdRows(rows, existing));
    expectIssue(issues, { baris: 7, kolom: 'induk_kode', kode: 'INDUK_SIKLUS' });
    // without the file row the registry is a tree
    expect(validateOpdRows(numbered(GOOD_OPD, opdRow), existing).ok).toBe(true);
  });

  it('a coordinate outside Indonesia', () => {
    const issues = issuesOf(validateOpdRows(withRow(3, { lat: '51.5074', lng: '-0.1278' }), new Map()));
    expect(issues).toHaveLength(1);
    const i = expectIssue(issues, { baris: 5, kolom: 'lat', kode: 'KOORDINAT_DI_LUAR_INDONESIA' });
    expect(i.pesan.id).not.toContain('tertukar');
    expect(i.pesan.en).not.toContain('swapped');
  });

  it('swapped lat/lng gets a hint', () => {
    const issues = issuesOf(validateOpdRows(withRow(0, { lat: '112.5247', lng: '-7.8707' }), new Map()));
    const i = expectIssue(issues, { baris: 2, kolom: 'lat', kode: 'KOORDINAT_DI_LUAR_INDONESIA' });
    expect(i.pesan.id).toContain('tertukar');
    expect(i.pesan.en).toContain('swapped');
  });

  it('an incomplete coordinate names the missing column', () => {
    expectIssue(issuesOf(validateOpdRows(withRow(0, { lng: '' }), new Map())), {
      baris: 2,
      kolom: 'lng',
      kode: 'KOORDINAT_TIDAK_LENGKAP',
    });
    expectIssue(issuesOf(validateOpdRows(withRow(1, { lat: '-7.9' }), new Map())), {
      baris: 3,
      kolom: 'lng',
      kode: 'KOORDINAT_TIDAK_LENGKAP',
    });
    expectIssue(issuesOf(validateOpdRows(withRow(1, { lng: '112.5' }), new Map())), {
      baris: 3,
      kolom: 'lat',
      kode: 'KOORDINAT_TIDAK_LENGKAP',
    });
  });

  it('a coordinate that is not a number', () => {
    expectIssue(issuesOf(validateOpdRows(withRow(0, { lat: 'tujuh' }), new Map())), {
      baris: 2,
      kolom: 'lat',
      kode: 'BUKAN_ANGKA',
    });
  });

  it('a top-level OPD with no location (reported once)', () => {
    const issues = issuesOf(validateOpdRows(withRow(3, { lat: '', lng: '' }), new Map()));
    expect(issues).toHaveLength(1);
    expectIssue(issues, { baris: 5, kolom: 'lat', kode: 'LOKASI_WAJIB' });
  });

  it('a bad geofence radius', () => {
    for (const radius of ['5', '9', '5001', '10.5', '-100']) {
      const issues = issuesOf(validateOpdRows(withRow(3, { radius_m: radius }), new Map()));
      expect(issues).toHaveLength(1);
      expectIssue(issues, { baris: 5, kolom: 'radius_m', kode: 'RADIUS_TIDAK_SAH' });
    }
    expectIssue(issuesOf(validateOpdRows(withRow(0, { radius_m: 'seratus' }), new Map())), {
      baris: 2,
      kolom: 'radius_m',
      kode: 'BUKAN_ANGKA',
    });
    for (const radius of ['10', '5000'])
      expect(validateOpdRows(withRow(0, { radius_m: radius }), new Map()).ok).toBe(true);
  });

  it('lists every bad row, sorted by row, even when reference issues are found after row issues', () => {
    const rows = numbered(
      GOOD_OPD.map((v, k) =>
        k === 1 ? { ...v, induk_kode: 'TIDAK-ADA' } : k === 3 ? { ...v, jenis: 'kantor' } : v,
      ),
      opdRow,
    );
    const issues = issuesOf(validateOpdRows(rows, new Map()));
    expect(issues.map((i) => [i.baris, i.kode])).toEqual([
      [3, 'INDUK_TIDAK_DIKENAL'],
      [5, 'NILAI_TIDAK_DIKENAL'],
    ]);
  });
});

// Generated OPD files: row i may hang under an earlier row, so the file is always a forest.
interface OpdSpec {
  top: boolean;
  parentPick: number;
  jenis: string;
  kelas: string;
  sektor: string[];
  coord: { lat: number; lng: number } | null;
  radius: number | null;
  comma: boolean;
  lower: boolean;
}

const coordArb = fc.record({
  lat: fc.double({ min: -11, max: 6, noNaN: true }),
  lng: fc.double({ min: 95, max: 141, noNaN: true }),
});

const opdSpecArb: fc.Arbitrary<OpdSpec> = fc.record({
  top: fc.boolean(),
  parentPick: fc.nat(),
  jenis: fc.constantFrom(...JENIS_OPD),
  kelas: fc.constantFrom('', ...KELAS_LAYANAN),
  sektor: fc.subarray([...SEKTOR]),
  coord: fc.option(coordArb, { nil: null }),
  radius: fc.option(fc.integer({ min: 10, max: 5000 }), { nil: null }),
  comma: fc.boolean(),
  lower: fc.boolean(),
});

function opdValuesOf(specs: readonly OpdSpec[]): OpdValues[] {
  return specs.map((s, i) => {
    const top = i === 0 || s.top;
    const coord = s.coord ?? (top ? { lat: -7.87, lng: 112.52 } : null);
    const num = (n: number) => (s.comma ? n.toFixed(6).replace('.', ',') : n.toFixed(6));
    const parent = top ? '' : `OPD-${s.parentPick % i}`;
    return {
      kode: `OPD-${i}`,
      nama: `OPD nomor ${i}`,
      jenis: s.lower ? s.jenis : s.jenis.toUpperCase(),
      induk_kode: s.lower ? parent.toLowerCase() : parent,
      kelas_layanan: top && s.kelas === '' ? 'pelayanan' : s.kelas,
      sektor: s.sektor.join('|'),
      lat: coord ? num(coord.lat) : '',
      lng: coord ? num(coord.lng) : '',
      radius_m: s.radius === null || !coord ? '' : String(s.radius), // a radius needs an office location
    };
  });
}

const validOpdFileArb = fc.array(opdSpecArb, { minLength: 1, maxLength: 12 }).map(opdValuesOf);

/** Row-local errors: each makes its own row invalid whatever the other rows hold. */
const OPD_MUTATIONS: readonly {
  name: string;
  kolom: string;
  kode: string;
  apply: (v: OpdValues) => OpdValues;
}[] = [
  { name: 'jenis', kolom: 'jenis', kode: 'NILAI_TIDAK_DIKENAL', apply: (v) => ({ ...v, jenis: 'kantor' }) },
  { name: 'no jenis', kolom: 'jenis', kode: 'WAJIB_DIISI', apply: (v) => ({ ...v, jenis: '' }) },
  {
    name: 'sektor',
    kolom: 'sektor',
    kode: 'NILAI_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, sektor: 'kesehatan|pariwisata' }),
  },
  {
    name: 'kelas',
    kolom: 'kelas_layanan',
    kode: 'NILAI_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, kelas_layanan: 'umum' }),
  },
  { name: 'kode', kolom: 'kode', kode: 'KODE_TIDAK_SAH', apply: (v) => ({ ...v, kode: `${v.kode} BARU` }) },
  { name: 'nama', kolom: 'nama', kode: 'WAJIB_DIISI', apply: (v) => ({ ...v, nama: '' }) },
  {
    name: 'outside',
    kolom: 'lat',
    kode: 'KOORDINAT_DI_LUAR_INDONESIA',
    apply: (v) => ({ ...v, lat: '48.8566', lng: '2.3522' }),
  },
  {
    name: 'incomplete',
    kolom: 'lng',
    kode: 'KOORDINAT_TIDAK_LENGKAP',
    apply: (v) => ({ ...v, lat: '-7.5', lng: '' }),
  },
  { name: 'radius', kolom: 'radius_m', kode: 'RADIUS_TIDAK_SAH', apply: (v) => ({ ...v, radius_m: '7' }) },
  {
    name: 'self parent',
    kolom: 'induk_kode',
    kode: 'INDUK_DIRI_SENDIRI',
    apply: (v) => ({ ...v, induk_kode: v.kode ?? '' }),
  },
  {
    name: 'unknown parent',
    kolom: 'induk_kode',
    kode: 'INDUK_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, induk_kode: 'TIDAK-ADA' }),
  },
  {
    name: 'top level without location',
    kolom: 'lat',
    kode: 'LOKASI_WAJIB',
    apply: (v) => ({ ...v, induk_kode: '', kelas_layanan: 'pelayanan', lat: '', lng: '' }),
  },
];

const renumber = (rows: readonly RawRow[]) => rows.map((r, i) => ({ baris: i + 2, values: r.values }));

describe('validateOpdRows: properties', () => {
  it('a file of valid rows gives ok with one record per row, in order', () => {
    fc.assert(
      fc.property(validOpdFileArb, (vals) => {
        const r = validateOpdRows(numbered(vals, opdRow), new Map());
        expect(r.ok ? [] : r.issues).toEqual([]);
        if (!r.ok) return;
        expect(r.records.map((x) => x.kode)).toEqual(vals.map((v) => v.kode));
        expect(r.records.map((x) => x.baris)).toEqual(vals.map((_, i) => i + 2));
        for (const rec of r.records) {
          if (rec.indukKode === null) expect(rec.lat).not.toBeNull();
          if (rec.lat !== null) expect(rec.radiusM).not.toBeNull();
        }
      }),
    );
  });

  it('a row with an injected error always produces an issue at that row', () => {
    fc.assert(
      fc.property(validOpdFileArb, fc.nat(), fc.constantFrom(...OPD_MUTATIONS), (vals, pick, mutation) => {
        const i = pick % vals.length;
        const mutated = vals.map((v, k) => (k === i ? mutation.apply(v) : v));
        const issues = issuesOf(validateOpdRows(numbered(mutated, opdRow), new Map()));
        expectIssue(issues, { baris: i + 2, kolom: mutation.kolom, kode: mutation.kode });
      }),
    );
  });

  it('a later row repeating an earlier kode is reported at the later row', () => {
    fc.assert(
      fc.property(
        validOpdFileArb.filter((v) => v.length >= 2),
        fc.nat(),
        fc.nat(),
        (vals, a, b) => {
          const later = 1 + (a % (vals.length - 1));
          const earlier = b % later;
          const mutated = vals.map((v, k) => (k === later ? { ...v, kode: vals[earlier]!.kode } : v));
          const issues = issuesOf(validateOpdRows(numbered(mutated, opdRow), new Map()));
          const i = expectIssue(issues, { baris: later + 2, kolom: 'kode', kode: 'KODE_GANDA' });
          expect(i.pesan.en).toContain(`row ${earlier + 2}`);
        },
      ),
    );
  });

  it('shuffling the rows does not change whether the file passes', () => {
    const fileArb = fc.tuple(
      validOpdFileArb,
      fc.nat(),
      fc.option(fc.constantFrom(...OPD_MUTATIONS), { nil: null }),
    );
    fc.assert(
      fc.property(
        fileArb.chain(([vals, pick, mutation]) => {
          const i = pick % vals.length;
          const rows = numbered(
            vals.map((v, k) => (k === i && mutation ? mutation.apply(v) : v)),
            opdRow,
          );
          return fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }));
        }),
        ([rows, shuffled]) => {
          const a = validateOpdRows(rows, new Map());
          const b = validateOpdRows(renumber(shuffled), new Map());
          expect(b.ok).toBe(a.ok);
          if (a.ok && b.ok)
            expect(b.records.map((r) => r.kode).sort()).toEqual(a.records.map((r) => r.kode).sort());
        },
      ),
    );
  });

  it('any issue list is sorted by row and points at a data row or the header', () => {
    const messyRow = fc.record({
      kode: fc.constantFrom('A', 'B', 'C', 'a', '', 'A B'),
      nama: fc.constantFrom('Dinas', ''),
      jenis: fc.constantFrom('dinas', 'kantor', ''),
      induk_kode: fc.constantFrom('', 'A', 'B', 'C', 'Z'),
      kelas_layanan: fc.constantFrom('', 'pelayanan', 'x'),
      sektor: fc.constantFrom('', 'kesehatan', 'kesehatan|x'),
      lat: fc.constantFrom('', '-7.8', '112.5', '51', 'abc'),
      lng: fc.constantFrom('', '112.5', '-7.8', 'abc'),
      radius_m: fc.constantFrom('', '100', '5'),
    });
    const existingArb = fc.array(
      fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), fc.constantFrom<string | null>(null, 'A', 'B', 'C', 'D')),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.array(messyRow, { maxLength: 10 }), existingArb, (vals, ex) => {
        const rows = numbered(vals, opdRow);
        const existing = new Map(ex.map(([k, p]) => [k, { indukKode: p }]));
        const r = validateOpdRows(rows, existing);
        if (r.ok) {
          expect(r.records).toHaveLength(rows.length);
          return;
        }
        expect(r.issues.length).toBeGreaterThan(0);
        expect(isSortedByRow(r.issues)).toBe(true);
        for (const i of r.issues) expect(i.baris >= 1 && i.baris <= rows.length + 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ─── pegawai rows ───────────────────────────────────────────────────────────────────────────────

const OPD_KODES: ReadonlySet<string> = new Set(['DINKES', 'PKM-BATU', 'SETDA']);
const NIP_KEPALA = '198503142010011002';
const NIP_STAF = '199208172019032001';
const NIP_PPPK = '199001012022211001';

const GOOD_PEGAWAI: PegawaiValues[] = [
  {
    nip: NIP_KEPALA,
    nama: 'dr. Budi Santoso',
    jenis_pegawai: 'pns',
    jabatan_level: 'jpt',
    jabatan: 'Kepala Dinas Kesehatan',
    opd_kode: 'DINKES',
    email: 'budi.santoso@batukota.go.id',
    telepon: '+62 812-3456-7890',
    rumah_lat: '-7.8801',
    rumah_lng: '112.5302',
  },
  {
    nip: NIP_STAF,
    nama: 'Siti Aminah',
    jenis_pegawai: 'PNS',
    jabatan_level: 'pelaksana',
    jabatan: 'Pengadministrasi Umum',
    opd_kode: 'dinkes',
    atasan_nip: NIP_KEPALA,
    telepon: '(0341) 512345',
  },
  {
    nip: NIP_PPPK,
    nama: 'Agus Wibowo',
    jenis_pegawai: 'pppk',
    jabatan_level: 'fungsional',
    jabatan: 'Perawat Ahli Pertama',
    opd_kode: 'PKM-BATU',
    atasan_nip: NIP_KEPALA,
  },
  {
    nip: '',
    id_pegawai: 'THL-0007',
    nama: 'Joko',
    jenis_pegawai: 'non_asn',
    jabatan_level: 'pelaksana',
    jabatan: 'Pengemudi',
    opd_kode: 'SETDA',
    atasan_nip: NIP_STAF,
  },
];

describe('validatePegawaiRows: a good file', () => {
  it('passes with one record per row, parsed', () => {
    const r = validatePegawaiRows(numbered(GOOD_PEGAWAI, pegawaiRow), OPD_KODES, new Map(), TODAY);
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.records).toHaveLength(4);
    const [kepala, staf, pppk, thl] = r.records;
    expect(kepala).toMatchObject({
      baris: 2,
      nip: NIP_KEPALA,
      idPegawai: null,
      jenisPegawai: 'pns',
      jabatanLevel: 'jpt',
      opdKode: 'DINKES',
      atasanKey: null,
      email: 'budi.santoso@batukota.go.id',
      rumahLat: -7.8801,
      rumahLng: 112.5302,
    });
    // enum values and OPD codes are case-insensitive; the stored OPD code is canonical
    expect(staf).toMatchObject({
      jenisPegawai: 'pns',
      opdKode: 'DINKES',
      atasanKey: NIP_KEPALA,
      email: null,
    });
    expect(pppk).toMatchObject({ nip: NIP_PPPK, jenisPegawai: 'pppk' });
    expect(thl).toMatchObject({
      nip: null,
      idPegawai: 'THL-0007',
      jenisPegawai: 'non_asn',
      atasanKey: NIP_STAF,
    });
  });

  it('accepts a supervisor who is only in the registry', () => {
    const rows = numbered([{ ...GOOD_PEGAWAI[1]!, atasan_nip: '197001011995031001' }], pegawaiRow);
    const existing = new Map([['197001011995031001', { atasanKey: null }]]);
    expect(validatePegawaiRows(rows, OPD_KODES, existing, TODAY).ok).toBe(true);
    expectIssue(issuesOf(validatePegawaiRows(rows, OPD_KODES, new Map(), TODAY)), {
      baris: 2,
      kolom: 'atasan_nip',
      kode: 'ATASAN_TIDAK_DIKENAL',
    });
  });
});

describe('validatePegawaiRows: each bad case names row and column', () => {
  const run = (rows: RawRow[], existing = new Map<string, { atasanKey: string | null }>()) =>
    issuesOf(validatePegawaiRows(rows, OPD_KODES, existing, TODAY));
  const withRow = (i: number, patch: PegawaiValues) =>
    numbered(
      GOOD_PEGAWAI.map((v, k) => (k === i ? { ...v, ...patch } : v)),
      pegawaiRow,
    );

  it('invalid NIP format', () => {
    const issues = run(withRow(2, { nip: '19900101202221100' }));
    expectIssue(issues, { baris: 4, kolom: 'nip', kode: 'NIP_FORMAT' });
  });

  it('an empty NIP for a PNS', () => {
    expectIssue(run(withRow(0, { nip: '' })), { baris: 2, kolom: 'nip', kode: 'NIP_KOSONG' });
  });

  it('a wrong date inside the NIP', () => {
    const issues = run(withRow(1, { nip: '199202302019032001' }));
    const i = expectIssue(issues, { baris: 3, kolom: 'nip', kode: 'NIP_TANGGAL_LAHIR' });
    expect(i.pesan.id).toContain('19920230');
  });

  it('a TMT in the future relative to today', () => {
    expectIssue(run(withRow(1, { nip: '199208172026032001' })), {
      baris: 3,
      kolom: 'nip',
      kode: 'NIP_TMT_MASA_DEPAN',
    });
  });

  it('the PPPK marker on a PNS row', () => {
    expectIssue(run(withRow(2, { jenis_pegawai: 'pns' })), { baris: 4, kolom: 'nip', kode: 'NIP_TMT' });
  });

  it('a duplicate NIP within the file: the second row is reported and names the first', () => {
    const rows = numbered(
      [...GOOD_PEGAWAI, { ...GOOD_PEGAWAI[1]!, nip: '19920817 201903 2 001', nama: 'Siti A.' }],
      pegawaiRow,
    );
    const issues = run(rows);
    expect(issues.filter((i) => i.kode === 'NIP_GANDA')).toHaveLength(1);
    const i = expectIssue(issues, { baris: 6, kolom: 'nip', kode: 'NIP_GANDA' });
    expect(i.pesan.id).toContain('baris 3');
    expect(i.pesan.en).toContain('row 3');
    expect(i.pesan.en).toContain(NIP_STAF);
  });

  it('a duplicate id_pegawai within the file', () => {
    const rows = numbered([...GOOD_PEGAWAI, { ...GOOD_PEGAWAI[3]!, nama: 'Joko 2' }], pegawaiRow);
    const i = expectIssue(run(rows), { baris: 6, kolom: 'id_pegawai', kode: 'ID_PEGAWAI_GANDA' });
    expect(i.pesan.en).toContain('row 5');
  });

  it('an unknown opd_kode', () => {
    const issues = run(withRow(0, { opd_kode: 'DISPENDIK' }));
    expect(
      expectIssue(issues, { baris: 2, kolom: 'opd_kode', kode: 'OPD_TIDAK_DIKENAL' }).pesan.en,
    ).toContain('DISPENDIK');
  });

  it('missing nama, jenis_pegawai, jabatan_level, opd_kode', () => {
    const issues = run(withRow(0, { nama: '', jenis_pegawai: '', jabatan_level: '', opd_kode: '' }));
    for (const kolom of ['nama', 'jenis_pegawai', 'jabatan_level', 'opd_kode']) {
      expectIssue(issues, { baris: 2, kolom, kode: 'WAJIB_DIISI' });
    }
  });

  it('unknown jenis_pegawai and jabatan_level', () => {
    const issues = run(withRow(1, { jenis_pegawai: 'honorer', jabatan_level: 'eselon2' }));
    expectIssue(issues, { baris: 3, kolom: 'jenis_pegawai', kode: 'NILAI_TIDAK_DIKENAL' });
    expectIssue(issues, { baris: 3, kolom: 'jabatan_level', kode: 'NILAI_TIDAK_DIKENAL' });
  });

  it('an unknown supervisor', () => {
    const issues = run(withRow(2, { atasan_nip: '197001011995031001' }));
    expect(issues).toHaveLength(1);
    expect(
      expectIssue(issues, { baris: 4, kolom: 'atasan_nip', kode: 'ATASAN_TIDAK_DIKENAL' }).pesan.id,
    ).toContain('197001011995031001');
  });

  it('a supervisor cycle within the file', () => {
    const issues = run(withRow(0, { atasan_nip: NIP_STAF }));
    expect(issues).toHaveLength(1);
    const i = issues[0]!;
    expect(i).toMatchObject({ kolom: 'atasan_nip', kode: 'ATASAN_SIKLUS' });
    expect([2, 3]).toContain(i.baris);
    for (const text of [i.pesan.id, i.pesan.en]) {
      expect(text).toContain(NIP_KEPALA);
      expect(text).toContain(NIP_STAF);
    }
  });

  it('a supervisor cycle closed through the registry', () => {
    // stored: the head reports to the staff member; the file makes the staff member report to the head
    const existing = new Map([[NIP_KEPALA, { atasanKey: NIP_STAF }]]);
    const rows = numbered([GOOD_PEGAWAI[1]!], pegawaiRow);
    expectIssue(run(rows, existing), { baris: 2, kolom: 'atasan_nip', kode: 'ATASAN_SIKLUS' });
  });

  it('self-supervision', () => {
    expectIssue(run(withRow(1, { atasan_nip: NIP_STAF })), {
      baris: 3,
      kolom: 'atasan_nip',
      kode: 'ATASAN_DIRI_SENDIRI',
    });
    expectIssue(run(withRow(3, { atasan_nip: 'THL-0007' })), {
      baris: 5,
      kolom: 'atasan_nip',
      kode: 'ATASAN_DIRI_SENDIRI',
    });
  });

  it('a non-ASN row with a NIP', () => {
    expectIssue(run(withRow(3, { nip: '199501012020011001' })), {
      baris: 5,
      kolom: 'nip',
      kode: 'NIP_NON_ASN',
    });
  });

  it('a non-ASN row without id_pegawai', () => {
    expectIssue(run(withRow(3, { id_pegawai: '' })), {
      baris: 5,
      kolom: 'id_pegawai',
      kode: 'ID_PEGAWAI_WAJIB',
    });
  });

  it('a bad email and a bad phone number', () => {
    for (const email of ['budi@', 'budi batukota.go.id', 'budi@batukota', '@batukota.go.id']) {
      const i = expectIssue(run(withRow(0, { email })), {
        baris: 2,
        kolom: 'email',
        kode: 'EMAIL_TIDAK_SAH',
      });
      expect(i.pesan.en).toContain(email);
    }
    for (const telepon of ['12ab5678', '1234567', '0812345678901234567890', '0341/512345']) {
      expectIssue(run(withRow(0, { telepon })), { baris: 2, kolom: 'telepon', kode: 'TELEPON_TIDAK_SAH' });
    }
  });

  it('a home coordinate outside Indonesia or incomplete', () => {
    expectIssue(run(withRow(0, { rumah_lat: '40.7128', rumah_lng: '-74.006' })), {
      baris: 2,
      kolom: 'rumah_lat',
      kode: 'KOORDINAT_DI_LUAR_INDONESIA',
    });
    expectIssue(run(withRow(0, { rumah_lng: '' })), {
      baris: 2,
      kolom: 'rumah_lng',
      kode: 'KOORDINAT_TIDAK_LENGKAP',
    });
  });
});

// Generated pegawai files: unique NIPs (distinct serials), supervisors always on an earlier row.
interface PegawaiSpec {
  jenis: 'pns' | 'pppk' | 'pppk_paruh_waktu' | 'non_asn';
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  tmtAfter18: number;
  tmtMonth: number;
  sex: 1 | 2;
  atasanPick: number | null;
  opd: string;
  level: string;
  email: boolean;
  telepon: string;
  rumah: { lat: number; lng: number } | null;
}

const pegawaiSpecArb: fc.Arbitrary<PegawaiSpec> = fc.record({
  jenis: fc.constantFrom('pns', 'pppk', 'pppk_paruh_waktu', 'non_asn'),
  birthYear: fc.integer({ min: 1960, max: 2000 }),
  birthMonth: fc.integer({ min: 1, max: 12 }),
  birthDay: fc.integer({ min: 1, max: 28 }),
  tmtAfter18: fc.integer({ min: 1, max: 6 }),
  tmtMonth: fc.integer({ min: 1, max: 12 }),
  sex: fc.constantFrom(1 as const, 2 as const),
  atasanPick: fc.option(fc.nat(), { nil: null }),
  opd: fc.constantFrom('DINKES', 'pkm-batu', 'Setda'),
  level: fc.constantFrom(...JABATAN_LEVEL),
  email: fc.boolean(),
  telepon: fc.constantFrom('', '0341-512345', '+62 812 3456 7890', '(0341) 512345'),
  rumah: fc.option(coordArb, { nil: null }),
});

function pegawaiValuesOf(specs: readonly PegawaiSpec[]): PegawaiValues[] {
  const keys: string[] = [];
  return specs.map((s, i) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const lahir = `${s.birthYear}-${pad(s.birthMonth)}-${pad(s.birthDay)}`;
    const tmtYear = s.birthYear + 18 + s.tmtAfter18;
    const nip =
      s.jenis === 'non_asn'
        ? ''
        : composeNip({
            lahir,
            tmtYear,
            tmtMonth: s.jenis === 'pns' ? s.tmtMonth : i % 2 === 0 ? 'pppk' : s.tmtMonth,
            sex: s.sex,
            urut: i + 1,
          });
    const key = nip || `THL-${i}`;
    const atasan = i > 0 && s.atasanPick !== null ? keys[s.atasanPick % i]! : '';
    keys.push(key);
    return {
      nip,
      id_pegawai: nip ? '' : key,
      nama: `Pegawai ${i}`,
      jenis_pegawai: s.jenis,
      jabatan_level: s.level,
      jabatan: 'Staf',
      opd_kode: s.opd,
      atasan_nip: atasan,
      email: s.email ? `pegawai${i}@batukota.go.id` : '',
      telepon: s.telepon,
      rumah_lat: s.rumah ? String(s.rumah.lat) : '',
      rumah_lng: s.rumah ? String(s.rumah.lng) : '',
    };
  });
}

const validPegawaiFileArb = fc.array(pegawaiSpecArb, { minLength: 1, maxLength: 10 }).map(pegawaiValuesOf);

const PEGAWAI_MUTATIONS: readonly {
  name: string;
  kolom: string;
  kode: string;
  apply: (v: PegawaiValues) => PegawaiValues;
}[] = [
  {
    name: 'bad NIP',
    kolom: 'nip',
    kode: 'NIP_FORMAT',
    apply: (v) => ({ ...v, jenis_pegawai: 'pns', nip: '1985031420100110', id_pegawai: '' }),
  },
  {
    name: 'bad birth date',
    kolom: 'nip',
    kode: 'NIP_TANGGAL_LAHIR',
    apply: (v) => ({ ...v, jenis_pegawai: 'pns', nip: '198502302010011002', id_pegawai: '' }),
  },
  {
    name: 'bad sex digit',
    kolom: 'nip',
    kode: 'NIP_JENIS_KELAMIN',
    apply: (v) => ({ ...v, jenis_pegawai: 'pppk', nip: '198503142010013002', id_pegawai: '' }),
  },
  {
    name: 'jenis',
    kolom: 'jenis_pegawai',
    kode: 'NILAI_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, jenis_pegawai: 'honorer' }),
  },
  {
    name: 'level',
    kolom: 'jabatan_level',
    kode: 'NILAI_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, jabatan_level: 'eselon' }),
  },
  { name: 'nama', kolom: 'nama', kode: 'WAJIB_DIISI', apply: (v) => ({ ...v, nama: '' }) },
  {
    name: 'opd',
    kolom: 'opd_kode',
    kode: 'OPD_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, opd_kode: 'DISPENDIK' }),
  },
  {
    name: 'unknown supervisor',
    kolom: 'atasan_nip',
    kode: 'ATASAN_TIDAK_DIKENAL',
    apply: (v) => ({ ...v, atasan_nip: '196001011985031999' }),
  },
  {
    name: 'self-supervision',
    kolom: 'atasan_nip',
    kode: 'ATASAN_DIRI_SENDIRI',
    apply: (v) => ({ ...v, atasan_nip: v.nip || v.id_pegawai || '' }),
  },
  {
    name: 'email',
    kolom: 'email',
    kode: 'EMAIL_TIDAK_SAH',
    apply: (v) => ({ ...v, email: 'pegawai@batukota' }),
  },
  {
    name: 'telepon',
    kolom: 'telepon',
    kode: 'TELEPON_TIDAK_SAH',
    apply: (v) => ({ ...v, telepon: 'nomor saya' }),
  },
  {
    name: 'home outside',
    kolom: 'rumah_lat',
    kode: 'KOORDINAT_DI_LUAR_INDONESIA',
    apply: (v) => ({ ...v, rumah_lat: '35.6', rumah_lng: '139.7' }),
  },
  {
    name: 'home incomplete',
    kolom: 'rumah_lat',
    kode: 'KOORDINAT_TIDAK_LENGKAP',
    apply: (v) => ({ ...v, rumah_lat: '', rumah_lng: '112.5' }),
  },
  {
    name: 'non-ASN with NIP',
    kolom: 'nip',
    kode: 'NIP_NON_ASN',
    apply: (v) => ({ ...v, jenis_pegawai: 'non_asn', nip: v.nip || '198503142010011002' }),
  },
  {
    name: 'non-ASN without id',
    kolom: 'id_pegawai',
    kode: 'ID_PEGAWAI_WAJIB',
    apply: (v) => ({ ...v, jenis_pegawai: 'non_asn', nip: '', id_pegawai: '' }),
  },
];

describe('validatePegawaiRows: properties', () => {
  const validate = (rows: RawRow[]) => validatePegawaiRows(rows, OPD_KODES, new Map(), TODAY);

  it('a file of valid rows gives ok with one record per row, in order', () => {
    fc.assert(
      fc.property(validPegawaiFileArb, (vals) => {
        const r = validate(numbered(vals, pegawaiRow));
        expect(r.ok ? [] : r.issues).toEqual([]);
        if (!r.ok) return;
        expect(r.records.map((x) => x.nip ?? x.idPegawai)).toEqual(vals.map((v) => v.nip || v.id_pegawai));
        expect(r.records.every((x) => OPD_KODES.has(x.opdKode))).toBe(true);
      }),
    );
  });

  it('a row with an injected error always produces an issue at that row', () => {
    fc.assert(
      fc.property(
        validPegawaiFileArb,
        fc.nat(),
        fc.constantFrom(...PEGAWAI_MUTATIONS),
        (vals, pick, mutation) => {
          const i = pick % vals.length;
          const mutated = vals.map((v, k) => (k === i ? mutation.apply(v) : v));
          const issues = issuesOf(validate(numbered(mutated, pegawaiRow)));
          expectIssue(issues, { baris: i + 2, kolom: mutation.kolom, kode: mutation.kode });
        },
      ),
    );
  });

  it('shuffling the rows does not change whether the file passes', () => {
    const fileArb = fc.tuple(
      validPegawaiFileArb,
      fc.nat(),
      fc.option(fc.constantFrom(...PEGAWAI_MUTATIONS), { nil: null }),
    );
    fc.assert(
      fc.property(
        fileArb.chain(([vals, pick, mutation]) => {
          const i = pick % vals.length;
          const rows = numbered(
            vals.map((v, k) => (k === i && mutation ? mutation.apply(v) : v)),
            pegawaiRow,
          );
          return fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }));
        }),
        ([rows, shuffled]) => {
          expect(validate(renumber(shuffled)).ok).toBe(validate(rows).ok);
        },
      ),
    );
  });

  it('a supervisor chain closed into a loop is always reported as a cycle', () => {
    fc.assert(
      fc.property(
        validPegawaiFileArb.filter((v) => v.length >= 2),
        (vals) => {
          // chain every row to the previous one, then close the loop at row 2
          const keys = vals.map((v) => v.nip || v.id_pegawai || '');
          const looped = vals.map((v, k) => ({
            ...v,
            atasan_nip: keys[(k + vals.length - 1) % vals.length],
          }));
          const issues = issuesOf(validate(numbered(looped, pegawaiRow)));
          expect(issues.filter((i) => i.kode === 'ATASAN_SIKLUS')).toHaveLength(1);
        },
      ),
    );
  });

  it('any issue list is sorted by row', () => {
    const messyRow = fc.record({
      nip: fc.constantFrom('', NIP_KEPALA, NIP_STAF, NIP_PPPK, '123', '198502302010011002'),
      id_pegawai: fc.constantFrom('', 'THL-1'),
      nama: fc.constantFrom('', 'Budi'),
      jenis_pegawai: fc.constantFrom('pns', 'pppk', 'non_asn', 'honorer'),
      jabatan_level: fc.constantFrom('pelaksana', 'x'),
      opd_kode: fc.constantFrom('DINKES', 'X', ''),
      atasan_nip: fc.constantFrom('', NIP_KEPALA, NIP_STAF, NIP_PPPK, 'THL-1', '999'),
      email: fc.constantFrom('', 'a@b.id', 'a@'),
      telepon: fc.constantFrom('', '0341-512345', 'x'),
      rumah_lat: fc.constantFrom('', '-7.8', '99'),
      rumah_lng: fc.constantFrom('', '112.5'),
    });
    fc.assert(
      fc.property(fc.array(messyRow, { maxLength: 10 }), (vals) => {
        const rows = numbered(vals, pegawaiRow);
        const r = validate(rows);
        if (r.ok) {
          expect(r.records).toHaveLength(rows.length);
          return;
        }
        expect(isSortedByRow(r.issues)).toBe(true);
        for (const i of r.issues) expect(i.baris >= 1 && i.baris <= rows.length + 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
