import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { diperlambat, ditahanSampai, gagalBerlaku, LAMBAT_MS, lamaTahan, pesan } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as pengaturanRepo from '../pengaturan/pengaturan.repository.ts';
import * as repo from './auth.repository.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.ts';

export const SESSION_COOKIE = 'sigap_sid';
export const SESSION_HOURS = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Finds the tenant a sign-in is for: by code, or the only one there is. */
export async function resolveTenant(sdb: SigapDatabase, kode: string | undefined) {
  if (kode) {
    const t = await pengaturanRepo.findTenantByKode(sdb.db, kode);
    if (!t)
      throw new AppError(
        'PEMDA_TIDAK_DIKENAL',
        pesan(`Pemda "${kode}" tidak dikenal`, `Unknown Pemda "${kode}"`),
      );
    return t;
  }
  const all = await pengaturanRepo.listTenants(sdb.db);
  if (all.length !== 1) {
    throw new AppError('VALIDASI', pesan('Pilih Pemda terlebih dahulu', 'Choose the Pemda first'));
  }
  return all[0]!;
}

/** The one answer to every failed sign-in: unknown user, wrong password, inactive or held back. */
export const loginGagal = () =>
  new AppError(
    'LOGIN_GAGAL',
    pesan(
      'Gagal masuk: nama pengguna atau kata sandi salah. Setelah beberapa kali gagal, tunggu beberapa menit sebelum mencoba lagi.',
      'Sign-in failed: wrong username or password. After several failures, wait a few minutes before trying again.',
    ),
  );

/**
 * Signs in: the throttle (per username and address, see `@sigap/domain` throttle.ts), argon2id check,
 * then a new session. Every failure gets the same answer, so nobody learns which usernames exist or
 * that an account is held back. Returns the cookie value (`<tenant>.<token>`; only the token's hash is
 * stored).
 */
export async function login(
  sdb: SigapDatabase,
  input: { pemda?: string | undefined; username: string; password: string },
  alamat = 'tidak-diketahui',
): Promise<{ cookie: string; csrfToken: string }> {
  const tenant = await resolveTenant(sdb, input.pemda);
  const started = Date.now();
  const outcome = await withTenant(sdb, tenant.id, async (trx) => {
    const now = new Date();
    const pairs = await repo.loginFailures(trx, input.username);
    const mine = pairs.find((p) => p.alamat === alamat);
    const slow = diperlambat(pairs, now);
    if (ditahanSampai(mine, now)) return { kind: 'fail' as const, slow };
    const user = await repo.findUserByUsername(trx, input.username);
    let ok = false;
    if (user?.aktif) ok = await verifyPassword(user.password_hash, input.password);
    else await verifyPassword(await DUMMY_HASH_PROMISE, input.password); // same time as a real check
    if (!user || !ok) {
      const lapsed = gagalBerlaku(mine, now) === 0;
      await repo.recordLoginFailure(trx, tenant.id, input.username, alamat, lapsed);
      const count = (lapsed ? 0 : (mine?.gagal ?? 0)) + 1;
      if (user && lamaTahan(count) > 0 && lamaTahan(count - 1) === 0) {
        await insertAudit(trx, tenant.id, { userId: user.id, nama: user.username }, [
          {
            aksi: 'tahan_masuk',
            entitas: 'akun',
            entitasId: user.id,
            ringkasan: `Masuk ke akun ${user.username} dari ${alamat} ditahan sementara setelah ${count} kali gagal`,
          },
        ]);
      }
      return { kind: 'fail' as const, slow };
    }
    if (mine) await repo.clearLoginFailures(trx, user.username, alamat);
    await repo.deleteExpiredSessions(trx);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await repo.insertSession(trx, {
      tenantId: tenant.id,
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    });
    await insertAudit(trx, tenant.id, { userId: user.id, nama: user.username }, [
      { aksi: 'masuk', entitas: 'akun', entitasId: user.id, ringkasan: `${user.username} masuk` },
    ]);
    return { kind: 'ok' as const, slow, cookie: `${tenant.id}.${token}`, csrfToken };
  });
  // Past the ceiling across addresses every answer on this username comes slowly, right or wrong.
  if (outcome.slow) await sleep(Math.max(0, LAMBAT_MS - (Date.now() - started)));
  if (outcome.kind === 'fail') throw loginGagal();
  return { cookie: outcome.cookie, csrfToken: outcome.csrfToken };
}

/** The sha-256 id under which a session cookie's token is stored. */
export function sessionIdOf(cookie: string | undefined): string | null {
  const parsed = cookie ? parseCookie(cookie) : null;
  return parsed ? sha256(parsed.token) : null;
}

function parseCookie(cookie: string): { tenantId: string; token: string } | null {
  // A tenant id that is not a well-formed UUID never reaches the database (it would fail the cast there).
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{20,100})$/i.exec(
    cookie,
  );
  return m ? { tenantId: m[1]!, token: m[2]! } : null;
}

/** Resolves a session cookie to the caller, or null when it is missing, expired or revoked. */
export async function resolveSession(sdb: SigapDatabase, cookie: string | undefined): Promise<Caller | null> {
  const parsed = cookie ? parseCookie(cookie) : null;
  if (!parsed) return null;
  return withTenant(sdb, parsed.tenantId, async (trx) => {
    const s = await repo.findSession(trx, sha256(parsed.token));
    if (!s?.aktif) return null;
    return {
      userId: s.user_id,
      username: s.username,
      nama: s.nama,
      tenantId: parsed.tenantId,
      pegawaiId: s.pegawai_id,
      grants: await repo.grantsOf(trx, s.user_id),
      csrfToken: s.csrf_token,
    };
  });
}

/** Ends a session. */
export async function logout(sdb: SigapDatabase, cookie: string | undefined, caller: Caller): Promise<void> {
  const parsed = cookie ? parseCookie(cookie) : null;
  if (!parsed) return;
  await withTenant(sdb, caller.tenantId, async (trx) => {
    await repo.deleteSession(trx, sha256(parsed.token));
    await insertAudit(trx, caller.tenantId, { userId: caller.userId, nama: caller.username }, [
      { aksi: 'keluar', entitas: 'akun', entitasId: caller.userId, ringkasan: `${caller.username} keluar` },
    ]);
  });
}
