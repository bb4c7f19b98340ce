/**
 * Each person's day (issue 10, items 7 and 8): from the published schedule, leave, holidays, dinas luar,
 * the punches (after approved corrections), the hours and the current time, the day's status with its
 * reasons, exactly as CONTRACTS.md lists them. Pure: no I/O. The rules, in order (docs/kehadiran.md):
 *
 * 1. approved leave, sickness or isolation (or the schedule says so) → CUTI / SAKIT / ISOLASI;
 * 2. a holiday or cuti bersama (unless the schedule puts the person on PIKET), a LIBUR schedule, or no
 *    schedule on a day without hours → LIBUR;
 * 3. approved dinas luar → DINAS_LUAR (punches shown, not judged);
 * 4. WFH → the assessment's status and reasons (wfh/hari.ts: WFH_PATUH, WFH_TIDAK_PATUH, WFH_BELUM_DINILAI),
 *    or WFH_BELUM_DINILAI when none is given; office punches are not counted;
 * 5. WFO or PIKET (or no published schedule on a working day, treated as WFO): BELUM_SELESAI while the
 *    check-out window is open (`now` before the end of the hours + `tutupPulangSetelahMenit`); then HADIR
 *    when there is a check-in, else TIDAK_HADIR.
 */

import { type Pesan, pesan, teks } from '../i18n/message.ts';
import type { Ketidakhadiran, StatusJadwal } from '../jadwal/tipe.ts';
import type { IsoDate } from '../kalender/dates.ts';
import type { HariLibur, JamHari } from '../kalender/work-hours.ts';
import { localTime, type ZonaWaktu } from '../kalender/zones.ts';
import { DEFAULT_ABSENSI, type KeputusanOrang } from '../kebijakan/evaluate/umum.ts';
import { KODE_ALASAN_WFH, type PenilaianWfh } from '../wfh/hari.ts';
import {
  ATURAN_JAM_BAKU,
  type AturanJam,
  dicatatDiKantor,
  type HasilJam,
  hitungJam,
  type JenisAbsen,
  type Ketukan,
  rentangJam,
  waktuDariMenit,
} from './jam.ts';

/** The day statuses of CONTRACTS.md, in its order. */
export const STATUS_KEHADIRAN = [
  'HADIR',
  'TIDAK_HADIR',
  'WFH_PATUH',
  'WFH_TIDAK_PATUH',
  'WFH_BELUM_DINILAI',
  'DINAS_LUAR',
  'CUTI',
  'SAKIT',
  'ISOLASI',
  'LIBUR',
  'BELUM_SELESAI',
] as const;
export type StatusKehadiran = (typeof STATUS_KEHADIRAN)[number];

/** The reasons a day's status can carry. */
export const KODE_ALASAN_HARI = [
  'terlambat',
  'pulang_cepat',
  'tanpa_pulang',
  'tanpa_masuk',
  'tidak_ada_catatan',
  'koreksi_disetujui',
  'di_luar_jendela',
  'belum_selesai',
  'cuti',
  'sakit',
  'isolasi',
  'libur',
  'dinas_luar',
  'wfh_belum_dinilai',
  ...KODE_ALASAN_WFH,
  'absen_saat_wfh',
  'tanpa_jadwal',
  'tanpa_jam',
  'metode_absensi',
] as const;
export type KodeAlasanHari = (typeof KODE_ALASAN_HARI)[number];

export interface AlasanHari {
  readonly kode: KodeAlasanHari;
  readonly pesan: Pesan;
}

/** Approved official travel for the day. */
export interface DinasLuar {
  readonly nomorSurat: string;
  readonly tujuan: string;
}

/** An approved correction: a punch added, or replacing the punch `menggantikan`. */
export interface KoreksiDisetujui {
  readonly id: string;
  readonly jenis: JenisAbsen;
  readonly waktu: Date;
  /** id of the punch it replaces; null adds a punch (a forgotten check-out, a broken terminal) */
  readonly menggantikan: string | null;
  /** the person's reason, as they wrote it */
  readonly alasan: string;
}

