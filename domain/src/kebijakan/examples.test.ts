/**
 * The four source policies (examples/policies/*.yaml) run against small organisations shaped like the
 * ones their articles describe (/work/shared/seeds). One `it` per rule the article states, named in the
 * article's own words; each checks through `evaluateDay` what the rule means for the people it concerns.
 */
import { describe, expect, it } from 'vitest';
import { liburNasional } from '../jadwal/golden/golden.ts';
import { type IsoDate, isoWeekday } from '../kalender/dates.ts';
import { JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import type { JabatanLevel, JenisOpd, JenisPegawai, KelasLayanan, Sektor } from '../org/types.ts';
import {
  dipilih,
  type EvaluasiHari,
  evaluateDay,
  type KalenderKerja,
  type KeputusanOrang,
  type OrgOpd,
  type OrgPegawai,
  type PreparedOrg,
  prepareOrg,
} from './evaluate.ts';
import { parseKebijakan } from './parse.ts';
import type { Aturan, Kebijakan } from './schema.ts';
import { periksaKebijakan } from './validate.ts';

// ─── Reading files (domain's tsconfig has "types": [], so node:fs is loaded untyped) ────────────

declare const URL: new (url: string, base: string) => object;
const NODE_FS = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ NODE_FS)) as {
  readFileSync(path: object, encoding: 'utf8'): string;
};
const baca = (rel: string): string =>
  readFileSync(new URL(rel, (import.meta as unknown as { url: string }).url), 'utf8');

function muat(file: string): Kebijakan {
  const r = parseKebijakan(baca(`../../../examples/policies/${file}`));
  if (!r.ok) throw new Error(`${file}: ${r.masalah.map((m) => m.pesan.id).join('; ')}`);
  return r.kebijakan;
}

const KALENDER: KalenderKerja = { jamKerja: JAM_KERJA_PERPRES_21_2023, libur: liburNasional() };

// ─── Building organisations ──────────────────────────────────────────────────────────────────────

function unit(
  kode: string,
  nama: string,
  jenis: JenisOpd,
  opt: { induk?: string; kelas?: KelasLayanan; sektor?: Sektor[] } = {},
): OrgOpd {
  return {
    id: kode,
    kode,
    nama,
    jenis,
    indukId: opt.induk ?? null,
    kelasLayanan: opt.kelas ?? null,
    sektor: opt.sektor ?? [],
  };
}

function orang(key: string, opdId: string, jabatanLevel: JabatanLevel, jenisPegawai: JenisPegawai = 'pns') {
  return { key, nama: key, opdId, jabatanLevel, jenisPegawai } satisfies OrgPegawai;
}

const keysOf = (org: PreparedOrg, opd: readonly string[]) =>
  org.pegawai.filter((p) => opd.includes(p.opdId)).map((p) => p.key);

function kep(ev: EvaluasiHari, key: string): KeputusanOrang {
  const k = ev.orang.get(key);
  if (!k) throw new Error(`no decision for ${key}`);
  return k;
}

/** For every key: lokasi and the id of the deciding rule. */
function lokasiDan(ev: EvaluasiHari, keys: readonly string[]) {
  return Object.fromEntries(
    keys.map((k) => [k, `${kep(ev, k).lokasi} ${kep(ev, k).sumber?.aturanId ?? '-'}`]),
  );
}

function aturan(k: Kebijakan, id: string): Aturan {
  const a = k.aturan.find((x) => x.id === id);
  if (!a) throw new Error(`no rule ${id}`);
  return a;
}

