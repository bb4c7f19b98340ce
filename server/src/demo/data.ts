/**
 * The demo Pemda: a Kota Batu–like city (Jawa Timur) with about 37 OPDs, their units and about
 * 3,000 employees, as rows in exactly the import format of docs/CONTRACTS.md (opd and pegawai CSV,
 * canonical column names, every value a string, '' for empty).
 *
 * Pure and deterministic: a seeded PRNG (mulberry32) drives every choice; nothing reads the clock or
 * Math.random, so two calls return identical rows. Office coordinates come from a PRNG seeded by the
 * OPD code, so adding an OPD does not move the others.
 *
 * Coordinates are approximations around the real centre of Kota Batu (alun-alun, -7.8710, 112.5260);
 * the names of people are invented.
 */
import {
  composeNip,
  type JabatanLevel,
  type JenisOpd,
  type JenisPegawai,
  type JenisPemda,
  type KelasLayanan,
  type Role,
  type Sektor,
  type ZonaWaktu,
} from '@sigap/domain';

// ---------------------------------------------------------------------------------------------
// Public helpers

export const DEMO_TENANT: {
  readonly kode: string;
  readonly nama: string;
  readonly jenis: JenisPemda;
  readonly zonaWaktu: ZonaWaktu;
  readonly pusatLat: number;
  readonly pusatLng: number;
} = {
  kode: 'kota-batu',
  nama: 'Pemerintah Kota Batu',
  jenis: 'kota',
  zonaWaktu: 'Asia/Jakarta',
  pusatLat: -7.871,
  pusatLng: 112.526,
};

export const DEMO_PASSWORD = 'sigap-demo-2026';

/** The latest TMT (appointment) year in the data: nobody is appointed after 2025. */
export const DEMO_TMT_MAKS = 2025;

export interface DemoPemda {
  /** kode,nama,jenis,induk_kode,kelas_layanan,sektor,lat,lng,radius_m */
  readonly opd: Record<string, string>[];
  /** nip,nama,jenis_pegawai,jabatan_level,jabatan,opd_kode,atasan_nip,email,telepon,rumah_lat,rumah_lng,id_pegawai */
  readonly pegawai: Record<string, string>[];
}

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly nama: string;
  readonly role: Role;
  /** scope of opd_admin / unit_head; null for whole-Pemda roles */
  readonly opdKode: string | null;
  /** the employee the account belongs to (a NIP present in the generated rows) */
  readonly nip: string | null;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, for per-code seeds. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** integer in [a, b] */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
}

const SEED = 20200812; // the date of Batu's first WFH notice

// ---------------------------------------------------------------------------------------------
// Geography

const PUSAT = { lat: DEMO_TENANT.pusatLat, lng: DEMO_TENANT.pusatLng };
/** Balai Kota Among Tani, where most of the secretariat and several dinas sit. */
const AMONG_TANI: readonly [number, number] = [-7.8826, 112.5327];
const M_PER_DEG_LAT = 110_574;
const mPerDegLng = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** Fixed decimals whose last digit is never 0, so the text survives a number round trip unchanged. */
function coord(x: number, d: number): string {
  const f = 10 ** d;
  let n = Math.round(x * f);
  if (n % 10 === 0) n += n < 0 ? -1 : 1;
  return (n / f).toFixed(d);
}

/** A point at distance [minM, maxM] metres from `c`, uniform over the ring's area. */
function around(r: Rng, c: { lat: number; lng: number }, minM: number, maxM: number): [number, number] {
  const u = r.float();
  const dist = Math.sqrt(minM * minM + u * (maxM * maxM - minM * minM));
  const ang = r.float() * 2 * Math.PI;
  return [c.lat + (dist * Math.cos(ang)) / M_PER_DEG_LAT, c.lng + (dist * Math.sin(ang)) / mPerDegLng(c.lat)];
}

/** Approximate centres of the kelurahan and desa of Kota Batu (for offices of schools and units). */
const WILAYAH: Record<string, readonly [number, number]> = {
  Sisir: [-7.8745, 112.5236],
  Ngaglik: [-7.8664, 112.5246],
  Temas: [-7.8795, 112.5346],
  Songgokerto: [-7.8802, 112.5083],
  Pesanggrahan: [-7.8886, 112.5232],
  'Oro-Oro Ombo': [-7.8968, 112.5311],
  Sidomulyo: [-7.8602, 112.5198],
  Sumberejo: [-7.8878, 112.5412],
  Beji: [-7.8951, 112.5471],
  Junrejo: [-7.9021, 112.5523],
  Mojorejo: [-7.8963, 112.5562],
  Pendem: [-7.9079, 112.5603],
  Dadaprejo: [-7.9101, 112.5652],
  Tlekung: [-7.9127, 112.5334],
  Torongrejo: [-7.8872, 112.5532],
  Bumiaji: [-7.8491, 112.5332],
  Pandanrejo: [-7.8563, 112.5421],
  Punten: [-7.8442, 112.5283],
  Gunungsari: [-7.8424, 112.5152],
  Giripurno: [-7.8357, 112.5476],
  Bulukerto: [-7.8293, 112.5334],
};
const W = (nama: string): readonly [number, number] => WILAYAH[nama]!;

// ---------------------------------------------------------------------------------------------
// Titles (gelar) and functional positions

/** [front title, back title, "ahli" (graduate) level] */
type G = readonly [string, string, boolean];

const G_JPT: readonly G[] = [
  ['', 'S.H., M.H.', true],
  ['', 'S.Sos., M.Si.', true],
  ['', 'S.E., M.M.', true],
  ['', 'S.T., M.T.', true],
  ['', 'S.STP., M.Si.', true],
  ['', 'S.AP., M.AP.', true],
  ['Drs.', 'M.Si.', true],
  ['Dr.', 'S.Sos., M.Si.', true],
  ['Ir.', 'M.M.', true],
  ['', 'S.IP., M.AP.', true],
];
const G_STRUKTURAL: readonly G[] = [
  ['', 'S.Sos.', true],
  ['', 'S.E.', true],
  ['', 'S.H.', true],
  ['', 'S.AP.', true],
  ['', 'S.Kom.', true],
  ['', 'S.T.', true],
  ['', 'S.IP.', true],
  ['', 'S.STP.', true],
  ['', 'S.E., M.M.', true],
  ['', 'S.Sos., M.Si.', true],
  ['', 'S.H., M.H.', true],
  ['', 'S.Pd.', true],
  ['', 'S.Ak.', true],
  ['', 'S.P.', true],
];
const G_PELAKSANA: readonly G[] = [
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', 'S.E.', true],
  ['', 'S.Kom.', true],
  ['', 'S.Sos.', true],
  ['', 'S.H.', true],
  ['', 'A.Md.', false],
  ['', 'A.Md.Kom.', false],
  ['', 'S.AP.', true],
  ['', 'S.Ak.', true],
  ['', 'A.Md.Ak.', false],
];
const G_THL: readonly G[] = [
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', 'A.Md.', false],
  ['', 'S.Kom.', true],
];
/** field and manual work: rarely a degree */
const G_LAPANGAN: readonly G[] = [
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', '', false],
  ['', 'A.Md.', false],
];
const G_DOKTER: readonly G[] = [
  ['dr.', '', true],
  ['dr.', 'M.Kes.', true],
  ['dr.', 'M.KM.', true],
];
const G_KADINKES: readonly G[] = [
  ['dr.', 'M.Kes.', true],
  ['dr.', 'M.KM.', true],
  ['dr.', 'MARS.', true],
];
const G_DIREKTUR_RS: readonly G[] = [
  ['dr.', 'Sp.PD.', true],
  ['dr.', 'MARS.', true],
  ['dr.', 'Sp.OG.', true],
  ['dr.', 'M.MRS.', true],
];
const G_KAPUS: readonly G[] = [
  ['dr.', '', true],
  ['dr.', 'M.Kes.', true],
  ['drg.', '', true],
  ['', 'S.KM., M.Kes.', true],
];
const G_DINDIK: readonly G[] = [
  ['', 'S.Pd., M.Pd.', true],
  ['Dr.', 'M.Pd.', true],
  ['Drs.', 'M.Pd.', true],
];
const G_KEPSEK: readonly G[] = [
  ['', 'S.Pd.', true],
  ['', 'S.Pd., M.Pd.', true],
  ['', 'S.Pd.SD.', true],
  ['', 'S.Pd.I.', true],
  ['Drs.', '', true],
];

interface FungDef {
  /** title, or variants of it (e.g. a teacher's subject) */
  readonly t: string | readonly string[];
  readonly g: readonly G[];
  /** share of women */
  readonly f: number;
  /** share of PPPK and of part-time PPPK among the holders (the rest PNS) */
  readonly pppk?: number;
  readonly ppw?: number;
  /** lowest rank: 0 = Ahli Pertama / Terampil, 1 = Ahli Muda / Mahir */
  readonly min?: 0 | 1;
}

