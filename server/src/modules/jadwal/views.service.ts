import { pesan, type RujukanAturan, type StatusJadwal } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { evaluasiPeriode, muatBahan, orangDalam, pencariOpdInduk } from '../evaluasi/evaluasi.service.ts';
import { inScope, resolveScope } from '../org/org.service.ts';
import * as repo from './jadwal.repository.ts';
import { cekOpdDalamLingkup } from './lingkup.ts';
import {
  batasOpd,
  indeksAturan,
  KANTOR,
  LEVEL_URUT,
  muatKunci,
  periode,
  statusJadwalBerlaku,
} from './periode.ts';

// The schedule screens: a unit's calendar grid, the Pemda's occupancy overview, an employee's own schedule.

/**
 * The calendar grid of an OPD or unit (with its sub-units) for a period: people × days with each
 * cell's status, the rule behind it, whether it is still a draft or fixed by a unit head; per day, each
 * cap / minimum / piket group of these people with its count against the limit.
 */
export async function grid(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  dari: string,
  sampai: string,
  opdKode?: string,
) {
  const days = periode(dari, sampai);
  await cekOpdDalamLingkup(trx, caller, opdKode, dari, 'read');
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const keys = orangDalam(b, opdKode);
  const ids = new Map(keys.map((k) => [b.orang.get(k)!.id, k]));
  // An OPD's grid reads only its people's cells (the whole Pemda's are 10× more rows to parse).
  const rows = (
    await repo.selBerlaku(trx, dari, sampai, opdKode === undefined ? {} : { pegawaiIds: [...ids.keys()] })
  ).filter((r) => ids.has(r.pegawai_id));
  const kunci = await muatKunci(trx, b, dari, sampai);
  const aturanIdx = indeksAturan(b);
  const aturan: RujukanAturan[] = [];
  const posAturan = new Map<string, number>();
  const idxOf = (kid: string | null, ver: number | null, aid: string | null) => {
    if (!kid || !aid) return -1;
    const key = `${kid}@${ver}/${aid}`;
    let i = posAturan.get(key);
    if (i === undefined) {
      const r = aturanIdx.get(key);
      if (!r) return -1;
      i = aturan.push(r) - 1;
      posAturan.set(key, i);
    }
    return i;
  };
  const pos = new Map(days.map((d, i) => [d, i]));
  const jabatan = await repo.jabatanPada(trx, sampai);
  const jabOf = new Map(jabatan.map((j) => [j.pegawai_id, j]));
  type Sel = { s: StatusJadwal; a: number; r: string; d?: 1; k?: 1 };
  const cells = new Map<string, (Sel | null)[]>(keys.map((k) => [k, days.map(() => null)]));
  let draf = 0;
  for (const r of rows) {
    const k = ids.get(r.pegawai_id)!;
    const c: Sel = {
      s: r.status as StatusJadwal,
      a: idxOf(r.kebijakan_id, r.kebijakan_versi, r.aturan_id),
      r: r.alasan,
    };
    if (r.jadwal_status === 'draft') {
      c.d = 1;
      draf++;
    }
    if (kunci.get(k)?.has(r.tanggal)) c.k = 1;
    cells.get(k)![pos.get(r.tanggal)!] = c;
  }
  const inView = new Set(keys);
  const induk = pencariOpdInduk(b);
  const orang = keys
    .map((k) => {
      const p = b.orang.get(k)!;
      const unit = b.opdKode.get(p.opdId);
      const j = jabOf.get(p.id);
      return {
        id: p.id,
        key: k,
        nama: p.nama,
        jabatan: j?.jabatan ?? '',
        jabatanLevel: j?.jabatan_level ?? b.org.byKey.get(k)?.jabatanLevel ?? '',
        unitKode: unit?.kode ?? '',
        unitNama: unit?.nama ?? '',
        opdKode: b.opdKode.get(induk(p.opdId))?.kode ?? '',
        sel: cells.get(k)!,
      };
    })
    .sort(
      (a, c) =>
        a.unitKode.localeCompare(c.unitKode) ||
        LEVEL_URUT(a.jabatanLevel) - LEVEL_URUT(c.jabatanLevel) ||
        a.nama.localeCompare(c.nama),
    );
  const kelompok = hari.map((ev) => {
    const i = pos.get(ev.tanggal)!;
    const st = (k: string) => cells.get(k)?.[i]?.s;
    return ev.kelompok
      .filter((g) => g.anggota.some((k) => inView.has(k)))
      .map((g) => ({
        id: g.id,
        jenis: g.jenis,
        grupKode: g.grupKode,
        anggota: g.anggota.length,
        batas: g.jenis === 'batas_kantor' ? g.maks! : g.jenis === 'minimum_kantor' ? g.min! : g.jumlahPiket!,
        dasar: g.dasarBatas ?? null,
        hadir:
          g.jenis === 'piket'
            ? g.anggota.filter((k) => st(k) === 'PIKET').length
            : g.anggota.filter(
                (k) =>
                  st(k) === 'WFO' || (st(k) === 'PIKET' && (g.jenis !== 'batas_kantor' || g.piketDihitung)),
              ).length,
        aturan: `${g.sumber.kebijakanId}/${g.sumber.aturanId}`,
        penjelasan: g.penjelasan,
      }));
  });
  const adj = await resolveScope(trx, caller, 'adjust', dari);
  return {
    dari,
    sampai,
    opdKode: opdKode ?? null,
    hari: hari.map((ev) => ({ tanggal: ev.tanggal, hariKerja: ev.hariKerja, keterangan: ev.keteranganHari })),
    aturan,
    orang,
    kelompok,
    draf,
    bolehUbah: orang.some((o) => inScope(adj, b.orang.get(o.key)!.opdId, '')),
    bolehTerbit:
      (await resolveScope(trx, caller, 'write', dari)).opdIds === null ||
      (opdKode !== undefined && adj.opdIds !== null && caller.grants.some((g) => g.role === 'opd_admin')),
  };
}