export interface MasukanHariOrang {
  readonly tanggal: IsoDate;
  readonly zona: ZonaWaktu;
  /** the published schedule's status for the day; null when none is published */
  readonly jadwal: StatusJadwal | null;
  /** the holiday or cuti bersama on that date */
  readonly libur: HariLibur | null;
  /** the day's hours (see `jamHari`); null: none */
  readonly jam: JamHari | null;
  /** how attendance is recorded per status (the day's policy evaluation); default: WFO/PIKET elektronik */
  readonly absensi?: KeputusanOrang['absensi'];
  /** leave, sickness or isolation approved for the day (it wins over a schedule published earlier) */
  readonly tidakHadir?: Ketidakhadiran | null;
  readonly dinasLuar?: DinasLuar | null;
  /** the day's punches as recorded */
  readonly ketukan: readonly Ketukan[];
  readonly koreksi?: readonly KoreksiDisetujui[];
  readonly aturan?: AturanJam;
  readonly sekarang: Date;
  /** the WFH day's assessment (wfh/hari.ts rangkumHariWfh); without it a WFH day is not yet assessed */
  readonly wfh?: PenilaianWfh;
}

/** Arrival and departure as the recap shows them. */
export interface NilaiJamHari {
  /** HH:MM in the Pemda's zone, null when missing */
  readonly masuk: string | null;
  readonly pulang: string | null;
  readonly terlambatMenit: number;
  readonly pulangCepatMenit: number;
}

export interface StatusHari extends NilaiJamHari {
  readonly tanggal: IsoDate;
  readonly jadwal: StatusJadwal | null;
  readonly status: StatusKehadiran;
  readonly alasan: readonly AlasanHari[];
  /** the values from the punches as recorded, when an approved correction changed them; else null */
  readonly asli: NilaiJamHari | null;
  /** ids of the corrections applied */
  readonly koreksi: readonly string[];
}

/** The reasons joined for the CSV column `alasan` (`; `-separated), in one language. */
export function teksAlasanHari(alasan: readonly AlasanHari[], lang: 'id' | 'en' = 'id'): string {
  return alasan.map((a) => teks(a.pesan, lang)).join('; ');
}

/** The punches after approved corrections: replaced punches dropped, corrections added (id `koreksi:<id>`). */
export function terapkanKoreksi(
  ketukan: readonly Ketukan[],
  koreksi: readonly KoreksiDisetujui[],
): Ketukan[] {
  const diganti = new Set(koreksi.flatMap((k) => (k.menggantikan ? [k.menggantikan] : [])));
  return [
    ...ketukan.filter((k) => !diganti.has(k.id)),
    ...koreksi.map((k) => ({ id: `koreksi:${k.id}`, waktu: k.waktu, jenis: k.jenis })),
  ];
}

const a = (kode: KodeAlasanHari, id: string, en: string): AlasanHari => ({ kode, pesan: pesan(id, en) });
const KOSONG: NilaiJamHari = { masuk: null, pulang: null, terlambatMenit: 0, pulangCepatMenit: 0 };

function nilai(h: HasilJam, zona: ZonaWaktu, nilaiWaktu: boolean): NilaiJamHari {
  return {
    masuk: h.masuk ? localTime(h.masuk.waktu, zona) : null,
    pulang: h.pulang ? localTime(h.pulang.waktu, zona) : null,
    terlambatMenit: nilaiWaktu ? h.terlambatMenit : 0,
    pulangCepatMenit: nilaiWaktu ? h.pulangCepatMenit : 0,
  };
}

const NAMA_METODE: Record<string, [string, string]> = {
  wajah: ['pengenalan wajah', 'face check-in'],
  elektronik: ['absensi elektronik', 'electronic attendance'],
  lokasi_berkala: ['lapor lokasi berkala', 'periodic location reports'],
  catatan_admin: ['dicatat admin OPD', 'recorded by the OPD admin'],
  tidak_ada: ['tanpa absensi', 'no attendance record'],
};

