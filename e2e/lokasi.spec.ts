import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, open, PHONE, shot, signIn, until, useChromium } from './helpers';
import { absenSepanjangHari } from './kamera';

// Location reports from home in the browser (issue 11, items 2, 5 and 6), on the demo Pemda under its current
// policy (Kudus's rules: WFH staff report every two hours; the Law section works from home (pegawai.wfh, supervised by kepala.hukum)). The
// employee reports from the phone page at their home; reports once with the browser offline, sees it waiting,
// and it is stored once when the connection returns even though the queue's request reaches the server twice;
// their supervisor opens the day from the daily view.

useChromium();

interface Me {
  pegawai_id: string;
  pemda: { zona_waktu: string };
}
interface Hari {
  jadwal: string | null;
  wajib_lapor: boolean;
  laporan: { id: string; tempat: string; waktu_terima: string; waktu_dihitung: string }[];
  slot: { ke: number; status: string; laporan_id: string | null }[];
}

describe('lapor lokasi WFH', () => {
  test('at home from the phone page, once offline, stored once; the supervisor sees the day', {
    timeout: 300_000,
  }, async () => {
    // The last slot ends at 23:59: a run in the day's last two minutes waits for the next day's first slot.
    const menitWib = Math.floor((Date.now() / 60_000 + 7 * 60) % 1440);
    if (menitWib >= 1438) await new Promise((r) => setTimeout(r, (1441 - menitWib) * 60_000));
    const admin = await open();
    await signIn(admin, 'admin');
    // every hour a working hour: the slots cover the whole day whenever the suite runs
    const pulihkan = await absenSepanjangHari(admin);
    try {
      const masuk = await open();
      await signIn(masuk, 'pegawai.wfh');
      const me = await apiGet<Me>(masuk, '/api/auth/me');
      const diri = await apiGet<{ rumah_lat: number | null; rumah_lng: number | null }>(
        masuk,
        `/api/pegawai/${me.pegawai_id}`,
      );
      expect(diri.rumah_lat, 'the demo employee has a home in the registry').not.toBeNull();
      let awal = await apiGet<Hari>(masuk, '/api/lokasi/hari');
      if (awal.jadwal !== 'WFH') {
        // A weekend (the demo's weeks are built on working days): every day is a working day now, and the
        // unit head puts the person at home today, as the Law section's rule says.
        const kepala = await open();
        await signIn(kepala, 'kepala.hukum');
        const nip = (await apiGet<{ nip: string }>(masuk, `/api/pegawai/${me.pegawai_id}`)).nip;
        const hariIni = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
        const ubah = await apiSend(kepala, 'POST', '/api/jadwal/sel', {
          key: nip,
          tanggal: hariIni,
          status: 'WFH',
        });
        expect(ubah.status, JSON.stringify(ubah.body)).toBe(200);
        awal = await apiGet<Hari>(masuk, '/api/lokasi/hari');
      }
      expect(awal).toMatchObject({ jadwal: 'WFH', wajib_lapor: true });

      // The phone, at home (30 m north of the registry's point), location allowed.
      const hp = await open(PHONE, {
        permissions: ['geolocation'],
        geolocation: { latitude: diri.rumah_lat! + 30 / 111_195, longitude: diri.rumah_lng!, accuracy: 15 },
      });
      await signIn(hp, 'pegawai.wfh');
      const { page } = hp;
      await page.goto('/lapor-lokasi');
      await page.getByTestId('lokasi-hari').waitFor();
      await page.getByTestId('lokasi-lapor').click();
      const hasil = page.getByTestId('lokasi-hasil');
      await hasil.waitFor();
      expect(await hasil.getAttribute('data-hasil')).toBe('di_rumah');
      expect(await hasil.textContent()).toContain('Anda di rumah');
      await until(
        async () =>
          (await page
            .locator(
              '[data-testid^="lokasi-slot-"][data-status="tepat_waktu"], [data-testid^="lokasi-slot-"][data-status="terlambat"]',
            )
            .count()) > 0,
        'the slot filled',
      );
      await shot(page, 'lapor-lokasi');
      const setelahSatu = await apiGet<Hari>(masuk, '/api/lokasi/hari');
      expect(setelahSatu.laporan).toHaveLength(awal.laporan.length + 1);

      // The page opens with no connection (the installed app: the service worker keeps the shell and the last
      // answer of one's own day), and a report made offline waits in the phone's queue, and the page says so.
      // the service worker first controls the page, then keeps the shell and this page's reads
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
        timeout: 30_000,
      });
      await page.reload();
      await page.getByTestId('lokasi-hari').waitFor();
      await page.waitForFunction(
        async () => {
          const kunci = (await (await caches.open('sigap-api')).keys()).map((r) => new URL(r.url).pathname);
          return kunci.includes('/api/auth/me') && kunci.includes('/api/lokasi/hari');
        },
        undefined,
        { timeout: 30_000 },
      );
      await hp.context.setOffline(true);
      await page.reload();
      await page.getByTestId('lokasi-hari').waitFor();
      expect(await page.getByTestId('lokasi-lapor').isVisible()).toBe(true);
      await page.getByTestId('lokasi-lapor').click();
      await page.getByTestId('lokasi-antre').waitFor();
      await page.getByTestId('lokasi-antrean-item').waitFor();
      expect(await page.getByTestId('lokasi-antrean-item').getAttribute('data-status')).toBe('menunggu');
      await shot(page, 'lapor-lokasi-luring');
      expect((await apiGet<Hari>(masuk, '/api/lokasi/hari')).laporan).toHaveLength(awal.laporan.length + 1);

      let kiriman = 0;
      await page.route('**/api/lokasi', async (route) => {
        // the queue's request reaches the server twice (as when the first answer is lost on the way back)
        kiriman++;
        await route.fetch();
        await route.fulfill({ response: await route.fetch() });
      });
      // Back online: sent by itself, once.
      await hp.context.setOffline(false);
      await until(
        async () => (await page.getByTestId('lokasi-antrean-item').count()) === 0,
        'the queue emptied',
      );
      expect(kiriman).toBeGreaterThanOrEqual(1);
      const akhir = await apiGet<Hari>(masuk, '/api/lokasi/hari');
      expect(akhir.laporan).toHaveLength(awal.laporan.length + 2);
      const luring = akhir.laporan.at(-1)!;
      expect(luring.tempat).toBe('di_rumah');
      // counted when it was made (the phone's elapsed time), not when it arrived
      expect(Date.parse(luring.waktu_dihitung)).toBeLessThanOrEqual(Date.parse(luring.waktu_terima));

      // The supervisor (Kepala Bagian Hukum) opens the day from the daily view.
      const atasan = await open();
      await signIn(atasan, 'kepala.hukum');
      await atasan.page.goto('/kehadiran');
      const baris = atasan.page
        .locator(`[data-testid="hk-baris"]`)
        .filter({ has: atasan.page.getByTestId('hk-wfh') });
      await baris.first().waitFor();
      await atasan.page.goto(`/hari-wfh/${me.pegawai_id}`);
      await atasan.page.getByTestId('hari-wfh-nama').waitFor();
      await until(
        async () =>
          (await atasan.page
            .locator(
              '[data-testid^="lokasi-slot-"][data-status="tepat_waktu"], [data-testid^="lokasi-slot-"][data-status="terlambat"]',
            )
            .count()) > 0,
        'the supervisor sees the filled slot',
      );
      await shot(atasan.page, 'hari-wfh-atasan');
      // the Pemda admin's whole-Pemda grant does not open a person's location reports
      const lain = await admin.context.request.get(`/api/lokasi/hari?pegawai_id=${me.pegawai_id}`);
      expect(lain.status()).toBe(403);
    } finally {
      await pulihkan();
    }
  });
});