/** Per top-level OPD per day: people at the office against the cap (the Pemda overview). */
export async function okupansi(trx: Trx, tenantId: string, caller: Caller, dari: string, sampai: string) {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const scope = await resolveScope(trx, caller, 'read', dari);
  const sel = await statusJadwalBerlaku(trx, b, days);
  const induk = pencariOpdInduk(b);
  const perOpd = new Map<string, Set<string>>();
  for (const [k, p] of b.orang) {
    if (!inScope({ ...scope, selfPegawaiId: null }, p.opdId, '')) continue;
    const top = induk(p.opdId);
    let s = perOpd.get(top);
    if (!s) {
      s = new Set();
      perOpd.set(top, s);
    }
    s.add(k);
  }
  const opd = [...perOpd]
    .map(([id, anggota]) => {
      const o = b.opdKode.get(id)!;
      return {
        kode: o.kode,
        nama: o.nama,
        pegawai: anggota.size,
        hari: hari.map((ev) => {
          const st = (k: string) => sel.get(k)?.get(ev.tanggal);
          let kantor = 0;
          let piket = 0;
          let rumah = 0;
          let tidakHadir = 0;
          let kosong = 0;
          for (const k of anggota) {
            const s = st(k);
            if (s === undefined) kosong++;
            else if (KANTOR(s)) {
              kantor++;
              if (s === 'PIKET') piket++;
            } else if (s === 'WFH') rumah++;
            else if (s !== 'LIBUR') tidakHadir++;
          }
          return {
            kantor,
            piket,
            rumah,
            tidakHadir,
            tanpaJadwal: kosong,
            batas: batasOpd(ev, anggota, st),
          };
        }),
      };
    })
    .sort((a, c) => a.kode.localeCompare(c.kode));
  return {
    dari,
    sampai,
    hari: hari.map((ev) => ({ tanggal: ev.tanggal, hariKerja: ev.hariKerja, keterangan: ev.keteranganHari })),
    opd,
  };
}

/** The published schedule of the signed-in employee, with the rule behind each day. */
export async function jadwalSaya(trx: Trx, caller: Caller, dari: string, sampai: string) {
  const days = periode(dari, sampai);
  if (!caller.pegawaiId) {
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan('Akun ini tidak tertaut ke data pegawai', 'This account is not linked to an employee record'),
    );
  }
  const rows = await repo.selBerlaku(trx, dari, sampai, { hanyaTerbit: true, pegawaiId: caller.pegawaiId });
  const b = await muatBahan(trx, caller.tenantId, dari);
  const aturan = indeksAturan(b);
  const byDate = new Map(rows.map((r) => [r.tanggal, r]));
  const libur = b.kal.libur;
  return {
    dari,
    sampai,
    hari: days.map((d) => {
      const r = byDate.get(d);
      const l = libur.get(d);
      return {
        tanggal: d,
        status: (r?.status ?? null) as StatusJadwal | null,
        aturan: r?.kebijakan_id
          ? (aturan.get(`${r.kebijakan_id}@${r.kebijakan_versi}/${r.aturan_id}`) ?? null)
          : null,
        alasan: r?.alasan ?? null,
        libur: l ? l.nama : null,
      };
    }),
  };
}

/** The periods of the published schedules that hold the signed-in employee, oldest first. */
export async function periodeTerbitSaya(trx: Trx, caller: Caller) {
  if (!caller.pegawaiId) return { periode: [] };
  const rows = await repo.periodeTerbitPegawai(trx, caller.pegawaiId);
  return { periode: rows.map((r) => ({ dari: String(r.dari), sampai: String(r.sampai) })) };
}
