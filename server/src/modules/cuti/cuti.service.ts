import {
  formatTanggal,
  type ImportIssue,
  isIsoDate,
  JENIS_CUTI,
  type JenisCuti,
  jenisKesehatan,
  LABEL_JENIS_CUTI,
  periksaIsianCuti,
  pesan,
  statusKetidakhadiran,
  tumpang,
  validasiBarisCuti,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { kunciImpor } from '../../db/kunci.ts';
import { AppError, errors } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import type { Table } from '../impor/baca-tabel.ts';
import { batasiMasalah } from '../impor/masalah.ts';
import { catatKetidakhadiranDiJadwal } from '../jadwal/changes.service.ts';
import * as orgRepo from '../org/org.repository.ts';
import { type LingkupTanggal, lingkupTanggal } from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import * as repo from './cuti.repository.ts';

export interface IsianCuti {
  readonly jenis: string;
  readonly dari: string;
  readonly sampai: string;
  readonly keterangan?: string;
}

function tolakIsian(issues: readonly ImportIssue[]): never {
  throw new AppError(
    'VALIDASI',
    pesan(
      issues.map((i) => `${i.kolom}: ${i.pesan.id}`).join('; '),
      issues.map((i) => `${i.kolom}: ${i.pesan.en}`).join('; '),
    ),
  );
}

function rentang(dari: string, sampai: string, lang: 'id' | 'en' = 'id') {
  return dari === sampai
    ? formatTanggal(dari, lang)
    : `${formatTanggal(dari, lang)} ${lang === 'id' ? 's.d.' : 'to'} ${formatTanggal(sampai, lang)}`;
}

async function tolakTumpang(trx: Trx, pegawaiId: string, key: string, isian: IsianCuti) {
  const ada = await repo.aktif(trx, pegawaiId);
  const baru = { key, jenis: isian.jenis as JenisCuti, dari: isian.dari, sampai: isian.sampai };
  const bentrok = ada.find((x) => tumpang({ ...x, key, jenis: x.jenis as JenisCuti }, baru));
  if (bentrok) {
    throw new AppError(
      'KONFLIK',
      pesan(
        `Sudah ada ${LABEL_JENIS_CUTI[bentrok.jenis as JenisCuti].id.toLowerCase()} (${bentrok.status}) ${rentang(bentrok.dari, bentrok.sampai)} yang bertumpang tindih`,
        `There is already ${LABEL_JENIS_CUTI[bentrok.jenis as JenisCuti].en.toLowerCase()} (${bentrok.status}) ${rentang(bentrok.dari, bentrok.sampai, 'en')} overlapping it`,
      ),
    );
  }
}

function keyOf(p: { nip: string | null; id_pegawai: string | null }) {
  return (p.nip ?? p.id_pegawai)!;
}

/** An employee requests leave for themselves; their supervisor is told. */
export async function ajukan(trx: Trx, tenantId: string, caller: Caller, isian: IsianCuti) {
  if (!caller.pegawaiId) {
    throw new AppError(
      'VALIDASI',
      pesan(
        'Akun ini tidak tertaut ke data pegawai, jadi tidak dapat mengajukan cuti',
        'This account is not linked to an employee record, so it cannot request leave',
      ),
    );
  }
  const issues = periksaIsianCuti(isian, 0);
  if (issues.length > 0) tolakIsian(issues);
  // Takes turns with leave imports and other single entries: the overlap check below sees them all.
  await kunciImpor(trx, tenantId, 'ketidakhadiran');
  const p = await orgRepo.getPegawai(trx, caller.pegawaiId, isian.dari);
  if (!p?.opd_id) throw errors.notFound('Penempatan Anda pada tanggal itu', 'Your placement on that date');
  await tolakTumpang(trx, p.id, keyOf(p), isian);
  const [row] = await repo.insert(trx, tenantId, [
    {
      pegawai_id: p.id,
      jenis: isian.jenis,
      dari: isian.dari,
      sampai: isian.sampai,
      keterangan: (isian.keterangan ?? '').trim(),
      status: 'diajukan',
      sumber: 'pengajuan',
      diajukan_oleh: caller.username,
    },
  ]);
  const label = LABEL_JENIS_CUTI[isian.jenis as JenisCuti];
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'ajukan',
      entitas: 'ketidakhadiran',
      entitasId: row!.id,
      ringkasan: `${p.nama} mengajukan ${label.id.toLowerCase()} ${isian.dari} s.d. ${isian.sampai}`,
      sesudah: { jenis: isian.jenis, dari: isian.dari, sampai: isian.sampai },
    },
  ]);
  if (p.atasan_id) {
    await beritahu(trx, tenantId, [
      {
        pegawaiId: p.atasan_id,
        jenis: 'cuti_diajukan',
        judul: pesan(
          `Pengajuan ${label.id.toLowerCase()} dari ${p.nama}`,
          `${label.en} request from ${p.nama}`,
        ),
        isi: pesan(
          `${rentang(isian.dari, isian.sampai)} — menunggu persetujuan Anda`,
          `${rentang(isian.dari, isian.sampai, 'en')} — awaiting your approval`,
        ),
        tautan: '/cuti',
      },
    ]);
  }
  return { id: row!.id, status: 'diajukan' as const };
}

