import { describe, expect, test } from 'vitest';
import { apiGet, apiSend, type Ctx, open, shot, signIn, until, useChromium } from './helpers';

// Attendance corrections in the browser (issue 10, item 8): an employee asks for a forgotten check-out,
// their supervisor approves it on the approvals page, and the employee's day then shows it. The demo
// database is shared with the other specs: this adds a terminal, one check-in, one correction and one
// account of its own (named for this spec), and changes nothing else.

useChromium();

interface Me {
  pegawai_id: string | null;
  pemda: { zona_waktu: string };
}
interface Hari {
  orang: { pegawai_id: string; status: string; masuk: string | null; pulang: string | null }[];
}

/** The date `n` days before `d` (YYYY-MM-DD, written out, not with the code under test). */
const mundur = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('koreksi kehadiran', () => {
  test('a forgotten check-out: asked by the employee, approved by the supervisor, shown on the day', async () => {
    const admin = await open();
    await signIn(admin, 'admin');
    const pegawai = await open();
    await signIn(pegawai, 'pegawai');
    const me = await apiGet<Me>(pegawai, '/api/auth/me');
    const orang = await apiGet<{ nip: string; opd_kode: string; atasan_nip: string | null }>(
      admin,
      `/api/pegawai/${me.pegawai_id}`,
    );
    expect(orang.atasan_nip, 'the demo employee has a supervisor').toBeTruthy();

    // An office day 2..20 days back on which the employee has no record yet (TIDAK_HADIR).
    const hariIni = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // WIB
    let D = '';
    for (let n = 2; n <= 20 && !D; n++) {
      const d = mundur(hariIni, n);
      const h = await apiGet<Hari>(pegawai, `/api/kehadiran/hari?tanggal=${d}`);
      if (h.orang.find((o) => o.pegawai_id === me.pegawai_id)?.status === 'TIDAK_HADIR') D = d;
    }
    expect(D, 'an office day without a record in the last 20 days').not.toBe('');

    // The check-in came from a terminal (its log imported by the admin); the check-out never did.
    const kode = `E2E-KOREKSI-${Date.now()}`;
    const t = await apiSend(admin, 'POST', '/api/perangkat', {
      kode,
      nama: 'Terminal uji koreksi',
      opd_kode: orang.opd_kode,
    });
    expect(t.status, JSON.stringify(t.body)).toBeLessThan(300);
    const meAdmin = await apiGet<{ csrf_token: string }>(admin, '/api/auth/me');
    const imp = await admin.context.request.fetch(`/api/kehadiran/impor?nama=log.csv&perangkat=${kode}`, {
      method: 'POST',
      headers: { 'x-csrf-token': meAdmin.csrf_token, 'content-type': 'text/csv' },
      data: `nip,id_pegawai,waktu,perangkat,jenis\n${orang.nip},,${D} 07:24:00,${kode},masuk\n`,
    });
    expect(imp.status(), await imp.text()).toBe(200);

    // The supervisor's account (made by the admin for this spec).
    const atasanUser = `atasan-koreksi-${Date.now()}`;
    const akun = await apiSend(admin, 'POST', '/api/akun', {
      username: atasanUser,
      nama: 'Atasan Uji Koreksi',
      password: 'kata-sandi-atasan-2026',
      nip: orang.atasan_nip,
      roles: [{ role: 'employee' }],
    });
    expect(akun.status, JSON.stringify(akun.body)).toBe(200);

    // 1. The employee asks, in the browser.
    const { page } = pegawai;
    await page.goto('/kehadiran/koreksi');
    await page.getByTestId('kk-saya-page').waitFor();
    await page.getByTestId('kk-tanggal').fill(D);
    await until(
      async () => (await page.getByTestId('kk-hari-jam').textContent())?.includes('07:24') ?? false,
      'the day',
    );
    expect(await page.getByTestId('kk-hari').textContent()).toContain('tidak absen pulang');
    // a time not given yet: the field says so, in Indonesian, and nothing is sent
    await page.getByTestId('kk-alasan').fill('rapat koordinasi di aula sampai sore, lupa absen pulang');
    await page.getByTestId('kk-kirim').click();
    await page.getByText('jam: "" bukan jam JJ:MM').waitFor();
    await page.getByTestId('kk-jam').fill('16:12');
    await page.getByTestId('kk-kirim').click();
    const item = page.getByTestId('kk-saya-item').filter({ hasText: '16:12' });
    await item.waitFor();
    expect(await item.getByTestId('kk-status').getAttribute('data-status')).toBe('diajukan');
    await shot(page, 'koreksi-diajukan');

    // 2. The supervisor approves it on the approvals page, seeing the stored check-in.
    const atasan = await open();
    await signIn(atasan, atasanUser, 'kata-sandi-atasan-2026');
    const p2 = atasan.page;
    await p2.goto('/kehadiran/persetujuan');
    const kartu = p2.getByTestId('kk-persetujuan-item').filter({ hasText: '16:12' });
    await kartu.waitFor();
    expect(await kartu.getByTestId('kk-ketukan').textContent()).toContain('Absen masuk 07:24 (terminal)');
    expect(await kartu.textContent()).toContain('Lupa absen pulang');
    await shot(p2, 'koreksi-persetujuan');
    await kartu.getByTestId('kk-setujui').click();
    await p2.getByTestId('kk-putusan-catatan').fill('benar, rapat sampai 16.00');
    await p2.getByTestId('kk-putusan-kirim').click();
    await p2.getByTestId('kk-putusan-modal').waitFor({ state: 'detached' });
    await until(async () => (await kartu.count()) === 0, 'the decided request leaves the list');

    // 3. The employee's day now shows the check-out and why.
    await page.reload();
    await page.getByTestId('kk-tanggal').fill(D);
    await until(
      async () => (await page.getByTestId('kk-hari-jam').textContent())?.includes('16:12') ?? false,
      'the corrected day',
    );
    const hari = (await page.getByTestId('kk-hari').textContent()) ?? '';
    expect(hari).toContain('Masuk 07:24 · Pulang 16:12');
    expect(hari).toContain('koreksi disetujui: pulang 16:12 (semula -)');
    expect(hari).not.toContain('tidak absen pulang');
    expect(await item.getByTestId('kk-status').getAttribute('data-status')).toBe('disetujui');
    await shot(page, 'koreksi-disetujui', true);
    for (const c of [admin, pegawai, atasan] as Ctx[]) {
      expect(c.blocked).toEqual([]);
      await c.context.close();
    }
  });
});
