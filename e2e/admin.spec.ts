import type { OpdTree } from '@sigap/domain/api/org';
import type { HariLibur, Pengaturan } from '@sigap/domain/api/pengaturan';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, type Ctx, open, PHONE, shot, signIn, text, until, useChromium } from './helpers';

// Administration in the browser: Pemda settings and working hours, the holiday calendar, accounts,
// and who may see what. The demo database is shared with web.spec.ts: every test restores what it
// changes and uses names no other test uses.

useChromium();

type Libur = HariLibur;

/** A suffix no other run of the suite has used (accounts cannot be deleted). */
const RUN = Date.now().toString(36);

function durasi(menit: number): string {
  const h = Math.floor(menit / 60);
  const m = menit % 60;
  return `${h} jam${m ? ` ${m} menit` : ''}`;
}

async function restoreSettings(ctx: Ctx, s: Pengaturan): Promise<void> {
  const { nama, jenis, zona_waktu, jam_kerja, pusat_lat, pusat_lng } = s;
  const r = await apiSend(ctx, 'PUT', '/api/pengaturan', {
    nama,
    jenis,
    zona_waktu,
    jam_kerja,
    pusat_lat,
    pusat_lng,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function noWiderThanScreen(page: Page, width: number, what: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(width);
}

/** Picks an option of a Mantine Select/MultiSelect (options live in a portal). */
async function pick(page: Page, testid: string, option: string | RegExp, search?: string): Promise<void> {
  const input = page.getByTestId(testid);
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('pengaturan', () => {
  test('the admin lengthens the Friday break, sees the weekly total follow, saves, and it is kept', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const before = await apiGet<Pengaturan>(ctx, '/api/pengaturan');
    const jumat = before.jam_kerja['5']!;
    expect(jumat).toBeDefined();
    try {
      await page.goto('/pengaturan');
      await page.getByTestId('atur-form').waitFor();
      const total = page.getByTestId('jam-total');
      expect(await total.textContent()).toBe(`${durasi(before.menit_kerja_mingguan)} per minggu`);
      // The demo Pemda follows Perpres 21/2023.
      expect(await total.textContent()).toBe('37 jam 30 menit per minggu');
      expect(await page.getByTestId('atur-simpan').isDisabled()).toBe(true);

      // A Friday that ends before start + break is flagged while typing, and cannot be saved.
      await page.getByTestId('jam-selesai-5').fill('08:00');
      expect(await text(page, '[data-testid=jam-galat-5]')).toBe(
        'Jam selesai harus setelah jam mulai ditambah istirahat',
      );
      expect(await page.getByTestId('atur-simpan').isDisabled()).toBe(true);
      expect(await text(page, '[data-testid=jam-bersih-5]')).toBe('—');
      await shot(page, 'pengaturan-galat');
      await page.getByTestId('jam-selesai-5').fill(jumat.selesai);
      await until(async () => (await page.getByTestId('jam-galat-5').count()) === 0, 'error gone');

      // Break 90 → 60 minutes: 30 more minutes a week, live.
      const istirahat = page.getByTestId('jam-istirahat-5');
      await istirahat.fill('60');
      const expected = before.menit_kerja_mingguan + (jumat.istirahat_menit - 60);
      await until(
        async () => (await total.textContent()) === `${durasi(expected)} per minggu`,
        `weekly total ${durasi(expected)}`,
      );
      expect(await text(page, '[data-testid=atur-belum-disimpan]')).toContain('belum disimpan');
      await page.getByTestId('atur-simpan').click();
      await until(
        async () =>
          (await page.getByText('Pengaturan tersimpan').count()) > 0 ||
          (await page.getByTestId('atur-galat').count()) > 0,
        'saved, or refused by the server',
      );
      if ((await page.getByTestId('atur-galat').count()) > 0) {
        // The server's answer is shown inline, in the form.
        const refusal = await text(page, '[data-testid=atur-galat]');
        await shot(page, 'pengaturan-ditolak');
        throw new Error(`saving was refused: ${refusal}`);
      }
      await until(async () => (await page.getByTestId('atur-belum-disimpan').count()) === 0, 'saved');
      await shot(page, 'pengaturan-tersimpan');
      const saved = await apiGet<Pengaturan>(ctx, '/api/pengaturan');
      expect(saved.jam_kerja['5']).toEqual({ ...jumat, istirahat_menit: 60 });
      expect(saved.menit_kerja_mingguan).toBe(expected);

      // Kept after a reload.
      await page.reload();
      await page.getByTestId('atur-form').waitFor();
      expect(await total.textContent()).toBe(`${durasi(expected)} per minggu`);
      expect(await istirahat.inputValue()).toMatch(/^60\b/);

      // Restore through the form: 90 minutes, back to 37 h 30 min.
      await istirahat.fill(String(jumat.istirahat_menit));
      await until(
        async () => (await total.textContent()) === '37 jam 30 menit per minggu',
        'total back to 37 h 30 min',
      );
      await page.getByTestId('atur-simpan').click();
      await until(
        async () =>
          (await apiGet<Pengaturan>(ctx, '/api/pengaturan')).menit_kerja_mingguan ===
          before.menit_kerja_mingguan,
        'restored on the server',
      );
    } finally {
      const now = await apiGet<Pengaturan>(ctx, '/api/pengaturan');
      if (JSON.stringify(now) !== JSON.stringify(before)) await restoreSettings(ctx, before);
      await ctx.context.close();
    }
  });

  test('a server error on saving shows inline, next to the form', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await page.goto('/pengaturan');
      await page.getByTestId('atur-form').waitFor();
      await page.getByTestId('atur-input-nama').fill('Pe');
      expect(await text(page, '[data-testid=atur-form]')).toContain('Nama 3–200 karakter');
      await page.getByTestId('atur-input-nama').fill('Pemerintah Kota Batu (uji)');
      // The form checks what the server checks, so make the server refuse for a reason the page cannot
      // know: a second sign-in in this browser replaces the session, and the page's CSRF token is stale.
      await signIn(ctx, 'admin');
      await page.getByTestId('atur-simpan').click();
      expect(await text(page, '[data-testid=atur-galat]')).toContain('Token keamanan (CSRF) tidak cocok');
      expect(page.url()).toContain('/pengaturan');
      // Nothing was saved.
      expect((await apiGet<Pengaturan>(ctx, '/api/pengaturan')).nama).toBe('Pemerintah Kota Batu');
    } finally {
      await ctx.context.close();
    }
  });

  test('on a phone the settings form scrolls inside its table, never the page sideways', async () => {
    const ctx = await open(PHONE);
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await page.goto('/pengaturan');
      await page.getByTestId('jam-edit').waitFor();
      await noWiderThanScreen(page, PHONE.width, '/pengaturan');
      await shot(page, 'phone-pengaturan', true);
      await page.goto('/akun');
      await page.getByTestId('akun-table').waitFor();
      await noWiderThanScreen(page, PHONE.width, '/akun');
      await shot(page, 'phone-akun');
    } finally {
      await ctx.context.close();
    }
  });
});

