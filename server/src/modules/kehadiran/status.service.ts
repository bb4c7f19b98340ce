import {
  type AlasanHari,
  addDays,
  allows,
  type DinasLuar,
  dateRange,
  type JamBerlaku,
  jamHari,
  type Ketidakhadiran,
  type Ketukan,
  localDate,
  localDayStart,
  type MetodeAbsensi,
  masalahPeriode,
  ROLES,
  type Role,
  type StatusJadwal,
  type StatusKehadiran,
  statusHari,
  teksAlasanHari,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import {
  evaluasiPeriode,
  muatTidakHadir,
  orangDalam,
  pencariOpdInduk,
} from '../evaluasi/evaluasi.service.ts';
import * as jadwalRepo from '../jadwal/jadwal.repository.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import { aturanKehadiran } from './aturan.service.ts';
import { koreksiUntukStatus } from './koreksi.service.ts';
import * as repo from './status.repository.ts';
import { aturanSlotDari, muatDataWfh, rangkumOrang } from './wfh.service.ts';

// Each person's day (issue 10, item 7; docs/kehadiran.md "Status harian dan rekap"): for a period and an
// optional OPD/unit subtree, the pure `statusHari` run on the published schedule, the Pemda's holidays,
// approved leave/sickness/isolation, approved dinas luar, the accepted punches, the day's hours (the
// policy's jam_kerja for the person, else the Pemda's) and the time now.

/** The longest period one call reads (a recap of two months). */
export const MAKS_HARI_STATUS = 62;

/** The CSV columns (CONTRACTS.md, "Day status"), in order. */
export const KOLOM_STATUS = [
  'tanggal',
  'nip',
  'id_pegawai',
  'nama',
  'opd_kode',
  'unit_kode',
  'jadwal',
  'status',
  'masuk',
  'pulang',
  'terlambat_menit',
  'pulang_cepat_menit',
  'alasan',
] as const;

/**
 * The roles that may see individual attendance (issue 10, item 9): the person (employee, self only), their
 * OPD admin, their unit head and auditors. A Pemda admin or a BKPSDM admin sees none through this role.
 */
export const PERAN_LIHAT_KEHADIRAN: readonly Role[] = ROLES.filter((r) => allows([r], 'kehadiran.read'));

export interface BarisStatus {
  readonly tanggal: string;
  readonly pegawaiId: string;
  readonly nip: string;
  readonly idPegawai: string;
  readonly nama: string;
  readonly opdKode: string;
  readonly opdNama: string;
  readonly unitKode: string;
  readonly jadwal: StatusJadwal | null;
  readonly status: StatusKehadiran;
  readonly masuk: string | null;
  readonly pulang: string | null;
  readonly terlambatMenit: number;
  readonly pulangCepatMenit: number;
  readonly alasan: readonly AlasanHari[];
}

export interface HasilStatus {
  readonly pemda: { readonly nama: string; readonly zonaWaktu: string };
  readonly dari: string;
  readonly sampai: string;
  readonly hari: readonly string[];
  readonly opdKode: string | null;
  /** one row per person per day, by date, OPD, unit, name */
  readonly baris: readonly BarisStatus[];
}

/** The days of a period, at most MAKS_HARI_STATUS; refused in words otherwise. */
export function hariStatus(dari: string, sampai: string): string[] {
  const masalah = masalahPeriode(dari, sampai, MAKS_HARI_STATUS);
  if (masalah) throw new AppError('VALIDASI', masalah);
  return dateRange(dari, sampai);
}

/**
 * Who of `ids` the caller may see on every day of [dari, sampai]: those in the scope of the caller's
 * attendance roles only (PERAN_LIHAT_KEHADIRAN: a Pemda admin's whole-Pemda read scope does not open
 * individual events), themselves, and the people whose direct supervisor they were throughout.
 */
export async function yangBolehDilihat(
  trx: Trx,
  caller: Caller,
  ids: readonly string[],
  dari: string,
  sampai: string,
): Promise<Set<string>> {
  const grants = caller.grants.filter((g) => PERAN_LIHAT_KEHADIRAN.includes(g.role));
  const l = lingkupTanggal(trx, { ...caller, grants }, 'read');
  await l.muat(ids);
  const out = new Set<string>();
  for (const id of ids) {
    if (grants.length > 0 && (await l.meliputi(id, dari, sampai))) out.add(id);
    else if (caller.pegawaiId && (await l.atasanSepanjang(id, caller.pegawaiId, dari, sampai))) out.add(id);
  }
  return out;
}

/**
 * Each person's day for every day of [dari, sampai] (at most 62 days), for the people of an OPD/unit
 * subtree (or the whole Pemda) that `caller` may see (null: the whole Pemda, the CLI).
 */
export async function statusPeriode(
  trx: Trx,
  tenantId: string,
  caller: Caller | null,
  dari: string,
  sampai: string,
  opdKode?: string,
  sekarang: Date = new Date(),
): Promise<HasilStatus> {
  const days = hariStatus(dari, sampai);
  const pemda = await getSettings(trx, tenantId);
  const { jam: aturan } = await aturanKehadiran(trx, tenantId);
  const zona = pemda.zonaWaktu;
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  let keys = orangDalam(b, opdKode);
  if (caller) {
    const semua = keys.map((k) => b.orang.get(k)!.id);
    const boleh = await yangBolehDilihat(trx, caller, semua, dari, sampai);
    if (opdKode && keys.length > 0 && !keys.some((k) => boleh.has(b.orang.get(k)!.id)))
      throw errors.outOfScope();
    keys = keys.filter((k) => boleh.has(b.orang.get(k)!.id));
  }
  const ids = keys.map((k) => b.orang.get(k)!.id);

  const jadwal = new Map<string, StatusJadwal>();
  for (const r of await jadwalRepo.selBerlaku(trx, dari, sampai, { hanyaTerbit: true, pegawaiIds: ids }))
    jadwal.set(`${r.pegawai_id}|${r.tanggal}`, r.status as StatusJadwal);
  const tidakHadir = await muatTidakHadir(trx, b, days);
  const dinas = new Map<string, DinasLuar>();
  for (const d of await repo.dinasLuarDisetujui(trx, ids, dari, sampai)) {
    for (const t of dateRange(d.dari < dari ? dari : d.dari, d.sampai > sampai ? sampai : d.sampai))
      dinas.set(`${d.pegawai_id}|${t}`, { nomorSurat: d.nomor_surat, tujuan: d.tujuan });
  }
  const ketukan = new Map<string, Ketukan[]>();
  const mulai = new Date(localDayStart(dari, zona));
  const akhir = new Date(localDayStart(addDays(sampai, 1), zona));
  for (const k of await repo.ketukanDiterima(trx, ids, mulai, akhir)) {
    const kunci = `${k.pegawai_id}|${localDate(k.waktu, zona)}`;
    const l = ketukan.get(kunci) ?? [];
    ketukan.set(kunci, l);
    l.push({ id: k.id, waktu: k.waktu, jenis: k.jenis });
  }

  // Approved corrections (koreksi_kehadiran): applied over the punches, the day as recorded kept beside.
  const koreksi = await koreksiUntukStatus(trx, ids, dari, sampai);
  // WFH days: the location reports and homes of the people with one (wfh.service.ts)
  const idsWfh = new Set<string>();
  for (const [k, st] of jadwal) if (st === 'WFH') idsWfh.add(k.slice(0, k.indexOf('|')));
  const dataWfh = idsWfh.size > 0 ? await muatDataWfh(trx, tenantId, [...idsWfh], dari, sampai) : null;

  const induk = pencariOpdInduk(b);
  const orang = keys.map((k) => {
    const p = b.orang.get(k)!;
    const top = b.opdKode.get(induk(p.opdId));
    const isNip = /^\d{18}$/.test(k);
    return {
      key: k,
      id: p.id,
      nip: isNip ? k : '',
      idPegawai: isNip ? '' : k,
      nama: p.nama,
      opdKode: top?.kode ?? '',
      opdNama: top?.nama ?? '',
      unitKode: b.opdKode.get(p.opdId)?.kode ?? '',
    };
  });
  orang.sort(
    (a, c) =>
      a.opdKode.localeCompare(c.opdKode) ||
      a.unitKode.localeCompare(c.unitKode) ||
      a.nama.localeCompare(c.nama),
  );

  const baris: BarisStatus[] = [];
  days.forEach((tanggal, i) => {
    const ev = hari[i]!;
    const libur = b.kal.libur.get(tanggal) ?? null;
    for (const o of orang) {
      const kep = ev.orang.get(o.key) ?? null;
      const kunci = `${o.id}|${tanggal}`;
      const jadwalHari = jadwal.get(kunci) ?? null;
      const wfh =
        dataWfh && jadwalHari === 'WFH' && aturanSlotDari(kep?.absensi.WFH)
          ? rangkumOrang(dataWfh, { pegawaiId: o.id, tanggal, zona, metode: kep?.absensi.WFH, sekarang })
              .penilaian
          : undefined;
      const s = statusHari({
        tanggal,
        zona,
        jadwal: jadwalHari,
        ...(wfh ? { wfh } : {}),
        libur,
        jam: jamHari(tanggal, b.kal.jamKerja, kep),
        ...(kep ? { absensi: kep.absensi } : {}),
        tidakHadir: (tidakHadir.get(o.key)?.get(tanggal) as Ketidakhadiran | undefined) ?? null,
        dinasLuar: dinas.get(kunci) ?? null,
        ketukan: ketukan.get(kunci) ?? [],
        koreksi: koreksi.get(kunci) ?? [],
        aturan,
        sekarang,
      });
      baris.push({
        tanggal,
        pegawaiId: o.id,
        nip: o.nip,
        idPegawai: o.idPegawai,
        nama: o.nama,
        opdKode: o.opdKode,
        opdNama: o.opdNama,
        unitKode: o.unitKode,
        jadwal: s.jadwal,
        status: s.status,
        masuk: s.masuk,
        pulang: s.pulang,
        terlambatMenit: s.terlambatMenit,
        pulangCepatMenit: s.pulangCepatMenit,
        alasan: s.alasan,
      });
    }
  });
  return {
    pemda: { nama: pemda.nama, zonaWaktu: zona },
    dari,
    sampai,
    hari: days,
    opdKode: opdKode ?? null,
    baris,
  };
}

/** What a check-in needs to know about one person's day (the same sources as `statusPeriode`). */
export interface HariOrang {
  /** the published schedule's status; LIBUR on a holiday with none published; null when none */
  readonly jadwal: StatusJadwal | null;
  /** the day's hours (the policy's jam_kerja for the person, else the Pemda's), null when none */
  readonly jam: JamBerlaku | null;
  /** how a WFH day is recorded for the person (the policy's absensi rule); undefined without a policy */
  readonly metodeWfh: MetodeAbsensi | undefined;
}

/** Record id → the key the evaluation knows a person by, built once per (shared, cached) evaluation. */
const indeksOrang = new WeakMap<object, Map<string, string>>();
function kunciOrang(b: {
  readonly orang: ReadonlyMap<string, { readonly id: string }>;
}): Map<string, string> {
  let m = indeksOrang.get(b);
  if (!m) {
    m = new Map([...b.orang].map(([k, o]) => [o.id, k]));
    indeksOrang.set(b, m);
  }
  return m;
}

/**
 * One person's day for a check-in: the published schedule and the hours, from the same evaluation the day
 * status reads (kept in memory per Pemda revision, so the morning's check-ins share one evaluation).
 */
export async function hariOrang(
  trx: Trx,
  tenantId: string,
  pegawaiId: string,
  tanggal: string,
): Promise<HariOrang> {
  const [{ b, hari }, sel] = await Promise.all([
    evaluasiPeriode(trx, tenantId, [tanggal]),
    jadwalRepo.selBerlaku(trx, tanggal, tanggal, { hanyaTerbit: true, pegawaiIds: [pegawaiId] }),
  ]);
  const kunci = kunciOrang(b).get(pegawaiId) ?? null;
  const kep = kunci ? (hari[0]?.orang.get(kunci) ?? null) : null;
  const terbit = (sel[0]?.status as StatusJadwal | undefined) ?? null;
  return {
    jadwal: terbit ?? (b.kal.libur.has(tanggal) ? 'LIBUR' : null),
    jam: jamHari(tanggal, b.kal.jamKerja, kep),
    metodeWfh: kep?.absensi.WFH,
  };
}

/** A row as the CSV writes it (CONTRACTS.md), reasons in Indonesian. */
export function barisCsv(r: BarisStatus): Record<(typeof KOLOM_STATUS)[number], string> {
  return {
    tanggal: r.tanggal,
    nip: r.nip,
    id_pegawai: r.idPegawai,
    nama: r.nama,
    opd_kode: r.opdKode,
    unit_kode: r.unitKode,
    jadwal: r.jadwal ?? '',
    status: r.status,
    masuk: r.masuk ?? '',
    pulang: r.pulang ?? '',
    terlambat_menit: String(r.terlambatMenit),
    pulang_cepat_menit: String(r.pulangCepatMenit),
    alasan: teksAlasanHari(r.alasan, 'id'),
  };
}

/** A row as JSON (the CLI's --format json and the API): the CSV's keys, minutes as numbers. */
export function barisJson(r: BarisStatus) {
  return {
    ...barisCsv(r),
    jadwal: r.jadwal,
    masuk: r.masuk,
    pulang: r.pulang,
    terlambat_menit: r.terlambatMenit,
    pulang_cepat_menit: r.pulangCepatMenit,
  };
}

/**
 * Everyone whose published schedule puts them at home on `tanggal` under a policy that asks for location
 * reports, with that rule (for the WFH reminders; the same sources as `statusPeriode`).
 */
export async function orangWfhLapor(
  trx: Trx,
  tenantId: string,
  tanggal: string,
): Promise<{ pegawaiId: string; metode: MetodeAbsensi }[]> {
  const [{ b, hari }, sel] = await Promise.all([
    evaluasiPeriode(trx, tenantId, [tanggal]),
    jadwalRepo.selBerlaku(trx, tanggal, tanggal, { hanyaTerbit: true }),
  ]);
  const kunci = kunciOrang(b);
  const out: { pegawaiId: string; metode: MetodeAbsensi }[] = [];
  for (const s of sel) {
    if (s.status !== 'WFH') continue;
    const k = kunci.get(s.pegawai_id);
    const metode = k ? hari[0]?.orang.get(k)?.absensi.WFH : undefined;
    if (metode?.metode === 'lokasi_berkala') out.push({ pegawaiId: s.pegawai_id, metode });
  }
  return out;
}
