import { readFileSync } from 'node:fs';
import { parseKebijakan } from '@sigap/domain';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  aturanSementara,
  bacaIdentitas,
  dalamMasaBerlaku,
  FIELD_IDENTITAS,
  kalender,
  mingguBulan,
  rentangBaris,
  tanggalPertama,
  teksRevisi,
  templatKebijakan,
  ubahIdentitas,
  yangBerubah,
} from './dokumen';

const contoh = (nama: string) =>
  readFileSync(new URL(`../../../../examples/policies/${nama}`, import.meta.url), 'utf8');

const PERPRES = {
  '1': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '2': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '3': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '4': { mulai: '07:30', selesai: '16:00', istirahatMenit: 60 },
  '5': { mulai: '07:30', selesai: '16:30', istirahatMenit: 90 },
};

describe('the template', () => {
  test('is a valid policy as it stands, a draft dated today', () => {
    const r = parseKebijakan(templatKebijakan('2031-03-03'));
    expect(r.ok ? [] : r.masalah).toEqual([]);
    if (!r.ok) return;
    expect(r.kebijakan.status).toBe('draft');
    expect(r.kebijakan.tanggal).toBe('2031-03-03');
    expect(r.kebijakan.berlaku.dari).toBe('2031-03-03');
  });
});

describe('identity fields in the YAML text', () => {
  const kudus = contoh('kudus-2020.yaml');

  test('are read from the document', () => {
    expect(bacaIdentitas(kudus)).toEqual({
      id: 'kudus-2020-sistem-kerja-asn',
      versi: '1',
      judul: 'Petunjuk Teknis Pelaksanaan Sistem Kerja ASN dalam Upaya Pencegahan Penyebaran COVID-19',
      nomor: '800/1566/28.00/2020',
      tanggal: '2020-03-24',
      'penandatangan.jabatan': 'Bupati Kudus',
      status: 'aktif',
      alasan_revisi: '',
    });
    expect(bacaIdentitas('id: [unclosed')).toBeNull();
  });

  test('are written in place: only that value changes, comments and layout stay', () => {
    const t = ubahIdentitas(kudus, 'judul', 'Judul Baru');
    expect(t).toBe(kudus.replace(/^judul: .*$/m, 'judul: Judul Baru'));
    const v = ubahIdentitas(kudus, 'versi', '2');
    expect(v).toBe(kudus.replace(/^versi: 1$/m, 'versi: 2'));
    expect(bacaIdentitas(ubahIdentitas(kudus, 'penandatangan.jabatan', 'Wakil Bupati, Kudus'))).toMatchObject(
      { 'penandatangan.jabatan': 'Wakil Bupati, Kudus' },
    );
  });

  test('values YAML would misread are quoted, inside flow maps too', () => {
    const bogor = contoh('bogor-2021.yaml');
    const t = ubahIdentitas(bogor, 'nomor', '123');
    expect(bacaIdentitas(t)?.nomor).toBe('123');
    expect(parseKebijakan(t).ok).toBe(true);
    const flow = 'id: x-y\npenandatangan: { jabatan: Bupati }\n';
    const f = ubahIdentitas(flow, 'penandatangan.jabatan', 'Bupati {Kudus}, a.n.');
    expect(bacaIdentitas(f)?.['penandatangan.jabatan']).toBe('Bupati {Kudus}, a.n.');
    expect(f.startsWith('id: x-y\npenandatangan: { jabatan: ')).toBe(true);
  });

  test('a missing key is inserted after its neighbour', () => {
    const t = ubahIdentitas(kudus, 'alasan_revisi', 'Diperpanjang');
    expect(t).toContain('status: aktif\nalasan_revisi: Diperpanjang\ndasar:');
    expect(ubahIdentitas('versi: 1\n', 'id', 'abc')).toBe('id: abc\nversi: 1\n');
    expect(ubahIdentitas('id: a\n', 'penandatangan.jabatan', 'Sekda')).toBe(
      'id: a\npenandatangan: { jabatan: Sekda }\n',
    );
  });

  test('a revision starts from the latest text: next number, a draft, asking why', () => {
    const t = teksRevisi(kudus, 2);
    const id = bacaIdentitas(t)!;
    expect(id.versi).toBe('2');
    expect(id.status).toBe('draft');
    const r = parseKebijakan(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.masalah.map((m) => m.jalur)).toEqual(['alasan_revisi']);
    expect(parseKebijakan(ubahIdentitas(t, 'alasan_revisi', 'Diperpanjang')).ok).toBe(true);
  });

  test('a revision of a text whose reason is a folded block (Batu v2) stays valid YAML', () => {
    const v2 = contoh('batu-2020.v2.yaml');
    const t = teksRevisi(v2, 3);
    expect(t).toContain('status: draft\nalasan_revisi: ""\ndasar:');
    expect(bacaIdentitas(t)).toMatchObject({ versi: '3', status: 'draft', alasan_revisi: '' });
    const r = parseKebijakan(ubahIdentitas(t, 'alasan_revisi', 'Diperpanjang'));
    expect(r.ok ? [] : r.masalah).toEqual([]);
  });

  test('any value written into any field of any example reads back, and the other fields stay', () => {
    // Every way an identity value is written: plain, quoted, folded and literal blocks (with their
    // chomping), a flow map, keys missing.
    const teks = [
      'id: a\nversi: 1\njudul: "x"\nnomor: \'1\'\ntanggal: 2020-01-01\nstatus: aktif # c\ndasar: []\n',
      'id: a\nalasan_revisi: |+\n  satu\n\nstatus: aktif\n',
      'id: a\njudul: >\n  dua\n  baris\nversi: 1\npenandatangan:\n  jabatan: |-\n    Bupati\n  nama: X\n',
      'id: a\npenandatangan: { jabatan: Bupati, nama: X }\nstatus: draft\n',
      'versi: 2\naturan: []\n',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...teks),
        fc.constantFrom(...FIELD_IDENTITAS.filter((f) => f !== 'versi')),
        fc.string({ maxLength: 40 }),
        (sumber, f, value) => {
          const t = ubahIdentitas(sumber, f, value);
          const sebelum = bacaIdentitas(sumber)!;
          const sesudah = bacaIdentitas(t);
          expect(sesudah).not.toBeNull();
          expect(sesudah).toEqual({ ...sebelum, [f]: value });
        },
      ),
      { numRuns: 150 },
    );
  });
});

