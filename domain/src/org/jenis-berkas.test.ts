import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUTI_COLUMNS } from '../cuti/cuti.ts';
import { OPD_COLUMNS, PEGAWAI_COLUMNS, salahJenisBerkas, tebakJenisBerkas } from './import.ts';

describe('which kind of file a header row is', () => {
  it('recognises each kind by its own columns', () => {
    expect(tebakJenisBerkas(OPD_COLUMNS)).toBe('opd');
    expect(tebakJenisBerkas([...PEGAWAI_COLUMNS, 'id_pegawai'])).toBe('pegawai');
    expect(tebakJenisBerkas(CUTI_COLUMNS)).toBe('cuti');
    expect(tebakJenisBerkas(['nama', 'alamat'])).toBeNull();
  });

  it('an OPD list on the employee import: one sentence naming the right tab', () => {
    const i = salahJenisBerkas(OPD_COLUMNS, 'pegawai');
    expect(i).toMatchObject({ baris: 1, kolom: null, kode: 'JENIS_BERKAS_SALAH' });
    expect(i!.pesan.id).toBe(
      'Berkas ini tampaknya daftar OPD, bukan daftar pegawai; pakai tab OPD di halaman Impor',
    );
    expect(i!.pesan.en).toBe(
      'This file looks like an OPD list, not an employee list; use the OPD tab of the Import page',
    );
    expect(salahJenisBerkas(OPD_COLUMNS, 'opd')).toBeNull();
    expect(salahJenisBerkas(CUTI_COLUMNS, 'pegawai')?.pesan.id).toContain('daftar cuti');
  });

  it('property: a file of the expected kind is never called another kind, whatever columns it leaves out or adds', () => {
    const kinds = [
      ['opd', OPD_COLUMNS, ['kode', 'nama', 'jenis']],
      ['pegawai', PEGAWAI_COLUMNS, ['nama', 'jenis_pegawai', 'jabatan_level', 'opd_kode']],
    ] as const;
    for (const [jenis, semua, wajib] of kinds) {
      fc.assert(
        fc.property(
          fc.subarray([...semua]),
          fc.subarray(['catatan', 'x', 'lat', 'email', 'dari']),
          (pilih, tambah) => {
            const headers = [...new Set([...wajib, ...pilih, ...tambah])];
            expect(salahJenisBerkas(headers, jenis)).toBeNull();
          },
        ),
      );
    }
  });

  it('property: a whole file of the other kind, columns in any order, is always named as that kind', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...OPD_COLUMNS], { minLength: OPD_COLUMNS.length }), (h) => {
        expect(salahJenisBerkas(h, 'pegawai')?.kode).toBe('JENIS_BERKAS_SALAH');
      }),
    );
  });
});
