import type { IsoDate } from '../calendar/dates.ts';
import { pesan } from '../i18n/message.ts';
import type { RujukanAturan } from '../policy/evaluate.ts';
import { bandingTeks } from '../urutan.ts';
import { harapanKantorSisa, Indeks } from './harapan.ts';
import { type Baris, baris, type HariTersimpan } from './hari.ts';
import {
  type KonteksRatakan,
  PASANGAN_MAKS,
  RANTAI_DASAR,
  RANTAI_PER_ORANG,
  TIADA,
} from './perbaikan/state.ts';
import { DI_KANTOR, J_KANTOR, J_PIKET, J_RUMAH, J_RUMAH_ATURAN, jenisSel, Sel } from './sel.ts';
import {
  type HasilJadwal,
  type MasukanJadwal,
  type OpsiSolve,
  type Pelanggaran,
  type Sasaran,
  type SelJadwal,
  URUTAN_SASARAN_BAKU,
} from './tipe.ts';

export * from './tipe.ts';

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

/**
 * The improvement pass ('merata', step 7 of `solveRoster`): moves office days (WFO + PIKET over the period)
 * from people with more to people with fewer, in each cap group, where the greedy days left them uneven — the
 * measure of bench/roster: range = most − fewest office days among the group's members, then Σ |office days −
 * the group's median|.
 *
 * Moves. A transfer takes one office day from one person (or from nobody, TIADA) and gives it to another (or
 * to nobody), by changing cells on one day — only cells the schedule chose: a seat within caps (alasan
 * 'batas'), a piket duty (alasan 'piket'), someone at home by a rule who may be called in for piket —
 *   - a seat exchange (one at the office goes home, one at home comes in) or a piket hand-over (to someone
 *     eligible at home in the same piket groups);
 *   - a composite exchange through a pivot between a seat and a duty (K1, K2 below), where it lets an office
 *     day appear or disappear (piket not counted in a cap);
 *   - remove-and-fill / add-and-eject: someone leaves the office (or comes in) and the idle seats (or the
 *     overfull caps) this makes are filled by those with the fewest office days (or emptied of those with the
 *     most);
 *   - a chain of exchanges on different days (breadth-first over a group's members; only the ends change);
 *   - a pair of transfers judged together, for where one alone evens one group and unevens another.
 * Searched from each group's members with the most office days (giving) and with the fewest (taking), towards
 * the people an accepted transfer could reach (members, piket mates; for pairs also the members of the groups
 * around them). Groups are searched in rounds, smaller first; a group changed by another's transfer is
 * searched again.
 *
 * Hard rules. Every change is checked against every rule of its day before it is kept: no cap that gains
 * someone is over its maximum, no minimum falls short, nobody free is left at home with room at the office
 * ("no idle seat"), piket counts and eligibility stay, fixed, locked and absent cells are not touched, and no
 * reported shortfall or excess changes (the violations reported stay exactly as the greedy found them).
 *
 * Acceptance. A transfer is kept only if no cap group's range grows and the sum over the cap groups of
 * (range, deviation from the median, Σ office days²) falls, compared in that order: so the pass ends, and it
 * never leaves a group more uneven than the greedy did. Soft goals ranked above 'merata' are never made worse
 * by an exchange (each pair of people compared by the goal's key; piket rotation: a duty only goes to someone
 * with fewer); those below only when no exchange keeps them (piket rotation below 'merata' is not kept: a
 * duty may go to someone in no cap group, e.g. a part-timer, whom 'merata' does not measure).
 *
 * Cost: per transfer made and per group that cannot improve, a pass over the group's members (and piket
 * mates) × days, with seat exchanges checked once per pair of classes (same caps, minimums and piket groups)
 * and day; everything deeper within the budget above.
 */
