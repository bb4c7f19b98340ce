import { formatTanggal, localDate, periksaDinasLuar, pesan, type ZonaWaktu } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import { tenantZone } from '../pengaturan/pengaturan.repository.ts';
import * as repo from './koreksi.repository.ts';
import { perluPegawai, tolakMasalah } from './koreksi.service.ts';
import {
  batalkanPengajuan,
  type JenisPengajuan,
  putuskanPengajuan,
  saringPengajuan,
} from './pengajuan.service.ts';

// Official travel (dinas luar; issue 10, item 3; docs/kehadiran.md "Koreksi dan dinas luar"): the person
// asks with the letter number and destination; the same decision rule as corrections (their supervisor on
// every day of it, or their OPD admin when they have none). Once approved, the destination is an allowed
// place (tempat.service.ts) and the days without a check-in show DINAS_LUAR (statusPeriode).

export interface IsianDinasLuarApi {
  readonly dari: string;
  readonly sampai: string;
  readonly nomor_surat: string;
  readonly tujuan: string;
  readonly lat?: number | null | undefined;
  readonly lng?: number | null | undefined;
  readonly radius_m?: number | null | undefined;
}

const rentang = (dari: string, sampai: string) =>
  dari === sampai ? formatTanggal(dari) : `${formatTanggal(dari)} s.d. ${formatTanggal(sampai)}`;
const keyOf = (p: { nip: string | null; id_pegawai: string | null }) => p.nip ?? p.id_pegawai ?? '';

/** The caller asks for official travel; their supervisor is told. */
export async function ajukanDinasLuar(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  isian: IsianDinasLuarApi,
  sekarang: Date = new Date(),
) {
  const pegawaiId = perluPegawai(caller, ['dinas luar', 'official travel']);
  const zona = (await tenantZone(trx, tenantId)) as ZonaWaktu;
  const masalah = periksaDinasLuar(
    {
      dari: isian.dari,
      sampai: isian.sampai,
      nomorSurat: isian.nomor_surat,
      tujuan: isian.tujuan,
      lat: isian.lat ?? null,
      lng: isian.lng ?? null,
      radiusM: isian.radius_m ?? null,
    },
    localDate(sekarang, zona),
  );
  if (masalah.length > 0) tolakMasalah(masalah);
  // One request of this person at a time: the overlap check below sees the others.
  await repo.kunciPegawai(trx, pegawaiId);
  const p = await orgRepo.getPegawai(trx, pegawaiId, isian.dari);
  if (!p?.opd_id) throw errors.notFound('Penempatan Anda pada tanggal itu', 'Your placement on that date');
  const bentrok = await repo.dinasLuarBertumpang(trx, pegawaiId, isian.dari, isian.sampai);
  if (bentrok) {
    throw new AppError(
      'KONFLIK',
      pesan(
        `Sudah ada dinas luar (${bentrok.status}, surat No. ${bentrok.nomor_surat}) ${rentang(bentrok.dari, bentrok.sampai)} yang bertumpang tindih`,
        `There is already official travel (${bentrok.status}, letter No. ${bentrok.nomor_surat}) ${bentrok.dari} to ${bentrok.sampai} overlapping it`,
      ),
    );
  }
  const v = {
    pegawai_id: pegawaiId,
    dari: isian.dari,
    sampai: isian.sampai,
    nomor_surat: isian.nomor_surat.trim(),
    tujuan: isian.tujuan.trim(),
    lat: isian.lat ?? null,
    lng: isian.lng ?? null,
    radius_m: isian.radius_m ?? null,
    diajukan_oleh: caller.username,
  };
  const row = await repo.insertDinasLuar(trx, tenantId, v);
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'ajukan',
      entitas: 'dinas_luar',
      entitasId: row.id,
      ringkasan: `${p.nama} mengajukan dinas luar ke ${v.tujuan} ${rentang(v.dari, v.sampai)} (surat No. ${v.nomor_surat})`,
      sesudah: { ...v, pegawai_id: undefined, diajukan_oleh: undefined },
    },
  ]);
  if (p.atasan_id) {
    await beritahu(trx, tenantId, [
      {
        pegawaiId: p.atasan_id,
        jenis: 'dinas_luar_diajukan',
        judul: pesan(`Dinas luar dari ${p.nama}`, `Official travel from ${p.nama}`),
        isi: pesan(
          `ke ${v.tujuan}, ${rentang(v.dari, v.sampai)} — menunggu persetujuan Anda`,
          `to ${v.tujuan}, ${v.dari} to ${v.sampai} — awaiting your approval`,
        ),
        tautan: '/kehadiran/persetujuan',
      },
    ]);
  }
  return { id: row.id, status: 'diajukan' as const };
}

