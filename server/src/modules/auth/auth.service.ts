import { createHash, randomBytes } from 'node:crypto';
import { pesan } from '@sigap/domain';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import type { Caller } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as tenantRepo from '../tenant/tenant.repository.ts';
import * as repo from './auth.repository.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.ts';

export const SESSION_COOKIE = 'sigap_sid';
export const SESSION_HOURS = 10;
const MAX_ATTEMPTS = 5;
const LOCK_MINUTES = 15;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Finds the tenant a sign-in is for: by code, or the only one there is. */
export async function resolveTenant(sdb: SigapDatabase, kode: string | undefined) {
  if (kode) {
    const t = await tenantRepo.findTenantByKode(sdb.db, kode);
    if (!t)
      throw new AppError(
        'PEMDA_TIDAK_DIKENAL',
        pesan(`Pemda "${kode}" tidak dikenal`, `Unknown Pemda "${kode}"`),
      );
    return t;
  }
  const all = await tenantRepo.listTenants(sdb.db);
  if (all.length !== 1) {
    throw new AppError('VALIDASI', pesan('Pilih Pemda terlebih dahulu', 'Choose the Pemda first'));
  }
  return all[0]!;
}

/**
 * Signs in: argon2id check, lock-out after repeated failures, then a new session.
 * Returns the cookie value (`<tenant>.<token>`; only the token's hash is stored).
 */
export async function login(
  sdb: SigapDatabase,
  input: { pemda?: string | undefined; username: string; password: string },
): Promise<{ cookie: string; csrfToken: string }> {
  const tenant = await resolveTenant(sdb, input.pemda);
  const outcome = await withTenant(sdb, tenant.id, async (trx) => {
    const user = await repo.findUserByUsername(trx, input.username);
    if (!user?.aktif) {
      await verifyPassword(await DUMMY_HASH_PROMISE, input.password);
      return { kind: 'fail' as const };
    }
    if (user.terkunci_sampai && user.terkunci_sampai > new Date()) {
      const menit = Math.ceil((user.terkunci_sampai.getTime() - Date.now()) / 60_000);
      return { kind: 'locked' as const, menit };
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const r = await repo.recordLoginFailure(trx, user.id, MAX_ATTEMPTS, LOCK_MINUTES);
      if (r.locked) {
        await insertAudit(trx, tenant.id, { userId: user.id, nama: user.username }, [
          {
            aksi: 'kunci_akun',
            entitas: 'akun',
            entitasId: user.id,
            ringkasan: `Akun ${user.username} dikunci ${LOCK_MINUTES} menit setelah ${MAX_ATTEMPTS} kali gagal masuk`,
          },
        ]);
        return { kind: 'locked' as const, menit: LOCK_MINUTES };
      }
      return { kind: 'fail' as const };
    }
    await repo.resetLoginFailures(trx, user.id);
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
    return { kind: 'ok' as const, cookie: `${tenant.id}.${token}`, csrfToken };
  });
  if (outcome.kind === 'locked') {
    throw new AppError(
      'AKUN_TERKUNCI',
      pesan(
        `Akun dikunci sementara karena terlalu banyak percobaan gagal; coba lagi dalam ${outcome.menit} menit`,
        `The account is locked after too many failed attempts; try again in ${outcome.menit} minutes`,
      ),
    );
  }
  if (outcome.kind === 'fail') {
    throw new AppError(
      'LOGIN_GAGAL',
      pesan('Nama pengguna atau kata sandi salah', 'Wrong username or password'),
    );
  }
  return { cookie: outcome.cookie, csrfToken: outcome.csrfToken };
}

function parseCookie(cookie: string): { tenantId: string; token: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(cookie);
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
