/**
 * The policy evaluator rule by rule (docs/kebijakan.md §3–§7), on a small hand-made organisation: each test
 * pins one behaviour with expectations written out from the documented rules. Written from the survivors
 * of mutation testing (stryker.kebijakan.config.json): a change to evaluate.ts that none of the other tests
 * noticed should fail one of these.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../kalender/dates.ts';
import { type HariLibur, JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import type { JabatanLevel, JenisOpd, JenisPegawai, KelasLayanan, Sektor } from '../org/types.ts';
import {
  berlakuPada,
  cocok,
  dipilih,
  type EvaluasiHari,
  evaluateDay,
  hariKerja,
  type KalenderKerja,
  type KelompokBatasan,
  type KeputusanOrang,
  type OrgOpd,
  type OrgPegawai,
  prepareOrg,
  rujukanAturan,
  versiBerlaku,
} from './evaluate.ts';
import type { KonteksWilayah } from './national.ts';
import { validateKebijakan } from './parse.ts';
import type { Aturan, Kebijakan } from './schema.ts';

// ─── Calendar: Monday 4 – Sunday 10 March 2024; Wednesday a holiday, Thursday cuti bersama ──────

const SENIN: IsoDate = '2024-03-04';
const SELASA: IsoDate = '2024-03-05';
const RABU_LIBUR: IsoDate = '2024-03-06';
const KAMIS_CUTI: IsoDate = '2024-03-07';
const JUMAT: IsoDate = '2024-03-08';
const SABTU: IsoDate = '2024-03-09';
const MINGGU_LIBUR: IsoDate = '2024-03-10';

const hariLibur = (tanggal: IsoDate, jenis: HariLibur['jenis'], nama: string): [IsoDate, HariLibur] => [
  tanggal,
  { tanggal, jenis, nama, dasar: 'SKB uji' },
];
const KAL: KalenderKerja = {
  jamKerja: JAM_KERJA_PERPRES_21_2023,
  libur: new Map([
    hariLibur(RABU_LIBUR, 'libur_nasional', 'Isra Mikraj'),
    hariLibur(KAMIS_CUTI, 'cuti_bersama', 'Cuti bersama Nyepi'),
    hariLibur(MINGGU_LIBUR, 'libur_nasional', 'Hari libur di hari Minggu'),
  ]),
};

// ─── Organisation ────────────────────────────────────────────────────────────────────────────────

function unit(
  kode: string,
  jenis: JenisOpd,
  opt: { induk?: string; kelas?: KelasLayanan; sektor?: Sektor[] } = {},
): OrgOpd {
  return {
    id: `id-${kode}`,
    kode,
    jenis,
    indukId: opt.induk ? `id-${opt.induk}` : null,
    kelasLayanan: opt.kelas ?? null,
    sektor: opt.sektor ?? [],
  };
}
function orang(key: string, kode: string, jabatanLevel: JabatanLevel, jenisPegawai: JenisPegawai = 'pns') {
  return { key, nama: key, opdId: `id-${kode}`, jabatanLevel, jenisPegawai } satisfies OrgPegawai;
}

const OPD: OrgOpd[] = [
  unit('Dinkes', 'dinas', { kelas: 'pelayanan', sektor: ['kesehatan'] }),
  unit('PKM-A', 'puskesmas', { induk: 'Dinkes' }),
  unit('PKM-B', 'puskesmas', { induk: 'Dinkes', sektor: ['kebencanaan'] }),
  unit('BAPPEDA', 'badan'),
  unit('BAPPEDA-EKO', 'lainnya', { induk: 'BAPPEDA' }),
];
const PEGAWAI: OrgPegawai[] = [
  orang('dinkes-kadis', 'Dinkes', 'jpt'),
  orang('dinkes-staf', 'Dinkes', 'pelaksana'),
  orang('pkm-a-dokter', 'PKM-A', 'fungsional', 'pppk'),
  orang('pkm-a-thl', 'PKM-A', 'pelaksana', 'non_asn'),
  orang('pkm-b-perawat', 'PKM-B', 'fungsional'),
  orang('bappeda-kepala', 'BAPPEDA', 'jpt'),
  orang('bappeda-staf-1', 'BAPPEDA', 'pelaksana'),
  orang('bappeda-staf-2', 'BAPPEDA', 'pelaksana', 'pppk'),
  orang('bappeda-staf-3', 'BAPPEDA', 'pelaksana'),
  orang('bappeda-thl', 'BAPPEDA', 'pelaksana', 'non_asn'),
  orang('eko-analis', 'BAPPEDA-EKO', 'fungsional'),
  orang('eko-staf', 'BAPPEDA-EKO', 'pelaksana'),
];
const ORG = prepareOrg({ opd: OPD, pegawai: PEGAWAI });
const SEMUA_KUNCI = PEGAWAI.map((p) => p.key);

// ─── Documents (validated, so the schema's defaults apply) ───────────────────────────────────────

type Obj = Record<string, unknown>;

function dok(over: Obj & { aturan: Obj[] }): Kebijakan {
  const r = validateKebijakan({
    id: 'kb-uji',
    versi: 1,
    judul: 'Kebijakan Uji',
    jenis_dokumen: 'surat_edaran',
    nomor: '800/1/2024',
    tanggal: '2024-03-01',
    penandatangan: { jabatan: 'Bupati' },
    status: 'aktif',
    berlaku: { dari: '2024-03-01' },
    ...(typeof over.versi === 'number' && over.versi > 1 ? { alasan_revisi: 'revisi' } : {}),
    ...over,
  });
  if (!r.ok) throw new Error(r.masalah.map((m) => m.pesan.en).join('; '));
  return r.kebijakan;
}
/** A rule: id, selector, outcome (its judul is "Aturan <id>"). */
const atr = (id: string, pilih: unknown, hasil: Obj, extra: Obj = {}): Obj => ({
  id,
  judul: `Aturan ${id}`,
  pilih,
  hasil,
  ...extra,
});
const SEMUA = { semua: true };

function kep(e: EvaluasiHari, key: string): KeputusanOrang {
  const d = e.orang.get(key);
  if (!d) throw new Error(`no decision for ${key}`);
  return d;
}
/** lokasi and deciding rule id of each key */
const lokasi = (e: EvaluasiHari, keys: readonly string[] = SEMUA_KUNCI) =>
  Object.fromEntries(keys.map((k) => [k, `${kep(e, k).lokasi} ${kep(e, k).sumber?.aturanId ?? '-'}`]));