test('a line as character offsets', () => {
  expect(rentangBaris('a\nbc\nd', 2)).toEqual([2, 4]);
  expect(rentangBaris('a\nbc\nd', 3)).toEqual([5, 6]);
  expect(rentangBaris('a', 5)).toEqual([1, 1]);
});

test('rules of a document still being written: the valid ones parse, the others are null', () => {
  const r = aturanSementara(
    'aturan:\n  - { id: a-b, judul: Satu, pilih: { semua: true }, hasil: { jenis: wfo } }\n  - { id: c }\n',
  );
  expect(r?.map((a) => a?.id ?? null)).toEqual(['a-b', null]);
});

test('the first day in force skips weekends and holidays unless the policy includes them', () => {
  const r = parseKebijakan(contoh('bogor-2021.yaml'));
  if (!r.ok) throw new Error('bogor');
  const kal = kalender(PERPRES, []);
  // Tuesday 29 June 2021
  expect(tanggalPertama(r.kebijakan, kal)).toBe('2021-06-29');
  const libur = kalender(PERPRES, [{ tanggal: '2021-06-29', jenis: 'libur_daerah', nama: 'x', dasar: '' }]);
  expect(tanggalPertama(r.kebijakan, libur)).toBe('2021-06-30');
  expect(dalamMasaBerlaku(r.kebijakan.berlaku, '2021-07-06')).toBe(true);
  expect(dalamMasaBerlaku(r.kebijakan.berlaku, '2021-07-07')).toBe(false);
});

test('a month as Monday-first weeks', () => {
  const w = mingguBulan(2031, 3);
  // 1 March 2031 is a Saturday
  expect(w[0]).toEqual([null, null, null, null, null, '2031-03-01', '2031-03-02']);
  expect(w.flat().filter(Boolean)).toHaveLength(31);
  expect(w.every((x) => x.length === 7)).toBe(true);
});

test('what a comparison touches', () => {
  expect(yangBerubah(['judul', 'berlaku.sampai', 'aturan[a-b].hasil.jenis', 'aturan[c]', 'dasar'])).toEqual({
    aturan: new Set(['a-b', 'c']),
    field: new Set(['judul', 'berlaku', 'dasar']),
  });
});
