/// <reference lib="webworker" />
// The service worker (vite-plugin-pwa, injectManifest): precaches the built app shell so the installed app
// opens without a network, keeps the last answer of the employee's own pages' reads, shows Web Push
// reminders, and opens the reminder's page on a click.
// docs/wfh.md §4. Its own tsconfig (tsconfig.sw.json): the WebWorker library, not the DOM.

import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Page addresses are the app's own routes: the cached index.html answers them; /api and the face model
// (/wajah-model, a few MB loaded only by the check-in page) always go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/wajah-model\//] }),
);

// The employee's own pages open without a connection (issue 11, item 5): who is signed in, my schedule,
// today's reports, the statement, my going-out notices and the notices are answered from the network, and from
// the last answer kept here when there is none (NetworkFirst). Only these reads of one's own data; never
// another person's, never a write. The cache is emptied on sign-out (lib/session.tsx) and keeps a week.
const DATA_SAYA =
  /^\/api\/(auth\/me|lokasi\/hari|jadwal-saya(\/.*)?|wfh\/pernyataan\/saya|wfh\/izin-keluar\/saya|pemberitahuan)$/;
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    DATA_SAYA.test(url.pathname) &&
    !url.searchParams.has('pegawai_id'),
  new NetworkFirst({
    cacheName: 'sigap-api',
    networkTimeoutSeconds: 10,
    plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 7 * 86_400 })],
  }),
);

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

/** What the server sends (server/src/modules/dorong/kirim.service.ts): already in the person's language. */
interface Muatan {
  judul?: string;
  isi?: string;
  url?: string;
}

self.addEventListener('push', (e) => {
  let m: Muatan = {};
  try {
    m = (e.data?.json() as Muatan) ?? {};
  } catch {
    m = { isi: e.data?.text() };
  }
  const url = typeof m.url === 'string' && m.url.startsWith('/') ? m.url : '/';
  e.waitUntil(
    Promise.all([
      self.registration.showNotification(m.judul || 'Sigap', {
        body: m.isi ?? '',
        icon: '/ikon.svg',
        data: { url },
        tag: url,
      }),
      // tells an open page (and the e2e test) that a push arrived
      self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((cs) => {
        for (const c of cs) c.postMessage({ jenis: 'sigap-dorong', judul: m.judul ?? '', url });
      }),
    ]),
  );
});

self.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const url = new URL((e.notification.data as { url?: string } | null)?.url ?? '/', self.location.origin)
    .href;
  e.waitUntil(
    (async () => {
      const cs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const ada = cs.find((c) => new URL(c.url).origin === self.location.origin) as WindowClient | undefined;
      if (ada) {
        await ada.focus();
        await ada.navigate(url);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
