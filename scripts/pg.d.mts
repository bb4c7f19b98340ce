/** The directory of PostgreSQL's server binaries, or null. */
export function findPgBin(): string | null;
/** Starts a throwaway PostgreSQL cluster on loopback. */
export function startPostgres(dir?: string): Promise<{ url: string; stop(): void }>;