/**
 * Whether the caller may decide on a request of person `p` covering `dari`..`sampai`: as the person's
 * direct supervisor on every one of those days, or with the person inside their unit/OPD scope on every
 * one of them; never on their own request.
 */
async function bolehMemutuskan(
  trx: Trx,
  caller: Caller,
  pegawaiId: string,
  dari: string,
  sampai: string,
  lingkup: LingkupTanggal = lingkupTanggal(trx, caller, 'adjust'),
) {
  if (caller.pegawaiId && caller.pegawaiId === pegawaiId) return false;
  if (caller.pegawaiId && (await lingkup.atasanSepanjang(pegawaiId, caller.pegawaiId, dari, sampai)))
    return true;
  return lingkup.meliputi(pegawaiId, dari, sampai);
}

/** The supervisor (or a unit head / OPD admin over the person) approves or refuses a request. */
export async function putuskan(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  keputusan: { setuju: boolean; catatan?: string },
) {
  // Takes turns with leave imports and other decisions: the status read below is the latest, so a
  // request is decided once, and what it writes to the schedule lands after an import's, not within it.
  await kunciImpor(trx, tenantId, 'ketidakhadiran');
  const c = await repo.byId(trx, id);
  if (!c) throw errors.notFound('Pengajuan cuti', 'Leave request');
  const p = await orgRepo.getPegawai(trx, c.pegawai_id, c.dari);
  if (!p) throw errors.notFound('Pegawai', 'Employee');
  if (!(await bolehMemutuskan(trx, caller, p.id, c.dari, c.sampai))) {
    throw new AppError(
      'DILARANG',
      pesan(
        'Hanya atasan langsung, kepala unit atau admin OPD pegawai ini yang dapat memutuskan pengajuannya',
        "Only the employee's direct supervisor, unit head or OPD admin may decide this request",
      ),
    );
  }
  if (c.status !== 'diajukan') {
    throw new AppError(
      'KONFLIK',
      pesan(`Pengajuan ini sudah ${c.status}`, `This request is already ${c.status}`),
    );
  }
  const status = keputusan.setuju ? 'disetujui' : 'ditolak';
  await repo.putuskan(trx, id, status, caller.nama, (keputusan.catatan ?? '').trim());
  const actor: Actor = { userId: caller.userId, nama: caller.username };
  const label = LABEL_JENIS_CUTI[c.jenis as JenisCuti];
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: keputusan.setuju ? 'setujui' : 'tolak',
      entitas: 'ketidakhadiran',
      entitasId: id,
      ringkasan: `${keputusan.setuju ? 'Menyetujui' : 'Menolak'} ${label.id.toLowerCase()} ${p.nama} ${c.dari} s.d. ${c.sampai}`,
      sebelum: { status: c.status },
      sesudah: { status, catatan: keputusan.catatan ?? '' },
    },
  ]);
  let jadwal = null;
  if (keputusan.setuju) {
    jadwal = await catatKetidakhadiranDiJadwal(trx, tenantId, actor, [
      {
        pegawaiId: c.pegawai_id,
        dari: c.dari,
        sampai: c.sampai,
        status: statusKetidakhadiran(c.jenis as JenisCuti),
      },
    ]);
  }
  await beritahu(trx, tenantId, [
    {
      pegawaiId: c.pegawai_id,
      jenis: 'cuti_diputus',
      judul: pesan(
        `${label.id} Anda ${keputusan.setuju ? 'disetujui' : 'ditolak'}`,
        `Your ${label.en.toLowerCase()} was ${keputusan.setuju ? 'approved' : 'refused'}`,
      ),
      isi: pesan(
        `${rentang(c.dari, c.sampai)}${keputusan.catatan ? ` — ${keputusan.catatan}` : ''}`,
        `${rentang(c.dari, c.sampai, 'en')}${keputusan.catatan ? ` — ${keputusan.catatan}` : ''}`,
      ),
      tautan: keputusan.setuju ? `/jadwal-saya?dari=${c.dari}&sampai=${c.sampai}` : '/cuti',
    },
  ]);
  return { id, status, jadwal };
}

