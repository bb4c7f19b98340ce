import type { Db, Trx } from '../../db/database.ts';

// The Pemda's attendance rules, kept on its tenant row (0010_aturan_kehadiran.sql).

const KOLOM = [
  'toleransi_masuk_menit',
  'toleransi_pulang_menit',
  'buka_masuk_sebelum_menit',
  'tutup_pulang_setelah_menit',
  'selang_pulang_minimal_menit',
  'langkah_tantangan',
] as const;

export interface BarisAturan {
  toleransi_masuk_menit: number;
  toleransi_pulang_menit: number;
  buka_masuk_sebelum_menit: number;
  tutup_pulang_setelah_menit: number;
  selang_pulang_minimal_menit: number;
  langkah_tantangan: string[];
}

export function bacaAturan(db: Db | Trx, tenantId: string): Promise<BarisAturan> {
  return db.selectFrom('tenant').select(KOLOM).where('id', '=', tenantId).executeTakeFirstOrThrow();
}

export async function simpanAturan(trx: Trx, tenantId: string, b: BarisAturan): Promise<void> {
  await trx.updateTable('tenant').set(b).where('id', '=', tenantId).execute();
}
