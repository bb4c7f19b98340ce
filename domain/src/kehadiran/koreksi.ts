/**
 * Corrections of a person's attendance day and official travel (dinas luar) requests (issue 10, items 8
 * and 3; docs/kehadiran.md "Koreksi dan dinas luar"): which requests are accepted, and who decides them.
 * Pure: no I/O. The server reads the dates, punches and supervisor and asks these functions.
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import { addDays, formatTanggal, hariAntara, type IsoDate, masalahTanggal } from '../kalender/dates.ts';
import { localDayStart, type ZonaWaktu } from '../kalender/zones.ts';
import type { JenisAbsen } from './jam.ts';

/** A correction may be asked for a day at most this many days back (and never for a future day). */
export const MAKS_HARI_KOREKSI = 31;
/** At most this many pending corrections per person per day. */
export const MAKS_KOREKSI_TERTUNDA = 3;
/** The longest dinas luar one request covers, in days. */
export const MAKS_HARI_DINAS_LUAR = 31;
/** A dinas luar may start at most this many days back (asked after the travel) … */
export const MAKS_HARI_DINAS_LUAR_LALU = 31;
/** … and at most this many days ahead. */
export const MAKS_HARI_DINAS_LUAR_DEPAN = 90;
/** The person's reason and the decider's note: at most this many characters. */
export const MAKS_PANJANG_ALASAN = 500;

/** The kinds of reason a person picks for a correction. */
export const SEBAB_KOREKSI = [
  'terminal_rusak',
  'lupa_pulang',
  'lupa_masuk',
  'kamera_gagal',
  'lainnya',
] as const;
export type SebabKoreksi = (typeof SEBAB_KOREKSI)[number];