const FUNG = {
  dokter: { t: 'Dokter', g: [['dr.', '', true]], f: 0.55, pppk: 0.15, ppw: 0 },
  spesialis: {
    t: 'Dokter',
    g: [
      ['dr.', 'Sp.PD.', true],
      ['dr.', 'Sp.A.', true],
      ['dr.', 'Sp.OG.', true],
      ['dr.', 'Sp.B.', true],
      ['dr.', 'Sp.An.', true],
      ['dr.', 'Sp.Rad.', true],
      ['dr.', 'Sp.P.', true],
      ['dr.', 'Sp.JP.', true],
      ['dr.', 'Sp.N.', true],
      ['dr.', 'Sp.M.', true],
      ['dr.', 'Sp.THT-KL.', true],
      ['dr.', 'Sp.KK.', true],
      ['dr.', 'Sp.KJ.', true],
      ['dr.', 'Sp.OT.', true],
    ],
    f: 0.45,
    pppk: 0.1,
    min: 1,
  },
  patolog: { t: 'Dokter', g: [['dr.', 'Sp.PK.', true]], f: 0.6, ppw: 0, min: 1 },
  drg: { t: 'Dokter Gigi', g: [['drg.', '', true]], f: 0.7 },
  perawat: {
    t: 'Perawat',
    g: [
      ['', 'A.Md.Kep.', false],
      ['', 'A.Md.Kep.', false],
      ['', 'S.Kep., Ns.', true],
    ],
    f: 0.68,
    pppk: 0.34,
    ppw: 0.08,
  },
  bidan: {
    t: 'Bidan',
    g: [
      ['', 'A.Md.Keb.', false],
      ['', 'S.Tr.Keb.', true],
      ['', 'S.Keb., Bd.', true],
    ],
    f: 1,
    pppk: 0.34,
    ppw: 0.08,
  },
  apoteker: { t: 'Apoteker', g: [['apt.', 'S.Farm.', true]], f: 0.7, pppk: 0.25 },
  asisten_apoteker: { t: 'Asisten Apoteker', g: [['', 'A.Md.Farm.', false]], f: 0.75, pppk: 0.35, ppw: 0.08 },
  atlm: {
    t: 'Pranata Laboratorium Kesehatan',
    g: [
      ['', 'A.Md.AK.', false],
      ['', 'S.Tr.Kes.', true],
    ],
    f: 0.65,
    pppk: 0.3,
  },
  nutrisionis: {
    t: 'Nutrisionis',
    g: [
      ['', 'A.Md.Gz.', false],
      ['', 'S.Gz.', true],
    ],
    f: 0.85,
    pppk: 0.3,
  },
  sanitarian: {
    t: 'Tenaga Sanitasi Lingkungan',
    g: [
      ['', 'A.Md.KL.', false],
      ['', 'S.KM.', true],
    ],
    f: 0.5,
  },
  promkes: { t: 'Penyuluh Kesehatan Masyarakat', g: [['', 'S.KM.', true]], f: 0.7 },
  epidemiolog: {
    t: 'Epidemiolog Kesehatan',
    g: [
      ['', 'S.KM.', true],
      ['', 'S.KM., M.Epid.', true],
    ],
    f: 0.55,
    pppk: 0,
  },
  admkes: {
    t: 'Administrator Kesehatan',
    g: [
      ['', 'S.KM.', true],
      ['', 'S.KM., M.Kes.', true],
    ],
    f: 0.6,
  },
  radiografer: { t: 'Radiografer', g: [['', 'A.Md.Rad.', false]], f: 0.4, pppk: 0.3 },
  fisioterapis: {
    t: 'Fisioterapis',
    g: [
      ['', 'A.Md.Ftr.', false],
      ['', 'S.Tr.Ftr.', true],
    ],
    f: 0.6,
    pppk: 0.3,
  },
  perekam_medis: { t: 'Perekam Medis', g: [['', 'A.Md.RMIK.', false]], f: 0.6, pppk: 0.35, ppw: 0.1 },
  psikolog: { t: 'Psikolog Klinis', g: [['', 'S.Psi., M.Psi., Psikolog', true]], f: 0.75 },
  guru_sd: {
    t: [
      'Guru Kelas',
      'Guru Kelas',
      'Guru Kelas',
      'Guru Kelas',
      'Guru Kelas',
      'Guru Pendidikan Agama Islam',
      'Guru PJOK',
    ],
    g: [
      ['', 'S.Pd.', true],
      ['', 'S.Pd.SD.', true],
      ['', 'S.Pd.', true],
      ['', 'S.Pd.I.', true],
    ],
    f: 0.7,
    pppk: 0.38,
    ppw: 0.05,
  },
  guru_smp: {
    t: [
      'Guru Matematika',
      'Guru Bahasa Indonesia',
      'Guru Bahasa Inggris',
      'Guru IPA',
      'Guru IPS',
      'Guru PPKn',
      'Guru Pendidikan Agama Islam',
      'Guru Pendidikan Agama Kristen',
      'Guru PJOK',
      'Guru Seni Budaya',
      'Guru Bimbingan dan Konseling',
      'Guru Informatika',
      'Guru Prakarya',
      'Guru Bahasa Jawa',
    ],
    g: [
      ['', 'S.Pd.', true],
      ['', 'S.Pd.', true],
      ['', 'S.Pd., M.Pd.', true],
      ['', 'S.Si.', true],
      ['', 'S.Pd.I.', true],
      ['', 'S.Kom.', true],
    ],
    f: 0.62,
    pppk: 0.35,
    ppw: 0.05,
  },
  pengawas_sekolah: {
    t: 'Pengawas Sekolah',
    g: [
      ['', 'S.Pd., M.Pd.', true],
      ['Drs.', 'M.Pd.', true],
    ],
    f: 0.4,
    pppk: 0,
    ppw: 0,
    min: 1,
  },
  penilik: { t: 'Penilik', g: [['', 'S.Pd.', true]], f: 0.5, pppk: 0, ppw: 0 },
  auditor: {
    t: 'Auditor',
    g: [
      ['', 'S.E.', true],
      ['', 'S.E., Ak.', true],
      ['', 'S.Ak.', true],
      ['', 'S.H.', true],
    ],
    f: 0.5,
    pppk: 0,
    ppw: 0,
  },
  p2upd: {
    t: 'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah',
    g: [
      ['', 'S.STP.', true],
      ['', 'S.H.', true],
      ['', 'S.Sos.', true],
      ['', 'S.T.', true],
    ],
    f: 0.4,
    pppk: 0,
    ppw: 0,
  },
  analis_kebijakan: {
    t: 'Analis Kebijakan',
    g: [
      ['', 'S.Sos., M.Si.', true],
      ['', 'S.AP.', true],
      ['', 'S.IP.', true],
      ['', 'S.H.', true],
    ],
    f: 0.45,
    pppk: 0.1,
  },
  analis_hukum: {
    t: 'Analis Hukum',
    g: [
      ['', 'S.H.', true],
      ['', 'S.H., M.H.', true],
    ],
    f: 0.5,
  },
  perancang: {
    t: 'Perancang Peraturan Perundang-undangan',
    g: [
      ['', 'S.H.', true],
      ['', 'S.H., M.H.', true],
    ],
    f: 0.5,
    pppk: 0,
  },
  perencana: {
    t: 'Perencana',
    g: [
      ['', 'S.T.', true],
      ['', 'S.E., M.Si.', true],
      ['', 'S.P.', true],
      ['', 'S.Si.', true],
      ['', 'S.PWK.', true],
    ],
    f: 0.45,
    pppk: 0.1,
  },
  pranata_komputer: {
    t: 'Pranata Komputer',
    g: [
      ['', 'A.Md.Kom.', false],
      ['', 'S.Kom.', true],
      ['', 'S.T.', true],
    ],
    f: 0.35,
    pppk: 0.3,
  },
  pranata_humas: {
    t: 'Pranata Hubungan Masyarakat',
    g: [
      ['', 'S.I.Kom.', true],
      ['', 'A.Md.', false],
      ['', 'S.Sos.', true],
    ],
    f: 0.5,
  },
  statistisi: {
    t: 'Statistisi',
    g: [
      ['', 'S.Si.', true],
      ['', 'S.Stat.', true],
      ['', 'A.Md.Stat.', false],
    ],
    f: 0.5,
  },
  sandiman: {
    t: 'Sandiman',
    g: [
      ['', 'A.Md.', false],
      ['', 'S.Kom.', true],
    ],
    f: 0.3,
  },
  arsiparis: {
    t: 'Arsiparis',
    g: [
      ['', 'A.Md.', false],
      ['', 'S.Hum.', true],
      ['', 'S.AP.', true],
    ],
    f: 0.6,
  },
  pustakawan: {
    t: 'Pustakawan',
    g: [
      ['', 'A.Md.', false],
      ['', 'S.IIP.', true],
      ['', 'S.Hum.', true],
    ],
    f: 0.65,
  },
  asdm: {
    t: 'Analis Sumber Daya Manusia Aparatur',
    g: [
      ['', 'S.Psi.', true],
      ['', 'S.AP.', true],
      ['', 'S.Sos.', true],
      ['', 'S.H.', true],
    ],
    f: 0.55,
    pppk: 0.05,
  },
  apkd: {
    t: 'Analis Keuangan Pusat dan Daerah',
    g: [
      ['', 'S.E.', true],
      ['', 'S.Ak.', true],
      ['', 'S.E., M.Ak.', true],
    ],
    f: 0.55,
  },
  pbj: {
    t: 'Pengelola Pengadaan Barang/Jasa',
    g: [
      ['', 'S.E.', true],
      ['', 'S.T.', true],
      ['', 'S.Kom.', true],
    ],
    f: 0.35,
    pppk: 0,
  },
  penyuluh_pertanian: {
    t: 'Penyuluh Pertanian',
    g: [
      ['', 'S.P.', true],
      ['', 'S.ST.', true],
      ['', 'A.Md.P.', false],
    ],
    f: 0.4,
    pppk: 0.35,
  },
  pangan: {
    t: 'Analis Ketahanan Pangan',
    g: [
      ['', 'S.P.', true],
      ['', 'S.TP.', true],
    ],
    f: 0.5,
  },
  poptph: { t: 'Pengendali Organisme Pengganggu Tumbuhan', g: [['', 'S.P.', true]], f: 0.35 },
  medik_veteriner: { t: 'Medik Veteriner', g: [['drh.', '', true]], f: 0.5 },
  paramedik_veteriner: {
    t: 'Paramedik Veteriner',
    g: [
      ['', 'A.Md.Pt.', false],
      ['', 'A.Md.Vet.', false],
    ],
    f: 0.35,
  },
  penyuluh_perikanan: {
    t: 'Penyuluh Perikanan',
    g: [
      ['', 'S.Pi.', true],
      ['', 'A.Md.', false],
    ],
    f: 0.35,
  },
  pedal: {
    t: 'Pengendali Dampak Lingkungan',
    g: [
      ['', 'S.T.', true],
      ['', 'S.Si.', true],
    ],
    f: 0.5,
  },
  pengawas_lh: {
    t: 'Pengawas Lingkungan Hidup',
    g: [
      ['', 'S.T.', true],
      ['', 'S.Si.', true],
    ],
    f: 0.45,
  },
  penguji: {
    t: 'Penguji Kendaraan Bermotor',
    g: [
      ['', 'A.Md.T.', false],
      ['', '', false],
      ['', 'S.Tr.T.', true],
    ],
    f: 0.1,
  },
  polpp: {
    t: 'Polisi Pamong Praja',
    g: [
      ['', '', false],
      ['', '', false],
      ['', 'S.H.', true],
      ['', 'S.Sos.', true],
    ],
    f: 0.2,
    pppk: 0.15,
  },
  damkar: { t: 'Pemadam Kebakaran', g: [['', '', false]], f: 0.05, pppk: 0.2 },
  analis_kebakaran: { t: 'Analis Kebakaran', g: [['', 'S.T.', true]], f: 0.2 },
  peksos: {
    t: 'Pekerja Sosial',
    g: [
      ['', 'S.Sos.', true],
      ['', 'S.Tr.Sos.', true],
      ['', 'A.Md.', false],
    ],
    f: 0.6,
  },
  penyuluh_sosial: { t: 'Penyuluh Sosial', g: [['', 'S.Sos.', true]], f: 0.5 },
  penyuluh_kb: {
    t: 'Penyuluh Keluarga Berencana',
    g: [
      ['', 'S.Sos.', true],
      ['', 'S.Pd.', true],
      ['', 'S.KM.', true],
    ],
    f: 0.7,
    pppk: 0.2,
  },
  adminduk: {
    t: 'Administrator Database Kependudukan',
    g: [
      ['', 'S.Kom.', true],
      ['', 'A.Md.Kom.', false],
    ],
    f: 0.4,
  },
  psm: {
    t: 'Penggerak Swadaya Masyarakat',
    g: [
      ['', 'S.Sos.', true],
      ['', 'S.P.', true],
    ],
    f: 0.45,
  },
  penata_ruang: {
    t: 'Penata Ruang',
    g: [
      ['', 'S.T.', true],
      ['', 'S.PWK.', true],
    ],
    f: 0.4,
  },
  teknik_jalan: {
    t: 'Teknik Jalan dan Jembatan',
    g: [
      ['', 'S.T.', true],
      ['', 'A.Md.T.', false],
    ],
    f: 0.2,
  },
  teknik_pengairan: {
    t: 'Teknik Pengairan',
    g: [
      ['', 'S.T.', true],
      ['', 'A.Md.T.', false],
    ],
    f: 0.2,
  },
  teknik_bangunan: {
    t: 'Teknik Tata Bangunan dan Perumahan',
    g: [
      ['', 'S.T.', true],
      ['', 'A.Md.T.', false],
    ],
    f: 0.3,
  },
  pengawas_koperasi: { t: 'Pengawas Koperasi', g: [['', 'S.E.', true]], f: 0.5 },
  pengawas_perdagangan: {
    t: 'Pengawas Perdagangan',
    g: [
      ['', 'S.E.', true],
      ['', 'S.H.', true],
    ],
    f: 0.5,
  },
  penera: {
    t: 'Penera',
    g: [
      ['', 'A.Md.', false],
      ['', 'S.T.', true],
    ],
    f: 0.3,
  },
  pkpm: {
    t: 'Penata Kelola Penanaman Modal',
    g: [
      ['', 'S.E.', true],
      ['', 'S.AP.', true],
    ],
    f: 0.5,
  },
  adyatama: {
    t: 'Adyatama Kepariwisataan dan Ekonomi Kreatif',
    g: [
      ['', 'S.Par.', true],
      ['', 'S.E.', true],
    ],
    f: 0.55,
  },
  pamong_budaya: {
    t: 'Pamong Budaya',
    g: [
      ['', 'S.Sn.', true],
      ['', 'S.S.', true],
      ['', 'S.Hum.', true],
    ],
    f: 0.45,
  },
  pengantar_kerja: {
    t: 'Pengantar Kerja',
    g: [
      ['', 'S.E.', true],
      ['', 'S.Psi.', true],
    ],
    f: 0.5,
  },
  mediator_hi: { t: 'Mediator Hubungan Industrial', g: [['', 'S.H.', true]], f: 0.4 },
  instruktur: {
    t: 'Instruktur',
    g: [
      ['', 'S.T.', true],
      ['', 'A.Md.', false],
    ],
    f: 0.25,
  },
  penilai_pajak: {
    t: 'Penilai Pajak Bumi dan Bangunan',
    g: [
      ['', 'S.E.', true],
      ['', 'S.T.', true],
    ],
    f: 0.4,
  },
  pemeriksa_pajak: { t: 'Pemeriksa Pajak Daerah', g: [['', 'S.E.', true]], f: 0.45 },
  peneliti: {
    t: 'Peneliti',
    g: [
      ['', 'S.Si., M.Si.', true],
      ['', 'S.P., M.P.', true],
      ['Dr.', 'M.Si.', true],
    ],
    f: 0.45,
    pppk: 0,
  },
  perekayasa: {
    t: 'Perekayasa',
    g: [
      ['', 'S.T., M.T.', true],
      ['', 'S.Kom.', true],
    ],
    f: 0.3,
  },
  analis_bencana: {
    t: 'Analis Penanggulangan Bencana',
    g: [
      ['', 'S.T.', true],
      ['', 'S.Si.', true],
    ],
    f: 0.3,
  },
  penata_kadastral: {
    t: 'Penata Kadastral',
    g: [
      ['', 'S.T.', true],
      ['', 'A.Md.T.', false],
    ],
    f: 0.3,
  },
} as const satisfies Record<string, FungDef>;
type FungKey = keyof typeof FUNG;

const P_UMUM: readonly string[] = [
  'Pengadministrasi Perkantoran',
  'Pengadministrasi Perkantoran',
  'Pengadministrasi Umum',
  'Pengolah Data dan Informasi',
  'Pengolah Data dan Informasi',
  'Penata Layanan Operasional',
  'Pengelola Layanan Operasional',
  'Operator Layanan Operasional',
  'Pengelola Keuangan',
  'Pengelola Barang Milik Daerah',
  'Pengelola Kepegawaian',
  'Bendahara Pengeluaran Pembantu',
  'Pengemudi',
  'Pramu Bakti',
];
const THL_UMUM: readonly string[] = [
  'THL Tenaga Administrasi',
  'THL Tenaga Administrasi',
  'THL Operator Komputer',
  'THL Pengemudi',
  'THL Petugas Kebersihan',
  'THL Petugas Keamanan',
  'THL Tenaga Teknis',
];
const MALE_TITLE =
  /Pengemudi|Keamanan|Penjaga|Penyapu|Pemadam|Juru|Teknisi|Alat Berat|Pengangkut|Parkir|Reaksi Cepat|Mekanik|Lapangan|Penjagal|Perbengkelan|Trantib/;

