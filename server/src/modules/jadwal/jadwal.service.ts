import {
  dateRange,
  type EvaluasiHari,
  isIsoDate,
  periksaJadwal,
  pesan,
  type StatusJadwal,
  solveRoster,
  subtreeIds,
  type TemuanJadwal,
} from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import { type BahanEvaluasi, evaluasi, muatBahan, pencariOpdInduk } from '../kebijakan/kebijakan.service.ts';
import * as repo from './jadwal.repository.ts';

const MAKS_HARI = 93;

function periode(dari: string, sampai: string): string[] {
  if (!isIsoDate(dari) || !isIsoDate(sampai)) {
    throw new AppError('VALIDASI', pesan('Tanggal harus YYYY-MM-DD', 'Dates must be YYYY-MM-DD'));
  }
  if (sampai < dari)
    throw new AppError('VALIDASI', pesan('"sampai" sebelum "dari"', '"to" comes before "from"'));
  const days = dateRange(dari, sampai);
  if (days.length > MAKS_HARI) {
    throw new AppError(
      'VALIDASI',
      pesan(`Paling banyak ${MAKS_HARI} hari sekali buat`, `At most ${MAKS_HARI} days at a time`),
    );
  }
  return days;
}

/** The people (keys) in an OPD/unit subtree, or everyone. */
function orangDalam(b: BahanEvaluasi, opdKode: string | undefined): string[] {
  const keys = [...b.orang.keys()];
  if (!opdKode) return keys;
  const nodes = [...b.opdKode].map(([id, o]) => ({ id, indukId: o.indukId }));
  const root = [...b.opdKode].find(([, o]) => o.kode.toUpperCase() === opdKode.toUpperCase());
  if (!root)
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`OPD ${opdKode} tidak ditemukan`, `OPD ${opdKode} not found`),
    );
  const ids = subtreeIds(nodes, root[0]);
  return keys.filter((k) => ids.has(b.orang.get(k)!.opdId));
}

/** Evaluates the policies for every day of a period, against the organisation as of its first day. */
async function evaluasiPeriode(trx: Trx, tenantId: string, days: string[]) {
  const b = await muatBahan(trx, tenantId, days[0]!);
  const hari: EvaluasiHari[] = days.map((d) => evaluasi(b, d));
  return { b, hari };
}

/** The schedule in force for a period as person key → date → status. */
async function jadwalBerlaku(trx: Trx, b: BahanEvaluasi, dari: string, sampai: string) {
  const keyOf = new Map([...b.orang].map(([k, p]) => [p.id, k]));
  const rows = await repo.selBerlaku(trx, dari, sampai);
  const out = new Map<string, Map<string, StatusJadwal>>();
  for (const r of rows) {
    const k = keyOf.get(r.pegawai_id);
    if (!k) continue;
    let m = out.get(k);
    if (!m) {
      m = new Map();
      out.set(k, m);
    }
    m.set(r.tanggal, r.status as StatusJadwal);
  }
  return { sel: out, rows };
}

/**
 * Builds (or rebuilds) the schedule for a period and an optional OPD subtree, within every policy,
 * keeping changes from the schedule in force few, and stores it as a new draft version. Audited.
 */
export async function buatJadwal(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  dari: string,
  sampai: string,
  opdKode?: string,
) {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const orang = orangDalam(b, opdKode);
  const sebelumnya = (await jadwalBerlaku(trx, b, dari, sampai)).sel;
  const r = solveRoster({ orang, hari, sebelumnya, seed: 1 });
  const j = await repo.insertJadwal(trx, tenantId, {
    dari,
    sampai,
    cakupanOpd: opdKode ?? null,
    pelanggaran: r.pelanggaran,
    oleh: actor.nama,
  });
  const sel: repo.SelBaru[] = [];
  const jumlah: Record<string, number> = {};
  for (const k of orang) {
    const pid = b.orang.get(k)!.id;
    for (const [d, c] of r.sel.get(k)!) {
      sel.push({
        pegawai_id: pid,
        tanggal: d,
        status: c.status,
        kebijakan_id: c.sumber?.kebijakanId ?? null,
        kebijakan_versi: c.sumber?.versi ?? null,
        aturan_id: c.sumber?.aturanId ?? null,
        alasan: c.alasan,
      });
      jumlah[c.status] = (jumlah[c.status] ?? 0) + 1;
    }
  }
  await repo.insertSel(trx, tenantId, j.id, sel);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'buat',
      entitas: 'jadwal',
      entitasId: j.id,
      ringkasan: `Membuat jadwal ${dari} s.d. ${sampai}${opdKode ? ` untuk ${opdKode}` : ''}: ${orang.length} pegawai × ${days.length} hari, ${r.pelanggaran.length} pelanggaran`,
      sesudah: { dari, sampai, opdKode: opdKode ?? null, jumlah, pelanggaran: r.pelanggaran.length },
    },
  ]);
  return {
    id: j.id,
    dari,
    sampai,
    opdKode: opdKode ?? null,
    pegawai: orang.length,
    hari: days.length,
    jumlah,
    pelanggaran: r.pelanggaran,
  };
}

/** Every way the schedule in force for a period breaks the policies. */
export async function periksa(
  trx: Trx,
  tenantId: string,
  dari: string,
  sampai: string,
): Promise<TemuanJadwal[]> {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const { sel } = await jadwalBerlaku(trx, b, dari, sampai);
  if (sel.size === 0) {
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`Belum ada jadwal untuk ${dari} s.d. ${sampai}`, `No schedule for ${dari} to ${sampai} yet`),
    );
  }
  return periksaJadwal(hari, sel);
}

export const KOLOM_REKAP = [
  'tanggal',
  'nip',
  'id_pegawai',
  'nama',
  'opd_kode',
  'unit_kode',
  'status',
  'kebijakan_id',
  'aturan_id',
] as const;

/** The schedule recap rows (CONTRACTS.md), one per person per day, for a period and optional OPD. */
export async function rekap(trx: Trx, tenantId: string, dari: string, sampai: string, opdKode?: string) {
  periode(dari, sampai);
  const b = await muatBahan(trx, tenantId, dari);
  const orang = new Set(orangDalam(b, opdKode));
  const { rows } = await jadwalBerlaku(trx, b, dari, sampai);
  const byId = new Map([...b.orang].map(([k, p]) => [p.id, { key: k, ...p }]));
  const induk = pencariOpdInduk(b);
  const top = (opdId: string) => b.opdKode.get(induk(opdId))?.kode ?? '';
  const out: Record<(typeof KOLOM_REKAP)[number], string>[] = [];
  for (const r of rows) {
    const p = byId.get(r.pegawai_id);
    if (!p || !orang.has(p.key)) continue;
    const isNip = /^\d{18}$/.test(p.key);
    out.push({
      tanggal: r.tanggal,
      nip: isNip ? p.key : '',
      id_pegawai: isNip ? '' : p.key,
      nama: p.nama,
      opd_kode: top(p.opdId),
      unit_kode: b.opdKode.get(p.opdId)?.kode ?? '',
      status: r.status,
      kebijakan_id: r.kebijakan_id ?? '',
      aturan_id: r.aturan_id ?? '',
    });
  }
  return out.sort(
    (a, c) =>
      a.tanggal.localeCompare(c.tanggal) ||
      a.opd_kode.localeCompare(c.opd_kode) ||
      a.nama.localeCompare(c.nama),
  );
}