/** The requester withdraws a request that is still pending. */
export async function batalkan(trx: Trx, tenantId: string, caller: Caller, id: string) {
  const c = await repo.byId(trx, id);
  if (!c || c.pegawai_id !== caller.pegawaiId)
    throw errors.notFound('Pengajuan cuti Anda', 'Your leave request');
  if (c.status !== 'diajukan') {
    throw new AppError(
      'KONFLIK',
      pesan(
        `Pengajuan ini sudah ${c.status}; yang sudah diputus tidak dapat dibatalkan sendiri`,
        `This request is already ${c.status}; a decided request cannot be withdrawn`,
      ),
    );
  }
  await repo.putuskan(trx, id, 'dibatalkan', caller.username, '');
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'batalkan',
      entitas: 'ketidakhadiran',
      entitasId: id,
      ringkasan: `Membatalkan pengajuan ${c.dari} s.d. ${c.sampai}`,
    },
  ]);
  return { id, status: 'dibatalkan' as const };
}

/** An OPD admin enters an approved absence (leave, sickness, isolation) for a person in scope. */
export async function catat(trx: Trx, tenantId: string, caller: Caller, isian: IsianCuti & { key: string }) {
  const issues = periksaIsianCuti(isian, 0);
  if (issues.length > 0) tolakIsian(issues);
  // Takes turns with leave imports and other entries: the overlap check below sees what they recorded.
  await kunciImpor(trx, tenantId, 'ketidakhadiran');
  const cari = await orgRepo.pegawaiIdMenurutKunci(trx, isian.key);
  if (!cari) throw errors.notFound(`Pegawai ${isian.key}`, `Employee ${isian.key}`);
  const p = await orgRepo.getPegawai(trx, cari.id, isian.dari);
  if (!p?.opd_id)
    throw errors.notFound(
      `Penempatan ${isian.key} pada ${isian.dari}`,
      `Placement of ${isian.key} on ${isian.dari}`,
    );
  // Every day written must find the person in the caller's scope, not only the first.
  if (!(await lingkupTanggal(trx, caller, 'write').meliputi(p.id, isian.dari, isian.sampai)))
    throw errors.outOfScope();
  await tolakTumpang(trx, p.id, isian.key, isian);
  const actor: Actor = { userId: caller.userId, nama: caller.username };
  const [row] = await repo.insert(trx, tenantId, [
    {
      pegawai_id: p.id,
      jenis: isian.jenis,
      dari: isian.dari,
      sampai: isian.sampai,
      keterangan: (isian.keterangan ?? '').trim(),
      status: 'disetujui',
      sumber: 'admin',
      diajukan_oleh: caller.username,
    },
  ]);
  const label = LABEL_JENIS_CUTI[isian.jenis as JenisCuti];
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'catat',
      entitas: 'ketidakhadiran',
      entitasId: row!.id,
      ringkasan: `Mencatat ${label.id.toLowerCase()} ${p.nama} ${isian.dari} s.d. ${isian.sampai}`,
      sesudah: { jenis: isian.jenis, dari: isian.dari, sampai: isian.sampai },
    },
  ]);
  const jadwal = await catatKetidakhadiranDiJadwal(trx, tenantId, actor, [
    {
      pegawaiId: p.id,
      dari: isian.dari,
      sampai: isian.sampai,
      status: statusKetidakhadiran(isian.jenis as JenisCuti),
    },
  ]);
  await beritahu(trx, tenantId, [
    {
      pegawaiId: p.id,
      jenis: 'cuti_dicatat',
      judul: pesan(`${label.id} dicatat untuk Anda`, `${label.en} recorded for you`),
      isi: pesan(rentang(isian.dari, isian.sampai), rentang(isian.dari, isian.sampai, 'en')),
      tautan: '/cuti',
    },
  ]);
  return { id: row!.id, status: 'disetujui' as const, jadwal };
}