/** The day judged on one set of punches; `statusHari` runs it on the recorded and the corrected punches. */
function nilaiHari(m: MasukanHariOrang, ketukan: readonly Ketukan[]): StatusHari {
  const aturan = m.aturan ?? ATURAN_JAM_BAKU;
  const dasar = { tanggal: m.tanggal, jadwal: m.jadwal, asli: null, koreksi: [] as string[] };
  const dengan = (status: StatusKehadiran, nj: NilaiJamHari, alasan: AlasanHari[]): StatusHari => ({
    ...dasar,
    ...nj,
    status,
    alasan,
  });

  // 1. leave, sickness, isolation
  const absen =
    m.tidakHadir ?? (m.jadwal === 'CUTI' || m.jadwal === 'SAKIT' || m.jadwal === 'ISOLASI' ? m.jadwal : null);
  if (absen === 'CUTI') return dengan('CUTI', KOSONG, [a('cuti', 'cuti', 'leave')]);
  if (absen === 'SAKIT') return dengan('SAKIT', KOSONG, [a('sakit', 'sakit', 'sick')]);
  if (absen === 'ISOLASI') return dengan('ISOLASI', KOSONG, [a('isolasi', 'isolasi', 'isolation')]);

  // 2. days off
  if (m.libur && m.jadwal !== 'PIKET') {
    const [id, en] =
      m.libur.jenis === 'cuti_bersama' ? ['cuti bersama', 'collective leave'] : ['hari libur', 'holiday'];
    return dengan('LIBUR', KOSONG, [a('libur', `${id}: ${m.libur.nama}`, `${en}: ${m.libur.nama}`)]);
  }
  if (m.jadwal === 'LIBUR' || (m.jadwal === null && m.jam === null)) {
    return dengan('LIBUR', KOSONG, [a('libur', 'bukan hari kerja', 'not a working day')]);
  }

  const hasil = m.jam ? hitungJam(ketukan, m.jam, m.tanggal, m.zona, aturan) : null;

  // 3. dinas luar: times shown, not judged
  if (m.dinasLuar) {
    return dengan('DINAS_LUAR', hasil ? nilai(hasil, m.zona, false) : KOSONG, [
      a(
        'dinas_luar',
        `dinas luar ke ${m.dinasLuar.tujuan} (surat No. ${m.dinasLuar.nomorSurat})`,
        `official travel to ${m.dinasLuar.tujuan} (letter No. ${m.dinasLuar.nomorSurat})`,
      ),
    ]);
  }

  const absensi = m.absensi ?? {
    WFO: DEFAULT_ABSENSI('WFO'),
    WFH: DEFAULT_ABSENSI('WFH'),
    PIKET: DEFAULT_ABSENSI('PIKET'),
  };

  // 4. WFH: assessed from the location reports, the statement and the notices when the caller gives it
  if (m.jadwal === 'WFH') {
    const alasan: AlasanHari[] = m.wfh
      ? [...m.wfh.alasan]
      : [a('wfh_belum_dinilai', 'WFH, belum dinilai', 'WFH, not yet assessed')];
    if (ketukan.length > 0 && !dicatatDiKantor(absensi.WFH.metode)) {
      alasan.push(
        a(
          'absen_saat_wfh',
          `${ketukan.length} absen kantor pada hari WFH, tidak dihitung`,
          `${ketukan.length} office punch(es) on a WFH day, not counted`,
        ),
      );
    }
    return dengan(m.wfh?.status ?? 'WFH_BELUM_DINILAI', KOSONG, alasan);
  }

  // 5. at the office: WFO, PIKET, or no schedule on a working day
  const alasan: AlasanHari[] = [];
  if (m.jadwal === null) {
    alasan.push(
      a(
        'tanpa_jadwal',
        'belum ada jadwal terbit: dinilai sebagai hari kerja di kantor',
        'no published schedule: judged as an office working day',
      ),
    );
  }
  const metode = absensi[m.jadwal === 'PIKET' ? 'PIKET' : 'WFO'].metode;
  if (!dicatatDiKantor(metode)) {
    const [id, en] = NAMA_METODE[metode] ?? [metode, metode];
    alasan.push(
      a('metode_absensi', `cara absensi menurut kebijakan: ${id}`, `attendance method set by policy: ${en}`),
    );
  }
  if (!m.jam || !hasil) {
    // WFO or PIKET on a day without hours: nothing to judge against
    alasan.push(a('tanpa_jam', 'tidak ada jam kerja untuk hari ini', 'no working hours for this day'));
    return dengan('LIBUR', KOSONG, alasan);
  }
  const nj = nilai(hasil, m.zona, true);
  if (hasil.diLuarJendela.length > 0) {
    alasan.push(
      a(
        'di_luar_jendela',
        `${hasil.diLuarJendela.length} absen di luar waktu absen tidak dihitung`,
        `${hasil.diLuarJendela.length} punch(es) outside the attendance window not counted`,
      ),
    );
  }
  const akhir = waktuDariMenit(rentangJam(m.jam).selesai + aturan.tutupPulangSetelahMenit, m.tanggal, m.zona);
  if (m.sekarang.getTime() < akhir.getTime()) {
    const sampai = localTime(akhir, m.zona);
    alasan.unshift(
      a(
        'belum_selesai',
        `hari belum selesai (absen pulang sampai ${sampai.replace(':', '.')})`,
        `the day is not over (check-out until ${sampai})`,
      ),
    );
    if (hasil.terlambatMenit > 0) alasan.push(terlambat(hasil.terlambatMenit));
    // a later check-out may still come: early departure is not judged yet
    return dengan('BELUM_SELESAI', { ...nj, pulangCepatMenit: 0 }, alasan);
  }
  if (!hasil.masuk) {
    alasan.push(
      hasil.tanpaMasuk
        ? a('tanpa_masuk', 'tidak absen masuk', 'missing check-in')
        : a('tidak_ada_catatan', 'tidak ada catatan kehadiran', 'no attendance record'),
    );
    return dengan('TIDAK_HADIR', nj, alasan);
  }
  if (hasil.terlambatMenit > 0) alasan.push(terlambat(hasil.terlambatMenit));
  if (hasil.pulangCepatMenit > 0) {
    alasan.push(
      a(
        'pulang_cepat',
        `pulang ${hasil.pulangCepatMenit} menit lebih awal`,
        `left ${hasil.pulangCepatMenit} minutes early`,
      ),
    );
  }
  if (hasil.tanpaPulang) alasan.push(a('tanpa_pulang', 'tidak absen pulang', 'missing check-out'));
  return dengan('HADIR', nj, alasan);
}

