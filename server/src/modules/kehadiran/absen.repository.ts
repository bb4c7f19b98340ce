import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

// Liveness challenges (0011_tantangan.sql). The database's clock decides expiry and use.

export async function jamBasisData(trx: Trx): Promise<Date> {
  const r = await sql<{ t: Date }>`SELECT clock_timestamp() AS t`.execute(trx);
  return new Date(r.rows[0]!.t);
}

/** Marks the person's open challenges used: a newer one replaces them. */
export async function tutupTantanganTerbuka(trx: Trx, pegawaiId: string, pada: Date): Promise<void> {
  await trx
    .updateTable('tantangan_absen')
    .set({ dipakai_pada: pada })
    .where('pegawai_id', '=', pegawaiId)
    .where('dipakai_pada', 'is', null)
    .execute();
}

export async function simpanTantangan(
  trx: Trx,
  t: { tenantId: string; pegawaiId: string; langkah: readonly string[]; dibuat: Date; berlakuSampai: Date },
): Promise<string> {
  const r = await trx
    .insertInto('tantangan_absen')
    .values({
      tenant_id: t.tenantId,
      pegawai_id: t.pegawaiId,
      langkah: [...t.langkah],
      dibuat_pada: t.dibuat,
      berlaku_sampai: t.berlakuSampai,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Uses the person's challenge once: one UPDATE that only an unused, unexpired challenge of that person
 * passes, so two answers at once cannot both use it. Null when nothing was used.
 */
export async function pakaiTantangan(trx: Trx, id: string, pegawaiId: string) {
  return trx
    .updateTable('tantangan_absen')
    .set({ dipakai_pada: sql<Date>`clock_timestamp()` })
    .where('id', '=', id)
    .where('pegawai_id', '=', pegawaiId)
    .where('dipakai_pada', 'is', null)
    .where('berlaku_sampai', '>', sql<Date>`clock_timestamp()`)
    .returning(['langkah', 'dibuat_pada', 'berlaku_sampai'])
    .executeTakeFirst();
}

/** Why a challenge could not be used (for the refusal's words). */
export function cariTantangan(trx: Trx, id: string, pegawaiId: string) {
  return trx
    .selectFrom('tantangan_absen')
    .select(['dipakai_pada', 'berlaku_sampai'])
    .where('id', '=', id)
    .where('pegawai_id', '=', pegawaiId)
    .executeTakeFirst();
}
