import webpush from 'web-push';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { kirimDalamTransaksi, type OpsiTugas, type Penjadwal } from '../../penjadwal/penjadwal.ts';
import * as repo from './dorong.repository.ts';
import { cekEndpoint } from './dorong.service.ts';
import { kunciVapid } from './vapid.ts';

/** The task that delivers one notice to one subscription. */
export const TUGAS_DORONG = 'dorong_pemberitahuan';

/** A delivery job's data: ids only (the text is read from the notice when it is sent). */
interface DataDorong {
  readonly t: string;
  readonly p: string;
  readonly l: string;
}

/**
 * Queues the Web Push delivery of notices just stored, in the same transaction: the jobs exist exactly when
 * the notices commit, and delivery runs later, off the request. One job per (notice, subscription), so a
 * retry resends to one device only. Called by `beritahu`.
 */
export async function antrekanDorong(
  trx: Trx,
  tenantId: string,
  baru: readonly { id: string; pegawai_id: string }[],
) {
  if (baru.length === 0) return;
  const langganan = await repo.langgananUntuk(trx, [...new Set(baru.map((b) => b.pegawai_id))]);
  if (langganan.length === 0) return;
  const per = new Map<string, string[]>();
  for (const l of langganan)
    if (l.pegawai_id) per.set(l.pegawai_id, [...(per.get(l.pegawai_id) ?? []), l.id]);
  const jobs: DataDorong[] = [];
  for (const b of baru) for (const l of per.get(b.pegawai_id) ?? []) jobs.push({ t: tenantId, p: b.id, l });
  await kirimDalamTransaksi(trx, TUGAS_DORONG, jobs as unknown as Record<string, unknown>[]);
}

/** The notification's text in the subscriber's language, and where a click leads. */
function muatan(
  p: { judul: string; judul_en: string; isi: string; isi_en: string; tautan: string | null },
  bahasa: string,
) {
  const en = bahasa === 'en';
  return JSON.stringify({
    judul: en ? p.judul_en : p.judul,
    isi: en ? p.isi_en : p.isi,
    url: p.tautan?.startsWith('/') ? p.tautan : '/pemberitahuan',
  });
}

/** How long a push service keeps a message for an offline device (a day: reminders go stale). */
const TTL_DETIK = 86_400;

/**
 * Sends one notice to one subscription. web-push encrypts the payload (RFC 8291, aes128gcm) and signs the
 * VAPID header; the request itself goes through fetch (so a loopback http endpoint works in tests; web-push's
 * own sender speaks https only). 404/410: the browser dropped the subscription, so it is removed. Any other
 * failure throws, and the queue tries again with backoff.
 */
export async function kirimDorong(sdb: SigapDatabase, d: DataDorong, log: (s: string) => void) {
  const bahan = await withTenant(sdb, d.t, (trx) => repo.bahanKiriman(trx, d.l, d.p));
  const { langganan: l, pemberitahuan: p } = bahan;
  // turned off or removed since, or the account no longer belongs to the notice's person
  if (!l || !p || !l.aktif || l.pegawai_id !== p.pegawai_id) return;
  cekEndpoint(l.endpoint); // the rules may have tightened since it was stored
  const vapid = await kunciVapid(sdb);
  const rinci = webpush.generateRequestDetails(
    { endpoint: l.endpoint, keys: { p256dh: l.p256dh, auth: l.auth } },
    muatan(p, l.bahasa),
    {
      TTL: TTL_DETIK,
      contentEncoding: 'aes128gcm',
      vapidDetails: {
        subject: process.env.SIGAP_VAPID_SUBJEK ?? 'mailto:admin@sigap.invalid',
        publicKey: vapid.publik,
        privateKey: vapid.privat,
      },
    },
  );
  const r = await fetch(rinci.endpoint, {
    method: rinci.method,
    headers: rinci.headers as Record<string, string>,
    body: rinci.body ? new Uint8Array(rinci.body) : undefined,
    redirect: 'error',
    signal: AbortSignal.timeout(15_000),
  });
  await r.body?.cancel();
  if (r.status === 404 || r.status === 410) {
    await withTenant(sdb, d.t, (trx) => repo.hapusLanggananId(trx, [l.id]));
    log(`Langganan dorong ${l.id} dihapus: layanan push menjawab ${r.status} / subscription removed`);
    return;
  }
  if (r.status < 200 || r.status > 299)
    throw new Error(`layanan push menjawab ${r.status} / push service answered ${r.status}`);
  await withTenant(sdb, d.t, (trx) => repo.tandaiBerhasil(trx, l.id));
}

/** Registers the delivery task on the scheduler: 6 retries from 30 s, doubling (about an hour in all). */
export function daftarTugasDorong(p: Penjadwal, opsi: OpsiTugas = {}) {
  p.daftarTugas<DataDorong>(TUGAS_DORONG, (d, k) => kirimDorong(k.sdb, d, k.log), {
    ulang: 6,
    jedaDetik: 30,
    batasDetik: 60,
    ...opsi,
  });
}

/**
 * Makes the VAPID keys at the server's start (once per installation; a second server reads the first's).
 * Without a keyring (PostgreSQL without SIGAP_KUNCI_WAJAH) it says so and Web Push stays off; the in-app
 * notices are unaffected.
 */
export async function siapkanKunciDorong(sdb: SigapDatabase, log: (s: string) => void) {
  try {
    await kunciVapid(sdb);
  } catch (e) {
    log(`Web Push mati / off: ${e instanceof Error ? e.message : String(e)}`);
  }
}
