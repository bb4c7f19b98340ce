import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type HariLibur,
  isIsoDate,
  JAM_KERJA_PERPRES_21_2023,
  type JamKerja,
  type JenisPemda,
  karakterTerlarang,
  localDate,
  menitKerjaMingguan,
  pesan,
  validateJamKerja,
  type ZonaWaktu,
} from '@sigap/domain';
import { parse } from 'csv-parse/sync';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import * as repo from './pengaturan.repository.ts';

const HOLIDAY_CSV = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/id-holidays.csv');

/** The national holidays and cuti bersama shipped with Sigap (2020–2026, final decrees). */
export function nationalHolidays(): HariLibur[] {
  return parseHolidayRows(readFileSync(HOLIDAY_CSV, 'utf8'));
}

/** Parses a holiday list (`tanggal,jenis,nama,dasar`); throws AppError naming the bad row. */
export function parseHolidayRows(text: string): HariLibur[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  return rows.map((r, i) => {
    const jenis = r.jenis;
    if (!r.tanggal || !isIsoDate(r.tanggal)) {
      throw new AppError(
        'BERKAS_TIDAK_SAH',
        pesan(
          `Baris ${i + 2}: tanggal "${r.tanggal ?? ''}" bukan YYYY-MM-DD`,
          `Row ${i + 2}: date "${r.tanggal ?? ''}" is not YYYY-MM-DD`,
        ),
      );
    }
    if (jenis !== 'libur_nasional' && jenis !== 'cuti_bersama' && jenis !== 'libur_daerah') {
      throw new AppError(
        'BERKAS_TIDAK_SAH',
        pesan(
          `Baris ${i + 2}: jenis "${jenis ?? ''}" harus libur_nasional, cuti_bersama atau libur_daerah`,
          `Row ${i + 2}: jenis "${jenis ?? ''}" must be libur_nasional, cuti_bersama or libur_daerah`,
        ),
      );
    }
    if (!r.nama)
      throw new AppError(
        'BERKAS_TIDAK_SAH',
        pesan(`Baris ${i + 2}: nama wajib diisi`, `Row ${i + 2}: nama is required`),
      );
    return { tanggal: r.tanggal, jenis, nama: r.nama, dasar: r.dasar ?? '' };
  });
}

export interface TenantInput {
  readonly kode: string;
  readonly nama: string;
  readonly jenis: JenisPemda;
  readonly zonaWaktu: ZonaWaktu;
  readonly pusatLat?: number | null;
  readonly pusatLng?: number | null;
}

