import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type Ctx, open, signIn, useChromium } from './helpers';

// How long the heavy screens take to show their content after an in-app navigation, measured in the
// browser on the demo (issue 9 asks for 1 s): the unit grid of the demo's largest hospital (RSUD, ~376
// people × the 31 days of August 2020), the Pemda occupancy overview for that month, and an OPD page.
// Each is opened twice from the organisation page: the first time in this browser (nothing cached in the
// page; the server may have evaluated the period for an earlier spec), and again. The figures are
// printed, not asserted: speed is measured here and judged in the closing notes, as the bench figures
// are. What is asserted is that the content shown is the real one.

useChromium();

const LAYAR = [
  {
    nama: 'grid RSUD × 31 hari',
    url: '/jadwal?opd=RSUD&dari=2020-08-01&sampai=2020-08-31',
    siap: '[data-testid=jadwal-baris]',
  },
  {
    nama: 'okupansi Agustus 2020',
    url: '/okupansi?dari=2020-08-01&sampai=2020-08-31',
    siap: '[data-testid=ok-baris]',
  },
  { nama: 'halaman OPD DINKES', url: '/opd/DINKES', siap: '[data-testid=opd-anak]' },
] as const;

/**
 * Navigates inside the running app (as a click on a link does: history + popstate, no page load) and
 * returns the milliseconds until `siap` is in the page, measured by the page's own clock.
 */
async function navigasi(page: Page, url: string, siap: string): Promise<number> {
  return page.evaluate(
    async ({ url, siap }) => {
      const t0 = performance.now();
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise<void>((selesai, gagal) => {
        const batas = t0 + 30_000;
        const lihat = () => {
          if (document.querySelector(siap)) selesai();
          else if (performance.now() > batas) gagal(new Error(`${siap} did not appear within 30 s`));
          else requestAnimationFrame(lihat);
        };
        lihat();
      });
      return performance.now() - t0;
    },
    { url, siap },
  );
}

async function keOrganisasi(page: Page): Promise<void> {
  await navigasi(page, '/organisasi', '[data-testid=page-organisasi]');
}

describe('screen timings', () => {
  test('the grid, the occupancy overview and an OPD page after an in-app navigation (printed)', async () => {
    const ctx: Ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await page.goto('/organisasi');
      await page.getByTestId('page-organisasi').waitFor();
      const hasil: string[] = [];
      for (const l of LAYAR) {
        const pertama = await navigasi(page, l.url, l.siap);
        await keOrganisasi(page);
        const lagi = await navigasi(page, l.url, l.siap);
        hasil.push(`${l.nama}: ${pertama.toFixed(0)} ms, lagi / again ${lagi.toFixed(0)} ms`);
        await keOrganisasi(page);
      }
      // The content is the real one: the grid's people and days, every top-level OPD, DINKES's units.
      await navigasi(page, LAYAR[0].url, LAYAR[0].siap);
      const grid = page.getByTestId('jadwal-grid');
      expect(Number(await grid.getAttribute('data-orang'))).toBeGreaterThan(300);
      expect(await grid.getAttribute('data-hari')).toBe('31');
      await navigasi(page, LAYAR[1].url, LAYAR[1].siap);
      expect(await page.locator('[data-testid=ok-baris]').count()).toBeGreaterThan(10);
      await navigasi(page, LAYAR[2].url, LAYAR[2].siap);
      expect(await page.getByTestId('opd-kode').textContent()).toBe('DINKES');
      console.log(`[layar] ${hasil.join('; ')}`);
    } finally {
      await ctx.context.close();
    }
  });
});
