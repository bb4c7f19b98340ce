import type { IsoDate } from '../calendar/dates.ts';
import { type Pesan, pesan } from '../i18n/message.ts';
import type { EvaluasiHari, KeputusanOrang, RujukanAturan } from '../policy/evaluate.ts';

/** A cell of the schedule recap (CONTRACTS.md). */
export type StatusJadwal = 'WFO' | 'WFH' | 'PIKET' | 'CUTI' | 'SAKIT' | 'ISOLASI' | 'LIBUR';
export type Ketidakhadiran = 'CUTI' | 'SAKIT' | 'ISOLASI';

/** Soft goals, in the order the Pemda ranks them (earlier = more important). */
export type Sasaran = 'merata' | 'rotasi_piket' | 'kohort' | 'stabil' | 'permintaan';
export const URUTAN_SASARAN_BAKU: readonly Sasaran[] = [
  'merata',
  'rotasi_piket',
  'kohort',
  'stabil',
  'permintaan',
];

export interface MasukanJadwal {
  /** People to schedule (keys: NIP or id_pegawai), in a stable order. */
  readonly orang: readonly string[];
  /** The policy evaluation of each day, in date order. */
  readonly hari: readonly EvaluasiHari[];
  /** Approved leave, sickness and isolation: person → date → kind. */
  readonly tidakHadir?: ReadonlyMap<string, ReadonlyMap<IsoDate, Ketidakhadiran>>;
  /** Cells a unit head fixed: person → date → status. Kept as they are. */
  readonly kunci?: ReadonlyMap<string, ReadonlyMap<IsoDate, 'WFO' | 'WFH' | 'PIKET'>>;
  /** The published roster being rebuilt: person → date → status (fewer changes preferred). */
  readonly sebelumnya?: ReadonlyMap<string, ReadonlyMap<IsoDate, StatusJadwal>>;
  /** What people asked for: person → date → WFO or WFH. */
  readonly permintaan?: ReadonlyMap<string, ReadonlyMap<IsoDate, 'WFO' | 'WFH'>>;
  /** Keep the same people on the same days (team A / team B) so contacts stay within a team. */
  readonly kohort?: boolean;
  readonly urutanSasaran?: readonly Sasaran[];
  /** Tie-breaker; the same input and seed give the same roster. */
  readonly seed?: number;
}

export interface SelJadwal {
  readonly status: StatusJadwal;
  /** The policy rule behind the cell (null: no policy, leave, a lock, or a day off). */
  readonly sumber: RujukanAturan | null;
  readonly alasan: 'kebijakan' | 'batas' | 'piket' | 'kunci' | 'tidak_hadir' | 'libur' | 'tanpa_kebijakan';
}

/** A rule the roster could not meet, with why. It never breaks a cap silently. */
export interface Pelanggaran {
  readonly tanggal: IsoDate;
  readonly kode: 'BATAS_TERLAMPAUI' | 'MINIMUM_KURANG' | 'PIKET_KURANG' | 'KUNCI_TIDAK_HADIR';
  readonly kelompokId: string | null;
  readonly orang: readonly string[];
  readonly pesan: Pesan;
}

export interface HasilJadwal {
  /** person → date → cell */
  readonly sel: ReadonlyMap<string, ReadonlyMap<IsoDate, SelJadwal>>;
  readonly pelanggaran: readonly Pelanggaran[];
  /** Office days per person over the period (WFO + PIKET). */
  readonly hariKantor: ReadonlyMap<string, number>;
}

/** A small deterministic hash (FNV-1a) for tie-breaking. */
function hash(s: string, seed: number): number {
  return fnv((2166136261 ^ seed) >>> 0, s);
}

/** FNV-1a continued from state `h` over the characters of `s`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const DI_KANTOR = (s: StatusJadwal) => s === 'WFO' || s === 'PIKET';

type Alasan = SelJadwal['alasan'];

const STATUS_KE: Readonly<Record<StatusJadwal, number>> = {
  WFO: 0,
  WFH: 1,
  PIKET: 2,
  CUTI: 3,
  SAKIT: 4,
  ISOLASI: 5,
  LIBUR: 6,
};
const ALASAN_KE: Readonly<Record<Alasan, number>> = {
  kebijakan: 0,
  batas: 1,
  piket: 2,
  kunci: 3,
  tidak_hadir: 4,
  libur: 5,
  tanpa_kebijakan: 6,
};

/**
 * Cells are immutable and may be shared: those without a rule (days off, absences) are one object each,
 * and a cell equal to the one made just before (people of one unit and level come in a row) is reused.
 */