describe('hari libur', () => {
  const TANGGAL = '2026-12-31';

  test('the admin adds a regional holiday on 31 December 2026, sees it, and deletes it', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const nama = `Hari Jadi Uji E2E ${RUN}`;
    const before = await apiGet<Libur[]>(ctx, '/api/kalender/libur?tahun=2026');
    expect(before.some((d) => d.tanggal === TANGGAL)).toBe(false);
    try {
      await page.goto('/pengaturan');
      await page.getByTestId('tab-libur').click();
      await page.getByTestId('atur-libur').waitFor();
      expect(page.url()).toContain('tab=libur');
      expect(await page.getByTestId('libur-row').count()).toBe(before.length);
      // Dates read the Indonesian way, with the weekday.
      expect(await text(page, '[data-testid=libur-row][data-tanggal="2026-08-17"]')).toContain(
        'Senin, 17 Agustus 2026',
      );

      await page.getByTestId('libur-tambah').click();
      await page.getByTestId('libur-form').waitFor();
      // Validation while typing: a name typed and erased is required.
      await page.getByTestId('libur-input-nama').fill('x');
      await page.getByTestId('libur-input-nama').fill('');
      expect(await text(page, '[data-testid=libur-form]')).toContain('Wajib diisi');
      expect(await page.getByTestId('libur-simpan').isDisabled()).toBe(true);
      await page.getByTestId('libur-input-tanggal').fill(TANGGAL);
      expect(await page.getByTestId('libur-input-jenis').inputValue()).toBe('Libur daerah');
      await page.getByTestId('libur-input-nama').fill(nama);
      await page.getByTestId('libur-input-dasar').fill('Peraturan Daerah (uji)');
      expect(await text(page, '[data-testid=libur-form]')).toContain('Kamis, 31 Desember 2026');
      await shot(page, 'libur-tambah');
      await page.getByTestId('libur-simpan').click();

      const row = page.locator(`[data-testid=libur-row][data-tanggal="${TANGGAL}"]`);
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual([
        'Kamis, 31 Desember 2026',
        'Libur daerah',
        nama,
        'Peraturan Daerah (uji)',
      ]);
      expect(await page.getByTestId('libur-row').count()).toBe(before.length + 1);
      await row.scrollIntoViewIfNeeded();
      await shot(page, 'libur-ditambah');

      await page.getByTestId(`libur-hapus-${TANGGAL}`).click();
      expect(await text(page, '[data-testid=libur-hapus-dialog]')).toContain(
        `Kamis, 31 Desember 2026 (${nama}) akan kembali menjadi hari kerja biasa.`,
      );
      await shot(page, 'libur-hapus');
      await page.getByTestId('libur-hapus-ya').click();
      await row.waitFor({ state: 'detached' });
      expect(await page.getByTestId('libur-row').count()).toBe(before.length);
      const after = await apiGet<Libur[]>(ctx, '/api/kalender/libur?tahun=2026');
      expect(after).toEqual(before);
    } finally {
      const now = await apiGet<Libur[]>(ctx, '/api/kalender/libur?tahun=2026');
      if (now.some((d) => d.tanggal === TANGGAL))
        await apiSend(ctx, 'DELETE', `/api/kalender/libur/${TANGGAL}`);
      await ctx.context.close();
    }
  });

  test("importing next year's decree: a bad date names its row and changes nothing; a good file counts its days", async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const next = new Date().getUTCFullYear() + 1;
    const before = await apiGet<Libur[]>(ctx, `/api/kalender/libur?tahun=${next}`);
    const days = [`${next}-11-02`, `${next}-11-03`];
    expect(before.filter((d) => days.includes(d.tanggal))).toEqual([]);
    const header = 'tanggal,jenis,nama,dasar';
    const good = [
      `${days[0]},libur_daerah,Uji Impor Satu ${RUN},Perkada uji`,
      `${days[1]},cuti_bersama,"Uji Impor Dua, ${RUN}",SKB uji`,
    ];
    const upload = async (name: string, body: string) => {
      await page.locator('[data-testid=libur-impor] input[type=file]').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(body, 'utf8'),
      });
      await page.getByTestId('libur-impor-tombol').click();
    };
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/kalender/libur/impor')) asked.push(r.headers()['content-type'] ?? '');
    });
    try {
      await page.goto('/pengaturan?tab=libur');
      await page.getByTestId('libur-impor-buka').click();
      await page.getByTestId('libur-impor').waitFor();

      // The template is made in the browser: the header and two example rows for next year.
      const href = (await page.getByTestId('libur-templat').getAttribute('href')) ?? '';
      expect(href.startsWith('data:text/csv')).toBe(true);
      const tpl = decodeURIComponent(href.slice(href.indexOf(',') + 1))
        .trimEnd()
        .split('\n');
      expect(tpl).toHaveLength(3);
      expect(tpl[0]).toBe(header);
      for (const row of tpl.slice(1)) expect(row.startsWith(`${next}-`)).toBe(true);
      expect(await page.getByTestId('libur-templat').getAttribute('download')).toBe(`hari-libur-${next}.csv`);

      await upload(
        'libur-salah.csv',
        [header, good[0], `${next}-02-30,libur_nasional,Tanggal Salah,SKB`, good[1]].join('\n'),
      );
      const galat = await text(page, '[data-testid=libur-impor-galat]');
      expect(galat).toContain('Baris 3');
      expect(galat).toContain(`${next}-02-30`);
      expect(galat).toContain('tidak ada yang diubah');
      expect(asked).toEqual(['text/csv']);
      await shot(page, 'libur-impor-galat');
      expect(await apiGet<Libur[]>(ctx, `/api/kalender/libur?tahun=${next}`)).toEqual(before);

      await upload('libur-baik.csv', [header, ...good].join('\n'));
      expect(await text(page, '[data-testid=libur-impor-hasil]')).toBe('2 hari diperbarui');
      await shot(page, 'libur-impor-berhasil');
      // Behind the dialog, the table moved to the imported year.
      await page.getByTestId('libur-impor-tutup').click();
      await page.getByTestId('libur-impor').waitFor({ state: 'detached' });
      await page.locator(`[data-testid=libur-row][data-tanggal="${days[1]}"]`).waitFor();
      expect(await page.getByTestId('atur-tahun').inputValue()).toBe(String(next));
      expect(await text(page, `[data-testid=libur-row][data-tanggal="${days[1]}"]`)).toContain(
        'Cuti bersama',
      );
      await shot(page, 'libur-impor-tabel');
      const after = await apiGet<Libur[]>(ctx, `/api/kalender/libur?tahun=${next}`);
      expect(after.find((d) => d.tanggal === days[1])?.nama).toBe(`Uji Impor Dua, ${RUN}`);
    } finally {
      for (const d of days) {
        const now = await apiGet<Libur[]>(ctx, `/api/kalender/libur?tahun=${next}`);
        if (now.some((x) => x.tanggal === d) && !before.some((x) => x.tanggal === d))
          await apiSend(ctx, 'DELETE', `/api/kalender/libur/${d}`);
      }
      await ctx.context.close();
    }
  });
});

