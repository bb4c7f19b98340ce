import {
  type EvaluasiHari,
  evaluateDay,
  type JabatanLevel,
  type JenisPegawai,
  type MasukanJadwal,
  type OrgPegawai,
  type Pelanggaran,
  type PreparedOrg,
  solveJadwal,
} from '@sigap/domain';
import type { BahanEvaluasi } from '../../evaluasi/evaluasi.service.ts';

/** What a schedule build hands to the worker thread: the organisation per stretch and the solver's input. */
export interface MasukanSusun extends Omit<MasukanJadwal, 'hari'> {
  /** The materials of each stretch of the period in which the organisation does not change. */
  readonly segmen: readonly { readonly dari: string; readonly b: BahanEvaluasi }[];
  /** The days of the period, in order. */
  readonly tanggal: readonly string[];
}

/**
 * A stretch's materials as sent to the worker thread: the people as columns of strings. Posting a
 * 50,000-person organisation as objects (the prepared org's people, its index by key and the people
 * map: 150,000 objects) cost about half a second of the server's thread in structured cloning;
 * columns of strings clone many times faster, and the worker rebuilds the objects (`bukaBahan`).
 */
export interface BahanKemas extends Omit<BahanEvaluasi, 'org' | 'orang'> {
  readonly units: PreparedOrg['units'];
  readonly kodeDikenal: PreparedOrg['kodeDikenal'];
  readonly org: {
    key: string[];
    nama: string[];
    jenisPegawai: string[];
    jabatanLevel: string[];
    opdId: string[];
  };
  readonly orang: { key: string[]; id: string[]; nama: string[]; opdId: string[] };
}

export type MasukanSusunKemas = Omit<MasukanSusun, 'segmen'> & {
  readonly segmen: readonly { readonly dari: string; readonly b: BahanKemas }[];
};

export function kemasBahan(b: BahanEvaluasi): BahanKemas {
  const { org: o, orang: x, ...lain } = b;
  const org: BahanKemas['org'] = { key: [], nama: [], jenisPegawai: [], jabatanLevel: [], opdId: [] };
  for (const p of o.pegawai) {
    org.key.push(p.key);
    org.nama.push(p.nama);
    org.jenisPegawai.push(p.jenisPegawai);
    org.jabatanLevel.push(p.jabatanLevel);
    org.opdId.push(p.opdId);
  }
  const orang: BahanKemas['orang'] = { key: [], id: [], nama: [], opdId: [] };
  for (const [k, p] of x) {
    orang.key.push(k);
    orang.id.push(p.id);
    orang.nama.push(p.nama);
    orang.opdId.push(p.opdId);
  }
  return { ...lain, units: o.units, kodeDikenal: o.kodeDikenal, org, orang };
}

export function bukaBahan(k: BahanKemas): BahanEvaluasi {
  const { units, kodeDikenal, org: o, orang: x, ...lain } = k;
  const pegawai: OrgPegawai[] = o.key.map((key, i) => ({
    key,
    nama: o.nama[i]!,
    jenisPegawai: o.jenisPegawai[i] as JenisPegawai,
    jabatanLevel: o.jabatanLevel[i] as JabatanLevel,
    opdId: o.opdId[i]!,
  }));
  return {
    ...lain,
    org: { units, kodeDikenal, pegawai, byKey: new Map(pegawai.map((p) => [p.key, p])) },
    orang: new Map(x.key.map((key, i) => [key, { id: x.id[i]!, nama: x.nama[i]!, opdId: x.opdId[i]! }])),
  };
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
  const r = solveJadwal({ ...masukan, hari });
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
