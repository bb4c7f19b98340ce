import { describe, expect, it } from 'vitest';
import { MAKS_MASALAH, parseKebijakan } from './parse.ts';

const doc = (pilih: string, hasil: string) => `id: uji
versi: 1
judul: Uji satu
jenis_dokumen: surat_edaran
nomor: "1"
tanggal: 2020-01-01
penandatangan: { jabatan: Sekda }
berlaku: { dari: 2020-01-01 }
aturan:
  - id: aa
    judul: Aturan a
    pilih: ${pilih}
    hasil: ${hasil}
`;

function masalah(pilih: string, hasil: string) {
  const r = parseKebijakan(doc(pilih, hasil));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.masalah;
}

describe('policy document errors name the field inside unions, with its line', () => {
  it('a code where a list of codes is needed in a selector', () => {
    expect(masalah('{ opd: DINKES }', '{ jenis: wfo }')).toMatchObject([
      { jalur: 'aturan[0].pilih.opd', baris: 12 },
    ]);
  });

  it('a percentage written as text', () => {
    const [m] = masalah('{ semua: true }', "{ jenis: batas_kantor, maks: { persen: '50' } }");
    expect(m).toMatchObject({ jalur: 'aturan[0].hasil.maks.persen', baris: 13 });
    expect(m!.pesan.id).toBe('aturan[0].hasil.maks.persen: harus berupa angka');
    expect(m!.pesan.en).toBe('aturan[0].hasil.maks.persen: must be a number');
  });

  it('a percentage over 100 says so in words, not in zod terms', () => {
    const [m] = masalah('{ semua: true }', '{ jenis: batas_kantor, maks: { persen: 150 } }');
    expect(m!.pesan.id).toBe('aturan[0].hasil.maks.persen: paling besar 100');
    expect(m!.pesan.en).toBe('aturan[0].hasil.maks.persen: at most 100');
  });

  it('an unknown outcome kind lists the kinds in both languages', () => {
    const [m] = masalah('{ semua: true }', '{ jenis: wfx }');
    expect(m!.jalur).toBe('aturan[0].hasil.jenis');
    expect(m!.pesan.id).toContain('pilihan: wfo, wfh, batas_kantor');
    expect(m!.pesan.en).toContain('choose one of: wfo, wfh, batas_kantor');
  });

  it('a YAML syntax error gives its line', () => {
    const r = parseKebijakan('id: uji\nversi: [1\njudul: x\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.masalah[0]!.pesan.id).toMatch(/tidak dapat dibaca sebagai YAML\/JSON \(baris \d\)/);
  });
});

describe('a document with thousands of problems', () => {
  // Rule i starts on line 10 + 4i; its `hasil` (with a percentage written as text) is on line 13 + 4i.
  const banyak = (n: number) => {
    let s = doc('{ semua: true }', '{ jenis: wfh }').split('aturan:\n')[0]!;
    s += 'aturan:\n';
    for (let i = 0; i < n; i++)
      s += `  - id: a${i}\n    judul: Aturan ${i}\n    pilih: { semua: true }\n    hasil: { jenis: batas_kantor, maks: { persen: '50' } }\n`;
    return s;
  };

  it('lists the first 200 with their lines, then says how many more there are', () => {
    const r = parseKebijakan(banyak(1500));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.jumlah).toBe(1500);
    expect(r.masalah).toHaveLength(MAKS_MASALAH + 1);
    expect(r.masalah[0]).toMatchObject({ jalur: 'aturan[0].hasil.maks.persen', baris: 13 });
    expect(r.masalah[199]).toMatchObject({ jalur: 'aturan[199].hasil.maks.persen', baris: 13 + 4 * 199 });
    expect(r.masalah[200]!.pesan.id).toBe(
      '… dan 1.300 masalah lain; perbaiki yang di atas lalu periksa lagi',
    );
    expect(r.masalah[200]!.pesan.en).toBe('… and 1,300 more problems; fix the ones above and check again');
  }, 20_000);

  it('a document with exactly 200 problems lists them all and no "more" line', () => {
    const r = parseKebijakan(banyak(200));
    expect(!r.ok && r.masalah.length).toBe(200);
    expect(!r.ok && r.masalah[199]!.baris).toBe(13 + 4 * 199);
  });
});
