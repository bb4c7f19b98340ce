import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, type Ctx, open, PHONE, shot, signIn, text, until, useChromium } from './helpers';

// Schedules, leave and notices in the browser, on the demo's published fortnight (17–28 August 2020,
// Batu's WFH circular on 18, 19 and 21 August): the grid of a service OPD with the rule behind a cell,
// a unit head's change refused in the server's words, an employee's own month, the leave the unit
// head approves showing in the grid and in the employee's notices, the Pemda occupancy overview, and
// the demo's largest hospital (RSUD, ~376 people) over the 31 days of August 2020 rendered and
// scrolled with its timings printed. The database is shared with the other specs: the only lasting change is the
// demo's pending leave request being approved, which no other spec reads.

useChromium();

const DARI = '2020-08-17';
const SAMPAI = '2020-08-28';

interface Grid {
  hari: { tanggal: string; hari_kerja: boolean }[];
  aturan: { judul_aturan: string; nomor: string }[];
  orang: {
    key: string;
    nama: string;
    unit_kode: string;
    sel: ({ s: string; a: number; r: string } | null)[];
  }[];
  kelompok: { jenis: string; grup_kode: string; hadir: number; batas: number }[][];
}

interface Cuti {
  id: string;
  pegawai: { id: string; key: string; nama: string };
  dari: string;
  sampai: string;
  status: string;
}

const gridPath = (opd: string) => `/api/jadwal/grid?dari=${DARI}&sampai=${SAMPAI}&opd=${opd}`;

/** A person's cell on a day, in the page. */
function sel(page: Page, key: string, tanggal: string) {
  return page.locator(`[data-testid=jadwal-baris][data-key="${key}"] [data-tanggal="${tanggal}"]`);
}

async function gridSiap(page: Page, hari: number): Promise<void> {
  const g = page.getByTestId('jadwal-grid');
  await g.waitFor();
  await until(async () => (await g.getAttribute('data-hari')) === String(hari), `grid of ${hari} days`);
}

async function noWiderThanScreen(page: Page, width: number, what: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(width);
}

