/**
 * The result of one check-in or check-out attempt, as a code and in words a person at the office door
 * understands (issue 10, item 2). The codes are stored with every attempt and returned by
 * `POST /api/kehadiran` (`alasan`); the words are its `pesan`.
 */

import { type Pesan, pesan } from '../i18n/message.ts';

/** Every reason an attempt can end with, accepted first, then refusals, then "sent to review". */
export const KODE_ALASAN_ABSEN = [
  'diterima',
  'wajah_tidak_cocok',
  'tidak_ada_wajah',
  'banyak_wajah',
  'dugaan_palsu',
  'tantangan_gagal',
  'di_luar_kantor',
  'lokasi_tidak_akurat',
  'tidak_terjadwal_di_kantor',
  'di_luar_jendela_absen',
  'wajah_belum_terdaftar',
  'tinjau',
] as const;
export type KodeAlasanAbsen = (typeof KODE_ALASAN_ABSEN)[number];

/** The outcome of an attempt (CONTRACTS.md: `hasil`). */
export type HasilAbsen = 'diterima' | 'ditolak' | 'ditinjau';

/** The outcome a reason code leads to. */
export function hasilDariAlasan(kode: KodeAlasanAbsen): HasilAbsen {
  return kode === 'diterima' ? 'diterima' : kode === 'tinjau' ? 'ditinjau' : 'ditolak';
}

/** The plain words of each code, without details. */
export const PESAN_ALASAN_ABSEN: Readonly<Record<KodeAlasanAbsen, Pesan>> = {
  diterima: pesan('Absen Anda diterima.', 'Your attendance was recorded.'),
  wajah_tidak_cocok: pesan(
    'Wajah tidak cocok dengan data Anda. Coba lagi dengan wajah terlihat jelas, atau minta koreksi kepada atasan.',
    'Your face does not match your records. Try again with your face clearly visible, or ask your supervisor for a correction.',
  ),
  tidak_ada_wajah: pesan(
    'Wajah tidak terlihat. Hadapkan wajah ke kamera di tempat yang cukup terang.',
    'No face was seen. Face the camera in a well-lit place.',
  ),
  banyak_wajah: pesan(
    'Terlihat lebih dari satu wajah. Pastikan hanya Anda yang ada di depan kamera.',
    'More than one face was seen. Make sure only you are in front of the camera.',
  ),
  dugaan_palsu: pesan(
    'Gambar diduga bukan wajah langsung (foto atau layar). Absen dengan wajah Anda sendiri di depan kamera.',
    'The image looks like a photo or a screen, not a live face. Check in with your own face in front of the camera.',
  ),
  tantangan_gagal: pesan(
    'Gerakan kepala tidak sesuai perintah. Ulangi dan ikuti petunjuk gerakan di layar.',
    'The head movements did not follow the instructions. Try again and follow the movements shown on screen.',
  ),
  di_luar_kantor: pesan(
    'Anda berada di luar area kantor. Absen hanya dapat dilakukan di kantor atau tempat tugas yang ditetapkan.',
    'You are outside the office area. You can only check in at the office or an assigned place of duty.',
  ),
  lokasi_tidak_akurat: pesan(
    'Lokasi perangkat kurang akurat. Nyalakan GPS atau pindah ke tempat terbuka, lalu coba lagi.',
    'Your device location is not accurate enough. Turn on GPS or move to an open place, then try again.',
  ),
  tidak_terjadwal_di_kantor: pesan(
    'Menurut jadwal, hari ini Anda tidak bertugas di kantor.',
    'According to the schedule you are not working at the office today.',
  ),
  di_luar_jendela_absen: pesan('Di luar waktu absen hari ini.', "Outside today's check-in hours."),
  wajah_belum_terdaftar: pesan(
    'Wajah Anda belum terdaftar (atau persetujuannya dicabut). Daftarkan wajah di menu Wajah Saya, atau absen dengan cara lain yang diizinkan Pemda (mesin absen, koreksi kepada atasan).',
    'Your face is not enrolled (or consent was withdrawn). Enrol your face under My Face, or check in another way your Pemda allows (the attendance terminal, a correction by your supervisor).',
  ),
  tinjau: pesan(
    'Absen Anda belum dapat dipastikan dan dikirim ke admin OPD untuk diperiksa. Hasilnya akan terlihat di status hari Anda.',
    'Your attendance could not be confirmed and was sent to your OPD admin for review. The result will show on your day status.',
  ),
};