export const LABEL_SEBAB_KOREKSI: Record<SebabKoreksi, { id: string; en: string }> = {
  terminal_rusak: { id: 'Terminal absensi rusak', en: 'Attendance terminal broken' },
  lupa_pulang: { id: 'Lupa absen pulang', en: 'Forgot to check out' },
  lupa_masuk: { id: 'Lupa absen masuk', en: 'Forgot to check in' },
  kamera_gagal: { id: 'Kamera/aplikasi gagal', en: 'Camera or app failed' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** The statuses of a correction or a dinas luar request. */
export const STATUS_PENGAJUAN = ['diajukan', 'disetujui', 'ditolak', 'dibatalkan'] as const;
export type StatusPengajuan = (typeof STATUS_PENGAJUAN)[number];

/** One problem with a request, naming its field. */
export interface MasalahIsian {
  readonly kolom: string;
  readonly pesan: Pesan;
}

/** A stored punch of the person on the day corrected (accepted events only). */
export interface KetukanTersimpan {
  readonly id: string;
  readonly jenis: JenisAbsen | null;
}

export interface IsianKoreksi {
  readonly tanggal: string;
  /** local time HH:MM in the Pemda's zone */
  readonly jam: string;
  readonly jenis: JenisAbsen;
  readonly sebab: string;
  readonly alasan: string;
  /** id of the stored punch it replaces; null/absent adds a punch */
  readonly menggantikan?: string | null;
}

export interface KonteksKoreksi {
  /** today in the Pemda's zone */
  readonly hariIni: IsoDate;
  readonly sekarang: Date;
  readonly zona: ZonaWaktu;
  /** the person's accepted punches on `tanggal` */
  readonly ketukan: readonly KetukanTersimpan[];
  /** the person's pending corrections of `tanggal` */
  readonly tertunda: number;
}

const POLA_JAM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of a local date and HH:MM time in the zone (the time must match POLA_JAM). */
export function waktuLokal(tanggal: IsoDate, jam: string, zona: ZonaWaktu): Date {
  const m = POLA_JAM.exec(jam);
  if (!m) throw new Error(`jam ${jam} bukan HH:MM`);
  return new Date(Date.parse(localDayStart(tanggal, zona)) + (Number(m[1]) * 60 + Number(m[2])) * 60_000);
}

/** The problems of a reason text (`kolom` named), or none: 1..500 characters once trimmed. */
function masalahTeks(kolom: string, nilai: string, wajib: boolean): MasalahIsian[] {
  const t = nilai.trim();
  if (wajib && t.length === 0)
    return [{ kolom, pesan: pesan(`${kolom}: wajib diisi`, `${kolom}: required`) }];
  if (t.length > MAKS_PANJANG_ALASAN)
    return [
      {
        kolom,
        pesan: pesan(
          `${kolom}: ${t.length} karakter; paling banyak ${MAKS_PANJANG_ALASAN}`,
          `${kolom}: ${t.length} characters; at most ${MAKS_PANJANG_ALASAN}`,
        ),
      },
    ];
  return [];
}

/**
 * Why a correction cannot be asked, field by field (empty: it can): the date is a real date, not in the
 * future and at most MAKS_HARI_KOREKSI days back; the time is HH:MM and not later than now; the reason
 * kind is one of SEBAB_KOREKSI and the reason 1..500 characters; a replaced punch is one of the person's
 * accepted punches of that day; fewer than MAKS_KOREKSI_TERTUNDA corrections of that day are pending.
 */
export function periksaKoreksi(isian: IsianKoreksi, k: KonteksKoreksi): MasalahIsian[] {
  const out: MasalahIsian[] = [];
  const mt = masalahTanggal(isian.tanggal, 'tanggal');
  if (mt) out.push({ kolom: 'tanggal', pesan: mt });
  else if (isian.tanggal > k.hariIni)
    out.push({
      kolom: 'tanggal',
      pesan: pesan(
        `tanggal: ${formatTanggal(isian.tanggal)} belum terjadi; koreksi hanya untuk hari yang sudah lewat atau hari ini`,
        `tanggal: ${formatTanggal(isian.tanggal, 'en')} has not happened yet; corrections are for today or past days only`,
      ),
    });
  else if (hariAntara(isian.tanggal, k.hariIni) > MAKS_HARI_KOREKSI)
    out.push({
      kolom: 'tanggal',
      pesan: pesan(
        `tanggal: ${formatTanggal(isian.tanggal)} sudah lebih dari ${MAKS_HARI_KOREKSI} hari yang lalu; koreksi paling lambat ${MAKS_HARI_KOREKSI} hari (sejak ${formatTanggal(addDays(k.hariIni, -MAKS_HARI_KOREKSI))})`,
        `tanggal: ${formatTanggal(isian.tanggal, 'en')} is more than ${MAKS_HARI_KOREKSI} days ago; corrections within ${MAKS_HARI_KOREKSI} days only (from ${formatTanggal(addDays(k.hariIni, -MAKS_HARI_KOREKSI), 'en')})`,
      ),
    });
  if (!POLA_JAM.test(isian.jam))
    out.push({
      kolom: 'jam',
      pesan: pesan(
        `jam: "${isian.jam.slice(0, 20)}" bukan jam JJ:MM, misalnya 16:30`,
        `jam: "${isian.jam.slice(0, 20)}" is not an HH:MM time, e.g. 16:30`,
      ),
    });
  else if (!mt && waktuLokal(isian.tanggal, isian.jam, k.zona).getTime() > k.sekarang.getTime())
    out.push({
      kolom: 'jam',
      pesan: pesan(
        `jam: ${isian.jam} pada ${formatTanggal(isian.tanggal)} belum terjadi`,
        `jam: ${isian.jam} on ${formatTanggal(isian.tanggal, 'en')} has not happened yet`,
      ),
    });
  if (isian.jenis !== 'masuk' && isian.jenis !== 'pulang')
    out.push({
      kolom: 'jenis',
      pesan: pesan('jenis: pilih masuk atau pulang', 'jenis: choose masuk (in) or pulang (out)'),
    });
  if (!(SEBAB_KOREKSI as readonly string[]).includes(isian.sebab))
    out.push({
      kolom: 'sebab',
      pesan: pesan(
        `sebab: pilih salah satu: ${SEBAB_KOREKSI.join(', ')}`,
        `sebab: choose one of ${SEBAB_KOREKSI.join(', ')}`,
      ),
    });
  out.push(...masalahTeks('alasan', isian.alasan, true));
  if (isian.menggantikan && !k.ketukan.some((x) => x.id === isian.menggantikan))
    out.push({
      kolom: 'menggantikan',
      pesan: pesan(
        `menggantikan: bukan absen Anda yang diterima pada ${mt ? isian.tanggal : formatTanggal(isian.tanggal)}`,
        `menggantikan: not one of your accepted punches on ${mt ? isian.tanggal : formatTanggal(isian.tanggal, 'en')}`,
      ),
    });
  if (k.tertunda >= MAKS_KOREKSI_TERTUNDA)
    out.push({
      kolom: 'tanggal',
      pesan: pesan(
        `tanggal: sudah ada ${k.tertunda} koreksi yang menunggu keputusan untuk hari itu; paling banyak ${MAKS_KOREKSI_TERTUNDA} — tunggu keputusan atau batalkan salah satu`,
        `tanggal: ${k.tertunda} corrections of that day already await a decision; at most ${MAKS_KOREKSI_TERTUNDA} — wait for a decision or withdraw one`,
      ),
    });
  return out;
}

export interface IsianDinasLuar {
  readonly dari: string;
  readonly sampai: string;
  readonly nomorSurat: string;
  readonly tujuan: string;
  readonly lat?: number | null;
  readonly lng?: number | null;
  readonly radiusM?: number | null;
}

/**
 * Why a dinas luar cannot be asked (empty: it can): real dates, `dari` ≤ `sampai`, at most
 * MAKS_HARI_DINAS_LUAR days, starting no more than MAKS_HARI_DINAS_LUAR_LALU days back and no more than
 * MAKS_HARI_DINAS_LUAR_DEPAN days ahead; a letter number (1..200) and a destination (1..500); a place is
 * both lat and lng (in Indonesia's box is not required: travel may leave it), a radius only with a place.
 */
export function periksaDinasLuar(isian: IsianDinasLuar, hariIni: IsoDate): MasalahIsian[] {
  const out: MasalahIsian[] = [];
  const a = masalahTanggal(isian.dari, 'dari');
  const b = masalahTanggal(isian.sampai, 'sampai');
  if (a) out.push({ kolom: 'dari', pesan: a });
  if (b) out.push({ kolom: 'sampai', pesan: b });
  if (!a && !b) {
    if (isian.sampai < isian.dari)
      out.push({
        kolom: 'sampai',
        pesan: pesan(
          `sampai (${isian.sampai}) sebelum dari (${isian.dari}); tukar kedua tanggal`,
          `sampai (${isian.sampai}) comes before dari (${isian.dari}); swap the two dates`,
        ),
      });
    else if (hariAntara(isian.dari, isian.sampai) + 1 > MAKS_HARI_DINAS_LUAR)
      out.push({
        kolom: 'sampai',
        pesan: pesan(
          `dinas luar ${hariAntara(isian.dari, isian.sampai) + 1} hari; paling lama ${MAKS_HARI_DINAS_LUAR} hari sekali pengajuan`,
          `official travel of ${hariAntara(isian.dari, isian.sampai) + 1} days; at most ${MAKS_HARI_DINAS_LUAR} days per request`,
        ),
      });
    if (hariAntara(isian.dari, hariIni) > MAKS_HARI_DINAS_LUAR_LALU)
      out.push({
        kolom: 'dari',
        pesan: pesan(
          `dari: ${formatTanggal(isian.dari)} sudah lebih dari ${MAKS_HARI_DINAS_LUAR_LALU} hari yang lalu`,
          `dari: ${formatTanggal(isian.dari, 'en')} is more than ${MAKS_HARI_DINAS_LUAR_LALU} days ago`,
        ),
      });
    if (hariAntara(hariIni, isian.dari) > MAKS_HARI_DINAS_LUAR_DEPAN)
      out.push({
        kolom: 'dari',
        pesan: pesan(
          `dari: ${formatTanggal(isian.dari)} lebih dari ${MAKS_HARI_DINAS_LUAR_DEPAN} hari ke depan`,
          `dari: ${formatTanggal(isian.dari, 'en')} is more than ${MAKS_HARI_DINAS_LUAR_DEPAN} days ahead`,
        ),
      });
  }
  const surat = isian.nomorSurat.trim();
  if (surat.length === 0 || surat.length > 200)
    out.push({
      kolom: 'nomor_surat',
      pesan: pesan(
        'nomor_surat: wajib diisi, paling banyak 200 karakter',
        'nomor_surat: required, at most 200 characters',
      ),
    });
  out.push(...masalahTeks('tujuan', isian.tujuan, true));
  const adaLat = isian.lat !== null && isian.lat !== undefined;
  const adaLng = isian.lng !== null && isian.lng !== undefined;
  if (adaLat !== adaLng)
    out.push({
      kolom: adaLat ? 'lng' : 'lat',
      pesan: pesan(
        'lokasi tujuan: isi lintang dan bujur keduanya, atau kosongkan keduanya',
        'destination: give both latitude and longitude, or neither',
      ),
    });
  if (isian.radiusM !== null && isian.radiusM !== undefined && !adaLat)
    out.push({
      kolom: 'radius_m',
      pesan: pesan(
        'radius_m: hanya bersama lintang dan bujur tujuan',
        'radius_m: only with the destination latitude and longitude',
      ),
    });
  return out;
}

/** Who a decision is made as: the person's direct supervisor, or their OPD admin. */
export type HakPutus = 'atasan' | 'admin_opd';

export interface PihakPutusan {
  /** the person who asked */
  readonly pemohonId: string;
  /** the person's direct supervisor on the day(s) concerned; null: none */
  readonly atasanId: string | null;
  /** the deciding account's own employee record; null: an account without one */
  readonly pemutusPegawaiId: string | null;
  /** whether the deciding account is an OPD admin whose OPD covers the person on the day(s) concerned */
  readonly adminOpd: boolean;
}

/**
 * Who may decide a correction or a dinas luar request: never the person themselves; the person's direct
 * supervisor (pegawai_versi.atasan_id on the day(s) concerned); and, only when the person has no
 * supervisor then, an OPD admin whose OPD covers the person. Anyone else: null.
 */
export function hakPutus(p: PihakPutusan): HakPutus | null {
  if (p.pemutusPegawaiId !== null && p.pemutusPegawaiId === p.pemohonId) return null;
  if (p.atasanId !== null) return p.pemutusPegawaiId === p.atasanId ? 'atasan' : null;
  return p.adminOpd ? 'admin_opd' : null;
}

/** The words for a status, Indonesian first. */
export const LABEL_STATUS_PENGAJUAN: Record<StatusPengajuan, { id: string; en: string }> = {
  diajukan: { id: 'Menunggu keputusan', en: 'Awaiting decision' },
  disetujui: { id: 'Disetujui', en: 'Approved' },
  ditolak: { id: 'Ditolak', en: 'Refused' },
  dibatalkan: { id: 'Dibatalkan', en: 'Withdrawn' },
};
