import { periksaJadwal, pesan, type Sasaran, type TemuanJadwal } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { kunciPeriodeJadwal } from '../../db/kunci.ts';
import { AppError } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import {
  type BahanEvaluasi,
  evaluasiPeriode,
  gabung,
  muatTidakHadir,
  orangDalam,
  segmenBahan,
} from '../evaluasi/evaluasi.service.ts';
import * as repo from './jadwal.repository.ts';
import { jadwalBerlaku, muatKunci, periode, petaOrangTanggal } from './periode.ts';
import { susunDiWorker } from './solver/pool.ts';

// Building a schedule: the period's materials, the employees' requests it honours, the solve in the
// worker thread, the new draft version; and checking the schedule in force against the policies.

/** What people asked for over a period: person key → date → WFO / WFH. */
async function muatPermintaan(trx: Trx, b: BahanEvaluasi, dari: string, sampai: string) {
  const rows = await repo.listPermintaan(trx, dari, sampai);
  return petaOrangTanggal(b, rows, (r) => r.lokasi as 'WFO' | 'WFH');
}

/** The signed-in employee's requests (WFO / WFH on given days) over a period. */
export async function permintaanSaya(trx: Trx, caller: Caller, dari: string, sampai: string) {
  periode(dari, sampai);
  if (!caller.pegawaiId) return [];
  return repo.permintaanPegawai(trx, caller.pegawaiId, dari, sampai);
}

/**
 * Sets (or, with lokasi null, withdraws) the signed-in employee's request for a day. Honoured by the
 * next build where the policies and the Pemda's higher-ranked goals allow; never overrides a rule.
 */
export async function mintaJadwal(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  v: { tanggal: string; lokasi: 'WFO' | 'WFH' | null; alasan?: string },
  hariIni: string,
) {
  if (!caller.pegawaiId) {
    throw new AppError(
      'VALIDASI',
      pesan('Akun ini tidak tertaut ke data pegawai', 'This account is not linked to an employee record'),
    );
  }
  if (v.tanggal < hariIni) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `tanggal ${v.tanggal} sudah lewat; permintaan hanya untuk hari ini dan sesudahnya`,
        `${v.tanggal} has passed; requests are for today onwards`,
      ),
    );
  }
  if (v.lokasi === null) {
    await repo.hapusPermintaan(trx, caller.pegawaiId, v.tanggal);
  } else {
    await repo.simpanPermintaan(trx, tenantId, {
      pegawai_id: caller.pegawaiId,
      tanggal: v.tanggal,
      lokasi: v.lokasi,
      alasan: v.alasan ?? '',
    });
  }
  return { tanggal: v.tanggal, lokasi: v.lokasi };
}

/**
 * Builds (or rebuilds) the schedule for a period and an optional OPD subtree, within every policy,
 * keeping changes from the schedule in force few, and stores it as a new draft version. Audited.
 */
export interface OpsiBuat {
  /** Keep the same people on the same days (team A / team B). */
  readonly kohort?: boolean;
  /** The Pemda's order of the soft goals (default URUTAN_SASARAN_BAKU). */
  readonly urutanSasaran?: readonly Sasaran[];
}

export async function buatJadwal(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  dari: string,
  sampai: string,
  opdKode?: string,
  opsi: OpsiBuat = {},
) {
  const days = periode(dari, sampai);
  // Before anything is read: a unit head's change made while this runs waits and lands on top of it.
  await kunciPeriodeJadwal(trx, tenantId, dari, sampai);
  const segmen = await segmenBahan(trx, tenantId, days);
  const b = gabung(segmen);
  const orang = orangDalam(b, opdKode);
  // Few changes from the published schedule (or, before anything is published, the newest draft).
  const terbit = (await jadwalBerlaku(trx, b, dari, sampai, { hanyaTerbit: true })).sel;
  const sebelumnya = terbit.size > 0 ? terbit : (await jadwalBerlaku(trx, b, dari, sampai)).sel;
  const tidakHadir = await muatTidakHadir(trx, b, days);
  const kunci = await muatKunci(trx, b, dari, sampai);
  const permintaan = await muatPermintaan(trx, b, dari, sampai);
  // Policy evaluation and the solve run in the worker thread: the server keeps answering meanwhile.
  const r = await susunDiWorker({
    segmen,
    tanggal: days,
    orang,
    sebelumnya,
    tidakHadir,
    kunci,
    permintaan,
    kohort: opsi.kohort,
    urutanSasaran: opsi.urutanSasaran,
    seed: 1,
  });
  const j = await repo.insertJadwal(trx, tenantId, {
    dari,
    sampai,
    cakupanOpd: opdKode ?? null,
    pelanggaran: r.pelanggaran,
    oleh: actor.nama,
  });
  const jumlah = r.jumlah;
  // The worker's columns become rows chunk by chunk as they are written (150,000 cells for 15,000 people).
  function* sel(): Generator<repo.SelBaru> {
    for (let i = 0; i < r.sel.pegawaiId.length; i++)
      yield {
        pegawai_id: r.sel.pegawaiId[i]!,
        tanggal: r.sel.tanggal[i]!,
        status: r.sel.status[i]!,
        kebijakan_id: r.sel.kebijakanId[i] ?? null,
        kebijakan_versi: r.sel.kebijakanVersi[i] ?? null,
        aturan_id: r.sel.aturanId[i] ?? null,
        alasan: r.sel.alasan[i]!,
      };
  }
  await repo.insertSel(trx, tenantId, j.id, sel());
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'buat',
      entitas: 'jadwal',
      entitasId: j.id,
      ringkasan: `Membuat jadwal ${dari} s.d. ${sampai}${opdKode ? ` untuk ${opdKode}` : ''}: ${orang.length} pegawai × ${days.length} hari, ${r.pelanggaran.length} pelanggaran`,
      sesudah: {
        dari,
        sampai,
        opdKode: opdKode ?? null,
        jumlah,
        pelanggaran: r.pelanggaran.length,
        kohort: opsi.kohort ?? false,
        urutanSasaran: opsi.urutanSasaran ?? null,
        permintaan: [...permintaan.values()].reduce((n, m) => n + m.size, 0),
      },
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

/** Every way the schedule in force for a period breaks the policies (for an OPD subtree, if given). */
export async function periksa(
  trx: Trx,
  tenantId: string,
  dari: string,
  sampai: string,
  opdKode?: string,
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
  const t = periksaJadwal(hari, sel, await muatTidakHadir(trx, b, days));
  if (!opdKode) return t;
  const dalam = new Set(orangDalam(b, opdKode));
  const anggota = new Map(
    hari.flatMap((ev) => ev.kelompok.map((g) => [`${ev.tanggal}|${g.id}`, g.anggota] as const)),
  );
  return t.filter((x) =>
    x.kelompokId
      ? (anggota.get(`${x.tanggal}|${x.kelompokId}`) ?? []).some((k) => dalam.has(k))
      : x.orang.some((k) => dalam.has(k)),
  );
}