// ---------------------------------------------------------------------------------------------
// The organisation

/** [pns, pppk, pppk_paruh_waktu, non_asn] shares among pelaksana */
type Mix = readonly [number, number, number, number];
const MIX_UMUM: Mix = [0.56, 0.1, 0.18, 0.16];
const MIX_LAPANGAN: Mix = [0.26, 0.06, 0.36, 0.32];

interface HeadSpec {
  readonly jabatan: string;
  readonly level: JabatanLevel;
  readonly g?: readonly G[];
}

type Site = 'amongtani' | 'acak' | readonly [number, number];

interface NodeSpec {
  readonly kode: string;
  readonly nama: string;
  readonly jenis: JenisOpd;
  readonly kelas?: KelasLayanan;
  readonly sektor?: readonly Sektor[];
  /** own office; top-level OPDs always have one, units without one inherit */
  readonly site?: Site;
  readonly radius?: number;
  readonly head: HeadSpec;
  /** further structural officials at this node, reporting to its head */
  readonly deputies?: readonly HeadSpec[];
  /** this node's head reports to the parent's deputy with this index (else to the parent's head) */
  readonly via?: number;
  readonly fung?: readonly (readonly [FungKey, number])[];
  /** pelaksana count (PNS, PPPK, part-time PPPK and THL by `mix`) */
  readonly p?: number;
  readonly pTitles?: readonly string[];
  readonly thlTitles?: readonly string[];
  readonly mix?: Mix;
  readonly units?: readonly NodeSpec[];
}

type Fs = readonly (readonly [FungKey, number])[];
type Extra = Partial<NodeSpec>;

const slug = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '-');

/** The secretariat of a dinas/badan, with its subbagian (suffix, name, pelaksana, fungsional). */
function sekret(
  opd: string,
  namaOpd: string,
  subs: readonly (readonly [string, string, number, Fs?])[],
  x: Extra = {},
): NodeSpec {
  return {
    kode: `${opd}-SEKRET`,
    nama: `Sekretariat ${namaOpd}`,
    jenis: 'lainnya',
    head: { jabatan: `Sekretaris ${namaOpd}`, level: 'administrator' },
    units: subs.map(([s, nama, p, fung]) => ({
      kode: `${opd}-${s}`,
      nama: `Subbagian ${nama}`,
      jenis: 'lainnya',
      head: { jabatan: `Kepala Subbagian ${nama}`, level: 'pengawas' },
      p,
      ...(fung ? { fung } : {}),
    })),
    ...x,
  };
}

function bidang(opd: string, s: string, nama: string, fung: Fs, p: number, x: Extra = {}): NodeSpec {
  return {
    kode: `${opd}-${s}`,
    nama: `Bidang ${nama}`,
    jenis: 'lainnya',
    head: { jabatan: `Kepala Bidang ${nama}`, level: 'administrator' },
    fung,
    p,
    ...x,
  };
}

function seksi(kode: string, nama: string, fung: Fs, p: number, x: Extra = {}): NodeSpec {
  return {
    kode,
    nama: `Seksi ${nama}`,
    jenis: 'lainnya',
    head: { jabatan: `Kepala Seksi ${nama}`, level: 'pengawas' },
    fung,
    p,
    ...x,
  };
}

function upt(kode: string, nama: string, fung: Fs, p: number, x: Extra = {}): NodeSpec {
  return {
    kode,
    nama,
    jenis: 'upt',
    site: 'acak',
    head: { jabatan: `Kepala ${nama}`, level: 'pengawas' },
    fung,
    p,
    ...x,
  };
}

/** A dinas/badan: head (JPT) + secretariat + bidang/UPT. */
function opd(
  kode: string,
  nama: string,
  jenis: JenisOpd,
  kelas: KelasLayanan,
  site: Site,
  units: readonly NodeSpec[],
  x: Extra = {},
): NodeSpec {
  return { kode, nama, jenis, kelas, site, head: { jabatan: `Kepala ${nama}`, level: 'jpt' }, units, ...x };
}

const SUBS_BESAR = (
  p1: number,
  p2: number,
  p3: number,
): readonly (readonly [string, string, number, Fs?])[] => [
  ['UMPEG', 'Umum dan Kepegawaian', p1],
  ['KEU', 'Keuangan dan Aset', p2, [['apkd', 1]]],
  ['PROG', 'Perencanaan dan Pelaporan', p3, [['perencana', 1]]],
];
const SUBS_KECIL = (p1: number, p2: number): readonly (readonly [string, string, number, Fs?])[] => [
  ['UMPEG', 'Umum dan Kepegawaian', p1],
  ['KEU', 'Keuangan dan Perencanaan', p2],
];

const PUSKESMAS_TIM: Fs = [
  ['dokter', 4],
  ['drg', 1],
  ['perawat', 16],
  ['bidan', 13],
  ['apoteker', 1],
  ['asisten_apoteker', 2],
  ['atlm', 2],
  ['nutrisionis', 1],
  ['sanitarian', 1],
  ['promkes', 1],
  ['perekam_medis', 2],
];
const THL_KESEHATAN = [
  'THL Petugas Kebersihan',
  'THL Pengemudi Ambulans',
  'THL Petugas Keamanan',
  'THL Tenaga Administrasi',
];

function puskesmas(kode: string, nama: string, at: readonly [number, number], extra = 0): NodeSpec {
  return {
    kode,
    nama: `Puskesmas ${nama}`,
    jenis: 'puskesmas',
    kelas: 'pelayanan',
    sektor: ['kesehatan'],
    site: at,
    radius: 80,
    head: { jabatan: `Kepala Puskesmas ${nama}`, level: 'pengawas', g: G_KAPUS },
    fung: extra > 0 ? [...PUSKESMAS_TIM, ['perawat', extra], ['bidan', extra]] : PUSKESMAS_TIM,
    p: 9,
    pTitles: [
      'Pengadministrasi Perkantoran',
      'Pengolah Data dan Informasi',
      'Pengelola Keuangan',
      'Pengemudi',
    ],
    thlTitles: THL_KESEHATAN,
  };
}

function sdn(desa: string, no: string, guru = 11): NodeSpec {
  const nama = `SD Negeri ${desa} ${no}`;
  return {
    kode: `SDN-${slug(desa)}-${no}`,
    nama,
    jenis: 'upt',
    kelas: 'pelayanan',
    site: W(desa),
    radius: 60,
    head: { jabatan: `Kepala ${nama}`, level: 'pengawas', g: G_KEPSEK },
    fung: [['guru_sd', guru]],
    p: 2,
    pTitles: ['Pengadministrasi Sekolah', 'Pengelola Perpustakaan Sekolah', 'Penjaga Sekolah'],
    thlTitles: ['THL Penjaga Sekolah', 'THL Tenaga Administrasi Sekolah'],
  };
}

function smpn(no: number, at: readonly [number, number], guru: number): NodeSpec {
  const nama = `SMP Negeri ${no} Batu`;
  return {
    kode: `SMPN-${no}`,
    nama,
    jenis: 'upt',
    kelas: 'pelayanan',
    site: at,
    radius: 90,
    head: { jabatan: `Kepala ${nama}`, level: 'pengawas', g: G_KEPSEK },
    fung: [['guru_smp', guru]],
    p: 6,
    pTitles: [
      'Pengadministrasi Sekolah',
      'Pengelola Perpustakaan Sekolah',
      'Pengelola Laboratorium',
      'Penjaga Sekolah',
    ],
    thlTitles: ['THL Penjaga Sekolah', 'THL Tenaga Administrasi Sekolah', 'THL Petugas Kebersihan'],
  };
}

function kelurahan(nama: string, p = 8): NodeSpec {
  return {
    kode: `KEL-${slug(nama)}`,
    nama: `Kelurahan ${nama}`,
    jenis: 'kelurahan',
    kelas: 'pelayanan',
    site: W(nama),
    radius: 60,
    head: { jabatan: `Lurah ${nama}`, level: 'pengawas' },
    deputies: [{ jabatan: `Sekretaris Kelurahan ${nama}`, level: 'pengawas' }],
    p,
    pTitles: [
      'Pengadministrasi Perkantoran',
      'Pengolah Data dan Informasi',
      'Penata Layanan Operasional',
      'Operator Layanan Operasional',
    ],
    thlTitles: ['THL Tenaga Administrasi', 'THL Petugas Kebersihan', 'THL Petugas Trantib'],
  };
}

function kecamatan(
  nama: string,
  at: readonly [number, number],
  kel: readonly NodeSpec[],
  p: number,
): NodeSpec {
  const k = `KEC-${slug(nama)}`;
  return {
    kode: k,
    nama: `Kecamatan ${nama}`,
    jenis: 'kecamatan',
    kelas: 'pelayanan',
    site: at,
    radius: 100,
    head: { jabatan: `Camat ${nama}`, level: 'administrator' },
    p: 1,
    units: [
      {
        kode: `${k}-SEKRET`,
        nama: `Sekretariat Kecamatan ${nama}`,
        jenis: 'lainnya',
        kelas: 'non_pelayanan',
        head: { jabatan: `Sekretaris Kecamatan ${nama}`, level: 'administrator' },
        p: p + 2,
      },
      seksi(`${k}-PEM`, 'Pemerintahan', [], p - 1),
      seksi(`${k}-TRANTIB`, 'Ketenteraman dan Ketertiban Umum', [], p, {
        thlTitles: ['THL Petugas Trantib', 'THL Linmas'],
      }),
      seksi(`${k}-KESOS`, 'Kesejahteraan Sosial', [], p - 1),
      seksi(`${k}-EKBANG`, 'Ekonomi dan Pembangunan', [], p - 1),
      seksi(`${k}-YANUM`, 'Pelayanan Umum', [], p + 1),
      ...kel,
    ],
  };
}