/**
 * Imports approved absences from a CSV/XLSX table (CONTRACTS-style columns `nip,jenis,dari,sampai,
 * keterangan`, optional `id_pegawai`): all-or-nothing, every bad row named; a row whose person is not
 * in the importer's scope on every one of its days is refused.
 */
export async function impor(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  t: Table,
  /** The importer's scope by date (write mode); null: the whole Pemda (the CLI) */
  lingkup: LingkupTanggal | null,
) {
  // One absence import per Pemda at a time: the register checked for overlaps below includes what the
  // previous import added.
  await kunciImpor(trx, tenantId, 'ketidakhadiran');
  const ppl = await orgRepo.kunciSemuaPegawai(trx);
  const idOf = new Map<string, string>();
  for (const p of ppl) {
    if (p.nip) idOf.set(p.nip, p.id);
    if (p.id_pegawai) idOf.set(p.id_pegawai, p.id);
  }
  const keyById = new Map(ppl.map((p) => [p.id, keyOf(p)]));
  const terdaftar = (await repo.aktif(trx)).map((x) => ({
    key: keyById.get(x.pegawai_id)!,
    jenis: x.jenis as JenisCuti,
    dari: x.dari,
    sampai: x.sampai,
  }));
  // Scope is a question about the row's dates: asked here for every row whose person and dates are readable.
  const luar = new Set<number>();
  const dibaca = t.rows.flatMap((r) => {
    const key = (r.values.nip ?? '').trim() || (r.values.id_pegawai ?? '').trim();
    const id = idOf.get(key);
    const dari = (r.values.dari ?? '').trim();
    const sampai = (r.values.sampai ?? '').trim();
    return id && isIsoDate(dari) && isIsoDate(sampai) && dari <= sampai
      ? [{ baris: r.baris, id, dari, sampai }]
      : [];
  });
  if (lingkup) {
    await lingkup.muat(dibaca.map((r) => r.id));
    for (const r of dibaca) if (!(await lingkup.meliputi(r.id, r.dari, r.sampai))) luar.add(r.baris);
  }
  const v = validasiBarisCuti(
    t.headers,
    t.rows,
    (key, baris) => (!idOf.has(key) ? 'tidak_ada' : luar.has(baris) ? 'di_luar_lingkup' : 'ada'),
    terdaftar,
  );
  if (!v.ok) {
    throw new AppError(
      'IMPOR_GAGAL',
      pesan(
        `Impor ketidakhadiran dibatalkan: ${v.issues.length} masalah; tidak ada yang diubah`,
        `Absence import cancelled: ${v.issues.length} problems; nothing was changed`,
      ),
      // the first ones, then "… dan N masalah lain": a file of 100,000 bad rows answers readably
      batasiMasalah(v.issues).issues,
    );
  }
  const rows = await repo.insert(
    trx,
    tenantId,
    v.records.map((r) => ({
      pegawai_id: idOf.get(r.key)!,
      jenis: r.jenis,
      dari: r.dari,
      sampai: r.sampai,
      keterangan: r.keterangan,
      status: 'disetujui' as const,
      sumber: 'impor' as const,
      diajukan_oleh: actor.nama,
    })),
  );
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'impor',
      entitas: 'ketidakhadiran',
      entitasId: null,
      ringkasan: `Mengimpor ${v.records.length} ketidakhadiran`,
      sesudah: { jumlah: v.records.length, id: rows.map((r) => r.id) },
    },
  ]);
  const jadwal = await catatKetidakhadiranDiJadwal(
    trx,
    tenantId,
    actor,
    v.records.map((r) => ({
      pegawaiId: idOf.get(r.key)!,
      dari: r.dari,
      sampai: r.sampai,
      status: statusKetidakhadiran(r.jenis),
    })),
  );
  return { jumlah: v.records.length, jadwal };
}

