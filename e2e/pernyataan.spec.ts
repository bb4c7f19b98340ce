import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { teksPdf } from '../server/test/pdf';
import { apiGet, apiSend, open, PHONE, shot, signIn, until, useChromium } from './helpers';

// The stay-home statement in the browser (issue 11, item 1): on the demo Pemda (Batu's notice of August 2020,
// revised, asks everyone working from home to sign one), the demo employee opens /pernyataan on a phone,
// ticks and signs, downloads the PDF (read back), and an OPD admin of their OPD sees them as signed. The demo
// database is shared with the other specs: this adds one signature and one account of its own.

useChromium();

interface Me {
  pegawai_id: string | null;
}
interface Saya {
  pernyataan: { kebijakan_id: string; versi: number; nomor: string; tanda_tangan: { id: string } | null }[];
}

describe('surat pernyataan WFH', () => {
  test('the employee signs on a phone and prints it; their OPD admin sees them as signed', async () => {
    const admin = await open();
    await signIn(admin, 'admin');
    const pegawai = await open(PHONE);
    await signIn(pegawai, 'pegawai');
    const me = await apiGet<Me>(pegawai, '/api/auth/me');
    const orang = await apiGet<{ nip: string; nama: string; opd_kode: string }>(
      admin,
      `/api/pegawai/${me.pegawai_id}`,
    );
    const saya = await apiGet<Saya>(pegawai, '/api/wfh/pernyataan/saya');
    const batu = saya.pernyataan.find((p) => p.kebijakan_id === 'batu-2020-wfh-asn' && p.versi === 2);
    expect(
      batu,
      'Batu v2 asks the demo employee (a non-service unit, at home 18, 19, 21 Aug) for a statement',
    ).toBeDefined();

    // 1. Read, tick, sign.
    const { page } = pegawai;
    await page.goto('/pernyataan');
    const kartu = page.locator('[data-testid="pn-kartu"][data-kebijakan="batu-2020-wfh-asn@2"]');
    await kartu.waitFor();
    expect(await kartu.getByTestId('pn-teks').textContent()).toContain('800/2475/422.202/2020');
    expect(await kartu.getByTestId('pn-teks').textContent()).toContain(orang.nama);
    expect(batu!.tanda_tangan, 'not signed yet on a fresh demo').toBeNull();
    expect(await kartu.getByTestId('pn-tandatangani').isDisabled(), 'signing waits for the tick').toBe(true);
    await kartu.getByTestId('pn-perangkat').fill('HP uji e2e');
    await kartu.getByTestId('pn-setuju').check();
    await shot(page, 'pernyataan-sebelum-tanda-tangan', true);
    await kartu.getByTestId('pn-tandatangani').click();
    await kartu.getByTestId('pn-ditandatangani').waitFor();
    await until(
      async () => (await kartu.getByTestId('pn-status').getAttribute('data-status')) === 'sudah',
      'the statement shown as signed',
    );
    await shot(page, 'pernyataan-ditandatangani', true);

    // 2. The PDF, downloaded as the person does, read back.
    const [unduhan] = await Promise.all([page.waitForEvent('download'), kartu.getByTestId('pn-pdf').click()]);
    const pdf = readFileSync((await unduhan.path())!);
    const [hal] = await teksPdf(pdf);
    expect(hal).toContain('PEMERINTAH KOTA BATU');
    expect(hal).toContain(orang.nama);
    expect(hal).toContain(
      `${orang.nip.slice(0, 8)} ${orang.nip.slice(8, 14)} ${orang.nip.slice(14, 15)} ${orang.nip.slice(15)}`,
    );
    expect(hal).toContain('800/2475/422.202/2020');
    expect(hal).toMatch(
      /Ditandatangani secara elektronik melalui Sigap pada \d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIB/,
    );
    expect(hal).toContain('Kode verifikasi');

    // 3. An OPD admin of the employee's OPD (an account made for this spec) sees them as signed.
    const username = `admin-pernyataan-${Date.now()}`;
    const akun = await apiSend(admin, 'POST', '/api/akun', {
      username,
      nama: 'Admin OPD uji pernyataan',
      password: 'kata-sandi-admin-2026',
      roles: [{ role: 'opd_admin', opd_kode: orang.opd_kode }],
    });
    expect(akun.status, JSON.stringify(akun.body)).toBe(200);
    const opd = await open();
    await signIn(opd, username, 'kata-sandi-admin-2026');
    await opd.page.goto('/pernyataan-pegawai');
    const baris = opd.page.locator(`[data-testid="pn-baris"][data-nip="${orang.nip}"]`).first();
    await baris.waitFor();
    expect(await baris.getByTestId('pn-baris-status').getAttribute('data-status')).toBe('sudah');
    expect(await opd.page.getByTestId('pn-jumlah-sudah').textContent()).toMatch(/Sudah: [1-9]/);
    await shot(opd.page, 'pernyataan-daftar-opd');
    for (const c of [admin, pegawai, opd]) expect(c.blocked).toEqual([]);
  });
});
