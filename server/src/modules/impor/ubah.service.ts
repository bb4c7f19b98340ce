import { formatTanggal, type ImportIssue, pesan, scopeOf } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { kunciImpor } from '../../db/kunci.ts';
import { AppError, errors } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import * as authRepo from '../auth/auth.repository.ts';
import { lingkupTanggal, resolveScope, tenantToday } from '../org/org.service.ts';
import { importOpd, importPegawai } from './impor.service.ts';
import * as repo from './ubah.repository.ts';

/*
 * Editing and deactivating one employee or one OPD from the web app. An edit is a one-row import: the
 * same validation, scope check, advisory lock, versioning and audit as a file import (one write path).
 * Deactivation ends the person's (or the OPD's) last version on the effective date: from that date
 * the registry has no placement for them, while every earlier version stays as history.
 */

/** Fields of an employee that the edit form changes (absent = unchanged). */
export interface UbahPegawai {
  readonly nama?: string | undefined;
  readonly opdKode?: string | undefined;
  readonly jabatanLevel?: string | undefined;
  readonly jabatan?: string | undefined;
  readonly email?: string | undefined;
  readonly telepon?: string | undefined;
  readonly berlaku?: string | undefined;
}

/** Fields of an OPD/unit that the edit form changes (absent = unchanged). */
export interface UbahOpd {
  readonly nama?: string | undefined;
  readonly indukKode?: string | undefined;
  readonly kelasLayanan?: string | undefined;
  readonly lat?: number | null | undefined;
  readonly lng?: number | null | undefined;
  readonly radiusM?: number | null | undefined;
  readonly berlaku?: string | undefined;
}

/** Names of the import columns as the form calls them (for messages). */
const LABEL: Record<string, { id: string; en: string }> = {
  nama: { id: 'Nama', en: 'Name' },
  opd_kode: { id: 'OPD/unit', en: 'OPD/unit' },
  jabatan_level: { id: 'Level jabatan', en: 'Position level' },
  jabatan: { id: 'Jabatan', en: 'Position' },
  email: { id: 'Email', en: 'Email' },
  telepon: { id: 'Telepon', en: 'Phone' },
  induk_kode: { id: 'Induk', en: 'Parent' },
  kelas_layanan: { id: 'Kelas layanan', en: 'Service class' },
  lat: { id: 'Lintang', en: 'Latitude' },
  lng: { id: 'Bujur', en: 'Longitude' },
  radius_m: { id: 'Radius (m)', en: 'Radius (m)' },
};

/** An import failure re-worded for a form: each problem named by its field, no row numbers. */
function sebagaiFormulir(e: unknown): unknown {
  if (!(e instanceof AppError) || e.code !== 'IMPOR_GAGAL' || !e.issues?.length) return e;
  const label = (i: ImportIssue, en: boolean) => {
    const l = i.kolom ? LABEL[i.kolom] : undefined;
    return l ? (en ? l.en : l.id) : (i.kolom ?? '');
  };
  const id = e.issues.map((i) => `${label(i, false)}: ${i.pesan.id}`).join('; ');
  const en = e.issues.map((i) => `${label(i, true)}: ${i.pesan.en}`).join('; ');
  return new AppError('VALIDASI', pesan(id, en), e.issues);
}

/** The effective date must not lie before the latest stored version (history is never rewritten). */
function periksaBerlaku(berlaku: string, terakhir: string | null, apa: { id: string; en: string }) {
  if (terakhir !== null && berlaku < terakhir) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `Tanggal berlaku: ${formatTanggal(berlaku)} lebih awal dari perubahan terakhir ${apa.id} (${formatTanggal(terakhir)}); riwayat tidak dapat diubah mundur`,
        `Effective date: ${formatTanggal(berlaku, 'en')} is before the last change of ${apa.en} (${formatTanggal(terakhir, 'en')}); history cannot be rewritten`,
      ),
    );
  }
}

/**
 * The person, if the caller may write their record on every day from the effective date to today;
 * otherwise "not found", so that nothing about people outside the caller's part is revealed.
 */
async function pegawaiTertulis(trx: Trx, caller: Caller, id: string, berlaku: string, hariIni: string) {
  const p = await repo.pegawaiById(trx, id);
  const dari = berlaku < hariIni ? berlaku : hariIni;
  const sampai = berlaku < hariIni ? hariIni : berlaku;
  if (!p || !(await lingkupTanggal(trx, caller, 'write').meliputi(id, dari, sampai))) {
    throw errors.notFound('Pegawai', 'Employee');
  }
  return p;
}