const grup = (e: EvaluasiHari, id: string): KelompokBatasan => {
  const g = e.kelompok.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}; have ${e.kelompok.map((x) => x.id).join(', ')}`);
  return g;
};
const hari = (
  kebijakan: readonly Kebijakan[],
  tanggal: IsoDate = SENIN,
  konteks: readonly KonteksWilayah[] = [],
  org = ORG,
) => evaluateDay(kebijakan, org, tanggal, KAL, konteks);
/** The text that names a rule in explanations (docs/kebijakan.md: "aturan … dalam … No. … versi …"). */
const sebutId = (aturanId: string, k = { judul: 'Kebijakan Uji', nomor: '800/1/2024', versi: 1 }) =>
  `aturan "Aturan ${aturanId}" (${aturanId}) dalam ${k.judul} No. ${k.nomor} versi ${k.versi}`;
const sebutEn = (aturanId: string, k = { judul: 'Kebijakan Uji', nomor: '800/1/2024', versi: 1 }) =>
  `rule "Aturan ${aturanId}" (${aturanId}) of ${k.judul} No. ${k.nomor} version ${k.versi}`;

const person = (key: string) => ORG.byKey.get(key)!;
const unitOf = (key: string) => ORG.units.get(person(key).opdId);

/** Who one rule with this selector (and exceptions) picks, in organisation order. */
function dipilihOleh(pilih: unknown, kecuali: unknown[] = []): string[] {
  const a = dok({ aturan: [atr('r1', pilih, { jenis: 'wfo' }, { kecuali })] }).aturan[0]!;
  return PEGAWAI.filter((p) => dipilih(a, p, ORG.units.get(p.opdId))).map((p) => p.key);
}
const DINKES_SEMUA = ['dinkes-kadis', 'dinkes-staf', 'pkm-a-dokter', 'pkm-a-thl', 'pkm-b-perawat'];
const BAPPEDA_SEMUA = [
  'bappeda-kepala',
  'bappeda-staf-1',
  'bappeda-staf-2',
  'bappeda-staf-3',
  'bappeda-thl',
  'eko-analis',
  'eko-staf',
];

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('selectors (docs/kebijakan.md §5)', () => {
  it('opd matches the unit or any unit above it, whatever the case of either code', () => {
    expect(dipilihOleh({ opd: ['dinkes'] })).toEqual(DINKES_SEMUA);
    expect(dipilihOleh({ opd: ['DINKES'] })).toEqual(DINKES_SEMUA);
    expect(dipilihOleh({ opd: ['pkm-a', 'TIDAK-ADA'] })).toEqual(['pkm-a-dokter', 'pkm-a-thl']);
  });

  it('opd with termasuk_unit: false matches only the unit itself, whatever the case', () => {
    expect(dipilihOleh({ opd: ['dinkes'], termasuk_unit: false })).toEqual(['dinkes-kadis', 'dinkes-staf']);
    expect(dipilihOleh({ opd: ['DINKES'], termasuk_unit: false })).toEqual(['dinkes-kadis', 'dinkes-staf']);
    expect(dipilihOleh({ opd: ['bappeda-eko'], termasuk_unit: false })).toEqual(['eko-analis', 'eko-staf']);
  });

  it('opd_jenis looks upwards; with termasuk_unit: false only the unit’s own kind', () => {
    expect(dipilihOleh({ opd_jenis: ['dinas'] })).toEqual(DINKES_SEMUA);
    expect(dipilihOleh({ opd_jenis: ['dinas'], termasuk_unit: false })).toEqual([
      'dinkes-kadis',
      'dinkes-staf',
    ]);
    expect(dipilihOleh({ opd_jenis: ['puskesmas'], termasuk_unit: false })).toEqual([
      'pkm-a-dokter',
      'pkm-a-thl',
      'pkm-b-perawat',
    ]);
    expect(dipilihOleh({ opd_jenis: ['badan', 'upt'] })).toEqual(BAPPEDA_SEMUA);
  });

  it('kelas_layanan and sektor are inherited; a unit with its own sectors uses only those', () => {
    expect(dipilihOleh({ kelas_layanan: ['pelayanan'] })).toEqual(DINKES_SEMUA);
    expect(dipilihOleh({ kelas_layanan: ['non_pelayanan'] })).toEqual(BAPPEDA_SEMUA);
    expect(dipilihOleh({ sektor: ['kesehatan'] })).toEqual([
      'dinkes-kadis',
      'dinkes-staf',
      'pkm-a-dokter',
      'pkm-a-thl',
    ]);
    expect(dipilihOleh({ sektor: ['kebencanaan', 'ketertiban'] })).toEqual(['pkm-b-perawat']);
  });

  it('every criterion of a selector must hold: position level, employee type and NIP narrow it', () => {
    expect(dipilihOleh({ opd: ['BAPPEDA'], jabatan_level: ['pelaksana'] })).toEqual([
      'bappeda-staf-1',
      'bappeda-staf-2',
      'bappeda-staf-3',
      'bappeda-thl',
      'eko-staf',
    ]);
    expect(
      dipilihOleh({ opd: ['BAPPEDA'], jabatan_level: ['pelaksana'], jenis_pegawai: ['pppk', 'non_asn'] }),
    ).toEqual(['bappeda-staf-2', 'bappeda-thl']);
    expect(dipilihOleh({ jenis_pegawai: ['pppk'] })).toEqual(['pkm-a-dokter', 'bappeda-staf-2']);
    expect(dipilihOleh({ nip: ['eko-staf', 'dinkes-kadis'], opd: ['BAPPEDA'] })).toEqual(['eko-staf']);
    expect(dipilihOleh({ kelas_layanan: ['pelayanan'], sektor: ['kebencanaan'] })).toEqual(['pkm-b-perawat']);
    expect(dipilihOleh({ opd: ['Dinkes'], opd_jenis: ['puskesmas'] })).toEqual([
      'pkm-a-dokter',
      'pkm-a-thl',
      'pkm-b-perawat',
    ]);
  });

  it('a list of selectors picks anyone matching one of them; kecuali takes out anyone matching any exception', () => {
    expect(dipilihOleh([{ opd: ['PKM-B'] }, { nip: ['eko-staf'] }])).toEqual(['pkm-b-perawat', 'eko-staf']);
    expect(dipilihOleh(SEMUA, [{ opd: ['Dinkes'] }, { jenis_pegawai: ['non_asn'] }])).toEqual([
      'bappeda-kepala',
      'bappeda-staf-1',
      'bappeda-staf-2',
      'bappeda-staf-3',
      'eko-analis',
      'eko-staf',
    ]);
  });

  it('a person whose unit is not in the registry matches only selectors without unit criteria', () => {
    const hilang: OrgPegawai = {
      key: 'hilang',
      nama: 'x',
      opdId: 'tidak-ada',
      jabatanLevel: 'pelaksana',
      jenisPegawai: 'pns',
    };
    const pilih = (p: Obj) => dok({ aturan: [atr('r1', p, { jenis: 'wfo' })] }).aturan[0]!;
    const cocokHilang = (p: Obj) => dipilih(pilih(p), hilang, undefined);
    expect(cocokHilang(SEMUA)).toBe(true);
    expect(cocokHilang({ jabatan_level: ['pelaksana'] })).toBe(true);
    expect(cocokHilang({ jenis_pegawai: ['pns'] })).toBe(true);
    expect(cocokHilang({ nip: ['hilang'] })).toBe(true);
    expect(cocokHilang({ jabatan_level: ['jpt'] })).toBe(false);
    expect(cocokHilang({ opd: ['TIDAK-ADA'] })).toBe(false);
    expect(cocokHilang({ opd_jenis: ['dinas'] })).toBe(false);
    expect(cocokHilang({ kelas_layanan: ['non_pelayanan'] })).toBe(false);
    expect(cocokHilang({ sektor: ['kesehatan'] })).toBe(false);
    // cocok itself, with and without the unit
    const p = pilih({ opd: ['BAPPEDA'] }).pilih as Parameters<typeof cocok>[0];
    expect(cocok(p, person('eko-staf'), unitOf('eko-staf'))).toBe(true);
    expect(cocok(p, person('eko-staf'), undefined)).toBe(false);
  });

  it('property: a rule picks exactly those every criterion of one of its selectors holds for, and no exception', () => {
    // Each unit's line written out by hand: codes and kinds upwards, inherited class and sectors.
    const GARIS: Record<string, { kode: string[]; jenis: string[]; kelas: string; sektor: string[] }> = {
      'id-Dinkes': { kode: ['DINKES'], jenis: ['dinas'], kelas: 'pelayanan', sektor: ['kesehatan'] },
      'id-PKM-A': {
        kode: ['PKM-A', 'DINKES'],
        jenis: ['puskesmas', 'dinas'],
        kelas: 'pelayanan',
        sektor: ['kesehatan'],
      },
      'id-PKM-B': {
        kode: ['PKM-B', 'DINKES'],
        jenis: ['puskesmas', 'dinas'],
        kelas: 'pelayanan',
        sektor: ['kebencanaan'],
      },
      'id-BAPPEDA': { kode: ['BAPPEDA'], jenis: ['badan'], kelas: 'non_pelayanan', sektor: [] },
      'id-BAPPEDA-EKO': {
        kode: ['BAPPEDA-EKO', 'BAPPEDA'],
        jenis: ['lainnya', 'badan'],
        kelas: 'non_pelayanan',
        sektor: [],
      },
    };
    const kriteria = {
      opd: fc.subarray(['dinkes', 'PKM-A', 'pkm-b', 'BAPPEDA', 'Bappeda-Eko', 'TIDAK-ADA'], {
        minLength: 1,
        maxLength: 2,
      }),
      opd_jenis: fc.subarray(['dinas', 'puskesmas', 'badan', 'lainnya', 'upt'], {
        minLength: 1,
        maxLength: 2,
      }),
      kelas_layanan: fc.subarray(['pelayanan', 'non_pelayanan'], { minLength: 1 }),
      sektor: fc.subarray(['kesehatan', 'kebencanaan', 'ketertiban'], { minLength: 1, maxLength: 2 }),
      jabatan_level: fc.subarray(['jpt', 'fungsional', 'pelaksana'], { minLength: 1, maxLength: 2 }),
      jenis_pegawai: fc.subarray(['pns', 'pppk', 'non_asn'], { minLength: 1, maxLength: 2 }),
      nip: fc.subarray(SEMUA_KUNCI, { minLength: 1, maxLength: 4 }),
      termasuk_unit: fc.boolean(),
    };
    const pemilih = fc
      .record(kriteria, { requiredKeys: [] })
      .map((p): Obj => (Object.keys(p).some((k) => k !== 'termasuk_unit') ? p : { ...p, semua: true }));
    const memenuhi = (p: Obj, o: OrgPegawai): boolean => {
      const g = GARIS[o.opdId]!;
      const naik = p.termasuk_unit !== false;
      const ada = (xs: unknown, f: (x: string) => boolean) => xs === undefined || (xs as string[]).some(f);
      return (
        ada(p.opd, (k) => (naik ? g.kode : g.kode.slice(0, 1)).includes(k.toUpperCase())) &&
        ada(p.opd_jenis, (j) => (naik ? g.jenis : g.jenis.slice(0, 1)).includes(j)) &&
        ada(p.kelas_layanan, (k) => k === g.kelas) &&
        ada(p.sektor, (s) => g.sektor.includes(s)) &&
        ada(p.jabatan_level, (j) => j === o.jabatanLevel) &&
        ada(p.jenis_pegawai, (j) => j === o.jenisPegawai) &&
        ada(p.nip, (n) => n === o.key)
      );
    };
    fc.assert(
      fc.property(
        fc.array(pemilih, { minLength: 1, maxLength: 2 }),
        fc.array(pemilih, { maxLength: 1 }),
        (pilih, kecuali) => {
          const harap = PEGAWAI.filter(
            (o) => pilih.some((p) => memenuhi(p, o)) && !kecuali.some((p) => memenuhi(p, o)),
          );
          expect(dipilihOleh(pilih, kecuali)).toEqual(harap.map((o) => o.key));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('prepareOrg indexes each unit with the codes and kinds of its whole line, even when the line loops', () => {
    const eko = ORG.units.get('id-BAPPEDA-EKO')!;
    expect([...eko.garisKode].sort()).toEqual(['BAPPEDA', 'BAPPEDA-EKO']);
    expect([...eko.garisJenis].sort()).toEqual(['badan', 'lainnya']);
    expect(eko).toMatchObject({
      kode: 'BAPPEDA-EKO',
      jenis: 'lainnya',
      kelasLayanan: 'non_pelayanan',
      opdIndukKode: 'BAPPEDA',
    });
    expect([...ORG.units.get('id-PKM-A')!.sektor]).toEqual(['kesehatan']);
    const org = prepareOrg({ opd: OPD, pegawai: PEGAWAI });
    expect([...org.kodeDikenal].sort()).toEqual(['BAPPEDA', 'BAPPEDA-EKO', 'DINKES', 'PKM-A', 'PKM-B']);
    expect(org.byKey.get('pkm-a-thl')?.jenisPegawai).toBe('non_asn');
    const lingkar = prepareOrg({
      opd: [
        { ...unit('X', 'dinas'), indukId: 'id-Y' },
        { ...unit('Y', 'upt'), indukId: 'id-X' },
      ],
      pegawai: [],
    });
    expect([...lingkar.units.get('id-X')!.garisKode].sort()).toEqual(['X', 'Y']);
    expect([...lingkar.units.get('id-Y')!.garisJenis].sort()).toEqual(['dinas', 'upt']);
  });

  it('cakupan limits a policy to OPDs and their units (codes in any case); a person without a unit is out of it', () => {
    const hilang = orang('hilang', 'TIDAK-ADA', 'pelaksana');
    const org = prepareOrg({ opd: OPD, pegawai: [...PEGAWAI, hilang] });
    const k = dok({ cakupan: { opd: ['dinkes'] }, aturan: [atr('wfh', SEMUA, { jenis: 'wfh' })] });
    const e = hari([k], SENIN, [], org);
    for (const key of DINKES_SEMUA) expect(kep(e, key).lokasi, key).toBe('WFH');
    for (const key of [...BAPPEDA_SEMUA, 'hilang']) expect(kep(e, key).lokasi, key).toBe('WFO');
    const semua = hari([dok({ aturan: [atr('wfh', SEMUA, { jenis: 'wfh' })] })], SENIN, [], org);
    expect(kep(semua, 'hilang').lokasi).toBe('WFH');
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('which policies apply on a day (docs/kebijakan.md §3, §7)', () => {
  it('the newest aktif version of each policy, ordered by id; drafts, revoked and superseded ones never', () => {
    const w = [{ id: 'r1', judul: 'Aturan r1', pilih: SEMUA, hasil: { jenis: 'wfh' } }];
    const v = (id: string, versi: number, status: string) => dok({ id, versi, status, aturan: w });
    const hasil = versiBerlaku([
      v('kb-c', 1, 'aktif'),
      v('kb-a', 2, 'aktif'),
      v('kb-a', 1, 'aktif'),
      v('kb-a', 3, 'draft'),
      v('kb-b', 1, 'dicabut'),
      v('kb-d', 1, 'diganti'),
      v('kb-c', 2, 'aktif'),
      v('kb-b', 2, 'aktif'),
    ]);
    expect(hasil.map((k) => `${k.id}@${k.versi}`)).toEqual(['kb-a@2', 'kb-b@2', 'kb-c@2']);
  });

  it('hariKerja: a working day, a weekend, a holiday and a cuti bersama, with the reason', () => {
    expect(hariKerja(SENIN, KAL)).toEqual({
      kerja: true,
      akhirPekan: false,
      libur: null,
      keterangan: { id: 'hari kerja', en: 'working day' },
    });
    expect(hariKerja(SABTU, KAL)).toEqual({
      kerja: false,
      akhirPekan: true,
      libur: null,
      keterangan: { id: 'bukan hari kerja (akhir pekan)', en: 'not a working day (weekend)' },
    });
    expect(hariKerja(RABU_LIBUR, KAL)).toEqual({
      kerja: false,
      akhirPekan: false,
      libur: KAL.libur.get(RABU_LIBUR),
      keterangan: { id: 'hari libur: Isra Mikraj', en: 'holiday: Isra Mikraj' },
    });
    expect(hariKerja(KAMIS_CUTI, KAL)).toEqual({
      kerja: false,
      akhirPekan: false,
      libur: KAL.libur.get(KAMIS_CUTI),
      keterangan: { id: 'cuti bersama: Cuti bersama Nyepi', en: 'collective leave: Cuti bersama Nyepi' },
    });
    expect(hariKerja(MINGGU_LIBUR, KAL)).toMatchObject({ kerja: false, akhirPekan: true });
  });

  it('berlaku: a range includes both ends; a list only its dates; open-ended runs on', () => {
    const pada = (berlaku: Obj, d: IsoDate) =>
      berlakuPada(dok({ berlaku, aturan: [atr('r1', SEMUA, { jenis: 'wfh' })] }), d, hariKerja(d, KAL));
    const rentang = { dari: SELASA, sampai: JUMAT };
    expect([SENIN, SELASA, JUMAT, '2024-03-11'].map((d) => pada(rentang, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const daftar = { tanggal: [SELASA, JUMAT] };
    expect([SENIN, SELASA, JUMAT].map((d) => pada(daftar, d))).toEqual([false, true, true]);
    expect(pada({ dari: SELASA }, '2030-01-07')).toBe(true);
    expect(pada({ dari: SELASA }, SENIN)).toBe(false);
  });

  it('berlaku: weekends only with hari_kerja_saja: false, holidays only with termasuk_libur: true, a holiday on a weekend needs both', () => {
    const pada = (f: Obj, d: IsoDate) =>
      berlakuPada(
        dok({
          berlaku: { dari: SENIN, sampai: MINGGU_LIBUR, ...f },
          aturan: [atr('r1', SEMUA, { jenis: 'wfh' })],
        }),
        d,
        hariKerja(d, KAL),
      );
    expect([SABTU, RABU_LIBUR, KAMIS_CUTI, MINGGU_LIBUR].map((d) => pada({}, d))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect([SABTU, RABU_LIBUR, MINGGU_LIBUR].map((d) => pada({ hari_kerja_saja: false }, d))).toEqual([
      true,
      false,
      false,
    ]);
    expect(
      [SABTU, RABU_LIBUR, KAMIS_CUTI, MINGGU_LIBUR].map((d) => pada({ termasuk_libur: true }, d)),
    ).toEqual([false, true, true, false]);
    expect(pada({ hari_kerja_saja: false, termasuk_libur: true }, MINGGU_LIBUR)).toBe(true);
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('location and its explanation (docs/kebijakan.md §6–§7)', () => {
  it('no policy in force: everyone at the office with the Pemda’s hours on a working day, off otherwise', () => {
    const e = hari([]);
    expect(e.hariKerja).toBe(true);
    expect(e.keteranganHari).toEqual({
      id: 'Senin, 4 Maret 2024: hari kerja',
      en: 'Monday, 4 March 2024: working day',
    });
    expect(e.kebijakan).toEqual([]);
    expect(e.kelompok).toEqual([]);
    expect(e.peringatan).toEqual([]);
    const d = kep(e, 'eko-staf');
    expect(d).toMatchObject({ key: 'eko-staf', lokasi: 'WFO', sumber: null, kelompok: [], pertimbangan: [] });
    expect(d.penjelasan).toEqual({
      id: 'Tidak ada kebijakan yang berlaku: bekerja di kantor seperti biasa',
      en: 'No policy applies: working at the office as usual',
    });
    expect(d.jamKerja).toEqual({ mulai: '07:30', selesai: '16:00', istirahatMenit: 60, sumber: null });
    expect(kep(hari([], JUMAT), 'eko-staf').jamKerja).toEqual({
      mulai: '07:30',
      selesai: '16:30',
      istirahatMenit: 90,
      sumber: null,
    });

    const sabtu = hari([], SABTU);
    expect(sabtu.hariKerja).toBe(false);
    expect(sabtu.keteranganHari.en).toBe('Saturday, 9 March 2024: not a working day (weekend)');
    const s = kep(sabtu, 'eko-staf');
    expect(s).toMatchObject({
      lokasi: 'LIBUR',
      sumber: null,
      jamKerja: null,
      pertimbangan: [],
      kelompok: [],
    });
    expect(s.penjelasan).toEqual({
      id: 'Tidak bekerja: bukan hari kerja (akhir pekan)',
      en: 'Not working: not a working day (weekend)',
    });
    expect(s.absensi).toEqual({
      WFO: { metode: 'elektronik', sumber: null },
      WFH: { metode: 'catatan_admin', sumber: null },
      PIKET: { metode: 'elektronik', sumber: null },
    });
    expect(s.kewajibanWfh).toEqual({
      suratPernyataan: false,
      targetKinerja: false,
      tetapDiRumah: false,
      laporHarian: false,
      sumber: [],
    });
  });

  it('a policy in force that picks nobody in an OPD: its people work at the office as usual, and it says so', () => {
    const k = dok({ aturan: [atr('dinkes-wfh', { opd: ['Dinkes'] }, { jenis: 'wfh' })] });
    const e = hari([k]);
    expect(e.kebijakan).toEqual([{ id: 'kb-uji', versi: 1, nomor: '800/1/2024', judul: 'Kebijakan Uji' }]);
    const d = kep(e, 'bappeda-kepala');
    expect(d).toMatchObject({ lokasi: 'WFO', sumber: null, pertimbangan: [] });
    expect(d.penjelasan).toEqual({
      id: 'Tidak ada aturan kebijakan yang berlaku bagi pegawai ini: bekerja di kantor seperti biasa',
      en: 'No policy rule applies to this employee: working at the office as usual',
    });
    expect(d.jamKerja?.sumber).toBeNull();
  });

  it('on a weekend or holiday a policy in force fixes the location of those its rules pick; the rest are LIBUR', () => {
    const k = dok({
      berlaku: { dari: '2024-03-01', hari_kerja_saja: false, termasuk_libur: true },
      aturan: [
        atr('dinkes-wfo', { opd: ['Dinkes'] }, { jenis: 'wfo' }),
        atr('jam-pendek', SEMUA, { jenis: 'jam_kerja', mulai: '08:00', selesai: '12:00' }),
        atr('absen-wajah', SEMUA, {
          jenis: 'absensi',
          wfo: 'wajah',
          wfh: 'lokasi_berkala',
          lokasi_setiap_jam: 2,
        }),
      ],
    });
    const sabtu = hari([k], SABTU);
    expect(kep(sabtu, 'dinkes-kadis')).toMatchObject({ lokasi: 'WFO', sumber: { aturanId: 'dinkes-wfo' } });
    expect(kep(sabtu, 'dinkes-kadis').jamKerja).toMatchObject({
      mulai: '08:00',
      selesai: '12:00',
      istirahatMenit: 0,
    });
    const libur = kep(sabtu, 'eko-staf');
    expect(libur).toMatchObject({ lokasi: 'LIBUR', sumber: null, jamKerja: null });
    expect(libur.penjelasan).toEqual({
      id: 'Tidak bekerja: bukan hari kerja (akhir pekan)',
      en: 'Not working: not a working day (weekend)',
    });
    expect(libur.absensi.WFO).toMatchObject({ metode: 'wajah', sumber: { aturanId: 'absen-wajah' } });
    // no hours that day, so no window for location reports either
    expect(libur.absensi.WFH).toMatchObject({
      metode: 'lokasi_berkala',
      setiapJam: 2,
      dari: undefined,
      sampai: undefined,
    });
    // a holiday on a weekday: the Pemda has hours for Wednesdays, but someone LIBUR has none, even picked by jam_kerja
    expect(kep(hari([k], RABU_LIBUR), 'eko-staf')).toMatchObject({ lokasi: 'LIBUR', jamKerja: null });
    expect(kep(hari([k], RABU_LIBUR), 'dinkes-staf').jamKerja).toMatchObject({ mulai: '08:00' });
    expect(kep(hari([k], RABU_LIBUR), 'eko-staf').penjelasan).toEqual({
      id: 'Tidak bekerja: hari libur: Isra Mikraj',
      en: 'Not working: holiday: Isra Mikraj',
    });
    expect(hari([k], RABU_LIBUR).keteranganHari.id).toBe('Rabu, 6 Maret 2024: hari libur: Isra Mikraj');
  });

  it('each location kind gives its location and names its rule in the explanation', () => {
    const k = dok({
      aturan: [
        atr('pkm-a-wfo', { opd: ['PKM-A'] }, { jenis: 'wfo' }),
        atr('pkm-b-tutup', { opd: ['PKM-B'] }, { jenis: 'penutupan_kantor', alasan: 'sterilisasi ruangan' }),
        atr('eko-wfh', { opd: ['BAPPEDA-EKO'] }, { jenis: 'wfh' }),
        atr('batas-50', SEMUA, { jenis: 'batas_kantor', maks: { persen: 50 } }),
      ],
    });
    const e = hari([k]);
    expect(lokasi(e, ['pkm-a-dokter', 'pkm-b-perawat', 'eko-staf', 'bappeda-kepala', 'dinkes-staf'])).toEqual(
      {
        'pkm-a-dokter': 'WFO pkm-a-wfo',
        'pkm-b-perawat': 'WFH pkm-b-tutup',
        'eko-staf': 'WFH eko-wfh',
        'bappeda-kepala': 'BEBAS batas-50',
        'dinkes-staf': 'BEBAS batas-50',
      },
    );
    expect(kep(e, 'pkm-a-dokter').penjelasan).toEqual({
      id: `Bekerja di kantor (WFO) menurut ${sebutId('pkm-a-wfo')}`,
      en: `Works at the office (WFO) under ${sebutEn('pkm-a-wfo')}`,
    });
    expect(kep(e, 'pkm-b-perawat').penjelasan).toEqual({
      id: `Kantor ditutup (sterilisasi ruangan); bekerja dari rumah menurut ${sebutId('pkm-b-tutup')}`,
      en: `Office closed (sterilisasi ruangan); works from home under ${sebutEn('pkm-b-tutup')}`,
    });
    expect(kep(e, 'eko-staf').penjelasan).toEqual({
      id: `Bekerja dari rumah (WFH) menurut ${sebutId('eko-wfh')}`,
      en: `Works from home (WFH) under ${sebutEn('eko-wfh')}`,
    });
    expect(kep(e, 'bappeda-kepala').penjelasan).toEqual({
      id: `Kantor atau rumah menurut jadwal, dalam batas ${sebutId('batas-50')}`,
      en: `Office or home by the schedule, within the cap of ${sebutEn('batas-50')}`,
    });
    expect(kep(e, 'eko-staf').sumber).toEqual({
      kebijakanId: 'kb-uji',
      versi: 1,
      nomor: '800/1/2024',
      judulKebijakan: 'Kebijakan Uji',
      aturanId: 'eko-wfh',
      judulAturan: 'Aturan eko-wfh',
    });
    expect(kep(e, 'eko-staf').pertimbangan).toEqual([
      {
        sumber: kep(e, 'eko-staf').sumber,
        jenis: 'wfh',
        dipakai: true,
        alasan: { id: 'menentukan lokasi kerja', en: 'decides the work location' },
      },
      {
        sumber: expect.objectContaining({ aturanId: 'batas-50' }),
        jenis: 'batas_kantor',
        dipakai: false,
        alasan: {
          id: `didahului ${sebutId('eko-wfh')} (urutan aturan)`,
          en: `preceded by ${sebutEn('eko-wfh')} (rule order)`,
        },
      },
    ]);
  });

  it('within a policy: a closure in force wins whatever the order; a closure on other days and an unknown national cap are skipped, each with its reason', () => {
    const k = dok({
      aturan: [
        atr('bappeda-tutup-selasa', { opd: ['BAPPEDA'] }, { jenis: 'penutupan_kantor', tanggal: [SELASA] }),
        atr('batas-ppkm', SEMUA, {
          jenis: 'batas_kantor',
          maks: { menurut: { instrumen: 'PPKM_SE_MENPANRB_06_2022' } },
        }),
        atr('dinkes-wfo', { opd: ['Dinkes'] }, { jenis: 'wfo' }),
        atr('semua-wfh', SEMUA, { jenis: 'wfh' }),
        atr('pkm-b-tutup', { opd: ['PKM-B'] }, { jenis: 'penutupan_kantor' }),
      ],
    });
    const senin = hari([k], SENIN);
    const alasan = (e: EvaluasiHari, key: string) =>
      kep(e, key).pertimbangan.map(
        (x) => `${x.sumber.aturanId} ${x.dipakai} ${x.alasan.id} | ${x.alasan.en}`,
      );
    expect(lokasi(senin, ['eko-staf', 'dinkes-staf', 'pkm-b-perawat'])).toEqual({
      'eko-staf': 'WFH semua-wfh',
      'dinkes-staf': 'WFO dinkes-wfo',
      'pkm-b-perawat': 'WFH pkm-b-tutup',
    });
    expect(alasan(senin, 'eko-staf')).toEqual([
      'semua-wfh true menentukan lokasi kerja | decides the work location',
      `bappeda-tutup-selasa false penutupan tidak berlaku pada ${SENIN} | the closure does not apply on ${SENIN}`,
      'batas-ppkm false batas nasional tidak diketahui hari ini | the national cap is unknown today',
    ]);
    expect(alasan(senin, 'dinkes-staf')).toEqual([
      'dinkes-wfo true menentukan lokasi kerja | decides the work location',
      'batas-ppkm false batas nasional tidak diketahui hari ini | the national cap is unknown today',
      `semua-wfh false didahului ${sebutId('dinkes-wfo')} (urutan aturan) | preceded by ${sebutEn('dinkes-wfo')} (rule order)`,
    ]);
    const tutup = `kantor ditutup hari ini oleh ${sebutId('pkm-b-tutup')} | the office is closed today by ${sebutEn('pkm-b-tutup')}`;
    expect(alasan(senin, 'pkm-b-perawat')).toEqual([
      'pkm-b-tutup true menentukan lokasi kerja | decides the work location',
      'batas-ppkm false batas nasional tidak diketahui hari ini | the national cap is unknown today',
      `dinkes-wfo false ${tutup}`,
      `semua-wfh false ${tutup}`,
    ]);
    expect(senin.peringatan).toEqual([
      {
        id: `${sebutId('batas-ppkm')} tidak dapat diterapkan pada ${SENIN}: level PPKM pada tanggal ini belum dicatat Pemda`,
        en: `${sebutEn('batas-ppkm')} cannot be applied on ${SENIN}: the PPKM level for this date has not been recorded`,
      },
    ]);
    expect(senin.kelompok).toEqual([]);

    const selasa = hari([k], SELASA);
    expect(lokasi(selasa, ['eko-staf'])).toEqual({ 'eko-staf': 'WFH bappeda-tutup-selasa' });
    expect(alasan(selasa, 'eko-staf')[2]).toBe(
      `semua-wfh false kantor ditutup hari ini oleh ${sebutId('bappeda-tutup-selasa')} | the office is closed today by ${sebutEn('bappeda-tutup-selasa')}`,
    );

    // With the PPKM level recorded the national cap applies, and comes before the wfh rule.
    const level3 = hari([k], SENIN, [{ dari: '2024-03-01', levelPpkm: 3 }]);
    expect(level3.peringatan).toEqual([]);
    expect(lokasi(level3, ['eko-staf', 'dinkes-staf'])).toEqual({
      'eko-staf': 'BEBAS batas-ppkm',
      'dinkes-staf': 'BEBAS batas-ppkm',
    });
    const g = grup(level3, 'kb-uji@1:batas-ppkm:BAPPEDA');
    expect(g).toMatchObject({ maks: 3, dasarBatas: '50% (PPKM_SE_MENPANRB_06_2022)' });
    expect(g.anggota).toEqual(BAPPEDA_SEMUA);
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('across policies (docs/kebijakan.md §7 steps 2–4)', () => {
  const kb = (id: string, hasil: Obj, extra: Obj = {}) =>
    dok({ id, judul: `Kebijakan ${id}`, aturan: [atr(`${id}-r`, SEMUA, hasil)], ...extra });
  const s = (id: string) => ({ judul: `Kebijakan ${id}`, nomor: '800/1/2024', versi: 1 });
  const ALASAN = (e: EvaluasiHari, key: string) =>
    kep(e, key).pertimbangan.map((x) => `${x.sumber.aturanId} ${x.dipakai} ${x.alasan.id} | ${x.alasan.en}`);

  it('the higher kedudukan wins whatever it says; the others are set aside for higher standing', () => {
    const e = hari([
      kb('kb-a', { jenis: 'wfh' }),
      kb('kb-b', { jenis: 'wfo' }, { kedudukan: 20 }),
      kb('kb-c', { jenis: 'batas_kantor', maks: { persen: 10 } }),
    ]);
    expect(lokasi(e, ['eko-staf'])).toEqual({ 'eko-staf': 'WFO kb-b-r' });
    const kalah = `kalah oleh kebijakan berkedudukan lebih tinggi: ${sebutId('kb-b-r', s('kb-b'))} | set aside for a policy of higher standing: ${sebutEn('kb-b-r', s('kb-b'))}`;
    expect(ALASAN(e, 'eko-staf')).toEqual([
      'kb-b-r true menentukan lokasi kerja | decides the work location',
      `kb-a-r false ${kalah}`,
      `kb-c-r false ${kalah}`,
    ]);
    expect(e.kelompok).toEqual([]);
  });

  it('at equal standing the stricter wins: closure > wfh > a lower cap > a higher cap > wfo', () => {
    const menang = (...k: Kebijakan[]) => kep(hari(k), 'eko-staf').sumber?.kebijakanId;
    expect(menang(kb('kb-a', { jenis: 'wfh' }), kb('kb-b', { jenis: 'penutupan_kantor' }))).toBe('kb-b');
    expect(menang(kb('kb-a', { jenis: 'wfo' }), kb('kb-b', { jenis: 'wfh' }))).toBe('kb-b');
    expect(
      menang(kb('kb-a', { jenis: 'wfo' }), kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 100 } })),
    ).toBe('kb-b');
    expect(
      menang(kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 1 } }), kb('kb-b', { jenis: 'wfh' })),
    ).toBe('kb-b');
    expect(
      menang(
        kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 60 } }),
        kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 40 } }),
      ),
    ).toBe('kb-b');
    // A head count ranks as a 50% cap.
    const jumlah = kb('kb-a', { jenis: 'batas_kantor', maks: { jumlah: 1 } });
    expect(menang(jumlah, kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 55 } }))).toBe('kb-a');
    expect(menang(jumlah, kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 45 } }))).toBe('kb-b');
    // A national cap ranks by its figure for the day: 25% (zone tinggi) beats 40%; 75% (zone rendah) does not.
    const nasional = kb('kb-b', {
      jenis: 'batas_kantor',
      maks: { menurut: { instrumen: 'SE_MENPANRB_67_2020' } },
    });
    const empatPuluh = kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 40 } });
    const pada = (zona: 'tinggi' | 'rendah') =>
      kep(hari([empatPuluh, nasional], SENIN, [{ dari: '2024-01-01', zona }]), 'eko-staf').sumber
        ?.kebijakanId;
    expect(pada('tinggi')).toBe('kb-b');
    expect(pada('rendah')).toBe('kb-a');
  });

  it('with standing and strictness equal, policy order (by id) decides, whatever the input order', () => {
    const a = kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 0 } });
    const b = kb('kb-b', { jenis: 'wfh' });
    // a 0% cap scores like wfh
    expect(lokasi(hari([b, a]), ['eko-staf'])).toEqual({ 'eko-staf': 'BEBAS kb-a-r' });
    const c = kb('kb-c', { jenis: 'wfh' });
    const d = kb('kb-d', { jenis: 'wfh' });
    expect(lokasi(hari([d, c]), ['eko-staf'])).toEqual({ 'eko-staf': 'WFH kb-c-r' });
    expect(ALASAN(hari([d, c]), 'eko-staf')[1]).toBe(
      `kb-d-r false kalah oleh yang lebih ketat: ${sebutId('kb-c-r', s('kb-c'))} | set aside for the stricter: ${sebutEn('kb-c-r', s('kb-c'))}`,
    );
  });

  it('caps of other policies at the same standing also hold (and add their groups); a cap at lower standing does not', () => {
    const e = hari([
      kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 50 }, per: 'opd' }),
      kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 60 }, per: 'unit', penyebut: 'asn_terpilih' }),
      kb('kb-c', { jenis: 'batas_kantor', maks: { persen: 10 } }, { kedudukan: 5 }),
      kb('kb-d', { jenis: 'wfo' }),
    ]);
    expect(lokasi(e, ['bappeda-staf-1'])).toEqual({ 'bappeda-staf-1': 'BEBAS kb-a-r' });
    expect(ALASAN(e, 'bappeda-staf-1')).toEqual([
      'kb-a-r true menentukan lokasi kerja | decides the work location',
      'kb-b-r true batas ini juga berlaku (semua batas harus dipenuhi) | this cap also holds (all caps must be met)',
      `kb-d-r false kalah oleh yang lebih ketat: ${sebutId('kb-a-r', s('kb-a'))} | set aside for the stricter: ${sebutEn('kb-a-r', s('kb-a'))}`,
      `kb-c-r false kalah oleh kebijakan berkedudukan lebih tinggi: ${sebutId('kb-a-r', s('kb-a'))} | set aside for a policy of higher standing: ${sebutEn('kb-a-r', s('kb-a'))}`,
    ]);
    expect(kep(e, 'bappeda-staf-1').kelompok).toEqual(['kb-a@1:kb-a-r:BAPPEDA', 'kb-b@1:kb-b-r:BAPPEDA']);
    // kb-b counts ASN only: the THL is in kb-a's group only, though kb-b still holds for them
    expect(kep(e, 'bappeda-thl').kelompok).toEqual(['kb-a@1:kb-a-r:BAPPEDA']);
    expect(ALASAN(e, 'bappeda-thl')[1]).toMatch(/^kb-b-r true batas ini juga berlaku/);
    expect(grup(e, 'kb-b@1:kb-b-r:BAPPEDA').anggota).toEqual([
      'bappeda-kepala',
      'bappeda-staf-1',
      'bappeda-staf-2',
      'bappeda-staf-3',
    ]);
    expect(grup(e, 'kb-b@1:kb-b-r:BAPPEDA-EKO').anggota).toEqual(['eko-analis', 'eko-staf']);
    expect(grup(e, 'kb-a@1:kb-a-r:BAPPEDA').anggota).toEqual(BAPPEDA_SEMUA);
    expect(e.kelompok.map((g) => g.id)).toEqual([
      'kb-a@1:kb-a-r:BAPPEDA',
      'kb-a@1:kb-a-r:Dinkes',
      'kb-b@1:kb-b-r:BAPPEDA',
      'kb-b@1:kb-b-r:BAPPEDA-EKO',
      'kb-b@1:kb-b-r:Dinkes',
      'kb-b@1:kb-b-r:PKM-A',
      'kb-b@1:kb-b-r:PKM-B',
    ]);
    // a co-holding cap over everyone picked (the default) counts non-ASN too
    const semua = hari([
      kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 50 } }),
      kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 60 } }),
    ]);
    expect(kep(semua, 'bappeda-thl').kelompok).toEqual(['kb-a@1:kb-a-r:BAPPEDA', 'kb-b@1:kb-b-r:BAPPEDA']);
    // the deciding cap over ASN only leaves non-ASN BEBAS in no group
    const asn = hari([kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 50 }, penyebut: 'asn_terpilih' })]);
    expect(kep(asn, 'bappeda-thl')).toMatchObject({ lokasi: 'BEBAS', kelompok: [] });
    expect(kep(asn, 'bappeda-staf-2').kelompok).toEqual(['kb-a@1:kb-a-r:BAPPEDA']);
  });

  it('a cap that loses to wfh adds no group, even at the same standing; nor does a cap for someone without a unit', () => {
    const e = hari([
      kb('kb-a', { jenis: 'wfh' }),
      kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 50 } }),
    ]);
    expect(lokasi(e, ['eko-staf'])).toEqual({ 'eko-staf': 'WFH kb-a-r' });
    expect(e.kelompok).toEqual([]);
    expect(kep(e, 'eko-staf').pertimbangan[1]).toMatchObject({ dipakai: false });
    const hilang = orang('hilang', 'TIDAK-ADA', 'pelaksana');
    const org = prepareOrg({ opd: OPD, pegawai: [hilang] });
    const dua = hari(
      [
        kb('kb-a', { jenis: 'batas_kantor', maks: { persen: 50 } }),
        kb('kb-b', { jenis: 'batas_kantor', maks: { persen: 60 } }),
      ],
      SENIN,
      [],
      org,
    );
    expect(kep(dua, 'hilang')).toMatchObject({ lokasi: 'BEBAS', kelompok: [] });
    expect(dua.kelompok).toEqual([]);
    // nor a minimum or a piket group: there is no OPD to count them in
    const lain = hari(
      [
        dok({
          aturan: [
            atr('min', SEMUA, { jenis: 'minimum_kantor', min: { jumlah: 1 } }),
            atr('piket', SEMUA, { jenis: 'piket', jumlah: 1 }),
          ],
        }),
      ],
      SENIN,
      [],
      org,
    );
    expect(lain.kelompok).toEqual([]);
    expect(kep(lain, 'hilang').kelompok).toEqual([]);
    expect(kep(lain, 'hilang').pertimbangan.map((x) => x.jenis)).toEqual(['minimum_kantor']);
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('groups: caps, minimums and piket (docs/kebijakan.md §6.4–§6.6)', () => {
  const batas = (hasil: Obj) =>
    hari([dok({ aturan: [atr('batas', SEMUA, { jenis: 'batas_kantor', ...hasil })] })]);

  it('a percentage cap per OPD: persen × members, rounded as stated, explained with its basis', () => {
    // Dinkes has 5 people (with its puskesmas), Bappeda 7 (with its bidang).
    const bawah = batas({ maks: { persen: 50 } });
    expect(grup(bawah, 'kb-uji@1:batas:Dinkes')).toMatchObject({
      jenis: 'batas_kantor',
      per: 'opd',
      grupKode: 'Dinkes',
      anggota: DINKES_SEMUA,
      maks: 2,
      dasarBatas: '50%',
      piketDihitung: true,
      sumber: { kebijakanId: 'kb-uji', aturanId: 'batas' },
      penjelasan: {
        id: 'Paling banyak 2 dari 5 orang di kantor (50%, dibulatkan ke bawah) di Dinkes',
        en: 'At most 2 of 5 people at the office (50%, rounded down) in Dinkes',
      },
    });
    expect(grup(bawah, 'kb-uji@1:batas:BAPPEDA').maks).toBe(3);
    const atas = batas({ maks: { persen: 50 }, pembulatan: 'atas', piket_dihitung: false });
    expect(grup(atas, 'kb-uji@1:batas:Dinkes')).toMatchObject({ maks: 3, piketDihitung: false });
    expect(grup(atas, 'kb-uji@1:batas:BAPPEDA').penjelasan).toEqual({
      id: 'Paling banyak 4 dari 7 orang di kantor (50%, dibulatkan ke atas) di BAPPEDA',
      en: 'At most 4 of 7 people at the office (50%, rounded up) in BAPPEDA',
    });
    // 30% of 7 = 2.1: up gives 3 (to nearest would give 2)
    expect(grup(batas({ maks: { persen: 30 }, pembulatan: 'atas' }), 'kb-uji@1:batas:BAPPEDA').maks).toBe(3);
    const dekat = batas({ maks: { persen: 30 }, pembulatan: 'terdekat' });
    // 30% of 5 = 1.5 → 2; 30% of 7 = 2.1 → 2
    expect(grup(dekat, 'kb-uji@1:batas:Dinkes').maks).toBe(2);
    expect(grup(dekat, 'kb-uji@1:batas:BAPPEDA').penjelasan.en).toBe(
      'At most 2 of 7 people at the office (30%, rounded to nearest) in BAPPEDA',
    );
    // exact products are not rounded further: 40% of 5 is 2 whichever way
    for (const pembulatan of ['bawah', 'atas', 'terdekat'])
      expect(
        grup(batas({ maks: { persen: 40 }, pembulatan }), 'kb-uji@1:batas:Dinkes').maks,
        pembulatan,
      ).toBe(2);
  });

  it('rounding absorbs float error (58% of 25 is 14.5, 28% of 25 is 7) and never gives -0', () => {
    const org = prepareOrg({
      opd: [unit('BESAR', 'dinas')],
      pegawai: [...Array(25).keys()].map((i) => orang(`p${i}`, 'BESAR', 'pelaksana')),
    });
    const maks = (persen: number, pembulatan: string) =>
      hari(
        [dok({ aturan: [atr('batas', SEMUA, { jenis: 'batas_kantor', maks: { persen }, pembulatan })] })],
        SENIN,
        [],
        org,
      ).kelompok[0]!.maks;
    expect(maks(58, 'terdekat')).toBe(15);
    expect(maks(58, 'bawah')).toBe(14);
    expect(maks(58, 'atas')).toBe(15);
    expect(maks(28, 'atas')).toBe(7);
    expect(maks(28, 'bawah')).toBe(7);
    expect(Object.is(maks(0, 'atas'), 0)).toBe(true);
    expect(Object.is(maks(0, 'bawah'), 0)).toBe(true);
    expect(Object.is(maks(1, 'terdekat'), 0)).toBe(true);
    const min = hari(
      [dok({ aturan: [atr('min', SEMUA, { jenis: 'minimum_kantor', min: { persen: 0 } })] })],
      SENIN,
      [],
      org,
    );
    expect(Object.is(min.kelompok[0]!.min, 0)).toBe(true);
  });

  it('a head-count cap is min(jumlah, members); per unit groups each unit on its own', () => {
    const e = batas({ maks: { jumlah: 4 }, per: 'unit' });
    expect(e.kelompok.map((g) => [g.id, g.grupKode, g.per, g.anggota.length, g.maks, g.dasarBatas])).toEqual([
      ['kb-uji@1:batas:BAPPEDA', 'BAPPEDA', 'unit', 5, 4, '4 orang'],
      ['kb-uji@1:batas:BAPPEDA-EKO', 'BAPPEDA-EKO', 'unit', 2, 2, '4 orang'],
      ['kb-uji@1:batas:Dinkes', 'Dinkes', 'unit', 2, 2, '4 orang'],
      ['kb-uji@1:batas:PKM-A', 'PKM-A', 'unit', 2, 2, '4 orang'],
      ['kb-uji@1:batas:PKM-B', 'PKM-B', 'unit', 1, 1, '4 orang'],
    ]);
    expect(grup(e, 'kb-uji@1:batas:BAPPEDA').penjelasan.id).toBe(
      'Paling banyak 4 dari 5 orang di kantor (4 orang, dibulatkan ke bawah) di BAPPEDA',
    );
  });

  it('a national cap takes the figure recorded for the day and says which instrument', () => {
    const e = hari(
      [
        dok({
          aturan: [
            atr('batas', SEMUA, {
              jenis: 'batas_kantor',
              maks: { menurut: { instrumen: 'SE_MENPANRB_67_2020' } },
            }),
          ],
        }),
      ],
      SENIN,
      [
        { dari: '2024-01-01', zona: 'rendah' },
        { dari: '2024-03-04', zona: 'tinggi' },
      ],
    );
    expect(grup(e, 'kb-uji@1:batas:BAPPEDA')).toMatchObject({
      maks: 1,
      dasarBatas: '25% (SE_MENPANRB_67_2020)',
    });
    expect(e.peringatan).toEqual([]);
    const tanpa = hari(
      [
        dok({
          aturan: [
            atr('batas', SEMUA, {
              jenis: 'batas_kantor',
              maks: { menurut: { instrumen: 'SE_MENPANRB_67_2020' } },
            }),
          ],
        }),
      ],
      SENIN,
    );
    expect(tanpa.peringatan.map((p) => p.en)).toEqual([
      `${sebutEn('batas')} cannot be applied on ${SENIN}: the risk zone for this date has not been recorded`,
    ]);
    expect(lokasi(tanpa, ['eko-staf'])).toEqual({ 'eko-staf': 'WFO -' });
  });

  it('minimum_kantor: everyone the rule picks, whatever their location; the first rule of every policy', () => {
    const e = hari([
      dok({
        id: 'kb-a',
        aturan: [
          atr('eko-wfh', { opd: ['BAPPEDA-EKO'] }, { jenis: 'wfh' }),
          atr('min-2', SEMUA, { jenis: 'minimum_kantor', min: { jumlah: 2 } }),
          atr('min-lain', SEMUA, { jenis: 'minimum_kantor', min: { jumlah: 3 } }),
        ],
      }),
      dok({
        id: 'kb-b',
        aturan: [atr('min-50', SEMUA, { jenis: 'minimum_kantor', min: { persen: 50 }, per: 'unit' })],
      }),
      dok({
        id: 'kb-c',
        aturan: [atr('min-9', { opd: ['PKM-A'] }, { jenis: 'minimum_kantor', min: { jumlah: 9 } })],
      }),
    ]);
    expect(grup(e, 'kb-a@1:min-2:BAPPEDA')).toMatchObject({
      jenis: 'minimum_kantor',
      per: 'opd',
      grupKode: 'BAPPEDA',
      anggota: BAPPEDA_SEMUA,
      min: 2,
      piketDihitung: true,
      penjelasan: {
        id: 'Paling sedikit 2 dari 7 orang di kantor di BAPPEDA',
        en: 'At least 2 of 7 people at the office in BAPPEDA',
      },
    });
    // 50% rounded up by default
    expect(grup(e, 'kb-b@1:min-50:BAPPEDA').min).toBe(3);
    expect(grup(e, 'kb-b@1:min-50:PKM-B').min).toBe(1);
    expect(grup(e, 'kb-c@1:min-9:Dinkes')).toMatchObject({ min: 2, anggota: ['pkm-a-dokter', 'pkm-a-thl'] });
    expect(e.kelompok.some((g) => g.sumber.aturanId === 'min-lain')).toBe(false);
    expect(kep(e, 'eko-staf').kelompok).toEqual(['kb-a@1:min-2:BAPPEDA', 'kb-b@1:min-50:BAPPEDA-EKO']);
    expect(
      kep(e, 'eko-staf').pertimbangan.map((x) => [x.sumber.aturanId, x.jenis, x.dipakai, x.alasan.en]),
    ).toEqual([
      ['eko-wfh', 'wfh', true, 'decides the work location'],
      ['min-2', 'minimum_kantor', true, 'office minimum'],
      ['min-50', 'minimum_kantor', true, 'office minimum'],
    ]);
    expect(kep(e, 'eko-staf').pertimbangan[1]!.alasan.id).toBe('minimum di kantor');
  });

  it('piket: everyone the rule picks is in the group; who may be appointed follows boleh, and never someone LIBUR', () => {
    const k = dok({
      berlaku: { dari: '2024-03-01', hari_kerja_saja: false },
      aturan: [
        atr('dinkes-wfo', { opd: ['Dinkes'] }, { jenis: 'wfo' }),
        atr('piket', SEMUA, { jenis: 'piket', jumlah: 1, boleh: { jenis_pegawai: ['pns', 'pppk'] } }),
        atr('piket-lain', SEMUA, { jenis: 'piket', jumlah: 3 }),
      ],
    });
    const senin = hari([k]);
    expect(grup(senin, 'kb-uji@1:piket:Dinkes')).toMatchObject({
      jenis: 'piket',
      per: 'opd',
      grupKode: 'Dinkes',
      anggota: DINKES_SEMUA,
      jumlahPiket: 1,
      bolehPiket: ['dinkes-kadis', 'dinkes-staf', 'pkm-a-dokter', 'pkm-b-perawat'],
      piketDihitung: true,
      penjelasan: {
        id: '1 orang piket per hari di Dinkes (4 orang boleh ditunjuk)',
        en: '1 on duty (piket) per day in Dinkes (4 eligible)',
      },
    });
    expect(senin.kelompok).toHaveLength(2);
    const alasan = (e: EvaluasiHari, key: string) =>
      kep(e, key).pertimbangan.find((x) => x.jenis === 'piket')!;
    expect(alasan(senin, 'dinkes-staf')).toMatchObject({
      dipakai: true,
      alasan: { id: 'dapat ditunjuk sebagai piket', en: 'may be appointed on duty (piket)' },
    });
    expect(alasan(senin, 'pkm-a-thl')).toMatchObject({
      dipakai: true,
      alasan: { id: 'anggota kelompok piket, tidak boleh ditunjuk', en: 'in the piket group, not eligible' },
    });
    // Saturday: Bappeda staff are LIBUR (no location rule picks them) — in the group, never eligible.
    const sabtu = hari([k], SABTU);
    expect(grup(sabtu, 'kb-uji@1:piket:BAPPEDA')).toMatchObject({ anggota: BAPPEDA_SEMUA, bolehPiket: [] });
    expect(grup(sabtu, 'kb-uji@1:piket:Dinkes').bolehPiket).toHaveLength(4);
    // without boleh everyone picked may be appointed
    const semua = hari([dok({ aturan: [atr('piket', { opd: ['PKM-A'] }, { jenis: 'piket', jumlah: 2 })] })]);
    expect(semua.kelompok.map((g) => [g.id, g.bolehPiket, g.penjelasan.id])).toEqual([
      [
        'kb-uji@1:piket:Dinkes',
        ['pkm-a-dokter', 'pkm-a-thl'],
        '2 orang piket per hari di Dinkes (2 orang boleh ditunjuk)',
      ],
    ]);
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('hours, attendance and WFH duties (docs/kebijakan.md §6.7–§6.9, §7 "Other kinds")', () => {
  const kb = (id: string, tanggal: string, aturan: Obj[], extra: Obj = {}) =>
    dok({ id, judul: `Kebijakan ${id}`, tanggal, aturan, ...extra });
  const jam = (id: string, mulai: string, extra: Obj = {}) =>
    atr(id, SEMUA, { jenis: 'jam_kerja', mulai, selesai: '13:00', istirahat_menit: 15, ...extra });

  it('jam_kerja: one rule, the highest kedudukan, then the newest letter; its hari may leave the Pemda’s hours in place', () => {
    const lama = kb('kb-a', '2024-01-10', [jam('jam-lama', '09:00')]);
    const baru = kb('kb-b', '2024-02-20', [jam('jam-baru', '08:00'), jam('jam-kedua', '06:00')]);
    expect(kep(hari([lama, baru]), 'eko-staf').jamKerja).toEqual({
      mulai: '08:00',
      selesai: '13:00',
      istirahatMenit: 15,
      sumber: expect.objectContaining({ kebijakanId: 'kb-b', aturanId: 'jam-baru' }),
    });
    const lamaA = kb('kb-a', '2024-02-20', [jam('jam-a', '09:00')]);
    const baruB = kb('kb-b', '2024-01-10', [jam('jam-b', '08:00')]);
    expect(kep(hari([lamaA, baruB]), 'eko-staf').jamKerja?.mulai).toBe('09:00');
    const tinggi = kb('kb-c', '2023-01-01', [jam('jam-tinggi', '07:00')], { kedudukan: 20 });
    expect(kep(hari([lama, baru, tinggi]), 'eko-staf').jamKerja?.sumber?.aturanId).toBe('jam-tinggi');
    // the top rule only on Tuesdays: Monday keeps the Pemda's hours, the lower-ranked rule is not tried
    const selasaSaja = kb('kb-c', '2023-01-01', [jam('jam-selasa', '07:00', { hari: [2] })], {
      kedudukan: 20,
    });
    expect(kep(hari([lama, selasaSaja], SENIN), 'eko-staf').jamKerja).toEqual({
      mulai: '07:30',
      selesai: '16:00',
      istirahatMenit: 60,
      sumber: null,
    });
    expect(kep(hari([lama, selasaSaja], SELASA), 'eko-staf').jamKerja?.mulai).toBe('07:00');
  });

  it('absensi: per status the first rule in the ranking that sets it; periodic location reports take the day’s hours unless given', () => {
    const baru = kb('kb-a', '2024-02-20', [atr('absen-baru', SEMUA, { jenis: 'absensi', wfo: 'wajah' })]);
    const lama = kb('kb-b', '2024-01-10', [
      atr('absen-lama', SEMUA, {
        jenis: 'absensi',
        wfo: 'elektronik',
        wfh: 'lokasi_berkala',
        lokasi_setiap_jam: 2,
      }),
      atr('absen-kedua', SEMUA, { jenis: 'absensi', piket: 'tidak_ada' }),
    ]);
    const a = kep(hari([lama, baru]), 'eko-staf').absensi;
    expect(a.WFO).toEqual({ metode: 'wajah', sumber: expect.objectContaining({ aturanId: 'absen-baru' }) });
    expect(a.WFO.setiapJam).toBeUndefined();
    expect(a.WFO.dari).toBeUndefined();
    expect(a.WFO.sampai).toBeUndefined();
    expect(a.WFH).toEqual({
      metode: 'lokasi_berkala',
      setiapJam: 2,
      dari: '07:30',
      sampai: '16:00',
      sumber: expect.objectContaining({ aturanId: 'absen-lama' }),
    });
    // only the first absensi rule of a policy counts
    expect(a.PIKET).toEqual({ metode: 'elektronik', sumber: null });
    // the same rule with its own window, and with a jam_kerja rule giving the day's hours
    const jendela = kb('kb-b', '2024-01-10', [
      atr('absen', SEMUA, {
        jenis: 'absensi',
        wfh: 'lokasi_berkala',
        wfo: 'wajah',
        lokasi_setiap_jam: 1,
        lokasi_dari: '09:00',
        lokasi_sampai: '11:00',
      }),
    ]);
    expect(kep(hari([jendela]), 'eko-staf').absensi.WFH).toMatchObject({
      setiapJam: 1,
      dari: '09:00',
      sampai: '11:00',
    });
    expect(kep(hari([jendela]), 'eko-staf').absensi.WFO).toEqual({
      metode: 'wajah',
      sumber: expect.anything(),
    });
    expect(kep(hari([jendela]), 'eko-staf').absensi.WFO.setiapJam).toBeUndefined();
    const jamSendiri = kb('kb-c', '2024-01-10', [jam('jam', '08:00')]);
    expect(kep(hari([lama, jamSendiri]), 'eko-staf').absensi.WFH).toMatchObject({
      dari: '08:00',
      sampai: '13:00',
    });
    expect(kep(hari([jendela]), 'eko-staf').absensi.PIKET).toEqual({ metode: 'elektronik', sumber: null });
    const piket = kb('kb-d', '2024-01-10', [atr('absen-piket', SEMUA, { jenis: 'absensi', piket: 'wajah' })]);
    expect(kep(hari([piket]), 'eko-staf').absensi).toMatchObject({
      WFO: { metode: 'elektronik', sumber: null },
      PIKET: { metode: 'wajah', sumber: { aturanId: 'absen-piket' } },
    });
  });

  it('kewajiban_wfh: merged over the first rule of every policy, listed by rank', () => {
    const a = kb('kb-a', '2024-01-10', [
      atr('wajib-a', SEMUA, { jenis: 'kewajiban_wfh', surat_pernyataan: true }),
      atr('wajib-a2', SEMUA, { jenis: 'kewajiban_wfh', target_kinerja: true }),
    ]);
    const b = kb('kb-b', '2024-02-20', [
      atr(
        'wajib-b',
        { opd: ['BAPPEDA'] },
        { jenis: 'kewajiban_wfh', tetap_di_rumah: true, lapor_harian: true },
      ),
    ]);
    const e = hari([a, b]);
    expect(kep(e, 'eko-staf').kewajibanWfh).toEqual({
      suratPernyataan: true,
      targetKinerja: false,
      tetapDiRumah: true,
      laporHarian: true,
      sumber: [
        expect.objectContaining({ aturanId: 'wajib-b' }),
        expect.objectContaining({ aturanId: 'wajib-a' }),
      ],
    });
    expect(kep(e, 'dinkes-staf').kewajibanWfh).toEqual({
      suratPernyataan: true,
      targetKinerja: false,
      tetapDiRumah: false,
      laporHarian: false,
      sumber: [expect.objectContaining({ aturanId: 'wajib-a' })],
    });
    // same standing and date: policy order (by id), whatever the input order
    const b2 = kb('kb-b', '2024-01-10', [
      atr('wajib-b', SEMUA, { jenis: 'kewajiban_wfh', lapor_harian: true }),
    ]);
    expect(kep(hari([b2, a]), 'eko-staf').kewajibanWfh.sumber.map((x) => x.kebijakanId)).toEqual([
      'kb-a',
      'kb-b',
    ]);
    const j1 = kb('kb-a', '2024-01-10', [jam('jam-a', '09:00')]);
    const j2 = kb('kb-b', '2024-01-10', [jam('jam-b', '08:00')]);
    expect(kep(hari([j2, j1]), 'eko-staf').jamKerja?.mulai).toBe('09:00');
    const c = kb('kb-c', '2024-01-10', [
      atr('wajib-c', SEMUA, { jenis: 'kewajiban_wfh', target_kinerja: true }),
    ]);
    expect(kep(hari([c]), 'eko-staf').kewajibanWfh).toMatchObject({
      suratPernyataan: false,
      targetKinerja: true,
    });
  });
});

// ═════════════════════════════════════════════════════════════════════════════════════════════════
describe('people, profiles and shared objects', () => {
  it('a rule naming people by NIP (in pilih, kecuali or piket boleh) decides per person, not per profile', () => {
    // bappeda-staf-1 and bappeda-staf-3 share unit, level and type
    const pilih = hari([
      dok({
        aturan: [
          atr('satu-wfh', [{ nip: ['bappeda-staf-1'] }, { opd: ['TIDAK-ADA'] }], { jenis: 'wfh' }),
          atr('jam', { opd: ['Dinkes'] }, { jenis: 'jam_kerja', mulai: '08:00', selesai: '12:00' }),
        ],
      }),
    ]);
    expect(lokasi(pilih, ['bappeda-staf-1', 'bappeda-staf-3'])).toEqual({
      'bappeda-staf-1': 'WFH satu-wfh',
      'bappeda-staf-3': 'WFO -',
    });
    const kecuali = hari([
      dok({ aturan: [atr('wfh', SEMUA, { jenis: 'wfh' }, { kecuali: [{ nip: ['bappeda-staf-3'] }] })] }),
    ]);
    expect(lokasi(kecuali, ['bappeda-staf-1', 'bappeda-staf-3'])).toEqual({
      'bappeda-staf-1': 'WFH wfh',
      'bappeda-staf-3': 'WFO -',
    });
    const boleh = hari([
      dok({
        aturan: [atr('piket', SEMUA, { jenis: 'piket', jumlah: 1, boleh: { nip: ['bappeda-staf-3'] } })],
      }),
    ]);
    expect(grup(boleh, 'kb-uji@1:piket:BAPPEDA').bolehPiket).toEqual(['bappeda-staf-3']);
  });

  it('people of one profile get their own key and the same groups; a group lists each member once', () => {
    const e = hari([dok({ aturan: [atr('batas', SEMUA, { jenis: 'batas_kantor', maks: { persen: 50 } })] })]);
    const satu = kep(e, 'bappeda-staf-1');
    const tiga = kep(e, 'bappeda-staf-3');
    expect(satu.key).toBe('bappeda-staf-1');
    expect(tiga.key).toBe('bappeda-staf-3');
    expect(tiga.kelompok).toEqual(['kb-uji@1:batas:BAPPEDA']);
    expect(tiga.kelompok).toBe(satu.kelompok);
    expect(grup(e, 'kb-uji@1:batas:BAPPEDA').anggota).toEqual(BAPPEDA_SEMUA);
    // with no group, a decision made for one person is shared by the people of the same profile
    const tanpa = hari([dok({ aturan: [atr('wfh', SEMUA, { jenis: 'wfh' })] })]);
    expect(kep(tanpa, 'bappeda-staf-3')).toEqual({ ...kep(tanpa, 'bappeda-staf-1'), key: 'bappeda-staf-3' });
    expect(kep(tanpa, 'bappeda-staf-1').key).toBe('bappeda-staf-1');
  });

  it('a day’s explanations and rule references are shared objects, one per distinct text or rule', () => {
    const e = hari([dok({ aturan: [atr('wfh', SEMUA, { jenis: 'wfh' })] })]);
    expect(kep(e, 'eko-staf').penjelasan).toBe(kep(e, 'dinkes-kadis').penjelasan);
    expect(kep(e, 'eko-staf').sumber).toBe(kep(e, 'dinkes-kadis').sumber);
    expect(kep(e, 'eko-staf').pertimbangan[0]!.alasan).toBe(kep(e, 'dinkes-kadis').pertimbangan[0]!.alasan);
  });

  it('rujukanAturan: one reference per rule, told apart by policy id and version when a rule object is reused', () => {
    const k = dok({ aturan: [atr('wfh', SEMUA, { jenis: 'wfh' })] });
    const a = k.aturan[0] as Aturan;
    expect(rujukanAturan(k, a)).toBe(rujukanAturan(k, a));
    const lain: Kebijakan = { ...k, id: 'kb-lain' };
    const v2: Kebijakan = { ...k, versi: 2 };
    expect(rujukanAturan(lain, a)).toMatchObject({ kebijakanId: 'kb-lain', versi: 1 });
    expect(rujukanAturan(v2, a)).toMatchObject({ kebijakanId: 'kb-uji', versi: 2 });
    expect(rujukanAturan(k, a)).toEqual({
      kebijakanId: 'kb-uji',
      versi: 1,
      nomor: '800/1/2024',
      judulKebijakan: 'Kebijakan Uji',
      aturanId: 'wfh',
      judulAturan: 'Aturan wfh',
    });
    // two policies sharing the rule objects are still told apart in a day's decisions
    const e = hari([k, lain]);
    expect(kep(e, 'eko-staf').pertimbangan.map((x) => x.sumber.kebijakanId)).toEqual(['kb-lain', 'kb-uji']);
  });
});
