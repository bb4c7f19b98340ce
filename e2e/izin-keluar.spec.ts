import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, type Ctx, open, shot, signIn, until, useChromium } from './helpers';

// Going out for something urgent while working from home (issue 11, item 3; docs/wfh.md §3): the demo
// employee files a notice on /izin-keluar on a phone-sized screen, their supervisor sees it at once on
// /izin-keluar/bawahan and objects in words, and the employee sees the objection. The demo database is
// shared with the other specs: this adds one notice and one account of its own (named for this spec).

useChromium();

interface Me {
  pegawai_id: string | null;
  pemda: { zona_waktu: string };
}

const PONSEL = { width: 390, height: 844 };

describe('izin keluar rumah', () => {
  test('filed by the employee, objected to by the supervisor, the objection shown to the employee', async () => {
    const admin = await open();
    await signIn(admin, 'admin');
    const pegawai = await open(PONSEL);
    await signIn(pegawai, 'pegawai');
    const me = await apiGet<Me>(pegawai, '/api/auth/me');
    expect(me.pemda.zona_waktu).toBe('Asia/Jakarta');
    const orang = await apiGet<{ nama: string; atasan_nip: string | null }>(
      admin,
      `/api/pegawai/${me.pegawai_id}`,
    );
    expect(orang.atasan_nip, 'the demo employee has a supervisor').toBeTruthy();

    // A day 1..6 ahead (a notice may start at most 7 days from now: day 7 at a later hour is beyond it) and a
    // half hour of its own (WIB, written out), so that a rerun does not overlap.
    const s = Math.floor(Date.now() / 1000);
    const D = new Date(Date.now() + 7 * 3600_000 + (1 + (s % 6)) * 86_400_000).toISOString().slice(0, 10);
    const jam = String(6 + (Math.floor(s / 7) % 15)).padStart(2, '0');

    // The supervisor's account (made by the admin for this spec).
    const atasanUser = `atasan-izin-${Date.now()}`;
    const akun = await apiSend(admin, 'POST', '/api/akun', {
      username: atasanUser,
      nama: 'Atasan Uji Izin Keluar',
      password: 'kata-sandi-atasan-2026',
      nip: orang.atasan_nip,
      roles: [{ role: 'employee' }],
    });
    expect(akun.status, JSON.stringify(akun.body)).toBe(200);

    // 1. The employee files it, in the browser, from the menu.
    const { page } = pegawai;
    await page.goto('/');
    await page.getByTestId('burger').click();
    await page.getByTestId('nav-izin-keluar').click();
    await page.getByTestId('ik-page').waitFor();
    await page.getByTestId('ik-jenis').click();
    await page.getByRole('option', { name: 'Berobat / kesehatan' }).click();
    await page.getByTestId('ik-alasan').fill('kontrol gigi ke puskesmas kelurahan');
    await page.getByTestId('ik-tanggal').fill(D);
    await page.getByTestId('ik-dari').fill(`${jam}:00`);
    // the end before the start: said in Indonesian, nothing sent
    await page.getByTestId('ik-sampai').fill(`${jam}:02`);
    await page.getByTestId('ik-kirim').click();
    await page.getByText('sampai: harus paling sedikit 5 menit setelah dari').waitFor();
    await page.getByTestId('ik-sampai').fill(`${jam}:30`);
    await page.getByTestId('ik-kirim').click();
    const item = page.getByTestId('ik-item').filter({ hasText: `${jam}.00–${jam}.30 WIB` });
    await item.waitFor();
    expect(await item.getByTestId('ik-keadaan').getAttribute('data-keadaan')).toBe('akan_datang');
    expect(await item.textContent()).toContain('Berobat / kesehatan: kontrol gigi ke puskesmas kelurahan');
    await shot(page, 'izin-keluar-diajukan');

    // 2. The supervisor sees it at once, and objects in words.
    const atasan = await open(PONSEL);
    await signIn(atasan, atasanUser, 'kata-sandi-atasan-2026');
    const p2 = atasan.page;
    await p2.goto('/');
    await p2.getByTestId('burger').click();
    await p2.getByTestId('nav-izin-bawahan').click();
    await p2.getByTestId('ik-bawahan-page').waitFor();
    const kartu = p2.getByTestId('ik-item').filter({ hasText: `${jam}.00–${jam}.30 WIB` });
    await kartu.waitFor();
    expect(await kartu.getByTestId('ik-orang').textContent()).toContain(orang.nama);
    await kartu.getByTestId('ik-keberatan-buka').click();
    await p2.getByTestId('ik-keberatan-isi').fill('ada rapat daring jam itu; mohon dijadwalkan ulang');
    await p2.getByTestId('ik-keberatan-kirim').click();
    await p2.getByTestId('ik-keberatan-modal').waitFor({ state: 'detached' });
    await kartu.getByTestId('ik-keberatan').waitFor();
    expect(await kartu.getByTestId('ik-keberatan-buka').count()).toBe(0);
    await shot(p2, 'izin-keluar-keberatan');

    // 3. The employee sees the objection (and an in-app notice).
    await page.reload();
    await item.getByTestId('ik-keberatan').waitFor();
    expect(await item.getByTestId('ik-keberatan-catatan').textContent()).toContain(
      'ada rapat daring jam itu; mohon dijadwalkan ulang',
    );
    await until(
      async () =>
        (await apiGet<{ item: { judul: string }[] }>(pegawai, '/api/pemberitahuan')).item.some((x) =>
          x.judul.includes('keberatan atas izin keluar'),
        ),
      'the in-app notice of the objection',
    );
    await shot(page, 'izin-keluar-dilihat', true);
    for (const c of [admin, pegawai, atasan] as Ctx[]) {
      expect(c.blocked).toEqual([]);
      await c.context.close();
    }
  });
});