/** Changes one employee from a date, through the import's write path. */
export async function ubahPegawai(
  sdb: SigapDatabase,
  caller: Caller,
  actor: Actor,
  id: string,
  u: UbahPegawai,
) {
  const { p, aktif, berlaku, writable } = await withTenant(sdb, caller.tenantId, async (trx) => {
    const hariIni = await tenantToday(trx, caller.tenantId);
    const berlaku = u.berlaku ?? hariIni;
    const p = await pegawaiTertulis(trx, caller, id, berlaku, hariIni);
    const aktif = await repo.versiBerjalanPegawai(trx, id);
    if (!aktif) {
      throw new AppError(
        'KONFLIK',
        pesan(
          `${p.nama} sudah tidak aktif; untuk mengaktifkan kembali, impor datanya dengan penempatan baru`,
          `${p.nama} is no longer active; to reinstate them, import their record with a new placement`,
        ),
      );
    }
    periksaBerlaku(berlaku, await repo.versiTerakhirPegawai(trx, id), {
      id: 'pegawai ini',
      en: 'this employee',
    });
    const writable = (await resolveScope(trx, caller, 'write', hariIni)).opdIds;
    return { p, aktif, berlaku, writable };
  });
  // The required columns as stored (the import fills every other column left out the same way).
  const kunci: Record<string, string> = {
    ...(p.nip ? { nip: p.nip } : { id_pegawai: p.id_pegawai ?? '' }),
    nama: p.nama,
    jenis_pegawai: aktif.jenis_pegawai,
    jabatan_level: aktif.jabatan_level,
    opd_kode: aktif.opd_kode,
  };
  const nilai: Record<string, string | undefined> = {
    nama: u.nama,
    opd_kode: u.opdKode,
    jabatan_level: u.jabatanLevel,
    jabatan: u.jabatan,
    email: u.email,
    telepon: u.telepon,
  };
  const values: Record<string, string> = { ...kunci };
  for (const [k, v] of Object.entries(nilai)) if (v !== undefined) values[k] = v.trim();
  try {
    return await importPegawai(
      sdb,
      caller.tenantId,
      { headers: Object.keys(values), rows: [{ baris: 2, values }] },
      {
        actor,
        writableOpdIds: writable,
        berlakuMulai: berlaku,
        lingkupPada: (trx) => lingkupTanggal(trx, caller, 'write'),
      },
    );
  } catch (e) {
    throw sebagaiFormulir(e);
  }
}

/** Ends the current version of a versioned row on `berlaku`; later versions are removed. */

