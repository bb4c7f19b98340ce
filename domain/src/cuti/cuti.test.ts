import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateRange } from '../kalender/dates.ts';
import {
  JENIS_CUTI,
  type PeriodeCuti,
  periksaIsianCuti,
  petaKetidakhadiran,
  statusKetidakhadiran,
  tumpang,
  validasiBarisCuti,
} from './cuti.ts';

const NIP = '199003032015031003';
const row = (baris: number, v: Record<string, string>) => ({ baris, values: v });
const HEAD = ['nip', 'jenis', 'dari', 'sampai', 'keterangan'];

// Measured: each property here takes ≤ 0.4 s of CPU alone (vitest per-test CPU time on this 2-core machine);
// 30 s leaves far more than 2× room when the machine is shared with heavy work (up to ~9× slower).
describe('leave register rules', { timeout: 30_000 }, () => {
  it('maps every kind to the status the roster shows', () => {
    expect(JENIS_CUTI.map((j) => statusKetidakhadiran(j))).toEqual([
      'CUTI',
      'CUTI',
      'SAKIT',
      'CUTI',
      'CUTI',
      'CUTI',
      'ISOLASI',
    ]);
  });

  it('lists every problem of an import with row and column, and accepts a clean file', () => {
    const kenal = (k: string) =>
      (k === NIP ? 'ada' : k === 'THL-9' ? 'di_luar_lingkup' : 'tidak_ada') as 'ada';
    const bad = validasiBarisCuti(
      HEAD,
      [
        row(2, { nip: NIP, jenis: 'cuti_tahunan', dari: '2026-01-05', sampai: '2026-01-06', keterangan: '' }),
        row(3, { nip: NIP, jenis: 'cuti_sakit', dari: '2026-01-06', sampai: '2026-01-07', keterangan: '' }),
        row(4, { nip: '', jenis: 'isolasi', dari: '2026-01-05', sampai: '2026-01-06', keterangan: '' }),
        row(5, {
          nip: 'THL-9',
          jenis: 'CUTI_TAHUNAN',
          dari: '5/1/2026',
          sampai: '2026-01-06',
          keterangan: '',
        }),
        row(6, { nip: NIP, jenis: 'cuti_besar', dari: '2026-02-01', sampai: '2026-09-01', keterangan: '' }),
      ],
      kenal,
      [{ key: NIP, jenis: 'isolasi', dari: '2026-03-01', sampai: '2026-03-05' }],
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => `${i.baris}:${i.kolom}:${i.kode}`)).toEqual([
      '3:dari:TUMPANG_TINDIH',
      '4:nip:WAJIB',
      '5:nip:DI_LUAR_LINGKUP',
      '5:dari:TANGGAL_TIDAK_SAH',
      '6:sampai:TERLALU_PANJANG',
    ]);
    expect(bad.issues[0]!.pesan.id).toContain('baris 2');
    const good = validasiBarisCuti(
      HEAD,
      [
        row(2, {
          nip: NIP,
          jenis: 'cuti_tahunan',
          dari: '2026-01-05',
          sampai: '2026-01-06',
          keterangan: ' keluarga ',
        }),
      ],
      kenal,
      [],
    );
    expect(good).toEqual({
      ok: true,
      records: [
        {
          baris: 2,
          key: NIP,
          jenis: 'cuti_tahunan',
          dari: '2026-01-05',
          sampai: '2026-01-06',
          keterangan: 'keluarga',
        },
      ],
    });
    const overlapRegister = validasiBarisCuti(
      HEAD,
      [row(2, { nip: NIP, jenis: 'cuti_tahunan', dari: '2026-03-05', sampai: '2026-03-06', keterangan: '' })],
      kenal,
      [{ key: NIP, jenis: 'isolasi', dari: '2026-03-01', sampai: '2026-03-05' }],
    );
    expect(overlapRegister.ok ? [] : overlapRegister.issues.map((i) => i.kode)).toEqual(['TUMPANG_TINDIH']);
  });

  it('refuses a file with unknown columns before reading rows', () => {
    const r = validasiBarisCuti(['nip', 'jenis', 'mulai', 'sampai'], [], () => 'ada', []);
    expect(r.ok ? [] : r.issues.map((i) => `${i.kolom}:${i.kode}`)).toEqual([
      'mulai:KOLOM_TIDAK_DIKENAL',
      'dari:KOLOM_HILANG',
    ]);
  });

  const periode = fc
    .record({
      start: fc.integer({ min: 0, max: 60 }),
      len: fc.integer({ min: 0, max: 20 }),
      who: fc.constantFrom('a', 'b', 'c'),
      jenis: fc.constantFrom(...JENIS_CUTI),
    })
    .map(
      ({ start, len, who, jenis }): PeriodeCuti => ({
        key: who,
        jenis,
        dari: addDays('2026-01-01', start),
        sampai: addDays('2026-01-01', start + len),
      }),
    );

  it('property: the absence map marks exactly the days inside the period that some absence covers', () => {
    fc.assert(
      fc.property(
        fc.array(periode, { maxLength: 8 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 30 }),
        (daftar, s, n) => {
          const hari = dateRange(addDays('2026-01-01', s), addDays('2026-01-01', s + n));
          const m = petaKetidakhadiran(daftar, hari);
          for (const who of ['a', 'b', 'c']) {
            for (const d of hari) {
              const covering = daftar.filter((c) => c.key === who && c.dari <= d && d <= c.sampai);
              expect(m.get(who)?.has(d) ?? false).toBe(covering.length > 0);
              if (covering.length > 0)
                expect(covering.map((c) => statusKetidakhadiran(c.jenis))).toContain(m.get(who)!.get(d));
            }
            for (const d of m.get(who)?.keys() ?? []) expect(hari).toContain(d);
          }
        },
      ),
    );
  });

  it('property: overlap is symmetric and means a shared day', () => {
    fc.assert(
      fc.property(periode, periode, (a, b) => {
        expect(tumpang(a, b)).toBe(tumpang(b, a));
        const shared =
          a.key === b.key && dateRange(a.dari, a.sampai).some((d) => d >= b.dari && d <= b.sampai);
        expect(tumpang(a, b)).toBe(shared);
      }),
    );
  });
});

describe('leave dates in the supported range', () => {
  it('refuses a leave entry dated 9999-12-31 or in year 0001 in words, before any day is counted', () => {
    const issues = periksaIsianCuti({ jenis: 'cuti_tahunan', dari: '0001-01-01', sampai: '9999-12-31' }, 2);
    expect(issues.map((i) => `${i.kolom}:${i.kode}`)).toEqual([
      'dari:TANGGAL_TIDAK_SAH',
      'sampai:TANGGAL_TIDAK_SAH',
    ]);
    expect(issues[1]!.pesan.id).toBe(
      'sampai: 9999-12-31 di luar rentang tanggal yang didukung (1900-01-01 s.d. 2200-12-31)',
    );
  });
});