const ORG: readonly NodeSpec[] = [
  {
    kode: 'SETDA',
    nama: 'Sekretariat Daerah',
    jenis: 'sekretariat',
    kelas: 'non_pelayanan',
    site: 'amongtani',
    radius: 150,
    head: { jabatan: 'Sekretaris Daerah', level: 'jpt' },
    deputies: [
      { jabatan: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', level: 'jpt' },
      { jabatan: 'Asisten Perekonomian dan Pembangunan', level: 'jpt' },
      { jabatan: 'Asisten Administrasi Umum', level: 'jpt' },
    ],
    fung: [['analis_kebijakan', 2]],
    p: 3,
    units: [
      {
        kode: 'BAG-PEM',
        nama: 'Bagian Pemerintahan',
        jenis: 'bagian',
        via: 0,
        head: { jabatan: 'Kepala Bagian Pemerintahan', level: 'administrator' },
        fung: [['analis_kebijakan', 3]],
        p: 6,
      },
      {
        kode: 'BAG-HUKUM',
        nama: 'Bagian Hukum',
        jenis: 'bagian',
        via: 0,
        head: { jabatan: 'Kepala Bagian Hukum', level: 'administrator' },
        fung: [
          ['perancang', 4],
          ['analis_hukum', 3],
        ],
        p: 5,
      },
      {
        kode: 'BAG-KESRA',
        nama: 'Bagian Kesejahteraan Rakyat',
        jenis: 'bagian',
        via: 0,
        head: { jabatan: 'Kepala Bagian Kesejahteraan Rakyat', level: 'administrator' },
        fung: [['analis_kebijakan', 2]],
        p: 7,
      },
      {
        kode: 'BAG-PEREK',
        nama: 'Bagian Perekonomian dan Sumber Daya Alam',
        jenis: 'bagian',
        via: 1,
        head: { jabatan: 'Kepala Bagian Perekonomian dan Sumber Daya Alam', level: 'administrator' },
        fung: [['analis_kebijakan', 2]],
        p: 5,
      },
      {
        kode: 'BAG-ADPEM',
        nama: 'Bagian Administrasi Pembangunan',
        jenis: 'bagian',
        via: 1,
        head: { jabatan: 'Kepala Bagian Administrasi Pembangunan', level: 'administrator' },
        fung: [['perencana', 3]],
        p: 5,
      },
      {
        kode: 'BAG-PBJ',
        nama: 'Bagian Pengadaan Barang dan Jasa',
        jenis: 'bagian',
        via: 1,
        head: { jabatan: 'Kepala Bagian Pengadaan Barang dan Jasa', level: 'administrator' },
        fung: [['pbj', 8]],
        p: 4,
      },
      {
        kode: 'BAG-UMUM',
        nama: 'Bagian Umum',
        jenis: 'bagian',
        via: 2,
        head: { jabatan: 'Kepala Bagian Umum', level: 'administrator' },
        fung: [['arsiparis', 2]],
        p: 3,
        units: [
          {
            kode: 'BAG-UMUM-TU',
            nama: 'Subbagian Tata Usaha Pimpinan',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Subbagian Tata Usaha Pimpinan', level: 'pengawas' },
            p: 8,
          },
          {
            kode: 'BAG-UMUM-RT',
            nama: 'Subbagian Rumah Tangga',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Subbagian Rumah Tangga', level: 'pengawas' },
            p: 22,
            mix: [0.35, 0.05, 0.25, 0.35],
            pTitles: [
              'Pengemudi',
              'Pengemudi',
              'Pramu Bakti',
              'Pengelola Barang Milik Daerah',
              'Teknisi Sarana dan Prasarana',
            ],
            thlTitles: [
              'THL Pengemudi',
              'THL Petugas Kebersihan',
              'THL Petugas Keamanan',
              'THL Juru Taman',
              'THL Teknisi Listrik',
            ],
          },
          {
            kode: 'BAG-UMUM-KEU',
            nama: 'Subbagian Keuangan',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Subbagian Keuangan', level: 'pengawas' },
            fung: [['apkd', 2]],
            p: 6,
          },
        ],
      },
      {
        kode: 'BAG-ORG',
        nama: 'Bagian Organisasi',
        jenis: 'bagian',
        via: 2,
        head: { jabatan: 'Kepala Bagian Organisasi', level: 'administrator' },
        fung: [
          ['analis_kebijakan', 2],
          ['asdm', 2],
        ],
        p: 4,
      },
      {
        kode: 'BAG-PROKOPIM',
        nama: 'Bagian Protokol dan Komunikasi Pimpinan',
        jenis: 'bagian',
        via: 2,
        head: { jabatan: 'Kepala Bagian Protokol dan Komunikasi Pimpinan', level: 'administrator' },
        fung: [['pranata_humas', 4]],
        p: 8,
      },
    ],
  },
  {
    kode: 'SETWAN',
    nama: 'Sekretariat DPRD',
    jenis: 'sekretariat',
    kelas: 'non_pelayanan',
    site: [-7.8818, 112.5341],
    radius: 120,
    head: { jabatan: 'Sekretaris DPRD', level: 'jpt' },
    mix: [0.4, 0.08, 0.2, 0.32],
    units: [
      {
        kode: 'SETWAN-UMUM',
        nama: 'Bagian Umum dan Keuangan',
        jenis: 'bagian',
        head: { jabatan: 'Kepala Bagian Umum dan Keuangan', level: 'administrator' },
        fung: [
          ['apkd', 1],
          ['arsiparis', 1],
        ],
        p: 18,
        pTitles: [...P_UMUM, 'Pengemudi', 'Pengemudi'],
        thlTitles: [
          'THL Pengemudi',
          'THL Pengemudi',
          'THL Petugas Kebersihan',
          'THL Petugas Keamanan',
          'THL Tenaga Administrasi',
        ],
      },
      {
        kode: 'SETWAN-SIDANG',
        nama: 'Bagian Persidangan dan Perundang-undangan',
        jenis: 'bagian',
        head: { jabatan: 'Kepala Bagian Persidangan dan Perundang-undangan', level: 'administrator' },
        fung: [
          ['perancang', 2],
          ['analis_hukum', 1],
        ],
        p: 7,
      },
      {
        kode: 'SETWAN-FASIL',
        nama: 'Bagian Fasilitasi Penganggaran dan Pengawasan',
        jenis: 'bagian',
        head: { jabatan: 'Kepala Bagian Fasilitasi Penganggaran dan Pengawasan', level: 'administrator' },
        fung: [['analis_kebijakan', 3]],
        p: 6,
      },
    ],
  },
  {
    kode: 'INSPEKTORAT',
    nama: 'Inspektorat',
    jenis: 'inspektorat',
    kelas: 'non_pelayanan',
    site: [-7.8772, 112.5302],
    radius: 80,
    head: { jabatan: 'Inspektur', level: 'jpt' },
    units: [
      sekret('INSP', 'Inspektorat', SUBS_KECIL(5, 4)),
      ...['I', 'II', 'III', 'IV'].map((n) => ({
        kode: `INSP-IRBAN${n}`,
        nama: `Inspektur Pembantu Wilayah ${n}`,
        jenis: 'lainnya' as const,
        head: { jabatan: `Inspektur Pembantu Wilayah ${n}`, level: 'administrator' as const },
        fung: [
          ['auditor', 4],
          ['p2upd', 3],
        ] as Fs,
        p: 1,
      })),
    ],
  },
  opd(
    'DINKES',
    'Dinas Kesehatan',
    'dinas',
    'non_pelayanan',
    'amongtani',
    [
      sekret('DINKES', 'Dinas Kesehatan', SUBS_BESAR(8, 6, 3), { fung: [['admkes', 1]] }),
      bidang(
        'DINKES',
        'KESMAS',
        'Kesehatan Masyarakat',
        [
          ['promkes', 3],
          ['nutrisionis', 2],
          ['sanitarian', 2],
          ['bidan', 2],
        ],
        3,
      ),
      bidang(
        'DINKES',
        'P2P',
        'Pencegahan dan Pengendalian Penyakit',
        [
          ['epidemiolog', 4],
          ['sanitarian', 1],
          ['perawat', 3],
        ],
        3,
      ),
      bidang(
        'DINKES',
        'YANKES',
        'Pelayanan dan Sumber Daya Kesehatan',
        [
          ['admkes', 2],
          ['apoteker', 2],
          ['dokter', 1],
        ],
        3,
      ),
      puskesmas('PKM-BATU', 'Batu', [-7.8721, 112.5194], 6),
      puskesmas('PKM-SISIR', 'Sisir', [-7.8788, 112.5241], 2),
      puskesmas('PKM-BEJI', 'Beji', [-7.8936, 112.5433], 4),
      puskesmas('PKM-JUNREJO', 'Junrejo', [-7.9004, 112.5514]),
      puskesmas('PKM-BUMIAJI', 'Bumiaji', [-7.8504, 112.5326], 3),
      upt(
        'LABKESDA',
        'UPT Laboratorium Kesehatan Daerah',
        [
          ['atlm', 9],
          ['patolog', 1],
        ],
        4,
        {
          kelas: 'pelayanan',
          site: [-7.8751, 112.5273],
          radius: 50,
          thlTitles: THL_KESEHATAN,
        },
      ),
      upt(
        'DINKES-IFK',
        'UPT Instalasi Farmasi',
        [
          ['apoteker', 2],
          ['asisten_apoteker', 4],
        ],
        4,
        { radius: 60 },
      ),
    ],
    {
      sektor: ['kesehatan'],
      radius: 90,
      head: { jabatan: 'Kepala Dinas Kesehatan', level: 'jpt', g: G_KADINKES },
    },
  ),
  {
    kode: 'RSUD',
    nama: 'RSUD Kota Batu',
    jenis: 'rsud',
    kelas: 'pelayanan',
    sektor: ['kesehatan'],
    site: [-7.8807, 112.5169],
    radius: 250,
    head: { jabatan: 'Direktur RSUD Kota Batu', level: 'jpt', g: G_DIREKTUR_RS },
    thlTitles: THL_KESEHATAN,
    mix: [0.36, 0.16, 0.28, 0.2],
    units: [
      {
        kode: 'RSUD-TU',
        nama: 'Bagian Tata Usaha',
        jenis: 'bagian',
        kelas: 'non_pelayanan',
        head: { jabatan: 'Kepala Bagian Tata Usaha RSUD', level: 'administrator' },
        units: [
          {
            kode: 'RSUD-UMPEG',
            nama: 'Subbagian Umum dan Kepegawaian',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Subbagian Umum dan Kepegawaian RSUD', level: 'pengawas' },
            p: 24,
            pTitles: [...P_UMUM, 'Pengemudi Ambulans', 'Teknisi Elektromedis'],
            thlTitles: [
              'THL Petugas Kebersihan',
              'THL Petugas Kebersihan',
              'THL Petugas Keamanan',
              'THL Pengemudi Ambulans',
              'THL Teknisi',
              'THL Petugas Laundry',
            ],
          },
          {
            kode: 'RSUD-KEU',
            nama: 'Subbagian Keuangan',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Subbagian Keuangan RSUD', level: 'pengawas' },
            fung: [['apkd', 2]],
            p: 10,
            pTitles: ['Pengelola Keuangan', 'Bendahara Penerimaan', 'Verifikator Keuangan', 'Petugas Kasir'],
          },
          {
            kode: 'RSUD-PROG',
            nama: 'Subbagian Perencanaan dan Sistem Informasi',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Subbagian Perencanaan dan Sistem Informasi RSUD', level: 'pengawas' },
            fung: [
              ['pranata_komputer', 3],
              ['perencana', 1],
            ],
            p: 4,
          },
        ],
      },
      {
        kode: 'RSUD-YANMED',
        nama: 'Bidang Pelayanan Medis',
        jenis: 'lainnya',
        head: { jabatan: 'Kepala Bidang Pelayanan Medis', level: 'administrator', g: G_DOKTER },
        fung: [['dokter', 3]],
        p: 2,
        units: [
          {
            kode: 'RSUD-IGD',
            nama: 'Instalasi Gawat Darurat',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Gawat Darurat', level: 'pengawas', g: G_DOKTER },
            fung: [
              ['dokter', 8],
              ['perawat', 26],
            ],
            p: 4,
            pTitles: ['Petugas Pendaftaran', 'Pengemudi Ambulans', 'Pengadministrasi Perkantoran'],
          },
          {
            kode: 'RSUD-IRJ',
            nama: 'Instalasi Rawat Jalan',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Rawat Jalan', level: 'pengawas', g: G_DOKTER },
            fung: [
              ['spesialis', 16],
              ['dokter', 3],
              ['drg', 2],
              ['perawat', 22],
              ['psikolog', 1],
            ],
            p: 8,
            pTitles: ['Petugas Pendaftaran', 'Pengadministrasi Perkantoran', 'Pengolah Data dan Informasi'],
          },
          {
            kode: 'RSUD-IRNA',
            nama: 'Instalasi Rawat Inap',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Rawat Inap', level: 'pengawas', g: G_DOKTER },
            fung: [
              ['spesialis', 3],
              ['dokter', 4],
              ['perawat', 78],
              ['bidan', 18],
            ],
            p: 10,
            pTitles: ['Pengadministrasi Perkantoran', 'Pramu Husada', 'Pengolah Data dan Informasi'],
          },
          {
            kode: 'RSUD-IBS',
            nama: 'Instalasi Bedah Sentral',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Bedah Sentral', level: 'pengawas', g: G_DOKTER },
            fung: [
              ['spesialis', 4],
              ['perawat', 18],
            ],
            p: 2,
          },
        ],
      },
      bidang('RSUD', 'KEP', 'Keperawatan', [['perawat', 5]], 2),
      {
        ...bidang(
          'RSUD',
          'PENUNJANG',
          'Penunjang Medis dan Non Medis',
          [
            ['perekam_medis', 10],
            ['fisioterapis', 4],
          ],
          3,
        ),
        units: [
          {
            kode: 'RSUD-LAB',
            nama: 'Instalasi Laboratorium',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Laboratorium', level: 'pengawas' },
            fung: [
              ['atlm', 14],
              ['patolog', 1],
            ],
            p: 2,
          },
          {
            kode: 'RSUD-RAD',
            nama: 'Instalasi Radiologi',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Radiologi', level: 'pengawas' },
            fung: [['radiografer', 7]],
            p: 1,
          },
          {
            kode: 'RSUD-FARMASI',
            nama: 'Instalasi Farmasi',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Farmasi', level: 'pengawas' },
            fung: [
              ['apoteker', 6],
              ['asisten_apoteker', 10],
            ],
            p: 3,
          },
          {
            kode: 'RSUD-GIZI',
            nama: 'Instalasi Gizi',
            jenis: 'lainnya',
            head: { jabatan: 'Kepala Instalasi Gizi', level: 'pengawas' },
            fung: [['nutrisionis', 6]],
            p: 10,
            pTitles: ['Juru Masak', 'Pramu Saji'],
            thlTitles: ['THL Juru Masak', 'THL Pramu Saji'],
          },
        ],
      },
    ],
  },
  opd(
    'DINDIK',
    'Dinas Pendidikan',
    'dinas',
    'non_pelayanan',
    [-7.8699, 112.5302],
    [
      sekret('DINDIK', 'Dinas Pendidikan', SUBS_BESAR(8, 6, 3)),
      bidang('DINDIK', 'PAUD', 'Pembinaan PAUD dan Pendidikan Nonformal', [['penilik', 5]], 3),
      bidang('DINDIK', 'SD', 'Pembinaan Sekolah Dasar', [['pengawas_sekolah', 6]], 4),
      bidang('DINDIK', 'SMP', 'Pembinaan Sekolah Menengah Pertama', [['pengawas_sekolah', 4]], 3),
      bidang('DINDIK', 'GTK', 'Guru dan Tenaga Kependidikan', [['asdm', 2]], 4),
      sdn('Sisir', '01', 13),
      sdn('Sisir', '02'),
      sdn('Sisir', '03'),
      sdn('Ngaglik', '01', 12),
      sdn('Ngaglik', '02'),
      sdn('Temas', '01', 12),
      sdn('Temas', '02'),
      sdn('Songgokerto', '01'),
      sdn('Pesanggrahan', '01', 12),
      sdn('Pesanggrahan', '02'),
      sdn('Oro-Oro Ombo', '01'),
      sdn('Sidomulyo', '01'),
      sdn('Sumberejo', '01'),
      sdn('Beji', '01', 12),
      sdn('Beji', '02'),
      sdn('Junrejo', '01', 12),
      sdn('Mojorejo', '01'),
      sdn('Pendem', '01'),
      sdn('Dadaprejo', '01'),
      sdn('Tlekung', '01'),
      sdn('Torongrejo', '01'),
      sdn('Bumiaji', '01', 12),
      sdn('Pandanrejo', '01'),
      sdn('Punten', '01', 12),
      sdn('Gunungsari', '01'),
      sdn('Giripurno', '01'),
      sdn('Bulukerto', '01'),
      smpn(1, [-7.8722, 112.5287], 44),
      smpn(2, [-7.8786, 112.5212], 40),
      smpn(3, [-7.8571, 112.5305], 38),
      smpn(4, [-7.8978, 112.5498], 36),
      smpn(5, [-7.8471, 112.5192], 30),
      smpn(6, [-7.8905, 112.5304], 28),
    ],
    { radius: 80, head: { jabatan: 'Kepala Dinas Pendidikan', level: 'jpt', g: G_DINDIK } },
  ),
  opd('DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', SUBS_BESAR(6, 5, 2)),
    bidang('DPUPR', 'BM', 'Bina Marga', [['teknik_jalan', 5]], 6, {
      mix: MIX_LAPANGAN,
      thlTitles: ['THL Pekerja Jalan', 'THL Tenaga Teknis Lapangan'],
    }),
    bidang('DPUPR', 'SDA', 'Sumber Daya Air', [['teknik_pengairan', 4]], 5, {
      mix: MIX_LAPANGAN,
      thlTitles: ['THL Juru Pengairan', 'THL Tenaga Teknis Lapangan'],
    }),
    bidang('DPUPR', 'CK', 'Cipta Karya', [['teknik_bangunan', 4]], 3),
    bidang('DPUPR', 'TARU', 'Penataan Ruang', [['penata_ruang', 4]], 2),
    bidang('DPUPR', 'JAKON', 'Jasa Konstruksi', [['teknik_bangunan', 2]], 2),
    upt('DPUPR-UPT-ALAT', 'UPT Peralatan dan Perbengkelan', [], 12, {
      mix: MIX_LAPANGAN,
      pTitles: ['Operator Alat Berat', 'Mekanik', 'Pengemudi'],
      thlTitles: ['THL Operator Alat Berat', 'THL Mekanik', 'THL Pengemudi Truk'],
    }),
  ]),
  opd('DISPERKIM', 'Dinas Perumahan dan Kawasan Permukiman', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISPERKIM', 'Dinas Perumahan dan Kawasan Permukiman', SUBS_KECIL(5, 3)),
    bidang('DISPERKIM', 'PERUMAHAN', 'Perumahan', [['teknik_bangunan', 3]], 3),
    bidang('DISPERKIM', 'KAWASAN', 'Kawasan Permukiman', [['teknik_bangunan', 2]], 3),
    bidang('DISPERKIM', 'PJU', 'Pertamanan dan Penerangan Jalan Umum', [], 16, {
      mix: MIX_LAPANGAN,
      pTitles: ['Petugas Pertamanan', 'Teknisi Penerangan Jalan Umum'],
      thlTitles: ['THL Juru Taman', 'THL Teknisi Penerangan Jalan Umum'],
    }),
  ]),
  opd(
    'SATPOLPP',
    'Satuan Polisi Pamong Praja',
    'lainnya',
    'pelayanan',
    [-7.8835, 112.5315],
    [
      sekret('SATPOLPP', 'Satuan Polisi Pamong Praja', SUBS_KECIL(6, 4), { kelas: 'non_pelayanan' }),
      bidang('SATPOLPP', 'TRANTIB', 'Ketertiban Umum dan Ketenteraman Masyarakat', [['polpp', 26]], 8),
      bidang('SATPOLPP', 'GAKDA', 'Penegakan Peraturan Daerah', [['polpp', 12]], 3),
      bidang('SATPOLPP', 'LINMAS', 'Perlindungan Masyarakat', [['polpp', 4]], 5),
    ],
    {
      sektor: ['ketertiban'],
      radius: 100,
      mix: [0.35, 0.08, 0.25, 0.32],
      thlTitles: ['THL Petugas Trantib', 'THL Petugas Trantib', 'THL Pengemudi', 'THL Tenaga Administrasi'],
    },
  ),
  opd(
    'DAMKAR',
    'Dinas Pemadam Kebakaran dan Penyelamatan',
    'dinas',
    'pelayanan',
    'acak',
    [
      sekret('DAMKAR', 'Dinas Pemadam Kebakaran dan Penyelamatan', SUBS_KECIL(4, 3), {
        kelas: 'non_pelayanan',
      }),
      bidang(
        'DAMKAR',
        'OPS',
        'Operasi Pemadaman dan Penyelamatan',
        [
          ['damkar', 20],
          ['analis_kebakaran', 1],
        ],
        6,
      ),
      bidang(
        'DAMKAR',
        'CEGAH',
        'Pencegahan dan Pemberdayaan Masyarakat',
        [
          ['damkar', 4],
          ['analis_kebakaran', 1],
        ],
        2,
      ),
      upt('DAMKAR-POS-BUMIAJI', 'UPT Pos Pemadam Kebakaran Bumiaji', [['damkar', 7]], 3, {
        site: W('Bumiaji'),
        radius: 50,
      }),
    ],
    {
      sektor: ['kebencanaan'],
      mix: MIX_LAPANGAN,
      thlTitles: ['THL Petugas Pemadam Kebakaran', 'THL Pengemudi Mobil Pemadam', 'THL Tenaga Administrasi'],
    },
  ),
  opd(
    'BPBD',
    'Badan Penanggulangan Bencana Daerah',
    'badan',
    'pelayanan',
    'acak',
    [
      sekret('BPBD', 'Badan Penanggulangan Bencana Daerah', [], { p: 6, kelas: 'non_pelayanan' }),
      bidang('BPBD', 'PK', 'Pencegahan dan Kesiapsiagaan', [['analis_bencana', 2]], 4),
      bidang('BPBD', 'KL', 'Kedaruratan dan Logistik', [['analis_bencana', 1]], 12, {
        mix: MIX_LAPANGAN,
        pTitles: ['Petugas Tim Reaksi Cepat', 'Pengelola Logistik', 'Pengemudi'],
        thlTitles: [
          'THL Tim Reaksi Cepat',
          'THL Tim Reaksi Cepat',
          'THL Operator Pusdalops',
          'THL Pengemudi',
        ],
      }),
      bidang('BPBD', 'RR', 'Rehabilitasi dan Rekonstruksi', [['teknik_bangunan', 1]], 3),
    ],
    {
      sektor: ['kebencanaan'],
      head: { jabatan: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah', level: 'jpt' },
    },
  ),
  opd('DINSOS', 'Dinas Sosial', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DINSOS', 'Dinas Sosial', SUBS_KECIL(5, 3)),
    bidang('DINSOS', 'LINJAMSOS', 'Perlindungan dan Jaminan Sosial', [['peksos', 3]], 4),
    bidang(
      'DINSOS',
      'REHSOS',
      'Rehabilitasi Sosial',
      [
        ['peksos', 3],
        ['penyuluh_sosial', 1],
      ],
      4,
    ),
    bidang(
      'DINSOS',
      'DAYASOS',
      'Pemberdayaan Sosial dan Penanganan Fakir Miskin',
      [['penyuluh_sosial', 2]],
      4,
    ),
  ]),
  opd('DISNAKER', 'Dinas Ketenagakerjaan', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISNAKER', 'Dinas Ketenagakerjaan', SUBS_KECIL(4, 3)),
    bidang('DISNAKER', 'PENTA', 'Penempatan dan Pelatihan Tenaga Kerja', [['pengantar_kerja', 3]], 3),
    bidang('DISNAKER', 'HI', 'Hubungan Industrial dan Jaminan Sosial', [['mediator_hi', 2]], 2),
    upt('DISNAKER-BLK', 'UPT Balai Latihan Kerja', [['instruktur', 5]], 3, { kelas: 'pelayanan' }),
  ]),
  opd(
    'DP3AP2KB',
    'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    'dinas',
    'non_pelayanan',
    'amongtani',
    [
      sekret(
        'DP3AP2KB',
        'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
        SUBS_KECIL(5, 3),
      ),
      bidang(
        'DP3AP2KB',
        'PPPA',
        'Pemberdayaan Perempuan dan Perlindungan Anak',
        [['analis_kebijakan', 2]],
        3,
      ),
      bidang('DP3AP2KB', 'DALDUK', 'Pengendalian Penduduk dan Keluarga Berencana', [['penyuluh_kb', 15]], 3),
      upt(
        'DP3AP2KB-UPT-PPA',
        'UPT Perlindungan Perempuan dan Anak',
        [
          ['peksos', 2],
          ['psikolog', 1],
        ],
        2,
        { kelas: 'pelayanan' },
      ),
    ],
    {
      head: {
        jabatan:
          'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
        level: 'jpt',
      },
    },
  ),
  opd('DISPANGTAN', 'Dinas Ketahanan Pangan dan Pertanian', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISPANGTAN', 'Dinas Ketahanan Pangan dan Pertanian', SUBS_KECIL(5, 4)),
    bidang(
      'DISPANGTAN',
      'TPH',
      'Tanaman Pangan dan Hortikultura',
      [
        ['penyuluh_pertanian', 16],
        ['poptph', 3],
      ],
      3,
    ),
    bidang('DISPANGTAN', 'PSP', 'Prasarana dan Sarana Pertanian', [['penyuluh_pertanian', 2]], 3),
    bidang('DISPANGTAN', 'PANGAN', 'Ketahanan Pangan', [['pangan', 3]], 3),
    upt('DISPANGTAN-UPT-BENIH', 'UPT Pengembangan Benih Hortikultura', [['poptph', 1]], 8, {
      mix: MIX_LAPANGAN,
      thlTitles: ['THL Tenaga Kebun', 'THL Tenaga Kebun', 'THL Petugas Keamanan'],
    }),
  ]),
  opd(
    'DLH',
    'Dinas Lingkungan Hidup',
    'dinas',
    'non_pelayanan',
    'acak',
    [
      sekret('DLH', 'Dinas Lingkungan Hidup', SUBS_KECIL(6, 4)),
      bidang('DLH', 'TALING', 'Tata Lingkungan', [['pedal', 3]], 2),
      bidang(
        'DLH',
        'PPKL',
        'Pengendalian Pencemaran dan Kerusakan Lingkungan',
        [
          ['pengawas_lh', 3],
          ['pedal', 1],
        ],
        2,
      ),
      bidang('DLH', 'SAMPAH', 'Pengelolaan Sampah dan Limbah B3', [], 48, {
        kelas: 'pelayanan',
        mix: MIX_LAPANGAN,
        pTitles: ['Pengemudi Truk Sampah', 'Petugas Kebersihan', 'Pengawas Lapangan Kebersihan'],
        thlTitles: [
          'THL Penyapu Jalan',
          'THL Penyapu Jalan',
          'THL Pengangkut Sampah',
          'THL Pengemudi Truk Sampah',
        ],
      }),
      upt('DLH-UPT-TPA', 'UPT Tempat Pemrosesan Akhir Tlekung', [], 22, {
        kelas: 'pelayanan',
        site: [-7.9156, 112.5297],
        radius: 300,
        mix: MIX_LAPANGAN,
        pTitles: ['Operator Alat Berat', 'Petugas Penimbangan', 'Pengemudi'],
        thlTitles: ['THL Operator Alat Berat', 'THL Pemilah Sampah', 'THL Petugas Keamanan'],
      }),
      upt('DLH-UPT-LAB', 'UPT Laboratorium Lingkungan', [['pedal', 2]], 2),
    ],
    { sektor: ['kebersihan'] },
  ),
  opd(
    'DISDUKCAPIL',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'dinas',
    'pelayanan',
    'acak',
    [
      sekret('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', SUBS_KECIL(5, 3), {
        kelas: 'non_pelayanan',
      }),
      bidang('DISDUKCAPIL', 'DAFDUK', 'Pelayanan Pendaftaran Penduduk', [['adminduk', 2]], 11, {
        pTitles: [
          'Operator Layanan Operasional',
          'Pengolah Data Kependudukan',
          'Penata Layanan Operasional',
          'Petugas Perekaman KTP-el',
        ],
        thlTitles: ['THL Operator Perekaman KTP-el', 'THL Petugas Loket'],
      }),
      bidang('DISDUKCAPIL', 'CAPIL', 'Pelayanan Pencatatan Sipil', [], 8, {
        pTitles: ['Operator Layanan Operasional', 'Pengolah Data Kependudukan', 'Verifikator Berkas'],
      }),
      bidang(
        'DISDUKCAPIL',
        'PIAK',
        'Pengelolaan Informasi Administrasi Kependudukan',
        [
          ['adminduk', 3],
          ['pranata_komputer', 1],
        ],
        3,
        { kelas: 'non_pelayanan' },
      ),
    ],
    { sektor: ['kependudukan'] },
  ),
  opd('DPMD', 'Dinas Pemberdayaan Masyarakat dan Desa', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DPMD', 'Dinas Pemberdayaan Masyarakat dan Desa', [], { p: 6 }),
    bidang('DPMD', 'PEMDES', 'Bina Pemerintahan Desa', [['analis_kebijakan', 1]], 4),
    bidang('DPMD', 'PMD', 'Pemberdayaan Masyarakat Desa', [['psm', 4]], 3),
  ]),
  opd(
    'DISHUB',
    'Dinas Perhubungan',
    'dinas',
    'pelayanan',
    'acak',
    [
      sekret('DISHUB', 'Dinas Perhubungan', SUBS_KECIL(5, 3), { kelas: 'non_pelayanan' }),
      bidang('DISHUB', 'LLAJ', 'Lalu Lintas dan Angkutan Jalan', [['analis_kebijakan', 1]], 22, {
        mix: MIX_LAPANGAN,
        pTitles: ['Petugas Pengatur Lalu Lintas', 'Petugas Lapangan Lalu Lintas', 'Pengelola Angkutan Jalan'],
        thlTitles: ['THL Petugas Pengatur Lalu Lintas', 'THL Petugas Lapangan'],
      }),
      bidang('DISHUB', 'PARKIR', 'Pengelolaan Perparkiran', [], 12, {
        mix: MIX_LAPANGAN,
        pTitles: ['Pengawas Parkir', 'Penata Layanan Operasional'],
        thlTitles: ['THL Juru Parkir', 'THL Pengawas Parkir'],
      }),
      upt('DISHUB-UPT-PKB', 'UPT Pengujian Kendaraan Bermotor', [['penguji', 7]], 4),
      upt('DISHUB-UPT-TERMINAL', 'UPT Terminal dan Angkutan Umum', [], 9, {
        mix: MIX_LAPANGAN,
        pTitles: ['Petugas Terminal', 'Penata Layanan Operasional'],
        thlTitles: ['THL Petugas Terminal', 'THL Petugas Keamanan'],
      }),
    ],
    { sektor: ['perhubungan'] },
  ),
  opd(
    'DISKOMINFO',
    'Dinas Komunikasi dan Informatika',
    'dinas',
    'non_pelayanan',
    'amongtani',
    [
      sekret('DISKOMINFO', 'Dinas Komunikasi dan Informatika', SUBS_KECIL(4, 3)),
      bidang('DISKOMINFO', 'IKP', 'Informasi dan Komunikasi Publik', [['pranata_humas', 4]], 3),
      bidang('DISKOMINFO', 'APTIKA', 'Aplikasi Informatika', [['pranata_komputer', 7]], 1),
      bidang(
        'DISKOMINFO',
        'STATSAN',
        'Statistik dan Persandian',
        [
          ['statistisi', 2],
          ['sandiman', 2],
        ],
        1,
      ),
    ],
    { radius: 70 },
  ),
  opd(
    'DISKOPERINDAG',
    'Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan',
    'dinas',
    'non_pelayanan',
    'acak',
    [
      sekret('DISKOPERINDAG', 'Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan', SUBS_KECIL(5, 3)),
      bidang('DISKOPERINDAG', 'KUM', 'Koperasi dan Usaha Mikro', [['pengawas_koperasi', 3]], 3),
      bidang(
        'DISKOPERINDAG',
        'INDAG',
        'Perindustrian dan Perdagangan',
        [
          ['pengawas_perdagangan', 2],
          ['penera', 3],
        ],
        3,
      ),
      upt('DISKOPERINDAG-UPT-PASAR', 'UPT Pasar Induk Among Tani', [], 16, {
        kelas: 'pelayanan',
        radius: 200,
        mix: MIX_LAPANGAN,
        pTitles: ['Petugas Retribusi Pasar', 'Penata Layanan Operasional', 'Petugas Ketertiban Pasar'],
        thlTitles: ['THL Petugas Kebersihan Pasar', 'THL Petugas Keamanan Pasar', 'THL Petugas Retribusi'],
      }),
    ],
  ),
  opd('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'dinas', 'pelayanan', 'acak', [
    sekret('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', SUBS_KECIL(4, 3), {
      kelas: 'non_pelayanan',
    }),
    bidang('DPMPTSP', 'PM', 'Penanaman Modal', [['pkpm', 3]], 2),
    bidang('DPMPTSP', 'YAN', 'Pelayanan Perizinan dan Nonperizinan', [], 10, {
      pTitles: [
        'Operator Layanan Operasional',
        'Penata Layanan Operasional',
        'Verifikator Berkas Perizinan',
        'Petugas Front Office',
      ],
      thlTitles: ['THL Petugas Front Office', 'THL Tenaga Administrasi'],
    }),
    bidang('DPMPTSP', 'DALAK', 'Pengendalian dan Pengaduan', [['analis_kebijakan', 1]], 3),
  ]),
  opd('DISPORA', 'Dinas Pemuda dan Olahraga', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISPORA', 'Dinas Pemuda dan Olahraga', [], { p: 6 }),
    bidang('DISPORA', 'PEMUDA', 'Kepemudaan', [['analis_kebijakan', 1]], 3),
    bidang('DISPORA', 'OR', 'Keolahragaan', [], 4),
    upt('DISPORA-UPT-STADION', 'UPT Stadion Gelora Brantas', [], 7, {
      site: [-7.8737, 112.5168],
      radius: 200,
      mix: MIX_LAPANGAN,
      thlTitles: ['THL Petugas Kebersihan', 'THL Juru Taman', 'THL Petugas Keamanan'],
    }),
  ]),
  opd('DISPARTA', 'Dinas Pariwisata', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISPARTA', 'Dinas Pariwisata', SUBS_KECIL(4, 3)),
    bidang('DISPARTA', 'DESTINASI', 'Pengembangan Destinasi Pariwisata', [['adyatama', 3]], 3),
    bidang(
      'DISPARTA',
      'PEMASARAN',
      'Pemasaran Pariwisata',
      [
        ['adyatama', 2],
        ['pranata_humas', 1],
      ],
      2,
    ),
    bidang('DISPARTA', 'EKRAF', 'Ekonomi Kreatif', [['adyatama', 2]], 2),
  ]),
  opd(
    'DISPERPUSIP',
    'Dinas Perpustakaan dan Kearsipan',
    'dinas',
    'pelayanan',
    'amongtani',
    [
      sekret('DISPERPUSIP', 'Dinas Perpustakaan dan Kearsipan', [], { p: 6, kelas: 'non_pelayanan' }),
      bidang('DISPERPUSIP', 'PUSTAKA', 'Perpustakaan', [['pustakawan', 7]], 4),
      bidang('DISPERPUSIP', 'ARSIP', 'Kearsipan', [['arsiparis', 6]], 2, { kelas: 'non_pelayanan' }),
    ],
    { radius: 60 },
  ),
  opd('DISBUD', 'Dinas Kebudayaan', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISBUD', 'Dinas Kebudayaan', [], { p: 5 }),
    bidang('DISBUD', 'CAGAR', 'Cagar Budaya dan Permuseuman', [['pamong_budaya', 3]], 2),
    bidang('DISBUD', 'SENI', 'Kesenian dan Tradisi', [['pamong_budaya', 3]], 3),
  ]),
  opd('DISTANAH', 'Dinas Pertanahan', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISTANAH', 'Dinas Pertanahan', [], { p: 5 }),
    bidang(
      'DISTANAH',
      'PENGADAAN',
      'Pengadaan dan Penyelesaian Sengketa Tanah',
      [
        ['penata_kadastral', 2],
        ['analis_hukum', 1],
      ],
      2,
    ),
    bidang(
      'DISTANAH',
      'PENATAAN',
      'Penatagunaan Tanah',
      [
        ['penata_kadastral', 2],
        ['penata_ruang', 1],
      ],
      2,
    ),
  ]),
  opd('DISNAKKAN', 'Dinas Peternakan dan Perikanan', 'dinas', 'non_pelayanan', 'acak', [
    sekret('DISNAKKAN', 'Dinas Peternakan dan Perikanan', SUBS_KECIL(4, 3)),
    bidang(
      'DISNAKKAN',
      'NAK',
      'Peternakan dan Kesehatan Hewan',
      [
        ['medik_veteriner', 3],
        ['paramedik_veteriner', 5],
      ],
      2,
    ),
    bidang('DISNAKKAN', 'KAN', 'Perikanan', [['penyuluh_perikanan', 4]], 2),
    upt(
      'DISNAKKAN-UPT-RPH',
      'UPT Rumah Potong Hewan',
      [
        ['paramedik_veteriner', 1],
        ['medik_veteriner', 1],
      ],
      7,
      {
        kelas: 'pelayanan',
        mix: MIX_LAPANGAN,
        pTitles: ['Juru Sembelih Halal', 'Petugas Kebersihan'],
        thlTitles: ['THL Juru Sembelih', 'THL Petugas Kebersihan'],
      },
    ),
  ]),
  opd('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'badan', 'non_pelayanan', 'amongtani', [
    sekret('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', SUBS_KECIL(4, 3)),
    bidang('BAPPEDA', 'PEREK', 'Perencanaan Perekonomian dan Sumber Daya Alam', [['perencana', 3]], 1),
    bidang('BAPPEDA', 'PPM', 'Perencanaan Pemerintahan dan Pembangunan Manusia', [['perencana', 3]], 1),
    bidang('BAPPEDA', 'INFRA', 'Perencanaan Infrastruktur dan Kewilayahan', [['perencana', 3]], 1),
    bidang(
      'BAPPEDA',
      'PEP',
      'Perencanaan, Pengendalian dan Evaluasi',
      [
        ['perencana', 2],
        ['statistisi', 1],
      ],
      1,
    ),
  ]),
  opd('BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'badan', 'non_pelayanan', 'amongtani', [
    sekret('BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', SUBS_KECIL(5, 3)),
    bidang('BPKAD', 'ANGGARAN', 'Anggaran', [['apkd', 4]], 3),
    bidang('BPKAD', 'PERBEND', 'Perbendaharaan', [['apkd', 3]], 6),
    bidang('BPKAD', 'AKUNTANSI', 'Akuntansi dan Pelaporan', [['apkd', 3]], 4),
    bidang('BPKAD', 'ASET', 'Pengelolaan Barang Milik Daerah', [], 7, {
      pTitles: ['Pengelola Barang Milik Daerah', 'Pengadministrasi Perkantoran', 'Penata Kelola Aset'],
    }),
  ]),
  opd('BAPENDA', 'Badan Pendapatan Daerah', 'badan', 'pelayanan', 'acak', [
    sekret('BAPENDA', 'Badan Pendapatan Daerah', SUBS_KECIL(5, 3), { kelas: 'non_pelayanan' }),
    bidang('BAPENDA', 'DATA', 'Pendataan dan Penetapan', [['penilai_pajak', 3]], 4),
    bidang('BAPENDA', 'TAGIH', 'Penagihan dan Keberatan', [['pemeriksa_pajak', 2]], 6),
    bidang('BAPENDA', 'YAN', 'Pelayanan dan Pengembangan Pendapatan', [['pranata_komputer', 1]], 5, {
      pTitles: [
        'Petugas Loket Pelayanan Pajak',
        'Operator Layanan Operasional',
        'Penata Layanan Operasional',
      ],
    }),
  ]),
  opd(
    'BKPSDM',
    'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    'badan',
    'non_pelayanan',
    'amongtani',
    [
      sekret('BKPSDM', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', [], { p: 6 }),
      bidang('BKPSDM', 'MUTASI', 'Mutasi dan Promosi', [['asdm', 3]], 2),
      bidang('BKPSDM', 'BANGKOM', 'Pengembangan Kompetensi Aparatur', [['asdm', 3]], 2),
      bidang(
        'BKPSDM',
        'PPIK',
        'Pengadaan, Pemberhentian dan Informasi Kepegawaian',
        [
          ['asdm', 2],
          ['pranata_komputer', 2],
        ],
        3,
      ),
      bidang('BKPSDM', 'KINERJA', 'Penilaian Kinerja Aparatur dan Penghargaan', [['asdm', 2]], 2),
    ],
  ),
  opd(
    'KESBANGPOL',
    'Badan Kesatuan Bangsa dan Politik',
    'badan',
    'non_pelayanan',
    'amongtani',
    [
      sekret('KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', [], { p: 5 }),
      bidang(
        'KESBANGPOL',
        'IDEOLOGI',
        'Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi',
        [['analis_kebijakan', 1]],
        3,
      ),
      bidang(
        'KESBANGPOL',
        'POLDAGRI',
        'Politik Dalam Negeri dan Organisasi Kemasyarakatan',
        [['analis_kebijakan', 1]],
        3,
      ),
      bidang('KESBANGPOL', 'WASNAS', 'Kewaspadaan Nasional dan Penanganan Konflik', [], 3),
    ],
    { radius: 60 },
  ),
  opd('BRIDA', 'Badan Riset dan Inovasi Daerah', 'badan', 'non_pelayanan', 'acak', [
    sekret('BRIDA', 'Badan Riset dan Inovasi Daerah', [], { p: 4 }),
    bidang('BRIDA', 'RISET', 'Riset dan Pengembangan', [['peneliti', 3]], 2),
    bidang(
      'BRIDA',
      'INOVASI',
      'Inovasi dan Teknologi',
      [
        ['perekayasa', 2],
        ['pranata_komputer', 1],
      ],
      2,
    ),
  ]),
  kecamatan(
    'Batu',
    [-7.8697, 112.5213],
    ['Sisir', 'Ngaglik', 'Temas', 'Songgokerto'].map((k) => kelurahan(k, 9)),
    3,
  ),
  kecamatan('Junrejo', [-7.9012, 112.5477], [kelurahan('Dadaprejo', 8)], 3),
  kecamatan('Bumiaji', [-7.8538, 112.5309], [], 3),
];