/** Deactivates an employee from a date: they leave the organisation (no placement from then on). */
export async function nonaktifkanPegawai(
  sdb: SigapDatabase,
  caller: Caller,
  actor: Actor,
  id: string,
  tanggal: string | undefined,
) {
  return withTenant(sdb, caller.tenantId, async (trx) => {
    await kunciImpor(trx, caller.tenantId, 'registri');
    const hariIni = await tenantToday(trx, caller.tenantId);
    const berlaku = tanggal ?? hariIni;
    const p = await pegawaiTertulis(trx, caller, id, berlaku, hariIni);
    const bawahan = await repo.bawahanSejak(trx, id, berlaku);
    if (bawahan.length > 0) {
      const nama = bawahan.map((b) => b.nama).join(', ');
      throw new AppError(
        'KONFLIK',
        pesan(
          `${p.nama} masih menjadi atasan langsung ${bawahan.length} pegawai (${nama}) pada atau setelah ${formatTanggal(berlaku)}; ubah atasan mereka dulu`,
          `${p.nama} is still the direct supervisor of ${bawahan.length} employees (${nama}) on or after ${formatTanggal(berlaku, 'en')}; change their supervisor first`,
        ),
      );
    }
    const sebelum = await repo.akhiriVersi(trx, 'pegawai_versi', { pegawai_id: id }, berlaku);
    if (!sebelum) {
      throw new AppError(
        'KONFLIK',
        pesan(
          `${p.nama} sudah tidak aktif pada ${formatTanggal(berlaku)}`,
          `${p.nama} is already inactive on ${formatTanggal(berlaku, 'en')}`,
        ),
      );
    }
    const key = p.nip ?? p.id_pegawai ?? p.id;
    const akun = await akunPegawaiDimatikan(trx, caller, id, p.nama);
    await insertAudit(trx, caller.tenantId, actor, [
      {
        aksi: 'nonaktifkan',
        entitas: 'pegawai',
        entitasId: key,
        ringkasan: `Menonaktifkan pegawai ${key} (${p.nama}) mulai ${berlaku}`,
        sebelum,
        sesudah: { berlaku_sampai: berlaku },
      },
      ...akun.map((a) => ({
        aksi: 'nonaktifkan_akun',
        entitas: 'akun',
        entitasId: a.id,
        ringkasan: `Menonaktifkan akun ${a.username} karena pegawai ${key} (${p.nama}) dinonaktifkan; sesinya diakhiri`,
        sebelum: { aktif: true },
        sesudah: { aktif: false },
      })),
    ]);
    const nama = akun.map((a) => a.username).join(', ');
    return {
      id,
      berlakuSampai: berlaku,
      akunDinonaktifkan: akun.map((a) => a.username),
      pesan:
        akun.length === 0
          ? pesan(
              `${p.nama} dinonaktifkan mulai ${formatTanggal(berlaku)}`,
              `${p.nama} deactivated from ${formatTanggal(berlaku, 'en')}`,
            )
          : pesan(
              `${p.nama} dinonaktifkan mulai ${formatTanggal(berlaku)}; akun masuk ${nama} dinonaktifkan sekarang dan sesinya diakhiri. Mengaktifkan kembali pegawai tidak mengaktifkan akunnya: aktifkan di halaman Akun`,
              `${p.nama} deactivated from ${formatTanggal(berlaku, 'en')}; the sign-in account ${nama} is deactivated now and its sessions ended. Reinstating the employee does not reactivate the account: do that on the Accounts page`,
            ),
    };
  });
}

/**
 * Switches off the sign-in of a person who leaves: every active account linked to them is deactivated
 * at once (whatever the effective date) and its sessions end. Reinstating the person later does not
 * switch it back on; an admin does that on the Accounts page. A Pemda admin account is a Pemda admin's
 * alone (as on the Accounts page), and nobody switches off their own sign-in this way.
 */
async function akunPegawaiDimatikan(trx: Trx, caller: Caller, pegawaiId: string, nama: string) {
  const akun = await authRepo.activeUsersOfPegawai(trx, pegawaiId);
  const peranSaya = caller.grants.map((g) => g.role);
  for (const a of akun) {
    if (a.id === caller.userId) {
      throw new AppError(
        'VALIDASI',
        pesan(
          `${nama} tertaut ke akun Anda sendiri (${a.username}); minta admin lain menonaktifkannya`,
          `${nama} is linked to your own account (${a.username}); ask another admin to deactivate them`,
        ),
      );
    }
    if (a.roles.includes('pemda_admin') && !peranSaya.includes('pemda_admin')) {
      throw new AppError(
        'DILARANG',
        pesan(
          `${nama} memegang akun Admin Pemda (${a.username}); hanya Admin Pemda yang dapat menonaktifkan pegawai ini`,
          `${nama} holds a Pemda admin account (${a.username}); only a Pemda admin may deactivate this employee`,
        ),
      );
    }
  }
  for (const a of akun) {
    await authRepo.setAktif(trx, a.id, false);
    await authRepo.deleteSessionsOf(trx, a.id);
  }
  return akun;
}

/** Only whole-Pemda admins change the OPD registry (docs/roles.md). */
function hanyaAdminPemda(caller: Caller) {
  if (!scopeOf(caller.grants, caller.pegawaiId, 'write').all) {
    throw new AppError(
      'DILARANG',
      pesan(
        'Mengubah OPD hanya untuk admin Pemda atau BKPSDM',
        'Only Pemda or BKPSDM admins may change OPDs',
      ),
    );
  }
}

async function opdAktif(trx: Trx, kode: string) {
  const o = await repo.opdBerjalan(trx, kode);
  if (!o) throw errors.notFound(`OPD ${kode}`, `OPD ${kode}`);
  return { ...o, terakhir: await repo.versiTerakhirOpd(trx, o.id) };
}

