import {
  addDays,
  formatTanggal,
  type HakPutus,
  hakPutus,
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
import { lingkupTanggal } from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import { tenantZone } from '../pengaturan/pengaturan.repository.ts';
import * as repo from './koreksi.repository.ts';

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

/**
 * The caller's right to decide a request of `pegawaiId` about [dari, sampai] (domain `hakPutus`): as the
 * person's direct supervisor on every one of those days (`atasanId` is the supervisor on `dari`), or —
 * when the person has no supervisor then — as an OPD admin whose OPD covers the person on every one of them.
 */
export async function hakPutusPemanggil(
  trx: Trx,
  caller: Caller,
  pegawaiId: string,
  atasanId: string | null,
  dari: string,
  sampai: string,
): Promise<HakPutus | null> {
  const admin = caller.grants.filter((g) => g.role === 'opd_admin');
  const adminOpd =
    atasanId === null &&
    admin.length > 0 &&
    (await lingkupTanggal(trx, { ...caller, grants: admin }, 'write').meliputi(pegawaiId, dari, sampai));
  const h = hakPutus({ pemohonId: pegawaiId, atasanId, pemutusPegawaiId: caller.pegawaiId, adminOpd });
  if (
    h === 'atasan' &&
    !(await lingkupTanggal(trx, caller, 'read').atasanSepanjang(pegawaiId, caller.pegawaiId!, dari, sampai))
  )
    return null;
  return h;
}

export const tolakHak = () =>
  new AppError(
    'DILARANG',
    pesan(
      'Hanya atasan langsung pegawai ini (atau admin OPD-nya bila ia tidak punya atasan) yang dapat memutuskan pengajuannya',
      "Only the employee's direct supervisor (or their OPD admin when they have none) may decide this request",
    ),
  );

export const sudahDiputus = (status: string) =>
  new AppError(
    'KONFLIK',
    pesan(
      `Pengajuan ini sudah ${status}; tidak dapat diputus atau dibatalkan lagi`,
      `This request is already ${status}; it cannot be decided or withdrawn again`,
    ),
  );

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

/** The supervisor (or, for a person without one, their OPD admin) approves or refuses a correction. */
export async function putuskanKoreksi(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  keputusan: { setuju: boolean; catatan?: string | undefined },
) {
  const k = await repo.koreksiById(trx, id);
  if (!k) throw errors.notFound('Pengajuan koreksi', 'Correction request');
  const p = await orgRepo.getPegawai(trx, k.pegawai_id, k.tanggal);
  if (!p) throw errors.notFound('Pegawai', 'Employee');
  const hak = await hakPutusPemanggil(trx, caller, k.pegawai_id, p.atasan_id, k.tanggal, k.tanggal);
  if (!hak) throw tolakHak();
  if (k.status !== 'diajukan') throw sudahDiputus(k.status);
  const status = keputusan.setuju ? ('disetujui' as const) : ('ditolak' as const);
  const catatan = (keputusan.catatan ?? '').trim();
  let r: Awaited<ReturnType<typeof repo.putuskanKoreksi>>;
  try {
    r = await repo.putuskanKoreksi(trx, id, status, caller.nama, catatan);
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
  // Decided meanwhile by someone else (two decisions at once): the first one stands.
  if (!r) throw sudahDiputus((await repo.koreksiById(trx, id))?.status ?? 'diputus');
  const zona = (await tenantZone(trx, tenantId)) as ZonaWaktu;
  const apa = `${k.jenis === 'masuk' ? 'absen masuk' : 'absen pulang'} ${localTime(new Date(k.waktu), zona)} pada ${formatTanggal(k.tanggal)}`;
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: keputusan.setuju ? 'setujui' : 'tolak',
      entitas: 'koreksi_kehadiran',
      entitasId: id,
      ringkasan: `${keputusan.setuju ? 'Menyetujui' : 'Menolak'} koreksi ${apa} ${p.nama} (sebagai ${hak === 'atasan' ? 'atasan langsung' : 'admin OPD'})`,
      sebelum: { status: k.status },
      sesudah: { status, catatan, sebagai: hak },
    },
  ]);
  await beritahu(trx, tenantId, [
    {
      pegawaiId: k.pegawai_id,
      jenis: 'koreksi_diputus',
      judul: pesan(
        `Koreksi kehadiran Anda ${keputusan.setuju ? 'disetujui' : 'ditolak'}`,
        `Your attendance correction was ${keputusan.setuju ? 'approved' : 'refused'}`,
      ),
      isi: pesan(`${apa}${catatan ? ` — ${catatan}` : ''}`, `${apa}${catatan ? ` — ${catatan}` : ''}`),
      tautan: '/kehadiran/koreksi',
    },
  ]);
  return { id, status };
}

/** The person withdraws their own pending correction. */
export async function batalkanKoreksi(trx: Trx, tenantId: string, caller: Caller, id: string) {
  const k = await repo.koreksiById(trx, id);
  if (!k || k.pegawai_id !== caller.pegawaiId)
    throw errors.notFound('Pengajuan koreksi Anda', 'Your correction request');
  if (k.status !== 'diajukan') throw sudahDiputus(k.status);
  const r = await repo.putuskanKoreksi(trx, id, 'dibatalkan', caller.username, '');
  if (!r) throw sudahDiputus((await repo.koreksiById(trx, id))?.status ?? 'diputus');
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'batalkan',
      entitas: 'koreksi_kehadiran',
      entitasId: id,
      ringkasan: `Membatalkan pengajuan koreksi kehadiran ${k.tanggal}`,
      sebelum: { status: k.status },
      sesudah: { status: 'dibatalkan' },
    },
  ]);
  return { id, status: 'dibatalkan' as const };
}

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
  const dipilih = [];
  for (const r of rows) {
    const milik = r.pegawai_id === caller.pegawaiId;
    const bolehPutus =
      r.status === 'diajukan' &&
      !milik &&
      (await hakPutusPemanggil(trx, caller, r.pegawai_id, r.atasan_id, r.tanggal, r.tanggal)) !== null;
    if (untuk === 'persetujuan' && !bolehPutus) continue;
    dipilih.push({ r, milik, bolehPutus });
  }
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
