import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, BASE, type Ctx, open, shot, signIn, until, useChromium } from './helpers';

// Editing and deactivating employees in the browser (issue 8, finding 11). The demo database is shared
// with the other specs: the edited person gets their phone and level back, and the deactivated person
// is placed again (a one-row import of their exported row) at the end.

useChromium();

interface Baris {
  id: string;
  nama: string;
  nip: string | null;
}
interface Detail {
  id: string;
  nama: string;
  telepon: string | null;
  jabatan_level: string | null;
  opd_id: string | null;
  bawahan: unknown[];
}

async function pick(page: Page, testid: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testid).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Places a person again exactly as exported before (the import's own route, CSV). */
async function pulihkan(ctx: Ctx, row: Record<string, string>): Promise<void> {
  const cols = Object.keys(row);
  const csv = `${cols.join(',')}\n${cols.map((c) => `"${(row[c] ?? '').replace(/"/g, '""')}"`).join(',')}\n`;
  const me = await apiGet<{ csrf_token: string }>(ctx, '/api/auth/me');
  const r = await ctx.context.request.fetch(`${BASE}/api/impor/pegawai?nama=pulih.csv`, {
    method: 'POST',
    headers: { 'x-csrf-token': me.csrf_token, 'content-type': 'text/csv' },
    data: csv,
  });
  expect(r.status(), await r.text()).toBe(202);
  const { id } = (await r.json()) as { id: string };
  await until(
    async () => (await apiGet<{ status: string }>(ctx, `/api/impor/${id}`)).status === 'berhasil',
    'the restoring import',
  );
}

