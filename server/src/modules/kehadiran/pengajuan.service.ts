import { type HakPutus, hakPutus, type Pesan, pesan } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';

// What a correction and an official-travel request share once asked (docs/kehadiran.md "Koreksi dan dinas
// luar"): decided once by the person's supervisor on the day(s) concerned (or their OPD admin when they have
// none), withdrawn by the person while pending, listed for the person or for whoever may decide. Each kind
// gives its own row, its store and its words (`JenisPengajuan`).

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

/** The columns both kinds of request have. */
export interface BarisPengajuan {
  readonly id: string;
  readonly pegawai_id: string;
  readonly status: string;
}

/** One kind of request: how to find and decide its rows, and the words its audit and notice use. */
export interface JenisPengajuan<R extends BarisPengajuan> {
  readonly entitas: 'koreksi_kehadiran' | 'dinas_luar';
  /** "Pengajuan koreksi" / "Correction request" */
  readonly nama: readonly [string, string];
  /** "Pengajuan koreksi Anda" / "Your correction request" */
  readonly namaSaya: readonly [string, string];
  readonly cari: (trx: Trx, id: string) => Promise<R | undefined>;
  /** stores a decision or a withdrawal once; undefined when the row was no longer pending */
  readonly simpan: (
    trx: Trx,
    id: string,
    status: 'disetujui' | 'ditolak' | 'dibatalkan',
    oleh: string,
    catatan: string,
  ) => Promise<unknown>;
  /** the days the request concerns (the decider must be the supervisor on every one of them) */
  readonly hari: (r: R) => { dari: string; sampai: string };
  /** what the request is, in words: for the audit (with the person's name), the notice, a withdrawal */
  readonly uraian: (
    trx: Trx,
    tenantId: string,
    r: R,
  ) => Promise<{ audit: (nama: string) => string; kabar: Pesan; batal: string }>;
  /** the notice's kind and title when decided */
  readonly kabar: (setuju: boolean) => { jenis: string; judul: Pesan };
}

/** The supervisor (or, for a person without one, their OPD admin) approves or refuses a request, once. */
export async function putuskanPengajuan<R extends BarisPengajuan>(
  j: JenisPengajuan<R>,
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  keputusan: { setuju: boolean; catatan?: string | undefined },
) {
  const r = await j.cari(trx, id);
  if (!r) throw errors.notFound(j.nama[0], j.nama[1]);
  const { dari, sampai } = j.hari(r);
  const p = await orgRepo.getPegawai(trx, r.pegawai_id, dari);
  if (!p) throw errors.notFound('Pegawai', 'Employee');
  const hak: HakPutus | null = await hakPutusPemanggil(trx, caller, r.pegawai_id, p.atasan_id, dari, sampai);
  if (!hak) throw tolakHak();
  if (r.status !== 'diajukan') throw sudahDiputus(r.status);
  const status = keputusan.setuju ? ('disetujui' as const) : ('ditolak' as const);
  const catatan = (keputusan.catatan ?? '').trim();
  // Decided meanwhile by someone else (two decisions at once): the first one stands.
  if (!(await j.simpan(trx, id, status, caller.nama, catatan)))
    throw sudahDiputus((await j.cari(trx, id))?.status ?? 'diputus');
  const u = await j.uraian(trx, tenantId, r);
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: keputusan.setuju ? 'setujui' : 'tolak',
      entitas: j.entitas,
      entitasId: id,
      ringkasan: `${keputusan.setuju ? 'Menyetujui' : 'Menolak'} ${u.audit(p.nama)} (sebagai ${hak === 'atasan' ? 'atasan langsung' : 'admin OPD'})`,
      sebelum: { status: r.status },
      sesudah: { status, catatan, sebagai: hak },
    },
  ]);
  const k = j.kabar(keputusan.setuju);
  await beritahu(trx, tenantId, [
    {
      pegawaiId: r.pegawai_id,
      jenis: k.jenis,
      judul: k.judul,
      isi: pesan(
        `${u.kabar.id}${catatan ? ` — ${catatan}` : ''}`,
        `${u.kabar.en}${catatan ? ` — ${catatan}` : ''}`,
      ),
      tautan: '/kehadiran/koreksi',
    },
  ]);
  return { id, status };
}

/** The person withdraws their own pending request. */
export async function batalkanPengajuan<R extends BarisPengajuan>(
  j: JenisPengajuan<R>,
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
) {
  const r = await j.cari(trx, id);
  if (!r || r.pegawai_id !== caller.pegawaiId) throw errors.notFound(j.namaSaya[0], j.namaSaya[1]);
  if (r.status !== 'diajukan') throw sudahDiputus(r.status);
  if (!(await j.simpan(trx, id, 'dibatalkan', caller.username, '')))
    throw sudahDiputus((await j.cari(trx, id))?.status ?? 'diputus');
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'batalkan',
      entitas: j.entitas,
      entitasId: id,
      ringkasan: `Membatalkan pengajuan ${(await j.uraian(trx, tenantId, r)).batal}`,
      sebelum: { status: r.status },
      sesudah: { status: 'dibatalkan' },
    },
  ]);
  return { id, status: 'dibatalkan' as const };
}

/**
 * The rows to list: the caller's own, or the pending ones the caller may decide; each with whether the
 * caller may decide it and whether it is their own.
 */
export async function saringPengajuan<R extends BarisPengajuan & { atasan_id: string | null }>(
  j: Pick<JenisPengajuan<R>, 'hari'>,
  trx: Trx,
  caller: Caller,
  untuk: 'saya' | 'persetujuan',
  rows: readonly R[],
): Promise<{ r: R; milik: boolean; bolehPutus: boolean }[]> {
  const out: { r: R; milik: boolean; bolehPutus: boolean }[] = [];
  for (const r of rows) {
    const milik = r.pegawai_id === caller.pegawaiId;
    const { dari, sampai } = j.hari(r);
    const bolehPutus =
      r.status === 'diajukan' &&
      !milik &&
      (await hakPutusPemanggil(trx, caller, r.pegawai_id, r.atasan_id, dari, sampai)) !== null;
    if (untuk === 'persetujuan' && !bolehPutus) continue;
    out.push({ r, milik, bolehPutus });
  }
  return out;
}
