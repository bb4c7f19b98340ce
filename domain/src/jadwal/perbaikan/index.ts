/** The improvement pass (`ratakan`): office days moved from the most to the fewest within each cap group. */
import { coba } from './moves/coba.ts';
import { pasangan } from './moves/pasangan.ts';
import { Keadaan, type KonteksRatakan } from './state.ts';
import { catat } from './ukur.ts';

/**
 * Evens group g: transfers from its members with the most office days and to those with the fewest, until
 * none helps.
 */
export function perbaiki(st: Keadaan, g: number) {
  const o = g * st.W;
  for (;;) {
    if (st.rentang[g] === 0) return;
    let lo = 0;
    while (st.hist[o + lo] === 0) lo++;
    const hi = lo + st.rentang[g]!;
    // From the members with the most office days down, then from those with the fewest up (chains in the
    // first round); then pairs.
    const maju =
      coba(st, g, hi, true, st.ronde === 0) ||
      coba(st, g, lo, false, st.ronde === 0) ||
      (st.sisaRantai > 0 && (pasangan(st, g, hi, true) || pasangan(st, g, lo, false)));
    if (!maju) return;
  }
}

/**
 * The improvement pass ('merata', step 7 of `solveJadwal`): moves office days (WFO + PIKET over the period)
 * from people with more to people with fewer, in each cap group, where the greedy days left them uneven — the
 * measure of bench/jadwal: range = most − fewest office days among the group's members, then Σ |office days −
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
export function ratakan(k: KonteksRatakan): void {
  const st = new Keadaan(k);

  for (let g = 0; g < st.G; g++) catat(st, g);
  // In rounds, smaller groups first (a unit's transfers then settle before the larger group around it is
  // searched again); a group changed by another's transfer is searched again in the next round.
  for (let g = 0; g < st.G; g++) {
    st.kotor[g] = 1;
    st.antreKelompok.push(g);
  }

  while (st.antreKelompok.length > 0) {
    const putaran = st.antreKelompok
      .splice(0)
      .sort((a, b) => st.anggota[a]!.length - st.anggota[b]!.length || a - b);
    for (const g of putaran) {
      if (st.kotor[g] === 0) continue;
      st.kotor[g] = 0;
      st.sekarang = g;
      perbaiki(st, g);
    }
    st.ronde++;
  }

  st.sekarang = -1;
}
