import { HasilHapusLangganan, HasilLangganan, KunciPublik } from '@sigap/domain/api/dorong';
import { api } from '../../lib/api';

/** Where this browser stands on reminders (Web Push). */
export type KeadaanDorong =
  | 'tidak_didukung' // no service worker or Push API (an old browser, or not https)
  | 'ditolak' // the person blocked notifications for this site
  | 'mati'
  | 'aktif';

const didukung = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** The registration of the app's service worker (registered by vite-plugin-pwa's script at load). */
async function registrasi(): Promise<ServiceWorkerRegistration> {
  const r = await navigator.serviceWorker.getRegistration('/');
  return r ?? navigator.serviceWorker.register('/sw.js', { scope: '/' });
}

/** Reads the state: supported, permission, and whether this browser holds a subscription. */
export async function keadaanDorong(): Promise<KeadaanDorong> {
  if (!didukung()) return 'tidak_didukung';
  if (Notification.permission === 'denied') return 'ditolak';
  const r = await navigator.serviceWorker.getRegistration('/');
  const s = await r?.pushManager.getSubscription();
  return s && Notification.permission === 'granted' ? 'aktif' : 'mati';
}

function base64urlKeBytes(s: string): Uint8Array<ArrayBuffer> {
  const b = atob(
    s
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(s.length / 4) * 4, '='),
  );
  const out = new Uint8Array(new ArrayBuffer(b.length));
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

/**
 * Turns reminders on for this browser: asks permission, subscribes with the server's VAPID key (a
 * subscription made with another key is replaced), and posts it (POST /api/dorong/langganan).
 */
export async function aktifkanDorong(): Promise<KeadaanDorong> {
  if (!didukung()) return 'tidak_didukung';
  const izin = await Notification.requestPermission();
  if (izin !== 'granted') return izin === 'denied' ? 'ditolak' : 'mati';
  const { kunci_publik } = await api.get('/api/dorong/kunci-publik', { schema: KunciPublik });
  const r = await registrasi();
  await navigator.serviceWorker.ready;
  const kunci = base64urlKeBytes(kunci_publik);
  let s = await r.pushManager.getSubscription();
  const kunciLama = s?.options.applicationServerKey;
  if (s && kunciLama && !samaBytes(new Uint8Array(kunciLama), kunci)) {
    await s.unsubscribe();
    s = null;
  }
  s ??= await r.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: kunci });
  await api.post('/api/dorong/langganan', s.toJSON(), { schema: HasilLangganan });
  return 'aktif';
}

/** Turns reminders off for this browser: the server forgets it first, then the browser unsubscribes. */
export async function matikanDorong(): Promise<KeadaanDorong> {
  if (!didukung()) return 'tidak_didukung';
  const r = await navigator.serviceWorker.getRegistration('/');
  const s = await r?.pushManager.getSubscription();
  if (s) {
    await api.request(
      'DELETE',
      '/api/dorong/langganan',
      { endpoint: s.endpoint },
      { schema: HasilHapusLangganan },
    );
    await s.unsubscribe();
  }
  return 'mati';
}

function samaBytes(a: Uint8Array, b: Uint8Array) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
