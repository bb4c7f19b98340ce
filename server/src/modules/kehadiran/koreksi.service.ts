import {
  addDays,
  formatTanggal,
  type KoreksiDisetujui,
  LABEL_SEBAB_KOREKSI,
  localDate,
  localDayStart,
  localTime,
  type MasalahIsian,
  periksaKoreksi,
  pesan,
  type SebabKoreksi,
  waktuLokal,
  type ZonaWaktu,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import { tenantZone } from '../pengaturan/pengaturan.repository.ts';
import * as repo from './koreksi.repository.ts';
import {
  batalkanPengajuan,
  type JenisPengajuan,
  putuskanPengajuan,
  saringPengajuan,
} from './pengajuan.service.ts';

// Corrections of a person's attendance day (issue 10, item 8; docs/kehadiran.md "Koreksi dan dinas
// luar"). The person asks for their own day; their direct supervisor on that day decides — or, when they
// had none, an OPD admin whose OPD covers them (domain `hakPutus`). The stored punch is never changed: the
// correction is its own row, applied to the day's status (statusPeriode) once approved.

export function tolakMasalah(masalah: readonly MasalahIsian[]): never {
  throw new AppError(
    'VALIDASI',
    pesan(masalah.map((m) => m.pesan.id).join('; '), masalah.map((m) => m.pesan.en).join('; ')),
  );
}

export function perluPegawai(caller: Caller, apa: [string, string]): string {
  if (!caller.pegawaiId) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `Akun ini tidak tertaut ke data pegawai, jadi tidak dapat mengajukan ${apa[0]}`,
        `This account is not linked to an employee record, so it cannot ask for ${apa[1]}`,
      ),
    );
  }
  return caller.pegawaiId;
}

const keyOf = (p: { nip: string | null; id_pegawai: string | null }) => p.nip ?? p.id_pegawai ?? '';
const hariMulai = (tanggal: string, zona: ZonaWaktu) => new Date(localDayStart(tanggal, zona));

/** The person's accepted punches on one local day. */
async function ketukanHari(trx: Trx, pegawaiId: string, tanggal: string, zona: ZonaWaktu) {
  return repo.ketukanOrang(trx, [pegawaiId], hariMulai(tanggal, zona), hariMulai(addDays(tanggal, 1), zona));
}

/** The caller's own accepted punches of one day, for the correction form (what it may replace). */
export async function ketukanSaya(trx: Trx, tenantId: string, caller: Caller, tanggal: string) {
  if (!caller.pegawaiId) return [];
  const zona = (await tenantZone(trx, tenantId)) as ZonaWaktu;
  return (await ketukanHari(trx, caller.pegawaiId, tanggal, zona)).map((e) => ({
    id: e.id,
    jenis: e.jenis,
    jam: localTime(e.waktu, zona),
    sumber: e.sumber,
  }));
}

export interface IsianKoreksiApi {
  readonly tanggal: string;
  readonly jenis: 'masuk' | 'pulang';
  readonly jam: string;
  readonly sebab: string;
  readonly alasan: string;
  readonly menggantikan?: string | null | undefined;
}