/** A Pemda's code: what the tenant table accepts (migration 0001), lower-case so URLs and --tenant match. */
const KODE_PEMDA = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * Refuses a new Pemda's code or name that the database would refuse, in words naming the field
 * (`label` names the fields as the caller shows them, e.g. the CLI's `--kode`).
 */
export function periksaTenantBaru(
  t: Pick<TenantInput, 'kode' | 'nama'>,
  label: { kode: string; nama: string } = { kode: 'kode', nama: 'nama' },
): void {
  const salah: { id: string; en: string }[] = [];
  if (!KODE_PEMDA.test(t.kode)) {
    salah.push(
      pesan(
        `${label.kode}: "${t.kode}" bukan kode Pemda yang sah; pakai 2–40 karakter huruf kecil (a–z), angka atau tanda hubung, diawali huruf atau angka, mis. kab-kudus`,
        `${label.kode}: "${t.kode}" is not a valid Pemda code; use 2–40 lower-case letters (a–z), digits or hyphens, starting with a letter or digit, e.g. kab-kudus`,
      ),
    );
  }
  const nama = t.nama.trim();
  const terlarang = karakterTerlarang(t.nama);
  if (nama === '' || nama.length > 200 || terlarang) {
    salah.push(
      terlarang
        ? pesan(`${label.nama}: ${terlarang.id}`, `${label.nama}: ${terlarang.en}`)
        : pesan(
            `${label.nama}: nama Pemda wajib diisi, paling panjang 200 karakter`,
            `${label.nama}: the Pemda's name is required, at most 200 characters`,
          ),
    );
  }
  if (salah.length > 0) {
    throw new AppError(
      'VALIDASI',
      pesan(salah.map((x) => x.id).join('; '), salah.map((x) => x.en).join('; ')),
    );
  }
}

/**
 * Creates a Pemda (a system operation) with the Perpres 21/2023 working hours; returns the existing
 * one when the code is taken by the same Pemda (idempotent), and refuses a code taken by a different
 * one (another name, kind or time zone). Code and name are checked first ({@link periksaTenantBaru}).
 */
export async function ensureTenant(db: Db, t: TenantInput): Promise<{ id: string; created: boolean }> {
  periksaTenantBaru(t);
  const ada = async () => {
    const existing = await repo.findTenantByKode(db, t.kode);
    if (!existing) return null;
    if (
      existing.nama !== t.nama.trim() ||
      existing.jenis !== t.jenis ||
      existing.zona_waktu !== t.zonaWaktu
    ) {
      throw new AppError(
        'KONFLIK',
        pesan(
          `kode: Pemda dengan kode "${t.kode}" sudah ada (${existing.nama}, ${existing.jenis}, ${existing.zona_waktu}); pilih kode lain — tidak ada yang diubah`,
          `kode: a Pemda with code "${t.kode}" already exists (${existing.nama}, ${existing.jenis}, ${existing.zona_waktu}); choose another code — nothing was changed`,
        ),
      );
    }
    return { id: existing.id, created: false };
  };
  const sudah = await ada();
  if (sudah) return sudah;
  try {
    const row = await repo.insertTenant(db, {
      kode: t.kode,
      nama: t.nama.trim(),
      jenis: t.jenis,
      zonaWaktu: t.zonaWaktu,
      jamKerja: JAM_KERJA_PERPRES_21_2023,
      pusatLat: t.pusatLat ?? null,
      pusatLng: t.pusatLng ?? null,
    });
    return { id: row.id, created: true };
  } catch (e) {
    // Created by someone else in the meantime: the same answer as if it had been there before.
    if ((e as { code?: unknown }).code === '23505') {
      const lalu = await ada();
      if (lalu) return lalu;
    }
    throw e;
  }
}

/** Loads the shipped national holidays into a tenant's calendar (days it already has are kept). */
export function seedHolidays(trx: Trx, tenantId: string): Promise<number> {
  return repo.insertHolidaysIfMissing(trx, tenantId, nationalHolidays());
}

/** Today (YYYY-MM-DD) in the Pemda's own time zone. */
export async function tenantToday(db: Db | Trx, tenantId: string): Promise<string> {
  return localDate(new Date(), (await repo.tenantZone(db, tenantId)) as ZonaWaktu);
}

/** The Pemda's settings as the API shows them. */
export async function getSettings(trx: Trx, tenantId: string) {
  const t = await repo.findTenantById(trx, tenantId);
  if (!t) throw new AppError('PEMDA_TIDAK_DIKENAL', pesan('Pemda tidak ditemukan', 'Pemda not found'));
  const jamKerja = t.jam_kerja as JamKerja;
  return {
    kode: t.kode,
    nama: t.nama,
    jenis: t.jenis as JenisPemda,
    zonaWaktu: t.zona_waktu as ZonaWaktu,
    jamKerja,
    menitKerjaMingguan: menitKerjaMingguan(jamKerja),
    pusatLat: t.pusat_lat,
    pusatLng: t.pusat_lng,
  };
}

/** Updates name, zone, working hours and centre; audited with before and after. */
export async function updateSettings(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  input: {
    nama: string;
    jenis: JenisPemda;
    zonaWaktu: ZonaWaktu;
    jamKerja: JamKerja;
    pusatLat: number | null;
    pusatLng: number | null;
  },
) {
  const problems = validateJamKerja(input.jamKerja);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDASI',
      pesan(problems.map((p) => p.id).join('; '), problems.map((p) => p.en).join('; ')),
    );
  }
  if (Object.keys(input.jamKerja).length === 0) {
    throw new AppError('VALIDASI', pesan('Minimal satu hari kerja', 'At least one working day'));
  }
  const before = await getSettings(trx, tenantId);
  await repo.updateTenant(trx, tenantId, input);
  const after = await getSettings(trx, tenantId);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'pengaturan',
      entitasId: tenantId,
      ringkasan: 'Mengubah pengaturan Pemda',
      sebelum: before,
      sesudah: after,
    },
  ]);
  return after;
}

/** Holidays of a year (or all). */
export function listHolidays(trx: Trx, tahun?: number) {
  return repo.listHolidays(trx, tahun ? { from: `${tahun}-01-01`, to: `${tahun}-12-31` } : undefined);
}

/** Adds or replaces holidays (one day, or next year's decree as a list); all-or-nothing, audited. */
export async function upsertHolidays(trx: Trx, tenantId: string, actor: Actor, days: readonly HariLibur[]) {
  const before = new Map(
    (
      await repo.findHolidays(
        trx,
        days.map((d) => d.tanggal),
      )
    ).map((r) => [r.tanggal, r]),
  );
  const changed = days.filter((d) => {
    const b = before.get(d.tanggal);
    return !b || b.jenis !== d.jenis || b.nama !== d.nama || b.dasar !== d.dasar;
  });
  for (const d of changed) await repo.upsertHoliday(trx, tenantId, d);
  await insertAudit(
    trx,
    tenantId,
    actor,
    changed.map((d) => ({
      aksi: before.has(d.tanggal) ? 'ubah' : 'buat',
      entitas: 'hari_libur',
      entitasId: d.tanggal,
      ringkasan: `Hari libur ${d.tanggal}: ${d.nama}`,
      sebelum: before.get(d.tanggal),
      sesudah: d,
    })),
  );
  return { diubah: changed.length };
}

/** Removes a day from the calendar (it becomes a working day again). */
export async function deleteHoliday(trx: Trx, tenantId: string, actor: Actor, tanggal: string) {
  const [b] = await repo.findHolidays(trx, [tanggal]);
  if (!b)
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`Tidak ada hari libur pada ${tanggal}`, `No holiday on ${tanggal}`),
    );
  await repo.deleteHoliday(trx, tanggal);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'hapus',
      entitas: 'hari_libur',
      entitasId: tanggal,
      ringkasan: `Menghapus hari libur ${tanggal} (${b.nama})`,
      sebelum: b,
    },
  ]);
}

/** Every Pemda of the deployment (code, name, kind), by name. */
export function daftarPemda(db: Db | Trx) {
  return repo.listTenants(db);
}

/** One Pemda's row by id (outside a tenant transaction: the tenant table is readable by all). */
export function pemdaById(db: Db | Trx, id: string) {
  return repo.findTenantById(db, id);
}