describe('ubah pegawai', () => {
  test('the admin edits one employee’s phone and level and deactivates another; the page shows both', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const daftar = await apiGet<{ rows: Baris[] }>(ctx, '/api/pegawai?level=pelaksana&limit=200');
    const calon: Detail[] = [];
    for (const b of daftar.rows.slice(-12).reverse()) {
      const d = await apiGet<Detail>(ctx, `/api/pegawai/${b.id}`);
      if (d.bawahan.length === 0 && d.opd_id) calon.push(d);
      if (calon.length === 2) break;
    }
    const [diubah, keluar] = calon as [Detail, Detail];
    const ekspor = await apiGet<Record<string, string>[]>(ctx, '/api/ekspor/pegawai?format=json');
    const nipKeluar = daftar.rows.find((r) => r.id === keluar.id)!.nip;
    const barisKeluar = ekspor.find((r) => r.nip === nipKeluar)!;
    expect(barisKeluar).toBeTruthy();
    // Deactivating a person switches off their sign-in too: remember which accounts to switch on again.
    type Akun = { id: string; nip: string | null; aktif: boolean };
    const akunAktif = (await apiGet<Akun[]>(ctx, '/api/akun')).filter((a) => a.nip === nipKeluar && a.aktif);
    const telepon = `0813${String(Date.now()).slice(-8)}`;
    try {
      // edit: phone and level
      await page.goto(`/pegawai/${diubah.id}`);
      await page.getByTestId('pegawai-ubah').click();
      await page.getByTestId('ubah-telepon').fill(telepon);
      await pick(page, 'ubah-level', /Fungsional/);
      await shot(page, 'ubah-pegawai-dialog');
      await page.getByTestId('ubah-simpan').click();
      await until(
        async () => ((await page.getByTestId('pegawai-telepon').textContent()) ?? '').includes(telepon),
        'the new phone number on the page',
      );
      expect(await page.getByTestId('page-pegawai').textContent()).toContain('Fungsional');
      const d = await apiGet<Detail>(ctx, `/api/pegawai/${diubah.id}`);
      expect(d).toMatchObject({ telepon, jabatan_level: 'fungsional' });

      // deactivate another, from today, with confirmation
      await page.goto(`/pegawai/${keluar.id}`);
      await page.getByTestId('pegawai-nonaktifkan').click();
      await page.getByTestId('nonaktif-ya').click();
      await page.getByTestId('pegawai-tidak-aktif').waitFor();
      expect(await page.getByTestId('pegawai-unit').textContent()).toContain('—');
      await shot(page, 'ubah-pegawai-nonaktif', true);
      expect((await apiGet<Detail>(ctx, `/api/pegawai/${keluar.id}`)).opd_id).toBeNull();
    } finally {
      const r = await apiSend(ctx, 'PUT', `/api/pegawai/${diubah.id}`, {
        telepon: diubah.telepon ?? '',
        jabatan_level: diubah.jabatan_level,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await pulihkan(ctx, barisKeluar);
      for (const a of akunAktif)
        expect((await apiSend(ctx, 'POST', `/api/akun/${a.id}/aktifkan`)).status).toBe(200);
      await ctx.context.close();
    }
  });

  test('the admin moves an OPD office in the edit dialog; a bad location is refused in words first', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const asal = await apiGet<{ lat: number; lng: number; radius_m: number }>(ctx, '/api/opd/DINKES');
    try {
      await page.goto('/opd/DINKES');
      await page.getByTestId('opd-ubah').click();
      await page.getByTestId('ubah-opd-form').waitFor();
      // The stored location is there to edit, in the Indonesian way of writing decimals.
      expect(await page.getByTestId('ubah-opd-lat').inputValue()).toBe(String(asal.lat).replace('.', ','));
      expect(await page.getByTestId('ubah-opd-radius').inputValue()).toBe(String(asal.radius_m));
      // Out of range: said in words beside the field, and nothing can be sent.
      await page.getByTestId('ubah-opd-lat').fill('95');
      await page.getByTestId('ubah-opd-radius').fill('5');
      const galat = await page.getByTestId('ubah-opd-form').textContent();
      expect(galat).toContain('Lintang antara -11,5 dan 6,5');
      expect(galat).toContain('Radius bilangan bulat 10–5000 meter');
      expect(await page.getByTestId('ubah-opd-simpan').isDisabled()).toBe(true);
      await shot(page, 'ubah-opd-lokasi-galat');
      // A good location is saved and shown on the page.
      await page.getByTestId('ubah-opd-lat').fill('-7,8701');
      await page.getByTestId('ubah-opd-lng').fill('112,5301');
      await page.getByTestId('ubah-opd-radius').fill('175');
      await page.getByTestId('ubah-opd-simpan').click();
      await until(
        async () =>
          ((await page.getByTestId('opd-latlng').textContent()) ?? '').includes('-7.870100, 112.530100'),
        'the new office on the OPD page',
      );
      expect(await page.getByTestId('opd-radius').textContent()).toContain('175');
      expect(await apiGet(ctx, '/api/opd/DINKES')).toMatchObject({
        lat: -7.8701,
        lng: 112.5301,
        radius_m: 175,
      });
    } finally {
      const r = await apiSend(ctx, 'PUT', '/api/opd/DINKES', {
        lat: asal.lat,
        lng: asal.lng,
        radius_m: asal.radius_m,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await ctx.context.close();
    }
  });

  test('the buttons show only to roles that may: the OPD page to the admin, not to an employee', async () => {
    const admin = await open();
    await signIn(admin, 'admin');
    await admin.page.goto('/opd/DINKES');
    await admin.page.getByTestId('opd-ubah').waitFor();
    expect(await admin.page.getByTestId('opd-nonaktifkan').count()).toBe(1);
    await admin.context.close();
    const pegawai = await open();
    await signIn(pegawai, 'pegawai');
    const me = await apiGet<{ pegawai_id: string }>(pegawai, '/api/auth/me');
    await pegawai.page.goto(`/pegawai/${me.pegawai_id}`);
    await pegawai.page.getByTestId('pegawai-nama').waitFor();
    expect(await pegawai.page.getByTestId('pegawai-ubah').count()).toBe(0);
    await pegawai.page.goto('/opd/DINKES');
    await pegawai.page.getByTestId('opd-nama').waitFor();
    expect(await pegawai.page.getByTestId('opd-ubah').count()).toBe(0);
    await pegawai.context.close();
  });
});
