import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRange } from '../kalender/dates.ts';
import { JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import { evaluateDay, type OrgPegawai, prepareOrg } from '../kebijakan/evaluate.ts';
import { validateKebijakan } from '../kebijakan/parse.ts';
import { periksaJadwal } from './check.ts';
import { type StatusJadwal, solveJadwal } from './solve.ts';

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

// Measured: the property below takes ≤ 0.4 s of CPU alone (4.6 s wall on this machine under heavy load);
// 30 s leaves more than 2× room.
describe('periksaJadwal', { timeout: 30_000 }, () => {
  it('finds nothing wrong in a roster the solver made when the rules can be met', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 20, max: 100 }),
        fc.integer({ min: 0, max: 1 }),
        (n, persen, piket) => {
          const { hari, orang } = setup(n, persen, piket);
          const r = solveJadwal({ orang, hari });
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
    const sel = plain(solveJadwal({ orang, hari }).sel);
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

/**
 * One OPD, six people, one working day (Monday 2031-03-03) and a Saturday: p0 heads it (office by rule),
 * p1 is a part-timer (home by rule), p2–p5 are staff under a cap of 2 at the office (piket counted), one
 * piket among the staff (PNS only), and at least 3 at the office. The hand-made recap `BAIK` keeps every rule.
 */
function kantorKecil() {
  const r = validateKebijakan({
    id: 'uji-tangan',
    versi: 1,
    judul: 'Uji tangan',
    jenis_dokumen: 'surat_edaran',
    nomor: '2',
    tanggal: '2031-03-01',
    penandatangan: { jabatan: 'Sekda' },
    status: 'aktif',
    berlaku: { dari: '2031-03-01' },
    aturan: [
      { id: 'pimpinan', judul: 'Pimpinan', pilih: { jabatan_level: ['jpt'] }, hasil: { jenis: 'wfo' } },
      {
        id: 'paruh-waktu',
        judul: 'Paruh waktu',
        pilih: { jenis_pegawai: ['pppk_paruh_waktu'] },
        hasil: { jenis: 'wfh' },
      },
      {
        id: 'batas',
        judul: 'Batas staf',
        pilih: { jabatan_level: ['pelaksana'] },
        hasil: { jenis: 'batas_kantor', maks: { jumlah: 2 } },
      },
      {
        id: 'piket',
        judul: 'Piket',
        pilih: { jabatan_level: ['pelaksana'] },
        hasil: { jenis: 'piket', jumlah: 1, boleh: { jenis_pegawai: ['pns'] } },
      },
      {
        id: 'minimum',
        judul: 'Minimum',
        pilih: { semua: true },
        hasil: { jenis: 'minimum_kantor', min: { jumlah: 3 } },
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.masalah));
  const opd = [
    { id: 'K', kode: 'K', jenis: 'dinas' as const, indukId: null, kelasLayanan: null, sektor: [] },
  ];
  const pegawai: OrgPegawai[] = [0, 1, 2, 3, 4, 5].map((i) => ({
    key: `p${i}`,
    nama: `P${i}`,
    jenisPegawai: i === 1 ? 'pppk_paruh_waktu' : 'pns',
    jabatanLevel: i === 0 ? 'jpt' : 'pelaksana',
    opdId: 'K',
  }));
  const org = prepareOrg({ opd, pegawai });
  return ['2031-03-03', '2031-03-08'].map((d) => evaluateDay([r.kebijakan], org, d, KAL));
}
const SENIN = '2031-03-03';
const SABTU = '2031-03-08';
const BAIK: Record<string, StatusJadwal> = {
  p0: 'WFO',
  p1: 'WFH',
  p2: 'PIKET',
  p3: 'WFO',
  p4: 'WFH',
  p5: 'WFH',
};
/** The good recap with some Monday cells changed (undefined: the cell removed). */
function rekap(
  ubah: Record<string, StatusJadwal | undefined> = {},
  sabtu: Record<string, StatusJadwal> = {},
) {
  return new Map(
    Object.entries(BAIK).map(([k, s]) => {
      const m = new Map<string, StatusJadwal>([[SABTU, sabtu[k] ?? 'LIBUR']]);
      const senin = k in ubah ? ubah[k] : s;
      if (senin !== undefined) m.set(SENIN, senin);
      return [k, m];
    }),
  );
}
const temuan = (sel: Map<string, Map<string, StatusJadwal>>, tidakHadir?: Map<string, Map<string, string>>) =>
  periksaJadwal(kantorKecil(), sel, tidakHadir).map(
    (t) => `${t.tanggal} ${t.kode} ${t.kelompokId ?? t.orang.join(',')}`,
  );

describe('periksaJadwal finds each way a hand-made recap breaks a rule, one code at a time', () => {
  it('a recap that keeps every rule has no finding; a recorded absence shown as such is none either', () => {
    expect(temuan(rekap())).toEqual([]);
    expect(temuan(rekap({ p4: 'CUTI' }), new Map([['p4', new Map([[SENIN, 'CUTI']])]]))).toEqual([]);
  });
  it('SEL_KOSONG: a person of the schedule without a cell that day', () => {
    expect(temuan(rekap({ p5: undefined }))).toEqual([`${SENIN} SEL_KOSONG p5`]);
  });
  it('WAJIB_WFO: the head, whom a rule keeps at the office, sent home', () => {
    const t = periksaJadwal(kantorKecil(), rekap({ p0: 'WFH' }));
    // With the head at home only two are left at the office: the minimum of three is missed as well.
    expect(t.map((x) => `${x.kode} ${x.orang}`)).toEqual(['WAJIB_WFO p0', 'MINIMUM_KURANG ']);
    expect(t[0]!.sumber?.aturanId).toBe('pimpinan');
  });
  it('WAJIB_WFH: the part-timer, whom a rule keeps at home, called to the office', () => {
    const t = periksaJadwal(kantorKecil(), rekap({ p1: 'WFO' }));
    expect(t.map((x) => `${x.kode} ${x.orang}`)).toEqual(['WAJIB_WFH p1']);
    expect(t[0]!.sumber?.aturanId).toBe('paruh-waktu');
  });
  it('BEKERJA_SAAT_LIBUR: work on a Saturday', () => {
    expect(temuan(rekap({}, { p3: 'WFO' }))).toEqual([`${SABTU} BEKERJA_SAAT_LIBUR p3`]);
  });
  it('BATAS_TERLAMPAUI: three staff at the office under a cap of two', () => {
    const t = periksaJadwal(kantorKecil(), rekap({ p4: 'WFO' }));
    expect(t.map((x) => `${x.kode} ${[...x.orang].sort()}`)).toEqual(['BATAS_TERLAMPAUI p2,p3,p4']);
    expect(t[0]!.pesan.id).toContain('3 dari 4 orang di kantor; batasnya 2 (uji-tangan/batas)');
  });
  it('MINIMUM_KURANG: two at the office where three are the minimum', () => {
    const t = periksaJadwal(kantorKecil(), rekap({ p3: 'WFH' }));
    expect(t.map((x) => x.kode)).toEqual(['MINIMUM_KURANG']);
    expect(t[0]!.pesan.en).toContain('2 at the office; the minimum is 3 (uji-tangan/minimum)');
  });
  it('PIKET_KURANG: nobody on duty where one is asked', () => {
    const t = periksaJadwal(kantorKecil(), rekap({ p2: 'WFO' }));
    expect(t.map((x) => x.kode)).toEqual(['PIKET_KURANG']);
    expect(t[0]!.pesan.id).toContain('0 piket; seharusnya 1');
  });
  it('PIKET_BERLEBIH: two on duty where the rule asks for one', () => {
    const t = periksaJadwal(kantorKecil(), rekap({ p3: 'PIKET' }));
    expect(t.map((x) => x.kode)).toEqual(['PIKET_BERLEBIH']);
    expect(t[0]!.pesan.id).toContain('2 piket; aturan meminta 1 (uji-tangan/piket)');
  });
  it('PIKET_TIDAK_BOLEH: piket given to the part-timer, whom the piket rule does not allow (PNS only)', () => {
    expect(temuan(rekap({ p1: 'PIKET', p2: 'WFH' }))).toEqual([`${SENIN} PIKET_TIDAK_BOLEH p1`]);
  });
  it('TIDAK_HADIR_DIJADWALKAN: someone on approved leave scheduled to work from home', () => {
    expect(temuan(rekap(), new Map([['p4', new Map([[SENIN, 'CUTI']])]]))).toEqual([
      `${SENIN} TIDAK_HADIR_DIJADWALKAN p4`,
    ]);
  });
  it('TIDAK_BEKERJA_TANPA_DASAR: a working day marked LIBUR, CUTI, SAKIT or ISOLASI with no day off or absence behind it', () => {
    for (const s of ['LIBUR', 'CUTI', 'SAKIT', 'ISOLASI'] as const)
      expect(temuan(rekap({ p5: s })), s).toEqual([`${SENIN} TIDAK_BEKERJA_TANPA_DASAR p5`]);
    // recorded as sickness, shown as leave
    expect(temuan(rekap({ p5: 'CUTI' }), new Map([['p5', new Map([[SENIN, 'SAKIT']])]]))).toEqual([
      `${SENIN} TIDAK_BEKERJA_TANPA_DASAR p5`,
    ]);
  });
});

describe('periksaJadwal: what each finding says, and whom it concerns', () => {
  const satu = (sel: Map<string, Map<string, StatusJadwal>>, th?: Map<string, Map<string, string>>) =>
    periksaJadwal(kantorKecil(), sel, th).map((t) => ({ kode: t.kode, orang: t.orang, pesan: t.pesan }));
  const S = SENIN;
  it('names the person, the day and the rule, in Indonesian and English', () => {
    expect(satu(rekap({ p5: undefined }))).toEqual([
      {
        kode: 'SEL_KOSONG',
        orang: ['p5'],
        pesan: { id: `p5 ${S}: sel jadwal kosong`, en: `p5 ${S}: the schedule cell is empty` },
      },
    ]);
    expect(satu(rekap(), new Map([['p4', new Map([[S, 'CUTI']])]]))[0]!.pesan).toEqual({
      id: `p4 ${S}: dijadwalkan WFH padahal CUTI`,
      en: `p4 ${S}: scheduled WFH while on CUTI`,
    });
    expect(satu(rekap({ p5: 'LIBUR' }))[0]!.pesan).toEqual({
      id: `p5 ${S}: ditandai LIBUR padahal hari kerja (tidak ada hari libur pada tanggal ini)`,
      en: `p5 ${S}: marked LIBUR on a working day (no holiday on this date)`,
    });
    expect(satu(rekap({ p5: 'CUTI' }))[0]!.pesan).toEqual({
      id: `p5 ${S}: ditandai CUTI tanpa catatan cuti yang disetujui`,
      en: `p5 ${S}: marked CUTI with no approved cuti record`,
    });
    expect(satu(rekap({ p0: 'WFH' }))[0]!.pesan).toEqual({
      id: `p0 ${S}: dijadwalkan WFH padahal aturan "Pimpinan" (uji-tangan/pimpinan) mewajibkan bekerja di kantor`,
      en: `p0 ${S}: scheduled WFH but rule "Pimpinan" (uji-tangan/pimpinan) requires the office`,
    });
    expect(satu(rekap({ p1: 'WFO' }))[0]!.pesan).toEqual({
      id: `p1 ${S}: dijadwalkan WFO padahal aturan "Paruh waktu" (uji-tangan/paruh-waktu) mewajibkan bekerja dari rumah`,
      en: `p1 ${S}: scheduled WFO but rule "Paruh waktu" (uji-tangan/paruh-waktu) requires working from home`,
    });
    expect(satu(rekap({ p1: 'PIKET', p2: 'WFH' }))[0]!.pesan).toEqual({
      id: `p1 ${S}: dijadwalkan piket padahal tidak ada aturan piket yang membolehkannya`,
      en: `p1 ${S}: scheduled on duty (piket) though no piket rule allows it`,
    });
    const libur = satu(rekap({}, { p3: 'WFO' }))[0]!;
    expect(libur.pesan.id).toMatch(new RegExp(`^p3 ${SABTU}: dijadwalkan WFO pada hari libur \\(.+\\)$`));
    expect(libur.pesan.en).toMatch(new RegExp(`^p3 ${SABTU}: scheduled WFO on a day off \\(.+\\)$`));
  });

  it('group findings name no single person (a cap names those at the office) and say the numbers', () => {
    const batas = satu(rekap({ p4: 'WFO' }))[0]!;
    expect(batas.pesan.en).toMatch(/: 3 of 4 at the office; the cap is 2 \(uji-tangan\/batas\)$/);
    const min = satu(rekap({ p3: 'WFH' }))[0]!;
    expect(min.orang).toEqual([]);
    expect(min.pesan.id).toMatch(/: 2 orang di kantor; minimumnya 3 \(uji-tangan\/minimum\)$/);
    const kurang = satu(rekap({ p2: 'WFO' }))[0]!;
    expect(kurang.orang).toEqual([]);
    expect(kurang.pesan.en).toMatch(/: 0 on duty; 1 required \(uji-tangan\/piket\)$/);
    const lebih = satu(rekap({ p3: 'PIKET' }))[0]!;
    expect(lebih.orang).toEqual([]);
    expect(lebih.pesan.en).toMatch(/: 2 on duty; the rule asks for 1 \(uji-tangan\/piket\)$/);
  });

  it("looks only at the people in the schedule: another OPD's people and groups without them are not findings", () => {
    const tanpaP5 = rekap();
    tanpaP5.delete('p5');
    expect(satu(tanpaP5)).toEqual([]);
    // Only the head scheduled: the staff's cap and piket groups have nobody here; the minimum (everyone) does.
    const hanyaKepala = new Map([
      [
        'p0',
        new Map<string, StatusJadwal>([
          [S, 'WFO'],
          [SABTU, 'LIBUR'],
        ]),
      ],
    ]);
    expect(satu(hanyaKepala).map((t) => t.kode)).toEqual(['MINIMUM_KURANG']);
  });
});
