import { describe, expect, it } from 'vitest';
import { parseKebijakan } from './parse.ts';

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