class Sel {
  private readonly tanpaSumber: (SelJadwal | undefined)[] = [];
  private last: SelJadwal | undefined;
  get(status: StatusJadwal, sumber: RujukanAturan | null, alasan: Alasan): SelJadwal {
    if (sumber === null) {
      const i = STATUS_KE[status] * 8 + ALASAN_KE[alasan];
      let c = this.tanpaSumber[i];
      if (!c) {
        c = { status, sumber, alasan };
        this.tanpaSumber[i] = c;
      }
      return c;
    }
    const l = this.last;
    if (l && l.sumber === sumber && l.status === status && l.alasan === alasan) return l;
    const c = { status, sumber, alasan };
    this.last = c;
    return c;
  }
}

/**
 * People as dense indexes: everyone to schedule first, then anyone else a group names (given an index when
 * first seen, never scheduled).
 */
class Indeks {
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

interface IndeksKelompok {
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
function harapanKantorSisa(
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

/**
 * Builds the schedule: one status per person per day. Hard rules — every cap, fixed WFO/WFH, piket
 * counts and eligibility, minimums, nobody unavailable scheduled to work, locked cells kept — are met
 * whenever the instance allows; otherwise the best roster is returned with each violation listed.
 * Soft goals (office days spread evenly within a cap group, piket rotated, cohorts, few changes,
 * requests) order the choices, greedily per day, in the Pemda's order — for piket too. 'merata' looks
 * ahead: office days so far plus those still expected (`harapanKantorSisa`). Per day: fixed cells; piket
 * (groups with the fewest seat-free candidates first; members of a minimum only piket can still meet
 * first); minimums; the free fill of every cap; minimums again from home; broken caps reported.
 * Deterministic for the same input and seed. Time and memory grow about linearly with people × days
 * (plus a sort per day): `npm run bench:roster`.
 */
export function solveRoster(m: MasukanJadwal): HasilJadwal {
  const seed = m.seed ?? 1;
  const urutan = m.urutanSasaran ?? URUTAN_SASARAN_BAKU;
  const n = m.orang.length;
  const ix = new Indeks(m.orang);
  const sel = new Map<string, Map<IsoDate, SelJadwal>>();
  const selOf: Map<IsoDate, SelJadwal>[] = m.orang.map((k) => {
    const s = new Map<IsoDate, SelJadwal>();
    sel.set(k, s);
    return s;
  });
  const cells = new Sel();
  const hariKantor: number[] = new Array(n).fill(0);
  const piketKali: number[] = new Array(n).fill(0);
  const pelanggaran: Pelanggaran[] = [];
  // Per-person inputs, looked up once.
  const absenOf = m.orang.map((k) => m.tidakHadir?.get(k));
  const kunciOf = m.orang.map((k) => m.kunci?.get(k));
  const sebelumnyaOf = m.orang.map((k) => m.sebelumnya?.get(k));
  const permintaanOf = m.orang.map((k) => m.permintaan?.get(k));
  // FNV state after each key, so that hash(`${k}|${d}`) continues with only "|" and the date.
  const hashAwal: number[] = [];
  const hashOf = (p: number) => {
    while (hashAwal.length <= p) hashAwal.push(fnv((2166136261 ^ seed) >>> 0, ix.keys[hashAwal.length]!));
    return hashAwal[p]!;
  };
  // Each person's tie-break hash for the day being scheduled, computed at most once a day.
  let hashHari = new Float64Array(0);
  let hashCap = new Int32Array(0);
  const hashPada = (p: number, dh: string) => {
    if (p >= hashHari.length) {
      const h = new Float64Array(Math.max(2 * p, n, 16));
      h.set(hashHari);
      const c = new Int32Array(h.length);
      c.set(hashCap);
      hashHari = h;
      hashCap = c;
    }
    if (hashCap[p] !== hariKe + 1) {
      hashHari[p] = fnv(hashOf(p), dh);
      hashCap[p] = hariKe + 1;
    }
    return hashHari[p]!;
  };
  // Cohort: a stable team per person (A = 0, B = 1), alternating by a hash rank.
  const tim: number[] = new Array(n).fill(0);
  if (m.kohort) {
    const sorted = m.orang
      .map((k, p) => ({ k, p, h: hash(k, seed) }))
      .sort((a, b) => a.h - b.h || a.k.localeCompare(b.k));
    for (const [i, x] of sorted.entries()) tim[x.p] = i % 2;
  }
  const D = m.hari.length;
  const { sisa, keputusan: keputusanHari, indeks: indeksHari } = harapanKantorSisa(m, ix);
  const SASARAN_KE: Readonly<Record<Sasaran, number>> = {
    merata: 0,
    rotasi_piket: 1,
    kohort: 2,
    stabil: 3,
    permintaan: 4,
  };
  const urutanKe = urutan.map((x) => SASARAN_KE[x]);
  let hariKerjaKe = 0;
  let hariKe = 0;
  // Per-day state, reused: the cell of each person, and each person's caps (compressed rows).
  let status: (SelJadwal | undefined)[] = [];
  let capCount = new Int32Array(0);
  let capStart = new Int32Array(0);
  let capList = new Int32Array(0);
  let fillAt = new Int32Array(0);
  let kunciBuf = new Float64Array(0);

  for (const ev of m.hari) {
    const d = ev.tanggal;
    const groups = ev.kelompok;
    const ig = indeksHari[hariKe]!;
    const dh = `|${d}`;
    const capGi = groups.flatMap((g, gi) => (g.jenis === 'batas_kantor' ? [gi] : []));
    const caps = capGi.map((gi) => groups[gi]!);
    const capMembers = capGi.map((gi) => ig[gi]!.anggota);
    const LIBUR = cells.get('LIBUR', null, 'libur');
    const N = ix.keys.length;
    if (status.length < N) {
      status = new Array(N);
      capCount = new Int32Array(N);
      capStart = new Int32Array(N + 1);
    }
    status.fill(undefined);
    capCount.fill(0);
    for (const ps of capMembers) for (const p of ps) capCount[p]!++;
    capStart[0] = 0;
    for (let p = 0; p < N; p++) capStart[p + 1] = capStart[p]! + capCount[p]!;
    if (capList.length < capStart[N]!) capList = new Int32Array(capStart[N]! * 2);
    if (fillAt.length < N) fillAt = new Int32Array(N);
    fillAt.set(capStart.subarray(0, N));
    for (const [c, ps] of capMembers.entries()) for (const p of ps) capList[fillAt[p]!++] = c;
    const maks = caps.map((g) => g.maks!);
    const dihitungPiket = caps.map((g) => g.piketDihitung);
    // People at the office per cap, kept up to date as cells are set.
    const hitung = new Int32Array(caps.length);
    const adaBatas = (p: number) => capStart[p + 1]! > capStart[p]!;
    const diHitungSemua = (p: number) => {
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) if (!dihitungPiket[capList[j]!]) return false;
      return true;
    };
    const dihitung = (c: number, s: SelJadwal | undefined) =>
      s !== undefined && (s.status === 'WFO' || (s.status === 'PIKET' && dihitungPiket[c]!));
    const set = (p: number, s: SelJadwal) => {
      const prev = status[p];
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) {
        const c = capList[j]!;
        hitung[c] = hitung[c]! + (dihitung(c, s) ? 1 : 0) - (dihitung(c, prev) ? 1 : 0);
      }
      status[p] = s;
    };
    const muat = (p: number, piket: boolean) => {
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) {
        const c = capList[j]!;
        if (!(piket && !dihitungPiket[c]) && hitung[c]! >= maks[c]!) return false;
      }
      return true;
    };
    const kepOf = keputusanHari[hariKe]!;
    const keputusan = (p: number) => (p < n ? kepOf[p] : undefined);