/** Statuses whose day shows times, where a correction can matter. */
const BERWAKTU = new Set<StatusKehadiran>(['HADIR', 'TIDAK_HADIR', 'BELUM_SELESAI', 'DINAS_LUAR']);

/**
 * A day's status, its reasons, and — when approved corrections apply — the day as recorded (`asli`: exactly
 * what the same call without corrections gives) with a reason "koreksi disetujui" saying what changed.
 */
export function statusHari(m: MasukanHariOrang): StatusHari {
  const koreksi = m.koreksi ?? [];
  const baru = nilaiHari(m, terapkanKoreksi(m.ketukan, koreksi));
  if (koreksi.length === 0 || !BERWAKTU.has(baru.status)) return baru;
  const lama = nilaiHari(m, m.ketukan);
  const ubah = (['masuk', 'pulang'] as const)
    .filter((j) => baru[j] !== lama[j])
    .map((j) => ({ j, dari: lama[j] ?? '-', ke: baru[j] ?? '-' }));
  const rinci = (en: boolean) => {
    const bagian = ubah.map(
      (u) =>
        `${en ? (u.j === 'masuk' ? 'check-in' : 'check-out') : u.j} ${u.ke} (${en ? 'was' : 'semula'} ${u.dari})`,
    );
    if (lama.status !== baru.status) bagian.push(`${en ? 'status was' : 'status semula'} ${lama.status}`);
    return bagian.length ? `: ${bagian.join(', ')}` : '';
  };
  const sebab = koreksi.map((k) => k.alasan).join('; ');
  const tambahan = sebab ? ` — ${sebab}` : '';
  return {
    ...baru,
    asli: {
      masuk: lama.masuk,
      pulang: lama.pulang,
      terlambatMenit: lama.terlambatMenit,
      pulangCepatMenit: lama.pulangCepatMenit,
    },
    koreksi: koreksi.map((k) => k.id),
    alasan: [
      ...baru.alasan,
      a(
        'koreksi_disetujui',
        `koreksi disetujui${rinci(false)}${tambahan}`,
        `correction approved${rinci(true)}${tambahan}`,
      ),
    ],
  };
}

function terlambat(menit: number): AlasanHari {
  return a('terlambat', `terlambat ${menit} menit`, `late by ${menit} minutes`);
}