/** Official travel as a kind of request (pengajuan.service.ts): decided once, withdrawn while pending. */
const DINAS_LUAR: JenisPengajuan<NonNullable<Awaited<ReturnType<typeof repo.dinasLuarById>>>> = {
  entitas: 'dinas_luar',
  nama: ['Pengajuan dinas luar', 'Official travel request'],
  namaSaya: ['Pengajuan dinas luar Anda', 'Your official travel request'],
  cari: repo.dinasLuarById,
  simpan: repo.putuskanDinasLuar,
  hari: (d) => ({ dari: d.dari, sampai: d.sampai }),
  uraian: async (_trx, _tenantId, d) => ({
    audit: (nama) => `dinas luar ${nama} ke ${d.tujuan} ${rentang(d.dari, d.sampai)}`,
    kabar: pesan(`ke ${d.tujuan}, ${rentang(d.dari, d.sampai)}`, `to ${d.tujuan}, ${d.dari} to ${d.sampai}`),
    batal: `dinas luar ${d.dari} s.d. ${d.sampai}`,
  }),
  kabar: (setuju) => ({
    jenis: 'dinas_luar_diputus',
    judul: pesan(
      `Dinas luar Anda ${setuju ? 'disetujui' : 'ditolak'}`,
      `Your official travel was ${setuju ? 'approved' : 'refused'}`,
    ),
  }),
};

/** The supervisor (or, for a person without one, their OPD admin) approves or refuses official travel. */
export const putuskanDinasLuar = (
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  keputusan: { setuju: boolean; catatan?: string | undefined },
) => putuskanPengajuan(DINAS_LUAR, trx, tenantId, caller, id, keputusan);

/** The person withdraws their own pending request. */
export const batalkanDinasLuar = (trx: Trx, tenantId: string, caller: Caller, id: string) =>
  batalkanPengajuan(DINAS_LUAR, trx, tenantId, caller, id);

/** The caller's own requests (`saya`), or the pending ones they may decide (`persetujuan`). */
export async function daftarDinasLuar(
  trx: Trx,
  caller: Caller,
  untuk: 'saya' | 'persetujuan',
  status?: string,
) {
  const rows =
    untuk === 'saya'
      ? caller.pegawaiId
        ? await repo.daftarDinasLuar(trx, { pegawaiId: caller.pegawaiId, ...(status ? { status } : {}) })
        : []
      : await repo.daftarDinasLuar(trx, { atasanAtauTanpa: caller.pegawaiId, status: 'diajukan' });
  const out = [];
  for (const { r, milik, bolehPutus } of await saringPengajuan(DINAS_LUAR, trx, caller, untuk, rows)) {
    out.push({
      id: r.id,
      pegawai: { id: r.pegawai_id, key: keyOf(r), nama: r.nama, opdKode: r.opd_kode ?? '' },
      dari: r.dari,
      sampai: r.sampai,
      nomorSurat: r.nomor_surat,
      tujuan: r.tujuan,
      lat: r.lat,
      lng: r.lng,
      radiusM: r.radius_m,
      status: r.status,
      diajukanOleh: r.diajukan_oleh,
      diajukanPada: new Date(r.diajukan_pada),
      diputusOleh: r.diputus_oleh,
      diputusPada: r.diputus_pada ? new Date(r.diputus_pada) : null,
      catatanPutusan: r.catatan_putusan,
      bolehPutus,
      bolehBatal: milik && r.status === 'diajukan',
    });
  }
  return out;
}