// ---------------------------------------------------------------------------------------------
// People

const NAMA = {
  jawa: {
    l: [
      'Agus',
      'Bambang',
      'Budi',
      'Joko',
      'Slamet',
      'Heru',
      'Eko',
      'Dwi',
      'Tri',
      'Wahyu',
      'Bagus',
      'Rudi',
      'Hadi',
      'Sugeng',
      'Teguh',
      'Yudi',
      'Edi',
      'Hari',
      'Didik',
      'Arif',
      'Adi',
      'Bayu',
      'Dimas',
      'Galih',
      'Aditya',
      'Yoga',
      'Gilang',
      'Wisnu',
      'Satria',
      'Fajar',
      'Andik',
      'Danang',
      'Sigit',
      'Totok',
      'Imam',
      'Setyo',
      'Hendro',
      'Prasetyo',
      'Anton',
      'Rizal',
    ],
    p: [
      'Sri',
      'Endang',
      'Dwi',
      'Tri',
      'Retno',
      'Wulan',
      'Ratna',
      'Rina',
      'Yuli',
      'Ninik',
      'Tutik',
      'Lilik',
      'Puji',
      'Dewi',
      'Ayu',
      'Indah',
      'Anik',
      'Erna',
      'Wiwik',
      'Kartini',
      'Titik',
      'Novita',
      'Putri',
      'Dyah',
      'Ika',
      'Diah',
      'Nanik',
      'Febri',
      'Anggun',
      'Intan',
      'Laras',
      'Sekar',
      'Kurnia',
      'Mega',
      'Esti',
      'Rini',
      'Tatik',
      'Yuni',
      'Nur',
      'Eka',
    ],
    sl: [
      'Santoso',
      'Wijaya',
      'Susanto',
      'Prasetyo',
      'Setiawan',
      'Nugroho',
      'Purnomo',
      'Hartono',
      'Wibowo',
      'Kurniawan',
      'Saputra',
      'Suprapto',
      'Sugiarto',
      'Widodo',
      'Utomo',
      'Prabowo',
      'Gunawan',
      'Handoko',
      'Wicaksono',
      'Pamungkas',
      'Cahyono',
      'Yulianto',
      'Firmansyah',
      'Hermanto',
      'Suwarno',
      'Riyanto',
      'Sutanto',
      'Kusuma',
      'Haryanto',
      'Budiono',
      'Sasongko',
      'Wahyudi',
      'Susilo',
      'Darmawan',
      'Mulyono',
    ],
    sp: [
      'Lestari',
      'Rahayu',
      'Wulandari',
      'Handayani',
      'Pratiwi',
      'Utami',
      'Susanti',
      'Wahyuni',
      'Suryani',
      'Puspitasari',
      'Sulistyowati',
      'Kusumawati',
      'Setyaningsih',
      'Rahmawati',
      'Fitriani',
      'Anggraini',
      'Purwanti',
      'Widyastuti',
      'Ningsih',
      'Astuti',
      'Maharani',
      'Safitri',
      'Kurniasari',
      'Yuliana',
      'Permatasari',
      'Sulistyaningrum',
      'Indrawati',
      'Damayanti',
      'Novitasari',
      'Mariani',
    ],
    tunggal_l: [
      'Sutrisno',
      'Suparman',
      'Sumarno',
      'Paiman',
      'Sukardi',
      'Supardi',
      'Sulistyo',
      'Suyono',
      'Kasiman',
      'Sarmadi',
      'Poniman',
      'Mujiono',
    ],
    tunggal_p: [
      'Sumiati',
      'Suwarni',
      'Tumini',
      'Sumini',
      'Suparmi',
      'Sulastri',
      'Suharti',
      'Winarti',
      'Sumarni',
      'Kasiyati',
    ],
  },
  islam: {
    l: [
      'Muhammad',
      'Ahmad',
      'Abdul',
      'Mochammad',
      'Rizky',
      'Fauzi',
      'Hasan',
      'Husein',
      'Ilham',
      'Irfan',
      'Luthfi',
      'Syaiful',
      'Zainal',
      'Faisal',
      'Hamdan',
      'Yusuf',
      'Ridwan',
      'Taufik',
      'Hafidz',
      'Alfian',
      'Firdaus',
      'Khoirul',
      'Miftahul',
      'Nasrul',
      'Anwar',
      'Ali',
      'Fikri',
      'Habib',
      'Ikhwan',
      'Zaki',
    ],
    p: [
      'Siti',
      'Nur',
      'Fatimah',
      'Aisyah',
      'Khusnul',
      'Umi',
      'Nurul',
      'Laila',
      'Zahra',
      'Aminah',
      'Rofiah',
      'Hanifah',
      'Nadia',
      'Azizah',
      'Salma',
      'Annisa',
      'Mutiara',
      'Zulaikha',
      'Latifah',
      'Alfiyah',
      'Rohmah',
      'Maimunah',
      'Faridah',
      'Izzah',
      'Nabila',
    ],
    sl: [
      'Hidayat',
      'Rahman',
      'Hakim',
      'Fauzan',
      'Maulana',
      'Ramadhan',
      'Hamzah',
      'Kholiq',
      'Rosyid',
      'Mubarok',
      'Syafii',
      'Ashari',
      'Huda',
      'Fathoni',
      'Mahmud',
      'Ridho',
      'Rozaq',
      'Hasyim',
      'Syahputra',
      'Arifin',
      'Amrullah',
      'Muttaqin',
    ],
    sp: [
      'Hasanah',
      'Nurjanah',
      'Khasanah',
      'Aulia',
      'Mufidah',
      'Rohmawati',
      'Nurhayati',
      'Zahroh',
      'Masruroh',
      'Istiqomah',
      'Hidayah',
      'Fadhilah',
      'Ulfa',
      'Khoiriyah',
      'Rahmah',
      'Musyarofah',
      'Sholihah',
    ],
  },
  sunda: {
    l: [
      'Asep',
      'Ujang',
      'Dadang',
      'Cecep',
      'Deden',
      'Iwan',
      'Yayan',
      'Jajang',
      'Wawan',
      'Aep',
      'Dudi',
      'Hendra',
      'Agah',
      'Rahmat',
      'Endang',
      'Ade',
      'Dede',
      'Yana',
    ],
    p: [
      'Euis',
      'Neng',
      'Dede',
      'Rina',
      'Ai',
      'Cucu',
      'Imas',
      'Enok',
      'Iis',
      'Yeni',
      'Nining',
      'Tati',
      'Lilis',
      'Rini',
      'Elis',
      'Wida',
      'Nenden',
      'Yanti',
    ],
    sl: [
      'Sumarna',
      'Suryadi',
      'Kusnadi',
      'Hermawan',
      'Permana',
      'Sunandar',
      'Supriatna',
      'Sutisna',
      'Rukmana',
      'Suherman',
      'Sobari',
      'Mulyana',
      'Ruhiyat',
      'Somantri',
      'Kurnia',
      'Saepudin',
    ],
    sp: [
      'Nurhayati',
      'Komalasari',
      'Kurniasih',
      'Rosita',
      'Sumiati',
      'Rostiana',
      'Herlina',
      'Fitriyani',
      'Marlina',
      'Rosmiati',
      'Sukmawati',
    ],
  },
  kristen: {
    l: [
      'Yohanes',
      'Stefanus',
      'Paulus',
      'Agustinus',
      'Yosef',
      'Gregorius',
      'Antonius',
      'Fransiskus',
      'Petrus',
      'Markus',
      'Matius',
      'Daniel',
      'Samuel',
      'Yakobus',
      'Kristian',
      'Michael',
      'Ignatius',
      'Benediktus',
      'Hendrikus',
      'Yulius',
      'Robertus',
      'Albertus',
    ],
    p: [
      'Maria',
      'Theresia',
      'Kristina',
      'Fransiska',
      'Natalia',
      'Elisabeth',
      'Veronika',
      'Agnes',
      'Monika',
      'Yohana',
      'Lusia',
      'Margaretha',
      'Caecilia',
      'Debora',
      'Ruth',
      'Yuliana',
      'Magdalena',
      'Angela',
      'Priskila',
      'Christine',
    ],
    sl: [
      'Simanjuntak',
      'Siregar',
      'Sitorus',
      'Manurung',
      'Tambunan',
      'Pangaribuan',
      'Sinaga',
      'Situmorang',
      'Wattimena',
      'Manuputty',
      'Sembiring',
      'Ginting',
      'Tarigan',
      'Hutapea',
      'Nugroho',
      'Wibisono',
      'Setiadi',
      'Kristanto',
      'Adrianto',
      'Halim',
      'Tanoto',
      'Sutanto',
      'Lumbantobing',
    ],
    sp: [
      'Simanjuntak',
      'Siregar',
      'Sitorus',
      'Manurung',
      'Sinaga',
      'Wattimena',
      'Ginting',
      'Kristiani',
      'Setyowati',
      'Widjaja',
      'Halim',
      'Purbasari',
      'Kurniawati',
    ],
  },
} as const;
type Kelompok = keyof typeof NAMA;

