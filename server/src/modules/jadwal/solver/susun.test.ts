import { type OrgOpd, prepareOrg } from '@sigap/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BahanEvaluasi } from '../../evaluasi/evaluasi.service.ts';
import { bukaBahan, kemasBahan } from './susun.ts';

const OPD: OrgOpd[] = [
  {
    id: 'o1',
    kode: 'DINKES',
    nama: 'Dinas Kesehatan',
    jenis: 'dinas',
    indukId: null,
    kelasLayanan: 'pelayanan',
    sektor: ['kesehatan'],
  },
  {
    id: 'o2',
    kode: 'PKM-1',
    nama: 'Puskesmas 1',
    jenis: 'puskesmas',
    indukId: 'o1',
    kelasLayanan: null,
    sektor: [],
  },
];

const orang = fc.uniqueArray(
  fc.record({
    key: fc.stringMatching(/^[0-9]{18}$|^THL-[0-9]{1,4}$/),
    nama: fc.string(),
    jenisPegawai: fc.constantFrom('pns', 'pppk', 'pppk_paruh_waktu', 'non_asn'),
    jabatanLevel: fc.constantFrom('jpt', 'administrator', 'pengawas', 'pelaksana', 'fungsional'),
    opdId: fc.constantFrom('o1', 'o2'),
    id: fc.uuid(),
  }),
  { selector: (p) => p.key, maxLength: 40 },
);

describe('the materials sent to the solver worker', () => {
  it('come back from their columns exactly as they were (kemasBahan, then bukaBahan)', () => {
    fc.assert(
      fc.property(orang, (ps) => {
        const b: BahanEvaluasi = {
          org: prepareOrg({
            opd: OPD,
            pegawai: ps.map(({ id: _id, ...p }) => p as never),
          }),
          orang: new Map(ps.map((p) => [p.key, { id: p.id, nama: p.nama, opdId: p.opdId }])),
          opdKode: new Map([['o1', { kode: 'DINKES', nama: 'Dinas Kesehatan', indukId: null }]]),
          kal: { jamKerja: {} as never, libur: new Map() },
          konteks: [],
          kebijakan: [],
        };
        const k = kemasBahan(b);
        // What crosses the thread boundary is columns, not people objects.
        expect(Array.isArray(k.org.key) && k.org.key.every((x) => typeof x === 'string')).toBe(true);
        const kembali = bukaBahan(structuredClone(k));
        expect(kembali).toEqual(b);
        expect([...kembali.org.byKey.keys()]).toEqual(ps.map((p) => p.key));
        expect(kembali.org.byKey.get(ps[0]?.key ?? '')).toBe(kembali.org.pegawai[0]);
      }),
      { numRuns: 50 },
    );
  });
});
