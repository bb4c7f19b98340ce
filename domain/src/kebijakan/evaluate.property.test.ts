/**
 * Properties of the policy engine over random small organisations and random valid policy documents
 * (built as plain objects and passed through validateKebijakan, so they are real documents).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../kalender/dates.ts';
import { type HariLibur, JAM_KERJA_PERPRES_21_2023 } from '../kalender/work-hours.ts';
import { JABATAN_LEVEL, JENIS_OPD, JENIS_PEGAWAI, KELAS_LAYANAN, SEKTOR } from '../org/types.ts';
import {
  berlakuPada,
  dipilih,
  type EvaluasiHari,
  evaluateDay,
  hariKerja,
  type KalenderKerja,
  type OrgOpd,
  type OrgPegawai,
  type OrgSnapshot,
  type PreparedOrg,
  prepareOrg,
  versiBerlaku,
} from './evaluate.ts';
import { batasNasional, type KonteksWilayah, konteksPada } from './national.ts';
import { formatJalur, validateKebijakan } from './parse.ts';
import type { Aturan, Kebijakan } from './schema.ts';

// ─── Calendar: one week, Monday 4 – Sunday 10 March 2024, with a holiday and a cuti bersama ──────

const MINGGU: IsoDate[] = [
  '2024-03-04',
  '2024-03-05',
  '2024-03-06',
  '2024-03-07',
  '2024-03-08',
  '2024-03-09',
  '2024-03-10',
];
const libur = (tanggal: IsoDate, jenis: HariLibur['jenis']): [IsoDate, HariLibur] => [
  tanggal,
  { tanggal, jenis, nama: 'Hari libur uji', dasar: 'uji' },
];
const KAL: KalenderKerja = {
  jamKerja: JAM_KERJA_PERPRES_21_2023,
  libur: new Map([libur('2024-03-06', 'libur_nasional'), libur('2024-03-07', 'cuti_bersama')]),
};

// ─── Random organisations ────────────────────────────────────────────────────────────────────────

const MAKS_UNIT = 7;
const MAKS_ORANG = 14;
const KODE = [...Array(MAKS_UNIT).keys()].map((i) => `O${i}`);
const KUNCI = [...Array(MAKS_ORANG).keys()].map((i) => `P${String(i).padStart(2, '0')}`);

const orgArb: fc.Arbitrary<OrgSnapshot> = fc
  .record({
    units: fc.array(
      fc.record({
        induk: fc.option(fc.nat(), { nil: null, freq: 3 }),
        jenis: fc.constantFrom(...JENIS_OPD),
        kelas: fc.option(fc.constantFrom(...KELAS_LAYANAN), { nil: null }),
        sektor: fc.subarray([...SEKTOR], { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: MAKS_UNIT },
    ),
    people: fc.array(
      fc.record({
        unit: fc.nat(),
        jenisPegawai: fc.constantFrom(...JENIS_PEGAWAI),
        jabatanLevel: fc.constantFrom(...JABATAN_LEVEL),
        // now and then someone whose unit is missing from the snapshot
        tanpaUnit: fc.integer({ min: 0, max: 15 }).map((x) => x === 0),
      }),
      { maxLength: MAKS_ORANG },
    ),
  })
  .map(({ units, people }) => ({
    opd: units.map(
      (u, i): OrgOpd => ({
        id: `u${i}`,
        kode: KODE[i]!,
        nama: `Unit ${i}`,
        jenis: u.jenis,
        indukId: i > 0 && u.induk !== null ? `u${u.induk % i}` : null,
        kelasLayanan: u.kelas,
        sektor: u.sektor,
      }),
    ),
    pegawai: people.map(
      (p, i): OrgPegawai => ({
        key: KUNCI[i]!,
        nama: `Pegawai ${i}`,
        jenisPegawai: p.jenisPegawai,
        jabatanLevel: p.jabatanLevel,
        opdId: p.tanpaUnit ? 'unit-hilang' : `u${p.unit % units.length}`,
      }),
    ),
  }));

// ─── Random valid policy documents ───────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;

const KRITERIA = {
  // o3 in lower case: codes match whatever their case
  opd: fc.subarray([...KODE.slice(0, 3), 'o3', 'O4', 'TIDAK-ADA'], { minLength: 1, maxLength: 3 }),
  opd_jenis: fc.subarray([...JENIS_OPD], { minLength: 1, maxLength: 4 }),
  kelas_layanan: fc.subarray([...KELAS_LAYANAN], { minLength: 1 }),
  sektor: fc.subarray([...SEKTOR], { minLength: 1, maxLength: 3 }),
  jabatan_level: fc.subarray([...JABATAN_LEVEL], { minLength: 1, maxLength: 3 }),
  jenis_pegawai: fc.subarray([...JENIS_PEGAWAI], { minLength: 1, maxLength: 3 }),
  nip: fc.subarray(KUNCI.slice(0, 8), { minLength: 1, maxLength: 4 }),
};
type Kriteria = keyof typeof KRITERIA;

/** A selector with at most two criteria (more would rarely pick anyone), or "semua". */
const pemilihArb: fc.Arbitrary<Obj> = fc
  .tuple(
    fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as Kriteria[]) },
      {
        weight: 3,
        arbitrary: fc.subarray(Object.keys(KRITERIA) as Kriteria[], { minLength: 1, maxLength: 2 }),
      },
    ),
    fc.record(KRITERIA),
    fc.option(fc.boolean(), { nil: undefined }),
  )
  .map(([keys, vals, termasukUnit]) => {
    const p: Obj = keys.length === 0 ? { semua: true } : {};
    for (const k of keys) p[k] = vals[k];
    if (termasukUnit !== undefined) p.termasuk_unit = termasukUnit;
    return p;
  });