interface Orang {
  readonly nama: string;
  readonly depan: string;
  readonly belakang: string | null;
}

function buatNama(r: Rng, sex: 1 | 2): Orang {
  const u = r.float();
  const k: Kelompok = u < 0.5 ? 'jawa' : u < 0.74 ? 'islam' : u < 0.86 ? 'sunda' : 'kristen';
  const n = NAMA[k];
  if (k === 'jawa' && r.chance(0.12)) {
    const t = r.pick(sex === 1 ? NAMA.jawa.tunggal_l : NAMA.jawa.tunggal_p);
    return { nama: t, depan: t, belakang: null };
  }
  const depan = r.pick(sex === 1 ? n.l : n.p);
  const belakang = r.pick(sex === 1 ? n.sl : n.sp);
  let tengah = '';
  if (r.chance(k === 'kristen' ? 0.35 : 0.2)) {
    const t = r.pick(sex === 1 ? n.l : n.p);
    if (t !== depan) tengah = ` ${t}`;
  }
  return { nama: `${depan}${tengah} ${belakang}`, depan, belakang };
}

function bergelar(base: string, g: G, sex: 1 | 2): string {
  let pre = g[0];
  if (pre === 'Drs.' && sex === 2) pre = 'Dra.';
  return `${pre ? `${pre} ` : ''}${base}${g[1] ? `, ${g[1]}` : ''}`;
}

