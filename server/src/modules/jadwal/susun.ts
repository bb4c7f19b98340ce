import {
  type EvaluasiHari,
  evaluateDay,
  type MasukanJadwal,
  type Pelanggaran,
  solveRoster,
} from '@sigap/domain';
import type { BahanEvaluasi } from '../kebijakan/kebijakan.service.ts';

/** What a schedule build hands to the worker thread: the organisation per stretch and the solver's input. */
export interface MasukanSusun extends Omit<MasukanJadwal, 'hari'> {
  /** The materials of each stretch of the period in which the organisation does not change. */
  readonly segmen: readonly { readonly dari: string; readonly b: BahanEvaluasi }[];
  /** The days of the period, in order. */
  readonly tanggal: readonly string[];
}

/** The cells to store, column by column (fast to pass between threads), and the rules not met. */
export interface HasilSusun {
  readonly pelanggaran: readonly Pelanggaran[];
  readonly jumlah: Record<string, number>;
  readonly sel: {
    readonly pegawaiId: string[];
    readonly tanggal: string[];
    readonly status: string[];
    readonly kebijakanId: (string | null)[];
    readonly kebijakanVersi: (number | null)[];
    readonly aturanId: (string | null)[];
    readonly alasan: string[];
  };
}

/**
 * The CPU-heavy part of a schedule build, run in the solver's worker thread: the policies evaluated for
 * every day (each day against the organisation as it stands that day), the roster solved, and its
 * cells laid out for storing (none on days a person is not in the organisation).
 */
export function susun(m: MasukanSusun): HasilSusun {
  const { segmen, tanggal, ...masukan } = m;
  const hari: EvaluasiHari[] = [];
  let i = 0;
  for (const d of tanggal) {
    while (i + 1 < segmen.length && segmen[i + 1]!.dari <= d) i++;
    const b = segmen[i]!.b;
    hari.push(evaluateDay(b.kebijakan, b.org, d, b.kal, b.konteks));
  }
  const r = solveRoster({ ...masukan, hari });
  const idOf = new Map<string, string>();
  for (const s of segmen) for (const [k, p] of s.b.orang) idOf.set(k, p.id);
  const hariKe = new Map(hari.map((ev) => [ev.tanggal, ev]));
  const sel: HasilSusun['sel'] = {
    pegawaiId: [],
    tanggal: [],
    status: [],
    kebijakanId: [],
    kebijakanVersi: [],
    aturanId: [],
    alasan: [],
  };
  const jumlah: Record<string, number> = {};
  for (const k of masukan.orang) {
    const pid = idOf.get(k)!;
    for (const [d, c] of r.sel.get(k)!) {
      // no cell on days the person is not (yet, or any more) in the organisation
      if (!hariKe.get(d)!.orang.has(k)) continue;
      sel.pegawaiId.push(pid);
      sel.tanggal.push(d);
      sel.status.push(c.status);
      sel.kebijakanId.push(c.sumber?.kebijakanId ?? null);
      sel.kebijakanVersi.push(c.sumber?.versi ?? null);
      sel.aturanId.push(c.sumber?.aturanId ?? null);
      sel.alasan.push(c.alasan);
      jumlah[c.status] = (jumlah[c.status] ?? 0) + 1;
    }
  }
  return { pelanggaran: r.pelanggaran, jumlah, sel };
}
