import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNipSurat,
  kodeVerifikasi,
  type MasukanPernyataan,
  periodeBerlaku,
  rentangBerlaku,
  teksPernyataan,
  teksPolos,
  tempatDariPemda,
} from './pernyataan.ts';

// Batu's revised notice (examples/policies/batu-2020.v2.yaml), words written out by hand.
const BATU: MasukanPernyataan = {
  pemda: 'Pemerintah Kota Batu',
  pegawai: {
    nama: 'Siti Rahmawati',
    nip: '198703152010012003',
    idPegawai: '',
    jabatan: 'Pengadministrasi Umum',
    unitKerja: 'Subbagian Tata Usaha',
    opd: 'Bagian Umum',
  },
  kebijakan: {
    id: 'batu-2020-wfh-asn',
    versi: 2,
    jenisDokumen: 'surat_pemberitahuan',
    nomor: '800/2475/422.202/2020',
    tanggal: '2020-08-13',
    judul: 'Pemberitahuan Bekerja dari Rumah bagi ASN di Lingkungan Pemerintah Kota Batu (revisi)',
    penandatangan: 'Sekretaris Daerah Kota Batu',
    berlaku: { tanggal: ['2020-08-21', '2020-08-18', '2020-08-19'] },
    aturan: [
      {
        judul: 'Pegawai WFH menandatangani surat pernyataan tetap di rumah dan bekerja dengan target terukur',
        keterangan: 'Disiapkan surat pernyataan bahwa selama kerja dari rumah ASN tidak boleh keluar rumah.',
      },
    ],
    targetKinerja: true,
    laporHarian: false,
  },
  tempat: 'Batu',
  tanggalTanda: '2020-08-17',
};

const polos = (m: MasukanPernyataan, lang: 'id' | 'en' = 'id') =>
  teksPolos(teksPernyataan(m)[lang], m.pegawai.nama, m.pegawai.nip || m.pegawai.idPegawai);

