/**
 * Going out for something urgent while working from home (issue 11, item 3; Bogor 2020: "forbidden to go
 * out except for urgent needs, and everyone reports"). The person says so beforehand — why, from when, until
 * when; it takes effect at once (no approval); their supervisor sees it and may object once, in words; the
 * person may withdraw it before it starts. Pure: which notices are accepted, what state one is in, and the
 * window it gives the slot rule (`nilaiSlot` in slot.ts). docs/wfh.md §3.
 */

import type { Pesan } from '../i18n/message.ts';
import { pesan } from '../i18n/message.ts';
import { localDate, localDayStart, localTime, type ZonaWaktu } from '../kalender/zones.ts';
import type { MasalahIsian } from '../kehadiran/koreksi.ts';
import type { JendelaIzin } from './slot.ts';

/** The kinds of urgent need a person picks. */
export const JENIS_IZIN_KELUAR = [
  'kesehatan',
  'keluarga',
  'kebutuhan_pokok',
  'urusan_dinas',
  'lainnya',
] as const;
export type JenisIzinKeluar = (typeof JENIS_IZIN_KELUAR)[number];

export const LABEL_JENIS_IZIN_KELUAR: Record<JenisIzinKeluar, { id: string; en: string }> = {
  kesehatan: { id: 'Berobat / kesehatan', en: 'Medical care / health' },
  keluarga: { id: 'Keperluan keluarga mendesak', en: 'Urgent family matter' },
  kebutuhan_pokok: { id: 'Membeli kebutuhan pokok', en: 'Buying essentials' },
  urusan_dinas: { id: 'Urusan dinas', en: 'Official business' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** The person's words and the supervisor's objection: at most this many characters (once trimmed). */
export const MAKS_PANJANG_ALASAN_IZIN = 500;
/** A notice may start at most this many minutes before it is filed (the time to fill the form in). */
export const TENGGANG_MULAI_MENIT = 15;
/** … and at most this many days after it is filed. */
export const MAKS_HARI_DEPAN_IZIN = 7;
/** The longest going out one notice covers, in minutes (12 hours; and always within one local day). */
export const MAKS_LAMA_IZIN_MENIT = 12 * 60;
/** The shortest, in minutes. */
export const MIN_LAMA_IZIN_MENIT = 5;
/** At most this many notices (not withdrawn) per person per local day. */
export const MAKS_IZIN_PER_HARI = 4;
/** A supervisor may object until this many days after the notice ended. */
export const MAKS_HARI_KEBERATAN = 7;

const MENIT = 60_000;

export interface IsianIzinKeluar {
  readonly jenis: string;
  readonly alasan: string;
  readonly dari: Date;
  readonly sampai: Date;
}

/** A stored notice of the same person (for overlap and the daily count). */
export interface IzinTersimpan {
  readonly dari: Date;
  readonly sampai: Date;
  /** withdrawn notices neither overlap nor count */
  readonly dibatalkan: boolean;
}

export interface KonteksIzin {
  /** the moment the notice is filed (the server's clock) */
  readonly sekarang: Date;
  readonly zona: ZonaWaktu;
  /** the person's other notices on the notice's local day (or around it) */
  readonly lain: readonly IzinTersimpan[];
}

/** "08.00"–"10.30" style clock time of an instant in the zone (for messages). */
const jam = (d: Date, zona: ZonaWaktu) => localTime(d, zona).replace(':', '.');

/**
 * Why a notice cannot be filed, field by field (empty: it can): a known kind; the person's words 1..500
 * characters; `dari` no earlier than TENGGANG_MULAI_MENIT before now and no later than MAKS_HARI_DEPAN_IZIN
 * days ahead; `sampai` after `dari` by MIN_LAMA_IZIN_MENIT..MAKS_LAMA_IZIN_MENIT and on the same local day
 * (it may end exactly at the next midnight); not overlapping another notice of the person that is not
 * withdrawn; at most MAKS_IZIN_PER_HARI notices that day.
 */
export function periksaIzinKeluar(isian: IsianIzinKeluar, k: KonteksIzin): MasalahIsian[] {
  const out: MasalahIsian[] = [];
  if (!(JENIS_IZIN_KELUAR as readonly string[]).includes(isian.jenis))
    out.push({
      kolom: 'jenis',
      pesan: pesan(
        `jenis: "${isian.jenis}" tidak dikenal; pilih ${JENIS_IZIN_KELUAR.join(', ')}`,
        `jenis: "${isian.jenis}" is unknown; choose ${JENIS_IZIN_KELUAR.join(', ')}`,
      ),
    });
  const alasan = isian.alasan.trim();
  if (alasan.length === 0)
    out.push({ kolom: 'alasan', pesan: pesan('alasan: wajib diisi', 'alasan: required') });
  else if (alasan.length > MAKS_PANJANG_ALASAN_IZIN)
    out.push({
      kolom: 'alasan',
      pesan: pesan(
        `alasan: ${alasan.length} karakter; paling banyak ${MAKS_PANJANG_ALASAN_IZIN}`,
        `alasan: ${alasan.length} characters; at most ${MAKS_PANJANG_ALASAN_IZIN}`,
      ),
    });
  const dari = isian.dari.getTime();
  const sampai = isian.sampai.getTime();
  if (!Number.isFinite(dari) || !Number.isFinite(sampai)) {
    out.push({ kolom: 'dari', pesan: pesan('dari/sampai: waktu tidak sah', 'dari/sampai: invalid time') });
    return out;
  }
  const now = k.sekarang.getTime();
  if (dari < now - TENGGANG_MULAI_MENIT * MENIT)
    out.push({
      kolom: 'dari',
      pesan: pesan(
        `dari: izin keluar diajukan sebelum pergi; mulai paling awal ${TENGGANG_MULAI_MENIT} menit sebelum sekarang (${jam(k.sekarang, k.zona)})`,
        `dari: a going-out notice is filed beforehand; it may start at most ${TENGGANG_MULAI_MENIT} minutes before now (${jam(k.sekarang, k.zona)})`,
      ),
    });
  else if (dari > now + MAKS_HARI_DEPAN_IZIN * 1440 * MENIT)
    out.push({
      kolom: 'dari',
      pesan: pesan(
        `dari: paling jauh ${MAKS_HARI_DEPAN_IZIN} hari ke depan`,
        `dari: at most ${MAKS_HARI_DEPAN_IZIN} days ahead`,
      ),
    });
  const lama = (sampai - dari) / MENIT;
  if (lama < MIN_LAMA_IZIN_MENIT)
    out.push({
      kolom: 'sampai',
      pesan: pesan(
        `sampai: harus paling sedikit ${MIN_LAMA_IZIN_MENIT} menit setelah dari`,
        `sampai: must be at least ${MIN_LAMA_IZIN_MENIT} minutes after dari`,
      ),
    });
  else if (lama > MAKS_LAMA_IZIN_MENIT)
    out.push({
      kolom: 'sampai',
      pesan: pesan(
        `sampai: izin keluar paling lama ${MAKS_LAMA_IZIN_MENIT / 60} jam`,
        `sampai: a going-out notice lasts at most ${MAKS_LAMA_IZIN_MENIT / 60} hours`,
      ),
    });
  else if (localDate(isian.dari, k.zona) !== localDate(new Date(sampai - 1), k.zona))
    out.push({
      kolom: 'sampai',
      pesan: pesan(
        'sampai: izin keluar harus berakhir pada hari yang sama (paling lambat pukul 24.00)',
        'sampai: a going-out notice must end on the same day (by midnight at the latest)',
      ),
    });
  if (out.length > 0) return out;
  const aktif = k.lain.filter((z) => !z.dibatalkan);
  const tumpang = aktif.find((z) => z.dari.getTime() < sampai && dari < z.sampai.getTime());
  if (tumpang)
    out.push({
      kolom: 'dari',
      pesan: pesan(
        `dari: bertumpang tindih dengan izin keluar Anda ${jam(tumpang.dari, k.zona)}–${jam(tumpang.sampai, k.zona)}`,
        `dari: overlaps your going-out notice ${jam(tumpang.dari, k.zona)}–${jam(tumpang.sampai, k.zona)}`,
      ),
    });
  const hari = localDate(isian.dari, k.zona);
  if (aktif.filter((z) => localDate(z.dari, k.zona) === hari).length >= MAKS_IZIN_PER_HARI)
    out.push({
      kolom: 'dari',
      pesan: pesan(
        `dari: sudah ada ${MAKS_IZIN_PER_HARI} izin keluar pada hari itu`,
        `dari: there are already ${MAKS_IZIN_PER_HARI} going-out notices on that day`,
      ),
    });
  return out;
}

/** Where a notice stands at a moment. */
export type KeadaanIzin = 'akan_datang' | 'berlangsung' | 'selesai' | 'dibatalkan';

/** The state of a notice at `sekarang`: withdrawn, before its start, within [dari, sampai), or over. */
export function keadaanIzin(
  z: { readonly dari: Date; readonly sampai: Date; readonly dibatalkan: boolean },
  sekarang: Date,
): KeadaanIzin {
  if (z.dibatalkan) return 'dibatalkan';
  const t = sekarang.getTime();
  if (t < z.dari.getTime()) return 'akan_datang';
  return t < z.sampai.getTime() ? 'berlangsung' : 'selesai';
}

/** Why a notice cannot be withdrawn now (null: it can): only before it starts, and only once. */
export function masalahBatal(
  z: { readonly dari: Date; readonly dibatalkan: boolean },
  sekarang: Date,
): Pesan | null {
  if (z.dibatalkan)
    return pesan('Izin keluar ini sudah dibatalkan', 'This going-out notice was already withdrawn');
  if (sekarang.getTime() >= z.dari.getTime())
    return pesan(
      'Izin keluar yang sudah dimulai tidak dapat dibatalkan; ia tetap tercatat',
      'A going-out notice that has started cannot be withdrawn; it stays on the record',
    );
  return null;
}

/** Why a supervisor cannot object now (null: they can): once, not to a withdrawn one, not long after. */
export function masalahKeberatan(
  z: { readonly sampai: Date; readonly dibatalkan: boolean; readonly keberatan: boolean },
  sekarang: Date,
): { kode: 'KONFLIK' | 'VALIDASI'; pesan: Pesan } | null {
  if (z.keberatan)
    return {
      kode: 'KONFLIK',
      pesan: pesan(
        'Izin keluar ini sudah diberi keberatan; keberatan hanya sekali',
        'An objection to this going-out notice was already recorded; only one is allowed',
      ),
    };
  if (z.dibatalkan)
    return {
      kode: 'KONFLIK',
      pesan: pesan('Izin keluar ini sudah dibatalkan pegawai', 'The employee already withdrew this notice'),
    };
  if (sekarang.getTime() > z.sampai.getTime() + MAKS_HARI_KEBERATAN * 1440 * MENIT)
    return {
      kode: 'VALIDASI',
      pesan: pesan(
        `Keberatan paling lambat ${MAKS_HARI_KEBERATAN} hari setelah izin keluar berakhir`,
        `An objection may be made at most ${MAKS_HARI_KEBERATAN} days after the notice ended`,
      ),
    };
  return null;
}

/**
 * The window a notice gives the slot rule on one local day (`nilaiSlot`'s `izin`), in minutes since that
 * day's local midnight, or null when the notice does not touch that day. Exact for instants with seconds:
 * a slot opening at minute m is covered iff `dari <= opening < sampai`, which for whole minutes m is
 * `ceil(dari) <= m < ceil(sampai)`. A notice ending at the next midnight gives `sampai` 1440.
 */
export function jendelaIzin(
  z: { readonly dari: Date; readonly sampai: Date },
  tanggal: string,
  zona: ZonaWaktu,
): JendelaIzin | null {
  const awal = Date.parse(localDayStart(tanggal, zona));
  const dari = Math.max(0, Math.ceil((z.dari.getTime() - awal) / MENIT));
  const sampai = Math.min(1440, Math.ceil((z.sampai.getTime() - awal) / MENIT));
  return dari < sampai ? { dari, sampai } : null;
}

/**
 * The windows of a person's notices on one local day for `nilaiSlot`: withdrawn notices give none; a notice
 * objected to still gives its window unless `tanpaKeberatan` (the day's status names the objection either
 * way: docs/wfh.md §3).
 */
export function jendelaIzinHari(
  izin: readonly {
    readonly dari: Date;
    readonly sampai: Date;
    readonly dibatalkan?: boolean;
    readonly keberatan?: boolean;
  }[],
  tanggal: string,
  zona: ZonaWaktu,
  opsi: { tanpaKeberatan?: boolean } = {},
): JendelaIzin[] {
  const out: JendelaIzin[] = [];
  for (const z of izin) {
    if (z.dibatalkan || (opsi.tanpaKeberatan && z.keberatan)) continue;
    const j = jendelaIzin(z, tanggal, zona);
    if (j) out.push(j);
  }
  return out;
}