/** Who in the organisation a rule picks. */
function dipilihOleh(k: Kebijakan, id: string, org: PreparedOrg): string[] {
  const a = aturan(k, id);
  return org.pegawai.filter((p) => dipilih(a, p, org.units.get(p.opdId))).map((p) => p.key);
}

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('Kudus 2020 — SE Bupati 800/1566/28.00/2020', () => {
  const K = muat('kudus-2020.yaml');
  const org = prepareOrg({
    opd: [
      unit('DINKES', 'Dinas Kesehatan', 'dinas', { kelas: 'pelayanan', sektor: ['kesehatan'] }),
      unit('PKM-JEKULO', 'UPT Puskesmas Jekulo', 'puskesmas', { induk: 'DINKES' }),
      unit('LABKESDA', 'UPT Laboratorium Kesehatan Daerah', 'upt', { induk: 'DINKES' }),
      unit('RSUD', 'RSUD dr. Loekmono Hadi', 'rsud', { kelas: 'pelayanan', sektor: ['kesehatan'] }),
      unit('BPBD', 'Badan Penanggulangan Bencana Daerah', 'badan', {
        kelas: 'pelayanan',
        sektor: ['kebencanaan'],
      }),
      unit('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas', {
        kelas: 'pelayanan',
        sektor: ['kependudukan'],
      }),
      unit('DISDUKCAPIL-PDP', 'Bidang Pelayanan Pendaftaran Penduduk', 'lainnya', { induk: 'DISDUKCAPIL' }),
      unit('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'badan', { kelas: 'non_pelayanan' }),
    ],
    pegawai: [
      orang('dinkes-kepala', 'DINKES', 'jpt'),
      orang('dinkes-penyuluh-kesehatan', 'DINKES', 'fungsional'),
      orang('dinkes-staf', 'DINKES', 'pelaksana', 'pppk'),
      orang('pkm-dokter', 'PKM-JEKULO', 'fungsional'),
      orang('pkm-thl', 'PKM-JEKULO', 'pelaksana', 'non_asn'),
      orang('labkesda-analis', 'LABKESDA', 'fungsional'),
      orang('rsud-direktur', 'RSUD', 'jpt'),
      orang('rsud-perawat', 'RSUD', 'fungsional', 'pppk'),
      orang('bpbd-kalak', 'BPBD', 'jpt'),
      orang('bpbd-trc', 'BPBD', 'pelaksana'),
      orang('bpbd-thl', 'BPBD', 'pelaksana', 'non_asn'),
      orang('disdukcapil-kadis', 'DISDUKCAPIL', 'jpt'),
      orang('disdukcapil-sekdin', 'DISDUKCAPIL', 'administrator'),
      orang('disdukcapil-kabid', 'DISDUKCAPIL-PDP', 'administrator'),
      orang('disdukcapil-operator-1', 'DISDUKCAPIL-PDP', 'pelaksana'),
      orang('disdukcapil-operator-2', 'DISDUKCAPIL-PDP', 'pelaksana', 'pppk'),
      orang('bappeda-kepala', 'BAPPEDA', 'jpt'),
      orang('bappeda-kabid', 'BAPPEDA', 'administrator'),
      orang('bappeda-kasubbid', 'BAPPEDA', 'pengawas'),
      orang('bappeda-perencana', 'BAPPEDA', 'fungsional'),
      orang('bappeda-staf-pns', 'BAPPEDA', 'pelaksana'),
      orang('bappeda-staf-pppk', 'BAPPEDA', 'pelaksana', 'pppk'),
      orang('bappeda-staf-paruh-waktu', 'BAPPEDA', 'pelaksana', 'pppk_paruh_waktu'),
      orang('bappeda-thl', 'BAPPEDA', 'pelaksana', 'non_asn'),
    ],
  });
  const KESEHATAN_BPBD = ['DINKES', 'PKM-JEKULO', 'LABKESDA', 'RSUD', 'BPBD'];
  const OPD_WFH = ['DISDUKCAPIL', 'DISDUKCAPIL-PDP', 'BAPPEDA'];
  const KAMIS: IsoDate = '2020-03-26'; // the day of the article: first WFH day observed
  const ev = evaluateDay([K], org, KAMIS, KALENDER);

  it('Surat Edaran Bupati Kudus Nomor 800/1566/28.00/2020 tanggal 24 Maret 2020 tentang Petunjuk Teknis Pelaksanaan Sistem Kerja ASN', () => {
    expect(K).toMatchObject({
      id: 'kudus-2020-sistem-kerja-asn',
      versi: 1,
      jenis_dokumen: 'surat_edaran',
      nomor: '800/1566/28.00/2020',
      tanggal: '2020-03-24',
      penandatangan: { jabatan: 'Bupati Kudus' },
      status: 'aktif',
    });
    expect(K.judul).toContain('Petunjuk Teknis Pelaksanaan Sistem Kerja ASN');
    expect(K.fakta.some((f) => f.uraian.includes('Badan Kepegawaian, Pendidikan dan Pelatihan'))).toBe(true);
    expect(ev.kebijakan).toEqual([{ id: K.id, versi: 1, nomor: '800/1566/28.00/2020', judul: K.judul }]);
    // Every decision names the circular it comes from.
    for (const p of org.pegawai) expect(kep(ev, p.key).sumber?.nomor).toBe('800/1566/28.00/2020');
  });

  it('WFH tidak dilakukan pada Dinas Kesehatan, UPT Puskesmas, RSUD dr Loekmono Hadi, Laboratorium Kesehatan, Penyuluh Kesehatan dan BPBD', () => {
    const keys = keysOf(org, KESEHATAN_BPBD);
    expect(keys).toContain('dinkes-penyuluh-kesehatan');
    expect(keys).toHaveLength(11);
    for (const key of keys) {
      const d = kep(ev, key);
      expect(d.lokasi, key).toBe('WFO');
      expect(d.sumber?.aturanId, key).toBe('layanan-kesehatan-dan-bpbd-tidak-wfh');
      // …so they are not in any "50% at the office" group.
      expect(d.kelompok, key).toEqual([]);
      expect(
        d.pertimbangan.find((x) => x.sumber.aturanId === 'opd-wfh-maks-50-persen-di-kantor')?.dipakai,
        key,
      ).toBe(false);
    }
    expect(ev.kelompok.map((g) => g.grupKode)).not.toContain('DINKES');
  });

  it('OPD yang menjalankan WFH mengurangi 50 persen ASN bekerja di kantor (paling banyak 50% ASN di kantor)', () => {
    for (const key of keysOf(org, OPD_WFH)) {
      expect(kep(ev, key).lokasi, key).toBe('BEBAS');
      expect(kep(ev, key).sumber?.aturanId, key).toBe('opd-wfh-maks-50-persen-di-kantor');
    }
    expect(ev.kelompok.map((g) => [g.jenis, g.per, g.grupKode, g.anggota.length, g.maks])).toEqual([
      // per OPD, units included; 7 ASN → 3.5 → at most 3 (rounded down); 5 ASN → 2.5 → 2
      ['batas_kantor', 'opd', 'BAPPEDA', 7, 3],
      ['batas_kantor', 'opd', 'DISDUKCAPIL', 5, 2],
    ]);
    const disdukcapil = ev.kelompok.find((g) => g.grupKode === 'DISDUKCAPIL')!;
    expect([...disdukcapil.anggota].sort()).toEqual(keysOf(org, ['DISDUKCAPIL', 'DISDUKCAPIL-PDP']).sort());
    expect(disdukcapil.piketDihitung).toBe(true);
    // ASN only: the THL works by the schedule but is not counted in the 50%.
    const bappeda = ev.kelompok.find((g) => g.grupKode === 'BAPPEDA')!;
    expect(bappeda.anggota).not.toContain('bappeda-thl');
    expect(bappeda.anggota).toContain('bappeda-staf-paruh-waktu');
    expect(kep(ev, 'bappeda-thl').lokasi).toBe('BEBAS');
    expect(kep(ev, 'bappeda-thl').kelompok).toEqual([]);
    expect(kep(ev, 'bappeda-kepala').kelompok).toEqual([bappeda.id]);
  });

  it('soal pembagian beban kerja ditentukan kepala satuan kerjanya', () => {
    const a = aturan(K, 'kepala-satker-membagi-tugas-dan-evaluasi-harian');
    expect(a.hasil).toMatchObject({ jenis: 'pelaporan', kepala_unit_membagi_tugas: true });
    expect(dipilihOleh(K, a.id, org)).toEqual(org.pegawai.map((p) => p.key));
    // The split itself is the schedule's: inside an OPD in WFH nobody is fixed at home or at the office.
    for (const key of keysOf(org, OPD_WFH)) expect(kep(ev, key).lokasi).toBe('BEBAS');
  });

  it('setiap hari pelaksanaan WFH dievaluasi; masing-masing kepala satuan kerja melaporkan lingkup institusinya', () => {
    const a = aturan(K, 'kepala-satker-membagi-tugas-dan-evaluasi-harian');
    expect(a.hasil).toMatchObject({ jenis: 'pelaporan', evaluasi_harian_kepala_unit: true });
    // In force on every working day of the circular, for every unit.
    for (const d of ['2020-03-24', '2020-03-26', '2020-04-09']) {
      expect(evaluateDay([K], org, d, KALENDER).kebijakan.map((x) => x.id)).toEqual([K.id]);
    }
  });

  it('pegawai yang WFH melaporkan keberadaannya setiap dua jam melalui aplikasi shareloc', () => {
    const jumat = evaluateDay([K], org, '2020-03-27', KALENDER);
    for (const p of org.pegawai) {
      expect(kep(ev, p.key).absensi.WFH, p.key).toEqual({
        metode: 'lokasi_berkala',
        setiapJam: 2,
        dari: '07:30',
        sampai: '16:00',
        sumber: expect.objectContaining({ aturanId: 'absensi-wfh-lokasi-dua-jam-wfo-piket-elektronik' }),
      });
      // within working hours: Friday ends at 16:30 (Perpres 21/2023 calendar)
      expect(kep(jumat, p.key).absensi.WFH).toMatchObject({ dari: '07:30', sampai: '16:30', setiapJam: 2 });
    }
  });

  it('ASN yang WFH tidak melakukan perekaman absensi elektronik; yang tidak WFH dan piket (shift) tetap absen elektronik sesuai ketentuan jam kerja', () => {
    const src = expect.objectContaining({ aturanId: 'absensi-wfh-lokasi-dua-jam-wfo-piket-elektronik' });
    for (const p of org.pegawai) {
      const d = kep(ev, p.key);
      expect(d.absensi.WFO, p.key).toEqual({ metode: 'elektronik', sumber: src });
      expect(d.absensi.PIKET, p.key).toEqual({ metode: 'elektronik', sumber: src });
      expect(d.absensi.WFH.metode, p.key).not.toBe('elektronik');
      // "sesuai ketentuan jam kerja": the Pemda's hours, no special hours in this circular
      expect(d.jamKerja, p.key).toEqual({
        mulai: '07:30',
        selesai: '16:00',
        istirahatMenit: 60,
        sumber: null,
      });
    }
    expect(aturan(K, 'absensi-wfh-lokasi-dua-jam-wfo-piket-elektronik').hasil).toMatchObject({
      dalam_jam_kerja: true,
    });
  });

  it('kehadiran di SIHadir: keterangan WFH diisi admin SIHadir masing-masing OPD sesuai Rekapitulasi Jadwal', () => {
    const a = aturan(K, 'kepala-satker-membagi-tugas-dan-evaluasi-harian');
    expect(a.hasil).toMatchObject({ jenis: 'pelaporan', rekap_jadwal_oleh_admin_opd: true });
    expect(dipilihOleh(K, a.id, org)).toHaveLength(org.pegawai.length);
    // The recap is the schedule: people in an OPD in WFH are placed by it (BEBAS), within the cap.
    expect(keysOf(org, OPD_WFH).every((k) => kep(ev, k).lokasi === 'BEBAS')).toBe(true);
  });

  it('pelayanan publik jalan terus: Disdukcapil melayani daring, kecuali pengambilan dokumen kependudukan yang dilegalisir', () => {
    const a = aturan(K, 'disdukcapil-layanan-daring');
    expect(a.hasil).toEqual({
      jenis: 'layanan_publik',
      mode: 'daring',
      kecuali: 'pengambilan dokumen kependudukan yang dilegalisir',
    });
    expect(dipilihOleh(K, a.id, org).sort()).toEqual(keysOf(org, ['DISDUKCAPIL', 'DISDUKCAPIL-PDP']).sort());
    // Not closed: Disdukcapil staff are not all sent home; up to 50% of its ASN stay at the office.
    for (const key of keysOf(org, ['DISDUKCAPIL', 'DISDUKCAPIL-PDP'])) {
      expect(kep(ev, key).lokasi).toBe('BEBAS');
    }
  });

  it('kebijakan diberlakukan sejak 24 Maret 2020 hingga 9 April 2020', () => {
    const staf = 'bappeda-staf-pns';
    const pada = (d: IsoDate) => evaluateDay([K], org, d, KALENDER);
    // the day before the circular: an ordinary office day
    expect(lokasiDan(pada('2020-03-23'), [staf])).toEqual({ [staf]: 'WFO -' });
    expect(pada('2020-03-23').kebijakan).toEqual([]);
    // first and last day
    expect(lokasiDan(pada('2020-03-24'), [staf])).toEqual({
      [staf]: 'BEBAS opd-wfh-maks-50-persen-di-kantor',
    });
    expect(lokasiDan(pada('2020-04-09'), [staf])).toEqual({
      [staf]: 'BEBAS opd-wfh-maks-50-persen-di-kantor',
    });
    // 25 March 2020 (Nyepi) is a holiday inside the period: nobody works
    expect(pada('2020-03-25').hariKerja).toBe(false);
    expect(lokasiDan(pada('2020-03-25'), [staf])).toEqual({ [staf]: 'LIBUR -' });
    // the day after the end, 10 April 2020, is Good Friday; the next working day is back to normal
    const sesudah = pada('2020-04-10');
    expect(sesudah.kebijakan).toEqual([]);
    expect(lokasiDan(sesudah, [staf, 'dinkes-kepala'])).toEqual({
      [staf]: 'LIBUR -',
      'dinkes-kepala': 'LIBUR -',
    });
    const senin = pada('2020-04-13');
    expect(senin.kebijakan).toEqual([]);
    for (const p of org.pegawai) expect(lokasiDan(senin, [p.key])).toEqual({ [p.key]: 'WFO -' });
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('Batu 2020 — Surat Pemberitahuan 800/2475/422.202/2020 (12 Agustus, direvisi 13 Agustus 2020)', () => {
  const V1 = muat('batu-2020.v1.yaml');
  const V2 = muat('batu-2020.v2.yaml');
  /** Version 1 as it was announced on 12 August, before the revision replaced it. */
  const V1_SEMULA: Kebijakan = { ...V1, status: 'aktif' };
  const org = prepareOrg({
    opd: [
      // service units (kelas pelayanan)
      unit('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas', {
        kelas: 'pelayanan',
        sektor: ['kependudukan'],
      }),
      unit('DISDUKCAPIL-PDP', 'Bidang Pelayanan Pendaftaran Penduduk', 'lainnya', { induk: 'DISDUKCAPIL' }),
      unit('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'dinas', {
        kelas: 'pelayanan',
      }),
      // non-service units, among them those the article names
      unit('SETDA', 'Sekretariat Daerah', 'sekretariat', { kelas: 'non_pelayanan' }),
      unit('BAG-UMUM', 'Bagian Umum', 'bagian', { induk: 'SETDA' }),
      unit('BAG-KESRA', 'Bagian Kesejahteraan Masyarakat', 'bagian', { induk: 'SETDA' }),
      unit('DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'dinas', { kelas: 'non_pelayanan' }),
      unit('KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', 'badan', { kelas: 'non_pelayanan' }),
      unit(
        'DP3AP2KB',
        'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB',
        'dinas',
        {
          kelas: 'non_pelayanan',
        },
      ),
      unit('DISPUSIP', 'Dinas Perpustakaan dan Kearsipan', 'dinas', { kelas: 'non_pelayanan' }),
    ],
    pegawai: [
      orang('disdukcapil-kadis', 'DISDUKCAPIL', 'jpt'),
      orang('disdukcapil-sekdin', 'DISDUKCAPIL', 'administrator'),
      orang('disdukcapil-staf', 'DISDUKCAPIL', 'pelaksana'),
      orang('disdukcapil-kabid', 'DISDUKCAPIL-PDP', 'administrator'),
      orang('disdukcapil-operator-1', 'DISDUKCAPIL-PDP', 'pelaksana'),
      orang('disdukcapil-operator-2', 'DISDUKCAPIL-PDP', 'pelaksana', 'pppk'),
      orang('disdukcapil-thl', 'DISDUKCAPIL-PDP', 'pelaksana', 'non_asn'),
      orang('dpmptsp-kadis', 'DPMPTSP', 'jpt'),
      orang('dpmptsp-front-office', 'DPMPTSP', 'pelaksana'),
      orang('dpmptsp-thl', 'DPMPTSP', 'pelaksana', 'non_asn'),
      orang('sekda', 'SETDA', 'jpt'),
      orang('umum-kabag', 'BAG-UMUM', 'administrator'),
      orang('umum-staf', 'BAG-UMUM', 'pelaksana'),
      orang('umum-thl', 'BAG-UMUM', 'pelaksana', 'non_asn'),
      orang('kesra-kasubbag', 'BAG-KESRA', 'pengawas'),
      orang('diskominfo-pranata-komputer', 'DISKOMINFO', 'fungsional'),
      orang('kesbangpol-staf', 'KESBANGPOL', 'pelaksana', 'pppk'),
      orang('dp3ap2kb-penyuluh-kb', 'DP3AP2KB', 'fungsional'),
      orang('dispusip-arsiparis', 'DISPUSIP', 'fungsional'),
    ],
  });
  const PELAYANAN = ['DISDUKCAPIL', 'DISDUKCAPIL-PDP', 'DPMPTSP'];
  const NON_PELAYANAN = [
    'SETDA',
    'BAG-UMUM',
    'BAG-KESRA',
    'DISKOMINFO',
    'KESBANGPOL',
    'DP3AP2KB',
    'DISPUSIP',
  ];
  const SELASA: IsoDate = '2020-08-18';
  const ev = evaluateDay([V1, V2], org, SELASA, KALENDER);

  it('surat pemberitahuan Nomor 800/2475/422.202/2020 ditandatangani Sekretaris Daerah Zadim Effisiensi pada 12 Agustus 2020', () => {
    expect(V1).toMatchObject({
      id: 'batu-2020-wfh-asn',
      versi: 1,
      jenis_dokumen: 'surat_pemberitahuan',
      nomor: '800/2475/422.202/2020',
      tanggal: '2020-08-12',
      penandatangan: { jabatan: 'Sekretaris Daerah Kota Batu', nama: 'Zadim Effisiensi' },
    });
  });

  it('surat direvisi (13 Agustus 2020) dengan mempertimbangkan masukan Dinkes: versi 2 menggantikan versi 1, keduanya tetap tercatat', () => {
    expect(V1).toMatchObject({ versi: 1, status: 'diganti', tanggal: '2020-08-12' });
    expect(V2).toMatchObject({
      id: V1.id,
      versi: 2,
      status: 'aktif',
      nomor: V1.nomor,
      tanggal: '2020-08-13',
      penandatangan: V1.penandatangan,
    });
    expect(V1.alasan_revisi).toBeUndefined();
    expect(V2.alasan_revisi).toContain('masukan Dinas Kesehatan');
    expect(V2.alasan_revisi).toContain('unit non pelayanan');
    expect(V2.alasan_revisi).toContain('Kepmenkes HK.01.07/Menkes/328/2020');
    // Same dates in both versions: the revision came before the first day.
    expect(V1.berlaku.tanggal).toEqual(['2020-08-18', '2020-08-19', '2020-08-21']);
    expect(V2.berlaku.tanggal).toEqual(V1.berlaku.tanggal);
    expect(V2.tanggal < V2.berlaku.tanggal![0]!).toBe(true);
    // On 18 August only version 2 is in force: service units are not sent home.
    expect(ev.kebijakan).toEqual([{ id: V2.id, versi: 2, nomor: V2.nomor, judul: V2.judul }]);
    for (const key of keysOf(org, PELAYANAN)) {
      expect(kep(ev, key).lokasi, key).not.toBe('WFH');
      expect(kep(ev, key).sumber?.versi, key).toBe(2);
    }
    for (const p of org.pegawai) expect(kep(ev, p.key).sumber?.versi).toBe(2);
    // Order of the versions given does not matter.
    expect(evaluateDay([V2, V1], org, SELASA, KALENDER)).toEqual(ev);
  });

  it('rencana awal: WFH seluruh ASN dan pegawai Kota Batu pada 18, 19 dan 21 Agustus 2020 (versi 1, diganti sebelum berlaku)', () => {
    // As announced, version 1 sent everyone home, ASN and THL, service units too…
    const semula = evaluateDay([V1_SEMULA], org, SELASA, KALENDER);
    for (const p of org.pegawai) {
      // the disinfection closure sends everyone home; the WFH rule says the same
      expect(lokasiDan(semula, [p.key])).toEqual({ [p.key]: 'WFH penyemprotan-disinfektan-total' });
      expect(kep(semula, p.key).pertimbangan.map((x) => x.sumber.aturanId)).toContain(
        'seluruh-asn-dan-pegawai-wfh',
      );
    }
    // …but it was replaced before it started: on record it affects nobody.
    const tercatat = evaluateDay([V1], org, SELASA, KALENDER);
    expect(tercatat.kebijakan).toEqual([]);
    for (const p of org.pegawai) expect(lokasiDan(tercatat, [p.key])).toEqual({ [p.key]: 'WFO -' });
  });

  it('WFH itu bukan untuk meliburkan ASN dan pegawai: tetap bekerja sesuai tugas layaknya di kantor (versi 1)', () => {
    const semula = evaluateDay([V1_SEMULA], org, SELASA, KALENDER);
    for (const p of org.pegawai) {
      const d = kep(semula, p.key);
      expect(d.lokasi).toBe('WFH');
      expect(d.jamKerja).toEqual({ mulai: '07:30', selesai: '16:00', istirahatMenit: 60, sumber: null });
    }
    expect(aturan(V1, 'seluruh-asn-dan-pegawai-wfh').keterangan).toContain('bukan libur');
  });

  it('WFH dimanfaatkan dengan melakukan penyemprotan disinfektan secara total (versi 1)', () => {
    const semula = evaluateDay([V1_SEMULA], org, SELASA, KALENDER);
    expect(aturan(V1, 'penyemprotan-disinfektan-total').hasil).toEqual({
      jenis: 'penutupan_kantor',
      alasan: 'penyemprotan disinfektan total',
    });
    for (const p of org.pegawai) {
      const t = kep(semula, p.key).pertimbangan.find(
        (x) => x.sumber.aturanId === 'penyemprotan-disinfektan-total',
      );
      expect(t, p.key).toMatchObject({ jenis: 'penutupan_kantor' });
    }
  });

  it('pelayanan kepada masyarakat tetap dilakukan: administrasi kependudukan Disdukcapil secara daring (versi 1)', () => {
    expect(aturan(V1, 'layanan-daring').hasil).toEqual({ jenis: 'layanan_publik', mode: 'daring' });
    expect(dipilihOleh(V1, 'layanan-daring', org)).toEqual(
      expect.arrayContaining(keysOf(org, ['DISDUKCAPIL'])),
    );
  });

  it('kerja dari rumah dilakukan secara penuh hanya bagi ASN pada unit non pelayanan', () => {
    for (const key of keysOf(org, NON_PELAYANAN)) {
      // at home all day; the room sterilisation (a closure) is what the decision names, the full-WFH
      // rule is listed with it
      expect(kep(ev, key).lokasi).toBe('WFH');
      expect(kep(ev, key).pertimbangan.map((x) => x.sumber.aturanId)).toEqual(
        expect.arrayContaining(['sterilisasi-ruangan-non-pelayanan', 'non-pelayanan-wfh-penuh']),
      );
      expect(kep(ev, key).kelompok).toEqual([]);
    }
    for (const key of keysOf(org, PELAYANAN)) expect(kep(ev, key).lokasi).not.toBe('WFH');
  });

  it('ASN di unit pelayanan tetap bertugas tetapi dengan pembatasan jumlah ASN yang masuk', () => {
    for (const key of keysOf(org, PELAYANAN)) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'BEBAS pelayanan-jumlah-dibatasi' });
    }
    // per unit, 50% rounded down (the article gives no figure; 50% is the example's)
    expect(ev.kelompok.map((g) => [g.jenis, g.per, g.grupKode, g.anggota.length, g.maks])).toEqual([
      ['batas_kantor', 'unit', 'DISDUKCAPIL', 3, 1],
      ['batas_kantor', 'unit', 'DISDUKCAPIL-PDP', 4, 2],
      ['batas_kantor', 'unit', 'DPMPTSP', 3, 1],
    ]);
    for (const g of ev.kelompok)
      expect(g.sumber).toMatchObject({ aturanId: 'pelayanan-jumlah-dibatasi', versi: 2 });
  });

  it('pembatasan di unit pelayanan termasuk jam kerja', () => {
    for (const key of keysOf(org, PELAYANAN)) {
      expect(kep(ev, key).jamKerja).toEqual({
        mulai: '08:00',
        selesai: '13:00',
        istirahatMenit: 0,
        sumber: expect.objectContaining({ aturanId: 'pelayanan-jam-kerja-dibatasi' }),
      });
    }
    for (const key of keysOf(org, NON_PELAYANAN)) {
      expect(kep(ev, key).jamKerja).toEqual({
        mulai: '07:30',
        selesai: '16:00',
        istirahatMenit: 60,
        sumber: null,
      });
    }
  });

  it('surat pernyataan: selama kerja dari rumah ASN tidak boleh keluar rumah atau harus diisolasi untuk tetap di rumah', () => {
    for (const p of org.pegawai) {
      expect(kep(ev, p.key).kewajibanWfh).toMatchObject({
        suratPernyataan: true,
        tetapDiRumah: true,
        sumber: [expect.objectContaining({ aturanId: 'wfh-surat-pernyataan-dan-target-terukur', versi: 2 })],
      });
    }
  });

  it('para ASN melaksanakan kerja di rumah dengan diikuti target kinerja atau hasil yang terukur', () => {
    for (const p of org.pegawai) expect(kep(ev, p.key).kewajibanWfh.targetKinerja).toBe(true);
    // version 1 asked nothing of the kind
    const semula = evaluateDay([V1_SEMULA], org, SELASA, KALENDER);
    for (const p of org.pegawai) {
      expect(kep(semula, p.key).kewajibanWfh).toMatchObject({ targetKinerja: false, suratPernyataan: false });
    }
  });

  it('selama kerja dari rumah akan dilakukan sterilisasi ruangan', () => {
    for (const key of keysOf(org, NON_PELAYANAN)) {
      const t = kep(ev, key).pertimbangan.find(
        (x) => x.sumber.aturanId === 'sterilisasi-ruangan-non-pelayanan',
      );
      expect(t, key).toMatchObject({ jenis: 'penutupan_kantor' });
      expect(kep(ev, key).lokasi).toBe('WFH');
    }
    for (const key of keysOf(org, PELAYANAN)) {
      expect(kep(ev, key).pertimbangan.map((x) => x.sumber.aturanId)).not.toContain(
        'sterilisasi-ruangan-non-pelayanan',
      );
    }
  });

  it('ASN tidak libur dan memberi pelayanan melalui online selama bekerja di rumah', () => {
    expect(aturan(V2, 'layanan-tetap-daring').hasil).toEqual({ jenis: 'layanan_publik', mode: 'daring' });
    expect(dipilihOleh(V2, 'layanan-tetap-daring', org).sort()).toEqual(keysOf(org, NON_PELAYANAN).sort());
    for (const p of org.pegawai) {
      expect(kep(ev, p.key).lokasi).not.toBe('LIBUR');
      expect(kep(ev, p.key).jamKerja).not.toBeNull();
    }
  });

  it('berlaku pada 18, 19 dan 21 Agustus 2020, tidak pada 20 Agustus (libur Tahun Baru Islam)', () => {
    const staf = 'umum-staf';
    const pada = (d: IsoDate) => evaluateDay([V1, V2], org, d, KALENDER);
    for (const d of ['2020-08-18', '2020-08-19']) {
      expect(pada(d).kebijakan.map((k) => k.versi)).toEqual([2]);
      expect(lokasiDan(pada(d), [staf])).toEqual({ [staf]: 'WFH sterilisasi-ruangan-non-pelayanan' });
    }
    // 17 August (Independence Day) and 20 August (1 Muharram) are holidays and not in the list
    for (const d of ['2020-08-17', '2020-08-20']) {
      expect(pada(d).kebijakan).toEqual([]);
      expect(lokasiDan(pada(d), [staf])).toEqual({ [staf]: 'LIBUR -' });
    }
    // 21 August 2020 was decreed cuti bersama (SKB revisi 1, Keppres 17/2020), but the notice names it
    // as a WFH day: the policy says termasuk_libur, so it applies on the decreed calendar too.
    const d21 = pada('2020-08-21');
    expect(d21.hariKerja).toBe(false);
    expect(d21.keteranganHari.id).toContain('cuti bersama');
    expect(d21.kebijakan.map((k) => k.versi)).toEqual([2]);
    expect(kep(d21, staf).lokasi).toBe('WFH');
    expect(periksaKebijakan(V2, org, KALENDER).filter((t) => t.kode === 'BUKAN_HARI_KERJA')).toEqual([]);
    // the next working day, 24 August: back to the office
    const senin = pada('2020-08-24');
    expect(senin.kebijakan).toEqual([]);
    for (const p of org.pegawai) expect(lokasiDan(senin, [p.key])).toEqual({ [p.key]: 'WFO -' });
  });

  it('ASN dan THL Pemkot Batu terkonfirmasi positif 22 orang, meninggal 4 orang (data sampai 14 Agustus 2020)', () => {
    for (const k of [V1, V2]) {
      expect(k.fakta).toContainEqual(
        expect.objectContaining({ per_tanggal: '2020-08-14', kasus_positif: 22, meninggal: 4 }),
      );
    }
    expect(
      V1.fakta.some((f) => f.uraian.includes('hanya pada OPD yang didapati ASN terkonfirmasi positif')),
    ).toBe(true);
    expect(V2.fakta.some((f) => f.uraian.includes('Balai Kota Among Tani'))).toBe(true);
  });

  it('sesuai surat Kepala Dinas Kesehatan 440/3174/422.107/2020 (13 Agustus) dan Kepmenkes HK.01.07/Menkes/328/2020', () => {
    const rekomendasi = expect.objectContaining({
      jenis: 'rekomendasi',
      nomor: '440/3174/422.107/2020',
      tanggal: '2020-08-13',
      penerbit: 'Kepala Dinas Kesehatan Kota Batu',
    });
    expect(V1.dasar).toContainEqual(rekomendasi);
    expect(V2.dasar).toContainEqual(rekomendasi);
    expect(V2.dasar).toContainEqual(
      expect.objectContaining({ jenis: 'nasional', nomor: 'Kepmenkes HK.01.07/Menkes/328/2020' }),
    );
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('Bogor 2021 — WFH 100 persen ASN Pemkot Bogor (Wali Kota Bima Arya, 29 Juni – 6 Juli 2021)', () => {
  const K = muat('bogor-2021.yaml');
  const org = prepareOrg({
    opd: [
      unit('DLH', 'Dinas Lingkungan Hidup', 'dinas', { kelas: 'pelayanan', sektor: ['kebersihan'] }),
      unit('BPBD', 'Badan Penanggulangan Bencana Daerah', 'badan', {
        kelas: 'pelayanan',
        sektor: ['kebencanaan'],
      }),
      unit('DINKES', 'Dinas Kesehatan', 'dinas', { kelas: 'pelayanan', sektor: ['kesehatan'] }),
      unit('PKM-BOGOR-TENGAH', 'UPT Puskesmas Bogor Tengah', 'puskesmas', { induk: 'DINKES' }),
      unit('DISHUB', 'Dinas Perhubungan', 'dinas', { kelas: 'pelayanan', sektor: ['perhubungan'] }),
      unit('DISHUB-SEKRETARIAT', 'Sekretariat Dinas Perhubungan', 'sekretariat', { induk: 'DISHUB' }),
      unit('DISHUB-UPT-LLAJ', 'UPTD Pengendalian Lalu Lintas (petugas lapangan)', 'upt', { induk: 'DISHUB' }),
      unit('SETDA', 'Sekretariat Daerah (Balai Kota)', 'sekretariat', { kelas: 'non_pelayanan' }),
      unit('DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'dinas', { kelas: 'non_pelayanan' }),
      unit('DISPARBUD', 'Dinas Kebudayaan dan Pariwisata', 'dinas', { kelas: 'non_pelayanan' }),
    ],
    pegawai: [
      orang('dlh-kadis', 'DLH', 'jpt'),
      orang('dlh-pengawas-kebersihan', 'DLH', 'pengawas'),
      orang('dlh-petugas-sampah-thl', 'DLH', 'pelaksana', 'non_asn'),
      orang('bpbd-kalak', 'BPBD', 'jpt'),
      orang('bpbd-trc', 'BPBD', 'pelaksana'),
      orang('dinkes-kadis', 'DINKES', 'jpt'),
      orang('dinkes-epidemiolog', 'DINKES', 'fungsional'),
      orang('pkm-perawat', 'PKM-BOGOR-TENGAH', 'fungsional', 'pppk'),
      orang('dishub-kadis', 'DISHUB', 'jpt'),
      orang('dishub-sekretaris', 'DISHUB-SEKRETARIAT', 'administrator'),
      orang('dishub-staf-kantor', 'DISHUB-SEKRETARIAT', 'pelaksana'),
      orang('dishub-petugas-lapangan', 'DISHUB-UPT-LLAJ', 'pelaksana'),
      orang('dishub-petugas-lapangan-thl', 'DISHUB-UPT-LLAJ', 'pelaksana', 'non_asn'),
      orang('sekda', 'SETDA', 'jpt'),
      orang('setda-staf', 'SETDA', 'pelaksana', 'pppk'),
      orang('diskominfo-kadis', 'DISKOMINFO', 'jpt'),
      orang('diskominfo-pranata-humas', 'DISKOMINFO', 'fungsional'),
      orang('diskominfo-thl', 'DISKOMINFO', 'pelaksana', 'non_asn'),
      orang('disparbud-staf', 'DISPARBUD', 'pelaksana'),
    ],
  });
  const SELASA: IsoDate = '2021-06-29';
  const ev = evaluateDay([K], org, SELASA, KALENDER);
  const DI_RUMAH = ['SETDA', 'DISKOMINFO', 'DISPARBUD', 'DISHUB', 'DISHUB-SEKRETARIAT'];

  it('"semua bekerja dari rumah": WFH 100 persen bagi ASN di dinas-dinas yang tidak berhubungan langsung dengan pelayanan publik', () => {
    const keys = keysOf(org, DI_RUMAH);
    for (const key of keys) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFH semua-lainnya-wfh' });
    }
    // 100%: no cap that would let some of them come in
    expect(ev.kelompok.filter((g) => g.jenis !== 'piket')).toEqual([]);
  });

  it('pelayanan sampah tidak mungkin berhenti', () => {
    for (const key of keysOf(org, ['DLH'])) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFO layanan-mendasar-tetap-masuk' });
    }
  });

  it('bencana darurat pun harus selalu standby', () => {
    for (const key of keysOf(org, ['BPBD'])) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFO layanan-mendasar-tetap-masuk' });
    }
  });

  it('petugas Dinas Kesehatan harus selalu ada', () => {
    const keys = keysOf(org, ['DINKES', 'PKM-BOGOR-TENGAH']);
    expect(keys).toContain('pkm-perawat');
    for (const key of keys) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFO layanan-mendasar-tetap-masuk' });
    }
  });

  it('Dishub yang di lapangan harus selalu ada; Dishub di kantor bekerja dari rumah', () => {
    for (const key of keysOf(org, ['DISHUB-UPT-LLAJ'])) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFO layanan-mendasar-tetap-masuk' });
    }
    for (const key of keysOf(org, ['DISHUB', 'DISHUB-SEKRETARIAT'])) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFH semua-lainnya-wfh' });
    }
  });

  it('semua kantor dinas menunjuk piket yang terus memonitor koordinasi dengan pemerintah pusat dan provinsi', () => {
    const piket = ev.kelompok.filter((g) => g.jenis === 'piket');
    // one group per OPD whose staff went home; the services that stay in need none
    expect(piket.map((g) => [g.per, g.grupKode, g.jumlahPiket])).toEqual([
      ['opd', 'DISHUB', 1],
      ['opd', 'DISKOMINFO', 1],
      ['opd', 'DISPARBUD', 1],
      ['opd', 'SETDA', 1],
    ]);
    for (const g of piket) expect(g.sumber.aturanId).toBe('setiap-kantor-menunjuk-piket');
    const dishub = piket.find((g) => g.grupKode === 'DISHUB')!;
    expect([...dishub.anggota].sort()).toEqual(
      keysOf(org, ['DISHUB', 'DISHUB-SEKRETARIAT', 'DISHUB-UPT-LLAJ']).sort(),
    );
    // ASN may be appointed; casual staff (THL) may not
    expect(dishub.bolehPiket).not.toContain('dishub-petugas-lapangan-thl');
    expect(dishub.bolehPiket).toContain('dishub-staf-kantor');
    expect(piket.find((g) => g.grupKode === 'DISKOMINFO')!.bolehPiket).toEqual([
      'diskominfo-kadis',
      'diskominfo-pranata-humas',
    ]);
    for (const key of keysOf(org, DI_RUMAH)) expect(kep(ev, key).kelompok).toHaveLength(1);
    for (const key of keysOf(org, ['DLH', 'BPBD', 'DINKES', 'PKM-BOGOR-TENGAH'])) {
      expect(kep(ev, key).kelompok).toEqual([]);
    }
    expect(aturan(K, 'setiap-kantor-menunjuk-piket').hasil).toMatchObject({
      tugas: 'memonitor koordinasi dengan pemerintah provinsi dan pusat',
    });
  });

  it('yang di rumah tidak boleh keluar kecuali ada hal-hal yang mendesak, dan semua harus laporan', () => {
    for (const p of org.pegawai) {
      expect(kep(ev, p.key).kewajibanWfh).toEqual({
        suratPernyataan: false,
        targetKinerja: false,
        tetapDiRumah: true,
        laporHarian: true,
        sumber: [expect.objectContaining({ aturanId: 'di-rumah-tidak-keluar-dan-melapor' })],
      });
    }
  });

  it('berlaku mulai Selasa 29 Juni sampai Selasa 6 Juli 2021, sambil melihat perkembangan', () => {
    const staf = 'disparbud-staf';
    const pada = (d: IsoDate) => evaluateDay([K], org, d, KALENDER);
    expect(lokasiDan(pada('2021-06-28'), [staf])).toEqual({ [staf]: 'WFO -' });
    expect(lokasiDan(pada('2021-06-29'), [staf])).toEqual({ [staf]: 'WFH semua-lainnya-wfh' });
    expect(lokasiDan(pada('2021-07-03'), [staf])).toEqual({ [staf]: 'LIBUR -' }); // Saturday
    expect(lokasiDan(pada('2021-07-06'), [staf])).toEqual({ [staf]: 'WFH semua-lainnya-wfh' });
    const rabu = pada('2021-07-07');
    expect(rabu.kebijakan).toEqual([]);
    for (const p of org.pegawai) expect(lokasiDan(rabu, [p.key])).toEqual({ [p.key]: 'WFO -' });
    expect(K.berlaku).toMatchObject({ dari: '2021-06-29', sampai: '2021-07-06' });
  });

  it('lonjakan 1.833 orang positif dalam sepekan dan 42 ASN terkonfirmasi positif; diumumkan Wali Kota Bima Arya', () => {
    expect(K).toMatchObject({
      id: 'bogor-2021-wfh-100',
      jenis_dokumen: 'arahan_lisan',
      nomor: '-',
      penandatangan: { jabatan: 'Wali Kota Bogor', nama: 'Bima Arya Sugiarto' },
      status: 'aktif',
    });
    expect(K.fakta.map((f) => f.kasus_positif)).toEqual([1833, 42]);
    expect(K.fakta[1]!.uraian).toContain('ASN');
    expect(ev.kebijakan).toEqual([{ id: K.id, versi: 1, nomor: '-', judul: K.judul }]);
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('Pasuruan 2022 — WFH 50 persen ASN tingkat staf (instruksi Bupati, Februari 2022)', () => {
  const K = muat('pasuruan-2022.yaml');
  const org = prepareOrg({
    opd: [
      unit('RSUD', 'RSUD Bangil', 'rsud', { kelas: 'pelayanan', sektor: ['kesehatan'] }),
      unit('DINKES', 'Dinas Kesehatan', 'dinas', { kelas: 'pelayanan', sektor: ['kesehatan'] }),
      unit('DISHUB', 'Dinas Perhubungan', 'dinas', { kelas: 'pelayanan', sektor: ['perhubungan'] }),
      unit('SATPOLPP', 'Satuan Polisi Pamong Praja', 'lainnya', {
        kelas: 'pelayanan',
        sektor: ['ketertiban'],
      }),
      unit('BPBD', 'Badan Penanggulangan Bencana Daerah', 'badan', {
        kelas: 'pelayanan',
        sektor: ['kebencanaan'],
      }),
      unit('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'dinas', {
        kelas: 'pelayanan',
      }),
      unit('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas', {
        kelas: 'pelayanan',
        sektor: ['kependudukan'],
      }),
      unit('BAPPELITBANGDA', 'Badan Perencanaan, Penelitian dan Pengembangan Daerah', 'badan', {
        kelas: 'non_pelayanan',
      }),
      unit('BAPPELITBANGDA-EKO', 'Bidang Perekonomian', 'lainnya', { induk: 'BAPPELITBANGDA' }),
    ],
    pegawai: [
      orang('rsud-direktur', 'RSUD', 'jpt'),
      orang('rsud-perawat', 'RSUD', 'fungsional', 'pppk'),
      orang('rsud-staf', 'RSUD', 'pelaksana'),
      orang('rsud-thl', 'RSUD', 'pelaksana', 'non_asn'),
      orang('dinkes-kadis', 'DINKES', 'jpt'),
      orang('dinkes-staf', 'DINKES', 'pelaksana'),
      orang('dishub-staf', 'DISHUB', 'pelaksana'),
      orang('satpolpp-anggota', 'SATPOLPP', 'pelaksana'),
      orang('bpbd-staf', 'BPBD', 'pelaksana', 'pppk'),
      orang('dpmptsp-kadis', 'DPMPTSP', 'jpt'),
      orang('dpmptsp-kabid', 'DPMPTSP', 'administrator'),
      orang('dpmptsp-kasi', 'DPMPTSP', 'pengawas'),
      orang('dpmptsp-staf-1', 'DPMPTSP', 'pelaksana'),
      orang('dpmptsp-staf-2', 'DPMPTSP', 'pelaksana'),
      orang('dpmptsp-staf-3', 'DPMPTSP', 'pelaksana'),
      orang('dpmptsp-staf-4', 'DPMPTSP', 'pelaksana'),
      orang('dpmptsp-staf-pppk', 'DPMPTSP', 'pelaksana', 'pppk'),
      orang('dpmptsp-thl', 'DPMPTSP', 'pelaksana', 'non_asn'),
      orang('disdukcapil-staf-1', 'DISDUKCAPIL', 'pelaksana'),
      orang('disdukcapil-staf-2', 'DISDUKCAPIL', 'pelaksana'),
      orang('disdukcapil-staf-3', 'DISDUKCAPIL', 'pelaksana'),
      orang('bappelitbangda-kepala', 'BAPPELITBANGDA', 'jpt'),
      orang('bappelitbangda-sekretaris', 'BAPPELITBANGDA', 'administrator'),
      orang('bappelitbangda-kasubbag', 'BAPPELITBANGDA', 'pengawas'),
      orang('bappelitbangda-perencana', 'BAPPELITBANGDA', 'fungsional'),
      orang('bappelitbangda-staf-1', 'BAPPELITBANGDA', 'pelaksana'),
      orang('bappelitbangda-staf-2', 'BAPPELITBANGDA', 'pelaksana'),
      orang('bappelitbangda-staf-3', 'BAPPELITBANGDA', 'pelaksana', 'pppk'),
      orang('eko-staf-1', 'BAPPELITBANGDA-EKO', 'pelaksana'),
      orang('eko-staf-2', 'BAPPELITBANGDA-EKO', 'pelaksana'),
    ],
  });
  const JUMAT: IsoDate = '2022-02-11';
  const ev = evaluateDay([K], org, JUMAT, KALENDER);
  const SEKTOR_DARURAT = ['RSUD', 'DINKES', 'DISHUB', 'SATPOLPP', 'BPBD'];
  const PEJABAT: JabatanLevel[] = ['jpt', 'administrator', 'pengawas', 'fungsional'];

  it('WFH 50 persen hanya untuk ASN di tingkat staf atau pelaksana', () => {
    const staf = keysOf(org, ['BAPPELITBANGDA', 'BAPPELITBANGDA-EKO']).filter(
      (k) => org.byKey.get(k)!.jabatanLevel === 'pelaksana',
    );
    expect(staf).toHaveLength(5);
    for (const key of staf)
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'BEBAS staf-pelaksana-wfh-50-persen' });
    const g = ev.kelompok.find((x) => x.grupKode === 'BAPPELITBANGDA')!;
    // per OPD, its units included: 5 staff → 2.5 → at most 2 at the office, so at least half at home
    expect(g).toMatchObject({ jenis: 'batas_kantor', per: 'opd', maks: 2 });
    expect([...g.anggota].sort()).toEqual(staf.sort());
    expect(g.sumber.aturanId).toBe('staf-pelaksana-wfh-50-persen');
  });

  it('pejabat tinggi, administrator, pengawas serta pejabat fungsional tetap WFO; Kepala OPD tetap bekerja di kantor', () => {
    const pejabat = org.pegawai
      .filter((p) => PEJABAT.includes(p.jabatanLevel) && !SEKTOR_DARURAT.includes(p.opdId))
      .map((p) => p.key);
    expect(pejabat).toEqual(expect.arrayContaining(['dpmptsp-kadis', 'bappelitbangda-kepala']));
    for (const key of pejabat) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFO pejabat-dan-fungsional-tetap-wfo' });
      expect(kep(ev, key).kelompok).toEqual([]);
    }
  });

  it('pegawai rumah sakit, Dinas Kesehatan, Dinas Perhubungan, Satpol PP serta BPBD tetap masuk 100 persen', () => {
    const keys = keysOf(org, SEKTOR_DARURAT);
    expect(keys).toHaveLength(9);
    for (const key of keys) {
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'WFO rs-dinkes-dishub-satpolpp-bpbd-100-persen-wfo' });
      expect(kep(ev, key).kelompok).toEqual([]);
    }
    expect(ev.kelompok.map((g) => g.grupKode).filter((k) => SEKTOR_DARURAT.includes(k))).toEqual([]);
  });

  it('petugas pelayanan pemerintah di sektor esensial: pegawai yang masuk maksimal 75 persen', () => {
    for (const key of keysOf(org, ['DPMPTSP', 'DISDUKCAPIL'])) {
      if (org.byKey.get(key)!.jabatanLevel !== 'pelaksana') continue;
      expect(lokasiDan(ev, [key])).toEqual({ [key]: 'BEBAS staf-layanan-esensial-maks-75-persen' });
      // the 75% of the service offices, not the general 50%
      expect(
        kep(ev, key).pertimbangan.find((x) => x.sumber.aturanId === 'staf-pelaksana-wfh-50-persen')?.dipakai,
      ).toBe(false);
    }
    const esensial = ev.kelompok.filter((g) => g.sumber.aturanId === 'staf-layanan-esensial-maks-75-persen');
    expect(esensial.map((g) => [g.per, g.grupKode, g.anggota.length, g.maks])).toEqual([
      ['opd', 'DISDUKCAPIL', 3, 2], // 2.25 → 2
      ['opd', 'DPMPTSP', 5, 3], // 5 ASN staff (the THL is not counted) → 3.75 → 3
    ]);
    expect(esensial.find((g) => g.grupKode === 'DPMPTSP')!.anggota).not.toContain('dpmptsp-thl');
  });

  it('seluruh ASN yang WFO wajib absen faceprint (absensi wajah); alat absen tidak lagi memakai fingerprint', () => {
    for (const p of org.pegawai) {
      const a = kep(ev, p.key).absensi;
      expect(a.WFO, p.key).toEqual({
        metode: 'wajah',
        sumber: expect.objectContaining({ aturanId: 'wfo-absen-wajah' }),
      });
      expect(a.PIKET.metode, p.key).toBe('wajah');
      // nothing said about those at home: the default (admin record), not from this policy
      expect(a.WFH, p.key).toEqual({ metode: 'catatan_admin', sumber: null });
    }
  });

  it('belum bisa memastikan batasan waktu kebijakan WFH (tanpa tanggal berakhir)', () => {
    expect(K.berlaku).toMatchObject({ dari: '2022-02-11' });
    expect(K.berlaku.sampai).toBeUndefined();
    const staf = 'bappelitbangda-staf-1';
    const pada = (d: IsoDate) => evaluateDay([K], org, d, KALENDER);
    expect(lokasiDan(pada('2022-02-10'), [staf])).toEqual({ [staf]: 'WFO -' });
    for (const d of ['2022-02-11', '2022-03-01', '2022-12-01', '2023-06-14']) {
      expect(isoWeekday(d)).toBeLessThan(6);
      expect(lokasiDan(pada(d), [staf])).toEqual({ [staf]: 'BEBAS staf-pelaksana-wfh-50-persen' });
    }
    // a holiday inside the period (Isra Mikraj, 28 February 2022) is still a day off
    expect(lokasiDan(pada('2022-02-28'), [staf])).toEqual({ [staf]: 'LIBUR -' });
  });

  it('kasus aktif COVID-19 172 kasus (Satgas, Rabu 9 Februari 2022); keputusan setelah instruksi Bupati Pasuruan', () => {
    expect(K).toMatchObject({
      id: 'pasuruan-2022-wfh-staf',
      jenis_dokumen: 'instruksi',
      nomor: '-',
      penandatangan: { jabatan: 'Bupati Pasuruan' },
      status: 'aktif',
    });
    expect(K.fakta).toContainEqual(expect.objectContaining({ per_tanggal: '2022-02-09', kasus_aktif: 172 }));
    expect(ev.kebijakan).toEqual([{ id: K.id, versi: 1, nomor: '-', judul: K.judul }]);
  });
});
