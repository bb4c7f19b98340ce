/**
 * Limits on uploaded spreadsheets, from the environment (read at each use, so a test or an admin can
 * change them without a rebuild). Documented in README.md (configuration) and docs/import.md.
 */
export interface BatasUnggah {
  /** Largest upload body, in bytes (SIGAP_MAX_UPLOAD_MB, default 20). */
  readonly unggahByte: number;
  /** Largest total an XLSX may inflate to, in bytes (SIGAP_MAX_INFLATED_MB, default 200). */
  readonly inflasiByte: number;
  /** Most data rows one file may hold (SIGAP_MAX_ROWS, default 100,000). */
  readonly baris: number;
}

export const BATAS_BAWAAN = { unggahMb: 20, inflasiMb: 200, baris: 100_000 } as const;

/**
 * A positive number (`bulat`: a positive whole number) from the environment variable `nama`, else `bawaan`;
 * anything else stops the start in words. Also the rate limits' settings (kehadiran).
 */
export function angkaEnv(nama: string, bawaan: number, bulat = false): number {
  const v = process.env[nama];
  if (v === undefined || v.trim() === '') return bawaan;
  const n = Number(v);
  if (bulat && !(Number.isInteger(n) && n > 0))
    throw new Error(`${nama}=${v}: harus bilangan bulat positif / must be a positive whole number`);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${nama}=${v}: harus angka positif / must be a positive number`);
  return n;
}

export function batasUnggah(): BatasUnggah {
  return {
    unggahByte: Math.round(angkaEnv('SIGAP_MAX_UPLOAD_MB', BATAS_BAWAAN.unggahMb) * 1024 * 1024),
    inflasiByte: Math.round(angkaEnv('SIGAP_MAX_INFLATED_MB', BATAS_BAWAAN.inflasiMb) * 1024 * 1024),
    baris: Math.floor(angkaEnv('SIGAP_MAX_ROWS', BATAS_BAWAAN.baris)),
  };
}

/** Bytes as "20 MB" / "1,5 MB" for messages. */
export function mb(byte: number, lang: 'id' | 'en' = 'id'): string {
  const v = Math.round((byte / (1024 * 1024)) * 10) / 10;
  return `${v.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US')} MB`;
}