/** The caller asks for a correction of one of their own days; their supervisor is told. */
export async function ajukanKoreksi(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  isian: IsianKoreksiApi,
  sekarang: Date = new Date(),
) {
  const pegawaiId = perluPegawai(caller, ['koreksi kehadiran', 'an attendance correction']);
  const zona = (await tenantZone(trx, tenantId)) as ZonaWaktu;
  // One request of this person at a time: the pending count below is the latest.
  await repo.kunciPegawai(trx, pegawaiId);
  const ketukan = await ketukanHari(trx, pegawaiId, isian.tanggal, zona);
  const masalah = periksaKoreksi(
    { ...isian, menggantikan: isian.menggantikan ?? null },
    {
      hariIni: localDate(sekarang, zona),
      sekarang,
      zona,
      ketukan,
      tertunda: await repo.jumlahKoreksiTertunda(trx, pegawaiId, isian.tanggal),
    },
  );
  if (masalah.length > 0) tolakMasalah(masalah);
  const p = await orgRepo.getPegawai(trx, pegawaiId, isian.tanggal);
  if (!p?.opd_id) throw errors.notFound('Penempatan Anda pada tanggal itu', 'Your placement on that date');
  const waktu = waktuLokal(isian.tanggal, isian.jam, zona);
  const alasan = isian.alasan.trim();
  const row = await repo.insertKoreksi(trx, tenantId, {
    pegawai_id: pegawaiId,
    tanggal: isian.tanggal,
    jenis: isian.jenis,
    waktu,
    menggantikan: isian.menggantikan ?? null,
    sebab: isian.sebab,
    alasan,
    diajukan_oleh: caller.username,
  });
  const apa = `${isian.jenis === 'masuk' ? 'absen masuk' : 'absen pulang'} ${isian.jam} pada ${formatTanggal(isian.tanggal)}`;
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'ajukan',
      entitas: 'koreksi_kehadiran',
      entitasId: row.id,
      ringkasan: `${p.nama} mengajukan koreksi ${apa}${isian.menggantikan ? ' (menggantikan absen tersimpan)' : ''}`,
      sesudah: {
        tanggal: isian.tanggal,
        jenis: isian.jenis,
        jam: isian.jam,
        menggantikan: isian.menggantikan ?? null,
        sebab: isian.sebab,
        alasan,
      },
    },
  ]);
  if (p.atasan_id) {
    await beritahu(trx, tenantId, [
      {
        pegawaiId: p.atasan_id,
        jenis: 'koreksi_diajukan',
        judul: pesan(`Koreksi kehadiran dari ${p.nama}`, `Attendance correction from ${p.nama}`),
        isi: pesan(`${apa} — menunggu persetujuan Anda`, `${apa} — awaiting your approval`),
        tautan: '/kehadiran/persetujuan',
      },
    ]);
  }
  return { id: row.id, status: 'diajukan' as const };
}

/** Corrections as a kind of request (pengajuan.service.ts): decided once, withdrawn while pending. */
const KOREKSI: JenisPengajuan<NonNullable<Awaited<ReturnType<typeof repo.koreksiById>>>> = {
  entitas: 'koreksi_kehadiran',
  nama: ['Pengajuan koreksi', 'Correction request'],
  namaSaya: ['Pengajuan koreksi Anda', 'Your correction request'],
  cari: repo.koreksiById,
  simpan: async (trx, id, status, oleh, catatan) => {
    try {
      return await repo.putuskanKoreksi(trx, id, status, oleh, catatan);
    } catch (e) {
      if ((e as { code?: unknown }).code === '23505')
        throw new AppError(
          'KONFLIK',
          pesan(
            'Absen yang hendak digantikan sudah digantikan oleh koreksi lain yang disetujui',
            'The punch to be replaced was already replaced by another approved correction',
          ),
        );
      throw e;
    }
  },
  hari: (k) => ({ dari: k.tanggal, sampai: k.tanggal }),
  uraian: async (trx, tenantId, k) => {
    const zona = (await tenantZone(trx, tenantId)) as ZonaWaktu;
    const apa = `${k.jenis === 'masuk' ? 'absen masuk' : 'absen pulang'} ${localTime(new Date(k.waktu), zona)} pada ${formatTanggal(k.tanggal)}`;
    return {
      audit: (nama) => `koreksi ${apa} ${nama}`,
      kabar: pesan(apa, apa),
      batal: `koreksi kehadiran ${k.tanggal}`,
    };
  },
  kabar: (setuju) => ({
    jenis: 'koreksi_diputus',
    judul: pesan(
      `Koreksi kehadiran Anda ${setuju ? 'disetujui' : 'ditolak'}`,
      `Your attendance correction was ${setuju ? 'approved' : 'refused'}`,
    ),
  }),
};

/** The supervisor (or, for a person without one, their OPD admin) approves or refuses a correction. */
export const putuskanKoreksi = (
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  keputusan: { setuju: boolean; catatan?: string | undefined },
) => putuskanPengajuan(KOREKSI, trx, tenantId, caller, id, keputusan);

/** The person withdraws their own pending correction. */
export const batalkanKoreksi = (trx: Trx, tenantId: string, caller: Caller, id: string) =>
  batalkanPengajuan(KOREKSI, trx, tenantId, caller, id);

