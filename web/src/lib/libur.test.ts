import { describe, expect, test } from 'vitest';
import { csvDataUrl, liburCsv, masalahLibur, tahunDominan, templatLiburCsv } from './libur';

describe('libur', () => {
  test('the template has the import header and two example rows of the given year', () => {
    const csv = templatLiburCsv(2027);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('tanggal,jenis,nama,dasar');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2027-01-01,libur_nasional,/);
    expect(lines[2]).toMatch(/^2027-12-31,libur_daerah,/);
    expect(tahunDominan(csv)).toBe(2027);
    expect(decodeURIComponent(csvDataUrl(csv).split(',').slice(1).join(','))).toBe(csv);
  });

  test('fields with commas or quotes are quoted', () => {
    const csv = liburCsv([{ tanggal: '2027-03-01', jenis: 'libur_daerah', nama: 'A, "B"', dasar: '' }]);
    expect(csv).toBe('tanggal,jenis,nama,dasar\n2027-03-01,libur_daerah,"A, ""B""",\n');
  });

  test('the add form wants a real date and a name', () => {
    expect(masalahLibur({ tanggal: '', nama: '', dasar: '' })).toEqual({
      tanggal: 'wajib',
      nama: 'wajib',
      dasar: null,
    });
    expect(masalahLibur({ tanggal: '2026-02-30', nama: 'x', dasar: '' }).tanggal).toBe('tanggalSalah');
    expect(masalahLibur({ tanggal: '2026-12-31', nama: 'x', dasar: '' })).toEqual({
      tanggal: null,
      nama: null,
      dasar: null,
    });
  });
});
