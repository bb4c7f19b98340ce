import type { KeputusanOrang } from '../kebijakan/evaluate.ts';
import type { MasukanJadwal } from './tipe.ts';

/**
 * People as dense indexes: everyone to schedule first, then anyone else a group names (given an index when
 * first seen, never scheduled).
 */
export class Indeks {
  readonly keys: string[];
  private readonly idx: Map<string, number>;
  constructor(orang: readonly string[]) {
    this.keys = [...orang];
    this.idx = new Map(orang.map((k, i) => [k, i]));
  }
  of(k: string): number {
    let i = this.idx.get(k);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(k);
      this.idx.set(k, i);
    }
    return i;
  }
  private readonly lastById = new Map<string, { ks: readonly string[]; idx: readonly number[] }>();
  /** The indexes of a group's people, reused from the day before under the group's id when the list is the same. */
  all(ks: readonly string[], id: string): readonly number[] {
    const prev = this.lastById.get(id);
    if (prev && prev.ks.length === ks.length) {
      let same = true;
      for (let j = 0; j < ks.length && same; j++) same = ks[j] === prev.ks[j];
      if (same) {
        if (prev.ks !== ks) this.lastById.set(id, { ks, idx: prev.idx });
        return prev.idx;
      }
    }
    const a = new Array<number>(ks.length);
    for (let j = 0; j < ks.length; j++) a[j] = this.of(ks[j]!);
    this.lastById.set(id, { ks, idx: a });
    return a;
  }
}

export interface IndeksKelompok {
  readonly anggota: readonly number[];
  /** piket: who may be appointed */
  readonly boleh: readonly number[];
}

/**
 * For 'merata': per person (index p < orang.length) and day index i, at [p * days + i], the office days still
 * expected after day i — 1 for a fixed or locked office day, 0 for a day off or an absence, otherwise the
 * share of the person's tightest cap (maks over the people available in the group that day; 0 at home by
 * policy) plus the chance of piket (the group's count over those who may be appointed), at most 1. Ordering
 * by office days so far plus this lets someone about to be away come in earlier, so that the totals over
 * the period end up even.
 */
export function harapanKantorSisa(
  m: MasukanJadwal,
  ix: Indeks,
): { sisa: Float64Array; keputusan: (KeputusanOrang | undefined)[][]; indeks: IndeksKelompok[][] } {
  const n = m.orang.length;
  const D = m.hari.length;
  const out = new Float64Array(n * D);
  // Each person's decision per day, looked up once here and kept for the schedule itself.
  const keputusan: (KeputusanOrang | undefined)[][] = [];
  // Each day's groups as indexes (aligned with ev.kelompok), also kept for the schedule.
  const indeks: IndeksKelompok[][] = [];
  const absen = m.orang.map((k) => m.tidakHadir?.get(k));
  const kunci = m.orang.map((k) => m.kunci?.get(k));
  const bagian = new Float64Array(n);
  const piket = new Float64Array(n);
  // Per day: 0 away (day off, no decision, absent), else 1 WFO, 2 WFH, 3 BEBAS.
  const lokasi = new Uint8Array(n);
  for (const [i, ev] of m.hari.entries()) {
    const d = ev.tanggal;
    const kepHari = new Array<KeputusanOrang | undefined>(n);
    keputusan.push(kepHari);
    for (let p = 0; p < n; p++) {
      const kep = ev.orang.get(m.orang[p]!);
      kepHari[p] = kep;
      lokasi[p] =
        kep === undefined || kep.lokasi === 'LIBUR' || absen[p]?.get(d) !== undefined
          ? 0
          : kep.lokasi === 'WFO'
            ? 1
            : kep.lokasi === 'WFH'
              ? 2
              : 3;
    }
    const hadir = (p: number) => p < n && lokasi[p] !== 0;
    bagian.fill(2);
    piket.fill(0);
    const ig = ev.kelompok.map(
      (g): IndeksKelompok => ({
        anggota: ix.all(g.anggota, g.id),
        boleh: g.jenis === 'piket' ? ix.all(g.bolehPiket ?? [], `${g.id}|boleh`) : [],
      }),
    );
    indeks.push(ig);
    for (const [gi, g] of ev.kelompok.entries()) {
      if (g.jenis === 'batas_kantor') {
        const anggota = ig[gi]!.anggota;
        let ada = 0;
        for (const p of anggota) if (hadir(p) && kunci[p]?.get(d) !== 'WFH') ada++;
        const r = ada === 0 ? 0 : Math.min(1, g.maks! / ada);
        for (const p of anggota) if (p < n && r < bagian[p]!) bagian[p] = r;
      } else if (g.jenis === 'piket') {
        // Piket brings people in too (from home as well): the group's count over those who may be appointed.
        const calon = ig[gi]!.boleh.filter((p) => hadir(p) && kunci[p]?.get(d) === undefined);
        for (const p of calon) piket[p] = piket[p]! + g.jumlahPiket! / calon.length;
      }
    }
    for (let p = 0; p < n; p++) {
      let e = 0;
      const l = lokasi[p]!;
      if (l !== 0) {
        const kc = kunci[p]?.get(d);
        const b = bagian[p]! > 1 ? 1 : bagian[p]!;
        e = kc ? (kc === 'WFH' ? 0 : 1) : l === 1 ? 1 : Math.min(1, (l === 2 ? 0 : b) + piket[p]!);
      }
      out[p * D + i] = e;
    }
  }
  // Turn per-day expectations into sums over the days after each day.
  for (let p = 0; p < n; p++) {
    let acc = 0;
    for (let i = D - 1; i >= 0; i--) {
      const e = out[p * D + i]!;
      out[p * D + i] = acc;
      acc += e;
    }
  }
  return { sisa: out, keputusan, indeks };
}
