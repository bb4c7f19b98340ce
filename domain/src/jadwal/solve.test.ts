import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRange } from '../kalender/dates.ts';
import { JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import { evaluateDay, type OrgPegawai, prepareOrg } from '../kebijakan/evaluate.ts';
import { validateKebijakan } from '../kebijakan/parse.ts';
import type { Kebijakan } from '../kebijakan/schema.ts';
import { type Ketidakhadiran, type MasukanJadwal, solveJadwal } from './solve.ts';

const KAL = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur: new Map() };
const DAYS = dateRange('2031-03-03', '2031-03-14'); // two working weeks

function policy(aturan: unknown[]): Kebijakan {
  const r = validateKebijakan({
    id: 'uji-jadwal',
    versi: 1,
    judul: 'Uji jadwal',
    jenis_dokumen: 'surat_edaran',
    nomor: '1',
    tanggal: '2031-03-01',
    penandatangan: { jabatan: 'Sekda' },
    status: 'aktif',
    berlaku: { dari: '2031-03-01', sampai: '2031-03-31' },
    aturan,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.masalah));
  return r.kebijakan;
}

const CAP50 = {
  id: 'batas',
  judul: 'Paling banyak separuh',
  pilih: { semua: true },
  hasil: { jenis: 'batas_kantor', maks: { persen: 50 }, per: 'unit' },
};
const PIKET1 = {
  id: 'piket',
  judul: 'Satu piket',
  pilih: { semua: true },
  hasil: { jenis: 'piket', jumlah: 1, per: 'unit' },
};

function scenario(people: number, units: number, aturan: unknown[], extra: Partial<MasukanJadwal> = {}) {
  const opd = Array.from({ length: units }, (_, i) => ({
    id: `u${i}`,
    kode: `U${i}`,
    jenis: 'dinas' as const,
    indukId: null,
    kelasLayanan: 'non_pelayanan' as const,
    sektor: [],
  }));
  const pegawai: OrgPegawai[] = Array.from({ length: people }, (_, i) => ({
    key: `p${String(i).padStart(4, '0')}`,
    nama: `P${i}`,
    jenisPegawai: 'pns',
    jabatanLevel: 'pelaksana',
    opdId: `u${i % units}`,
  }));
  const org = prepareOrg({ opd, pegawai });
  const k = policy(aturan);
  const hari = DAYS.map((d) => evaluateDay([k], org, d, KAL));
  return { input: { orang: pegawai.map((p) => p.key), hari, ...extra } satisfies MasukanJadwal, hari };
}

