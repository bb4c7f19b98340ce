/**
 * The verdict on a kiosk attempt (issue 10 item 4): a tablet at the office entrance that recognises any of
 * its office's people one-to-many. Unlike a phone, the kiosk does not know who is in front of it: the face
 * names the person first, then that person's day is judged as a phone attempt would be (schedule, window,
 * the challenge, the score), with no location check (the kiosk's place is fixed). Pure.
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import { hasilDariAlasan, pesanAlasanAbsen } from './alasan.ts';
import { type AmbangWajah, type MasukanPutusan, type PutusanAbsen, putuskanAbsen } from './putusan.ts';

/** How close (in score) the next person may come to the best before the kiosk will not choose between them. */
export const SELISIH_MIRIP = 0.05;

export interface CalonKiosk {
  /** the best score of the best-matching enrolled person over the frames */
  readonly skor: number;
  /** the best score of the next person (null: nobody else is enrolled at this kiosk) */
  readonly skorKedua: number | null;
}

/** Is the runner-up too close to the best for the kiosk to choose (both at least at the review bound)? */
export function kioskRagu(c: CalonKiosk, ambang: AmbangWajah): boolean {
  return c.skorKedua !== null && c.skorKedua >= ambang.tinjau && c.skor - c.skorKedua < SELISIH_MIRIP;
}

/** Is the kiosk's best candidate the person, for the purpose of naming them and judging their day? */
export function kioskMengenali(c: CalonKiosk, ambang: AmbangWajah): boolean {
  return c.skor >= ambang.tinjau;
}

/** Whether the kiosk may show the person's name on its screen: a sure match, no close second. */
export function kioskBolehMenyebut(c: CalonKiosk, ambang: AmbangWajah): boolean {
  return c.skor >= ambang.cocok && !kioskRagu(c, ambang);
}

const TIDAK_DIKENALI: Pesan = pesan(
  'Wajah tidak dikenali di kios ini. Pastikan wajah Anda sudah terdaftar (menu Wajah Saya) dan Anda pegawai kantor ini, lalu coba lagi; atau absen dari ponsel.',
  'Face not recognised at this kiosk. Make sure your face is enrolled (My Face) and you work at this office, then try again; or check in from your phone.',
);

const RAGU: Pesan = pesan(
  'Wajah mirip lebih dari satu pegawai; absen dikirim ke admin OPD untuk diperiksa. Hasilnya akan terlihat di status hari Anda.',
  'The face resembles more than one employee; the attempt was sent to the OPD admin for review. The result will show on your day status.',
);

export interface MasukanKiosk
  extends Pick<MasukanPutusan, 'jenis' | 'menit' | 'zona' | 'tantangan' | 'dugaanPalsu' | 'ambang'> {
  /** the best candidate and the runner-up (scores 0 / null when no frame held a face) */
  readonly calon: CalonKiosk;
  /** the recognised person's day; null when nobody reached the review bound */
  readonly hari: Pick<MasukanPutusan, 'jadwal' | 'dinasLuar' | 'jendela'> | null;
}

/**
 * The kiosk's verdict:
 * - a frame without a face or with several faces is refused for that, before anything else (no one is named);
 * - nobody at the review bound: "not recognised at this kiosk";
 * - the recognised person: `putuskanAbsen` for their day, without location, with the face score;
 * - a match with a close second goes to review instead of being accepted (the kiosk does not choose).
 */
export function putuskanKiosk(m: MasukanKiosk): PutusanAbsen {
  const t = m.tantangan;
  if (!t.lulus && (t.alasan === 'tidak_ada_wajah' || t.alasan === 'banyak_wajah')) {
    return { hasil: 'ditolak', alasan: t.alasan, pesan: pesanAlasanAbsen(t.alasan, {}), wajah: null };
  }
  if (!m.hari || !kioskMengenali(m.calon, m.ambang)) {
    return { hasil: 'ditolak', alasan: 'wajah_tidak_cocok', pesan: TIDAK_DIKENALI, wajah: 'tidak_cocok' };
  }
  const p = putuskanAbsen({
    ...m.hari,
    jenis: m.jenis,
    menit: m.menit,
    zona: m.zona,
    lokasi: null,
    terdaftar: true,
    tantangan: m.tantangan,
    dugaanPalsu: m.dugaanPalsu,
    skorWajah: m.calon.skor,
    ambang: m.ambang,
  });
  if (p.alasan === 'diterima' && kioskRagu(m.calon, m.ambang))
    return { hasil: hasilDariAlasan('tinjau'), alasan: 'tinjau', pesan: RAGU, wajah: 'tinjau' };
  return p;
}