function ratakan(k: KonteksRatakan): void {
  const { n, hari, kantor, piketKali, anggota, cells, nilai, atas, bawah } = k;
  const D = hari.length;
  const G = anggota.length;
  const W = D + 1;
  // Each person's cap groups over the period.
  const { start: kStart, list: kList } = baris(n, anggota);
  const diKelompok = (p: number, g: number) => {
    for (let j = kStart[p]!; j < kStart[p + 1]!; j++) if (kList[j] === g) return true;
    return false;
  };

  // People with the same cap groups share a row id (a transfer's effect depends on the rows and totals only).
  const baris0 = new Int32Array(n);
  {
    const perHash = new Map<number, number[]>();
    let next = 0;
    for (let p = 0; p < n; p++) {
      let x = 2166136261;
      for (let j = kStart[p]!; j < kStart[p + 1]!; j++) x = Math.imul(x ^ kList[j]!, 16777619);
      const ps = perHash.get(x);
      let id = -1;
      if (ps)
        for (const q of ps) {
          const l = kStart[q + 1]! - kStart[q]!;
          if (l !== kStart[p + 1]! - kStart[p]!) continue;
          let same = true;
          for (let j = 0; j < l && same; j++) same = kList[kStart[q]! + j] === kList[kStart[p]! + j];
          if (same) {
            id = baris0[q]!;
            break;
          }
        }
      if (id < 0) {
        id = next++;
        if (ps) ps.push(p);
        else perHash.set(x, [p]);
      }
      baris0[p] = id;
    }
  }
  // Office days of each group's members as a histogram; the group's range, deviation and sum of squares.
  const hist = new Int32Array(G * W);
  for (const [g, ps] of anggota.entries()) for (const p of ps) hist[g * W + kantor[p]!]!++;
  const rentang = new Int32Array(G);
  const simpang = new Int32Array(G);
  const kuadrat = new Float64Array(G);
  let sR = 0;
  let sD = 0;
  let sQ = 0;
  const ukur = (g: number) => {
    const o = g * W;
    const half = anggota[g]!.length >> 1;
    let lo = -1;
    let hi = 0;
    let med = -1;
    let seen = 0;
    let q = 0;
    for (let v = 0; v < W; v++) {
      const c = hist[o + v]!;
      if (c === 0) continue;
      if (lo < 0) lo = v;
      hi = v;
      if (med < 0 && seen + c > half) med = v;
      seen += c;
      q += c * v * v;
    }
    let dev = 0;
    for (let v = lo; v <= hi; v++) dev += hist[o + v]! * Math.abs(v - med);
    sR = hi - lo;
    sD = dev;
    sQ = q;
  };
  const catat = (g: number) => {
    ukur(g);
    rentang[g] = sR;
    simpang[g] = sD;
    kuadrat[g] = sQ;
  };
  for (let g = 0; g < G; g++) catat(g);
  // A transfer as changes of office days: distinct people (`ubahOrang`) and +1 or −1 each (`ubahNilai`).
  const ubahOrang: number[] = [];
  const ubahNilai: number[] = [];
  /** One office day from s to t (either may be TIADA). */
  const ubahDari = (s: number, t: number) => {
    ubahOrang.length = 0;
    ubahNilai.length = 0;
    if (s !== TIADA) {
      ubahOrang.push(s);
      ubahNilai.push(-1);
    }
    if (t !== TIADA) {
      ubahOrang.push(t);
      ubahNilai.push(1);
    }
  };
  /** Applies the changes to the histograms (back: undoes them; the totals themselves are unchanged). */
  const geser = (back: boolean) => {
    for (let k = 0; k < ubahOrang.length; k++) {
      const p = ubahOrang[k]!;
      const x = kantor[p]!;
      const y = x + ubahNilai[k]!;
      const dari = back ? y : x;
      const ke = back ? x : y;
      for (let j = kStart[p]!; j < kStart[p + 1]!; j++) {
        const o = kList[j]! * W;
        hist[o + dari] = hist[o + dari]! - 1;
        hist[o + ke] = hist[o + ke]! + 1;
      }
    }
  };
  /** Whether p (TIADA: nobody) is in no cap group. */
  const luar = (p: number) => p === TIADA || kStart[p] === kStart[p + 1];
  // A pair of transfers (see `pasangan`) is judged against the groups as they were before the first: their
  // values then (`acuan*`, for the groups the first changed), while `adaAcuan`.
  const acuanG: number[] = [];
  const acuanR: number[] = [];
  const acuanD: number[] = [];
  const acuanQ: number[] = [];
  let adaAcuan = false;
  /** While the first transfer of a pair is looked for: accepted if the ranges' sum does not grow and one falls. */
  let lemah = false;
  const dinilai = new Int32Array(G);
  let nilaiCap = 0;
  /** Whether moving one office day from s to t keeps every group's range and lowers the sums (see above). */
  const terima = (s: number, t: number): boolean => {
    if (s === t || (luar(s) && luar(t))) return false;
    ubahDari(s, t);
    return terimaUbah();
  };
  /** Whether the changes (`ubahOrang`, `ubahNilai`) are accepted (see above). */
  const terimaUbah = (): boolean => {
    geser(false);
    nilaiCap++;
    tR = 0;
    tD = 0;
    tQ = 0;
    tNaik = false;
    tTurun = false;
    for (const p of ubahOrang) for (let j = kStart[p]!; j < kStart[p + 1]!; j++) nilai1(kList[j]!);
    if (adaAcuan) for (const g of acuanG) nilai1(g);
    geser(true);
    if (lemah) return tR <= 0 && tTurun;
    return !tNaik && (tR < 0 || (tR === 0 && (tD < 0 || (tD === 0 && tQ < 0))));
  };
  // The sums `terimaUbah` gathers, group by group (`nilai1`).
  let tR = 0;
  let tD = 0;
  let tQ = 0;
  let tNaik = false;
  let tTurun = false;
  const nilai1 = (g: number) => {
    if (dinilai[g] === nilaiCap) return;
    dinilai[g] = nilaiCap;
    ukur(g);
    let r0 = rentang[g]!;
    let d0 = simpang[g]!;
    let q0 = kuadrat[g]!;
    if (adaAcuan) {
      const a = acuanG.indexOf(g);
      if (a >= 0) {
        r0 = acuanR[a]!;
        d0 = acuanD[a]!;
        q0 = acuanQ[a]!;
      }
    }
    if (sR > r0) tNaik = true;
    if (sR < r0) tTurun = true;
    tR += sR - r0;
    tD += sD - d0;
    tQ += sQ - q0;
  };

  const punya = (b: Baris, p: number, x: number) => {
    for (let j = b.start[p]!; j < b.start[p + 1]!; j++) if (b.list[j] === x) return true;
    return false;
  };
  const samaBaris = (b: Baris, p: number, q: number) => {
    const l = b.start[p + 1]! - b.start[p]!;
    if (l !== b.start[q + 1]! - b.start[q]!) return false;
    for (let j = 0; j < l; j++) if (b.list[b.start[p]! + j] !== b.list[b.start[q]! + j]) return false;
    return true;
  };
  /** Whether p may be appointed in every piket group it is in on day h. */
  const bolehSemua = (h: HariTersimpan, p: number) => {
    const a = h.piket;
    const b = h.piketBoleh;
    const l = a.start[p + 1]! - a.start[p]!;
    if (l !== b.start[p + 1]! - b.start[p]!) return false;
    for (let j = 0; j < l; j++) if (a.list[a.start[p]! + j] !== b.list[b.start[p]! + j]) return false;
    return true;
  };
  // Classes of a day: people with the same caps, minimums and piket groups, eligible alike, with the same kind
  // of decision (an exchange's hard rules depend on these only).
  const ciri = (h: HariTersimpan, p: number) => {
    const kep = h.kep[p];
    return (kep?.lokasi === 'BEBAS' ? 1 : kep?.lokasi === 'WFH' ? 2 : 0) | (bolehSemua(h, p) ? 4 : 0);
  };
  const kelasHari = (h: HariTersimpan): Int32Array => {
    if (h.kelas) return h.kelas;
    const kl = new Int32Array(n);
    const perHash = new Map<number, number>();
    const lanjut: number[] = [];
    const ciriKelas: number[] = [];
    const sama = (p: number, q: number) =>
      samaBaris(h.cap, p, q) && samaBaris(h.min, p, q) && samaBaris(h.piket, p, q);
    const hash = (b: Baris, p: number, x: number) => {
      for (let j = b.start[p]!; j < b.start[p + 1]!; j++) x = Math.imul(x ^ b.list[j]!, 16777619);
      return Math.imul(x ^ 0x7fffffff, 16777619);
    };
    for (let p = 0; p < n; p++) {
      const c0 = ciri(h, p);
      const x = hash(h.piket, p, hash(h.min, p, hash(h.cap, p, (2166136261 ^ c0) >>> 0)));
      const awal = perHash.get(x) ?? -1;
      let c = awal;
      while (c >= 0 && !(ciriKelas[c] === c0 && sama(h.wakil[c]!, p))) c = lanjut[c]!;
      if (c < 0) {
        c = h.wakil.length;
        h.wakil.push(p);
        ciriKelas.push(c0);
        lanjut.push(awal);
        perHash.set(x, c);
      }
      kl[p] = c;
    }
    h.kelas = kl;
    h.kelasCap = new Int32Array(h.wakil.length);
    h.kelasPos = new Int32Array(h.wakil.length);
    h.kelasSelesai = new Int32Array(h.wakil.length);
    return kl;
  };

  const penuh = (h: HariTersimpan, p: number) => {
    for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
      const c = h.cap.list[j]!;
      if (h.hitung[c]! >= h.maks[c]!) return true;
    }
    return false;
  };
  /** Counts after u hands v its seat (piket: its duty) on day h (back = undo). */
  const hitungBeri = (h: HariTersimpan, u: number, v: number, piket: boolean, back: boolean) => {
    const a = back ? -1 : 1;
    h.versi++;
    const { cap, hitung, dihitungPiket, min, minHadir } = h;
    for (let j = cap.start[u]!; j < cap.start[u + 1]!; j++) {
      const c = cap.list[j]!;
      if (!piket || dihitungPiket[c]) hitung[c] = hitung[c]! - a;
    }
    for (let j = cap.start[v]!; j < cap.start[v + 1]!; j++) {
      const c = cap.list[j]!;
      if (!piket || dihitungPiket[c]) hitung[c] = hitung[c]! + a;
    }
    for (let j = min.start[u]!; j < min.start[u + 1]!; j++)
      minHadir[min.list[j]!] = minHadir[min.list[j]!]! - a;
    for (let j = min.start[v]!; j < min.start[v + 1]!; j++)
      minHadir[min.list[j]!] = minHadir[min.list[j]!]! + a;
  };
  /**
   * Whether u (at the office) may hand v (at home) its seat or piket duty on day h under every hard rule: v's
   * caps that count it and not u have room; u's caps that stop counting it are not over their maximum (a reported
   * excess stays as reported) and, where they stop being full, every free person at home in them still has a
   * full cap, as u has if it goes home free; u's minimums that v is not in stay met, and v's that u is not in
   * are met already (a reported shortfall stays as reported). A piket duty goes only to someone in the same
   * piket groups and eligible in each.
   */
  const bisaBeri = (h: HariTersimpan, u: number, v: number, piket: boolean): boolean => {
    const { cap, hitung, maks, dihitungPiket, min, minHadir, minMin } = h;
    if (piket) {
      if (!samaBaris(h.piket, u, v) || !bolehSemua(h, v)) return false;
    }
    const dihitung = (c: number) => !piket || dihitungPiket[c]!;
    for (let j = cap.start[v]!; j < cap.start[v + 1]!; j++) {
      const c = cap.list[j]!;
      if (dihitung(c) && hitung[c]! >= maks[c]! && !punya(cap, u, c)) return false;
    }
    let turun = false;
    for (let j = cap.start[u]!; j < cap.start[u + 1]!; j++) {
      const c = cap.list[j]!;
      if (!dihitung(c) || punya(cap, v, c)) continue;
      if (hitung[c]! > maks[c]!) return false;
      turun = true;
    }
    for (let j = min.start[u]!; j < min.start[u + 1]!; j++) {
      const i = min.list[j]!;
      if (!punya(min, v, i) && minHadir[i]! - 1 < minMin[i]!) return false;
    }
    for (let j = min.start[v]!; j < min.start[v + 1]!; j++) {
      const i = min.list[j]!;
      if (!punya(min, u, i) && minHadir[i]! < minMin[i]!) return false;
    }
    const uBebas = cap.start[u + 1]! > cap.start[u]!;
    if (!turun && !(piket && uBebas)) return true;
    const versi = h.versi;
    hitungBeri(h, u, v, piket, false);
    let ok = !uBebas || penuh(h, u);
    for (let j = cap.start[u]!; j < cap.start[u + 1]! && ok; j++) {
      const c = cap.list[j]!;
      if (!dihitung(c) || punya(cap, v, c) || hitung[c]! >= maks[c]!) continue;
      for (const x of h.capMembers[c]!)
        if (x < n && x !== u && h.jenis[x] === J_RUMAH && !penuh(h, x)) {
          ok = false;
          break;
        }
    }
    hitungBeri(h, u, v, piket, true);
    h.versi = versi;
    return ok;
  };
  /** Whether a member of class ku may hand a seat to one of class kv on day h (cached for the day's version). */
  const bisaTukarKelas = (h: HariTersimpan, ku: number, kv: number) => {
    if (h.bolehVersi !== h.versi) {
      h.bolehTukar.clear();
      h.bolehVersi = h.versi;
    }
    const key = ku * 1048576 + kv;
    let ok = h.bolehTukar.get(key);
    if (ok === undefined) {
      ok = bisaBeri(h, h.wakil[ku]!, h.wakil[kv]!, false);
      h.bolehTukar.set(key, ok);
    }
    return ok;
  };
  /**
   * The members of the day's piket group i whose cell is of kind `jenis`, kept in `cache` (h.pemegang for
   * J_PIKET, h.kantorPiket for J_KANTOR) until the day's version changes.
   */
  const anggotaBerjenis = (
    h: HariTersimpan,
    cache: (number[] | undefined)[],
    i: number,
    jenis: number,
  ): readonly number[] => {
    if (h.piketVersi !== h.versi) {
      h.pemegang.length = 0;
      h.kantorPiket.length = 0;
      h.piketVersi = h.versi;
    }
    let ps = cache[i];
    if (!ps) {
      ps = [];
      for (const p of h.piketAnggota[i]!) if (p < n && h.jenis[p] === jenis) ps.push(p);
      cache[i] = ps;
    }
    return ps;
  };
  /** Who is on piket in the day's piket group i. */
  const diPiket = (h: HariTersimpan, i: number) => anggotaBerjenis(h, h.pemegang, i, J_PIKET);
  /** Whether u handing v its seat (piket: its duty) on day i makes one of `goals` worse. */
  const rugi = (goals: readonly number[], i: number, u: number, v: number, piket: boolean) => {
    for (const s of goals) {
      if (s === 1) {
        if (piket && piketKali[v]! >= piketKali[u]!) return true;
      } else if (nilai(s, i, v, piket) > nilai(s, i, u, piket)) return true;
    }
    return false;
  };
  /** Whether u, on piket on day h, may go home (free: WFH within its caps; or at home by a rule). */
  const bisaPulang = (h: HariTersimpan, u: number) => {
    const kep = h.kep[u];
    return (
      kep !== undefined &&
      (kep.lokasi === 'WFH' || (kep.lokasi === 'BEBAS' && h.cap.start[u + 1]! > h.cap.start[u]!))
    );
  };

  // Breadth-first search for a chain of exchanges. Forward (`maju`): from `akar` (members with many office
  // days) giving, to someone t whose transfer is accepted; backward: from `akar` (members with few) receiving,
  // back to someone s. A node is first reached by `induk` on day `indukHari`; then the chain is made.
  const dilihat = new Int32Array(n);
  const induk = new Int32Array(n);
  const indukHari = new Int32Array(n);
  const pangkal = new Int32Array(n);
  const antre = new Int32Array(n);
  let cap = 0;
  const kotor = new Uint8Array(G);
  // Person-major copies for the search's inner loop: each cell's kind (as in `jenis`), and the day's first
  // piket group of the person + 1 (0: none).
  const jenisOrang = new Uint8Array(n * D);
  const piketOrang = new Int32Array(n * D);
  for (const [i, h] of hari.entries())
    for (let p = 0; p < n; p++) {
      jenisOrang[p * D + i] = h.jenis[p]!;
      if (h.piket.start[p + 1]! > h.piket.start[p]!)
        piketOrang[p * D + i] = h.piket.list[h.piket.start[p]!]! + 1;
    }
  const setJenis = (h: HariTersimpan, i: number, p: number, j: number) => {
    h.jenis[p] = j;
    jenisOrang[p * D + i] = j;
  };
  // The search's candidate lists (see `cari`), for groups of up to M members.
  let M = 0;
  for (const ps of anggota) M = Math.max(M, ps.length);
  const calonBuf = new Int32Array(D * M);
  const kelasBuf = new Int32Array(D * M);
  const awalBuf = new Int32Array(D * M);
  const panjangBuf = new Int32Array(D * M);
  const nKelas = new Int32Array(D);
  const dibangun = new Int32Array(D);
  const piketBuf = new Int32Array(D * M);
  const nPiket = new Int32Array(D);
  let ronde = 0;
  let sisaRantai = RANTAI_DASAR + RANTAI_PER_ORANG * n;
  const antreKelompok: number[] = [];
  let sekarang = -1;
  const tandai = (p: number) => {
    for (let j = kStart[p]!; j < kStart[p + 1]!; j++) {
      const g = kList[j]!;
      if (kotor[g] === 0 && g !== sekarang) {
        kotor[g] = 1;
        antreKelompok.push(g);
      }
    }
  };
  // The cells a transfer changed (day, person, cell before), kept while `mencatat` so that the first
  // transfer of a pair can be undone; and the transfers already tried as a pair's first (`lewati`).
  let mencatat = false;
  const jurnalHari: number[] = [];
  const jurnalOrang: number[] = [];
  const jurnalSel: SelJadwal[] = [];
  const lewati = new Set<string>();
  let jurnalKunci = '';
  const jurnalUbahOrang: number[] = [];
  const jurnalUbahNilai: number[] = [];
  /** Moves one office day from s to t (either may be TIADA) in the totals and the groups' measures. */
  const pindah = (s: number, t: number) => {
    ubahDari(s, t);
    pindahUbah();
  };
  /** Makes the changes (`ubahOrang`, `ubahNilai`) in the totals and the groups' measures. */
  const pindahUbah = () => {
    if (mencatat) {
      jurnalUbahOrang.length = 0;
      jurnalUbahNilai.length = 0;
      jurnalUbahOrang.push(...ubahOrang);
      jurnalUbahNilai.push(...ubahNilai);
      acuanG.length = 0;
      acuanR.length = 0;
      acuanD.length = 0;
      acuanQ.length = 0;
      for (const p of ubahOrang)
        for (let q = kStart[p]!; q < kStart[p + 1]!; q++) {
          const g = kList[q]!;
          if (acuanG.includes(g)) continue;
          acuanG.push(g);
          acuanR.push(rentang[g]!);
          acuanD.push(simpang[g]!);
          acuanQ.push(kuadrat[g]!);
        }
    }
    geser(false);
    for (let k = 0; k < ubahOrang.length; k++) kantor[ubahOrang[k]!]! += ubahNilai[k]!;
    for (const p of ubahOrang) for (let q = kStart[p]!; q < kStart[p + 1]!; q++) catat(kList[q]!);
  };
  /** Undoes the transfer in the journal. */
  const batal = () => {
    for (let k = jurnalOrang.length - 1; k >= 0; k--) {
      const i = jurnalHari[k]!;
      ganti(hari[i]!, i, jurnalOrang[k]!, jurnalSel[k]!);
    }
    ubahOrang.length = 0;
    ubahNilai.length = 0;
    ubahOrang.push(...jurnalUbahOrang);
    ubahNilai.push(...jurnalUbahNilai);
    for (let k = 0; k < ubahOrang.length; k++) kantor[ubahOrang[k]!]! -= ubahNilai[k]!;
    geser(true);
    for (const p of ubahOrang) for (let q = kStart[p]!; q < kStart[p + 1]!; q++) catat(kList[q]!);
  };
  // One exchange (giver, receiver, day) per step of the chain, made in turn and each checked again.
  const langkah: number[] = [];
  const jalankan = (s: number, t: number, goals: readonly number[]): boolean => {
    if (mencatat) {
      jurnalKunci = langkah.join(',');
      if (lewati.has(jurnalKunci)) return false;
    }
    const lama: SelJadwal[] = [];
    let j = 0;
    for (; j < langkah.length; j += 3) {
      const u = langkah[j]!;
      const v = langkah[j + 1]!;
      const i = langkah[j + 2]!;
      const h = hari[i]!;
      const su = h.status[u]!;
      const sv = h.status[v]!;
      const ju = h.jenis[u]!;
      const jv = h.jenis[v]!;
      const piket = ju === J_PIKET;
      if (
        piket
          ? (jv !== J_RUMAH && jv !== J_RUMAH_ATURAN) || !bisaPulang(h, u)
          : ju !== J_KANTOR || jv !== J_RUMAH
      )
        break;
      if (rugi(goals, i, u, v, piket) || !bisaBeri(h, u, v, piket)) break;
      lama.push(su, sv);
      hitungBeri(h, u, v, piket, false);
      if (piket) {
        const kep = h.kep[u]!;
        const rumah = kep.lokasi === 'WFH';
        h.status[u] = sel(rumah ? 2 : 1, kep.sumber);
        h.status[v] = su;
        setJenis(h, i, u, rumah ? J_RUMAH_ATURAN : J_RUMAH);
        setJenis(h, i, v, J_PIKET);
        piketKali[u]!--;
        piketKali[v]!++;
      } else {
        h.status[u] = sel(1, su.sumber);
        h.status[v] = sel(0, sv.sumber);
        setJenis(h, i, u, J_RUMAH);
        setJenis(h, i, v, J_KANTOR);
      }
    }
    if (j < langkah.length) {
      for (j -= 3; j >= 0; j -= 3) {
        const u = langkah[j]!;
        const v = langkah[j + 1]!;
        const i = langkah[j + 2]!;
        const h = hari[i]!;
        const sv = lama.pop()!;
        const su = lama.pop()!;
        const piket = h.jenis[v] === J_PIKET;
        hitungBeri(h, u, v, piket, true);
        if (piket) {
          piketKali[u]!++;
          piketKali[v]!--;
        }
        h.status[u] = su;
        h.status[v] = sv;
        setJenis(h, i, u, jenisSel(su));
        setJenis(h, i, v, jenisSel(sv));
      }
      return false;
    }
    if (mencatat)
      for (let q = 0; q < langkah.length; q += 3) {
        jurnalHari.push(langkah[q + 2]!, langkah[q + 2]!);
        jurnalOrang.push(langkah[q]!, langkah[q + 1]!);
        jurnalSel.push(lama[(q / 3) * 2]!, lama[(q / 3) * 2 + 1]!);
      }
    pindah(s, t);
    for (let q = 0; q < langkah.length; q += 3) {
      tandai(langkah[q]!);
      tandai(langkah[q + 1]!);
    }
    return true;
  };
  /** The chain from the search's root to x, as exchanges. */
  const rantai = (x: number, maju: boolean) => {
    langkah.length = 0;
    for (let y = x; induk[y]! >= 0; y = induk[y]!)
      if (maju) langkah.push(induk[y]!, y, indukHari[y]!);
      else langkah.push(y, induk[y]!, indukHari[y]!);
  };
  const cari = (g: number, akar: readonly number[], goals: readonly number[], maju: boolean): boolean => {
    const ps = anggota[g]!;
    cap++;
    let qh = 0;
    let qt = 0;
    for (const s of akar) {
      dilihat[s] = cap;
      induk[s] = -1;
      pangkal[s] = s;
      antre[qt++] = s;
    }
    // Per day i, built when first needed (`dibangun[i] === cap`): the group's members free at home (forward)
    // or at the office (backward), grouped by class in calonBuf[i * M ..]; per class (kelasBuf, awalBuf,
    // panjangBuf at i * M + c, nKelas[i] of them) its id, start and live length; emptied classes dropped. With
    // no goal to keep, a class searched from once on a day is not searched from again (`kelasSelesai`).
    const jCari = maju ? J_RUMAH : J_KANTOR;
    const jSendiri = maju ? J_KANTOR : J_RUMAH;
    const sampai = (x: number, y: number, i: number): boolean => {
      dilihat[y] = cap;
      induk[y] = x;
      indukHari[y] = i;
      const r = pangkal[x]!;
      pangkal[y] = r;
      antre[qt++] = y;
      if (maju ? !terima(r, y) : !terima(y, r)) return false;
      rantai(y, maju);
      return maju ? jalankan(r, y, goals) : jalankan(y, r, goals);
    };
    while (qh < qt) {
      if (--sisaRantai < 0) return false;
      const x = antre[qh++]!;
      // People outside the group end a chain (so its possible ends are those of `ujungOf`).
      if (!diKelompok(x, g)) continue;
      const xo = x * D;
      for (let i = 0; i < D; i++) {
        const jx = jenisOrang[xo + i]!;
        if (jx === 0) continue;
        const h = hari[i]!;
        // A seat: x at the office hands it to a member at home (backward: x at home takes one).
        if (jx === jSendiri) {
          const kl = kelasHari(h);
          const kx = kl[x]!;
          const o = i * M;
          if (dibangun[i] !== cap) {
            dibangun[i] = cap;
            let nk = 0;
            for (const p of ps)
              if (h.jenis[p] === jCari) {
                const k = kl[p]!;
                if (h.kelasCap[k] !== cap) {
                  h.kelasCap[k] = cap;
                  h.kelasPos[k] = nk;
                  kelasBuf[o + nk] = k;
                  panjangBuf[o + nk] = 0;
                  nk++;
                }
                panjangBuf[o + h.kelasPos[k]!]!++;
              }
            let at = o;
            for (let c = 0; c < nk; c++) {
              awalBuf[o + c] = at;
              at += panjangBuf[o + c]!;
              panjangBuf[o + c] = 0;
            }
            for (const p of ps)
              if (h.jenis[p] === jCari) {
                const c = o + h.kelasPos[kl[p]!]!;
                calonBuf[awalBuf[c]! + panjangBuf[c]!] = p;
                panjangBuf[c]!++;
              }
            nKelas[i] = nk;
          }
          if (goals.length > 0 || h.kelasSelesai[kx] !== cap) {
            if (goals.length === 0) h.kelasSelesai[kx] = cap;
            for (let c = o; c < o + nKelas[i]!; c++) {
              const ky = kelasBuf[c]!;
              if (!(maju ? bisaTukarKelas(h, kx, ky) : bisaTukarKelas(h, ky, kx))) continue;
              const a0 = awalBuf[c]!;
              const len = panjangBuf[c]!;
              let w = 0;
              for (let j = 0; j < len; j++) {
                const y = calonBuf[a0 + j]!;
                if (dilihat[y] === cap) continue;
                if (goals.length > 0 && (maju ? rugi(goals, i, x, y, false) : rugi(goals, i, y, x, false))) {
                  calonBuf[a0 + w++] = y;
                  continue;
                }
                if (sampai(x, y, i)) return true;
              }
              panjangBuf[c] = w;
              if (w === 0) {
                const last = o + nKelas[i]! - 1;
                kelasBuf[c] = kelasBuf[last]!;
                awalBuf[c] = awalBuf[last]!;
                panjangBuf[c] = panjangBuf[last]!;
                nKelas[i]!--;
                c--;
              }
            }
          }
        }
        // A piket duty: x on piket hands it to someone eligible at home in its piket groups (backward: x
        // eligible at home takes one); they may be outside the group.
        const gp = piketOrang[xo + i]! - 1;
        if (gp < 0) continue;
        if (maju ? jx !== J_PIKET || !bisaPulang(h, x) : jx !== J_RUMAH && jx !== J_RUMAH_ATURAN) continue;
        for (const y of maju ? h.piketAnggota[gp]! : diPiket(h, gp)) {
          if (y >= n || dilihat[y] === cap) continue;
          const jy = h.jenis[y]!;
          if (maju) {
            if (
              (jy !== J_RUMAH && jy !== J_RUMAH_ATURAN) ||
              rugi(goals, i, x, y, true) ||
              !bisaBeri(h, x, y, true)
            )
              continue;
          } else if (
            jy !== J_PIKET ||
            !bisaPulang(h, y) ||
            rugi(goals, i, y, x, true) ||
            !bisaBeri(h, y, x, true)
          )
            continue;
          if (sampai(x, y, i)) return true;
        }
      }
    }
    return false;
  };

  // Piket rotation below 'merata' is left to the greedy's order (one search, not two).
  const bawahLain = bawah.filter((s) => s !== 1);
  const semua = [...atas, ...bawahLain];
  const akar: number[] = [];
  // The people a search from a group's members may end at: the members and anyone in a piket group with one.
  const ujung: (number[] | undefined)[] = new Array(G);
  const ujungOf = (g: number): readonly number[] => {
    let u = ujung[g];
    if (u) return u;
    cap++;
    u = [];
    for (const p of anggota[g]!) {
      dilihat[p] = cap;
      u.push(p);
    }
    for (const h of hari) {
      if (h.piketAnggota.length === 0) continue;
      if (h.piketCap.length === 0) h.piketCap = new Int32Array(h.piketAnggota.length);
      for (const p of anggota[g]!)
        for (let j = h.piket.start[p]!; j < h.piket.start[p + 1]!; j++) {
          const gp = h.piket.list[j]!;
          if (h.piketCap[gp] === cap) continue;
          h.piketCap[gp] = cap;
          for (const q of h.piketAnggota[gp]!)
            if (q < n && dilihat[q] !== cap) {
              dilihat[q] = cap;
              u.push(q);
            }
        }
    }
    ujung[g] = u;
    return u;
  };
  // For pairs, also the members of the other groups of g's members (a unit's OPD: seats move between units).
  const ujungLuas: (number[] | undefined)[] = new Array(G);
  const ujungLuasOf = (g: number): readonly number[] => {
    let u = ujungLuas[g];
    if (u) return u;
    const dasar = ujungOf(g);
    cap++;
    u = [...dasar];
    for (const p of dasar) dilihat[p] = cap;
    nilaiCap++;
    for (const p of anggota[g]!)
      for (let j = kStart[p]!; j < kStart[p + 1]!; j++) {
        const h = kList[j]!;
        if (dinilai[h] === nilaiCap) continue;
        dinilai[h] = nilaiCap;
        for (const q of anggota[h]!)
          if (dilihat[q] !== cap) {
            dilihat[q] = cap;
            u.push(q);
          }
      }
    ujungLuas[g] = u;
    return u;
  };
  // Transfers accepted (`terima`) per pair of (row id, office days), for one search.
  const diterima = new Map<number, boolean>();
  const terimaC = (s: number, t: number) => {
    const ks = s === TIADA ? n * W : baris0[s]! * W + kantor[s]!;
    const kt = t === TIADA ? n * W : baris0[t]! * W + kantor[t]!;
    const key = ks * (n + 1) * W + kt;
    let ok = diterima.get(key);
    if (ok === undefined) {
      ok = terima(s, t);
      diterima.set(key, ok);
    }
    return ok;
  };
  /**
   * The people a search from the roots (`akar`) could end at with an accepted transfer (`ujungOk`): forward,
   * those the roots would give to, the fewest office days first; backward, those they would take from, the
   * most first.
   */
  const ujungOk: number[] = [];
  const wakilAkar: number[] = [];
  const cariUjung = (g: number, maju: boolean) => {
    diterima.clear();
    ujungOk.length = 0;
    wakilAkar.length = 0;
    cap++;
    for (const r of akar)
      if (dilihat[baris0[r]!] !== cap) {
        dilihat[baris0[r]!] = cap;
        wakilAkar.push(r);
      }
    for (const e of adaAcuan || lemah ? ujungLuasOf(g) : ujungOf(g))
      for (const r of wakilAkar)
        if (maju ? terimaC(r, e) : terimaC(e, r)) {
          ujungOk.push(e);
          break;
        }
    ujungOk.sort((a, b) => (maju ? kantor[a]! - kantor[b]! : kantor[b]! - kantor[a]!) || a - b);
    tiadaOk = false;
    for (const r of wakilAkar) if (maju ? terimaC(r, TIADA) : terimaC(TIADA, r)) tiadaOk = true;
  };
  let tiadaOk = false;
  // The roots on one day, built when first needed (`dibangun[i] === cap`): for a seat, by class, in
  // calonBuf[i * M ..] (per class kelasBuf, awalBuf, panjangBuf at i * M + c; nKelas[i] classes); for a
  // piket duty, in piketBuf[i * M ..] (nPiket[i] of them).
  const akarHari = (h: HariTersimpan, i: number, maju: boolean) => {
    dibangun[i] = cap;
    const kl = kelasHari(h);
    const jSeat = maju ? J_KANTOR : J_RUMAH;
    const o = i * M;
    let nk = 0;
    let np = 0;
    for (const r of akar) {
      const j = jenisOrang[r * D + i]!;
      if (j === jSeat) {
        const k = kl[r]!;
        if (h.kelasCap[k] !== cap) {
          h.kelasCap[k] = cap;
          h.kelasPos[k] = nk;
          kelasBuf[o + nk] = k;
          panjangBuf[o + nk] = 0;
          nk++;
        }
        panjangBuf[o + h.kelasPos[k]!]!++;
      }
      if (piketOrang[r * D + i]! > 0 && (maju ? j === J_PIKET : j === J_RUMAH || j === J_RUMAH_ATURAN))
        piketBuf[o + np++] = r;
    }
    let at = o;
    for (let c = 0; c < nk; c++) {
      awalBuf[o + c] = at;
      at += panjangBuf[o + c]!;
      panjangBuf[o + c] = 0;
    }
    for (const r of akar)
      if (jenisOrang[r * D + i] === jSeat) {
        const c = o + h.kelasPos[kl[r]!]!;
        calonBuf[awalBuf[c]! + panjangBuf[c]!] = r;
        panjangBuf[c]!++;
      }
    nKelas[i] = nk;
    nPiket[i] = np;
  };
  // Exchanges through a third person q on one day, a pivot between a seat and a piket duty (where piket is
  // not counted in a cap, this is how an office day appears or disappears):
  //   K1: the giver, on piket, goes home; q, at the office in its piket groups, takes the duty; the receiver,
  //       free at home, takes q's seat (or nobody does, TIADA, if no free person at home needs it);
  //   K2: the giver, at the office, goes home; q, on piket, takes its seat; the receiver, at home and eligible,
  //       takes q's duty (or there is no giver, TIADA, and q takes a free seat).
  // Each is made, then checked as a whole (`sahGabung`) and undone if it breaks a rule; which classes of giver,
  // q and receiver may do so is kept per day (`bolehGabung`, for the day's version).
  const tCap: number[] = [];
  const tCapLama: number[] = [];
  const tMin: number[] = [];
  const tMinLama: number[] = [];
  const sentuh = (h: HariTersimpan, p: number) => {
    for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
      const c = h.cap.list[j]!;
      if (!tCap.includes(c)) {
        tCap.push(c);
        tCapLama.push(h.hitung[c]!);
      }
    }
    for (let j = h.min.start[p]!; j < h.min.start[p + 1]!; j++) {
      const c = h.min.list[j]!;
      if (!tMin.includes(c)) {
        tMin.push(c);
        tMinLama.push(h.minHadir[c]!);
      }
    }
  };
  const dihitungSel = (h: HariTersimpan, c: number, x: SelJadwal) =>
    x.status === 'WFO' || (x.status === 'PIKET' && h.dihitungPiket[c]!) ? 1 : 0;
  /** Sets p's cell on day i, keeping the counts, kinds and piket duties up to date. */
  const ganti = (h: HariTersimpan, i: number, p: number, baru: SelJadwal) => {
    const lama = h.status[p]!;
    for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
      const c = h.cap.list[j]!;
      h.hitung[c] = h.hitung[c]! + dihitungSel(h, c, baru) - dihitungSel(h, c, lama);
    }
    const dk = (DI_KANTOR(baru.status) ? 1 : 0) - (DI_KANTOR(lama.status) ? 1 : 0);
    for (let j = h.min.start[p]!; j < h.min.start[p + 1]!; j++) h.minHadir[h.min.list[j]!]! += dk;
    if (lama.status === 'PIKET') piketKali[p]!--;
    if (baru.status === 'PIKET') piketKali[p]!++;
    h.status[p] = baru;
    setJenis(h, i, p, jenisSel(baru));
    h.versi++;
  };
  /** After `ganti` of the people `ps`: every hard rule of the day the change could touch still holds. */
  const sahGabung = (h: HariTersimpan, ps: readonly number[]) => {
    for (const [k, c] of tCap.entries()) {
      const lama = tCapLama[k]!;
      const baru = h.hitung[c]!;
      const maks = h.maks[c]!;
      if ((baru > lama && baru > maks) || (lama > maks && baru !== lama)) return false;
      if (baru < lama && baru < maks)
        for (const x of h.capMembers[c]!) if (x < n && h.jenis[x] === J_RUMAH && !penuh(h, x)) return false;
    }
    for (const p of ps) if (h.jenis[p] === J_RUMAH && !penuh(h, p)) return false;
    for (const [k, c] of tMin.entries()) {
      const lama = tMinLama[k]!;
      const baru = h.minHadir[c]!;
      const min = h.minMin[c]!;
      if ((baru < lama && baru < min) || (lama < min && baru !== lama)) return false;
    }
    return true;
  };
  const gabungPs: number[] = [];
  const gabungBaru: SelJadwal[] = [];
  const gabungLama: SelJadwal[] = [];
  /** Whether the composite exchange of this kind and classes is known to break a rule (for the day's version). */
  const gagalGabung = (h: HariTersimpan, key: number) => {
    if (h.bolehGabungVersi !== h.versi) {
      h.bolehGabung.clear();
      h.bolehGabungVersi = h.versi;
    }
    return h.bolehGabung.get(key) === false;
  };
  /** Makes the composite exchange (gabungPs → gabungBaru) on day i, or undoes it; then moves the office day. */
  const gabung = (i: number, giver: number, receiver: number, key: number): boolean => {
    const h = hari[i]!;
    if (mencatat) {
      jurnalKunci = `${i}|${gabungPs.join(',')}`;
      if (lewati.has(jurnalKunci)) return false;
    }
    tCap.length = 0;
    tCapLama.length = 0;
    tMin.length = 0;
    tMinLama.length = 0;
    gabungLama.length = 0;
    for (const p of gabungPs) {
      sentuh(h, p);
      gabungLama.push(h.status[p]!);
    }
    const versi = h.versi;
    sisaRantai--;
    for (const [k, p] of gabungPs.entries()) ganti(h, i, p, gabungBaru[k]!);
    if (!sahGabung(h, gabungPs)) {
      for (let k = gabungPs.length - 1; k >= 0; k--) ganti(h, i, gabungPs[k]!, gabungLama[k]!);
      h.versi = versi;
      h.bolehGabung.set(key, false);
      return false;
    }
    if (mencatat)
      for (const [k, p] of gabungPs.entries()) {
        jurnalHari.push(i);
        jurnalOrang.push(p);
        jurnalSel.push(gabungLama[k]!);
      }
    pindah(giver, receiver);
    for (const p of gabungPs) tandai(p);
    return true;
  };
  // The pass's cells, one per rule and kind (cells are immutable and shared).
  const selPer = new Map<RujukanAturan | null, SelJadwal[]>();
  const sel = (jenis: 0 | 1 | 2, sumber: RujukanAturan | null) => {
    let cs = selPer.get(sumber);
    if (!cs) {
      cs = [];
      selPer.set(sumber, cs);
    }
    let c = cs[jenis];
    if (!c) {
      c =
        jenis === 0
          ? cells.get('WFO', sumber, 'batas')
          : cells.get('WFH', sumber, jenis === 1 ? 'batas' : 'kebijakan');
      cs[jenis] = c;
    }
    return c;
  };
  const selRumah = (h: HariTersimpan, p: number) => {
    const kep = h.kep[p]!;
    const c = h.status[p]!;
    return c.status === 'PIKET' ? sel(kep.lokasi === 'WFH' ? 2 : 1, kep.sumber) : sel(1, c.sumber);
  };
  const selKantor = (h: HariTersimpan, p: number) => {
    const c = h.status[p]!;
    return sel(0, c.status === 'PIKET' ? h.kep[p]!.sumber : c.sumber);
  };
  /** May p, on piket on day h, take a free seat (free under caps)? */
  const bisaDuduk = (h: HariTersimpan, p: number) =>
    h.kep[p]?.lokasi === 'BEBAS' && h.cap.start[p + 1]! > h.cap.start[p]!;
  // People at the office by choice in each piket group of a day (for K1).
  const diKantorPiket = (h: HariTersimpan, gp: number) => anggotaBerjenis(h, h.kantorPiket, gp, J_KANTOR);
  const kunciGabung = (h: HariTersimpan, jenis: number, a: number, b: number, c: number) => {
    const kl = kelasHari(h);
    const C = h.wakil.length + 1;
    const k = (p: number) => (p === TIADA ? C - 1 : kl[p]!);
    return ((jenis * C + k(a)) * C + k(b)) * C + k(c);
  };
  /** K1 on day i: giver on piket, q at the office in its piket groups, receiver (or TIADA) at home. */
  const cobaK1 = (i: number, gv: number, q: number, rc: number, goals: readonly number[]) => {
    const h = hari[i]!;
    if (q === gv || q === rc || !samaBaris(h.piket, gv, q) || !bolehSemua(h, q)) return false;
    if (rugi(goals, i, gv, q, true) || (rc !== TIADA && rugi(goals, i, q, rc, false))) return false;
    const key = kunciGabung(h, 1, gv, q, rc);
    if (gagalGabung(h, key)) return false;
    gabungPs.length = 0;
    gabungBaru.length = 0;
    gabungPs.push(gv, q);
    gabungBaru.push(selRumah(h, gv), h.status[gv]!);
    if (rc !== TIADA) {
      gabungPs.push(rc);
      gabungBaru.push(selKantor(h, rc));
    }
    return gabung(i, gv, rc, key);
  };
  /** K2 on day i: giver (or TIADA) at the office, q on piket who may sit, receiver at home and eligible. */
  const cobaK2 = (i: number, gv: number, q: number, rc: number, goals: readonly number[]) => {
    const h = hari[i]!;
    if (q === gv || q === rc || !bisaDuduk(h, q) || !samaBaris(h.piket, q, rc) || !bolehSemua(h, rc))
      return false;
    if ((gv !== TIADA && rugi(goals, i, gv, q, false)) || rugi(goals, i, q, rc, true)) return false;
    const key = kunciGabung(h, 2, gv, q, rc);
    if (gagalGabung(h, key)) return false;
    gabungPs.length = 0;
    gabungBaru.length = 0;
    if (gv !== TIADA) {
      gabungPs.push(gv);
      gabungBaru.push(selRumah(h, gv));
    }
    gabungPs.push(q, rc);
    gabungBaru.push(selKantor(h, q), h.status[q]!);
    return gabung(i, gv, rc, key);
  };
  /** The classes of pivot tried so far (one pivot of each class is tried). */
  const kelasDicoba: number[] = [];

  /**
   * One exchange between a root and someone in `ujungOk` (forward: a root gives; backward: a root takes), or
   * nobody (`tiadaOk`), made if found: for each such person in order, each day, a root of a class that may
   * exchange a seat with them, a root in their piket group that may hand over (or take) the duty, or a
   * composite exchange (K1, K2) through a third person.
   */
  const langsung = (maju: boolean, goals: readonly number[]): boolean => {
    cap++;
    // Exchanges with nobody at one end move no one else's goals; with goals to keep they are not tried.
    const tiada = tiadaOk && !goals.some((x) => x !== 1);
    for (const e of ujungOk) {
      const eo = e * D;
      for (let i = 0; i < D; i++) {
        const je = jenisOrang[eo + i]!;
        if (je === 0) continue;
        const h = hari[i]!;
        const o = i * M;
        if (je === (maju ? J_RUMAH : J_KANTOR)) {
          if (dibangun[i] !== cap) akarHari(h, i, maju);
          const ke = kelasHari(h)[e]!;
          for (let c = o; c < o + nKelas[i]!; c++) {
            const kr = kelasBuf[c]!;
            if (!(maju ? bisaTukarKelas(h, kr, ke) : bisaTukarKelas(h, ke, kr))) continue;
            let ditolak = -1;
            for (let j = awalBuf[c]!; j < awalBuf[c]! + panjangBuf[c]!; j++) {
              const r = calonBuf[j]!;
              // roots of one class nearly always share their row: one refusal stands for the rest
              if (r === e || baris0[r] === ditolak) continue;
              const u = maju ? r : e;
              const v = maju ? e : r;
              if (!terimaC(u, v)) {
                ditolak = baris0[r]!;
                continue;
              }
              if (goals.length > 0 && rugi(goals, i, u, v, false)) continue;
              langkah.length = 0;
              langkah.push(u, v, i);
              if (jalankan(u, v, goals)) return true;
            }
          }
          // Composite exchanges (within the budget). K1 forward: a root on piket hands its duty to q, whose
          // seat e takes; K2 backward: e's seat goes to q (on piket), whose duty a root at home takes.
          if (sisaRantai > 0)
            for (let j = o; j < o + nPiket[i]!; j++) {
              const r = piketBuf[j]!;
              if (
                maju
                  ? terimaC(r, e) && bisaPulang(h, r) && k1(i, r, e, goals)
                  : terimaC(e, r) && k2(i, e, r, goals)
              )
                return true;
            }
        }
        const gp = piketOrang[eo + i]! - 1;
        if (gp < 0) continue;
        if (maju ? je === J_RUMAH || je === J_RUMAH_ATURAN : je === J_PIKET) {
          if (dibangun[i] !== cap) akarHari(h, i, maju);
          for (let j = o; j < o + nPiket[i]!; j++) {
            const r = piketBuf[j]!;
            if (r === e || piketOrang[r * D + i]! - 1 !== gp) continue;
            const u = maju ? r : e;
            const v = maju ? e : r;
            if (!terimaC(u, v) || !bisaPulang(h, u) || rugi(goals, i, u, v, true) || !bisaBeri(h, u, v, true))
              continue;
            langkah.length = 0;
            langkah.push(u, v, i);
            if (jalankan(u, v, goals)) return true;
          }
          // K2 forward: a root at the office hands its seat to q (on piket), whose duty e takes; backward K1:
          // e (on piket) hands its duty to q, whose seat a root at home takes. One root per class (the rules
          // depend on the class only).
          if (sisaRantai > 0 && (maju || bisaPulang(h, e)))
            for (let c = o; c < o + nKelas[i]!; c++) {
              let ditolak = -1;
              for (let j = awalBuf[c]!; j < awalBuf[c]! + panjangBuf[c]!; j++) {
                const r = calonBuf[j]!;
                if (r === e || baris0[r] === ditolak) continue;
                if (maju ? !terimaC(r, e) : !terimaC(e, r)) {
                  ditolak = baris0[r]!;
                  continue;
                }
                if (maju ? k2(i, r, e, goals) : k1(i, e, r, goals)) return true;
                break;
              }
            }
        }
      }
    }
    if (!tiada || sisaRantai <= 0) return false;
    // Nobody at the other end: forward, a root on piket goes home and q takes its duty (K1, no receiver);
    // backward, q on piket takes a free seat and a root takes its duty (K2, no giver).
    for (let i = 0; i < D; i++) {
      const h = hari[i]!;
      if (dibangun[i] !== cap) akarHari(h, i, maju);
      for (let j = i * M; j < i * M + nPiket[i]!; j++) {
        const r = piketBuf[j]!;
        if (
          maju
            ? terimaC(r, TIADA) && bisaPulang(h, r) && k1(i, r, TIADA, goals)
            : terimaC(TIADA, r) && k2(i, TIADA, r, goals)
        )
          return true;
      }
    }
    return false;
  };
  // Remove-and-fill (forward): a root r leaves the office on day i (its seat; or its piket duty, handed to
  // someone eligible at home or, as a pivot, at the office by choice), then every idle seat this leaves is
  // filled by the free person at home with the fewest office days. Add-and-eject (backward): a root comes in
  // to a seat, each cap this overfills sends home its member at the office by choice with the most office
  // days, and the seats that empties are filled again. The changes are made one by one (`ubahSel`), then
  // checked as a whole (`sahGabung`) and judged as one transfer; undone if either fails.
  const mulai = () => {
    tCap.length = 0;
    tCapLama.length = 0;
    tMin.length = 0;
    tMinLama.length = 0;
    gabungPs.length = 0;
    gabungLama.length = 0;
  };
  const ubahSel = (h: HariTersimpan, i: number, p: number, baru: SelJadwal) => {
    sentuh(h, p);
    gabungPs.push(p);
    gabungLama.push(h.status[p]!);
    ganti(h, i, p, baru);
  };
  const urungkan = (h: HariTersimpan, i: number, versi: number) => {
    for (let k = gabungPs.length - 1; k >= 0; k--) ganti(h, i, gabungPs[k]!, gabungLama[k]!);
    h.versi = versi;
  };
  /** Whether p fits at the office on day h (every cap of p below its maximum). */
  const muatDi = (h: HariTersimpan, p: number) => {
    for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
      const c = h.cap.list[j]!;
      if (h.hitung[c]! >= h.maks[c]!) return false;
    }
    return true;
  };
  /** Fills the idle seats of the caps touched so far, fewest office days first; false if one cannot be. */
  const isi = (h: HariTersimpan, i: number, asal: number, goals: readonly number[]): boolean => {
    for (let langkahIsi = 0; langkahIsi < 8; langkahIsi++) {
      let perlu = -1;
      for (const c of tCap) {
        if (h.hitung[c]! >= h.maks[c]!) continue;
        for (const x of h.capMembers[c]!)
          if (x < n && h.jenis[x] === J_RUMAH && !penuh(h, x)) {
            perlu = c;
            break;
          }
        if (perlu >= 0) break;
      }
      if (perlu < 0) return true;
      let terbaik = -1;
      const ms = h.capMembers[perlu]!;
      sisaRantai -= 1 + Math.floor(ms.length / D);
      for (const x of ms)
        if (
          x < n &&
          h.jenis[x] === J_RUMAH &&
          !gabungPs.includes(x) &&
          (terbaik < 0 || kantor[x]! < kantor[terbaik]!) &&
          muatDi(h, x) &&
          !(asal !== TIADA && goals.length > 0 && rugi(goals, i, asal, x, false))
        )
          terbaik = x;
      if (terbaik < 0) return false;
      ubahSel(h, i, terbaik, selKantor(h, terbaik));
    }
    return false;
  };
  /**
   * Checks, judges and keeps (true) or undoes the changes made since `mulai`. With goals to keep (other than
   * piket rotation), as many must gain an office day as lose one (each exchange was checked against them).
   */
  const akhiri = (h: HariTersimpan, i: number, versi: number, goals: readonly number[]): boolean => {
    ubahOrang.length = 0;
    ubahNilai.length = 0;
    for (const [k, p] of gabungPs.entries()) {
      const d = (DI_KANTOR(h.status[p]!.status) ? 1 : 0) - (DI_KANTOR(gabungLama[k]!.status) ? 1 : 0);
      if (d === 0) continue;
      ubahOrang.push(p);
      ubahNilai.push(d);
    }
    let jumlah = 0;
    for (const d of ubahNilai) jumlah += d;
    const ok =
      ubahOrang.length > 0 &&
      !(jumlah !== 0 && goals.some((x) => x !== 1)) &&
      sahGabung(h, gabungPs) &&
      !ubahOrang.every(luar) &&
      terimaUbah();
    if (ok && mencatat) {
      jurnalKunci = `${i}|${gabungPs.join(',')}`;
      if (lewati.has(jurnalKunci)) {
        urungkan(h, i, versi);
        return false;
      }
      for (const [k, p] of gabungPs.entries()) {
        jurnalHari.push(i);
        jurnalOrang.push(p);
        jurnalSel.push(gabungLama[k]!);
      }
    }
    if (!ok) {
      urungkan(h, i, versi);
      return false;
    }
    pindahUbah();
    for (const p of gabungPs) tandai(p);
    return true;
  };
  /** Remove-and-fill of root r on day i (see above). */
  const buang = (i: number, r: number, goals: readonly number[]): boolean => {
    const h = hari[i]!;
    const jr = h.jenis[r]!;
    if (jr === J_KANTOR) {
      const versi = h.versi;
      mulai();
      ubahSel(h, i, r, selRumah(h, r));
      if (isi(h, i, r, goals) && akhiri(h, i, versi, goals)) return true;
      if (gabungPs.length > 0) urungkan(h, i, versi);
      return false;
    }
    if (jr !== J_PIKET || !bisaPulang(h, r)) return false;
    const gp = piketOrang[r * D + i]! - 1;
    if (gp < 0) return false;
    // Who takes the duty: the member at home with the fewest office days, someone in no cap group at home,
    // or a pivot at the office.
    let diRumah = -1;
    let luarRumah = -1;
    let poros = -1;
    const ps = h.piketAnggota[gp]!;
    sisaRantai -= 1 + Math.floor(ps.length / D);
    for (const q of ps) {
      if (q >= n || q === r || !samaBaris(h.piket, r, q) || !bolehSemua(h, q)) continue;
      const jq = h.jenis[q]!;
      if (jq === J_RUMAH || jq === J_RUMAH_ATURAN) {
        if (rugi(goals, i, r, q, true)) continue;
        if (luar(q)) {
          if (luarRumah < 0 || piketKali[q]! < piketKali[luarRumah]!) luarRumah = q;
        } else if (diRumah < 0 || kantor[q]! < kantor[diRumah]!) diRumah = q;
      } else if (jq === J_KANTOR && poros < 0 && !rugi(goals, i, r, q, true)) poros = q;
    }
    for (const q of [diRumah, luarRumah, poros]) {
      if (q < 0) continue;
      const versi = h.versi;
      mulai();
      const tugas = h.status[r]!;
      ubahSel(h, i, r, selRumah(h, r));
      ubahSel(h, i, q, tugas);
      // whoever fills a seat q leaves takes it from q
      if (isi(h, i, q === poros ? q : r, goals) && akhiri(h, i, versi, goals)) return true;
      if (gabungPs.length > 0) urungkan(h, i, versi);
    }
    return false;
  };
  /** Add-and-eject of root t on day i (see above). */
  const tambah = (i: number, t: number, goals: readonly number[]): boolean => {
    const h = hari[i]!;
    if (h.jenis[t] !== J_RUMAH) return false;
    const versi = h.versi;
    mulai();
    ubahSel(h, i, t, selKantor(h, t));
    let ok = true;
    for (let j = h.cap.start[t]!; j < h.cap.start[t + 1]! && ok; j++) {
      const c = h.cap.list[j]!;
      if (h.hitung[c]! <= h.maks[c]!) continue;
      let terbaik = -1;
      const ms = h.capMembers[c]!;
      sisaRantai -= 1 + Math.floor(ms.length / D);
      for (const y of ms)
        if (
          y < n &&
          h.jenis[y] === J_KANTOR &&
          !gabungPs.includes(y) &&
          (terbaik < 0 || kantor[y]! > kantor[terbaik]!) &&
          !(goals.length > 0 && rugi(goals, i, y, t, false))
        )
          terbaik = y;
      if (terbaik < 0) ok = false;
      else ubahSel(h, i, terbaik, selRumah(h, terbaik));
    }
    if (ok && isi(h, i, t, goals) && akhiri(h, i, versi, goals)) return true;
    urungkan(h, i, versi);
    return false;
  };
  /** Remove-and-fill from (forward) or add-and-eject to (backward) the roots, within the budget. */
  const buangTambah = (maju: boolean, goals: readonly number[]): boolean => {
    for (const r of akar)
      for (let i = 0; i < D && sisaRantai > 0; i++) {
        const j = jenisOrang[r * D + i]!;
        if (
          maju
            ? (j === J_KANTOR || j === J_PIKET) && buang(i, r, goals)
            : j === J_RUMAH && tambah(i, r, goals)
        )
          return true;
      }
    return false;
  };
  /** K1 with giver gv and receiver rc: one q of each class in gv's piket group at the office. */
  const k1 = (i: number, gv: number, rc: number, goals: readonly number[]) => {
    const h = hari[i]!;
    const kl = kelasHari(h);
    kelasDicoba.length = 0;
    for (const q of diKantorPiket(h, piketOrang[gv * D + i]! - 1)) {
      if (kelasDicoba.includes(kl[q]!)) continue;
      if (cobaK1(i, gv, q, rc, goals)) return true;
      kelasDicoba.push(kl[q]!);
    }
    return false;
  };
  /** K2 with giver gv and receiver rc: one q of each class among those on piket in rc's piket group. */
  const k2 = (i: number, gv: number, rc: number, goals: readonly number[]) => {
    const h = hari[i]!;
    const gp = piketOrang[rc * D + i]! - 1;
    if (gp < 0) return false;
    const kl = kelasHari(h);
    kelasDicoba.length = 0;
    for (const q of diPiket(h, gp)) {
      if (kelasDicoba.includes(kl[q]!)) continue;
      if (cobaK2(i, gv, q, rc, goals)) return true;
      kelasDicoba.push(kl[q]!);
    }
    return false;
  };
  /**
   * A transfer from (forward) or to the members of g with v office days, accepted as `terima` says: one
   * exchange (simple or composite), else remove-and-fill / add-and-eject, else (`rantai`) a chain.
   */
  const coba = (g: number, v: number, maju: boolean, rantai: boolean) => {
    akar.length = 0;
    for (const p of anggota[g]!) if (kantor[p] === v) akar.push(p);
    cariUjung(g, maju);
    if (ujungOk.length === 0 && !tiadaOk) return false;
    if (langsung(maju, semua) || (bawahLain.length > 0 && langsung(maju, atas))) return true;
    if (sisaRantai > 0 && (buangTambah(maju, semua) || (bawahLain.length > 0 && buangTambah(maju, atas))))
      return true;
    return (
      rantai &&
      sisaRantai > 0 &&
      (cari(g, akar, semua, maju) || (bawahLain.length > 0 && cari(g, akar, atas, maju)))
    );
  };
  /**
   * A pair of transfers, for where one alone does not help (it evens one group and unevens another): a first
   * from (forward) or to the members of g with v office days that lowers some group's range without raising
   * their sum, then a second that evens a group the first made more uneven; made if the two together are
   * accepted against the groups as they were before (`acuan*`), else the first is undone. At most PASANGAN_MAKS
   * first transfers are tried, within the chains' budget.
   */
  const pasangan = (g: number, v: number, maju: boolean): boolean => {
    lewati.clear();
    for (let k = 0; k < PASANGAN_MAKS && sisaRantai > 0; k++) {
      sisaRantai -= ujungLuasOf(g).length;
      lemah = true;
      mencatat = true;
      jurnalHari.length = 0;
      jurnalOrang.length = 0;
      jurnalSel.length = 0;
      const ada = coba(g, v, maju, false);
      lemah = false;
      mencatat = false;
      if (!ada) return false;
      lewati.add(jurnalKunci);
      adaAcuan = true;
      let ok = false;
      for (let a = 0; a < acuanG.length && !ok; a++) {
        const h = acuanG[a]!;
        if (rentang[h]! <= acuanR[a]!) continue;
        sisaRantai -= ujungLuasOf(h).length;
        let lo = 0;
        while (hist[h * W + lo] === 0) lo++;
        ok = coba(h, lo + rentang[h]!, true, true) || coba(h, lo, false, true);
      }
      adaAcuan = false;
      if (ok) return true;
      batal();
    }
    return false;
  };
  const perbaiki = (g: number) => {
    const o = g * W;
    for (;;) {
      if (rentang[g] === 0) return;
      let lo = 0;
      while (hist[o + lo] === 0) lo++;
      const hi = lo + rentang[g]!;
      // From the members with the most office days down, then from those with the fewest up (chains in the
      // first round); then pairs.
      const maju =
        coba(g, hi, true, ronde === 0) ||
        coba(g, lo, false, ronde === 0) ||
        (sisaRantai > 0 && (pasangan(g, hi, true) || pasangan(g, lo, false)));
      if (!maju) return;
    }
  };
  // In rounds, smaller groups first (a unit's transfers then settle before the larger group around it is
  // searched again); a group changed by another's transfer is searched again in the next round.
  for (let g = 0; g < G; g++) {
    kotor[g] = 1;
    antreKelompok.push(g);
  }
  while (antreKelompok.length > 0) {
    const putaran = antreKelompok.splice(0).sort((a, b) => anggota[a]!.length - anggota[b]!.length || a - b);
    for (const g of putaran) {
      if (kotor[g] === 0) continue;
      kotor[g] = 0;
      sekarang = g;
      perbaiki(g);
    }
    ronde++;
  }
  sekarang = -1;
}

