/**
 * The sign-in throttle. Failures are counted per (username, address) pair: after
 * {@link BEBAS_GAGAL} failures that pair must wait, twice as long after each further failure, up to
 * {@link TAHAN_MAKS_MS}. An outsider's failures therefore slow down only the outsider's own address,
 * never the account's owner signing in from elsewhere. A pair forgets its failures
 * {@link LUPA_MS} after the last one.
 *
 * Across all addresses, {@link PLAFON_AKUN} failures within {@link JENDELA_AKUN_MS} make every attempt
 * on that username wait {@link LAMBAT_MS} before it is answered: a distributed guesser is slowed down,
 * the owner still gets in. Both count usernames as typed, whether or not such an account exists, so
 * the throttle tells nobody which usernames exist.
 */
export const BEBAS_GAGAL = 5;
export const TAHAN_AWAL_MS = 30_000;
export const TAHAN_MAKS_MS = 15 * 60_000;
export const LUPA_MS = 24 * 3600_000;
export const PLAFON_AKUN = 20;
export const JENDELA_AKUN_MS = 3600_000;
export const LAMBAT_MS = 1500;

/** The failures of one (username, address) pair: how many, and when the last was. */
export interface CatatanGagal {
  readonly gagal: number;
  readonly terakhir: Date;
}

/** The failures that still count at `now` (a pair forgets them a day after the last one). */
export function gagalBerlaku(c: CatatanGagal | undefined, now: Date): number {
  if (!c) return 0;
  return now.getTime() - c.terakhir.getTime() > LUPA_MS ? 0 : Math.max(0, c.gagal);
}

/** How long a pair with `gagal` failures must wait after its last one (0: not at all). */
export function lamaTahan(gagal: number): number {
  if (gagal < BEBAS_GAGAL) return 0;
  const lipat = Math.min(gagal - BEBAS_GAGAL, 20);
  return Math.min(TAHAN_MAKS_MS, TAHAN_AWAL_MS * 2 ** lipat);
}

/** Until when the pair is held back, or null when it may try now. */
export function ditahanSampai(c: CatatanGagal | undefined, now: Date): Date | null {
  const n = gagalBerlaku(c, now);
  const wait = lamaTahan(n);
  if (wait === 0 || !c) return null;
  const until = new Date(c.terakhir.getTime() + wait);
  return until > now ? until : null;
}

/** The failures on one username from every address that count towards the account ceiling. */
export function gagalAkun(pairs: readonly CatatanGagal[], now: Date): number {
  return pairs
    .filter((p) => now.getTime() - p.terakhir.getTime() <= JENDELA_AKUN_MS)
    .reduce((s, p) => s + Math.max(0, p.gagal), 0);
}

/** Whether attempts on the username are answered slowly (the ceiling across addresses is reached). */
export function diperlambat(pairs: readonly CatatanGagal[], now: Date): boolean {
  return gagalAkun(pairs, now) >= PLAFON_AKUN;
}
