/**
 * The hard rules of one day, as the pass checks them before it changes a cell (caps, minimums, piket,
 * classes of people).
 */
import type { Baris, HariTersimpan } from '../hari.ts';
import { J_KANTOR, J_PIKET, J_RUMAH } from '../sel.ts';
import type { Keadaan } from './state.ts';

/** Whether row p of `b` names x. */
export function punya(_st: Keadaan, b: Baris, p: number, x: number) {
  for (let j = b.start[p]!; j < b.start[p + 1]!; j++) if (b.list[j] === x) return true;
  return false;
}

/** Whether rows p and q of `b` name the same lists. */
export function samaBaris(_st: Keadaan, b: Baris, p: number, q: number) {
  const l = b.start[p + 1]! - b.start[p]!;
  if (l !== b.start[q + 1]! - b.start[q]!) return false;
  for (let j = 0; j < l; j++) if (b.list[b.start[p]! + j] !== b.list[b.start[q]! + j]) return false;
  return true;
}

/** Whether p may be appointed in every piket group it is in on day h. */
export function bolehSemua(_st: Keadaan, h: HariTersimpan, p: number) {
  const a = h.piket;
  const b = h.piketBoleh;
  const l = a.start[p + 1]! - a.start[p]!;
  if (l !== b.start[p + 1]! - b.start[p]!) return false;
  for (let j = 0; j < l; j++) if (a.list[a.start[p]! + j] !== b.list[b.start[p]! + j]) return false;
  return true;
}

/**
 * A person's kind on day h for classes: free, at home by a rule, or fixed; and eligible for all its piket
 * groups. Classes of a day: people with the same caps, minimums and piket groups, eligible alike, with the
 * same kind of decision (an exchange's hard rules depend on these only).
 */
export function ciri(st: Keadaan, h: HariTersimpan, p: number) {
  const kep = h.kep[p];
  return (kep?.lokasi === 'BEBAS' ? 1 : kep?.lokasi === 'WFH' ? 2 : 0) | (bolehSemua(st, h, p) ? 4 : 0);
}

/** The classes of day h (people with the same caps, minimums, piket groups and kind), computed once. */
export function kelasHari(st: Keadaan, h: HariTersimpan): Int32Array {
  if (h.kelas) return h.kelas;
  const kl = new Int32Array(st.n);
  const perHash = new Map<number, number>();
  const lanjut: number[] = [];
  const ciriKelas: number[] = [];
  const sama = (p: number, q: number) =>
    samaBaris(st, h.cap, p, q) && samaBaris(st, h.min, p, q) && samaBaris(st, h.piket, p, q);
  const hash = (b: Baris, p: number, x: number) => {
    for (let j = b.start[p]!; j < b.start[p + 1]!; j++) x = Math.imul(x ^ b.list[j]!, 16777619);
    return Math.imul(x ^ 0x7fffffff, 16777619);
  };
  for (let p = 0; p < st.n; p++) {
    const c0 = ciri(st, h, p);
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
}

/** Whether one of p's caps on day h is full. */
export function penuh(_st: Keadaan, h: HariTersimpan, p: number) {
  for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
    const c = h.cap.list[j]!;
    if (h.hitung[c]! >= h.maks[c]!) return true;
  }
  return false;
}

/** Counts after u hands v its seat (piket: its duty) on day h (back = undo). */
export function hitungBeri(
  _st: Keadaan,
  h: HariTersimpan,
  u: number,
  v: number,
  piket: boolean,
  back: boolean,
) {
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
}

/**
 * Whether u (at the office) may hand v (at home) its seat or piket duty on day h under every hard rule: v's
 * caps that count it and not u have room; u's caps that stop counting it are not over their maximum (a reported
 * excess stays as reported) and, where they stop being full, every free person at home in them still has a
 * full cap, as u has if it goes home free; u's minimums that v is not in stay met, and v's that u is not in
 * are met already (a reported shortfall stays as reported). A piket duty goes only to someone in the same
 * piket groups and eligible in each.
 */
