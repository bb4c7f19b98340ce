import type { Trx } from '../db/database.ts';

// The demo seed's own reads (seed.ts); everything it writes goes through the modules' services and
// repositories.

/** Whether the Pemda has a schedule version starting on `dari` yet. */
export async function adaJadwal(trx: Trx, dari: string): Promise<boolean> {
  const r = await trx.selectFrom('jadwal').select('id').where('dari', '=', dari).limit(1).execute();
  return r.length > 0;
}

/** NIP → employee id for every employee with a NIP. */
export async function idPegawaiMenurutNip(trx: Trx): Promise<Map<string | null, string>> {
  const rows = await trx.selectFrom('pegawai').select(['id', 'nip']).execute();
  return new Map(rows.map((p) => [p.nip, p.id]));
}

/** Whether a policy with this id is stored. */
export async function adaKebijakan(trx: Trx, id: string): Promise<boolean> {
  const r = await trx.selectFrom('kebijakan').select('id').where('id', '=', id).limit(1).execute();
  return r.length > 0;
}