describe('solveJadwal — examples', () => {
  it('fills a 50% cap exactly, spreads office days evenly and gives weekends off', () => {
    const { input } = scenario(10, 1, [CAP50]);
    const r = solveJadwal(input);
    expect(r.pelanggaran).toEqual([]);
    for (const d of DAYS) {
      const cells = input.orang.map((k) => r.sel.get(k)!.get(d)!.status);
      const weekend = ['2031-03-08', '2031-03-09'].includes(d);
      if (weekend) expect(new Set(cells)).toEqual(new Set(['LIBUR']));
      else expect(cells.filter((c) => c === 'WFO')).toHaveLength(5);
    }
    // 10 working days × 5 seats over 10 people: everyone gets exactly 5 office days.
    expect(new Set(r.hariKantor.values())).toEqual(new Set([5]));
  });

  it('appoints piket, rotates it, and counts piket within the cap', () => {
    const { input } = scenario(6, 1, [PIKET1, CAP50]);
    const r = solveJadwal(input);
    expect(r.pelanggaran).toEqual([]);
    const piket = new Map<string, number>();
    for (const d of DAYS.filter((x) => !['2031-03-08', '2031-03-09'].includes(x))) {
      const cells = input.orang.map((k) => r.sel.get(k)!.get(d)!);
      expect(cells.filter((c) => c.status === 'PIKET')).toHaveLength(1);
      expect(cells.filter((c) => c.status === 'WFO' || c.status === 'PIKET')).toHaveLength(3);
      for (const k of input.orang)
        if (r.sel.get(k)!.get(d)!.status === 'PIKET') piket.set(k, (piket.get(k) ?? 0) + 1);
    }
    // 10 piket days over 6 people: 1 or 2 each.
    expect(Math.max(...piket.values()) - Math.min(...piket.values())).toBeLessThanOrEqual(1);
  });

  it('reports a piket that cannot be staffed and a lock that breaks the cap, and keeps the lock', () => {
    const { input } = scenario(2, 1, [{ ...PIKET1, hasil: { ...PIKET1.hasil, jumlah: 3 } }]);
    const r = solveJadwal(input);
    expect(r.pelanggaran.filter((p) => p.kode === 'PIKET_KURANG')).toHaveLength(10);
    const kunci = new Map([
      ['p0000', new Map([['2031-03-03', 'WFO' as const]])],
      ['p0001', new Map([['2031-03-03', 'WFO' as const]])],
    ]);
    const s2 = scenario(3, 1, [{ ...CAP50, hasil: { ...CAP50.hasil, maks: { persen: 34 } } }], { kunci });
    const r2 = solveJadwal(s2.input);
    expect(r2.sel.get('p0000')!.get('2031-03-03')).toMatchObject({ status: 'WFO', alasan: 'kunci' });
    const v = r2.pelanggaran.filter((p) => p.kode === 'BATAS_TERLAMPAUI');
    expect(v).toHaveLength(1);
    expect(v[0]!.pesan.id).toContain('2 dari 3 orang di kantor; batasnya 1');
  });

  it('honours requests between people the higher goals leave equal, and never past a cap', () => {
    // 4 people, 2 seats a day. p0000 asks for the office every day, p0001 for home every day.
    const want = (l: 'WFO' | 'WFH') => new Map(DAYS.map((d) => [d, l]));
    const permintaan = new Map([
      ['p0000', want('WFO')],
      ['p0001', want('WFH')],
    ]);
    const kantor = (r: ReturnType<typeof solveJadwal>, k: string) => r.hariKantor.get(k)!;
    // default order: spreading office days evenly comes first; requests only break ties
    const bawaan = solveJadwal(scenario(4, 1, [CAP50], { permintaan }).input);
    expect(bawaan.pelanggaran).toEqual([]);
    expect(new Set(bawaan.hariKantor.values())).toEqual(new Set([5]));
    expect(bawaan.sel.get('p0000')!.get(DAYS[0]!)!.status).toBe('WFO');
    expect(bawaan.sel.get('p0001')!.get(DAYS[0]!)!.status).toBe('WFH');
    // requests first: p0000 every working day, p0001 never, and the cap still holds every day
    const dulu = solveJadwal(
      scenario(4, 1, [CAP50], {
        permintaan,
        urutanSasaran: ['permintaan', 'merata', 'rotasi_piket', 'kohort', 'stabil'],
      }).input,
    );
    expect(dulu.pelanggaran).toEqual([]);
    expect([kantor(dulu, 'p0000'), kantor(dulu, 'p0001')]).toEqual([10, 0]);
    expect(kantor(dulu, 'p0002') + kantor(dulu, 'p0003')).toBe(10);
  });

  it('keeps cohorts together: with teams on, the same people share office days', () => {
    const { input } = scenario(8, 1, [CAP50], {
      kohort: true,
      urutanSasaran: ['kohort', 'merata', 'rotasi_piket', 'stabil', 'permintaan'],
    });
    const r = solveJadwal(input);
    const pola = new Set(
      input.orang.map((k) =>
        DAYS.map((d) => r.sel.get(k)!.get(d)!.status)
          .filter((s) => s !== 'LIBUR')
          .join(''),
      ),
    );
    expect(pola.size).toBe(2); // team A and team B alternate days
  });
});

const arbScenario = fc.record({
  people: fc.integer({ min: 1, max: 30 }),
  units: fc.integer({ min: 1, max: 4 }),
  persen: fc.integer({ min: 0, max: 100 }),
  piket: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer(),
  absen: fc.array(
    fc.tuple(
      fc.nat(29),
      fc.nat(DAYS.length - 1),
      fc.constantFrom<Ketidakhadiran>('CUTI', 'SAKIT', 'ISOLASI'),
    ),
    { maxLength: 20 },
  ),
  kunci: fc.array(
    fc.tuple(fc.nat(29), fc.nat(DAYS.length - 1), fc.constantFrom('WFO' as const, 'WFH' as const)),
    { maxLength: 10 },
  ),
});

