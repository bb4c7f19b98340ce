import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

// Liveness challenges (0011_tantangan.sql). The database's clock decides expiry and use.

/** Whose challenge: a person's (check-in from their phone) or a kiosk's (whoever stands in front of it). */
export type PemilikTantangan = { readonly pegawaiId: string } | { readonly perangkatId: string };

const kolomPemilik = (p: PemilikTantangan) =>
  'pegawaiId' in p ? (['pegawai_id', p.pegawaiId] as const) : (['perangkat_id', p.perangkatId] as const);

export async function jamBasisData(trx: Trx): Promise<Date> {
  const r = await sql<{ t: Date }>`SELECT clock_timestamp() AS t`.execute(trx);
  return new Date(r.rows[0]!.t);
}

/** Marks the person's (or kiosk's) open challenges used: a newer one replaces them. */
export async function tutupTantanganTerbuka(trx: Trx, pemilik: PemilikTantangan, pada: Date): Promise<void> {
  const [kolom, id] = kolomPemilik(pemilik);
  await trx
    .updateTable('tantangan_absen')
    .set({ dipakai_pada: pada })
    .where(kolom, '=', id)
    .where('dipakai_pada', 'is', null)
    .execute();
}

export async function simpanTantangan(
  trx: Trx,
  t: {
    tenantId: string;
    pemilik: PemilikTantangan;
    langkah: readonly string[];
    dibuat: Date;
    berlakuSampai: Date;
  },
): Promise<string> {
  const r = await trx
    .insertInto('tantangan_absen')
    .values({
      tenant_id: t.tenantId,
      pegawai_id: 'pegawaiId' in t.pemilik ? t.pemilik.pegawaiId : null,
      perangkat_id: 'perangkatId' in t.pemilik ? t.pemilik.perangkatId : null,
      langkah: [...t.langkah],
      dibuat_pada: t.dibuat,
      berlaku_sampai: t.berlakuSampai,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Uses the challenge once: one UPDATE that only an unused, unexpired challenge of that person (or kiosk)
 * passes, so two answers at once cannot both use it. Null when nothing was used.
 */
export async function pakaiTantangan(trx: Trx, id: string, pemilik: PemilikTantangan) {
  const [kolom, pid] = kolomPemilik(pemilik);
  return trx
    .updateTable('tantangan_absen')
    .set({ dipakai_pada: sql<Date>`clock_timestamp()` })
    .where('id', '=', id)
    .where(kolom, '=', pid)
    .where('dipakai_pada', 'is', null)
    .where('berlaku_sampai', '>', sql<Date>`clock_timestamp()`)
    .returning(['langkah', 'dibuat_pada', 'berlaku_sampai'])
    .executeTakeFirst();
}

/** Why a challenge could not be used (for the refusal's words). */
export function cariTantangan(trx: Trx, id: string, pemilik: PemilikTantangan) {
  const [kolom, pid] = kolomPemilik(pemilik);
  return trx
    .selectFrom('tantangan_absen')
    .select(['dipakai_pada', 'berlaku_sampai'])
    .where('id', '=', id)
    .where(kolom, '=', pid)
    .executeTakeFirst();
}

/** A person's name (what a kiosk shows after recognising them). */
export async function namaPegawai(trx: Trx, pegawaiId: string): Promise<string | null> {
  const r = await trx.selectFrom('pegawai').select('nama').where('id', '=', pegawaiId).executeTakeFirst();
  return r?.nama ?? null;
}

/** An OPD/unit's name (any version: the newest), for the kiosk's screen. */
export async function namaOpd(trx: Trx, opdId: string): Promise<string | null> {
  const r = await trx
    .selectFrom('opd_versi')
    .select('nama')
    .where('opd_id', '=', opdId)
    .orderBy('berlaku_dari', 'desc')
    .executeTakeFirst();
  return r?.nama ?? null;
}
