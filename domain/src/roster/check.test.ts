import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRange } from '../calendar/dates.ts';
import { JAM_KERJA_PERPRES_21_2023 } from '../calendar/work-hours.ts';
import { evaluateDay, type OrgPegawai, prepareOrg } from '../policy/evaluate.ts';
import { validateKebijakan } from '../policy/parse.ts';
import { periksaJadwal } from './check.ts';
import { type StatusJadwal, solveRoster } from './solve.ts';

const KAL = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur: new Map() };
const DAYS = dateRange('2031-03-03', '2031-03-09');

function setup(people: number, persen: number, piket: number) {
  const r = validateKebijakan({
    id: 'uji-periksa',
    versi: 1,
    judul: 'Uji periksa',
    jenis_dokumen: 'surat_edaran',
    nomor: '1',
    tanggal: '2031-03-01',
    penandatangan: { jabatan: 'Sekda' },
    status: 'aktif',
    berlaku: { dari: '2031-03-01' },
    aturan: [
      {
        id: 'kesehatan-wfo',
        judul: 'Kesehatan di kantor',
        pilih: { opd: ['DINKES'] },
        hasil: { jenis: 'wfo' },
      },
      ...(piket > 0
        ? [
            {
              id: 'piket',
              judul: 'Piket',
              pilih: { opd: ['BAPPEDA'] },
              hasil: { jenis: 'piket', jumlah: piket },
            },
          ]
        : []),
      {
        id: 'batas',
        judul: 'Batas',
        pilih: { opd: ['BAPPEDA'] },
        hasil: { jenis: 'batas_kantor', maks: { persen } },
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.masalah));
  const opd = ['DINKES', 'BAPPEDA'].map((kode) => ({
    id: kode,
    kode,
    jenis: 'dinas' as const,
    indukId: null,
    kelasLayanan: null,
    sektor: [],
  }));
  const pegawai: OrgPegawai[] = Array.from({ length: people }, (_, i) => ({
    key: `p${i}`,
    nama: `P${i}`,
    jenisPegawai: 'pns',
    jabatanLevel: 'pelaksana',
    opdId: i % 3 === 0 ? 'DINKES' : 'BAPPEDA',
  }));
  const org = prepareOrg({ opd, pegawai });
  const hari = DAYS.map((d) => evaluateDay([r.kebijakan], org, d, KAL));
  return { hari, orang: pegawai.map((p) => p.key) };
}

const plain = (sel: ReadonlyMap<string, ReadonlyMap<string, { status: StatusJadwal }>>) =>
  new Map([...sel].map(([k, m]) => [k, new Map([...m].map(([d, c]) => [d, c.status]))]));

describe('periksaJadwal', () => {
  it('finds nothing wrong in a roster the solver made when the rules can be met', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 20, max: 100 }),
        fc.integer({ min: 0, max: 1 }),
        (n, persen, piket) => {
          const { hari, orang } = setup(n, persen, piket);
          const r = solveRoster({ orang, hari });
          const temuan = periksaJadwal(hari, plain(r.sel));
          // Whatever the solver could not meet it said so; otherwise the check finds nothing.
          if (r.pelanggaran.length === 0) expect(temuan).toEqual([]);
          else expect(temuan.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('finds every planted violation: a health worker sent home, a cap exceeded, work on a weekend, no piket', () => {
    const { hari, orang } = setup(9, 50, 1);
    const sel = plain(solveRoster({ orang, hari }).sel);
    sel.get('p0')!.set('2031-03-03', 'WFH'); // DINKES must be at the office
    for (const k of orang)
      if (k !== 'p0' && Number(k.slice(1)) % 3 !== 0) sel.get(k)!.set('2031-03-04', 'WFO'); // all BAPPEDA in
    sel.get('p1')!.set('2031-03-08', 'WFO'); // Saturday
    for (const k of orang)
      if (sel.get(k)!.get('2031-03-05') === 'PIKET') sel.get(k)!.set('2031-03-05', 'WFH');
    const t = periksaJadwal(hari, sel);
    expect(t.map((x) => `${x.tanggal}:${x.kode}`).sort()).toEqual(
      [
        '2031-03-03:WAJIB_WFO',
        '2031-03-04:BATAS_TERLAMPAUI',
        '2031-03-04:PIKET_KURANG',
        '2031-03-05:PIKET_KURANG',
        '2031-03-08:BEKERJA_SAAT_LIBUR',
      ].sort(),
    );
    const cap = t.find((x) => x.kode === 'BATAS_TERLAMPAUI')!;
    expect(cap.pesan.id).toMatch(/6 dari 6 orang di kantor; batasnya 3 \(uji-periksa\/batas\)/);
    expect(t.find((x) => x.kode === 'WAJIB_WFO')!.orang).toEqual(['p0']);
  });
});
