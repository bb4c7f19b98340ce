import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type JendelaIzin,
  type LaporanLokasi,
  nilaiSlot,
  STATUS_SLOT,
  slotPada,
  susunSlot,
  type TempatLaporan,
} from './slot.ts';

// Expectations are written out from the rule (Kudus: every two hours within working hours), never computed
// with the code under test.

const KUDUS = susunSlot({ setiapJam: 2, dari: '07:30', sampai: '16:00' });
const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const lapor = (id: string, jam: string, tempat: TempatLaporan = 'di_rumah'): LaporanLokasi => ({
  id,
  menit: m(jam),
  tempat,
});

describe('susunSlot: the day laid out', () => {
  it('Kudus 07:30–16:00 every two hours: five slots, the last one half an hour', () => {
    expect(KUDUS).toEqual([
      { ke: 1, buka: m('07:30'), tutup: m('09:30') },
      { ke: 2, buka: m('09:30'), tutup: m('11:30') },
      { ke: 3, buka: m('11:30'), tutup: m('13:30') },
      { ke: 4, buka: m('13:30'), tutup: m('15:30') },
      { ke: 5, buka: m('15:30'), tutup: m('16:00') },
    ]);
    expect(slotPada(KUDUS, m('09:29'))?.ke).toBe(1);
    expect(slotPada(KUDUS, m('09:30'))?.ke).toBe(2);
    expect(slotPada(KUDUS, m('16:00'))).toBeNull();
    expect(slotPada(KUDUS, m('07:00'))).toBeNull();
  });

  it('empty or reversed hours give no slot; a rule outside the schema is refused', () => {
    expect(susunSlot({ setiapJam: 2, dari: '16:00', sampai: '07:30' })).toEqual([]);
    expect(susunSlot({ setiapJam: 1, dari: '08:00', sampai: '08:00' })).toEqual([]);
    expect(() => susunSlot({ setiapJam: 0, dari: '08:00', sampai: '12:00' })).toThrow(RangeError);
    expect(() => susunSlot({ setiapJam: 2, dari: '8:00', sampai: '12:00' })).toThrow(RangeError);
  });

  it('property: the slots are in order, touch each other, cover [dari, sampai) and last at most N hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).map((x) => x / 2),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (setiapJam, a, b) => {
          const hh = (x: number) =>
            `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
          const s = susunSlot({ setiapJam, dari: hh(a), sampai: hh(b) });
          if (b <= a) {
            expect(s).toEqual([]);
            return;
          }
          expect(s[0]!.buka).toBe(a);
          expect(s.at(-1)!.tutup).toBe(b);
          s.forEach((x, i) => {
            expect(x.ke).toBe(i + 1);
            expect(x.tutup).toBeGreaterThan(x.buka);
            expect(x.tutup - x.buka).toBeLessThanOrEqual(setiapJam * 60);
            if (i > 0) expect(x.buka).toBe(s[i - 1]!.tutup);
          });
        },
      ),
    );
  });
});

describe('nilaiSlot: each slot’s status', () => {
  it('on time, late, away, inaccurate, missed and not yet, by example', () => {
    const r = nilaiSlot(
      KUDUS,
      [
        lapor('a', '07:45'), // slot 1, within 30 minutes: on time
        lapor('b', '10:15'), // slot 2, 45 minutes in: late
        lapor('c', '11:40', 'di_luar_rumah'), // slot 3: away from home
        lapor('d', '13:35', 'tidak_akurat'), // slot 4: too coarse to say
      ],
      [],
      m('15:45'),
    );
    expect(r.map((x) => [x.slot.ke, x.status, x.laporanId])).toEqual([
      [1, 'tepat_waktu', 'a'],
      [2, 'terlambat', 'b'],
      [3, 'di_luar_rumah', 'c'],
      [4, 'tidak_akurat', 'd'],
      [5, 'belum', null],
    ]);
    // the day over: the empty last slot is missed
    expect(nilaiSlot(KUDUS, [], [], null).map((x) => x.status)).toEqual(Array(5).fill('terlewat'));
  });

  it('the best report of a slot decides: at home beats away, on time beats late', () => {
    const r = nilaiSlot(
      KUDUS,
      [lapor('jauh', '07:35', 'di_luar_rumah'), lapor('telat', '08:30'), lapor('rumah', '07:50')],
      [],
      null,
    );
    expect(r[0]).toMatchObject({ status: 'tepat_waktu', laporanId: 'rumah' });
  });

  it('a report before the home is confirmed waits for it; it never passes as at home, and loses to one at home', () => {
    const r = nilaiSlot(
      KUDUS,
      [
        lapor('u', '07:40', 'rumah_belum_dikenal'),
        lapor('v', '09:40', 'rumah_belum_dikenal'),
        lapor('w', '10:50'),
        lapor('x', '11:40', 'di_luar_rumah'),
        lapor('y', '12:00', 'rumah_belum_dikenal'),
        lapor('z', '13:40', 'tidak_akurat'),
        lapor('q', '14:00', 'rumah_belum_dikenal'),
      ],
      [],
      null,
    );
    expect(r.map((x) => [x.status, x.laporanId])).toEqual([
      ['menunggu_rumah', 'u'],
      ['terlambat', 'w'],
      ['menunggu_rumah', 'y'],
      ['menunggu_rumah', 'q'],
      ['terlewat', null],
    ]);
  });

  it('a going-out notice excuses the slots that open inside it, and only those; a report at home still counts', () => {
    const izin: JendelaIzin[] = [{ dari: m('09:00'), sampai: m('12:00') }];
    // slots 2 (09:30) and 3 (11:30) open inside the notice; slot 4 does not, so being away there counts
    const r = nilaiSlot(
      KUDUS,
      [lapor('x', '11:40', 'di_luar_rumah'), lapor('y', '09:40'), lapor('z', '13:40', 'di_luar_rumah')],
      izin,
      null,
    );
    expect(r.map((x) => x.status)).toEqual([
      'terlewat',
      'tepat_waktu',
      'izin_keluar',
      'di_luar_rumah',
      'terlewat',
    ]);
    const tanpa = nilaiSlot(KUDUS, [], izin, null);
    expect(tanpa.map((x) => x.status)).toEqual([
      'terlewat',
      'izin_keluar',
      'izin_keluar',
      'terlewat',
      'terlewat',
    ]);
  });

  // minutes anywhere in the day, and often exactly at a slot's edges (where off-by-one mistakes live)
  const tepi = KUDUS.flatMap((x) => [x.buka - 1, x.buka, x.tutup - 1, x.tutup]);
  const menitUji = fc.oneof(fc.integer({ min: 300, max: 1200 }), fc.constantFrom(...tepi));
  const arbLaporan = fc.array(
    fc.record({
      id: fc.uuid(),
      menit: menitUji,
      tempat: fc.constantFrom<TempatLaporan>(
        'di_rumah',
        'di_luar_rumah',
        'tidak_akurat',
        'rumah_belum_dikenal',
      ),
    }),
    { maxLength: 12 },
  );
  const arbIzin = fc.array(
    fc
      .tuple(menitUji, menitUji)
      .map(([a, b]) => ({ dari: Math.min(a, b), sampai: Math.max(a, b, Math.min(a, b) + 1) })),
    { maxLength: 3 },
  );
  const arbSekarang = fc.option(fc.integer({ min: 0, max: 1439 }), { nil: null });

  it('property: every slot gets exactly one status, from the list, in slot order', () => {
    fc.assert(
      fc.property(arbLaporan, arbIzin, arbSekarang, (l, z, t) => {
        const r = nilaiSlot(KUDUS, l, z, t);
        expect(r.map((x) => x.slot)).toEqual(KUDUS);
        for (const x of r) expect(STATUS_SLOT).toContain(x.status);
      }),
    );
  });

  it('property: a report never counts for two slots, and only for the slot that holds its minute', () => {
    fc.assert(
      fc.property(arbLaporan, arbIzin, arbSekarang, (l, z, t) => {
        const r = nilaiSlot(KUDUS, l, z, t);
        const dipakai = r.flatMap((x) => (x.laporanId ? [x.laporanId] : []));
        expect(new Set(dipakai).size).toBe(dipakai.length);
        for (const x of r) {
          if (!x.laporanId) continue;
          const rep = l.find((y) => y.id === x.laporanId)!;
          expect(rep.menit).toBeGreaterThanOrEqual(x.slot.buka);
          expect(rep.menit).toBeLessThan(x.slot.tutup);
        }
      }),
    );
  });

  it('property: with no report, a notice excuses exactly the slots whose opening lies in its window', () => {
    fc.assert(
      fc.property(arbIzin, (z) => {
        const r = nilaiSlot(KUDUS, [], z, null);
        for (const x of r) {
          const dalam = z.some((w) => w.dari <= x.slot.buka && x.slot.buka < w.sampai);
          expect(x.status).toBe(dalam ? 'izin_keluar' : 'terlewat');
        }
      }),
    );
  });

  it('property: a report at home in a slot always makes it on time or late, notice or not', () => {
    fc.assert(
      fc.property(arbLaporan, arbIzin, (l, z) => {
        const r = nilaiSlot(KUDUS, l, z, null);
        for (const x of r) {
          const adaDiRumah = l.some(
            (y) => y.tempat === 'di_rumah' && x.slot.buka <= y.menit && y.menit < x.slot.tutup,
          );
          expect(['tepat_waktu', 'terlambat'].includes(x.status)).toBe(adaDiRumah);
        }
      }),
    );
  });
});