const asciiLower = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

const OPERATOR = [
  '11',
  '12',
  '13',
  '21',
  '22',
  '52',
  '53',
  '14',
  '15',
  '16',
  '56',
  '57',
  '77',
  '78',
  '17',
  '18',
  '19',
  '59',
  '31',
  '38',
  '81',
  '82',
  '83',
  '95',
  '96',
  '97',
  '98',
  '99',
  '85',
  '55',
];

function lahirUntuk(r: Rng, level: JabatanLevel, jenis: JenisPegawai): { y: number; m: number; d: number } {
  const [a, b] =
    level === 'jpt'
      ? [1967, 1977]
      : level === 'administrator'
        ? [1968, 1983]
        : level === 'pengawas'
          ? [1969, 1988]
          : jenis === 'pns'
            ? level === 'fungsional'
              ? [1966, 1999]
              : [1969, 2000]
            : jenis === 'pppk'
              ? [1972, 2001]
              : [1975, 2001];
  const y = r.int(a, b);
  const m = r.int(1, 12);
  const maxD = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: r.int(1, maxD) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const TMT_BULAN = [1, 1, 1, 2, 3, 3, 3, 4, 6, 7, 10, 12];

// ---------------------------------------------------------------------------------------------
// The generator

interface Ctx {
  readonly mix: Mix;
  readonly pTitles: readonly string[];
  readonly thlTitles: readonly string[];
  readonly sektor: readonly Sektor[];
}

/** Builds the demo Pemda's OPD and employee rows (deterministic). */
export function generateDemoPemda(): DemoPemda {
  const r = new Rng(SEED);
  const opdRows: Record<string, string>[] = [];
  const pegawaiRows: Record<string, string>[] = [];
  const usedNipPrefix = new Map<string, Set<number>>();
  const usedEmail = new Set<string>();
  const usedPhone = new Set<string>();
  let thlNo = 0;
  let sekdaNip = '';

  const officeOf = (n: NodeSpec, site: Site, top: boolean): [number, number] => {
    const lr = new Rng(hash(n.kode) ^ SEED);
    if (site === 'amongtani') return around(lr, { lat: AMONG_TANI[0], lng: AMONG_TANI[1] }, 15, 110);
    // agencies cluster in town; field units (UPT) spread further out
    if (site === 'acak') return top ? around(lr, PUSAT, 400, 3200) : around(lr, PUSAT, 600, 4800);
    return [site[0], site[1]];
  };
  const radiusOf = (n: NodeSpec, top: boolean): number => {
    if (n.radius !== undefined) return n.radius;
    const lr = new Rng(hash(`${n.kode}#r`));
    return top ? lr.int(6, 15) * 10 : lr.int(5, 10) * 10;
  };

  const nipFor = (level: JabatanLevel, jenis: JenisPegawai, sex: 1 | 2): { nip: string; tmtYear: number } => {
    const lahir = lahirUntuk(r, level, jenis);
    let tmtYear: number;
    let tmtMonth: number | 'pppk';
    if (jenis === 'pns') {
      // Structural officials need years of service: their appointment lies well in the past.
      const [a, b, maks] =
        level === 'jpt'
          ? [23, 29, 2004]
          : level === 'administrator'
            ? [22, 31, 2012]
            : level === 'pengawas'
              ? [21, 30, 2017]
              : [21, 33, DEMO_TMT_MAKS];
      tmtYear = Math.min(maks, lahir.y + r.int(a, b));
      tmtMonth = r.pick(TMT_BULAN);
    } else {
      const earliest = lahir.y + 21;
      const years = jenis === 'pppk' ? [2021, 2022, 2022, 2023, 2024, 2024, 2025] : [2025];
      tmtYear = Math.max(earliest, r.pick(years));
      tmtMonth = 'pppk';
    }
    const lahirStr = `${pad(lahir.y, 4)}-${pad(lahir.m)}-${pad(lahir.d)}`;
    const prefix = composeNip({ lahir: lahirStr, tmtYear, tmtMonth, sex, urut: 0 }).slice(0, 15);
    const used = usedNipPrefix.get(prefix) ?? new Set<number>();
    let urut = r.int(1, 3);
    while (used.has(urut)) urut++;
    used.add(urut);
    usedNipPrefix.set(prefix, used);
    return { nip: composeNip({ lahir: lahirStr, tmtYear, tmtMonth, sex, urut }), tmtYear };
  };

  const emailFor = (o: Orang): string => {
    const base = o.belakang ? `${asciiLower(o.depan)}.${asciiLower(o.belakang)}` : asciiLower(o.depan);
    let e = `${base}@batukota.go.id`;
    for (let n = 2; usedEmail.has(e); n++) e = `${base}${n}@batukota.go.id`;
    usedEmail.add(e);
    return e;
  };
  const phone = (): string => {
    let p: string;
    do {
      p = `08${r.pick(OPERATOR)}${pad(r.int(0, 99_999_999), 8)}`;
    } while (usedPhone.has(p));
    usedPhone.add(p);
    return p;
  };
  const home = (): [string, string] => {
    const [lat, lng] = around(r, PUSAT, 200, 9800);
    return [coord(lat, 4), coord(lng, 4)];
  };

  /** Adds one employee; returns the key (NIP or id_pegawai) subordinates refer to. */
  const add = (p: {
    level: JabatanLevel;
    jenis: JenisPegawai;
    jabatan: string | ((tmtYear: number) => string);
    gelar: readonly G[];
    female: number;
    opdKode: string;
    atasan: string;
  }): string => {
    const sex: 1 | 2 = r.chance(p.female) ? 2 : 1;
    let nip = '';
    let idPegawai = '';
    let tmtYear = 2026;
    if (p.jenis === 'non_asn') {
      thlNo++;
      idPegawai = `THL-${pad(thlNo, 4)}`;
    } else {
      ({ nip, tmtYear } = nipFor(p.level, p.jenis, sex));
    }
    const orang = buatNama(r, sex);
    const g = r.pick(p.gelar);
    const jabatan = typeof p.jabatan === 'string' ? p.jabatan : p.jabatan(tmtYear);
    const email = p.jenis === 'non_asn' && r.chance(0.5) ? '' : emailFor(orang);
    const [lat, lng] = home();
    pegawaiRows.push({
      nip,
      nama: bergelar(orang.nama, g, sex),
      jenis_pegawai: p.jenis,
      jabatan_level: p.level,
      jabatan,
      opd_kode: p.opdKode,
      atasan_nip: p.atasan,
      email,
      telepon: phone(),
      rumah_lat: lat,
      rumah_lng: lng,
      id_pegawai: idPegawai,
    });
    return nip || idPegawai;
  };

  const headGelar = (h: HeadSpec): readonly G[] => h.g ?? (h.level === 'jpt' ? G_JPT : G_STRUKTURAL);

  const walk = (n: NodeSpec, parent: { kode: string; head: string; deputies: string[] } | null, ctx: Ctx) => {
    const top = parent === null;
    const site = n.site ?? (top ? 'acak' : undefined);
    const office = site !== undefined ? officeOf(n, site, top) : null;
    opdRows.push({
      kode: n.kode,
      nama: n.nama,
      jenis: n.jenis,
      induk_kode: parent?.kode ?? '',
      kelas_layanan: n.kelas ?? '',
      sektor: (n.sektor ?? []).join('|'),
      lat: office ? coord(office[0], 5) : '',
      lng: office ? coord(office[1], 5) : '',
      radius_m: office ? String(radiusOf(n, top)) : '',
    });
    const here: Ctx = {
      mix: n.mix ?? ctx.mix,
      pTitles: n.pTitles ?? ctx.pTitles,
      thlTitles: n.thlTitles ?? ctx.thlTitles,
      sektor: n.sektor && n.sektor.length > 0 ? n.sektor : ctx.sektor,
    };

    // The head: the Sekda tops the tree; OPD heads report to the Sekda; unit heads to the parent's
    // head (or to one of its deputies, e.g. a bagian under an asisten).
    const atasan = top ? sekdaNip : n.via !== undefined ? parent.deputies[n.via]! : parent.head;
    const head = add({
      level: n.head.level,
      jenis: 'pns',
      jabatan: n.head.jabatan,
      gelar: headGelar(n.head),
      female: 0.32,
      opdKode: n.kode,
      atasan,
    });
    if (n.kode === 'SETDA') sekdaNip = head;
    const deputies = (n.deputies ?? []).map((d) =>
      add({
        level: d.level,
        jenis: 'pns',
        jabatan: d.jabatan,
        gelar: headGelar(d),
        female: 0.35,
        opdKode: n.kode,
        atasan: head,
      }),
    );

    for (const [key, count] of n.fung ?? []) {
      const def: FungDef = FUNG[key];
      for (let i = 0; i < count; i++) {
        const u = r.float();
        const pppk = def.pppk ?? 0.22;
        const ppw = def.ppw ?? 0.03;
        const jenis: JenisPegawai = u < pppk ? 'pppk' : u < pppk + ppw ? 'pppk_paruh_waktu' : 'pns';
        const g = r.pick(def.g);
        const judul = typeof def.t === 'string' ? def.t : r.pick(def.t);
        add({
          level: 'fungsional',
          jenis,
          jabatan: (tmtYear) => {
            const masa = 2026 - tmtYear;
            const rank = Math.max(def.min ?? 0, masa < 9 ? 0 : masa < 18 ? 1 : 2);
            const jenjang = g[2]
              ? ['Ahli Pertama', 'Ahli Muda', 'Ahli Madya'][rank]
              : ['Terampil', 'Mahir', 'Penyelia'][rank];
            return `${judul} ${jenjang}`;
          },
          gelar: [g],
          female: def.f,
          opdKode: n.kode,
          atasan: head,
        });
      }
    }

    for (let i = 0; i < (n.p ?? 0); i++) {
      const [a, b, c] = here.mix;
      const u = r.float();
      const jenis: JenisPegawai =
        u < a ? 'pns' : u < a + b ? 'pppk' : u < a + b + c ? 'pppk_paruh_waktu' : 'non_asn';
      const jabatan = jenis === 'non_asn' ? r.pick(here.thlTitles) : r.pick(here.pTitles);
      add({
        level: 'pelaksana',
        jenis,
        jabatan,
        gelar: MALE_TITLE.test(jabatan) ? G_LAPANGAN : jenis === 'non_asn' ? G_THL : G_PELAKSANA,
        female: MALE_TITLE.test(jabatan) ? 0.06 : 0.5,
        opdKode: n.kode,
        atasan: head,
      });
    }

    for (const c of n.units ?? []) walk(c, { kode: n.kode, head, deputies }, here);
  };

  const root: Ctx = { mix: MIX_UMUM, pTitles: P_UMUM, thlTitles: THL_UMUM, sektor: [] };
  for (const n of ORG) walk(n, null, root);
  return { opd: opdRows, pegawai: pegawaiRows };
}

// ---------------------------------------------------------------------------------------------
// Demo accounts

/** One account per role, each linked to an employee of the generated data. */
export function demoAccountsFor(data: DemoPemda): DemoAccount[] {
  const units = new Map<string, string>(data.opd.map((o) => [o.kode!, o.induk_kode!]));
  const within = (kode: string, root: string): boolean => {
    for (let k: string | undefined = kode; k; k = units.get(k) || undefined) if (k === root) return true;
    return false;
  };
  const find = (pred: (p: Record<string, string>) => boolean): Record<string, string> | undefined =>
    data.pegawai.find((p) => p.nip !== '' && pred(p));
  const akun = (
    username: string,
    role: Role,
    opdKode: string | null,
    p: Record<string, string> | undefined,
    fallback: string,
  ): DemoAccount => ({
    username,
    password: DEMO_PASSWORD,
    nama: p?.nama ?? fallback,
    role,
    opdKode,
    nip: p?.nip ?? null,
  });
  const kabagUmum = find(
    (p) => p.opd_kode === 'BAG-UMUM' && p.atasan_nip !== '' && p.jabatan === 'Kepala Bagian Umum',
  );
  const pegawaiWfh = find(
    (p) =>
      within(p.opd_kode!, 'BAG-HUKUM') &&
      p.jabatan_level === 'pelaksana' &&
      p.jenis_pegawai === 'pns' &&
      p.atasan_nip !== '',
  );
  const atasanWfh = pegawaiWfh ? find((p) => p.nip === pegawaiWfh.atasan_nip) : undefined;
  return [
    akun(
      'admin',
      'pemda_admin',
      null,
      find(
        (p) =>
          p.opd_kode!.startsWith('DISKOMINFO') &&
          p.jabatan!.startsWith('Pranata Komputer') &&
          p.jenis_pegawai === 'pns',
      ),
      'Administrator Pemda',
    ),
    akun(
      'bkpsdm',
      'bkpsdm_admin',
      null,
      find(
        (p) =>
          within(p.opd_kode!, 'BKPSDM') &&
          p.jabatan!.startsWith('Analis Sumber Daya Manusia Aparatur') &&
          p.jenis_pegawai === 'pns',
      ),
      'Admin BKPSDM',
    ),
    akun(
      'admin.dinkes',
      'opd_admin',
      'DINKES',
      find(
        (p) => p.opd_kode === 'DINKES-UMPEG' && p.jabatan_level === 'pelaksana' && p.jenis_pegawai === 'pns',
      ),
      'Admin Dinas Kesehatan',
    ),
    akun('kepala.umum', 'unit_head', 'BAG-UMUM', kabagUmum, 'Kepala Bagian Umum'),
    akun(
      'pegawai',
      'employee',
      null,
      find(
        (p) =>
          within(p.opd_kode!, 'BAG-UMUM') && p.jabatan_level === 'pelaksana' && p.jenis_pegawai === 'pns',
      ),
      'Pegawai',
    ),
    akun(
      'nakes',
      'health_officer',
      null,
      find((p) => within(p.opd_kode!, 'DINKES') && p.jabatan!.startsWith('Epidemiolog Kesehatan')),
      'Petugas Kesehatan',
    ),
    akun(
      'auditor',
      'auditor',
      null,
      find((p) => within(p.opd_kode!, 'INSPEKTORAT') && p.jabatan!.startsWith('Auditor')),
      'Auditor',
    ),
    // Working from home (issue 11): the Law section is at home in the demo's current weeks (seed.ts
    // seedDemoBerjalan); one of its staff, and their direct supervisor as the section's unit head.
    akun('pegawai.wfh', 'employee', null, pegawaiWfh, 'Pegawai WFH'),
    akun('kepala.hukum', 'unit_head', 'BAG-HUKUM', atasanWfh, 'Kepala Bagian Hukum'),
  ];
}

/** The demo accounts (password DEMO_PASSWORD), computed from the generated data. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = demoAccountsFor(generateDemoPemda());
