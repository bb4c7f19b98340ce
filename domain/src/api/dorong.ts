import { z } from 'zod';

// Web Push (docs/wfh.md §4): the browser's PushSubscription as JSON, and the server's VAPID public key.
// Keys are base64url (RFC 8291): p256dh an uncompressed P-256 point (65 bytes), auth 16 bytes. A trailing
// "=" padding some browsers add is dropped.
const b64url = (panjang: number, nama: string) =>
  z
    .string()
    .max(200)
    .transform((s) => s.replace(/=+$/, ''))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, `${nama}: base64url`)
        .length(panjang, `${nama}: ${panjang} karakter base64url / characters`),
    );

/** GET /api/dorong/kunci-publik */
export const KunciPublik = z.object({
  /** the VAPID public key, base64url: the `applicationServerKey` of `pushManager.subscribe` */
  kunci_publik: z.string(),
});
export type KunciPublik = z.infer<typeof KunciPublik>;

/** POST /api/dorong/langganan: the JSON of the browser's PushSubscription (other keys, e.g. expirationTime, are ignored). */
export const LanggananBaru = z.object({
  /** the push service's URL for this browser; https (loopback http only for tests: SIGAP_DORONG_LOOPBACK) */
  endpoint: z.string().min(12).max(1000),
  keys: z.object({ p256dh: b64url(87, 'p256dh'), auth: b64url(22, 'auth') }),
});
export type LanggananBaru = z.input<typeof LanggananBaru>;

export const HasilLangganan = z.object({
  id: z.string(),
  /** how many devices of this person now get reminders */
  jumlah_perangkat: z.number().int(),
});
export type HasilLangganan = z.infer<typeof HasilLangganan>;

/** DELETE /api/dorong/langganan */
export const HapusLangganan = z.object({ endpoint: z.string().min(1).max(1000) });
export type HapusLangganan = z.infer<typeof HapusLangganan>;
export const HasilHapusLangganan = z.object({ dihapus: z.number().int() });
export type HasilHapusLangganan = z.infer<typeof HasilHapusLangganan>;
