import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  apiGet,
  BASE,
  onScreen,
  open,
  PASSWORD,
  PHONE,
  shot,
  signIn,
  text,
  until,
  useChromium,
} from './helpers';

// The web app driven by Debian's chromium against the real server (started in global-setup.ts).
// Every request that is not to 127.0.0.1 is aborted: no test reaches the network, and map tiles
// failing fast proves the OPD page works offline.

useChromium();

describe('masuk', () => {
  test('a wrong password shows the server message in Indonesian, inline', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await page.goto('/');
      await page.getByTestId('login-form').waitFor();
      // Only one Pemda exists: the select is hidden and its name shown instead.
      expect(await page.getByTestId('login-pemda').count()).toBe(0);
      expect(await text(page, '[data-testid=login-pemda-nama]')).toContain('Kota Batu');
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill('bukan-kata-sandinya');
      await page.getByTestId('login-submit').click();
      const msg = await text(page, '[data-testid=login-error]');
      expect(msg).toContain('Gagal masuk: nama pengguna atau kata sandi salah');
      expect(await page.getByTestId('login-form').isVisible()).toBe(true);
      await shot(page, 'masuk-gagal');
    } finally {
      await ctx.context.close();
    }
  });

  test('admin signs in through the form and sees the OPD tree with DINKES', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await page.goto('/');
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('opd-tree').waitFor();
      await page.getByTestId('opd-node-DINKES').waitFor();
      expect(page.url()).toMatch(/\/organisasi$/);
      expect(await text(page, '[data-testid=pemda-nama]')).toContain('Pemerintah Kota Batu');
      expect(await text(page, '[data-testid=user-roles]')).toContain('Admin Pemda');
      expect(await text(page, '[data-testid=opd-node-DINKES]')).toContain('Dinas Kesehatan');
      // Units are collapsed until their parent is opened.
      expect(await page.getByTestId('opd-node-DINKES-IFK').count()).toBe(0);
      await page.getByTestId('opd-toggle-DINKES').click();
      await page.getByTestId('opd-node-DINKES-IFK').waitFor();
      expect(await text(page, '[data-testid=opd-node-DINKES] [data-testid=badge-sektor]')).toBe('Kesehatan');
      await shot(page, 'organisasi');
      // Every registry query follows the as-of date.
      const asked: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/opd')) asked.push(r.url());
      });
      await page.getByTestId('as-of').fill('2020-08-18');
      await until(
        async () => asked.some((u) => u.includes('tanggal=2020-08-18')),
        'tree asked as of 2020-08-18',
      );
      await page.getByTestId('opd-node-DINKES').waitFor();
    } finally {
      await ctx.context.close();
    }
  });
});

describe('organisasi', () => {
  test('the OPD page shows office coordinates, radius and a sized map while tiles are blocked', async () => {
    const ctx = await open();
    try {
      const { page, blocked } = ctx;
      await signIn(ctx, 'admin');
      const d = await apiGet<{ lat: number; lng: number; radius_m: number; riwayat: unknown[] }>(
        ctx,
        '/api/opd/DINKES',
      );
      await page.goto('/opd/DINKES');
      await page.getByTestId('page-opd').waitFor();
      expect(await text(page, '[data-testid=opd-nama]')).toBe('Dinas Kesehatan');
      expect(await text(page, '[data-testid=opd-latlng]')).toBe(`${d.lat.toFixed(6)}, ${d.lng.toFixed(6)}`);
      expect(await text(page, '[data-testid=opd-radius]')).toBe(`${d.radius_m} m`);
      const map = page.getByTestId('opd-map');
      await map.waitFor();
      const box = await map.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(300);
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(await map.getAttribute('class')).toContain('leaflet-container');
      // The geofence circle and the office marker are vectors: they draw without tiles.
      await until(
        async () => (await page.locator('[data-testid=opd-map] path.leaflet-interactive').count()) >= 2,
        'circle + marker',
      );
      await until(
        async () => blocked.some((u) => u.includes('tile')),
        'a tile request was attempted and blocked',
      );
      expect(blocked.every((u) => !u.startsWith(BASE))).toBe(true);
      expect(await page.locator('[data-testid=opd-riwayat] tbody tr').count()).toBe(d.riwayat.length);
      expect(await text(page, '[data-testid=opd-anak]')).toContain('DINKES-IFK');
      await shot(page, 'opd-dinkes');

      // A unit without its own office says where its location and class come from.
      await page.goto('/opd/DINKES-KESMAS');
      await page.getByTestId('opd-kelas-asal').waitFor();
      expect(await text(page, '[data-testid=opd-kelas-asal]')).toContain('diwarisi dari');
      expect(await text(page, '[data-testid=opd-latlng]')).toBe(`${d.lat.toFixed(6)}, ${d.lng.toFixed(6)}`);
    } finally {
      await ctx.context.close();
    }
  });
});

