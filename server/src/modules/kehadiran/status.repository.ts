import type { Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';

// Reads for each person's day (status.service.ts): the accepted punches and the approved dinas luar of
// many people over a period, a chunk of people per statement.

/** People per statement: one array parameter (`= any($n)`), small enough to hold PGlite only briefly. */
const CHUNK = 1000;

/** The accepted events (hasil 'diterima', or 'ditinjau' accepted on review) of some people from `dari` (inclusive) to `sampai` (exclusive). */
export async function ketukanDiterima(trx: Trx, pegawaiIds: readonly string[], dari: Date, sampai: Date) {
  const out: { id: string; pegawai_id: string | null; waktu: Date; jenis: 'masuk' | 'pulang' | null }[] = [];
  for (const chunk of potong(new Set(pegawaiIds), CHUNK)) {
    out.push(
      ...(await trx
        .selectFrom('kehadiran')
        .select(['id', 'pegawai_id', 'waktu', 'jenis'])
        .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(chunk))))
        // accepted, or sent to review and accepted there (0012_tinjau.sql)
        .where((eb) =>
          eb.or([
            eb('hasil', '=', 'diterima'),
            eb.and([
              eb('hasil', '=', 'ditinjau'),
              eb.exists(
                eb
                  .selectFrom('tinjau_absen as t')
                  .select('t.kehadiran_id')
                  .whereRef('t.tenant_id', '=', 'kehadiran.tenant_id')
                  .whereRef('t.kehadiran_id', '=', 'kehadiran.id')
                  .where('t.status', '=', 'diterima'),
              ),
            ]),
          ]),
        )
        .where('waktu', '>=', dari)
        .where('waktu', '<', sampai)
        .execute()),
    );
  }
  return out;
}

/** Approved dinas luar of some people overlapping [dari, sampai] (dates, inclusive). */
export async function dinasLuarDisetujui(
  trx: Trx,
  pegawaiIds: readonly string[],
  dari: string,
  sampai: string,
) {
  const out: { pegawai_id: string; dari: string; sampai: string; nomor_surat: string; tujuan: string }[] = [];
  for (const chunk of potong(new Set(pegawaiIds), CHUNK)) {
    out.push(
      ...(await trx
        .selectFrom('dinas_luar')
        .select(['pegawai_id', 'dari', 'sampai', 'nomor_surat', 'tujuan'])
        .where((eb) => eb('pegawai_id', '=', eb.fn.any(eb.val(chunk))))
        .where('status', '=', 'disetujui')
        .where('dari', '<=', sampai)
        .where('sampai', '>=', dari)
        .execute()),
    );
  }
  return out;
}