describe('akun', () => {
  test('the admin creates an OPD admin for DINKES, who signs in and sees only DINKES people', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const username = `e2e.dinkes.${RUN}`;
    const password = `Uji-Dinkes-${RUN}-2026`;
    try {
      await page.goto('/organisasi');
      await page.getByTestId('nav-akun').click();
      await page.getByTestId('akun-table').waitFor();
      const count = await page.getByTestId('akun-row').count();
      expect(count).toBeGreaterThanOrEqual(7);
      // Roles show as badges with the OPD of scoped roles.
      expect(
        await text(
          page,
          '[data-testid=akun-row][data-username="admin.dinkes"] [data-testid=akun-peran-list]',
        ),
      ).toContain('Admin OPD · DINKES');

      await page.getByTestId('akun-tambah').click();
      await page.getByTestId('akun-form').waitFor();
      await page.getByTestId('akun-username').fill('a b');
      expect(await text(page, '[data-testid=akun-form]')).toContain('3–40 karakter');
      await page.getByTestId('akun-username').fill(username);
      await page.getByTestId('akun-nama').fill(`Admin Dinkes Uji ${RUN}`);
      // The password rules are ticked off while typing.
      await page.getByTestId('akun-password').fill('pendek1');
      expect(await text(page, '[data-testid=akun-form]')).toContain('Kata sandi belum memenuhi aturan');
      expect(
        await page
          .locator('[data-testid=akun-aturan] [data-ok]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-ok'))),
      ).toEqual(['false', 'true', 'true']);
      await page.getByTestId('akun-password').fill(password);
      await until(
        async () => (await page.locator('[data-testid=akun-aturan] [data-ok=true]').count()) === 3,
        'all password rules met',
      );
      await pick(page, 'akun-peran', 'Admin OPD');
      await page.keyboard.press('Escape');
      // A scoped role asks for its OPD.
      await page.getByTestId('akun-opd-opd_admin').waitFor();
      await pick(page, 'akun-opd-opd_admin', /^DINKES – Dinas Kesehatan$/, 'DINKES');
      expect(await page.getByTestId('akun-opd-opd_admin').inputValue()).toBe('DINKES – Dinas Kesehatan');

      // A NIP nobody has: the server's answer shows inline and the dialog stays.
      await page.getByTestId('akun-nip').fill('199001012020011999');
      await shot(page, 'akun-form');
      await page.getByTestId('akun-simpan').click();
      expect(await text(page, '[data-testid=akun-galat]')).toContain(
        'Pegawai dengan NIP 199001012020011999 tidak ada',
      );
      await shot(page, 'akun-galat');
      await page.getByTestId('akun-nip').fill('');
      await page.getByTestId('akun-simpan').click();
      await page.getByTestId('akun-form').waitFor({ state: 'detached' });
      await page.getByText(`Akun ${username} dibuat`).first().waitFor();
      const row = page.locator(`[data-testid=akun-row][data-username="${username}"]`);
      await row.waitFor();
      expect(await row.locator('[data-testid=akun-peran-badge]').allTextContents()).toEqual([
        'Admin OPD · DINKES',
      ]);
      expect(await page.getByTestId('akun-row').count()).toBe(count + 1);
      await row.scrollIntoViewIfNeeded();
      await shot(page, 'akun-dibuat');
    } finally {
      await ctx.context.close();
    }

    // The new account signs in through the form and sees DINKES and its units only.
    const admin = await open();
    const dinkes = await open();
    try {
      await signIn(admin, 'admin');
      // DINKES and every unit below it (puskesmas, UPT, ...).
      const tree = await apiGet<OpdTree>(admin, '/api/opd');
      const parent = new Map(tree.opd.map((o) => [o.kode, o.induk_kode]));
      const underDinkes = (kode: string): boolean => {
        for (let k: string | null | undefined = kode; k; k = parent.get(k)) if (k === 'DINKES') return true;
        return false;
      };
      const expected = await apiGet<{ total: number }>(admin, '/api/pegawai?limit=1&opd=DINKES');
      const all = await apiGet<{ total: number }>(admin, '/api/pegawai?limit=1');
      expect(expected.total).toBeGreaterThan(0);
      expect(expected.total).toBeLessThan(all.total);
      const p = dinkes.page;
      await p.goto('/');
      await p.getByTestId('login-username').fill(username);
      await p.getByTestId('login-password').fill(password);
      await p.getByTestId('login-submit').click();
      await p.getByTestId('nav-pegawai').click();
      const total = p.getByTestId('pegawai-total');
      await until(
        async () => (await total.getAttribute('data-total')) === String(expected.total),
        'DINKES total',
      );
      await p.getByTestId('pegawai-row').first().waitFor();
      const units = await p.locator('[data-testid=pegawai-row] td:last-child').allTextContents();
      expect(units.length).toBeGreaterThan(0);
      for (const u of units) expect(underDinkes(u), u).toBe(true);
      const mine = await apiGet<{ total: number; rows: { opd_kode: string }[] }>(
        dinkes,
        '/api/pegawai?limit=1000',
      );
      expect(mine.total).toBe(expected.total);
      expect(mine.rows.filter((r) => !underDinkes(r.opd_kode))).toEqual([]);
      expect(mine.rows.some((r) => r.opd_kode !== 'DINKES')).toBe(true);
      // An OPD admin manages no accounts.
      expect(await p.getByTestId('nav-akun').count()).toBe(0);
      await shot(p, 'akun-dinkes-pegawai');
    } finally {
      await admin.context.close();
      await dinkes.context.close();
    }
  });

  test('a BKPSDM admin sees the Akun page but not the settings form', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'bkpsdm');
    try {
      await page.goto('/organisasi');
      await page.getByTestId('nav-akun').click();
      await page.getByTestId('akun-row').first().waitFor();
      expect(await page.getByTestId('akun-row').count()).toBeGreaterThanOrEqual(7);
      // Editing fills the form from the list: roles, the unit of a scoped role, the NIP.
      const kepala = (await apiGet<{ username: string; nip: string | null }[]>(ctx, '/api/akun')).find(
        (a) => a.username === 'kepala.umum',
      )!;
      await page.getByTestId('akun-ubah-kepala.umum').click();
      expect(await page.getByTestId('akun-username').inputValue()).toBe('kepala.umum');
      expect(await page.getByTestId('akun-username').getAttribute('readonly')).not.toBeNull();
      await until(
        async () => /^BAG-UMUM – /.test(await page.getByTestId('akun-opd-unit_head').inputValue()),
        'the unit of the unit head, with its name',
      );
      expect(await page.getByTestId('akun-nip').inputValue()).toBe(kepala.nip);
      expect(await text(page, '[data-testid=akun-form]')).toContain('Kepala unit');
      await shot(page, 'akun-ubah');
      await page.keyboard.press('Escape');
      await page.getByTestId('akun-form').waitFor({ state: 'detached' });

      // Only a Pemda admin may grant the Pemda admin role.
      await page.getByTestId('akun-tambah').click();
      expect(await text(page, '[data-testid=akun-form]')).toContain(
        'Peran Admin Pemda hanya dapat diberikan oleh Admin Pemda',
      );
      await page.getByTestId('akun-peran').click();
      expect(
        await page.getByRole('option', { name: 'Admin Pemda' }).getAttribute('data-combobox-disabled'),
      ).toBe('true');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByTestId('akun-form').waitFor({ state: 'detached' });
      // The page speaks English too.
      await page.getByTestId('lang-en').click();
      await until(
        async () => (await page.locator('h2').first().textContent()) === 'User accounts',
        'English',
      );
      expect(await text(page, '[data-testid=akun-row][data-username="bkpsdm"]')).toContain('BKPSDM admin');
      await shot(page, 'akun-en');
      await page.getByTestId('lang-id').click();
      await until(
        async () => (await page.locator('h2').first().textContent()) === 'Akun pengguna',
        'Indonesian',
      );

      await page.getByTestId('nav-pengaturan').click();
      await page.getByTestId('atur-baca').waitFor();
      expect(await page.getByTestId('atur-form').count()).toBe(0);
      expect(await text(page, '[data-testid=jam-total-baca]')).toContain('37 jam 30 menit');
      expect(await text(page, '[data-testid=page-pengaturan]')).toContain('Hanya tampilan');
      await shot(page, 'pengaturan-bkpsdm');
      await page.getByTestId('tab-libur').click();
      await page.getByTestId('atur-libur').waitFor();
      expect(await page.getByTestId('libur-tambah').count()).toBe(0);
      expect(await page.getByTestId('libur-impor').count()).toBe(0);
    } finally {
      await ctx.context.close();
    }
  });

  test('an employee has no Akun link, and the page refuses', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'pegawai');
    try {
      await page.goto('/organisasi');
      await page.getByTestId('nav-pengaturan').waitFor();
      expect(await page.getByTestId('nav-akun').count()).toBe(0);
      await page.goto('/akun');
      await page.getByTestId('forbidden').waitFor();
      await page.goto('/pengaturan');
      await page.getByTestId('atur-baca').waitFor();
      expect(await page.getByTestId('atur-form').count()).toBe(0);
    } finally {
      await ctx.context.close();
    }
  });
});
