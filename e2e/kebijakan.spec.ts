import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKebijakan, uraikanAturan } from '@sigap/domain';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiGet, BASE, type Ctx, open, PHONE, shot, signIn, text, until, useChromium } from './helpers';

// Policies (kebijakan) in the browser: writing one in the editor with validation as you type, the
// impact preview of a draft before activation, activation and an employee's explanation, a revision
// and its comparison, the example circulars, read-only accounts and English. The database is shared
// with the other specs: every policy here has an id of this run, and the only one activated covers
// dates in 2031, which no other spec reads. The examples are stored as drafts under ids of this run.

useChromium();

/** A suffix no other run of the suite has used (policies cannot be deleted). */
const RUN = Date.now().toString(36);
const ID = `uji-e2e-${RUN}`;
const JUDUL = `Uji Sistem Kerja ${RUN} — kesehatan tetap WFO, lainnya WFH`;
/** Monday 3 March 2031: the first working day of the policy. */
const HARI = '2031-03-03';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The policy the editor test writes, with `hasilKedua` as the second rule's outcome. */
function dokumen(hasilKedua: string, judul = JUDUL): string {
  return `id: ${ID}
versi: 1
judul: ${judul}
jenis_dokumen: surat_edaran
nomor: 800/${RUN}/2031
tanggal: 2031-02-28
penandatangan: { jabatan: Sekretaris Daerah Kota Batu }
status: draft
dasar:
  - { jenis: nasional, nomor: SE MenPANRB 19/2020, tanggal: 2020-03-16 }
fakta:
  - { per_tanggal: 2031-02-27, uraian: Uji kasus aktif, kasus_aktif: 17 }
berlaku: { dari: 2031-03-01, sampai: 2031-03-07 }
aturan:
  - id: kesehatan-tetap-wfo
    judul: Dinas Kesehatan tetap bekerja di kantor
    keterangan: Pelayanan kesehatan tidak boleh berhenti.
    pilih: { opd: [DINKES] }
    hasil: { jenis: wfo }
  - id: semua-lainnya-wfh
    judul: Semua lainnya bekerja dari rumah
    pilih: { semua: true }
    kecuali: [ { nip: ['000000000000000000'] } ]
${hasilKedua}
`;
}
const WFH = '    hasil: { jenis: wfh }';
const SALAH = '    hasil: { jenis: batas_kantor, maks: { persen: 150 } }';

interface Detail {
  versi: { versi: number; status: string; sumber: string }[];
}
interface Dampak {
  opd: { kode: string; total: number; wfo: number; wfh: number; bebas: number; maks_kantor: number }[];
}

/** Stores a YAML text through the API (as the editor does) and returns status and body. */
async function simpanYaml(ctx: Ctx, yaml: string): Promise<{ status: number; body: unknown }> {
  const me = await apiGet<{ csrf_token: string }>(ctx, '/api/auth/me');
  const r = await ctx.context.request.post(`${BASE}/api/kebijakan`, {
    headers: { 'x-csrf-token': me.csrf_token, 'content-type': 'text/yaml' },
    data: yaml,
  });
  return { status: r.status(), body: await r.json() };
}

async function status(ctx: Ctx, id: string): Promise<number> {
  return (await ctx.context.request.get(`${BASE}/api/kebijakan/${id}`)).status();
}

