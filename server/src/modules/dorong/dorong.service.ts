import { pesan } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as repo from './dorong.repository.ts';

/** At most this many devices per account; a newer one replaces the oldest. */
export const BATAS_PERANGKAT = 5;

/**
 * The push services browsers use (suffixes of the endpoint's host). A subscription's endpoint is a URL the
 * server will POST to, so it is held to these: an endpoint elsewhere (an address inside the Pemda's network)
 * is refused. SIGAP_DORONG_HOST adds hosts (comma-separated) for another browser's service.
 */
const HOST_PUSH = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
];

const galat = (id: string, en: string) => new AppError('VALIDASI', pesan(id, en));

/** Whether a push endpoint may be stored (https to a known push service; loopback http for tests). */
export function cekEndpoint(endpoint: string, env: NodeJS.ProcessEnv = process.env): URL {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    throw galat('endpoint: bukan URL yang sah', 'endpoint: not a valid URL');
  }
  if (u.username || u.password)
    throw galat('endpoint: tidak boleh memuat nama atau sandi', 'endpoint: must not hold a user or password');
  const host = u.hostname.toLowerCase();
  const loopback = host === '127.0.0.1' || host === '[::1]' || host === 'localhost';
  if (loopback && env.SIGAP_DORONG_LOOPBACK === '1' && (u.protocol === 'http:' || u.protocol === 'https:'))
    return u;
  if (u.protocol !== 'https:') throw galat('endpoint: harus https', 'endpoint: must be https');
  const tambahan = (env.SIGAP_DORONG_HOST ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  const dikenal = [...HOST_PUSH, ...tambahan].some((h) => host === h || host.endsWith(`.${h}`));
  if (!dikenal)
    throw galat(
      `endpoint: ${host} bukan layanan push yang dikenal (tambahkan di SIGAP_DORONG_HOST bila perlu)`,
      `endpoint: ${host} is not a known push service (add it to SIGAP_DORONG_HOST if needed)`,
    );
  return u;
}

/**
 * Stores this browser's subscription for the signed-in account (at most BATAS_PERANGKAT devices). Notices
 * reach it while the account is linked to a person (an account without one simply gets none).
 */
export async function langganan(
  trx: Trx,
  caller: Caller,
  body: { endpoint: string; keys: { p256dh: string; auth: string } },
  bahasa: 'id' | 'en',
) {
  const u = cekEndpoint(body.endpoint);
  const { id } = await repo.simpanLangganan(trx, {
    tenant_id: caller.tenantId,
    user_id: caller.userId,
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    bahasa,
  });
  const semua = await repo.langgananPengguna(trx, caller.userId);
  const lebih = semua.filter((r) => r.id !== id).slice(BATAS_PERANGKAT - 1);
  await repo.hapusLanggananId(
    trx,
    lebih.map((r) => r.id),
  );
  // the endpoint is a capability URL: the audit names only its push service
  await insertAudit(trx, caller.tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'dorong.langganan',
      entitas: 'langganan_dorong',
      entitasId: id,
      ringkasan: `Pengingat di perangkat diaktifkan (${u.hostname})${lebih.length ? `; ${lebih.length} perangkat lama dilepas` : ''}`,
    },
  ]);
  return { id, jumlahPerangkat: semua.length - lebih.length };
}

/** Removes this browser's subscription of the signed-in account (another account's is never touched). */
export async function berhenti(trx: Trx, caller: Caller, endpoint: string) {
  const dihapus = await repo.hapusLanggananSendiri(trx, caller.userId, endpoint);
  if (dihapus > 0)
    await insertAudit(trx, caller.tenantId, { userId: caller.userId, nama: caller.username }, [
      {
        aksi: 'dorong.berhenti',
        entitas: 'langganan_dorong',
        entitasId: null,
        ringkasan: 'Pengingat di perangkat dimatikan',
      },
    ]);
  return { dihapus };
}