describe('pegawai', () => {
  test('the list is server-filtered and loads more pages while scrolling', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      const all = await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1');
      expect(all.total).toBeGreaterThan(2800);
      await page.goto('/pegawai');
      const total = page.getByTestId('pegawai-total');
      await until(async () => (await total.getAttribute('data-total')) === String(all.total), 'total shown');
      expect(await total.textContent()).toContain(new Intl.NumberFormat('id-ID').format(all.total));
      await page.getByTestId('pegawai-row').first().waitFor();
      // Only a window of rows is in the DOM, and only the first page has been fetched.
      expect(await page.getByTestId('pegawai-row').count()).toBeLessThan(100);
      expect(Number(await total.getAttribute('data-loaded'))).toBe(200);
      // No home coordinates in the list.
      expect(await page.getByTestId('pegawai-table').textContent()).not.toMatch(/-7\.\d{4,}/);
      await shot(page, 'pegawai-list');

      // Scroll to the end: the last page is fetched and its rows are drawn.
      const scroller = page.getByTestId('pegawai-scroll');
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      const lastIndex = all.total - 1;
      await page.locator(`[data-testid=pegawai-row][data-index="${lastIndex}"]`).waitFor();
      expect(Number(await total.getAttribute('data-loaded'))).toBeGreaterThan(200);
      // And the middle, too.
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
      await until(async () => {
        const idx = await page
          .getByTestId('pegawai-row')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-index'))));
        return idx.some((i) => i > 1000 && i < lastIndex - 200);
      }, 'rows from the middle');

      // Search is debounced and done by the server.
      const probe = await apiGet<{ rows: { nama: string }[] }>(ctx, '/api/pegawai?limit=1&offset=100');
      const word = probe.rows[0]!.nama.split(/[ ,]/)[0]!;
      const expected = await apiGet<{ total: number }>(
        ctx,
        `/api/pegawai?limit=1&q=${encodeURIComponent(word)}`,
      );
      await page.getByTestId('pegawai-search').fill(word);
      await until(
        async () => (await total.getAttribute('data-total')) === String(expected.total),
        `total for "${word}"`,
      );
      expect(expected.total).toBeLessThan(all.total);
      const names = await page.locator('[data-testid=pegawai-row] a').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n.toLowerCase()).toContain(word.toLowerCase());
      expect(page.url()).toContain(`q=${encodeURIComponent(word)}`);

      // Filtering by level (server-side) narrows further.
      await page.getByTestId('pegawai-search').fill('');
      await page.goto('/pegawai?level=jpt');
      const jpt = await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1&level=jpt');
      await until(
        async () => (await total.getAttribute('data-total')) === String(jpt.total),
        'total for level jpt',
      );
    } finally {
      await ctx.context.close();
    }
  });

  test('the employee page shows identity, unit, supervisor and placement history', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      const list = await apiGet<{ rows: { id: string; nip: string | null; nama: string }[] }>(
        ctx,
        '/api/pegawai?limit=50&level=pelaksana&jenis=pns',
      );
      const p = list.rows[0]!;
      const detail = await apiGet<{ opd_kode: string; atasan_nama: string | null; riwayat: unknown[] }>(
        ctx,
        `/api/pegawai/${p.id}`,
      );
      await page.goto('/organisasi');
      await page.getByTestId('nav-pegawai').click();
      await page.getByTestId('pegawai-row').first().waitFor();
      await page.getByTestId('pegawai-search').fill(p.nip!);
      await until(
        async () => (await page.getByTestId('pegawai-total').getAttribute('data-total')) === '1',
        'one match by NIP',
      );
      await page.getByTestId('pegawai-row').first().click();
      await page.getByTestId('page-pegawai').waitFor();
      expect(await text(page, '[data-testid=pegawai-nama]')).toBe(p.nama);
      expect(await text(page, '[data-testid=pegawai-nip]')).toBe(p.nip);
      expect(await text(page, '[data-testid=pegawai-unit]')).toContain(detail.opd_kode);
      if (detail.atasan_nama)
        expect(await text(page, '[data-testid=pegawai-atasan]')).toContain(detail.atasan_nama);
      await page.getByTestId('riwayat-row').first().waitFor();
      expect(await page.getByTestId('riwayat-row').count()).toBe(detail.riwayat.length);
      // The demo registry takes effect on 1 January 2020, shown the Indonesian way.
      expect(await text(page, '[data-testid=pegawai-riwayat]')).toContain('1 Januari 2020');
      await shot(page, 'pegawai-detail');
    } finally {
      await ctx.context.close();
    }
  });

  test('an employee account sees only itself, and no admin pages', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'pegawai');
      const me = await apiGet<{ nama: string }>(ctx, '/api/auth/me');
      await page.goto('/pegawai');
      const total = page.getByTestId('pegawai-total');
      await until(async () => (await total.getAttribute('data-total')) === '1', 'total of 1');
      await page.getByTestId('pegawai-row').first().waitFor();
      expect(await page.getByTestId('pegawai-row').count()).toBe(1);
      expect(await text(page, '[data-testid=pegawai-row] a')).toBe(me.nama);
      expect(await page.getByTestId('nav-impor').count()).toBe(0);
      expect(await page.getByTestId('nav-audit').count()).toBe(0);
      await page.goto('/audit');
      await page.getByTestId('forbidden').waitFor();
      // Sign out: back to the form, and the session is gone on the server too.
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
      expect((await ctx.context.request.get(`${BASE}/api/auth/me`)).status()).toBe(401);
    } finally {
      await ctx.context.close();
    }
  });
});