describe('jadwal', () => {
  test('the admin opens a service OPD on the demo fortnight: people × 12 days, coloured cells, totals against the cap, the rule on hover', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      const api = await apiGet<Grid>(ctx, gridPath('DISDUKCAPIL'));
      await page.goto('/organisasi');
      await page.getByTestId('nav-jadwal').click();
      await page.getByTestId('page-jadwal').waitFor();
      await page.goto(`/jadwal?opd=DISDUKCAPIL&dari=${DARI}&sampai=${SAMPAI}`);
      await gridSiap(page, 12);
      expect(await page.getByTestId('jadwal-grid').getAttribute('data-orang')).toBe(String(api.orang.length));
      expect(await page.getByTestId('jadwal-kolom').count()).toBe(12);
      expect(await text(page, '[data-testid=jadwal-ringkas]')).toContain('17–28 Agustus 2020');

      // Colours of the printed recap: WFH light blue, WFO light green, days off grey.
      const wfh = page.locator('[data-testid=jadwal-sel][data-s=WFH]').first();
      expect(await wfh.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(221, 235, 247)');
      const wfo = page.locator('[data-testid=jadwal-sel][data-s=WFO]').first();
      expect(await wfo.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(198, 239, 206)');
      expect(
        await page
          .locator('[data-testid=jadwal-kolom][data-tanggal="2020-08-17"]')
          .getAttribute('data-libur'),
      ).toBe('true');

      // Per-day totals: each cap group of the OPD as present / cap on the WFH days.
      const caps = api.kelompok[1]!.filter((k) => k.jenis === 'batas_kantor');
      expect(caps.length).toBeGreaterThan(0);
      const g = caps.find((k) => k.batas > 0) ?? caps[0]!;
      const cell = page.locator(
        `[data-testid=total-kelompok][data-grup="${g.grup_kode}"] [data-tanggal="2020-08-18"]`,
      );
      expect(await cell.textContent()).toBe(`${g.hadir}/${g.batas}`);
      expect(await cell.getAttribute('data-lewat')).toBeNull();
      const kantor18 = api.orang.filter((o) => ['WFO', 'PIKET'].includes(o.sel[1]?.s ?? '')).length;
      expect(await page.locator('[data-testid=total-kantor] .sj-angka').nth(1).textContent()).toBe(
        String(kantor18),
      );

      // The rule behind a cell, in one shared card.
      const i = api.orang.findIndex((o) => (o.sel[1]?.a ?? -1) >= 0);
      const o = api.orang[i]!;
      const aturan = api.aturan[o.sel[1]!.a]!;
      await sel(page, o.key, '2020-08-18').hover();
      const kartu = page.getByTestId('jadwal-kartu');
      await kartu.waitFor();
      expect(await kartu.textContent()).toContain(o.nama);
      expect(await text(page, '[data-testid=kartu-aturan]')).toContain(aturan.judul_aturan);
      expect(await text(page, '[data-testid=kartu-aturan]')).toContain(aturan.nomor);
      expect(await text(page, '[data-testid=kartu-alasan]')).toMatch(/batas kantor|aturan kebijakan/);
      expect(await page.getByTestId('jadwal-kartu').count()).toBe(1);
      await shot(page, 'jadwal-grid');
      await page.getByTestId('jadwal-total').scrollIntoViewIfNeeded();
      await shot(page, 'jadwal-total');
      // Moving off the grid hides the card.
      await page.getByTestId('jadwal-ringkas').hover();
      await until(async () => (await page.getByTestId('jadwal-kartu').count()) === 0, 'card hidden');
    } finally {
      await ctx.context.close();
    }
  });

  test('the unit head opens on Bagian Umum; sending someone to the office on a WFH day is refused in the server’s words and the cell stays', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'kepala.umum');
    try {
      await page.goto('/jadwal');
      await gridSiap(page, 12);
      expect(await text(page, '[data-testid=jadwal-ringkas]')).toContain('BAG-UMUM');
      expect(page.url()).toContain(`dari=${DARI}`);
      const api = await apiGet<Grid>(ctx, gridPath('BAG-UMUM'));
      // On 18 August non-service units work from home by rule.
      const o = api.orang.find((x) => x.sel[1]?.s === 'WFH' && x.sel[1]?.r === 'kebijakan')!;
      expect(o, 'someone in BAG-UMUM works from home by rule on 18 August').toBeDefined();
      const c = sel(page, o.key, '2020-08-18');
      expect(await c.getAttribute('data-ubah')).toBe('true');
      await c.click();
      await page.getByTestId('sel-modal').waitFor();
      await page.getByTestId('sel-pilih-WFO').click();
      await page.getByTestId('sel-catatan').fill('rapat koordinasi');
      await page.getByTestId('sel-simpan').click();
      const pesan = await text(page, '[data-testid=sel-galat-pesan]');
      // Verbatim from the server: the same request answers 409 with the same words.
      const again = await apiSend(ctx, 'POST', '/api/jadwal/sel', {
        key: o.key,
        tanggal: '2020-08-18',
        status: 'WFO',
      });
      expect(again.status).toBe(409);
      expect(pesan).toBe((again.body as { message: string }).message);
      expect(pesan).toMatch(/^Perubahan ditolak: /);
      expect(pesan).toMatch(/wajib bekerja dari rumah pada Selasa, 18 Agustus 2020 menurut aturan|batasnya/);
      await shot(page, 'jadwal-ditolak');
      await page.keyboard.press('Escape');
      await until(async () => (await page.getByTestId('sel-modal').count()) === 0, 'modal closed');
      expect(await c.getAttribute('data-s')).toBe('WFH');
      const after = await apiGet<Grid>(ctx, gridPath('BAG-UMUM'));
      expect(after.orang.find((x) => x.key === o.key)!.sel[1]).toMatchObject({ s: 'WFH', r: 'kebijakan' });
      // A unit head does not build or publish.
      expect(await page.getByTestId('jadwal-buat').count()).toBe(0);
    } finally {
      await ctx.context.close();
    }
  });

  test('Jadwal saya without a period opens on the nearest published schedule (the demo fortnight), and jumps back to it', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'pegawai');
    try {
      const terbit = await apiGet<{ periode: { dari: string; sampai: string }[] }>(
        ctx,
        '/api/jadwal-saya/terbit',
      );
      expect(terbit.periode).toContainEqual({ dari: DARI, sampai: SAMPAI });
      // Today (the machine's date) is years after August 2020: the page still opens there.
      await page.goto('/jadwal-saya');
      await page.getByTestId('saya-kalender').waitFor();
      expect(await text(page, '[data-testid=saya-periode]')).toBe('Agustus 2020');
      expect(
        await page.locator('[data-testid=saya-hari][data-tanggal="2020-08-18"]').getAttribute('data-status'),
      ).toBe('WFH');
      await shot(page, 'jadwal-saya-terdekat');
      // Move away, then one click back to the latest published schedule.
      await page.getByTestId('saya-sesudah').click();
      await page.getByTestId('saya-sesudah').click();
      await until(async () => (await text(page, '[data-testid=saya-periode]')) === 'Oktober 2020', 'October');
      await page.getByTestId('saya-kosong').waitFor();
      await page.getByTestId('saya-terbaru').click();
      await until(
        async () => (await text(page, '[data-testid=saya-periode]')) === 'Agustus 2020',
        'back to August',
      );
      await page.getByTestId('saya-kalender').waitFor();
      // The list of published periods jumps too.
      await page.getByTestId('saya-sesudah').click();
      await until(
        async () => (await text(page, '[data-testid=saya-periode]')) === 'September 2020',
        'September',
      );
      await page.getByTestId('saya-terbit').click();
      await page.getByRole('option', { name: '17–28 Agustus 2020' }).click();
      await until(
        async () => (await text(page, '[data-testid=saya-periode]')) === 'Agustus 2020',
        'picked August',
      );
      await shot(page, 'jadwal-saya-pilih');
    } finally {
      await ctx.context.close();
    }
  });

  test('the employee sees their own fortnight: status and rule per day, holidays named; on a phone too', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'pegawai');
    try {
      await page.goto(`/jadwal-saya?dari=${DARI}&sampai=${SAMPAI}`);
      await page.getByTestId('saya-kalender').waitFor();
      expect(await text(page, '[data-testid=saya-periode]')).toBe('17–28 Agustus 2020');
      const hari = page.locator('[data-testid=saya-hari]:not([data-luar=true])');
      expect(await hari.count()).toBe(12);
      const h17 = page.locator('[data-testid=saya-hari][data-tanggal="2020-08-17"]');
      expect(await h17.getAttribute('data-status')).toBe('LIBUR');
      expect(await h17.textContent()).toContain('Hari Kemerdekaan');
      const h18 = page.locator('[data-testid=saya-hari][data-tanggal="2020-08-18"]');
      expect(await h18.getAttribute('data-status')).toBe('WFH');
      expect(await h18.locator('[data-testid=saya-aturan]').textContent()).toContain('non pelayanan');
      expect(
        await page.locator('[data-testid=saya-hari][data-tanggal="2020-08-24"]').getAttribute('data-status'),
      ).toBe('WFO');
      expect(await text(page, '.sj-kal-kepala')).toBe('Senin');
      await shot(page, 'jadwal-saya');
    } finally {
      await ctx.context.close();
    }
    const phone = await open(PHONE);
    await signIn(phone, 'pegawai');
    try {
      await phone.page.goto(`/jadwal-saya?dari=${DARI}&sampai=${SAMPAI}`);
      await phone.page.getByTestId('saya-kalender').waitFor();
      await phone.page.getByTestId('saya-rincian').waitFor();
      await noWiderThanScreen(phone.page, PHONE.width, 'my schedule fits a phone');
      expect(await phone.page.locator('[data-testid=saya-rincian-hari]').count()).toBe(12);
      await shot(phone.page, 'jadwal-saya-ponsel', true);
    } finally {
      await phone.context.close();
    }
  });

  test('the unit head approves the employee’s pending leave; the grid shows CUTI on 27–28 August at once', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'kepala.umum');
    try {
      const menunggu = await apiGet<Cuti[]>(ctx, '/api/cuti?untuk=persetujuan');
      const c = menunggu.find((x) => x.dari === '2020-08-27' && x.sampai === '2020-08-28');
      expect(c, 'the demo seeds a pending annual leave of the employee for 27–28 August').toBeDefined();
      await page.goto('/organisasi');
      await page.getByTestId('nav-cuti').click();
      await page.getByTestId('page-cuti').waitFor();
      // Something is waiting: the page opens on it.
      const item = page.locator(`[data-testid=persetujuan-item][data-id="${c!.id}"]`);
      await item.waitFor();
      expect(await text(page, '[data-testid=persetujuan-jumlah]')).toBe(String(menunggu.length));
      expect(await item.textContent()).toContain(c!.pegawai.nama);
      await shot(page, 'cuti-persetujuan');
      await item.getByTestId('cuti-setujui').click();
      await page.getByTestId('putusan-modal').waitFor();
      await page.getByTestId('putusan-catatan').fill('Silakan, semoga lancar');
      await page.getByTestId('putusan-kirim').click();
      await until(async () => (await item.count()) === 0, 'the request leaves the queue');
      const st = (await apiGet<Cuti[]>(ctx, '/api/cuti?untuk=semua')).find((x) => x.id === c!.id);
      expect(st?.status).toBe('disetujui');

      await page.goto(`/jadwal?dari=${DARI}&sampai=${SAMPAI}`);
      await gridSiap(page, 12);
      await until(
        async () => (await sel(page, c!.pegawai.key, '2020-08-27').getAttribute('data-s')) === 'CUTI',
        'CUTI on 27 August',
      );
      expect(await sel(page, c!.pegawai.key, '2020-08-28').getAttribute('data-s')).toBe('CUTI');
      expect(await sel(page, c!.pegawai.key, '2020-08-26').getAttribute('data-s')).toBe('WFO');
      await sel(page, c!.pegawai.key, '2020-08-27').hover();
      expect(await text(page, '[data-testid=kartu-alasan]')).toContain(
        'Cuti, sakit atau isolasi yang disetujui',
      );
    } finally {
      await ctx.context.close();
    }
  });

  test('the employee’s bell shows the approval; opening it marks it read and shows those days in my schedule', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'pegawai');
    try {
      await page.goto('/cuti');
      await page.getByTestId('page-cuti').waitFor();
      const item = page.locator('[data-testid=saya-cuti-item]').filter({ hasText: '27–28 Agustus 2020' });
      await item.waitFor();
      expect(await item.locator('[data-testid=cuti-status]').getAttribute('data-status')).toBe('disetujui');
      await shot(page, 'cuti-saya');
      const jumlah = page.getByTestId('lonceng-jumlah');
      await until(async () => Number(await jumlah.getAttribute('data-jumlah')) >= 1, 'unread notices');
      const sebelum = Number(await jumlah.getAttribute('data-jumlah'));
      await page.getByTestId('lonceng').click();
      await page.getByTestId('lonceng-daftar').waitFor();
      const first = page.locator('[data-testid=notif-item]').first();
      await first.waitFor();
      expect(await first.locator('[data-testid=notif-judul]').textContent()).toBe(
        'Cuti tahunan Anda disetujui',
      );
      expect(await first.locator('[data-testid=notif-isi]').textContent()).toContain(
        'Silakan, semoga lancar',
      );
      expect(await first.getAttribute('data-dibaca')).toBe('false');
      expect(await first.textContent()).toMatch(/baru saja|menit yang lalu/);
      await shot(page, 'pemberitahuan');
      await first.click();
      await page.getByTestId('saya-kalender').waitFor();
      const url = new URL(page.url());
      expect([url.pathname, url.searchParams.get('dari'), url.searchParams.get('sampai')]).toEqual([
        '/jadwal-saya',
        '2020-08-27',
        '2020-08-28',
      ]);
      expect(
        await page.locator('[data-testid=saya-hari][data-tanggal="2020-08-27"]').getAttribute('data-status'),
      ).toBe('CUTI');
      await until(
        async () => Number(await jumlah.getAttribute('data-jumlah')) === sebelum - 1,
        'one fewer unread',
      );
      // "Mark all read" empties the count.
      await page.getByTestId('lonceng').click();
      await page.getByTestId('lonceng-baca-semua').click();
      await until(async () => Number(await jumlah.getAttribute('data-jumlah')) === 0, 'all read');
    } finally {
      await ctx.context.close();
    }
  });

  test('the Pemda overview: office against the cap per OPD per day; an OPD opens its grid for the period', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      const api = await apiGet<{ opd: { kode: string; hari: { kantor: number; batas: number | null }[] }[] }>(
        ctx,
        `/api/jadwal/okupansi?dari=${DARI}&sampai=${SAMPAI}`,
      );
      await page.goto('/organisasi');
      await page.getByTestId('nav-okupansi').click();
      await page.getByTestId('ok-tabel').waitFor();
      expect(page.url()).toContain(`dari=${DARI}`);
      expect(await page.getByTestId('ok-baris').count()).toBe(api.opd.length);
      expect(await page.getByTestId('ok-kolom').count()).toBe(12);
      const d = api.opd.find((x) => x.kode === 'DISDUKCAPIL')!;
      const c18 = page.locator('[data-testid=ok-baris][data-kode=DISDUKCAPIL] [data-tanggal="2020-08-18"]');
      expect(await c18.textContent()).toBe(`${d.hari[1]!.kantor} / ${d.hari[1]!.batas}`);
      expect(await c18.getAttribute('data-tingkat')).not.toBeNull();
      expect(
        await page
          .locator('[data-testid=ok-baris][data-kode=DISDUKCAPIL] [data-tanggal="2020-08-22"]')
          .getAttribute('data-libur'),
      ).toBe('true');
      await shot(page, 'okupansi');
      await page.locator('[data-testid=ok-baris][data-kode=DISDUKCAPIL] [data-testid=ok-opd]').click();
      await gridSiap(page, 12);
      expect(page.url()).toContain('opd=DISDUKCAPIL');
    } finally {
      await ctx.context.close();
    }
  });

  test('an admin’s leave import with bad rows lists row, column and message and changes nothing; health notes stay hidden in the register', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      const sebelum = (await apiGet<Cuti[]>(ctx, '/api/cuti?untuk=semua')).length;
      await page.goto('/cuti?tab=catat');
      await page.getByTestId('impor-cuti').waitFor();
      const csv = [
        'nip,jenis,dari,sampai,keterangan',
        '199405182017012003,cuti_liburan,2020-09-01,2020-09-02,',
        '999999999999999999,cuti_sakit,2020-09-03,2020-09-01,',
      ].join('\n');
      await page.locator('[data-testid=impor-cuti] input[type=file]').setInputFiles({
        name: 'cuti.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByTestId('impor-cuti-kirim').click();
      await page.getByTestId('impor-cuti-masalah').waitFor();
      expect(await text(page, '[data-testid=impor-cuti-galat]')).toContain('3 masalah');
      const baris = await page.getByTestId('impor-cuti-masalah-baris').allTextContents();
      expect(baris.map((b) => b.slice(0, 8))).toEqual([
        expect.stringMatching(/^2jenis/),
        expect.stringMatching(/^3nip/),
        expect.stringMatching(/^3sampai/),
      ]);
      expect(baris[0]).toContain('cuti_liburan');
      expect((await apiGet<Cuti[]>(ctx, '/api/cuti?untuk=semua')).length).toBe(sebelum);
      await shot(page, 'cuti-impor-gagal');

      await page.getByTestId('tab-daftar').click();
      const iso = page.locator('[data-testid=daftar-baris][data-jenis=isolasi]').first();
      await iso.waitFor();
      expect(await iso.getByTestId('cuti-rahasia').textContent()).toBe('dirahasiakan (data kesehatan)');
      await shot(page, 'cuti-daftar');
    } finally {
      await ctx.context.close();
    }
  });

  test('a real OPD of ~376 people × 31 days renders and scrolls (timings printed, rows virtualised)', async () => {
    const ctx: Ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      // The demo's hospital over all of August 2020: its published fortnight plus days without a schedule.
      const nyata = await apiGet<Grid>(ctx, '/api/jadwal/grid?opd=RSUD&dari=2020-08-01&sampai=2020-08-31');
      const n = nyata.orang.length;
      expect(n, 'a large real OPD').toBeGreaterThan(300);
      const terakhir = nyata.orang.at(-1)!.key;
      await page.goto('/jadwal?opd=RSUD&dari=2020-08-01&sampai=2020-08-31');
      await page.getByTestId('jadwal-aksi').waitFor();
      // Time from the navigation's start to the first frame painted with rows (server answer included).
      await page.waitForSelector('[data-testid=jadwal-baris]');
      const render = await page.evaluate(() => performance.now());
      const grid = page.getByTestId('jadwal-grid');
      expect(await grid.getAttribute('data-orang')).toBe(String(n));
      expect(await grid.getAttribute('data-hari')).toBe('31');
      expect(await page.getByTestId('jadwal-kolom').count()).toBe(31);
      const awal = await page.getByTestId('jadwal-baris').count();
      expect(awal, 'only the rows in view (and a few more) exist').toBeGreaterThan(10);
      expect(awal).toBeLessThan(60);
      expect(
        await page.locator('[data-testid=jadwal-baris]').first().locator('[data-testid=jadwal-sel]').count(),
      ).toBe(31);
      await shot(page, 'jadwal-rsud-31');

      // Scroll the whole height in steps of 8 rows, then the whole width: one frame per step.
      const ukur = await page.evaluate(async (terakhir: string) => {
        const el = document.querySelector<HTMLElement>('[data-testid=jadwal-grid]')!;
        const raf = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
        const frames: number[] = [];
        let maksBaris = 0;
        let last = await raf();
        const mulai = last;
        for (let y = 0; y <= el.scrollHeight; y += 240) {
          el.scrollTop = y;
          const now = await raf();
          frames.push(now - last);
          last = now;
          maksBaris = Math.max(maksBaris, document.querySelectorAll('[data-testid=jadwal-baris]').length);
        }
        const vertikal = last - mulai;
        for (let x = 0; x <= el.scrollWidth; x += 120) {
          el.scrollLeft = x;
          const now = await raf();
          frames.push(now - last);
          last = now;
        }
        const urut = [...frames].sort((a, b) => a - b);
        const q = (p: number) => urut[Math.min(urut.length - 1, Math.floor(urut.length * p))]!;
        const baris = [...document.querySelectorAll('[data-testid=jadwal-baris]')].map((r) =>
          r.getAttribute('data-key'),
        );
        return {
          langkah: frames.length,
          vertikalMs: vertikal,
          median: q(0.5),
          p95: q(0.95),
          maks: urut.at(-1)!,
          maksBaris,
          terakhirAda: baris.includes(terakhir),
        };
      }, terakhir);
      console.log(
        `[${n}×31] first rows ${render.toFixed(0)} ms after navigation; scroll ${ukur.langkah} steps (${ukur.vertikalMs.toFixed(0)} ms down the ${n} rows), frame median ${ukur.median.toFixed(1)} ms, p95 ${ukur.p95.toFixed(1)} ms, max ${ukur.maks.toFixed(1)} ms; at most ${ukur.maksBaris} rows in the page`,
      );
      expect(ukur.terakhirAda, 'the last person is reached').toBe(true);
      expect(ukur.maksBaris).toBeLessThan(60);
      // Sticky columns and header stay in view at the bottom-right corner.
      const kepala = await page.getByTestId('jadwal-kepala').boundingBox();
      const gridBox = await grid.boundingBox();
      expect(Math.abs((kepala?.y ?? 0) - (gridBox?.y ?? 0))).toBeLessThan(3);
      const nama = await page
        .locator(`[data-testid=jadwal-baris][data-key="${terakhir}"] .sj-fix`)
        .first()
        .boundingBox();
      expect(Math.abs((nama?.x ?? 0) - (gridBox?.x ?? 0))).toBeLessThan(3);
      await shot(page, 'jadwal-rsud-31-gulir');
    } finally {
      await ctx.context.close();
    }
  });
});