export function bisaBeri(st: Keadaan, h: HariTersimpan, u: number, v: number, piket: boolean): boolean {
  const { cap, hitung, maks, dihitungPiket, min, minHadir, minMin } = h;
  if (piket) {
    if (!samaBaris(st, h.piket, u, v) || !bolehSemua(st, h, v)) return false;
  }
  const dihitung = (c: number) => !piket || dihitungPiket[c]!;
  for (let j = cap.start[v]!; j < cap.start[v + 1]!; j++) {
    const c = cap.list[j]!;
    if (dihitung(c) && hitung[c]! >= maks[c]! && !punya(st, cap, u, c)) return false;
  }
  let turun = false;
  for (let j = cap.start[u]!; j < cap.start[u + 1]!; j++) {
    const c = cap.list[j]!;
    if (!dihitung(c) || punya(st, cap, v, c)) continue;
    if (hitung[c]! > maks[c]!) return false;
    turun = true;
  }
  for (let j = min.start[u]!; j < min.start[u + 1]!; j++) {
    const i = min.list[j]!;
    if (!punya(st, min, v, i) && minHadir[i]! - 1 < minMin[i]!) return false;
  }
  for (let j = min.start[v]!; j < min.start[v + 1]!; j++) {
    const i = min.list[j]!;
    if (!punya(st, min, u, i) && minHadir[i]! < minMin[i]!) return false;
  }
  const uBebas = cap.start[u + 1]! > cap.start[u]!;
  if (!turun && !(piket && uBebas)) return true;
  const versi = h.versi;
  hitungBeri(st, h, u, v, piket, false);
  let ok = !uBebas || penuh(st, h, u);
  for (let j = cap.start[u]!; j < cap.start[u + 1]! && ok; j++) {
    const c = cap.list[j]!;
    if (!dihitung(c) || punya(st, cap, v, c) || hitung[c]! >= maks[c]!) continue;
    for (const x of h.capMembers[c]!)
      if (x < st.n && x !== u && h.jenis[x] === J_RUMAH && !penuh(st, h, x)) {
        ok = false;
        break;
      }
  }
  hitungBeri(st, h, u, v, piket, true);
  h.versi = versi;
  return ok;
}

/** Whether a member of class ku may hand a seat to one of class kv on day h (cached for the day's version). */
export function bisaTukarKelas(st: Keadaan, h: HariTersimpan, ku: number, kv: number) {
  if (h.bolehVersi !== h.versi) {
    h.bolehTukar.clear();
    h.bolehVersi = h.versi;
  }
  const key = ku * 1048576 + kv;
  let ok = h.bolehTukar.get(key);
  if (ok === undefined) {
    ok = bisaBeri(st, h, h.wakil[ku]!, h.wakil[kv]!, false);
    h.bolehTukar.set(key, ok);
  }
  return ok;
}

/**
 * The members of the day's piket group i whose cell is of kind `jenis`, kept in `cache` (h.pemegang for
 * J_PIKET, h.kantorPiket for J_KANTOR) until the day's version changes.
 */
export function anggotaBerjenis(
  st: Keadaan,
  h: HariTersimpan,
  cache: (number[] | undefined)[],
  i: number,
  jenis: number,
): readonly number[] {
  if (h.piketVersi !== h.versi) {
    h.pemegang.length = 0;
    h.kantorPiket.length = 0;
    h.piketVersi = h.versi;
  }
  let ps = cache[i];
  if (!ps) {
    ps = [];
    for (const p of h.piketAnggota[i]!) if (p < st.n && h.jenis[p] === jenis) ps.push(p);
    cache[i] = ps;
  }
  return ps;
}

/** Who is on piket in the day's piket group i. */
export function diPiket(st: Keadaan, h: HariTersimpan, i: number) {
  return anggotaBerjenis(st, h, h.pemegang, i, J_PIKET);
}

/** People at the office by choice in piket group gp of day h (the pivots of K1). */
export function diKantorPiket(st: Keadaan, h: HariTersimpan, gp: number) {
  return anggotaBerjenis(st, h, h.kantorPiket, gp, J_KANTOR);
}

/** Whether u handing v its seat (piket: its duty) on day i makes one of `goals` worse. */
export function rugi(st: Keadaan, goals: readonly number[], i: number, u: number, v: number, piket: boolean) {
  for (const s of goals) {
    if (s === 1) {
      if (piket && st.piketKali[v]! >= st.piketKali[u]!) return true;
    } else if (st.nilai(s, i, v, piket) > st.nilai(s, i, u, piket)) return true;
  }
  return false;
}

/** Whether u, on piket on day h, may go home (free: WFH within its caps; or at home by a rule). */
export function bisaPulang(_st: Keadaan, h: HariTersimpan, u: number) {
  const kep = h.kep[u];
  return (
    kep !== undefined &&
    (kep.lokasi === 'WFH' || (kep.lokasi === 'BEBAS' && h.cap.start[u + 1]! > h.cap.start[u]!))
  );
}

/** May p, on piket on day h, take a free seat (free under caps)? */
export function bisaDuduk(_st: Keadaan, h: HariTersimpan, p: number) {
  return h.kep[p]?.lokasi === 'BEBAS' && h.cap.start[p + 1]! > h.cap.start[p]!;
}

/** Whether p fits at the office on day h (every cap of p below its maximum). */
export function muatDi(_st: Keadaan, h: HariTersimpan, p: number) {
  for (let j = h.cap.start[p]!; j < h.cap.start[p + 1]!; j++) {
    const c = h.cap.list[j]!;
    if (h.hitung[c]! >= h.maks[c]!) return false;
  }
  return true;
}