describe('impor dan audit', () => {
  const HEADER =
    'nip,nama,jenis_pegawai,jabatan_level,jabatan,opd_kode,atasan_nip,email,telepon,rumah_lat,rumah_lng,id_pegawai';
  const rows = {
    a: ',Uji Coba Satu,non_asn,pelaksana,THL Pengemudi,DINKES,,uji.satu@example.id,081234567801,,,E2E-THL-001',
    b: ',Uji Coba Dua,non_asn,pelaksana,THL Petugas Kebersihan,DINKES-IFK,,,,,,E2E-THL-002',
    bad: ',Uji Coba Tiga,honorer,pelaksana,THL Penjaga,DINKES,,,,,,E2E-THL-003',
  };
  const goodCsv = [HEADER, rows.a, rows.b].join('\n');
  const badCsv = [HEADER, rows.a, rows.bad, rows.b].join('\n');

  async function upload(page: Page, name: string, body: string): Promise<void> {
    await page.locator('[data-testid=page-impor] input[type=file]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(body, 'utf8'),
    });
    await page.getByTestId('impor-unggah').click();
  }

  test('the OPD template dropped on the Pegawai tab gives one sentence naming the OPD tab, nothing changed', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      const before = await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1');
      const opd = await ctx.context.request.get(`${BASE}/api/impor/template/opd?format=xlsx`);
      expect(opd.status()).toBe(200);
      await page.goto('/impor');
      await page.getByTestId('impor-jenis-pegawai').click();
      await page.locator('[data-testid=page-impor] input[type=file]').setInputFiles({
        name: 'templat-opd.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await opd.body(),
      });
      await page.getByTestId('impor-unggah').click();
      await page.getByTestId('impor-galat').waitFor();
      const pesan = await page.getByTestId('galat-pesan').allTextContents();
      expect(pesan).toEqual([
        'Berkas ini tampaknya daftar OPD, bukan daftar pegawai; pakai tab OPD di halaman Impor',
      ]);
      expect((await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1')).total).toBe(before.total);
      await shot(page, 'impor-salah-jenis');
    } finally {
      await ctx.context.close();
    }
  });

  test('a file with a bad row lists it and changes nothing; a good file imports; re-importing changes nothing', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      const before = await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1');
      await page.goto('/impor');
      await page.getByTestId('impor-jenis-pegawai').click();
      expect(await page.getByTestId('templat-csv').getAttribute('href')).toBe(
        '/api/impor/template/pegawai?format=csv',
      );
      const tpl = await ctx.context.request.get(`${BASE}/api/impor/template/pegawai?format=csv`);
      expect(tpl.status()).toBe(200);

      await upload(page, 'pegawai-salah.csv', badCsv);
      await page.getByTestId('impor-galat').waitFor();
      const issues = await page
        .getByTestId('galat-row')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-kode'),
            ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
          ]),
        );
      // Row, column and the sentence; the code stays out of sight (an attribute for tools).
      expect(issues).toContainEqual([
        'NILAI_TIDAK_DIKENAL',
        '3',
        'jenis_pegawai',
        expect.stringContaining('honorer'),
      ]);
      expect(await text(page, '[data-testid=impor-galat]')).not.toMatch(/[A-Z]{3,}_[A-Z]{3,}/);
      expect(await text(page, '[data-testid=impor-gagal]')).toContain('tidak ada data yang diubah');
      expect(await text(page, '[data-testid=galat-pesan]')).toContain('tidak dikenal');
      await shot(page, 'impor-gagal');
      const afterBad = await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1');
      expect(afterBad.total).toBe(before.total);
      expect((await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1&q=E2E-THL-001')).total).toBe(0);

      await upload(page, 'pegawai-baik.csv', goodCsv);
      await page.getByTestId('impor-hasil').waitFor();
      expect(await text(page, '[data-testid=hasil-baris]')).toBe('2');
      expect(await text(page, '[data-testid=hasil-baru]')).toBe('2');
      expect(await text(page, '[data-testid=hasil-diubah]')).toBe('0');
      expect(await text(page, '[data-testid=impor-fase]')).toBe('Selesai');
      await shot(page, 'impor-berhasil');
      expect((await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1')).total).toBe(before.total + 2);

      await upload(page, 'pegawai-baik.csv', goodCsv);
      await until(
        async () => (await page.getByTestId('impor-semua-sama').count()) === 1,
        'unchanged summary',
      );
      expect(await text(page, '[data-testid=hasil-tidak-berubah]')).toBe('2');
      expect(await text(page, '[data-testid=hasil-baru]')).toBe('0');
      expect(await text(page, '[data-testid=impor-semua-sama]')).toContain('tidak ada yang berubah');
      expect((await apiGet<{ total: number }>(ctx, '/api/pegawai?limit=1')).total).toBe(before.total + 2);

      // One changed field: one row changed, one unchanged.
      const changed = [HEADER, rows.a.replace('THL Pengemudi', 'THL Pengemudi Ambulans'), rows.b].join('\n');
      await upload(page, 'pegawai-ubah.csv', changed);
      await until(async () => (await page.getByTestId('hasil-diubah').count()) === 1, 'summary');
      expect(await text(page, '[data-testid=hasil-diubah]')).toBe('1');
      expect(await text(page, '[data-testid=hasil-tidak-berubah]')).toBe('1');
    } finally {
      await ctx.context.close();
    }
  });

  test('the audit trail lists the import for the Pemda admin, with before/after', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      await page.goto('/audit');
      await page.getByTestId('audit-table').waitFor();
      await page.getByTestId('audit-q').fill('E2E-THL-001');
      await page.getByTestId('audit-terapkan').click();
      await until(
        async () => (await page.getByTestId('audit-total').textContent())?.startsWith('2 ') ?? false,
        'two entries',
      );
      const ringkasan = await page.getByTestId('audit-ringkasan').allTextContents();
      // Newest first: the change, then the creation, both by the import.
      expect(ringkasan[0]).toMatch(/^Mengubah pegawai E2E-THL-001 .*lewat impor$/);
      expect(ringkasan[1]).toMatch(/^Menambah pegawai E2E-THL-001 .*lewat impor$/);
      expect(await text(page, '[data-testid=audit-row]')).toMatch(/\d{4} \d{2}\.\d{2} WIB/);
      await page.getByTestId('audit-row').first().click();
      await page.getByTestId('audit-detail').waitFor();
      // Before and after side by side, the changed field marked on both sides.
      const marked = await page.locator('[data-testid=audit-detail] [data-changed]').allTextContents();
      expect(marked).toEqual([
        expect.stringMatching(/THL Pengemudi$/),
        expect.stringMatching(/THL Pengemudi Ambulans$/),
      ]);
      // A readable field list, not JSON.
      for (const side of ['audit-sebelum', 'audit-sesudah'])
        expect(await page.getByTestId(side).textContent()).not.toMatch(/[{}"]/);
      const [left, right] = await Promise.all([
        page.getByTestId('audit-sebelum').boundingBox(),
        page.getByTestId('audit-sesudah').boundingBox(),
      ]);
      expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
      await shot(page, 'audit');
      await page.getByTestId('audit-row').nth(1).click();
      await until(
        async () => (await page.getByTestId('audit-sebelum').textContent()) === '(tidak ada)',
        'creation has no before',
      );
      expect(await text(page, '[data-testid=audit-sesudah]')).toContain('Uji Coba Satu');
    } finally {
      await ctx.context.close();
    }
  });

  test('the audit filter offers every kind of record in words, and finds a published schedule', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      await page.goto('/audit');
      await page.getByTestId('audit-table').waitFor();
      await page.getByTestId('audit-entitas').click();
      const pilihan = await page.getByRole('option').allTextContents();
      for (const k of ['Kebijakan', 'Jadwal', 'Cuti / ketidakhadiran', 'Pegawai', 'Akun', 'Hari libur'])
        expect(pilihan).toContain(k);
      await page.getByRole('option', { name: 'Jadwal', exact: true }).click();
      await page.getByTestId('audit-terapkan').click();
      await page.getByTestId('audit-row').first().waitFor();
      // The demo's build and publication: actions in words, never a raw code.
      const baris = await page.getByTestId('audit-row').allTextContents();
      expect(baris.some((b) => b.includes('Terbitkan'))).toBe(true);
      expect(baris.join(' ')).not.toMatch(/\bterbitkan\b|\bjadwal_/);
      await shot(page, 'audit-jadwal');
    } finally {
      await ctx.context.close();
    }
  });

  test('the audit page speaks names: who, what, and ids and dates inside values, never a UUID', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      const me = await apiGet<{ nama: string; username: string }>(ctx, '/api/auth/me');
      const orang = (
        await apiGet<{ rows: { nip: string | null; nama: string; opd_kode: string }[] }>(
          ctx,
          '/api/pegawai?limit=5&level=pelaksana',
        )
      ).rows.find((r) => r.nip)!;
      const opd = await apiGet<{ nama: string }>(ctx, `/api/opd/${encodeURIComponent(orang.opd_kode)}`);
      const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
      await page.goto('/audit');
      await page.getByTestId('audit-row').first().waitFor();
      // The newest page as it opens: the admin's own sign-in, by their name; no id anywhere in the table.
      expect(await page.getByTestId('audit-table').textContent()).not.toMatch(UUID);
      expect(await page.getByTestId('audit-pelaku-nama').allTextContents()).toContain(
        `${me.nama} (${me.username})`,
      );
      await shot(page, 'audit-nama');

      // One employee's record: named with their NIP, and their OPD by name and code inside the values.
      await page.getByTestId('audit-q').fill(orang.nip!);
      await page.getByTestId('audit-terapkan').click();
      await until(
        async () =>
          (await page.getByTestId('audit-entitas-nama').allTextContents()).length > 0 &&
          (await page.getByTestId('audit-entitas-nama').first().textContent()) ===
            `${orang.nama} (NIP ${orang.nip})`,
        'the employee by name',
      );
      await page.getByTestId('audit-row').last().click();
      await page.getByTestId('audit-detail').waitFor();
      const detail = (await page.getByTestId('audit-detail').textContent()) ?? '';
      expect(detail).toContain(`${opd.nama} (${orang.opd_kode})`);
      expect(detail).not.toMatch(UUID);
      expect(await page.getByTestId('audit-table').textContent()).not.toMatch(UUID);
      await shot(page, 'audit-nama-pegawai');

      // A schedule: named by its period; the dates inside its values in the Indonesian style.
      await page.getByTestId('audit-q').fill('');
      await page.getByTestId('audit-entitas').click();
      await page.getByRole('option', { name: 'Jadwal', exact: true }).click();
      await page.getByTestId('audit-terapkan').click();
      await until(
        async () =>
          ((await page.getByTestId('audit-entitas-nama').first().textContent()) ?? '').startsWith('Jadwal '),
        'a schedule by its period',
      );
      const buat = page
        .getByTestId('audit-row')
        .filter({ has: page.getByText('Buat', { exact: true }) })
        .first();
      expect(await buat.textContent()).toMatch(/Jadwal \d{1,2} \p{L}+ \d{4} – \d{1,2} \p{L}+ \d{4}/u);
      await buat.click();
      const isi = (await text(page, '[data-testid=audit-sesudah]')) ?? '';
      expect(isi).toMatch(/Dari\s*\d{1,2} \p{L}+ \d{4}/u);
      expect(await page.getByTestId('audit-table').textContent()).not.toMatch(
        /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/,
      );
      expect(await page.getByTestId('audit-table').textContent()).not.toMatch(UUID);
      await shot(page, 'audit-nama-jadwal');
    } finally {
      await ctx.context.close();
    }
  });

  test('the auditor reads the audit trail but may not import', async () => {
    const ctx = await open();
    try {
      const { page } = ctx;
      await signIn(ctx, 'auditor');
      await page.goto('/audit');
      await page.getByTestId('audit-row').first().waitFor();
      expect(await page.getByTestId('nav-impor').count()).toBe(0);
      expect(await page.getByTestId('nav-audit').count()).toBe(1);
    } finally {
      await ctx.context.close();
    }
  });
});