const per = fc.constantFrom('opd', 'unit');
const pembulatan = fc.constantFrom('bawah', 'atas', 'terdekat');
/** persen in halves, so the exact value of persen × n / 100 is known */
const kuotaArb = fc.oneof(
  fc.record({ persen: fc.integer({ min: 0, max: 200 }).map((x) => x / 2) }),
  fc.record({ jumlah: fc.integer({ min: 0, max: 6 }) }),
);
const metode = fc.constantFrom('wajah', 'elektronik', 'lokasi_berkala', 'catatan_admin', 'tidak_ada');
const bool = fc.boolean();
const opsional = { requiredKeys: [] as never[] };

const hasilArb: fc.Arbitrary<Obj> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ jenis: 'wfo' }) },
  { weight: 3, arbitrary: fc.constant({ jenis: 'wfh' }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 4, arbitrary: kuotaArb },
          {
            weight: 1,
            arbitrary: fc.record({
              menurut: fc.record(
                {
                  instrumen: fc.constantFrom('SE_MENPANRB_67_2020', 'PPKM_SE_MENPANRB_06_2022'),
                  kategori: fc.constantFrom('non_esensial', 'esensial', 'kritikal'),
                  wilayah: fc.constantFrom('jawa_bali', 'luar_jawa_bali'),
                },
                { requiredKeys: ['instrumen'] },
              ),
            }),
          },
        ),
        fc.record(
          { per, penyebut: fc.constantFrom('terpilih', 'asn_terpilih'), pembulatan, piket_dihitung: bool },
          opsional,
        ),
      )
      .map(([maks, rest]) => ({ jenis: 'batas_kantor', maks, ...rest })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(kuotaArb, fc.record({ per, pembulatan }, opsional))
      .map(([min, rest]) => ({ jenis: 'minimum_kantor', min, ...rest })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          jumlah: fc.integer({ min: 1, max: 3 }),
          per,
          boleh: pemilihArb,
          tugas: fc.constant('memonitor koordinasi'),
        },
        { requiredKeys: ['jumlah'] },
      )
      .map((r) => ({ jenis: 'piket', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          mulai: fc.constantFrom('07:00', '08:00'),
          selesai: fc.constantFrom('12:00', '15:30'),
          istirahat_menit: fc.integer({ min: 0, max: 60 }),
          hari: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        },
        { requiredKeys: ['mulai', 'selesai'] },
      )
      .map((r) => ({ jenis: 'jam_kerja', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          wfo: metode,
          wfh: metode,
          piket: metode,
          lokasi_setiap_jam: fc.constantFrom(0.5, 1, 2, 4),
          lokasi_dari: fc.constant('08:00'),
          lokasi_sampai: fc.constant('15:00'),
          dalam_jam_kerja: bool,
        },
        opsional,
      )
      .map((r) => ({ jenis: 'absensi', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        { surat_pernyataan: bool, target_kinerja: bool, tetap_di_rumah: bool, lapor_harian: bool },
        opsional,
      )
      .map((r) => ({ jenis: 'kewajiban_wfh', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          evaluasi_harian_kepala_unit: bool,
          kepala_unit_membagi_tugas: bool,
          rekap_jadwal_oleh_admin_opd: bool,
        },
        opsional,
      )
      .map((r) => ({ jenis: 'pelaporan', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        { tanggal: fc.subarray(MINGGU, { minLength: 1, maxLength: 3 }), alasan: fc.constant('sterilisasi') },
        opsional,
      )
      .map((r) => ({ jenis: 'penutupan_kantor', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        { mode: fc.constantFrom('normal', 'daring', 'terbatas', 'tutup'), kecuali: fc.constant('legalisir') },
        { requiredKeys: ['mode'] },
      )
      .map((r) => ({ jenis: 'layanan_publik', ...r })),
  },
);

const aturanArb: fc.Arbitrary<Obj> = fc.record(
  {
    pilih: fc.oneof(pemilihArb, fc.array(pemilihArb, { minLength: 1, maxLength: 2 })),
    kecuali: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(pemilihArb, { minLength: 1, maxLength: 2 }) },
    ),
    hasil: hasilArb,
    keterangan: fc.constant('kutipan dari surat'),
  },
  { requiredKeys: ['pilih', 'hasil'] },
);

const berlakuArb: fc.Arbitrary<Obj> = fc
  .tuple(
    fc.oneof(
      {
        weight: 2,
        arbitrary: fc.constantFrom<Obj>({ dari: '2024-03-01' }, { dari: '2024-03-04', sampai: '2024-03-31' }),
      },
      fc
        .tuple(
          fc.constantFrom('2024-02-26', ...MINGGU),
          fc.option(fc.constantFrom(...MINGGU, '2024-03-20'), { nil: undefined }),
        )
        .map(
          ([a, b]): Obj => (b === undefined ? { dari: a } : { dari: a < b ? a : b, sampai: a < b ? b : a }),
        ),
      fc.subarray(MINGGU, { minLength: 1, maxLength: 6 }).map((tanggal): Obj => ({ tanggal })),
    ),
    fc.record({ hari_kerja_saja: bool, termasuk_libur: bool }, opsional),
  )
  .map(([b, f]) => ({ ...b, ...f }));

const STATUS = ['draft', 'aktif', 'dicabut', 'diganti'] as const;
type Status = (typeof STATUS)[number];

function dokArb(status: fc.Arbitrary<Status>): fc.Arbitrary<Obj> {
  return fc
    .record({
      id: fc.constantFrom('kb-a', 'kb-b', 'kb-c', 'kb-d'),
      versi: fc.integer({ min: 1, max: 3 }),
      status,
      kedudukan: fc.option(fc.constantFrom(0, 10, 20), { nil: undefined }),
      tanggal: fc.constantFrom('2024-02-20', '2024-03-01'),
      berlaku: berlakuArb,
      cakupan: fc.option(
        fc.oneof(
          fc.constant({ semua: true }),
          fc.record({ opd: fc.subarray([...KODE.slice(0, 4), 'o1'], { minLength: 1, maxLength: 2 }) }),
        ),
        { nil: undefined },
      ),
      aturan: fc.array(aturanArb, { minLength: 1, maxLength: 5 }),
      dasar: fc.option(
        fc.constant([{ jenis: 'nasional', nomor: 'SE MenPANRB 19/2020', tanggal: '2020-03-16' }]),
        {
          nil: undefined,
        },
      ),
      fakta: fc.option(fc.constant([{ uraian: 'kasus meningkat', kasus_positif: 22, meninggal: 4 }]), {
        nil: undefined,
      }),
    })
    .map((r) => {
      const doc: Obj = {
        id: r.id,
        versi: r.versi,
        judul: `Kebijakan uji ${r.id}`,
        jenis_dokumen: 'surat_edaran',
        nomor: `800/${r.versi}/2024`,
        tanggal: r.tanggal,
        penandatangan: { jabatan: 'Sekretaris Daerah', nama: 'Pejabat Uji' },
        status: r.status,
        berlaku: r.berlaku,
        aturan: r.aturan.map((a, i) => ({ id: `r${i}`, judul: `Aturan uji ${i}`, ...a })),
      };
      if (r.versi > 1) doc.alasan_revisi = 'revisi setelah rekomendasi Dinkes';
      for (const k of ['kedudukan', 'cakupan', 'dasar', 'fakta'] as const)
        if (r[k] !== undefined) doc[k] = r[k];
      return doc;
    });
}

function sah(doc: unknown): Kebijakan {
  const r = validateKebijakan(doc);
  if (!r.ok) throw new Error(`generated document refused: ${r.masalah.map((m) => m.pesan.en).join('; ')}`);
  return r.kebijakan;
}

/** Documents with distinct (id, versi): two documents claiming the same version of a policy is bad data. */
const dokumenArb = (status: fc.Arbitrary<Status>, minLength: number, maxLength: number) =>
  fc
    .uniqueArray(dokArb(status), { minLength, maxLength, selector: (d) => `${d.id}@${d.versi}` })
    .map((ds) => ds.map(sah));

const konteksArb: fc.Arbitrary<KonteksWilayah[]> = fc.array(
  fc.record(
    {
      dari: fc.constantFrom('2024-01-01', '2024-03-06'),
      zona: fc.constantFrom('tidak_terdampak', 'rendah', 'sedang', 'tinggi'),
      levelPpkm: fc.constantFrom(1, 2, 3, 4),
    },
    { requiredKeys: ['dari'] },
  ),
  { maxLength: 2 },
);

const statusArb = fc.constantFrom<Status>(
  'aktif',
  'aktif',
  'aktif',
  'aktif',
  'aktif',
  'draft',
  'dicabut',
  'diganti',
);
/** Mostly working days (Monday, Tuesday, Friday), sometimes any day of the week. */
const tanggalArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2024-03-04', '2024-03-05', '2024-03-08') },
  { weight: 2, arbitrary: fc.constantFrom(...MINGGU) },
);

const skenarioArb = fc.record({
  org: orgArb,
  kebijakan: dokumenArb(statusArb, 1, 5),
  tanggal: tanggalArb,
  konteks: konteksArb,
});

// ─── An independent reading of "which rule decides the location" ────────────────────────────────

const LOKASI = new Set(['wfo', 'wfh', 'penutupan_kantor', 'batas_kantor']);

interface Kandidat {
  readonly k: Kebijakan;
  readonly a: Aturan;
}

/** Per policy in force: the first location rule (document order) that picks the person and applies today. */
function kandidatLokasi(
  semua: readonly Kebijakan[],
  org: PreparedOrg,
  p: OrgPegawai,
  tanggal: IsoDate,
  konteks: readonly KonteksWilayah[],
): Kandidat[] {
  const hari = hariKerja(tanggal, KAL);
  const unit = org.units.get(p.opdId);
  const kons = konteksPada(konteks, tanggal);
  const out: Kandidat[] = [];
  for (const k of versiBerlaku(semua)) {
    if (!berlakuPada(k, tanggal, hari)) continue;
    if ('opd' in k.cakupan && !(unit && k.cakupan.opd.some((c) => unit.garisKode.has(c.toUpperCase()))))
      continue;
    // A closure in force today wins within its policy, whatever the rule order.
    const tutup = k.aturan.find(
      (x) =>
        x.hasil.jenis === 'penutupan_kantor' &&
        dipilih(x, p, unit) &&
        (!x.hasil.tanggal || x.hasil.tanggal.includes(tanggal)),
    );
    const a =
      tutup ??
      k.aturan.find((x) => {
        const h = x.hasil;
        if (!LOKASI.has(h.jenis) || h.jenis === 'penutupan_kantor' || !dipilih(x, p, unit)) return false;
        if (h.jenis === 'batas_kantor' && 'menurut' in h.maks) {
          const m = h.maks.menurut;
          if (batasNasional(m.instrumen, m.kategori, m.wilayah, kons).persen === null) return false;
        }
        return true;
      });
    if (a) out.push({ k, a });
  }
  return out;
}

const LOKASI_DARI: Record<string, string> = {
  wfo: 'WFO',
  wfh: 'WFH',
  penutupan_kantor: 'WFH',
  batas_kantor: 'BEBAS',
};

/**
 * persen × n / 100 rounded as stated, in exact arithmetic (persen comes in halves); "terdekat" rounds
 * a half up (50% of 25 = 12.5 → 13).
 */
function bulatTepat(persen: number, n: number, cara: string): number {
  const num = Math.round(persen * 2) * n; // value = num / 200
  if (cara === 'bawah') return Math.floor(num / 200);
  if (cara === 'atas') return Math.ceil(num / 200);
  return Math.floor((num + 100) / 200);
}

/** A count compared as a number: -0 and 0 are the same cap here (`Object.is` would tell them apart). */
const angka = (x: number | undefined) => (x === 0 ? 0 : x);

const ev = (s: { org: OrgSnapshot; kebijakan: Kebijakan[]; tanggal: IsoDate; konteks: KonteksWilayah[] }) =>
  evaluateDay(s.kebijakan, prepareOrg(s.org), s.tanggal, KAL, s.konteks);

/** The groups with their member lists sorted (member order follows the order of people in the org). */
const kelompokTertata = (e: EvaluasiHari) =>
  e.kelompok.map((g) => ({
    ...g,
    anggota: [...g.anggota].sort(),
    ...(g.bolehPiket ? { bolehPiket: [...g.bolehPiket].sort() } : {}),
  }));

/**
 * Cases per property. Mutation testing (stryker.kebijakan.vitest.config.ts) sets SIGAP_FC_RUNS lower so that
 * hundreds of mutants can each run the same properties in reasonable time; the scores it reports are then
 * a lower bound. Everywhere else: 300.
 */
const RUNS = {
  numRuns:
    Number(
      (globalThis as unknown as { process?: { env: Record<string, string | undefined> } }).process?.env
        .SIGAP_FC_RUNS,
    ) || 300,
};

// ═════════════════════════════════════════════════════════════════════════════════════════════════

// Measured: each property here takes ≤ 1 s of CPU alone (vitest per-test CPU time on this 2-core machine);
// 30 s leaves far more than 2× room when the machine is shared with heavy work (up to ~9× slower).
describe('evaluateDay — properties over random organisations and policies', { timeout: 30_000 }, () => {
  it('the generators make real documents, and the scenarios pick people and set caps', () => {
    // guards against a generator that silently produces only trivial cases
    // (a quarter of the sample, with the same shares, in mutation runs: see RUNS)
    const n = RUNS.numRuns >= 300 ? 400 : 100;
    const contoh = fc.sample(skenarioArb, { numRuns: n, seed: 42 });
    const evs = contoh.map(ev);
    expect(evs.filter((e) => [...e.orang.values()].some((o) => o.sumber !== null)).length).toBeGreaterThan(
      n / 4,
    );
    expect(evs.filter((e) => e.kelompok.some((g) => g.jenis === 'batas_kantor')).length).toBeGreaterThan(
      (n * 3) / 40,
    );
    expect(evs.filter((e) => e.kelompok.some((g) => g.jenis === 'piket')).length).toBeGreaterThan(n / 40);
    const bersaing = contoh.map((s) => {
      const org = prepareOrg(s.org);
      const calon = s.org.pegawai.map((p) => kandidatLokasi(s.kebijakan, org, p, s.tanggal, s.konteks));
      return {
        beda: calon.some((c) => new Set(c.map((x) => x.k.kedudukan)).size > 1),
        setara: calon.some((c) => c.length > new Set(c.map((x) => x.k.kedudukan)).size),
      };
    });
    expect(bersaing.filter((b) => b.beda).length).toBeGreaterThan(n / 50);
    expect(bersaing.filter((b) => b.setara).length).toBeGreaterThan(n / 50);
  });

  it('(a) is deterministic: the same inputs give a deep-equal result', () => {
    fc.assert(
      fc.property(skenarioArb, (s) => {
        const org = prepareOrg(s.org);
        const a = evaluateDay(s.kebijakan, org, s.tanggal, KAL, s.konteks);
        const b = evaluateDay(s.kebijakan, org, s.tanggal, KAL, s.konteks);
        expect(b).toEqual(a);
        expect(ev(s)).toEqual(a);
      }),
      RUNS,
    );
  });

  it('(a) a day gives the same result evaluated alone or after other days of the same organisation', () => {
    // evaluateDay keeps profile decisions per organisation across days that look alike to every rule
    // (hari.ts, ingatanUntuk); whatever came before, a day's result must be the one it has alone.
    const duaMinggu: IsoDate[] = [
      ...MINGGU,
      '2024-03-11',
      '2024-03-12',
      '2024-03-13',
      '2024-03-14',
      '2024-03-15',
      '2024-03-18',
    ];
    fc.assert(
      fc.property(
        skenarioArb,
        fc.array(fc.constantFrom(...duaMinggu), { minLength: 2, maxLength: 8 }),
        dokumenArb(statusArb, 1, 3),
        (s, hari, lain) => {
          const org = prepareOrg(s.org);
          for (const [i, d] of hari.entries()) {
            // Now and then another set of documents on the same organisation (same ids, other content).
            const ks = i % 3 === 2 ? lain : s.kebijakan;
            const bersama = evaluateDay(ks, org, d, KAL, s.konteks);
            expect(bersama).toEqual(evaluateDay(ks, prepareOrg(s.org), d, KAL, s.konteks));
          }
        },
      ),
      RUNS,
    );
  });

  it('(a) shuffling people, units or policies changes nobody’s decision', () => {
    fc.assert(
      fc.property(
        skenarioArb.chain((s) =>
          fc.record({
            s: fc.constant(s),
            pegawai: fc.shuffledSubarray([...s.org.pegawai], {
              minLength: s.org.pegawai.length,
              maxLength: s.org.pegawai.length,
            }),
            opd: fc.shuffledSubarray([...s.org.opd], {
              minLength: s.org.opd.length,
              maxLength: s.org.opd.length,
            }),
            kebijakan: fc.shuffledSubarray(s.kebijakan, {
              minLength: s.kebijakan.length,
              maxLength: s.kebijakan.length,
            }),
          }),
        ),
        ({ s, pegawai, opd, kebijakan }) => {
          const a = ev(s);
          const b = ev({ ...s, org: { opd, pegawai }, kebijakan });
          expect(b.orang.size).toBe(a.orang.size);
          for (const [key, d] of a.orang) expect(b.orang.get(key), key).toEqual(d);
          expect(kelompokTertata(b)).toEqual(kelompokTertata(a));
          expect(b.kebijakan).toEqual(a.kebijakan);
          expect(b.peringatan).toEqual(a.peringatan);
        },
      ),
      RUNS,
    );
  });

  it('(b) everyone gets exactly one decision, from a rule of a policy in force that picks them — or none: WFO on a working day, LIBUR otherwise', () => {
    fc.assert(
      fc.property(skenarioArb, (s) => {
        const org = prepareOrg(s.org);
        const e = evaluateDay(s.kebijakan, org, s.tanggal, KAL, s.konteks);
        expect(e.hariKerja).toBe(hariKerja(s.tanggal, KAL).kerja);
        expect([...e.orang.keys()].sort()).toEqual(s.org.pegawai.map((p) => p.key).sort());
        const berlaku = versiBerlaku(s.kebijakan).filter((k) =>
          berlakuPada(k, s.tanggal, hariKerja(s.tanggal, KAL)),
        );
        expect(e.kebijakan.map((k) => `${k.id}@${k.versi}`)).toEqual(
          berlaku.map((k) => `${k.id}@${k.versi}`),
        );
        for (const p of s.org.pegawai) {
          const d = e.orang.get(p.key)!;
          expect(d.key).toBe(p.key);
          if (d.sumber === null) {
            expect(d.lokasi).toBe(e.hariKerja ? 'WFO' : 'LIBUR');
            continue;
          }
          const k = berlaku.find((x) => x.id === d.sumber!.kebijakanId);
          expect(k, 'the deciding policy is in force').toBeDefined();
          expect(k!.versi).toBe(d.sumber.versi);
          expect(k!.nomor).toBe(d.sumber.nomor);
          const a = k!.aturan.find((x) => x.id === d.sumber!.aturanId);
          expect(a, 'the deciding rule exists').toBeDefined();
          expect(a!.judul).toBe(d.sumber.judulAturan);
          expect(dipilih(a!, p, org.units.get(p.opdId)), 'the deciding rule picks the person').toBe(true);
          expect(d.lokasi).toBe(LOKASI_DARI[a!.hasil.jenis]);
        }
      }),
      RUNS,
    );
  });

  it('(c) someone no rule of any policy picks works at the office on a working day (and is off otherwise)', () => {
    fc.assert(
      fc.property(skenarioArb, (s) => {
        const org = prepareOrg(s.org);
        const e = evaluateDay(s.kebijakan, org, s.tanggal, KAL, s.konteks);
        for (const p of s.org.pegawai) {
          const unit = org.units.get(p.opdId);
          const d = e.orang.get(p.key)!;
          if (s.kebijakan.some((k) => k.aturan.some((a) => dipilih(a, p, unit)))) {
            // picked by no location rule in force: still WFO / LIBUR without a source
            if (kandidatLokasi(s.kebijakan, org, p, s.tanggal, s.konteks).length === 0) {
              expect(d.sumber).toBeNull();
              expect(d.lokasi).toBe(e.hariKerja ? 'WFO' : 'LIBUR');
            }
            continue;
          }
          expect(d.lokasi).toBe(e.hariKerja ? 'WFO' : 'LIBUR');
          expect(d.sumber).toBeNull();
          expect(d.kelompok).toEqual([]);
          expect(d.pertimbangan).toEqual([]);
          expect(d.absensi).toEqual({
            WFO: { metode: 'elektronik', sumber: null },
            WFH: { metode: 'catatan_admin', sumber: null },
            PIKET: { metode: 'elektronik', sumber: null },
          });
          expect(d.kewajibanWfh).toEqual({
            suratPernyataan: false,
            targetKinerja: false,
            tetapDiRumah: false,
            laporHarian: false,
            sumber: [],
          });
        }
      }),
      RUNS,
    );
  });

  it('(d) caps: maks ≤ members and equals persen × members with the stated rounding; groups and people agree', () => {
    fc.assert(
      fc.property(skenarioArb, (s) => {
        const e = ev(s);
        const kons = konteksPada(s.konteks, s.tanggal);
        const ids = new Set(e.kelompok.map((g) => g.id));
        expect(ids.size).toBe(e.kelompok.length);
        for (const g of e.kelompok) {
          const n = g.anggota.length;
          expect(n).toBeGreaterThan(0);
          expect(new Set(g.anggota).size).toBe(n);
          for (const key of g.anggota) expect(e.orang.get(key)?.kelompok, key).toContain(g.id);
          const k = s.kebijakan.find((x) => x.id === g.sumber.kebijakanId && x.versi === g.sumber.versi)!;
          const h = k.aturan.find((a) => a.id === g.sumber.aturanId)!.hasil;
          expect(h.jenis).toBe(g.jenis);
          if (h.jenis === 'batas_kantor') {
            expect(g.maks).toBeGreaterThanOrEqual(0);
            expect(g.maks).toBeLessThanOrEqual(n);
            expect(g.piketDihitung).toBe(h.piket_dihitung);
            const m = h.maks;
            if ('jumlah' in m) {
              expect(g.maks).toBe(Math.min(m.jumlah, n));
            } else {
              const persen =
                'persen' in m
                  ? m.persen
                  : (batasNasional(m.menurut.instrumen, m.menurut.kategori, m.menurut.wilayah, kons)
                      .persen as number);
              expect(angka(g.maks), `${persen}% of ${n}, ${h.pembulatan}`).toBe(
                bulatTepat(persen, n, h.pembulatan),
              );
            }
          } else if (h.jenis === 'minimum_kantor') {
            expect(g.min).toBeLessThanOrEqual(n);
            if ('jumlah' in h.min) expect(g.min).toBe(Math.min(h.min.jumlah, n));
            else expect(angka(g.min)).toBe(bulatTepat(h.min.persen, n, h.pembulatan));
          } else if (h.jenis === 'piket') {
            expect(g.jumlahPiket).toBe(h.jumlah);
            for (const key of g.bolehPiket ?? []) expect(g.anggota).toContain(key);
          }
        }
        for (const d of e.orang.values()) for (const id of d.kelompok) expect(ids.has(id), id).toBe(true);
      }),
      RUNS,
    );
  });

  it('(e) the higher `kedudukan` decides the location; at equal standing wfh or closure beats wfo', () => {
    fc.assert(
      fc.property(skenarioArb, (s) => {
        const org = prepareOrg(s.org);
        const e = evaluateDay(s.kebijakan, org, s.tanggal, KAL, s.konteks);
        for (const p of s.org.pegawai) {
          const d = e.orang.get(p.key)!;
          const calon = kandidatLokasi(s.kebijakan, org, p, s.tanggal, s.konteks);
          if (calon.length === 0) {
            expect(d.sumber).toBeNull();
            continue;
          }
          const menang = calon.find((c) => c.k.id === d.sumber?.kebijakanId && c.a.id === d.sumber?.aturanId);
          expect(menang, `${p.key}: the winner is a candidate`).toBeDefined();
          const tertinggi = Math.max(...calon.map((c) => c.k.kedudukan));
          expect(menang!.k.kedudukan).toBe(tertinggi);
          const setara = calon.filter((c) => c.k.kedudukan === tertinggi).map((c) => c.a.hasil.jenis);
          if (setara.includes('penutupan_kantor')) expect(menang!.a.hasil.jenis).toBe('penutupan_kantor');
          if (setara.includes('wfh') || setara.includes('penutupan_kantor')) expect(d.lokasi).not.toBe('WFO');
          if (setara.some((j) => j !== 'wfo')) expect(menang!.a.hasil.jenis).not.toBe('wfo');
        }
      }),
      RUNS,
    );
  });

  it('(e) two policies over everyone: the higher standing wins whatever it says; equal standing → the stricter', () => {
    const satuArb = fc.record({
      jenis: fc.constantFrom('wfo', 'wfh', 'penutupan_kantor'),
      kedudukan: fc.constantFrom(0, 10, 20),
      id: fc.constantFrom('kb-a', 'kb-b'),
    });
    const KETAT = { wfo: 1, wfh: 2, penutupan_kantor: 3 } as const;
    fc.assert(
      fc.property(
        orgArb,
        satuArb,
        satuArb,
        fc.constantFrom('2024-03-04', '2024-03-08'),
        (o, x, y, tanggal) => {
          fc.pre(x.id !== y.id && o.pegawai.length > 0);
          const buat = (z: typeof x) =>
            sah({
              id: z.id,
              versi: 1,
              judul: `Kebijakan ${z.id}`,
              jenis_dokumen: 'instruksi',
              nomor: '-',
              tanggal: '2024-03-01',
              penandatangan: { jabatan: 'Bupati' },
              status: 'aktif',
              kedudukan: z.kedudukan,
              berlaku: { dari: '2024-03-01' },
              aturan: [
                { id: 'semua', judul: 'Semua pegawai', pilih: { semua: true }, hasil: { jenis: z.jenis } },
              ],
            });
          const e = evaluateDay([buat(x), buat(y)], prepareOrg(o), tanggal, KAL);
          const harap =
            x.kedudukan !== y.kedudukan
              ? x.kedudukan > y.kedudukan
                ? x
                : y
              : KETAT[x.jenis] !== KETAT[y.jenis]
                ? KETAT[x.jenis] > KETAT[y.jenis]
                  ? x
                  : y
                : null;
          for (const d of e.orang.values()) {
            if (harap) expect(d.sumber?.kebijakanId).toBe(harap.id);
            expect(d.lokasi).toBe(LOKASI_DARI[(harap ?? x).jenis]);
          }
        },
      ),
      RUNS,
    );
  });

  it('(f) a draft, revoked or superseded document never affects anyone', () => {
    fc.assert(
      fc.property(
        dokumenArb(statusArb, 1, 3),
        dokumenArb(fc.constantFrom<Status>('draft', 'dicabut', 'diganti'), 1, 3),
        orgArb,
        fc.constantFrom(...MINGGU),
        konteksArb,
        fc.nat(),
        (berlaku, takBerlaku, o, tanggal, konteks, sisip) => {
          const org = prepareOrg(o);
          const tanpa = evaluateDay(berlaku, org, tanggal, KAL, konteks);
          // the inactive ones slipped in anywhere in the list
          const i = sisip % (berlaku.length + 1);
          const dengan = evaluateDay(
            [...berlaku.slice(0, i), ...takBerlaku, ...berlaku.slice(i)],
            org,
            tanggal,
            KAL,
            konteks,
          );
          expect(dengan).toEqual(tanpa);
          // and alone they leave everyone at the office (or off)
          const sendiri = evaluateDay(takBerlaku, org, tanggal, KAL, konteks);
          expect(sendiri.kebijakan).toEqual([]);
          for (const d of sendiri.orang.values()) {
            expect(d.sumber).toBeNull();
            expect(d.lokasi).toBe(sendiri.hariKerja ? 'WFO' : 'LIBUR');
          }
        },
      ),
      RUNS,
    );
  });
});

// ─── Schema ──────────────────────────────────────────────────────────────────────────────────────

type Jalur = (string | number)[];

/** Every path in a plain document (objects and arrays), parents before children. */
function semuaJalur(x: unknown, awal: Jalur = []): Jalur[] {
  if (x === null || typeof x !== 'object') return [];
  const out: Jalur[] = [];
  const entries: [string | number, unknown][] = Array.isArray(x)
    ? x.map((v, i) => [i, v])
    : Object.entries(x as Obj);
  for (const [k, v] of entries) {
    const j = [...awal, k];
    out.push(j, ...semuaJalur(v, j));
  }
  return out;
}

/** The fields a document must have, as present in this document. */
function jalurWajib(doc: Obj): Jalur[] {
  const out: Jalur[] = [
    ['id'],
    ['versi'],
    ['judul'],
    ['jenis_dokumen'],
    ['nomor'],
    ['tanggal'],
    ['penandatangan'],
    ['penandatangan', 'jabatan'],
    ['berlaku'],
    ['berlaku', 'dari' in (doc.berlaku as Obj) ? 'dari' : 'tanggal'],
    ['aturan'],
  ];
  if ((doc.versi as number) > 1) out.push(['alasan_revisi']);
  (doc.aturan as Obj[]).forEach((a, i) => {
    for (const f of ['id', 'judul', 'pilih', 'hasil']) out.push(['aturan', i, f]);
    out.push(['aturan', i, 'hasil', 'jenis']);
    const wajib: Record<string, string[]> = {
      batas_kantor: ['maks'],
      minimum_kantor: ['min'],
      piket: ['jumlah'],
      jam_kerja: ['mulai', 'selesai'],
      layanan_publik: ['mode'],
    };
    for (const f of wajib[(a.hasil as Obj).jenis as string] ?? []) out.push(['aturan', i, 'hasil', f]);
  });
  ((doc.dasar as Obj[] | undefined) ?? []).forEach((_, i) => {
    out.push(['dasar', i, 'jenis'], ['dasar', i, 'nomor']);
  });
  ((doc.fakta as Obj[] | undefined) ?? []).forEach((_, i) => {
    out.push(['fakta', i, 'uraian']);
  });
  return out;
}

/**
 * The path a problem is reported at. Inside a union (a rule's `pilih`, a cap's `maks`/`min`, `cakupan`)
 * zod cannot tell which branch was meant and reports the union itself; a missing `berlaku.dari`/`tanggal`
 * is a cross-field rule reported on `berlaku`.
 */
function jalurDilaporkan(j: Jalur, hapus: boolean): Jalur {
  if (j[0] === 'cakupan') return ['cakupan'];
  if (j[0] === 'aturan' && j[2] === 'pilih') return j.slice(0, 3);
  if (j[0] === 'aturan' && j[2] === 'hasil' && (j[3] === 'maks' || j[3] === 'min')) return j.slice(0, 4);
  if (hapus && j[0] === 'berlaku' && (j[1] === 'dari' || j[1] === 'tanggal')) return ['berlaku'];
  return j;
}

function ubah(doc: Obj, j: Jalur, f: (parent: Obj | unknown[], key: string | number) => void): Obj {
  const salin = JSON.parse(JSON.stringify(doc)) as Obj;
  let o: unknown = salin;
  for (const k of j.slice(0, -1)) o = (o as Obj)[k as string];
  f(o as Obj, j.at(-1)!);
  return salin;
}

function salahJenis(v: unknown): unknown {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return 'empat puluh dua';
  if (typeof v === 'boolean') return 'ya';
  return 42; // objects and lists
}

function periksaDitolak(doc: Obj, j: Jalur, hapus: boolean) {
  const r = validateKebijakan(doc);
  expect(r.ok, formatJalur(j)).toBe(false);
  if (r.ok) return;
  // The field itself; inside a union whose branch cannot be told apart, the union.
  const harap = [formatJalur(j), formatJalur(jalurDilaporkan(j, hapus))];
  expect(
    r.masalah.some((m) => harap.includes(m.jalur)),
    `${hapus ? 'removed' : 'wrong type at'} ${formatJalur(j)}: got ${r.masalah.map((m) => m.jalur).join(', ')}`,
  ).toBe(true);
  for (const m of r.masalah) {
    for (const teks of [m.pesan.id, m.pesan.en]) {
      expect(teks.startsWith(`${m.jalur}: `)).toBe(true);
      expect(teks.slice(m.jalur.length + 2).trim().length).toBeGreaterThan(0);
    }
  }
}

// Measured: each property here takes ≤ 1 s of CPU alone (vitest per-test CPU time on this 2-core machine);
// 30 s leaves far more than 2× room when the machine is shared with heavy work (up to ~9× slower).
describe('validateKebijakan — properties', { timeout: 30_000 }, () => {
  const dokPolosArb = dokArb(statusArb).filter((d) => validateKebijakan(d).ok);

  it('(g) a document missing one required field is refused, naming the field in Indonesian and English', () => {
    fc.assert(
      fc.property(
        dokPolosArb.chain((doc) =>
          fc.record({ doc: fc.constant(doc), j: fc.constantFrom(...jalurWajib(doc)) }),
        ),
        ({ doc, j }) => {
          const tanpa = ubah(doc, j, (o, k) => {
            if (Array.isArray(o)) o.splice(k as number, 1);
            else delete o[k as string];
          });
          periksaDitolak(tanpa, j, true);
        },
      ),
      RUNS,
    );
  });

  it('(g) a field given a wrong type is refused, naming the field in Indonesian and English', () => {
    fc.assert(
      fc.property(
        dokPolosArb.chain((doc) =>
          fc.record({ doc: fc.constant(doc), j: fc.constantFrom(...semuaJalur(doc)) }),
        ),
        ({ doc, j }) => {
          const salah = ubah(doc, j, (o, k) => {
            (o as Obj)[k as string] = salahJenis((o as Obj)[k as string]);
          });
          periksaDitolak(salah, j, false);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('(g) examples: a cap given as text, a rule without a result, a list given as one code', () => {
    const doc = sah({
      id: 'kb-contoh',
      versi: 1,
      judul: 'Contoh',
      jenis_dokumen: 'surat_edaran',
      nomor: '1/2024',
      tanggal: '2024-03-01',
      penandatangan: { jabatan: 'Sekda' },
      berlaku: { dari: '2024-03-04' },
      aturan: [
        {
          id: 'batas',
          judul: 'Batas 50%',
          pilih: { semua: true },
          hasil: { jenis: 'batas_kantor', maks: { persen: 50 } },
        },
        {
          id: 'piket',
          judul: 'Piket',
          pilih: { semua: true },
          kecuali: [{ opd: ['DINKES'] }],
          hasil: { jenis: 'piket', jumlah: 1 },
        },
      ],
    });
    const polos = JSON.parse(JSON.stringify(doc)) as Obj;
    periksaDitolak(
      ubah(polos, ['aturan', 0, 'hasil', 'maks'], (o) => ((o as Obj).maks = '50%')),
      ['aturan', 0, 'hasil', 'maks'],
      false,
    );
    periksaDitolak(
      ubah(polos, ['aturan', 1, 'hasil'], (o) => delete (o as Obj).hasil),
      ['aturan', 1, 'hasil'],
      true,
    );
    periksaDitolak(
      ubah(polos, ['aturan', 1, 'kecuali', 0, 'opd'], (o) => ((o as Obj).opd = 'DINKES')),
      ['aturan', 1, 'kecuali', 0, 'opd'],
      false,
    );
  });
});
