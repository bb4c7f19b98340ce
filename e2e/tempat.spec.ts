import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, open, shot, signIn, text, until, useChromium } from './helpers';

useChromium();

// The "Tempat absen tambahan" section of the OPD page (docs/kehadiran.md §1): the Pemda admin adds a
// place to a unit, a wrong radius is refused in words on the screen, the place is listed, a place of
// the OPD above shows as inherited, and a place is deactivated (never deleted). Names are unique per
// run: the demo database is shared with the other specs.

interface Item {
  id: string;
  nama: string;
  aktif: boolean;
  warisan: boolean;
}

describe('tempat absen tambahan', () => {
  test('the admin adds a piket post to a unit, sees refusals in words, and deactivates it', async () => {
    const ctx = await open();
    const { page } = ctx;
    try {
      await signIn(ctx, 'admin');
      const d = await apiGet<{ lat: number; lng: number }>(ctx, '/api/opd/DINKES');
      const run = Date.now().toString(36);
      const atas = await apiSend(ctx, 'POST', '/api/kehadiran/tempat', {
        opd_kode: 'DINKES',
        nama: `Gudang farmasi ${run}`,
        jenis: 'kantor',
        lat: d.lat,
        lng: d.lng,
        radius_m: 40,
      });
      expect(atas.status, JSON.stringify(atas.body)).toBe(201);

      await page.goto('/opd/DINKES-KESMAS');
      await page.getByTestId('tempat-absen').waitFor();
      await until(
        async () => (await text(page, '[data-testid=tempat-absen]')).includes(`Gudang farmasi ${run}`),
        'the inherited place',
      );
      expect(await text(page, '[data-testid=tempat-absen]')).toContain('dari Dinas Kesehatan (DINKES)');

      // The active places are drawn on the office map too (vectors: they draw without tiles).
      const garis = () => page.locator('[data-testid=opd-map] path.leaflet-interactive').count();
      await until(async () => (await garis()) >= 3, 'office circle, marker and the inherited place');
      const sebelum = await garis();

      const nama = `Pos piket alun-alun ${run}`;
      await page.getByTestId('tempat-tambah').click();
      await page.getByTestId('tempat-nama').fill(nama);
      await page.getByTestId('tempat-lat').fill(String(d.lat));
      await page.getByTestId('tempat-lng').fill(String(d.lng));
      await page.getByTestId('tempat-radius').fill('6000');
      await page.getByTestId('tempat-simpan').click();
      await page.getByTestId('tempat-masalah').waitFor();
      expect(await text(page, '[data-testid=tempat-masalah]')).toContain(
        'radius 6000 m harus antara 10 dan 5000 m',
      );

      await page.getByTestId('tempat-radius').fill('60');
      await page.getByTestId('tempat-simpan').click();
      await page.getByTestId('tempat-form').waitFor({ state: 'detached' });
      const baris = page.getByTestId('tempat-baris').filter({ hasText: nama });
      await baris.waitFor();
      expect(await baris.innerText()).toContain('60 m');
      await until(async () => (await garis()) === sebelum + 1, 'the new place drawn on the map');
      await shot(page, 'opd-tempat-absen');

      await baris.getByTestId('tempat-aktif').click();
      await until(async () => (await baris.innerText()).includes('Nonaktif'), 'the place shown inactive');
      await until(async () => (await garis()) === sebelum, 'an inactive place is not drawn');
      const daftar = await apiGet<Item[]>(ctx, '/api/kehadiran/tempat?opd=DINKES-KESMAS');
      expect(daftar.find((x) => x.nama === nama)).toMatchObject({ aktif: false, warisan: false });
      // leave the shared demo as it was: the inherited place inactive too
      const id = (atas.body as Item).id;
      expect((await apiSend(ctx, 'POST', `/api/kehadiran/tempat/${id}/nonaktifkan`)).status).toBe(200);
    } finally {
      await ctx.context.close();
    }
  });
});
