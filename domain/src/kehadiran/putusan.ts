/**
 * The verdict on one check-in or check-out attempt (issue 10, item 2), combining the checks in a fixed
 * order; the first that fails decides the reason. Pure: every input is already measured by the caller.
 *
 * Order (docs/kehadiran.md): 1. scheduled at the office today; 2. within the check-in / check-out window;
 * 3. location; 3b. the person has face templates; 4. the challenge frames (one face in each, same person, asked movements); 5. suspected
 * spoof; 6. the face compared with the person's templates (cocok → accepted, tinjau → review, else refused).
 * The checks that need no image come first: the person is told what they can fix, the server need not run
 * the face model on an attempt refused anyway, and a refusal for place or time says nothing about the face.
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import type { StatusJadwal } from '../jadwal/tipe.ts';
import { singkatanZona, type ZonaWaktu } from '../kalender/zones.ts';
import {
  type HasilAbsen,
  hasilDariAlasan,
  type KodeAlasanAbsen,
  pesanAlasanAbsen,
  type RincianAlasan,
} from './alasan.ts';
import { dalamJendela, type JendelaAbsen, type JenisAbsen, jamDariMenit } from './jam.ts';
import type { HasilLokasi } from './lokasi.ts';
import type { HasilTantangan } from './tantangan.ts';

/** Two thresholds on the engine's similarity score: at or above `cocok` a match; at or above `tinjau` review. */
export interface AmbangWajah {
  readonly cocok: number;
  readonly tinjau: number;
}

export type PutusanWajah = 'cocok' | 'tinjau' | 'tidak_cocok';

/** The face verdict of a score (CONTRACTS.md `sigap face verify`). Throws when the score or thresholds are not numbers. */
export function putusanWajah(skor: number, ambang: AmbangWajah): PutusanWajah {
  if (!Number.isFinite(skor)) throw new RangeError(`face score ${skor} is not a number`);
  if (!(Number.isFinite(ambang.cocok) && Number.isFinite(ambang.tinjau) && ambang.tinjau <= ambang.cocok)) {
    throw new RangeError(`thresholds tinjau ${ambang.tinjau} ≤ cocok ${ambang.cocok} expected`);
  }
  return skor >= ambang.cocok ? 'cocok' : skor >= ambang.tinjau ? 'tinjau' : 'tidak_cocok';
}

export interface MasukanPutusan {
  readonly jenis: JenisAbsen;
  /** the published schedule's status today (null: none published; judged as an office working day) */
  readonly jadwal: StatusJadwal | null;
  /** approved dinas luar today: the person may check in at the destination */
  readonly dinasLuar: boolean;
  /** the windows for today (`jendelaAbsen`), null when the day has no hours */
  readonly jendela: JendelaAbsen | null;
  /** the server's time, minutes since the local midnight that starts the day (`menitLokal`) */
  readonly menit: number;
  readonly zona: ZonaWaktu;
  /** the location verdict (`nilaiLokasi`); null for a registered kiosk, whose place is fixed */
  readonly lokasi: HasilLokasi | null;
  /** the person has face templates of the current model (default true); false refuses before any image is read */
  readonly terdaftar?: boolean;
  readonly tantangan: HasilTantangan;
  /** the engine's anti-spoof says the frames are not a live face */
  readonly dugaanPalsu: boolean;
  /** best similarity of the frames with the person's templates */
  readonly skorWajah: number;
  readonly ambang: AmbangWajah;
}

export interface PutusanAbsen {
  readonly hasil: HasilAbsen;
  readonly alasan: KodeAlasanAbsen;
  readonly pesan: Pesan;
  /** the face verdict, when the checks reached the face comparison */
  readonly wajah: PutusanWajah | null;
}

const hhmm = jamDariMenit;

const tolak = (
  alasan: KodeAlasanAbsen,
  r: RincianAlasan = {},
  wajah: PutusanWajah | null = null,
): PutusanAbsen => ({
  hasil: hasilDariAlasan(alasan),
  alasan,
  pesan: pesanAlasanAbsen(alasan, r),
  wajah,
});

/** What the checks that need no image read (steps 1–3). */
export type MasukanTanpaWajah = Pick<
  MasukanPutusan,
  'jenis' | 'jadwal' | 'dinasLuar' | 'jendela' | 'menit' | 'zona' | 'lokasi' | 'terdaftar'
>;

/**
 * Steps 1–3 alone (schedule, window, location): the refusal they decide, or null when the attempt may go
 * on to the face. The server calls it before running the face model, so a refused place or time costs no
 * model run; `putuskanAbsen` starts with it, so both always agree.
 */
export function putuskanTanpaWajah(m: MasukanTanpaWajah): PutusanAbsen | null {
  // 1. at the office today
  const diKantor = m.dinasLuar || m.jadwal === 'WFO' || m.jadwal === 'PIKET' || m.jadwal === null;
  if (!diKantor) return tolak('tidak_terjadwal_di_kantor', { jadwal: m.jadwal ?? undefined });
  // 2. the window
  if (!m.jendela) {
    return {
      ...tolak('di_luar_jendela_absen'),
      pesan: pesan(
        'Di luar waktu absen: hari ini tidak ada jam kerja.',
        'Outside the check-in hours: there are no working hours today.',
      ),
    };
  }
  if (!dalamJendela(m.jenis, m.menit, m.jendela)) {
    const w = m.jendela[m.jenis];
    return tolak('di_luar_jendela_absen', {
      jendelaDari: hhmm(w.dari),
      jendelaSampai: hhmm(w.sampai),
      zona: singkatanZona(m.zona),
      jenis: m.jenis,
    });
  }
  // 3. location
  if (m.lokasi?.hasil === 'di_luar_kantor') {
    return tolak('di_luar_kantor', {
      jarakM: m.lokasi.jarakM,
      ...(m.lokasi.tempatTerdekat ? { namaTempat: m.lokasi.tempatTerdekat.nama } : {}),
    });
  }
  if (m.lokasi?.hasil === 'lokasi_tidak_akurat') {
    return tolak('lokasi_tidak_akurat', { akurasiM: m.lokasi.akurasiM, ukuranM: m.lokasi.ukuranM });
  }
  // 3b. something to compare the face with
  if (m.terdaftar === false) return tolak('wajah_belum_terdaftar');
  return null;
}

/** The verdict on an attempt, in the order documented at the top of this file. */
export function putuskanAbsen(m: MasukanPutusan): PutusanAbsen {
  const awal = putuskanTanpaWajah(m);
  if (awal) return awal;
  // 4. the challenge
  if (!m.tantangan.lulus) {
    const r: RincianAlasan = m.tantangan.alasan === 'tantangan_gagal' ? { sebab: m.tantangan.sebab } : {};
    return tolak(m.tantangan.alasan, r);
  }
  // 5. spoof
  if (m.dugaanPalsu) return tolak('dugaan_palsu');
  // 6. the face
  const wajah = putusanWajah(m.skorWajah, m.ambang);
  if (wajah === 'tidak_cocok') return tolak('wajah_tidak_cocok', {}, wajah);
  if (wajah === 'tinjau') return tolak('tinjau', {}, wajah);
  return tolak('diterima', {}, wajah);
}
