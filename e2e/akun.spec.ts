import { describe, expect, test } from 'vitest';
import {
  apiGet,
  apiSend,
  BASE,
  type Ctx,
  open,
  PEMDA,
  shot,
  signIn,
  text,
  until,
  useChromium,
} from './helpers';

// Accounts in the browser: one's own password, and an admin's unlock, reset and deactivation.
// Every test makes its own account (accounts cannot be deleted), so the shared demo stays as it was.

useChromium();

const RUN = Date.now().toString(36);
const PW = `Awal-${RUN}-2026`;

/** A new auditor account made by the Pemda admin through the API; returns its id. */
async function newAccount(admin: Ctx, username: string): Promise<string> {
  const r = await apiSend(admin, 'POST', '/api/akun', {
    username,
    nama: `Uji ${username}`,
    password: PW,
    roles: [{ role: 'auditor' }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { id: string }).id;
}

async function tryLogin(ctx: Ctx, username: string, password: string): Promise<number> {
  const r = await ctx.context.request.post(`${BASE}/api/auth/login`, {
    data: { pemda: PEMDA, username, password },
  });
  return r.status();
}

async function meStatus(ctx: Ctx): Promise<number> {
  return (await ctx.context.request.get(`${BASE}/api/auth/me`)).status();
}

describe('own password', () => {
  test('a user changes their password in the web app; their other sessions end, this one stays', async () => {
    const admin = await open();
    const mine = await open();
    const other = await open();
    const username = `e2e.sandi.${RUN}`;
    const baru = `Baru-${RUN}-2027`;
    try {
      await signIn(admin, 'admin');
      await newAccount(admin, username);
      await signIn(mine, username, PW);
      await signIn(other, username, PW);
      const { page } = mine;
      await page.goto('/');
      await page.locator('[data-testid=ganti-sandi]:visible').click();
      await page.getByTestId('sandi-form').waitFor();
      // The wrong current password is refused in words.
      await page.getByTestId('sandi-lama').fill('bukan-sandinya-1');
      await page.getByTestId('sandi-baru').fill(baru);
      await page.getByTestId('sandi-ulang').fill(baru);
      await page.getByTestId('sandi-simpan').click();
      expect(await text(page, '[data-testid=sandi-galat]')).toContain('Kata sandi saat ini salah');
      // A weak new password is named before it is sent.
      await page.getByTestId('sandi-lama').fill(PW);
      await page.getByTestId('sandi-baru').fill('pendek');
      await page.getByTestId('sandi-simpan').click();
      expect(await text(page, '[data-testid=sandi-form]')).toContain('Kata sandi belum memenuhi aturan');
      await page.getByTestId('sandi-baru').fill(baru);
      await shot(page, 'akun-ganti-sandi');
      await page.getByTestId('sandi-simpan').click();
      expect(await text(page, '[data-testid=sandi-berhasil]')).toContain('1 sesi lain diakhiri');
      await page.getByTestId('sandi-form').waitFor({ state: 'detached' });
      expect(await meStatus(other)).toBe(401);
      expect(await meStatus(mine)).toBe(200);
      await page.reload();
      await page.locator('[data-testid=user-nama]:visible').waitFor();
      expect(await tryLogin(other, username, PW)).toBe(401);
      expect(await tryLogin(other, username, baru)).toBe(200);
    } finally {
      for (const c of [admin, mine, other]) await c.context.close();
    }
  });
});

describe('admin actions', () => {
  test('the admin unlocks a held-back account, resets its password and deactivates it', async () => {
    const admin = await open();
    const user = await open();
    const username = `e2e.kunci.${RUN}`;
    const reset = `Reset-${RUN}-2028`;
    try {
      await signIn(admin, 'admin');
      await newAccount(admin, username);
      await signIn(user, username, PW);
      // Six wrong passwords from this address hold it back, even for the right one.
      for (let i = 0; i < 6; i++) expect(await tryLogin(user, username, `salah-${i}-${RUN}`)).toBe(401);
      expect(await tryLogin(user, username, PW)).toBe(401);

      const { page } = admin;
      await page.goto('/akun');
      const row = page.locator(`[data-testid=akun-row][data-username="${username}"]`);
      await row.locator('[data-testid=akun-terkunci]').waitFor();
      await shot(page, 'akun-terkunci');
      await page.getByTestId(`akun-buka-kunci-${username}`).click();
      await page.getByText(`Kunci masuk akun ${username} dibuka`).first().waitFor();
      await until(async () => (await row.locator('[data-testid=akun-terkunci]').count()) === 0, 'badge gone');
      expect(await tryLogin(user, username, PW)).toBe(200);

      // Reset: the account's sessions end and only the new password opens it.
      expect(await meStatus(user)).toBe(200);
      await page.getByTestId(`akun-atur-ulang-${username}`).click();
      await page.getByTestId('atur-ulang-form').waitFor();
      await page.getByTestId('atur-ulang-sandi').fill(reset);
      await page.getByTestId('atur-ulang-simpan').click();
      await page.getByText(`Kata sandi ${username} diatur ulang`).first().waitFor();
      expect(await meStatus(user)).toBe(401);
      expect(await tryLogin(user, username, PW)).toBe(401);
      expect(await tryLogin(user, username, reset)).toBe(200);

      // Deactivate: the session ends and sign-in is refused; activate again.
      await page.getByTestId(`akun-nonaktifkan-${username}`).click();
      await page.getByText(`Akun ${username} dinonaktifkan`).first().waitFor();
      expect(await meStatus(user)).toBe(401);
      expect(await tryLogin(user, username, reset)).toBe(401);
      await page.getByTestId(`akun-aktifkan-${username}`).click();
      await page.getByText(`Akun ${username} aktif kembali`).first().waitFor();
      expect(await tryLogin(user, username, reset)).toBe(200);

      const audit = await apiGet<{ rows: { aksi: string; entitas_id: string | null }[] }>(
        admin,
        '/api/audit?entitas=akun&limit=100',
      );
      expect(audit.rows.map((r) => r.aksi)).toEqual(
        expect.arrayContaining(['buka_kunci_akun', 'atur_ulang_sandi', 'nonaktifkan_akun', 'aktifkan_akun']),
      );
    } finally {
      await admin.context.close();
      await user.context.close();
    }
  });

  test('a BKPSDM admin sees no actions on the Pemda admin and cannot create over an existing name', async () => {
    const ctx = await open();
    try {
      await signIn(ctx, 'bkpsdm');
      const { page } = ctx;
      await page.goto('/akun');
      const row = page.locator('[data-testid=akun-row][data-username="admin"]');
      expect(
        await text(page, '[data-testid=akun-row][data-username="admin"] [data-testid=akun-aksi]'),
      ).toContain('hanya dapat diubah oleh Admin Pemda');
      expect(await row.getByRole('button').count()).toBe(0);
      await page.getByTestId('akun-tambah').click();
      await page.getByTestId('akun-username').fill('ADMIN');
      expect(await text(page, '[data-testid=akun-form]')).toContain('sudah dipakai akun lain');
      const r = await apiSend(ctx, 'POST', '/api/akun', {
        username: 'admin',
        nama: 'x',
        password: PW,
        roles: [{ role: 'bkpsdm_admin' }],
      });
      expect(r.status).toBe(409);
    } finally {
      await ctx.context.close();
    }
  });
});

describe('security headers in the browser', () => {
  test('the built web app and the API docs run under the CSP with no violation', async () => {
    const ctx = await open();
    const violations: string[] = [];
    ctx.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // A violation the page's code catches (e.g. a library probing `new Function`) logs nothing to the
    // console but still fires `securitypolicyviolation`: the page reports each one as a console line.
    await ctx.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.warn(
          `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} on ${location.pathname} ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    try {
      // The built page loads its script from a file, never inline.
      const html = await (await ctx.context.request.get(`${BASE}/`)).text();
      expect(html).toMatch(/<script[^>]+src=/);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      await signIn(ctx, 'admin');
      const { page } = ctx;
      await page.goto('/organisasi');
      await page.locator('[data-testid=user-nama]:visible').waitFor();
      await page.goto('/akun');
      await page.getByTestId('akun-table').waitFor();
      await page.goto('/api/docs');
      await page.locator('.swagger-ui .info .title').first().waitFor();
      expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(10);
      await shot(page, 'api-docs-csp');
      expect(violations).toEqual([]);
    } finally {
      await ctx.context.close();
    }
  });
});
