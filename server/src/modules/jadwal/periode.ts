import {
  dateRange,
  type EvaluasiHari,
  masalahPeriode,
  type RujukanAturan,
  rujukanAturan,
  type StatusJadwal,
} from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { BahanEvaluasi } from '../evaluasi/evaluasi.service.ts';
import * as repo from './jadwal.repository.ts';

// What every schedule job reads or checks for a period: its days, the schedule in force, the unit
// heads' locks, the office cap of an OPD, the order of positions and the rule references.

export const MAKS_HARI = 93;

export function periode(dari: string, sampai: string): string[] {
  const masalah = masalahPeriode(dari, sampai, MAKS_HARI);
  if (masalah) throw new AppError('VALIDASI', masalah);
  return dateRange(dari, sampai);
}

/** Rows of (pegawai_id, tanggal, value) as person key → date → value, for the people of `b`. */
export function petaOrangTanggal<R extends { pegawai_id: string; tanggal: string }, T>(
  b: BahanEvaluasi,
  rows: readonly R[],
  nilai: (r: R) => T,
): Map<string, Map<string, T>> {
  const keyOf = new Map([...b.orang].map(([k, p]) => [p.id, k]));
  const out = new Map<string, Map<string, T>>();
  for (const r of rows) {
    const k = keyOf.get(r.pegawai_id);
    if (!k) continue;
    let m = out.get(k);
    if (!m) {
      m = new Map();
      out.set(k, m);
    }
    m.set(r.tanggal, nilai(r));
  }
  return out;
}

/** Cells fixed by unit heads over a period: person key → date → status. */
export async function muatKunci(trx: Trx, b: BahanEvaluasi, dari: string, sampai: string) {
  const rows = await repo.listKunci(trx, dari, sampai);
  return petaOrangTanggal(b, rows, (r) => r.status as 'WFO' | 'WFH' | 'PIKET');
}

/** The schedule in force for a period as person key → date → status. */
export async function jadwalBerlaku(
  trx: Trx,
  b: BahanEvaluasi,
  dari: string,
  sampai: string,
  opsi: { hanyaTerbit?: boolean } = {},
) {
  const rows = await repo.selBerlaku(trx, dari, sampai, opsi);
  return { sel: petaOrangTanggal(b, rows, (r) => r.status as StatusJadwal), rows };
}

/**
 * Only the status of each cell of the schedule in force, for the whole Pemda: person key → date → status
 * (what jadwalBerlaku's `sel` holds, read compactly for the occupancy overview).
 */
export async function statusJadwalBerlaku(
  trx: Trx,
  b: BahanEvaluasi,
  days: readonly string[],
): Promise<Map<string, Map<string, StatusJadwal>>> {
  const keyOf = new Map([...b.orang].map(([k, p]) => [p.id, k]));
  const out = new Map<string, Map<string, StatusJadwal>>();
  for (const r of await repo.statusBerlaku(trx, days[0]!, days.at(-1)!)) {
    const k = keyOf.get(r.pegawai_id);
    if (!k || r.hari === '') continue;
    const m = new Map<string, StatusJadwal>();
    for (const bagian of r.hari.split(',')) {
      const i = bagian.indexOf(':');
      const d = days[Number(bagian.slice(0, i))];
      if (d !== undefined) m.set(d, bagian.slice(i + 1) as StatusJadwal);
    }
    out.set(k, m);
  }
  return out;
}

export const KANTOR = (s: string | undefined) => s === 'WFO' || s === 'PIKET';

const URUT_LEVEL = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'];
export function LEVEL_URUT(l: string) {
  const i = URUT_LEVEL.indexOf(l);
  return i < 0 ? 9 : i;
}

/**
 * The office cap that applies to an OPD's people on a day: the sum of the caps of the groups lying
 * wholly inside it, plus the people in no cap group who may be at the office that day (not kept home by
 * a rule, not away); null when no cap applies to anyone in it (also on a day off no policy covers).
 */
export function batasOpd(
  ev: EvaluasiHari,
  anggota: ReadonlySet<string>,
  status: (k: string) => string | undefined,
): number | null {
  let batas = 0;
  let ada = false;
  const dibatasi = new Set<string>();
  for (const g of ev.kelompok) {
    if (g.jenis !== 'batas_kantor' || !g.anggota.every((k) => anggota.has(k))) continue;
    ada = true;
    batas += g.maks!;
    for (const k of g.anggota) dibatasi.add(k);
  }
  if (!ada) return null;
  for (const k of anggota) {
    if (dibatasi.has(k)) continue;
    const lokasi = ev.orang.get(k)?.lokasi;
    const s = status(k);
    if (lokasi !== 'WFH' && lokasi !== 'LIBUR' && (s === undefined || s === 'WFO' || s === 'PIKET')) batas++;
  }
  return batas;
}

/** Rule references by "id@versi/aturan", from the stored policies. */
export function indeksAturan(b: BahanEvaluasi) {
  const m = new Map<string, RujukanAturan>();
  for (const k of b.kebijakan) {
    for (const a of k.aturan) {
      m.set(`${k.id}@${k.versi}/${a.id}`, rujukanAturan(k, a));
    }
  }
  return m;
}