/**
 * Builds the schedule: one status per person per day. Hard rules — every cap, fixed WFO/WFH, piket
 * counts and eligibility, minimums, nobody unavailable scheduled to work, locked cells kept — are met
 * whenever the instance allows; otherwise the best roster is returned with each violation listed.
 * Soft goals (office days spread evenly within a cap group, piket rotated, cohorts, few changes,
 * requests) order the choices, greedily per day, in the Pemda's order — for piket too. 'merata' looks
 * ahead: office days so far plus those still expected (`harapanKantorSisa`). Per day: fixed cells; piket
 * (groups with the fewest seat-free candidates first; members of a minimum only piket can still meet
 * first); minimums; the free fill of every cap; minimums again from home; broken caps reported. Then, where
 * 'merata' is a goal, an improvement pass (`ratakan`) moves office days from the most to the fewest within
 * each cap group by exchanges that keep every hard rule and make no goal ranked above 'merata' worse
 * (`opsi.perbaikan: false` leaves the greedy roster). Deterministic for the same input and seed. Time and
 * memory grow about linearly with people × days (plus a sort per day): `npm run bench:roster`.
 */
export function solveRoster(m: MasukanJadwal, opsi: OpsiSolve = {}): HasilJadwal {
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
      .sort((a, b) => a.h - b.h || bandingTeks(a.k, b.k));
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
  // For the improvement pass: each day's state, and the cap groups over the period (by id) with their members.
  const tersimpan: HariTersimpan[] = [];
  const kelompokKe = new Map<string, number>();
  const kelompokAnggota: Set<number>[] = [];
  const anggotaTerakhir: (readonly number[] | undefined)[] = [];

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
        // A lock against a rule is kept (the unit head decided) but never silent.
        const aturan = kep.sumber
          ? `"${kep.sumber.judulAturan}" (${kep.sumber.kebijakanId}/${kep.sumber.aturanId})`
          : '';
        if (kep.sumber && kep.lokasi === 'WFH' && kunci === 'WFO')
          pelanggaran.push({
            tanggal: d,
            kode: 'WAJIB_WFH',
            kelompokId: null,
            orang: [k],
            pesan: pesan(
              `${k} dikunci WFO pada ${d} padahal aturan ${aturan} mewajibkan bekerja dari rumah`,
              `${k} is locked to WFO on ${d} but rule ${aturan} requires working from home`,
            ),
          });
        if (kep.sumber && kep.lokasi === 'WFO' && kunci === 'WFH')
          pelanggaran.push({
            tanggal: d,
            kode: 'WAJIB_WFO',
            kelompokId: null,
            orang: [k],
            pesan: pesan(
              `${k} dikunci WFH pada ${d} padahal aturan ${aturan} mewajibkan bekerja di kantor`,
              `${k} is locked to WFH on ${d} but rule ${aturan} requires the office`,
            ),
          });
        if (kunci === 'PIKET' && !groups.some((g) => g.jenis === 'piket' && g.bolehPiket?.includes(k)))
          pelanggaran.push({
            tanggal: d,
            kode: 'PIKET_TIDAK_BOLEH',
            kelompokId: null,
            orang: [k],
            pesan: pesan(
              `${k} dikunci piket pada ${d} padahal tidak ada aturan piket yang membolehkannya`,
              `${k} is locked to piket on ${d} though no piket rule allows it`,
            ),
          });
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

    // 6. Caps broken by locks or fixed cells, and more piket than a rule asks (locks): never silent.
    for (const { g, anggota } of piketGroups) {
      let ada = 0;
      for (const p of anggota) if (status[p]?.status === 'PIKET') ada++;
      if (ada > g.jumlahPiket!)
        pelanggaran.push({
          tanggal: d,
          kode: 'PIKET_BERLEBIH',
          kelompokId: g.id,
          orang: anggota.filter((p) => status[p]?.alasan === 'kunci').map((p) => ix.keys[p]!),
          pesan: pesan(
            `${g.grupKode} ${d}: ${ada} piket; aturan meminta ${g.jumlahPiket} (sel yang dikunci kepala unit melampauinya)`,
            `${g.grupKode} ${d}: ${ada} on duty; the rule asks for ${g.jumlahPiket} (cells locked by the unit head exceed it)`,
          ),
        });
    }
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
    const akhir = new Array<SelJadwal>(n);
    const jenis = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      const c = status[p] ?? TANPA;
      akhir[p] = c;
      if (c.alasan !== 'kebijakan' || c.status === 'WFH') jenis[p] = jenisSel(c);
      if (DI_KANTOR(c.status)) hariKantor[p]!++;
      if (c.status === 'PIKET') piketKali[p]!++;
    }
    // Kept for the improvement pass: the day's cells, caps and minimums with their counts.
    const minHadir = new Int32Array(minimums.length);
    for (const [i, ps] of minMembers.entries())
      for (const p of ps) if (p < n && DI_KANTOR(akhir[p]!.status)) minHadir[i]!++;
    for (const [c, g] of caps.entries()) {
      let gi = kelompokKe.get(g.id);
      if (gi === undefined) {
        gi = kelompokAnggota.length;
        kelompokKe.set(g.id, gi);
        kelompokAnggota.push(new Set());
        anggotaTerakhir.push(undefined);
      }
      const ps = capMembers[c]!;
      if (anggotaTerakhir[gi] !== ps) {
        anggotaTerakhir[gi] = ps;
        const s = kelompokAnggota[gi]!;
        for (const p of ps) if (p < n) s.add(p);
      }
    }
    const piketGi = groups.flatMap((g, gi) => (g.jenis === 'piket' ? [gi] : []));
    tersimpan.push({
      tanggal: d,
      status: akhir,
      jenis,
      kep: kepOf,
      cap: { start: capStart.slice(0, N + 1), list: capList.slice(0, capStart[N]!) },
      capMembers,
      hitung,
      maks,
      dihitungPiket,
      min: { start: minStart, list: minList },
      minHadir,
      minMin: minimums.map((g) => g.min!),
      piket: baris(
        N,
        piketGi.map((gi) => ig[gi]!.anggota),
      ),
      piketBoleh: baris(
        N,
        piketGi.map((gi) => ig[gi]!.boleh),
      ),
      piketAnggota: piketGi.map((gi) => ig[gi]!.anggota),
      piketCap: new Int32Array(0),
      hariKerjaKe,
      kelas: null,
      wakil: [],
      kelasCap: new Int32Array(0),
      kelasPos: new Int32Array(0),
      kelasSelesai: new Int32Array(0),
      versi: 0,
      bolehTukar: new Map(),
      bolehVersi: 0,
      pemegang: [],
      kantorPiket: [],
      piketVersi: 0,
      bolehGabung: new Map(),
      bolehGabungVersi: 0,
    });
    if (ev.hariKerja) hariKerjaKe++;
    hariKe++;
  }

  // 7. Improvement pass: office days moved from the most to the fewest within each cap group ('merata').
  const iMerata = urutanKe.indexOf(0);
  if (opsi.perbaikan !== false && iMerata >= 0 && kelompokAnggota.length > 0) {
    const aktif = (s: number) =>
      s === 1 ||
      (s === 2 && m.kohort === true) ||
      (s === 3 && m.sebelumnya !== undefined) ||
      (s === 4 && m.permintaan !== undefined);
    const nilai = (s: number, i: number, p: number, piket: boolean): number => {
      const h = tersimpan[i]!;
      if (s === 2) return tim[p] === h.hariKerjaKe % 2 ? 0 : 1;
      if (s === 3) {
        // the cell it would take (WFO, or PIKET) before 0, at home before 2, else 1: an exchange that is no
        // worse for each pair of people changes no more cells of the roster rebuilt
        const prev = sebelumnyaOf[p]?.get(h.tanggal);
        return prev === (piket ? 'PIKET' : 'WFO') ? 0 : prev === 'WFH' ? 2 : 1;
      }
      const want = permintaanOf[p]?.get(h.tanggal);
      return want === 'WFO' ? 0 : want === undefined ? 1 : 2;
    };
    ratakan({
      n,
      hari: tersimpan,
      kantor: hariKantor,
      piketKali,
      anggota: kelompokAnggota.map((s) => [...s].sort((a, b) => a - b)),
      cells,
      nilai,
      atas: urutanKe.slice(0, iMerata).filter(aktif),
      bawah: urutanKe.slice(iMerata + 1).filter(aktif),
    });
  }

  for (let p = 0; p < n; p++) {
    const s = selOf[p]!;
    for (const h of tersimpan) s.set(h.tanggal, h.status[p]!);
  }
  return { sel, pelanggaran, hariKantor: new Map(m.orang.map((k, p) => [k, hariKantor[p]!])) };
}