    // 1. Days off, absences, locks, fixed locations.
    for (let p = 0; p < n; p++) {
      const k = m.orang[p]!;
      const kep = kepOf[p];
      const absen = absenOf[p]?.get(d);
      const kunci = kunciOf[p]?.get(d);
      if (!kep || kep.lokasi === 'LIBUR') {
        set(p, LIBUR);
        continue;
      }
      if (absen) {
        set(p, cells.get(absen, null, 'tidak_hadir'));
        if (kunci) {
          pelanggaran.push({
            tanggal: d,
            kode: 'KUNCI_TIDAK_HADIR',
            kelompokId: null,
            orang: [k],
            pesan: pesan(
              `${k} dikunci ${kunci} pada ${d} tetapi ${absen.toLowerCase()}; ketidakhadiran yang berlaku`,
              `${k} is locked to ${kunci} on ${d} but is on ${absen.toLowerCase()}; the absence stands`,
            ),
          });
        }
        continue;
      }
      if (kunci) {
        set(p, cells.get(kunci, kep.sumber, 'kunci'));
        continue;
      }
      if (kep.lokasi === 'WFO' || kep.lokasi === 'WFH')
        set(p, cells.get(kep.lokasi, kep.sumber, kep.sumber ? 'kebijakan' : 'tanpa_kebijakan'));
    }
    const tersedia = (p: number) => {
      const c = status[p];
      return c === undefined || (c.alasan === 'kebijakan' && c.status === 'WFH');
    };