/**
 * The caller's own corrections (`saya`), or the pending ones they may decide (`persetujuan`), each with
 * the day's stored punches (as recorded: a correction never changes them).
 */
export async function daftarKoreksi(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  untuk: 'saya' | 'persetujuan',
  status?: string,
) {
  const rows =
    untuk === 'saya'
      ? caller.pegawaiId
        ? await repo.daftarKoreksi(trx, { pegawaiId: caller.pegawaiId, ...(status ? { status } : {}) })
        : []
      : await repo.daftarKoreksi(trx, { atasanAtauTanpa: caller.pegawaiId, status: 'diajukan' });
  const zona = (await tenantZone(trx, tenantId)) as ZonaWaktu;
  const dipilih = await saringPengajuan(KOREKSI, trx, caller, untuk, rows);
  // The stored punches of every day listed, read at once.
  const tanggal = dipilih.map((x) => x.r.tanggal).sort();
  const ketukan = new Map<string, Awaited<ReturnType<typeof repo.ketukanOrang>>>();
  if (dipilih.length > 0) {
    for (const e of await repo.ketukanOrang(
      trx,
      dipilih.map((x) => x.r.pegawai_id),
      hariMulai(tanggal[0]!, zona),
      hariMulai(addDays(tanggal.at(-1)!, 1), zona),
    )) {
      const kunci = `${e.pegawai_id}|${localDate(e.waktu, zona)}`;
      ketukan.set(kunci, [...(ketukan.get(kunci) ?? []), e]);
    }
  }
  const tampil = (e: { id: string; jenis: 'masuk' | 'pulang' | null; waktu: Date; sumber: string }) => ({
    id: e.id,
    jenis: e.jenis,
    jam: localTime(e.waktu, zona),
    sumber: e.sumber,
  });
  return dipilih.map(({ r, milik, bolehPutus }) => {
    const hari = ketukan.get(`${r.pegawai_id}|${r.tanggal}`) ?? [];
    const diganti = r.menggantikan ? hari.find((e) => e.id === r.menggantikan) : undefined;
    return {
      id: r.id,
      pegawai: { id: r.pegawai_id, key: keyOf(r), nama: r.nama, opdKode: r.opd_kode ?? '' },
      tanggal: r.tanggal,
      jenis: r.jenis,
      jam: localTime(new Date(r.waktu), zona),
      waktu: new Date(r.waktu),
      menggantikan: diganti ? tampil(diganti) : null,
      sebab: r.sebab as SebabKoreksi,
      alasan: r.alasan,
      ketukan: hari.map(tampil),
      status: r.status,
      diajukanOleh: r.diajukan_oleh,
      diajukanPada: new Date(r.diajukan_pada),
      diputusOleh: r.diputus_oleh,
      diputusPada: r.diputus_pada ? new Date(r.diputus_pada) : null,
      catatanPutusan: r.catatan_putusan,
      bolehPutus,
      bolehBatal: milik && r.status === 'diajukan',
    };
  });
}

/**
 * Approved corrections of some people over [dari, sampai], by `pegawaiId|tanggal`, as the day status
 * (domain `statusHari`) takes them; the reason reads "<kind>: <the person's words>".
 */
export async function koreksiUntukStatus(
  trx: Trx,
  pegawaiIds: readonly string[],
  dari: string,
  sampai: string,
): Promise<Map<string, KoreksiDisetujui[]>> {
  const out = new Map<string, KoreksiDisetujui[]>();
  for (const k of await repo.koreksiDisetujui(trx, pegawaiIds, dari, sampai)) {
    const kunci = `${k.pegawai_id}|${k.tanggal}`;
    const label = LABEL_SEBAB_KOREKSI[k.sebab as SebabKoreksi]?.id ?? k.sebab;
    out.set(kunci, [
      ...(out.get(kunci) ?? []),
      {
        id: k.id,
        jenis: k.jenis,
        waktu: new Date(k.waktu),
        menggantikan: k.menggantikan,
        alasan: `${label.toLowerCase()}: ${k.alasan}`,
      },
    ]);
  }
  return out;
}
