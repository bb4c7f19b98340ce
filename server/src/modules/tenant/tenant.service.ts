import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type HariLibur,
  isIsoDate,
  JAM_KERJA_PERPRES_21_2023,
  type JamKerja,
  type JenisPemda,
  menitKerjaMingguan,
  pesan,
  validateJamKerja,
  type ZonaWaktu,
} from '@sigap/domain';
import { parse } from 'csv-parse/sync';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';

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

/**
 * Creates a Pemda (a system operation) with the Perpres 21/2023 working hours and the shipped national
 * holiday calendar; returns the existing one when the code is taken (idempotent).
 */
export async function ensureTenant(db: Db, t: TenantInput): Promise<{ id: string; created: boolean }> {
  const existing = await db.selectFrom('tenant').select('id').where('kode', '=', t.kode).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const row = await db
    .insertInto('tenant')
    .values({
      kode: t.kode,
      nama: t.nama,
      jenis: t.jenis,
      zona_waktu: t.zonaWaktu,
      jam_kerja: JSON.stringify(JAM_KERJA_PERPRES_21_2023),
      pusat_lat: t.pusatLat ?? null,
      pusat_lng: t.pusatLng ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/** Loads the shipped national holidays into a new tenant's calendar (existing days are kept). */
export async function seedHolidays(trx: Trx, tenantId: string): Promise<number> {
  const days = nationalHolidays();
  const r = await trx
    .insertInto('hari_libur')
    .values(
      days.map((d) => ({
        tenant_id: tenantId,
        tanggal: d.tanggal,
        jenis: d.jenis,
        nama: d.nama,
        dasar: d.dasar,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'tanggal']).doNothing())
    .execute();
  return r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0), 0);
}

/** The Pemda's settings as the API shows them. */
export async function getSettings(trx: Trx, tenantId: string) {
  const t = await trx.selectFrom('tenant').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow();
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
  await trx
    .updateTable('tenant')
    .set({
      nama: input.nama,
      jenis: input.jenis,
      zona_waktu: input.zonaWaktu,
      jam_kerja: JSON.stringify(input.jamKerja),
      pusat_lat: input.pusatLat,
      pusat_lng: input.pusatLng,
    })
    .where('id', '=', tenantId)
    .execute();
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
  let q = trx.selectFrom('hari_libur').select(['tanggal', 'jenis', 'nama', 'dasar']).orderBy('tanggal');
  if (tahun) q = q.where('tanggal', '>=', `${tahun}-01-01`).where('tanggal', '<=', `${tahun}-12-31`);
  return q.execute();
}

/**
 * Adds or replaces holidays (one day, or next year's decree as a list); all-or-nothing, audited.
 */
export async function upsertHolidays(trx: Trx, tenantId: string, actor: Actor, days: readonly HariLibur[]) {
  const before = new Map(
    (
      await trx
        .selectFrom('hari_libur')
        .selectAll()
        .where(
          'tanggal',
          'in',
          days.map((d) => d.tanggal),
        )
        .execute()
    ).map((r) => [r.tanggal, r]),
  );
  const changed = days.filter((d) => {
    const b = before.get(d.tanggal);
    return !b || b.jenis !== d.jenis || b.nama !== d.nama || b.dasar !== d.dasar;
  });
  for (const d of changed) {
    await trx
      .insertInto('hari_libur')
      .values({ tenant_id: tenantId, tanggal: d.tanggal, jenis: d.jenis, nama: d.nama, dasar: d.dasar })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'tanggal']).doUpdateSet({ jenis: d.jenis, nama: d.nama, dasar: d.dasar }),
      )
      .execute();
  }
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
  const b = await trx.selectFrom('hari_libur').selectAll().where('tanggal', '=', tanggal).executeTakeFirst();
  if (!b)
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`Tidak ada hari libur pada ${tanggal}`, `No holiday on ${tanggal}`),
    );
  await trx.deleteFrom('hari_libur').where('tanggal', '=', tanggal).execute();
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
