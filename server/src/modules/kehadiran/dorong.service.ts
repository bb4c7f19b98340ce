import { bacaLogKehadiran, PANJANG_BARIS_MAKS, pesan } from '@sigap/domain';
import type { SigapDatabase } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { simpanKiriman } from './antrean-kiriman.ts';
import type { BarisHasil, HasilImporLog } from './kehadiran.service.ts';
import type { PerangkatPengirim } from './token.service.ts';

// A terminal's live push (POST /api/perangkat/kejadian; docs/kehadiran.md, "Kiriman langsung dari
// mesin"): the punches it just took, as attlog lines, stored the way an imported log is (the same reader,
// the same PIN table, the same unique punch), and answered only once they are committed.

/** The most a push may hold: its body and its non-blank lines. A longer backlog goes in several pushes. */
export const BATAS_KIRIMAN = { byte: 512 * 1024, baris: 1_000 } as const;

/** Punches later than the server's clock plus this are refused (the terminal's clock is wrong). */
const TOLERANSI_JAM_MS = 15 * 60_000;

export interface HasilKiriman {
  readonly perangkat: { readonly id: string; readonly kode: string };
  readonly jumlah: HasilImporLog['jumlah'];
  readonly rincian: readonly BarisHasil[];
}

/**
 * Reads a push (attlog only: a terminal names no other device, so the CSV form, whose `perangkat` column
 * could, is refused) and stores every readable line of a known person placed that day in one transaction
 * (shared with the pushes arriving beside it, antrean-kiriman.ts); every other line
 * is listed with its reason. The push is at most {@link BATAS_KIRIMAN}, so it is read here, on the request
 * thread, in well under a millisecond per hundred lines (a worker's round trip would cost more); logs of
 * any size go through `sigap attendance import` or POST /api/kehadiran/impor, read in a worker.
 */
export async function terimaKiriman(
  sdb: SigapDatabase,
  p: PerangkatPengirim,
  teks: string,
): Promise<HasilKiriman> {
  const r = bacaLogKehadiran(
    teks,
    p.zona,
    { baris: BATAS_KIRIMAN.baris, panjangBaris: PANJANG_BARIS_MAKS },
    new Date(Date.now() + TOLERANSI_JAM_MS).toISOString(),
  );
  if (!r.ok) {
    if (r.kode === 'TERLALU_BANYAK_BARIS')
      throw new AppError(
        'BERKAS_TERLALU_BESAR',
        pesan(
          `Kiriman berisi lebih dari ${BATAS_KIRIMAN.baris.toLocaleString('id-ID')} baris; kirim sisanya dalam beberapa kiriman; tidak ada yang disimpan`,
          `The push holds more than ${BATAS_KIRIMAN.baris.toLocaleString('en-US')} lines; send the rest in several pushes; nothing was stored`,
        ),
      );
    throw new AppError(
      'BERKAS_TIDAK_SAH',
      pesan(
        'Kiriman bukan baris attlog (PIN<TAB>TTTT-BB-HH JJ:MM:DD<TAB>verifikasi<TAB>status…); tidak ada yang disimpan',
        'The push holds no attlog line (PIN<TAB>YYYY-MM-DD HH:MM:SS<TAB>verify<TAB>state…); nothing was stored',
      ),
    );
  }
  if (r.format !== 'attlog')
    throw new AppError(
      'BERKAS_TIDAK_SAH',
      pesan(
        'Mesin mengirim baris attlog (PIN<TAB>waktu<TAB>…), bukan CSV; log CSV diimpor lewat halaman impor atau `sigap attendance import`; tidak ada yang disimpan',
        'A terminal sends attlog lines (PIN<TAB>time<TAB>…), not CSV; CSV logs are imported on the import page or with `sigap attendance import`; nothing was stored',
      ),
    );
  // Stored with the pushes of the same Pemda arriving at the same time: one statement, one commit
  // (antrean-kiriman.ts); answered after that commit, with this push's own per-line results.
  const log = { format: r.format, punches: r.punches, takTerbaca: r.takTerbaca };
  const h = await simpanKiriman(sdb, { tenantId: p.tenantId, perangkat: p.perangkat, log });
  return { perangkat: { id: p.perangkat.id, kode: p.perangkat.kode }, jumlah: h.jumlah, rincian: h.rincian };
}