/** The policy of this run exists (the editor test makes it; a later test alone makes it by API). */
async function pastikanAda(ctx: Ctx): Promise<void> {
  if ((await status(ctx, ID)) === 200) return;
  const r = await simpanYaml(ctx, dokumen(WFH));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function noWiderThanScreen(page: Page, width: number, what: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(width);
}

/** The cells of one OPD's row in the impact table, by column. */
const KOLOM = ['total', 'wfo', 'wfh', 'bebas', 'maks_kantor', 'piket'] as const;
async function barisDampak(page: Page, kode: string): Promise<Record<(typeof KOLOM)[number], number>> {
  const row = page.locator(`[data-testid=dampak-row][data-kode="${kode}"]`);
  await row.waitFor();
  const out = { total: 0, wfo: 0, wfh: 0, bebas: 0, maks_kantor: 0, piket: 0 };
  for (const k of KOLOM) {
    out[k] = Number((await row.locator(`[data-kolom=${k}]`).textContent())?.replace(/\./g, ''));
  }
  return out;
}

/** A NIP of the OPD (not a non-ASN id), for the explanation. */
async function nipDi(ctx: Ctx, opd: string): Promise<string> {
  const p = await apiGet<{ rows: { nip: string | null }[] }>(ctx, `/api/pegawai?opd=${opd}&limit=20`);
  const nip = p.rows.find((r) => r.nip)?.nip;
  if (!nip) throw new Error(`no NIP in ${opd}`);
  return nip;
}

async function jelaskan(page: Page, nip: string, tanggal: string): Promise<string> {
  await page.getByTestId('jelaskan-nip').fill(nip);
  await page.getByTestId('jelaskan-tanggal').fill(tanggal);
  await page.getByTestId('jelaskan-tombol').click();
  const hasil = page.locator(`[data-testid=jelaskan-hasil]`);
  await until(
    async () => (await hasil.count()) > 0 && (await hasil.textContent())!.includes(nip),
    'explanation',
  );
  return (await hasil.getAttribute('data-lokasi')) ?? '';
}

describe('kebijakan', () => {
  test('the admin writes a policy: a schema mistake shows its field and line while typing and is refused; fixed, it is stored as a draft', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await page.goto('/organisasi');
      await page.getByTestId('nav-kebijakan').click();
      await page.getByTestId('page-kebijakan').waitFor();
      await page.getByTestId('kb-baru').click();
      await page.getByTestId('page-kebijakan-editor').waitFor();
      // The template is commented in Indonesian and valid as it stands.
      const editor = page.getByTestId('editor-yaml');
      expect(await editor.inputValue()).toContain('# ── Identitas surat');
      const periksa = page.getByTestId('editor-status-periksa');
      await until(async () => (await periksa.getAttribute('data-ok')) === 'true', 'the template is valid');
      expect(await page.getByTestId('pratinjau-aturan').count()).toBeGreaterThan(0);

      // Type the policy; the last line carries a cap of 150 percent.
      const tanpaAkhir = dokumen('').trimEnd();
      await editor.fill(`${tanpaAkhir}\n`);
      await editor.press('Control+End');
      await page.keyboard.type(SALAH, { delay: 5 });
      const baris = tanpaAkhir.split('\n').length + 1;
      const masalah = page.locator('[data-testid=editor-masalah] [data-testid=masalah]');
      await until(
        async () =>
          (await masalah.first().getAttribute('data-jalur'))?.startsWith('aturan[1].hasil.maks') ?? false,
        'the problem names the field',
      );
      expect(await masalah.first().getAttribute('data-baris')).toBe(String(baris));
      expect(await masalah.first().textContent()).toContain(`baris ${baris}`);
      // In words, not in zod's ("diharapkan number menjadi <=100").
      expect(await masalah.first().textContent()).toContain('paling besar 100');
      expect(await masalah.first().textContent()).not.toMatch(/diharapkan|<=/);
      expect(await text(page, '[data-testid=editor-status-periksa]')).toContain('masalah');
      // The gutter marks the line; clicking the problem puts the cursor on it.
      expect(await page.locator('.sigap-yaml-galat').allTextContents()).toEqual([String(baris)]);
      await masalah.first().click();
      const pilihan = await editor.evaluate((ta: HTMLTextAreaElement) =>
        ta.value.slice(ta.selectionStart, ta.selectionEnd),
      );
      expect(pilihan).toBe(SALAH);
      expect(await page.getByTestId('pratinjau-aturan-galat').count()).toBe(1);
      await shot(page, 'kebijakan-editor-galat');

      // Saving is refused by the server too: its issue joins the list, nothing is stored.
      await page.getByTestId('editor-simpan').click();
      await page.getByTestId('editor-server-masalah').waitFor();
      expect(await text(page, '[data-testid=editor-server-masalah]')).toContain('tidak ada yang disimpan');
      const dariServer = page.locator('[data-testid=masalah][data-server=true]');
      expect(await dariServer.first().getAttribute('data-jalur')).toMatch(/^aturan\[1\]\.hasil\.maks/);
      expect(await dariServer.first().getAttribute('data-baris')).toBe(String(baris));
      expect(await status(ctx, ID)).toBe(404);
      await shot(page, 'kebijakan-editor-ditolak');

      // Fixed: everyone else works from home.
      await editor.fill(dokumen(WFH));
      await until(async () => (await periksa.getAttribute('data-ok')) === 'true', 'valid again');
      expect(await page.getByTestId('editor-server-masalah').count()).toBe(0);
      // The form strip and the text are one document: edit either.
      expect(await page.getByTestId('editor-id').inputValue()).toBe(ID);
      expect(await page.getByTestId('editor-jabatan').inputValue()).toBe('Sekretaris Daerah Kota Batu');
      await page.getByTestId('editor-judul').fill(`${JUDUL} (uji)`);
      expect(await editor.inputValue()).toContain(`judul: ${JUDUL} (uji)\n`);
      await page.getByTestId('editor-judul').fill(JUDUL);
      await editor.fill((await editor.inputValue()).replace('tanggal: 2031-02-28', 'tanggal: 2031-02-27'));
      expect(await page.getByTestId('editor-tanggal').inputValue()).toBe('2031-02-27');
      await until(async () => (await periksa.getAttribute('data-ok')) === 'true', 'valid');
      // Rules previewed in plain words.
      expect(await text(page, '[data-testid=editor-pratinjau]')).toContain(
        'Pegawai di DINKES (beserta unitnya): selalu bekerja di kantor (WFO).',
      );

      // Checked against the data: the unknown NIP is a warning with its path.
      await page.getByTestId('editor-periksa-data').click();
      const temuan = page.locator('[data-testid=temuan][data-kode=PEGAWAI_TIDAK_DIKENAL]');
      await temuan.waitFor();
      expect(await temuan.getAttribute('data-tingkat')).toBe('peringatan');
      expect(await temuan.textContent()).toContain('aturan[1].kecuali[0].nip[0]');
      await shot(page, 'kebijakan-editor-sah', true);

      await page.getByTestId('editor-simpan').click();
      await page.getByTestId('page-kebijakan-detail').waitFor();
      expect(page.url()).toContain(`/kebijakan/${ID}?versi=1`);
      expect(await text(page, '[data-testid=kb-judul-halaman]')).toBe(JUDUL);
      expect(
        await page
          .locator('[data-testid=page-kebijakan-detail] [data-testid=status-badge]')
          .first()
          .textContent(),
      ).toBe('Draf');
      const d = await apiGet<Detail>(ctx, `/api/kebijakan/${ID}`);
      expect(d.versi.map((v) => [v.versi, v.status])).toEqual([[1, 'draft']]);
      expect(d.versi[0]!.sumber).toContain('tanggal: 2031-02-27');
      // The letter, its basis and facts, its rules with id and quote, and its days.
      expect(await text(page, '[data-testid=kb-tanggal]')).toBe('27 Februari 2031');
      expect(await text(page, '[data-testid=kb-dasar]')).toContain('SE MenPANRB 19/2020');
      expect(await text(page, '[data-testid=kb-fakta]')).toContain('17 kasus aktif');
      const rule = page.locator('[data-testid=aturan-item][data-aturan=kesehatan-tetap-wfo]');
      expect(await rule.locator('[data-testid=aturan-keterangan]').textContent()).toContain(
        'Pelayanan kesehatan tidak boleh berhenti.',
      );
      expect(await text(page, '[data-testid=kalender-bulan]')).toBe('Maret 2031');
      const hari = (d2: string) => page.locator(`[data-testid=kalender-hari][data-tanggal="${d2}"]`);
      await until(async () => (await hari(HARI).getAttribute('data-berlaku')) === 'true', 'Monday in force');
      // 1–2 March are a weekend: the policy names them, but it applies on working days only.
      expect(await hari('2031-03-01').getAttribute('data-berlaku')).toBe('false');
      expect(await hari('2031-03-08').getAttribute('data-berlaku')).toBe('false');
      expect(await text(page, '[data-testid=kalender-jumlah]')).toContain('5 hari berlaku');
      await shot(page, 'kebijakan-draf', true);

      // The list shows it with its date and status.
      await page.getByTestId('nav-kebijakan').click();
      const row = page.locator(`[data-testid=kb-row][data-id="${ID}"]`);
      await row.waitFor();
      expect(await row.locator('[data-testid=kb-tanggal]').textContent()).toBe('27 Februari 2031');
      expect(await row.locator('[data-testid=status-badge]').allTextContents()).toEqual(['Draf']);
      expect(await row.locator('[data-testid=kb-berlaku]').textContent()).toContain(
        '1 Maret 2031 sampai 7 Maret 2031',
      );
    } finally {
      await ctx.context.close();
    }
  });

  test('the impact preview of the draft puts DINKES at the office and every other OPD at home before activation; activating changes an explanation', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await pastikanAda(ctx);
      const nipBappeda = await nipDi(ctx, 'BAPPEDA');
      const nipDinkes = await nipDi(ctx, 'DINKES');
      await page.goto(`/kebijakan/${ID}`);
      await page.getByTestId('tab-dampak').click();
      await page.getByTestId('dampak-table').waitFor();
      // The first day in force, not the first date named.
      expect(await page.getByTestId('dampak-tanggal').inputValue()).toBe(HARI);
      expect(await text(page, '[data-testid=dampak-hari]')).toBe('Senin, 3 Maret 2031: hari kerja');
      expect(await text(page, '[data-testid=dampak-kebijakan]')).toContain(JUDUL);
      const dinkes = await barisDampak(page, 'DINKES');
      expect(dinkes.total).toBeGreaterThan(0);
      expect(dinkes).toMatchObject({ wfo: dinkes.total, wfh: 0, bebas: 0, maks_kantor: dinkes.total });
      const api = await apiGet<Dampak>(ctx, `/api/kebijakan-dampak?tanggal=${HARI}&id=${ID}&versi=1`);
      expect(api.opd.length).toBeGreaterThan(10);
      for (const o of api.opd.filter((x) => x.kode !== 'DINKES')) {
        expect(o, o.kode).toMatchObject({ wfo: 0, wfh: o.total });
        if (['BAPPEDA', 'BPBD', 'DISHUB', 'SATPOLPP', 'DISDUKCAPIL'].includes(o.kode))
          expect(await barisDampak(page, o.kode), o.kode).toMatchObject({
            wfo: 0,
            wfh: o.total,
            total: o.total,
          });
      }
      const total = page.getByTestId('dampak-total');
      const sum = api.opd.reduce((s, o) => s + o.total, 0);
      expect(Number((await total.locator('[data-kolom=total]').textContent())!.replace(/\./g, ''))).toBe(sum);
      expect(Number((await total.locator('[data-kolom=wfo]').textContent())!.replace(/\./g, ''))).toBe(
        dinkes.total,
      );
      await shot(page, 'kebijakan-dampak-draf', true);

      // Still a draft: nobody's day changes yet.
      expect(await jelaskan(page, nipBappeda, HARI)).toBe('WFO');
      expect(await text(page, '[data-testid=jelaskan-keputusan]')).toContain(
        'Tidak ada kebijakan yang berlaku',
      );

      await page.getByTestId('kb-aktifkan').click();
      const dialog = page.getByTestId('kb-status-dialog');
      await dialog.waitFor();
      expect(await text(page, '[data-testid=kb-status-ganti]')).toBe(
        'Tidak ada versi lain yang sedang aktif.',
      );
      await shot(page, 'kebijakan-aktifkan');
      await page.getByTestId('kb-status-ya').click();
      await dialog.waitFor({ state: 'detached' });
      await until(
        async () =>
          (await page
            .locator('[data-testid=page-kebijakan-detail] [data-testid=status-badge]')
            .first()
            .textContent()) === 'Aktif',
        'active',
      );
      expect((await apiGet<Detail>(ctx, `/api/kebijakan/${ID}`)).versi[0]!.status).toBe('aktif');
      expect(await page.getByTestId('kb-aktifkan').count()).toBe(0);

      // Now the Bappeda employee works from home under the second rule; DINKES under the first.
      expect(await jelaskan(page, nipBappeda, HARI)).toBe('WFH');
      const dipakai = page.locator('[data-testid=pertimbangan][data-dipakai=true]');
      expect(await dipakai.getAttribute('data-aturan')).toBe('semua-lainnya-wfh');
      expect(await dipakai.textContent()).toContain('✔');
      expect(await text(page, '[data-testid=jelaskan-hasil]')).toContain(JUDUL);
      expect(await text(page, '[data-testid=jelaskan-jam]')).toContain('bawaan Pemda');
      await shot(page, 'kebijakan-jelaskan', true);
      expect(await jelaskan(page, nipDinkes, HARI)).toBe('WFO');
      const pert = page.locator('[data-testid=pertimbangan]');
      expect(
        await pert.evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-aturan'), e.getAttribute('data-dipakai')]),
        ),
      ).toEqual([
        ['kesehatan-tetap-wfo', 'true'],
        ['semua-lainnya-wfh', 'false'],
      ]);
      expect(await pert.nth(1).textContent()).toContain('✘');
    } finally {
      await ctx.context.close();
    }
  });

  test("Revisi on the demo's Batu circular (its reason a folded block) opens valid: no parse error, every field enabled", async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await page.goto('/kebijakan/batu-2020-wfh-asn');
      await page.getByTestId('kb-revisi').click();
      await page.getByTestId('page-kebijakan-editor').waitFor();
      expect(page.url()).toContain('/kebijakan/batu-2020-wfh-asn/revisi');
      expect(await page.getByTestId('editor-versi').inputValue()).toBe('3');
      expect(await page.getByTestId('editor-form-rusak').count()).toBe(0);
      for (const f of [
        'editor-id',
        'editor-versi',
        'editor-nomor',
        'editor-judul',
        'editor-jabatan',
        'editor-alasan',
      ])
        expect(await page.getByTestId(f).isDisabled(), f).toBe(false);
      // The only problem is the reason still to be written; the text is the v2 text with its next key intact.
      const alasan = page.locator(
        '[data-testid=editor-masalah] [data-testid=masalah][data-jalur=alasan_revisi]',
      );
      await alasan.waitFor();
      const jalur = await page
        .locator('[data-testid=editor-masalah] [data-testid=masalah]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-jalur')));
      expect(jalur).toEqual(['alasan_revisi']);
      expect(await page.getByTestId('editor-yaml').inputValue()).toMatch(/^alasan_revisi: ""\ndasar:$/m);
      await page.getByTestId('editor-alasan').fill('Masa berlaku diperpanjang');
      const periksa = page.getByTestId('editor-status-periksa');
      await until(async () => (await periksa.getAttribute('data-ok')) === 'true', 'the revision is valid');
      await shot(page, 'kebijakan-revisi-batu');
    } finally {
      await ctx.context.close();
    }
  });

  test('a revision (version 2 with its reason) is stored; the comparison highlights the changed rule; the draft is revoked', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await pastikanAda(ctx);
      await page.goto(`/kebijakan/${ID}`);
      await page.getByTestId('kb-revisi').click();
      await page.getByTestId('page-kebijakan-editor').waitFor();
      expect(page.url()).toContain(`/kebijakan/${ID}/revisi`);
      // The latest text, numbered 2, a draft, asking why.
      expect(await page.getByTestId('editor-versi').inputValue()).toBe('2');
      expect(await page.getByTestId('editor-id').inputValue()).toBe(ID);
      const editor = page.getByTestId('editor-yaml');
      expect(await editor.inputValue()).toContain('status: draft');
      const alasan = page.locator(
        '[data-testid=editor-masalah] [data-testid=masalah][data-jalur=alasan_revisi]',
      );
      await alasan.waitFor();
      expect(await alasan.textContent()).toContain('wajib diisi untuk revisi');

      const ALASAN = 'Kasus menurun: pegawai lain boleh ke kantor paling banyak 25 persen';
      await page.getByTestId('editor-alasan').fill(ALASAN);
      // Written into the text, quoted because of its colon.
      expect(await editor.inputValue()).toMatch(/^alasan_revisi: (["'])Kasus menurun: .+\1$/m);
      const teks = (await editor.inputValue())
        .replace(
          'judul: Semua lainnya bekerja dari rumah',
          'judul: Semua lainnya paling banyak 25 persen di kantor',
        )
        .replace(WFH, '    hasil: { jenis: batas_kantor, maks: { persen: 25 }, per: opd }')
        .replace('sampai: 2031-03-07', 'sampai: 2031-03-14');
      await editor.fill(teks);
      const periksa = page.getByTestId('editor-status-periksa');
      await until(async () => (await periksa.getAttribute('data-ok')) === 'true', 'the revision is valid');
      await page.getByTestId('editor-simpan').click();
      await page.getByTestId('page-kebijakan-detail').waitFor();
      expect(page.url()).toContain('versi=2');
      const d = await apiGet<Detail>(ctx, `/api/kebijakan/${ID}`);
      expect(d.versi.map((v) => v.versi)).toEqual([1, 2]);
      expect(d.versi[1]!.status).toBe('draft');

      await page.getByTestId('tab-bandingkan').click();
      await page.getByTestId('bandingkan').waitFor();
      expect(await page.getByTestId('bandingkan-lama').inputValue()).toBe('Versi 1');
      expect(await page.getByTestId('bandingkan-baru').inputValue()).toBe('Versi 2');
      expect(await text(page, '[data-testid=bandingkan-alasan]')).toContain(ALASAN);
      const kanan = page.getByTestId('bandingkan-kanan');
      const berubah = kanan.locator('[data-aturan=semua-lainnya-wfh]');
      expect(await berubah.getAttribute('data-berubah')).toBe('diubah');
      expect(await berubah.getAttribute('class')).toContain('sigap-berubah');
      expect(await berubah.locator('[data-testid=aturan-uraian]').textContent()).toContain(
        'paling banyak 25%',
      );
      expect(
        await kanan.locator('[data-aturan=kesehatan-tetap-wfo]').getAttribute('data-berubah'),
      ).toBeNull();
      expect(
        await page
          .getByTestId('bandingkan-kiri')
          .locator('[data-aturan=semua-lainnya-wfh]')
          .getAttribute('data-berubah'),
      ).toBe('diubah');
      const jalur = await page
        .locator('[data-testid=perubahan-row]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-jalur')));
      expect(jalur).toEqual(
        expect.arrayContaining([
          'alasan_revisi',
          'berlaku.sampai',
          'aturan[semua-lainnya-wfh].judul',
          'aturan[semua-lainnya-wfh].hasil.jenis',
        ]),
      );
      expect(jalur.some((j) => j?.startsWith('aturan[kesehatan-tetap-wfo]'))).toBe(false);
      await shot(page, 'kebijakan-bandingkan', true);

      // The draft's impact before activation: Bappeda free within a 25% cap.
      await page.getByTestId('tab-dampak').click();
      const bappeda = await barisDampak(page, 'BAPPEDA');
      expect(bappeda).toMatchObject({
        wfo: 0,
        wfh: 0,
        bebas: bappeda.total,
        maks_kantor: Math.floor(bappeda.total / 4),
      });

      // Revoking the draft: final, explained, and version 1 stays active.
      await page.getByTestId('kb-cabut').click();
      expect(await text(page, '[data-testid=kb-status-dialog]')).toContain('tidak dapat diaktifkan kembali');
      await page.getByTestId('kb-status-ya').click();
      await page.getByTestId('kb-status-dialog').waitFor({ state: 'detached' });
      await until(
        async () => (await apiGet<Detail>(ctx, `/api/kebijakan/${ID}`)).versi[1]!.status === 'dicabut',
        'revoked',
      );
      const akhir = await apiGet<Detail>(ctx, `/api/kebijakan/${ID}`);
      expect(akhir.versi.map((v) => v.status)).toEqual(['aktif', 'dicabut']);
      await until(
        async () => (await page.getByTestId('kb-cabut').count()) === 0,
        'no revoke button on a revoked version',
      );
    } finally {
      await ctx.context.close();
    }
  });

  test('the example circulars are stored, and their pages give their letter, days and rules in plain words', async () => {
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'admin');
    const files = ['kudus-2020', 'batu-2020.v1', 'batu-2020.v2', 'bogor-2021', 'pasuruan-2022'];
    const ids = new Map<string, string>();
    try {
      for (const f of files) {
        const asli = readFileSync(join(ROOT, 'examples/policies', `${f}.yaml`), 'utf8');
        const id = /^id: (.+)$/m.exec(asli)![1]!;
        // An id of this run, and a draft: the examples' dates (2020–2022) are read by other specs.
        const yaml = asli.replace(/^id: .+$/m, `id: ${id}-${RUN}`).replace(/^status: .+$/m, 'status: draft');
        const r = await simpanYaml(ctx, yaml);
        expect(r.status, `${f}: ${JSON.stringify(r.body)}`).toBe(200);
        ids.set(f, `${id}-${RUN}`);
      }
      for (const f of ['kudus-2020', 'batu-2020.v2', 'bogor-2021', 'pasuruan-2022']) {
        const id = ids.get(f)!;
        const p = parseKebijakan(readFileSync(join(ROOT, 'examples/policies', `${f}.yaml`), 'utf8'));
        if (!p.ok) throw new Error(`${f} is not valid`);
        await page.goto(`/kebijakan/${id}`);
        await page.getByTestId('aturan-list').waitFor();
        expect(await text(page, '[data-testid=kb-judul-halaman]')).toBe(p.kebijakan.judul);
        expect(await text(page, '[data-testid=kb-nomor]')).toBe(p.kebijakan.nomor);
        const uraian = await page.locator('[data-testid=aturan-uraian]').allTextContents();
        expect(uraian, f).toEqual(p.kebijakan.aturan.map((a) => uraikanAturan(a).id));
        const ids2 = await page.locator('[data-testid=aturan-id]').allTextContents();
        expect(ids2).toEqual(p.kebijakan.aturan.map((a) => a.id));
        await shot(page, `kebijakan-contoh-${f}`, true);
      }

      // Kudus: the letter's date, its national basis, a quote under the rule.
      await page.goto(`/kebijakan/${ids.get('kudus-2020')}`);
      expect(await text(page, '[data-testid=kb-tanggal]')).toBe('24 Maret 2020');
      expect(await text(page, '[data-testid=kb-jenis]')).toBe('Surat edaran');
      expect(await text(page, '[data-testid=kb-dasar]')).toContain('SE MenPANRB 19/2020');
      expect(
        await text(
          page,
          '[data-testid=aturan-item][data-aturan=layanan-kesehatan-dan-bpbd-tidak-wfh] [data-testid=aturan-keterangan]',
        ),
      ).toContain('RSUD dr Loekmono Hadi');
      // Pasuruan: facts with their counts.
      await page.goto(`/kebijakan/${ids.get('pasuruan-2022')}`);
      expect(await text(page, '[data-testid=kb-fakta]')).toContain('172 kasus aktif');
      expect(await text(page, '[data-testid=kb-berlaku]')).toContain('tanpa batas waktu');

      // Bogor: 29 June – 6 July 2021 is six working days; the weekend of 3–4 July is not.
      await page.goto(`/kebijakan/${ids.get('bogor-2021')}`);
      const hari = (d: string) => page.locator(`[data-testid=kalender-hari][data-tanggal="${d}"]`);
      await until(async () => (await hari('2021-06-29').getAttribute('data-berlaku')) === 'true', '29 June');
      expect(await text(page, '[data-testid=kalender-jumlah]')).toContain('2 hari berlaku');
      await page.getByTestId('kalender-sesudah').click();
      await until(async () => (await hari('2021-07-05').getAttribute('data-berlaku')) === 'true', '5 July');
      expect(await hari('2021-07-03').getAttribute('data-berlaku')).toBe('false');
      expect(await hari('2021-07-03').getAttribute('data-bukan-kerja')).toBe('true');
      expect(await text(page, '[data-testid=kalender-jumlah]')).toContain('4 hari berlaku');

      // Batu: three named days, 21 August (cuti bersama) included; two versions side by side.
      await page.goto(`/kebijakan/${ids.get('batu-2020.v2')}`);
      await until(
        async () => (await hari('2020-08-21').getAttribute('data-berlaku')) === 'true',
        '21 August',
      );
      expect(await hari('2020-08-21').getAttribute('data-libur')).toBe('true');
      expect(await hari('2020-08-20').getAttribute('data-berlaku')).toBe('false');
      expect(await hari('2020-08-17').getAttribute('data-libur')).toBe('true');
      await page.getByTestId('kb-yaml-toggle').click();
      expect(await text(page, '[data-testid=kb-yaml]')).toContain('Zadim Effisiensi');
      await page.getByTestId('tab-bandingkan').click();
      await page.getByTestId('bandingkan').waitFor();
      expect(await text(page, '[data-testid=bandingkan-alasan]')).toContain(
        'Kepmenkes HK.01.07/Menkes/328/2020',
      );
      const kiri = page.getByTestId('bandingkan-kiri');
      expect(
        await kiri.locator('[data-aturan=seluruh-asn-dan-pegawai-wfh]').getAttribute('data-berubah'),
      ).toBe('dihapus');
      expect(
        await page
          .getByTestId('bandingkan-kanan')
          .locator('[data-aturan=non-pelayanan-wfh-penuh]')
          .getAttribute('data-berubah'),
      ).toBe('ditambah');
      await shot(page, 'kebijakan-batu-bandingkan', true);

      // The list carries every one of them.
      await page.goto('/kebijakan');
      for (const id of new Set(ids.values()))
        await page.locator(`[data-testid=kb-row][data-id="${id}"]`).waitFor();
      const batu = page.locator(`[data-testid=kb-row][data-id="${ids.get('batu-2020.v2')}"]`);
      expect(await batu.locator('[data-testid=kb-versi]').count()).toBe(2);
      expect(await batu.locator('[data-testid=kb-tanggal]').textContent()).toBe('13 Agustus 2020');
      await shot(page, 'kebijakan-daftar', true);
    } finally {
      await ctx.context.close();
    }
  });

  test('an employee reads the list and the pages, previews impact, but sees no editing or activation', async () => {
    const admin = await open();
    await signIn(admin, 'admin');
    await pastikanAda(admin);
    await admin.context.close();
    const ctx = await open();
    const { page } = ctx;
    await signIn(ctx, 'pegawai');
    try {
      await page.goto('/organisasi');
      await page.getByTestId('nav-kebijakan').click();
      await page.locator(`[data-testid=kb-row][data-id="${ID}"]`).waitFor();
      expect(await page.getByTestId('kb-baru').count()).toBe(0);
      expect(await text(page, '[data-testid=page-kebijakan]')).toContain('Hanya tampilan');
      await page.locator(`[data-testid=kb-row][data-id="${ID}"] [data-testid=kb-judul]`).click();
      await page.getByTestId('aturan-list').waitFor();
      for (const b of ['kb-aksi', 'kb-aktifkan', 'kb-cabut', 'kb-revisi'])
        expect(await page.getByTestId(b).count(), b).toBe(0);
      await page.getByTestId('tab-dampak').click();
      await page.locator('[data-testid=dampak-row][data-kode=DINKES]').waitFor();
      await shot(page, 'kebijakan-pegawai');
      await page.goto('/kebijakan/baru');
      await page.getByTestId('forbidden').waitFor();
      await page.goto(`/kebijakan/${ID}/revisi`);
      await page.getByTestId('forbidden').waitFor();
    } finally {
      await ctx.context.close();
    }
  });

  test('in English after the language switch, and on a phone no page is wider than the screen', async () => {
    const ctx = await open(PHONE);
    const { page } = ctx;
    await signIn(ctx, 'admin');
    try {
      await pastikanAda(ctx);
      const d = await apiGet<Detail>(ctx, `/api/kebijakan/${ID}`);
      await page.goto(`/kebijakan/${ID}?versi=1`);
      await page.getByTestId('aturan-list').waitFor();
      await noWiderThanScreen(page, PHONE.width, 'policy page');
      await shot(page, 'phone-kebijakan', true);
      await page.getByTestId('lang-en').click();
      await until(
        async () => (await page.getByTestId('tab-dampak').textContent()) === 'Impact preview',
        'English',
      );
      expect(await text(page, '[data-testid=tab-isi]')).toBe('Contents');
      expect(await text(page, '[data-testid=kb-tanggal]')).toBe('27 February 2031');
      const uraian = await page.locator('[data-testid=aturan-uraian]').allTextContents();
      const p = parseKebijakan(d.versi[0]!.sumber);
      if (!p.ok) throw new Error('stored text');
      expect(uraian).toEqual(p.kebijakan.aturan.map((a) => uraikanAturan(a).en));
      expect(uraian[0]).toBe('Employees in DINKES (and its units): always work at the office (WFO).');
      expect(await text(page, '[data-testid=kb-kalender]')).toContain('Days in force');
      await page.getByTestId('tab-dampak').click();
      await page.locator('[data-testid=dampak-row][data-kode=DINKES]').waitFor();
      expect(await text(page, '[data-testid=dampak-table]')).toContain('At most at the office');
      expect(await text(page, '[data-testid=dampak-hari]')).toBe('Monday, 3 March 2031: working day');
      await noWiderThanScreen(page, PHONE.width, 'impact preview');
      await shot(page, 'phone-kebijakan-dampak-en', true);

      await page.goto('/kebijakan');
      await page.locator(`[data-testid=kb-row][data-id="${ID}"]`).waitFor();
      expect(await text(page, 'h2')).toBe('Work-system policies');
      await noWiderThanScreen(page, PHONE.width, 'policy list');
      await shot(page, 'phone-kebijakan-daftar-en', true);
      await page.goto('/kebijakan/baru');
      await page.getByTestId('editor-yaml').waitFor();
      expect(await text(page, 'h2')).toBe('New policy');
      await until(
        async () =>
          (await page.getByTestId('editor-status-periksa').textContent())?.includes('valid policy') ?? false,
        'English check',
      );
      await noWiderThanScreen(page, PHONE.width, 'editor');
      await shot(page, 'phone-kebijakan-editor-en', true);
    } finally {
      await ctx.context.close();
    }
  });
});
