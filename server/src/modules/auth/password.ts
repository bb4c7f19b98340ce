import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against an argon2id hash (constant-time inside the library). */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal which usernames exist. */
export const DUMMY_HASH_PROMISE = hashPassword('sigap-dummy-password');

/** Minimum password rules, in words an admin understands. */
export function passwordProblem(pw: string): { id: string; en: string } | null {
  if (pw.length < 10)
    return { id: 'Kata sandi minimal 10 karakter', en: 'The password needs at least 10 characters' };
  if (!/[A-Za-z]/.test(pw) || !/[0-9]/.test(pw)) {
    return { id: 'Kata sandi harus berisi huruf dan angka', en: 'The password needs letters and digits' };
  }
  return null;
}
