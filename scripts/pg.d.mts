/** The directory of PostgreSQL's server binaries, or null. */
export function findPgBin(): string | null;
/** Starts a throwaway PostgreSQL cluster on loopback (durability off unless `durable`). */
export function startPostgres(
  dir?: string,
  opts?: { durable?: boolean },
): Promise<{ url: string; stop(): void }>;