    // Soft-goal keys of each candidate, in the Pemda's order, then the hash; compared left to right. Goals
    // that cannot tell people apart for this purpose (the same value for everyone) are left out.
    const urutkan = (ps: readonly number[], untuk: 'kantor' | 'piket'): number[] => {
      const kolom = urutanKe.filter(
        (s) =>
          s === 0 ||
          (s === 1 && untuk === 'piket') ||
          (s === 2 && m.kohort) ||
          (s === 3 && m.sebelumnya !== undefined) ||
          (s === 4 && m.permintaan !== undefined),
      );
      const L = kolom.length + 1;
      if (kunciBuf.length < ps.length * L) kunciBuf = new Float64Array(ps.length * L * 2);
      const sc = kunciBuf;
      const iM = kolom.indexOf(0);
      for (let j = 0; j < ps.length; j++) {
        const p = ps[j]!;
        const o = j * L;
        for (let i = 0; i < kolom.length; i++) {
          const s = kolom[i];
          let v = 0;
          if (p < n) {
            if (s === 0) v = hariKantor[p]! + sisa[p * D + hariKe]!;
            else if (s === 1) v = piketKali[p]!;
            else if (s === 2) v = tim[p] === hariKerjaKe % 2 ? 0 : 1;
            else if (s === 3) {
              const prev = sebelumnyaOf[p]?.get(d);
              v = prev === undefined ? 0 : (untuk === 'piket' ? prev === 'PIKET' : DI_KANTOR(prev)) ? 0 : 1;
            } else {
              // asked for the office first, then no request, then asked for home
              const want = permintaanOf[p]?.get(d);
              v = want === 'WFO' ? 0 : want === undefined ? 1 : 2;
            }
          }
          sc[o + i] = v;
        }
        sc[o + kolom.length] = hashPada(p, dh);
      }
      if (untuk === 'piket' && iM >= 0) {
        // Piket changes how evenly office days are spread only where it is an office day on top of the
        // caps (not counted in one): then 'merata' orders the candidates, those in no cap group getting the
        // best cap-group candidate's value; otherwise piket takes a seat like anyone else and rotates.
        let tambahan = false;
        for (let j = 0; j < ps.length && !tambahan; j++)
          tambahan = adaBatas(ps[j]!) && !diHitungSemua(ps[j]!);
        let best = Number.POSITIVE_INFINITY;
        if (tambahan)
          for (let j = 0; j < ps.length; j++) if (adaBatas(ps[j]!)) best = Math.min(best, sc[j * L + iM]!);
        for (let j = 0; j < ps.length; j++)
          if (!tambahan) sc[j * L + iM] = 0;
          else if (!adaBatas(ps[j]!)) sc[j * L + iM] = best === Number.POSITIVE_INFINITY ? 0 : best;
      }
      const order = new Array<number>(ps.length);
      for (let j = 0; j < ps.length; j++) order[j] = j;
      order.sort((a, b) => {
        const oa = a * L;
        const ob = b * L;
        for (let i = 0; i < L; i++) {
          const x = sc[oa + i]!;
          const y = sc[ob + i]!;
          if (x !== y) return x - y;
        }
        const ka = ix.keys[ps[a]!]!;
        const kb = ix.keys[ps[b]!]!;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      for (let j = 0; j < ps.length; j++) order[j] = ps[order[j]!]!;
      return order;
    };

    const bebas = (p: number) => status[p] === undefined && keputusan(p)?.lokasi === 'BEBAS';
    const minGi = groups.flatMap((g, gi) => (g.jenis === 'minimum_kantor' ? [gi] : []));
    const minimums = minGi.map((gi) => groups[gi]!);
    const minMembers = minGi.map((gi) => ig[gi]!.anggota);
    // Each person's minimum groups (compressed rows, like the caps).
    const minStart = new Int32Array(N + 1);
    for (const ps of minMembers) for (const p of ps) minStart[p + 1]!++;
    for (let p = 0; p < N; p++) minStart[p + 1] = minStart[p + 1]! + minStart[p]!;
    const minList = new Int32Array(minStart[N]!);
    const minAt = minStart.slice(0, N);
    for (const [i, ps] of minMembers.entries()) for (const p of ps) minList[minAt[p]!++] = i;
    /**
     * Whether a minimum can no longer be met without piket: those at the office plus the free members whose
     * caps still have room are fewer than it asks (the others are away, at home by policy, or capped).
     */
    const hanyaPiket = (i: number) => {
      let bisa = 0;
      for (const p of minMembers[i]!)
        if (DI_KANTOR(status[p]?.status ?? 'LIBUR') || (bebas(p) && muat(p, false))) bisa++;
      return bisa < minimums[i]!.min!;
    };

    // 2. Piket: the required number from the eligible, rotating duty. Groups with the fewest candidates who
    // take no seat under a cap go first, so that those with no other choice still find room in a shared cap.
    // Within a group, members of a minimum that only piket can still meet come first (a hard rule).
    const tanpaKursi = (p: number) => {
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) if (dihitungPiket[capList[j]!]) return false;
      return true;
    };
    const piketGroups = groups
      .flatMap((g, gi) => (g.jenis === 'piket' ? [{ g, gi }] : []))
      .map(({ g, gi }, i) => {
        const boleh = ig[gi]!.boleh;
        const anggota = ig[gi]!.anggota;
        let bebas = 0;
        for (const p of boleh) if (tersedia(p) && tanpaKursi(p)) bebas++;
        return { g, i, boleh, anggota, lapang: bebas - g.jumlahPiket! };
      })
      .sort((a, b) => a.lapang - b.lapang || a.i - b.i);
    for (const { g, boleh, anggota } of piketGroups) {
      let sudah = 0;
      for (const p of anggota) if (status[p]?.status === 'PIKET') sudah++;
      let perlu = g.jumlahPiket! - sudah;
      const calon = urutkan(
        boleh.filter((p) => tersedia(p) && status[p]?.status !== 'PIKET'),
        'piket',
      );
      if (minimums.length > 0 && perlu > 0) {
        const perluMin = new Map<number, boolean>();
        const dulu = (p: number) => {
          for (let j = minStart[p]!; j < minStart[p + 1]!; j++) {
            const i = minList[j]!;
            let v = perluMin.get(i);
            if (v === undefined) {
              v = hanyaPiket(i);
              perluMin.set(i, v);
            }
            if (v) return true;
          }
          return false;
        };
        const depan = calon.filter(dulu);
        if (depan.length > 0) {
          const sisaCalon = calon.filter((p) => !dulu(p));
          calon.length = 0;
          calon.push(...depan, ...sisaCalon);
        }
      }
      const piketSel = cells.get('PIKET', g.sumber, 'piket');
      for (const p of calon) {
        if (perlu <= 0) break;
        if (!muat(p, true)) continue;
        set(p, piketSel);
        perlu--;
      }
      if (perlu > 0) {
        pelanggaran.push({
          tanggal: d,
          kode: 'PIKET_KURANG',
          kelompokId: g.id,
          orang: [],
          pesan: pesan(
            `${g.grupKode} ${d}: perlu ${g.jumlahPiket} piket, hanya ${g.jumlahPiket! - perlu} yang dapat ditunjuk (tersedia dan dalam batas)`,
            `${g.grupKode} ${d}: ${g.jumlahPiket} on duty needed, only ${g.jumlahPiket! - perlu} could be appointed (available and within caps)`,
          ),
        });
      }
    }

    // 3. Minimums first: where one is not met yet, bring in free members (fairest first) within their caps,
    // before the seats of a shared cap go to people of other groups. Free people under no cap come anyway.
    const datang = (p: number) => DI_KANTOR(status[p]?.status ?? 'LIBUR') || (bebas(p) && !adaBatas(p));
    for (const [gi, g] of minimums.entries()) {
      const anggota = minMembers[gi]!;
      let kurang = g.min! - anggota.filter(datang).length;
      if (kurang <= 0) continue;
      for (const p of urutkan(
        anggota.filter((p) => bebas(p) && adaBatas(p)),
        'kantor',
      )) {
        if (kurang <= 0) break;
        if (!muat(p, false)) continue;
        set(p, cells.get('WFO', keputusan(p)!.sumber, 'batas'));
        kurang--;
      }
    }

    // 4. Free people: fill each cap up to its maximum, fairest first; the rest work from home.
    const semuaBebas: number[] = [];
    for (let p = 0; p < n; p++) if (bebas(p)) semuaBebas.push(p);
    for (const p of urutkan(semuaBebas, 'kantor')) {
      const sumber = keputusan(p)!.sumber;
      if (!adaBatas(p)) set(p, cells.get('WFO', sumber, 'kebijakan'));
      else if (muat(p, false)) set(p, cells.get('WFO', sumber, 'batas'));
      else set(p, cells.get('WFH', sumber, 'batas'));
    }

    // 5. Minimums: bring people in from home where a cap allows.
    for (const [gi, g] of minimums.entries()) {
      const anggota = minMembers[gi]!;
      let kurang = g.min! - anggota.filter((p) => DI_KANTOR(status[p]?.status ?? 'LIBUR')).length;
      if (kurang <= 0) continue;
      const calon = anggota.filter((p) => {
        const c = status[p];
        return c && c.status === 'WFH' && c.alasan === 'batas';
      });
      for (const p of urutkan(calon, 'kantor')) {
        if (kurang <= 0) break;
        if (!muat(p, false)) continue;
        const c = status[p]!;
        set(p, cells.get('WFO', c.sumber, c.alasan));
        kurang--;
      }
      if (kurang > 0) {
        pelanggaran.push({
          tanggal: d,
          kode: 'MINIMUM_KURANG',
          kelompokId: g.id,
          orang: [],
          pesan: pesan(
            `${g.grupKode} ${d}: minimum ${g.min} di kantor tidak tercapai (kurang ${kurang}); batas kantor atau ketidakhadiran tidak mengizinkan lebih`,
            `${g.grupKode} ${d}: the minimum of ${g.min} at the office is not met (${kurang} short); caps or absences allow no more`,
          ),
        });
      }
    }

    // 6. Caps broken by locks or fixed cells: never silent.
    for (const [c, g] of caps.entries()) {
      const jumlah = hitung[c]!;
      if (jumlah > g.maks!) {
        const who = capMembers[c]!.filter((p) => dihitung(c, status[p]));
        pelanggaran.push({
          tanggal: d,
          kode: 'BATAS_TERLAMPAUI',
          kelompokId: g.id,
          orang: who.filter((p) => status[p]!.alasan === 'kunci').map((p) => ix.keys[p]!),
          pesan: pesan(
            `${g.grupKode} ${d}: ${jumlah} dari ${g.anggota.length} orang di kantor; batasnya ${g.maks} (sel yang dikunci kepala unit melampauinya)`,
            `${g.grupKode} ${d}: ${jumlah} of ${g.anggota.length} at the office; the cap is ${g.maks} (cells locked by the unit head exceed it)`,
          ),
        });
      }
    }

    const TANPA = cells.get('WFO', null, 'tanpa_kebijakan');
    for (let p = 0; p < n; p++) {
      const c = status[p] ?? TANPA;
      selOf[p]!.set(d, c);
      if (DI_KANTOR(c.status)) hariKantor[p]!++;
      if (c.status === 'PIKET') piketKali[p]!++;
    }
    if (ev.hariKerja) hariKerjaKe++;
    hariKe++;
  }
  return { sel, pelanggaran, hariKantor: new Map(m.orang.map((k, p) => [k, hariKantor[p]!])) };
}