describe('bahasa dan tampilan', () => {
  test('switching to English changes labels, and the choice survives a reload', async () => {
    const ctx = await open();
    try {
      const { page, context } = ctx;
      await signIn(ctx, 'admin');
      await page.goto('/organisasi');
      await page.getByTestId('opd-tree').waitFor();
      expect(await text(page, '[data-testid=nav-pegawai]')).toBe('Pegawai');
      await page.getByTestId('lang-en').click();
      await until(
        async () => (await page.getByTestId('nav-pegawai').textContent()) === 'Employees',
        'English nav',
      );
      expect(await text(page, '[data-testid=nav-organisasi]')).toBe('Organisation');
      expect(await text(page, 'h2')).toBe('Regional government agencies (OPD)');
      expect(await text(page, '[data-testid=user-roles]')).toContain('Pemda admin');
      expect((await context.cookies()).find((c) => c.name === 'sigap_lang')?.value).toBe('en');
      await page.reload();
      await page.getByTestId('opd-tree').waitFor();
      expect(await text(page, '[data-testid=nav-pegawai]')).toBe('Employees');
      // Server messages follow the language too.
      await page.goto('/opd/TIDAK-ADA');
      expect(await text(page, '[data-testid=error]')).toContain('not found');
      // The message, never the code (TIDAK_DITEMUKAN) the API sends with it.
      expect(await page.getByTestId('error').getAttribute('data-kode')).toBe('TIDAK_DITEMUKAN');
      expect(await page.getByTestId('error').textContent()).not.toContain('TIDAK_DITEMUKAN');
      await page.goto('/pengaturan?tab=libur');
      await page.getByTestId('atur-libur').waitFor();
      expect(await text(page, '[data-testid=atur-zona]')).toContain('WIB');
      await shot(page, 'pengaturan-en');
    } finally {
      await ctx.context.close();
    }
  });

  test('a phone-sized screen gets the burger menu', async () => {
    const ctx = await open(PHONE);
    try {
      const { page } = ctx;
      await signIn(ctx, 'admin');
      await page.goto('/organisasi');
      await page.getByTestId('opd-tree').waitFor();
      const burger = page.getByTestId('burger');
      expect(await burger.isVisible()).toBe(true);
      expect(await onScreen(page, 'nav-pegawai')).toBe(false);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'phone-organisasi');
      await burger.click();
      await until(
        async () => ((await page.getByTestId('navbar').boundingBox())?.x ?? -1) >= 0,
        'menu slid in',
      );
      await shot(page, 'phone-menu');
      await page.getByTestId('nav-pegawai').click();
      await page.getByTestId('pegawai-row').first().waitFor();
      expect(page.url()).toMatch(/\/pegawai$/);
      await until(async () => !(await onScreen(page, 'nav-pegawai')), 'menu closed after navigating');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'phone-pegawai');
      await page.goto('/opd/DINKES');
      await page.getByTestId('opd-map').waitFor();
      await shot(page, 'phone-opd');
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      const someone = (await apiGet<{ rows: { id: string }[] }>(ctx, '/api/pegawai?limit=1')).rows[0]!.id;
      for (const [path, ready] of [
        ['/opd/DINKES', 'opd-riwayat'],
        [`/pegawai/${someone}`, 'pegawai-riwayat'],
        ['/impor', 'page-impor'],
        ['/audit', 'audit-table'],
        ['/pengaturan?tab=libur', 'atur-libur'],
      ] as const) {
        await page.goto(path);
        await page.getByTestId(ready).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          PHONE.width,
        );
      }
      await page.getByTestId('burger').click();
      await page.getByTestId('logout-nav').click();
      await page.getByTestId('login-form').waitFor();
    } finally {
      await ctx.context.close();
    }
  });
});