describe('teksPernyataan: Batu 2020', () => {
  it('words the letter with the notice number, date, title, dates in force and the person', () => {
    const t = polos(BATU);
    expect(t).toContain('SURAT PERNYATAAN');
    expect(t).toContain('Yang bertanda tangan di bawah ini:');
    expect(t).toContain('Nama       : Siti Rahmawati');
    expect(t).toContain('NIP        : 19870315 201001 2 003');
    expect(t).toContain('Unit kerja : Subbagian Tata Usaha, Bagian Umum');
    expect(t).toContain(
      'sesuai Surat Pemberitahuan Sekretaris Daerah Kota Batu Nomor 800/2475/422.202/2020 tanggal 13 Agustus 2020 tentang Pemberitahuan Bekerja dari Rumah bagi ASN di Lingkungan Pemerintah Kota Batu (revisi), pada tanggal 18, 19 dan 21 Agustus 2020, saya:',
    );
    expect(t).toContain('akan tetap berada di rumah/tempat tinggal dan tidak bepergian');
    expect(t).toContain('memberitahukan terlebih dahulu kepada atasan langsung');
    expect(t).toContain('target kinerja atau hasil yang terukur');
    expect(t).not.toContain('setiap hari sesuai ketentuan');
    // The rule's own words, quoted.
    expect(t).toContain(
      '“Disiapkan surat pernyataan bahwa selama kerja dari rumah ASN tidak boleh keluar rumah”',
    );
    expect(t).toContain('bersedia dikenai sanksi');
    expect(t).toContain('Batu, 17 Agustus 2020');
    expect(t.trimEnd().endsWith('NIP. 19870315 201001 2 003')).toBe(true);
  });

  it('renders it in English too', () => {
    const t = polos(BATU, 'en');
    expect(t).toContain('I, the undersigned:');
    expect(t).toContain(
      'Notice Sekretaris Daerah Kota Batu Number 800/2475/422.202/2020 dated 13 August 2020',
    );
    expect(t).toContain('on 18, 19 and 21 August 2020');
    expect(t).toContain('Batu, 17 August 2020');
  });

  it('a statement not signed yet leaves the date in dots; non-ASN show their id', () => {
    const t = polos({
      ...BATU,
      tanggalTanda: null,
      pegawai: { ...BATU.pegawai, nip: '', idPegawai: 'THL-0042' },
    });
    expect(t).toContain('Batu, ……………………');
    expect(t).toContain('ID pegawai : THL-0042');
    expect(t).not.toContain('NIP');
  });

  it('a range, an open end, one day, a direction without number, daily reports', () => {
    const k = BATU.kebijakan;
    expect(periodeBerlaku({ dari: '2020-03-24', sampai: '2020-04-09' }, 'id')).toBe(
      'mulai 24 Maret 2020 sampai dengan 9 April 2020',
    );
    expect(periodeBerlaku({ dari: '2022-02-07', sampai: null }, 'id')).toBe(
      'sejak 7 Februari 2022 sampai dengan dicabut',
    );
    expect(periodeBerlaku({ dari: '2022-02-07', sampai: null }, 'en')).toBe(
      'from 7 February 2022 until revoked',
    );
    expect(periodeBerlaku({ dari: '2021-06-29', sampai: '2021-06-29' }, 'id')).toBe(
      'pada tanggal 29 Juni 2021',
    );
    expect(periodeBerlaku({ tanggal: ['2020-12-31', '2021-01-04'] }, 'id')).toBe(
      'pada tanggal 31 Desember 2020 dan 4 Januari 2021',
    );
    const t = polos({
      ...BATU,
      kebijakan: { ...k, jenisDokumen: 'arahan_lisan', nomor: '-', laporHarian: true, aturan: [] },
    });
    expect(t).toContain('Arahan Sekretaris Daerah Kota Batu tanpa nomor tanggal 13 Agustus 2020');
    expect(t).toContain('melaporkan pelaksanaan tugas setiap hari sesuai ketentuan.');
  });

  it('helpers: town of a Pemda, NIP, the policy span, the verification code', () => {
    expect(tempatDariPemda('Pemerintah Kota Batu')).toBe('Batu');
    expect(tempatDariPemda('Kabupaten Kudus')).toBe('Kudus');
    expect(tempatDariPemda('Pemkab Pasuruan')).toBe('Pasuruan');
    expect(formatNipSurat('198703152010012003')).toBe('19870315 201001 2 003');
    expect(formatNipSurat('THL-1')).toBe('THL-1');
    expect(rentangBerlaku({ tanggal: ['2020-08-21', '2020-08-18'] })).toEqual({
      dari: '2020-08-18',
      sampai: '2020-08-21',
    });
    expect(rentangBerlaku({ dari: '2022-02-07', sampai: null })).toEqual({
      dari: '2022-02-07',
      sampai: null,
    });
    expect(kodeVerifikasi('a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe('A1B2-C3D4-E5F6-0718');
  });
});

const tanggal = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const kata = fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,40}[A-Za-z]$/);
const masukan: fc.Arbitrary<MasukanPernyataan> = fc.record({
  pemda: kata,
  pegawai: fc.record({
    nama: kata,
    nip: fc.stringMatching(/^(19|20)\d{16}$/),
    idPegawai: fc.constant(''),
    jabatan: kata,
    unitKerja: kata,
    opd: kata,
  }),
  kebijakan: fc.record({
    id: fc.constant('k'),
    versi: fc.integer({ min: 1, max: 9 }),
    jenisDokumen: fc.constantFrom(
      'surat_edaran',
      'surat_pemberitahuan',
      'instruksi',
      'keputusan',
      'arahan_lisan',
      'lainnya',
    ),
    nomor: fc.stringMatching(/^[0-9A-Z][0-9A-Za-z./-]{0,30}$/),
    tanggal,
    judul: kata,
    penandatangan: kata,
    berlaku: fc.oneof(
      fc.record({ tanggal: fc.array(tanggal, { minLength: 1, maxLength: 6 }) }),
      fc.record({ dari: tanggal, sampai: fc.option(tanggal, { nil: null }) }),
    ),
    aturan: fc.array(fc.record({ judul: kata, keterangan: fc.option(kata, { nil: null }) }), {
      maxLength: 3,
    }),
    targetKinerja: fc.boolean(),
    laporHarian: fc.boolean(),
  }),
  tempat: kata,
  tanggalTanda: fc.option(tanggal, { nil: null }),
});

describe('teksPernyataan: properties', () => {
  it('every statement names the policy number, the person (name and NIP) and the stay-home promise', () => {
    fc.assert(
      fc.property(masukan, (m) => {
        for (const lang of ['id', 'en'] as const) {
          const t = polos(m, lang);
          expect(t).toContain(m.kebijakan.nomor);
          expect(t).toContain(formatNipSurat(m.pegawai.nip));
          expect(t.replace(/\s/g, '')).toContain(m.pegawai.nip);
          expect(t).toContain(m.pegawai.nama.replace(/\s+/g, ' ').trim());
          expect(t).toContain(m.kebijakan.judul.replace(/\s+/g, ' ').trim());
        }
        expect(polos(m)).toContain('tetap berada di rumah');
      }),
    );
  });

  it('deterministic: the same inputs give the same text; another policy number gives another text', () => {
    fc.assert(
      fc.property(masukan, (m) => {
        expect(polos(m)).toBe(polos(JSON.parse(JSON.stringify(m)) as MasukanPernyataan));
        const lain = { ...m, kebijakan: { ...m.kebijakan, nomor: `${m.kebijakan.nomor}/X` } };
        expect(polos(lain)).not.toBe(polos(m));
      }),
    );
  });
});