/** Changes one OPD/unit from a date, through the import's write path. */
export async function ubahOpd(sdb: SigapDatabase, caller: Caller, actor: Actor, kode: string, u: UbahOpd) {
  hanyaAdminPemda(caller);
  const { o, berlaku } = await withTenant(sdb, caller.tenantId, async (trx) => {
    const berlaku = u.berlaku ?? (await tenantToday(trx, caller.tenantId));
    const o = await opdAktif(trx, kode);
    if (o.nama === null) {
      throw new AppError(
        'KONFLIK',
        pesan(`OPD ${o.kode} sudah tidak aktif`, `OPD ${o.kode} is no longer active`),
      );
    }
    periksaBerlaku(berlaku, o.terakhir, { id: `OPD ${o.kode}`, en: `OPD ${o.kode}` });
    return { o, berlaku };
  });
  const angka = (v: number | null | undefined) => (v === undefined ? undefined : v === null ? '' : String(v));
  const nilai: Record<string, string | undefined> = {
    nama: u.nama,
    induk_kode: u.indukKode,
    kelas_layanan: u.kelasLayanan,
    lat: angka(u.lat),
    lng: angka(u.lng),
    radius_m: angka(u.radiusM),
  };
  const values: Record<string, string> = { kode: o.kode, nama: o.nama ?? '', jenis: o.jenis ?? '' };
  for (const [k, v] of Object.entries(nilai)) if (v !== undefined) values[k] = v.trim();
  try {
    return await importOpd(
      sdb,
      caller.tenantId,
      { headers: Object.keys(values), rows: [{ baris: 2, values }] },
      { actor, writableOpdIds: null, berlakuMulai: berlaku },
    );
  } catch (e) {
    throw sebagaiFormulir(e);
  }
}

/** Deactivates an OPD/unit from a date; refused while people or sub-units are still placed in it. */
export async function nonaktifkanOpd(
  sdb: SigapDatabase,
  caller: Caller,
  actor: Actor,
  kode: string,
  tanggal: string | undefined,
) {
  hanyaAdminPemda(caller);
  return withTenant(sdb, caller.tenantId, async (trx) => {
    await kunciImpor(trx, caller.tenantId, 'registri');
    const berlaku = tanggal ?? (await tenantToday(trx, caller.tenantId));
    const o = await opdAktif(trx, kode);
    periksaBerlaku(berlaku, o.terakhir, { id: `OPD ${o.kode}`, en: `OPD ${o.kode}` });
    const nOrang = await repo.jumlahPegawaiSejak(trx, o.id, berlaku);
    const anak = await repo.unitAnakSejak(trx, o.id, berlaku);
    if (nOrang > 0 || anak.length > 0) {
      const bagian = [
        nOrang > 0
          ? {
              id: `${nOrang} pegawai masih ditempatkan di sana`,
              en: `${nOrang} employees are still placed there`,
            }
          : null,
        anak.length > 0
          ? {
              id: `unit di bawahnya masih aktif (${anak.map((a) => a.kode).join(', ')})`,
              en: `units below it are still active (${anak.map((a) => a.kode).join(', ')})`,
            }
          : null,
      ].filter((b) => b !== null);
      throw new AppError(
        'KONFLIK',
        pesan(
          `OPD ${o.kode} tidak dapat dinonaktifkan mulai ${formatTanggal(berlaku)}: ${bagian.map((b) => b.id).join(' dan ')}; pindahkan atau nonaktifkan dulu`,
          `OPD ${o.kode} cannot be deactivated from ${formatTanggal(berlaku, 'en')}: ${bagian.map((b) => b.en).join(' and ')}; move or deactivate them first`,
        ),
      );
    }
    const sebelum = await repo.akhiriVersi(trx, 'opd_versi', { opd_id: o.id }, berlaku);
    if (!sebelum) {
      throw new AppError(
        'KONFLIK',
        pesan(
          `OPD ${o.kode} sudah tidak aktif pada ${formatTanggal(berlaku)}`,
          `OPD ${o.kode} is already inactive on ${formatTanggal(berlaku, 'en')}`,
        ),
      );
    }
    await insertAudit(trx, caller.tenantId, actor, [
      {
        aksi: 'nonaktifkan',
        entitas: 'opd',
        entitasId: o.kode,
        ringkasan: `Menonaktifkan OPD ${o.kode} (${o.nama ?? ''}) mulai ${berlaku}`,
        sebelum,
        sesudah: { berlaku_sampai: berlaku },
      },
    ]);
    return { kode: o.kode, berlakuSampai: berlaku };
  });
}
