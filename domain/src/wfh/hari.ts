/**
 * A work-from-home day's status (issue 11, item 6): at home and compliant, or not, with its reasons. Pure:
 * the server gives the slots' statuses (`nilaiSlot`), whether a statement the policy asks for is unsigned,
 * the going-out notices objected to, and the reports flagged as impossible jumps. docs/wfh.md §6.
 *
 * - **WFH_TIDAK_PATUH** (not compliant) when a slot was missed or reported away from home, a statement the
 *   policy asks for was not signed by the end of the day, or the supervisor objected to a going-out notice.
 * - Otherwise **WFH_BELUM_DINILAI** (not yet assessed) while a slot is still open, a report waits for the
 *   OPD admin to confirm the person's home, the statement is still unsigned on the day itself, or the day has
 *   no way to assess it (the policy asks for no location reports).
 * - Otherwise **WFH_PATUH** (compliant). Late reports, inaccurate ones, excused slots and impossible jumps
 *   are listed among the reasons; they do not by themselves make the day non-compliant (the supervisor
 *   reads them).
 */

import { type Pesan, pesan } from '../i18n/message.ts';
import type { IsoDate } from '../kalender/dates.ts';
import { localDayStart, localTime, type ZonaWaktu } from '../kalender/zones.ts';
import { jamDariMenit } from '../kehadiran/jam.ts';
import {
  type AturanLaporan,
  lompatanMustahil,
  type RumahTerkonfirmasi,
  rumahPada,
  type TitikLaporan,
  tempatLaporan,
} from './laporan.ts';
import {
  type AturanSlot,
  type HasilSlot,
  type JendelaIzin,
  nilaiSlot,
  type StatusSlot,
  slotPada,
  susunSlot,
  type TempatLaporan,
} from './slot.ts';

export const KODE_ALASAN_WFH = [
  'wfh_slot_terlewat',
  'wfh_di_luar_rumah',
  'wfh_pernyataan_belum',
  'wfh_izin_dikeberatani',
  'wfh_menunggu_rumah',
  'wfh_slot_belum',
  'wfh_terlambat',
  'wfh_tidak_akurat',
  'wfh_izin_keluar',
  'wfh_lompatan',
  'wfh_tanpa_laporan_lokasi',
] as const;
export type KodeAlasanWfh = (typeof KODE_ALASAN_WFH)[number];

export interface AlasanWfh {
  readonly kode: KodeAlasanWfh;
  readonly pesan: Pesan;
}

export interface MasukanHariWfh {
  /** the day's slots and their statuses; empty when the policy asks for no location reports */
  readonly slot: readonly HasilSlot[];
  /** a statement the policy asks for is not signed (by the end of the day, once it is over) */
  readonly pernyataanBelum: boolean;
  /** the day is over: an unsigned statement can no longer be signed in time (before, it only waits) */
  readonly hariSelesai: boolean;
  /** the day's going-out notices the supervisor objected to, as "HH:MM–HH:MM" */
  readonly izinDikeberatani: readonly string[];
  /** the instants ("HH:MM") of reports flagged as impossible jumps */
  readonly lompatan: readonly string[];
}

export type StatusWfh = 'WFH_PATUH' | 'WFH_TIDAK_PATUH' | 'WFH_BELUM_DINILAI';

export interface PenilaianWfh {
  readonly status: StatusWfh;
  readonly alasan: readonly AlasanWfh[];
}

/** Slot statuses that make the day non-compliant. */
const GAGAL: readonly StatusSlot[] = ['terlewat', 'di_luar_rumah'];

const jamSlot = (xs: readonly HasilSlot[]) => xs.map((x) => jamDariMenit(x.slot.buka)).join(', ');

const PER_SLOT: readonly [StatusSlot, KodeAlasanWfh, string, string][] = [
  ['terlewat', 'wfh_slot_terlewat', 'terlewat', 'missed'],
  ['di_luar_rumah', 'wfh_di_luar_rumah', 'dilaporkan di luar rumah', 'reported away from home'],
  ['belum', 'wfh_slot_belum', 'belum dilaporkan', 'not reported yet'],
  ['terlambat', 'wfh_terlambat', 'terlambat dilaporkan', 'reported late'],
  ['tidak_akurat', 'wfh_tidak_akurat', 'lokasi tidak akurat', 'location inaccurate'],
  ['izin_keluar', 'wfh_izin_keluar', 'izin keluar rumah', 'going out, notified'],
];