/**
 * The register as the caller may see it: their own entries, those of people they supervise, and
 * everyone in their OPD/unit scope. Notes on sick leave and isolation (health data) are shown only
 * to the person and to health officers.
 */
export async function daftar(
  trx: Trx,
  caller: Caller,
  f: { dari?: string; sampai?: string; status?: string; untuk?: 'saya' | 'persetujuan' | 'semua' },
) {
  const rows = await repo.list(trx, {
    dari: f.dari,
    sampai: f.sampai,
    status: f.untuk === 'persetujuan' ? 'diajukan' : f.status,
    pegawaiIds: f.untuk === 'saya' ? [caller.pegawaiId ?? '00000000-0000-0000-0000-000000000000'] : undefined,
  });
  const nakes = caller.grants.some((g) => g.role === 'health_officer');
  // An entry is the caller's to see when the person was in their scope at its start or its end; to
  // decide, on every day of it (as `putuskan` checks).
  const baca = lingkupTanggal(trx, caller, 'read');
  const atur = lingkupTanggal(trx, caller, 'adjust');
  const ids = [...new Set(rows.map((r) => r.pegawai_id))];
  await Promise.all([baca.muat(ids), atur.muat(ids)]);
  const out = [];
  for (const r of rows) {
    const milikSaya = r.pegawai_id === caller.pegawaiId;
    const bawahan = caller.pegawaiId !== null && r.atasan_id === caller.pegawaiId;
    const terlihat =
      milikSaya ||
      bawahan ||
      (await baca.meliputi(r.pegawai_id, r.dari)) ||
      (await baca.meliputi(r.pegawai_id, r.sampai));
    if (!terlihat) continue;
    const bolehPutus =
      r.status === 'diajukan' && (await bolehMemutuskan(trx, caller, r.pegawai_id, r.dari, r.sampai, atur));
    if (f.untuk === 'persetujuan' && !bolehPutus) continue;
    const rahasia = jenisKesehatan(r.jenis as JenisCuti) && !milikSaya && !nakes;
    out.push({
      id: r.id,
      pegawai: { id: r.pegawai_id, key: keyOf(r), nama: r.nama, opdKode: r.opd_kode },
      jenis: r.jenis as JenisCuti,
      dari: r.dari,
      sampai: r.sampai,
      keterangan: rahasia ? null : r.keterangan,
      status: r.status,
      sumber: r.sumber,
      diajukanOleh: r.diajukan_oleh,
      diajukanPada: new Date(r.diajukan_pada).toISOString(),
      diputusOleh: r.diputus_oleh,
      diputusPada: r.diputus_pada ? new Date(r.diputus_pada).toISOString() : null,
      catatanPutusan: r.catatan_putusan,
      bolehPutus,
      bolehBatal: milikSaya && r.status === 'diajukan',
    });
  }
  return out;
}

export { JENIS_CUTI };