type Skenario = typeof arbScenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Skenario) {
  const aturan: unknown[] = [];
  if (s.piket > 0) aturan.push({ ...PIKET1, hasil: { ...PIKET1.hasil, jumlah: s.piket } });
  aturan.push({ ...CAP50, hasil: { ...CAP50.hasil, maks: { persen: s.persen } } });
  const key = (i: number) => `p${String(i % s.people).padStart(4, '0')}`;
  const tidakHadir = new Map<string, Map<string, Ketidakhadiran>>();
  for (const [p, d, kind] of s.absen) {
    const m = tidakHadir.get(key(p)) ?? new Map();
    m.set(DAYS[d]!, kind);
    tidakHadir.set(key(p), m);
  }
  const kunci = new Map<string, Map<string, 'WFO' | 'WFH'>>();
  for (const [p, d, st] of s.kunci) {
    const m = kunci.get(key(p)) ?? new Map();
    m.set(DAYS[d]!, st);
    kunci.set(key(p), m);
  }
  return scenario(s.people, s.units, aturan, { tidakHadir, kunci, seed: s.seed });
}

// Measured: each property here takes ≤ 1 s of CPU alone (vitest per-test CPU time on this 2-core machine);
// 30 s leaves far more than 2× room when the machine is shared with heavy work (up to ~9× slower).
describe('solveJadwal — properties', { timeout: 30_000 }, () => {
  it('one status per person per day; the unavailable are never scheduled to work; locks are kept unless absent', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { input } = build(s);
        const r = solveJadwal(input);
        for (const k of input.orang) {
          expect(r.sel.get(k)!.size).toBe(DAYS.length);
          for (const d of DAYS) {
            const c = r.sel.get(k)!.get(d)!;
            const absent = input.tidakHadir?.get(k)?.get(d);
            const lock = input.kunci?.get(k)?.get(d);
            const weekend = input.hari.find((h) => h.tanggal === d)!.hariKerja === false;
            if (weekend) expect(c.status).toBe('LIBUR');
            else if (absent) expect(c.status).toBe(absent);
            else if (lock) expect(c.status).toBe(lock);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never exceeds a cap unless a lock forces it, and then reports it; piket covered or reported', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { input, hari } = build(s);
        const r = solveJadwal(input);
        for (const ev of hari) {
          for (const g of ev.kelompok) {
            const cells = g.anggota.map((k) => r.sel.get(k)!.get(ev.tanggal)!);
            if (g.jenis === 'batas_kantor') {
              const n = cells.filter(
                (c) => c.status === 'WFO' || (c.status === 'PIKET' && g.piketDihitung),
              ).length;
              const reported = r.pelanggaran.some(
                (p) => p.kode === 'BATAS_TERLAMPAUI' && p.kelompokId === g.id && p.tanggal === ev.tanggal,
              );
              if (n > g.maks!) expect(reported).toBe(true);
              const lockedIn = g.anggota.filter(
                (k) =>
                  input.kunci?.get(k)?.get(ev.tanggal) === 'WFO' &&
                  !input.tidakHadir?.get(k)?.get(ev.tanggal),
              ).length;
              if (lockedIn <= g.maks!) expect(n).toBeLessThanOrEqual(g.maks!);
            }
            if (g.jenis === 'piket') {
              const n = cells.filter((c) => c.status === 'PIKET').length;
              const reported = r.pelanggaran.some(
                (p) => p.kode === 'PIKET_KURANG' && p.kelompokId === g.id && p.tanggal === ev.tanggal,
              );
              expect(n === g.jumlahPiket || reported).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the same input and seed give the same roster', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const a = solveJadwal(build(s).input);
        const b = solveJadwal(build(s).input);
        expect([...a.sel].map(([k, m]) => [k, [...m]])).toEqual([...b.sel].map(([k, m]) => [k, [...m]]));
        expect(a.pelanggaran).toEqual(b.pelanggaran);
      }),
      { numRuns: 30 },
    );
  });
});
