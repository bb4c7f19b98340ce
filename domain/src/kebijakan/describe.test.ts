import { describe, expect, it } from 'vitest';
import { bandingkanVersi, uraikanAturan, uraikanBerlaku } from './describe.ts';
import { validateKebijakan } from './parse.ts';
import type { Kebijakan } from './schema.ts';

function doc(extra: Record<string, unknown> = {}): Kebijakan {
  const r = validateKebijakan({
    id: 'uji',
    versi: 1,
    judul: 'Uji',
    jenis_dokumen: 'surat_edaran',
    nomor: '1',
    tanggal: '2020-08-12',
    penandatangan: { jabatan: 'Sekda' },
    berlaku: { tanggal: ['2020-08-18', '2020-08-19'] },
    aturan: [
      {
        id: 'aa',
        judul: 'Non pelayanan WFH',
        pilih: { kelas_layanan: ['non_pelayanan'] },
        hasil: { jenis: 'wfh' },
      },
      {
        id: 'bb',
        judul: 'Staf dibatasi',
        pilih: { jabatan_level: ['pelaksana'], opd: ['DPMPTSP'] },
        kecuali: [{ jenis_pegawai: ['non_asn'] }],
        hasil: { jenis: 'batas_kantor', maks: { persen: 75 }, per: 'unit' },
      },
    ],
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.masalah));
  return r.kebijakan;
}

describe('policies in plain words', () => {
  it('describes who, except whom and what, in Indonesian and English', () => {
    const [a, b] = doc().aturan;
    expect(uraikanAturan(a!).id).toBe('Pegawai di unit non pelayanan: selalu bekerja dari rumah (WFH).');
    expect(uraikanAturan(a!).en).toBe('Employees in non-service units: always work from home (WFH).');
    expect(uraikanAturan(b!).id).toContain('kecuali pegawai Non-ASN');
    expect(uraikanAturan(b!).id).toContain(
      'paling banyak 75% dari pegawai di kantor per unit kerja per hari (dibulatkan ke bawah',
    );
  });

  it('describes the validity with dates in Indonesian', () => {
    expect(uraikanBerlaku(doc()).id).toBe(
      'pada 18 Agustus 2020 dan 19 Agustus 2020 (hari kerja saja, kecuali hari libur dan cuti bersama)',
    );
    expect(uraikanBerlaku(doc({ berlaku: { dari: '2022-02-11' } })).id).toMatch(
      /^mulai 11 Februari 2022, tanpa batas waktu/,
    );
  });

  it('lists what changed between versions, matching rules by id', () => {
    const v1 = doc();
    const v2 = doc({
      versi: 2,
      alasan_revisi: 'masukan Dinkes',
      aturan: [v1.aturan[1], { ...v1.aturan[0], judul: 'Non pelayanan WFH penuh' }],
    });
    const changes = bandingkanVersi(v1, v2).map((c) => c.jalur);
    expect(changes).toEqual(['alasan_revisi', 'aturan[aa].urutan', 'aturan[aa].judul', 'aturan[bb].urutan']);
    expect(bandingkanVersi(v1, v1)).toEqual([]);
  });
});
