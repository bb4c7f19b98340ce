import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSend, BASE, open, shot, signIn, until, useChromium } from './helpers';

// Reminders as Web Push (docs/wfh.md §4), end to end with a real path: the unit head turns reminders on in
// the browser, an employee asks for leave, the server's queue delivers the notice, encrypted, to the push
// endpoint of that browser, and the service worker shows it.
//
// What is not real, and why: headless chromium cannot subscribe to a push service here (the network is
// closed; pushManager.subscribe answers "Registration failed"), so the page's PushManager is replaced by
// one that hands out a subscription whose endpoint is a push service this test serves on loopback, with
// keys the test holds. Everything after that is the real app, server and service worker: the toggle posts
// the subscription, the server encrypts (aes128gcm) and signs (VAPID) the notice and POSTs it to that
// endpoint, the test decrypts it, and hands the decrypted message to the service worker through the
// DevTools protocol (ServiceWorker.deliverPushMessage), as a push service would through the browser.

const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(
    b: Buffer,
    p: { version: string; privateKey: ReturnType<typeof createECDH>; authSecret: string },
  ): Buffer;
};

useChromium();

const diterima: Buffer[] = [];
let layanan: Server;
let endpoint: string;
const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const auth = randomBytes(16).toString('base64url');

beforeAll(async () => {
  layanan = createServer((req, res) => {
    const b: Buffer[] = [];
    req.on('data', (c: Buffer) => b.push(c));
    req.on('end', () => {
      diterima.push(Buffer.concat(b));
      res.statusCode = 201;
      res.end();
    });
  });
  await new Promise<void>((r) => layanan.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(layanan.address() as AddressInfo).port}/push/kepala-umum`;
});
afterAll(async () => {
  await new Promise((r) => layanan.close(r));
});

describe('reminders on this device (Web Push)', () => {
  test('the unit head turns reminders on; a leave request reaches the device, and the service worker shows it', async () => {
    const ctx = await open();
    const { page, context } = ctx;
    await context.grantPermissions(['notifications'], { origin: BASE });
    const langganan = { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } };
    await context.addInitScript((s) => {
      // the stand-in for the browser's push service registration (see the top of this file)
      const KUNCI = 'sigap-uji-langganan';
      const buat = () => ({
        endpoint: s.endpoint,
        options: { applicationServerKey: null, userVisibleOnly: true },
        toJSON: () => s,
        unsubscribe: async () => {
          localStorage.removeItem(KUNCI);
          return true;
        },
      });
      const pm = (globalThis as unknown as { PushManager?: { prototype: Record<string, unknown> } })
        .PushManager;
      if (!pm) return;
      pm.prototype.subscribe = async () => {
        localStorage.setItem(KUNCI, '1');
        return buat();
      };
      pm.prototype.getSubscription = async () => (localStorage.getItem(KUNCI) ? buat() : null);
    }, langganan);
    await signIn(ctx, 'kepala.umum');
    const pegawai = await open();
    await signIn(pegawai, 'pegawai');
    let cutiId: string | null = null;
    try {
      await page.goto('/');
      // the service worker is installed and controls the page (vite-plugin-pwa's register script)
      await until(
        () => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration('/'))?.active),
        'the service worker is active',
      );
      const manifest = await page.evaluate(async () => {
        const href = document.querySelector('link[rel=manifest]')?.getAttribute('href');
        return href ? ((await (await fetch(href)).json()) as { name: string; lang: string }) : null;
      });
      expect(manifest).toMatchObject({ name: 'Sigap', lang: 'id' });

      await page.getByTestId('lonceng').click();
      const saklar = page.getByTestId('pengingat-perangkat');
      await saklar.waitFor();
      expect(await saklar.getAttribute('data-keadaan')).toBe('mati');
      await page.getByRole('switch', { name: 'Aktifkan pengingat di perangkat ini' }).click();
      await until(async () => (await saklar.getAttribute('data-keadaan')) === 'aktif', 'reminders on');
      await shot(page, 'pengingat-aktif');

      // a real path: the employee asks for leave, and the unit head (their supervisor) is told
      diterima.length = 0;
      const r = await apiSend(pegawai, 'POST', '/api/cuti', {
        jenis: 'cuti_tahunan',
        dari: '2020-10-05',
        sampai: '2020-10-06',
        keterangan: 'uji pengingat',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      cutiId = (r.body as { id: string }).id;
      await until(async () => diterima.length > 0, 'the push service received the notice');
      const teks = ece
        .decrypt(diterima[0]!, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth })
        .toString('utf8');
      const m = JSON.parse(teks) as { judul: string; isi: string; url: string };
      expect(m.judul).toMatch(/^Pengajuan cuti tahunan dari /);
      expect(m.url).toBe('/cuti');

      // the push service hands it to the browser: the service worker shows the notification
      const cdp = await context.newCDPSession(page);
      const registrasi: string[] = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
        for (const x of e.registrations) if (!x.isDeleted) registrasi.push(x.registrationId);
      });
      await cdp.send('ServiceWorker.enable');
      await until(async () => registrasi.length > 0, 'the service worker registration is known');
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: new URL(BASE).origin,
        registrationId: registrasi[0]!,
        data: teks,
      });
      await until(async () => {
        const judul = await page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title),
        );
        return judul.includes(m.judul);
      }, 'the notification is shown');

      // off again: the state says so
      await page.getByRole('switch', { name: 'Aktifkan pengingat di perangkat ini' }).click();
      await until(async () => (await saklar.getAttribute('data-keadaan')) === 'mati', 'reminders off');
    } finally {
      if (cutiId) await apiSend(pegawai, 'POST', `/api/cuti/${cutiId}/batal`, {});
      await pegawai.context.close();
      await ctx.context.close();
    }
  });
});