/** The day's status and its reasons, failures first. */
export function nilaiHariWfh(m: MasukanHariWfh): PenilaianWfh {
  const alasan: AlasanWfh[] = [];
  for (const [status, kode, id, en] of PER_SLOT) {
    const xs = m.slot.filter((x) => x.status === status);
    if (xs.length > 0)
      alasan.push({ kode, pesan: pesan(`slot ${jamSlot(xs)} ${id}`, `slot ${jamSlot(xs)} ${en}`) });
  }
  if (m.pernyataanBelum)
    alasan.push({
      kode: 'wfh_pernyataan_belum',
      pesan: pesan('surat pernyataan WFH belum ditandatangani', 'WFH statement not signed'),
    });
  for (const w of m.izinDikeberatani)
    alasan.push({
      kode: 'wfh_izin_dikeberatani',
      pesan: pesan(`izin keluar ${w} dikeberatani atasan`, `going out ${w} objected to by the supervisor`),
    });
  const menunggu = m.slot.some((x) => x.status === 'menunggu_rumah');
  if (menunggu)
    alasan.push({
      kode: 'wfh_menunggu_rumah',
      pesan: pesan(
        'lokasi rumah menunggu konfirmasi admin OPD',
        'home location waiting for the OPD admin to confirm it',
      ),
    });
  if (m.lompatan.length > 0)
    alasan.push({
      kode: 'wfh_lompatan',
      pesan: pesan(
        `perpindahan lokasi tidak wajar pukul ${m.lompatan.join(', ')}`,
        `impossible jump in location at ${m.lompatan.join(', ')}`,
      ),
    });
  if (m.slot.length === 0)
    alasan.push({
      kode: 'wfh_tanpa_laporan_lokasi',
      pesan: pesan(
        'kebijakan tidak meminta laporan lokasi; WFH belum dinilai',
        'the policy asks for no location reports; WFH not yet assessed',
      ),
    });
  const gagal =
    m.slot.some((x) => GAGAL.includes(x.status)) ||
    (m.pernyataanBelum && m.hariSelesai) ||
    m.izinDikeberatani.length > 0;
  const urut = (a: AlasanWfh) => (URUTAN_GAGAL.includes(a.kode) ? 0 : 1);
  alasan.sort((a, b) => urut(a) - urut(b));
  if (gagal) return { status: 'WFH_TIDAK_PATUH', alasan };
  const belum =
    menunggu || m.slot.length === 0 || m.slot.some((x) => x.status === 'belum') || m.pernyataanBelum;
  return { status: belum ? 'WFH_BELUM_DINILAI' : 'WFH_PATUH', alasan };
}

const URUTAN_GAGAL: readonly KodeAlasanWfh[] = [
  'wfh_slot_terlewat',
  'wfh_di_luar_rumah',
  'wfh_pernyataan_belum',
  'wfh_izin_dikeberatani',
];

/** A report of the day as judged: where it was, and the slot it filled. */
export interface LaporanDinilai {
  readonly id: string;
  /** minutes since the day's local midnight at which it counts */
  readonly menit: number;
  readonly tempat: TempatLaporan;
  /** metres from the home in effect; null without one */
  readonly jarakM: number | null;
  /** the slot that holds its minute; null outside every slot */
  readonly slotKe: number | null;
  readonly lompatan: boolean;
}

export interface MasukanRangkum {
  /** the policy's rule for the day; null: the day asks for no location reports */
  readonly aturanSlot: AturanSlot | null;
  readonly tanggal: IsoDate;
  readonly zona: ZonaWaktu;
  /** the person's reports counted on that day (any order) */
  readonly laporan: readonly TitikLaporan[];
  /** the person's confirmed homes */
  readonly rumah: readonly RumahTerkonfirmasi[];
  /** going-out notices of the day, as instants */
  readonly izin: readonly { dari: Date; sampai: Date; dikeberatani: boolean }[];
  readonly pernyataanBelum: boolean;
  readonly aturan: Pick<AturanLaporan, 'radiusRumahM' | 'kecepatanMaksKmj'> & { readonly tepatMenit: number };
  readonly sekarang: Date;
}

export interface RangkumHariWfh {
  readonly slot: readonly HasilSlot[];
  readonly laporan: readonly LaporanDinilai[];
  readonly penilaian: PenilaianWfh;
}

const menitLokal = (t: Date, tanggal: IsoDate, zona: ZonaWaktu) =>
  Math.floor((t.getTime() - Date.parse(localDayStart(tanggal, zona))) / 60_000);

/**
 * A WFH day put together: each report judged against the home in effect when it counts, the slots' statuses,
 * the impossible jumps, and the day's status. `sekarang` before the day → every slot not yet; during it → the
 * slots closed so far are judged; after it → all.
 */
export function rangkumHariWfh(m: MasukanRangkum): RangkumHariWfh {
  const slots = m.aturanSlot ? susunSlot(m.aturanSlot) : [];
  const lompat = lompatanMustahil(m.laporan, m.aturan.kecepatanMaksKmj);
  const laporan: LaporanDinilai[] = [...m.laporan]
    .sort((a, b) => a.dihitung.getTime() - b.dihitung.getTime())
    .map((l) => {
      const menit = menitLokal(l.dihitung, m.tanggal, m.zona);
      const { tempat, jarakM } = tempatLaporan(l, rumahPada(m.rumah, l.dihitung), m.aturan.radiusRumahM);
      return {
        id: l.id,
        menit,
        tempat,
        jarakM,
        slotKe: slotPada(slots, menit)?.ke ?? null,
        lompatan: lompat.has(l.id),
      };
    });
  // a slot opening at minute k (the instant k:00) lies in [dari, sampai) exactly when k ≥ ⌈dari⌉ and k < ⌈sampai⌉
  const menitAtas = (t: Date) =>
    Math.ceil((t.getTime() - Date.parse(localDayStart(m.tanggal, m.zona))) / 60_000);
  const izin: JendelaIzin[] = m.izin.map((z) => ({ dari: menitAtas(z.dari), sampai: menitAtas(z.sampai) }));
  const awal = Date.parse(localDayStart(m.tanggal, m.zona));
  const kini = m.sekarang.getTime();
  const sekarang = kini >= awal + 86_400_000 ? null : Math.max(-1, Math.floor((kini - awal) / 60_000));
  const slot = nilaiSlot(slots, laporan, izin, sekarang, m.aturan.tepatMenit);
  const jam = (t: Date) => localTime(t, m.zona);
  const penilaian = nilaiHariWfh({
    slot,
    pernyataanBelum: m.pernyataanBelum,
    hariSelesai: sekarang === null,
    izinDikeberatani: m.izin.filter((z) => z.dikeberatani).map((z) => `${jam(z.dari)}–${jam(z.sampai)}`),
    lompatan: laporan.filter((l) => l.lompatan).map((l) => jamDariMenit(l.menit)),
  });
  return { slot, laporan, penilaian };
}