/** Details that make a reason's words exact. */
export interface RincianAlasan {
  /** di_luar_kantor: metres to the nearest allowed place, and its name */
  readonly jarakM?: number | null;
  readonly namaTempat?: string;
  /** lokasi_tidak_akurat: the fix's accuracy and the size of the place (metres) */
  readonly akurasiM?: number;
  readonly ukuranM?: number;
  /** di_luar_jendela_absen: the window, "HH:MM" in the Pemda's zone, and its zone abbreviation */
  readonly jendelaDari?: string;
  readonly jendelaSampai?: string;
  readonly zona?: string;
  /** di_luar_jendela_absen: whether it was a check-in (default) or a check-out */
  readonly jenis?: 'masuk' | 'pulang';
  /** tidak_terjadwal_di_kantor: the day's schedule status (WFH, CUTI, LIBUR…) */
  readonly jadwal?: string;
  /** tantangan_gagal: what went wrong, already in words */
  readonly sebab?: Pesan;
}

/** The words of a reason, with the details that apply (distance, accuracy, window, schedule…). */
export function pesanAlasanAbsen(kode: KodeAlasanAbsen, r: RincianAlasan = {}): Pesan {
  const dasar = PESAN_ALASAN_ABSEN[kode];
  const m = (x: number) => `${Math.round(x)} m`;
  switch (kode) {
    case 'di_luar_kantor':
      if (r.jarakM === null) {
        return pesan(
          'Lokasi kantor unit Anda belum diatur. Hubungi admin OPD.',
          "Your unit's office location has not been set. Contact your OPD admin.",
        );
      }
      if (r.jarakM !== undefined) {
        const t = r.namaTempat ? ` (${r.namaTempat})` : '';
        return pesan(
          `Anda berada ${m(r.jarakM)} di luar area kantor${t}. Absen hanya dapat dilakukan di kantor atau tempat tugas yang ditetapkan.`,
          `You are ${m(r.jarakM)} outside the office area${t}. You can only check in at the office or an assigned place of duty.`,
        );
      }
      return dasar;
    case 'lokasi_tidak_akurat':
      if (r.akurasiM !== undefined && r.ukuranM !== undefined) {
        return pesan(
          `Lokasi perangkat kurang akurat (±${m(r.akurasiM)}, lebih besar dari area kantor ${m(r.ukuranM)}). Nyalakan GPS atau pindah ke tempat terbuka, lalu coba lagi.`,
          `Your device location is not accurate enough (±${m(r.akurasiM)}, larger than the ${m(r.ukuranM)} office area). Turn on GPS or move to an open place, then try again.`,
        );
      }
      return dasar;
    case 'di_luar_jendela_absen':
      if (r.jendelaDari && r.jendelaSampai) {
        const z = r.zona ? ` ${r.zona}` : '';
        const pulang = r.jenis === 'pulang';
        return pesan(
          `Di luar waktu absen: hari ini absen ${pulang ? 'pulang' : 'masuk'} dapat dilakukan pukul ${r.jendelaDari.replace(':', '.')}–${r.jendelaSampai.replace(':', '.')}${z}.`,
          `Outside the attendance hours: today you can check ${pulang ? 'out' : 'in'} from ${r.jendelaDari} to ${r.jendelaSampai}${z}.`,
        );
      }
      return dasar;
    case 'tidak_terjadwal_di_kantor':
      if (r.jadwal) {
        return pesan(
          `Menurut jadwal, hari ini Anda tidak bertugas di kantor (${r.jadwal}).`,
          `According to the schedule you are not working at the office today (${r.jadwal}).`,
        );
      }
      return dasar;
    case 'tantangan_gagal':
      if (r.sebab) return pesan(`${dasar.id} (${r.sebab.id})`, `${dasar.en} (${r.sebab.en})`);
      return dasar;
    default:
      return dasar;
  }
}
