import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pengaturan } from '@sigap/domain/api/pengaturan';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { apiGet, apiSend, BASE, type Ctx, launchChromium } from './helpers';

// A fake camera for chromium (--use-file-for-fake-video-capture): the sample photos of server/test/wajah
// scaled into 640×480 frames and written as a Y4M video, which chromium loops. Shared by absen.spec.ts (the
// phone) and kiosk.spec.ts (the entrance tablet).

const jpeg = createRequire(import.meta.url)('jpeg-js') as typeof import('jpeg-js');
export const FOTO = join(import.meta.dirname, '..', 'server', 'test', 'wajah');
const W = 640;
const H = 480;

/** A photo scaled (nearest neighbour, aspect kept, grey borders) into W×H RGBA, optionally mirrored. */
export function bingkai(berkas: string, cermin = false): Uint8Array {
  const img = jpeg.decode(readFileSync(join(FOTO, berkas)), { useTArray: true, formatAsRGBA: true });
  const k = Math.min(W / img.width, H / img.height);
  const w = Math.round(img.width * k);
  const h = Math.round(img.height * k);
  const x0 = Math.floor((W - w) / 2);
  const y0 = Math.floor((H - h) / 2);
  const out = new Uint8Array(W * H * 4).fill(90);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.min(img.width - 1, Math.floor((cermin ? w - 1 - x : x) / k));
      const sy = Math.min(img.height - 1, Math.floor(y / k));
      const s = (sy * img.width + sx) * 4;
      const d = ((y0 + y) * W + x0 + x) * 4;
      out[d] = img.data[s]!;
      out[d + 1] = img.data[s + 1]!;
      out[d + 2] = img.data[s + 2]!;
    }
  return out;
}

/** A JPEG mirrored left to right (a head turned the other way). */
export function cerminJpeg(isi: Buffer): Buffer {
  const img = jpeg.decode(isi, { useTArray: true, formatAsRGBA: true });
  const out = Buffer.alloc(img.data.length);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 4;
      const d = (y * img.width + (img.width - 1 - x)) * 4;
      out.set(img.data.subarray(s, s + 4), d);
    }
  return Buffer.from(jpeg.encode({ data: out, width: img.width, height: img.height }, 90).data);
}

/** Frames as a Y4M video (4:2:0), each shown `ulang` times at 10 frames a second; chromium loops it. */
export function y4m(frames: readonly Uint8Array[], ulang: number): Buffer {
  const bagian: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const rgba of frames) {
    const Y = Buffer.alloc(W * H);
    const U = Buffer.alloc((W / 2) * (H / 2));
    const V = Buffer.alloc((W / 2) * (H / 2));
    for (let i = 0; i < W * H; i++)
      Y[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
    for (let y = 0; y < H / 2; y++)
      for (let x = 0; x < W / 2; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ] as const) {
          const i = ((2 * y + dy) * W + 2 * x + dx) * 4;
          r += rgba[i]! / 4;
          g += rgba[i + 1]! / 4;
          b += rgba[i + 2]! / 4;
        }
        U[y * (W / 2) + x] = Math.max(
          0,
          Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)),
        );
        V[y * (W / 2) + x] = Math.max(
          0,
          Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)),
        );
      }
    const f = Buffer.concat([Buffer.from('FRAME\n'), Y, U, V]);
    for (let n = 0; n < ulang; n++) bagian.push(f);
  }
  return Buffer.concat(bagian);
}

/**
 * The Pemda admin makes every hour a working hour (a suite may run at any time) and asks only the movements
 * the video shows (turning left and right). Returns what puts both back as they were.
 */
export async function absenSepanjangHari(admin: Ctx): Promise<() => Promise<void>> {
  const semula = await apiGet<Pengaturan>(admin, '/api/pengaturan');
  const sepanjangHari = Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
      d,
      { mulai: '00:00', selesai: '23:59', istirahat_menit: 0 },
    ]),
  );
  const { nama, jenis, zona_waktu, jam_kerja, pusat_lat, pusat_lng } = semula;
  const p = await apiSend(admin, 'PUT', '/api/pengaturan', {
    nama,
    jenis,
    zona_waktu,
    pusat_lat,
    pusat_lng,
    jam_kerja: sepanjangHari,
  });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  const semulaAturan = await apiGet(admin, '/api/kehadiran/pengaturan');
  const a = await apiSend(admin, 'PUT', '/api/kehadiran/pengaturan', {
    ...(semulaAturan as object),
    langkah_tantangan: ['toleh_kiri', 'toleh_kanan'],
  });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return async () => {
    await apiSend(admin, 'PUT', '/api/pengaturan', {
      nama,
      jenis,
      zona_waktu,
      jam_kerja,
      pusat_lat,
      pusat_lng,
    });
    await apiSend(admin, 'PUT', '/api/kehadiran/pengaturan', semulaAturan);
  };
}

/** The signed-in employee consents and enrols three frontal photos of A (the person in the video). */
export async function daftarkanWajahA(peg: Ctx): Promise<void> {
  expect((await apiSend(peg, 'POST', '/api/wajah/saya/persetujuan', {})).status).toBe(200);
  const fd = new FormData();
  for (const n of ['a-1', 'a-5', 'a-7'])
    fd.append(
      'foto',
      new Blob([readFileSync(join(FOTO, `stock-emotions-${n}.jpg`))], { type: 'image/jpeg' }),
      `${n}.jpg`,
    );
  const daftar = await peg.context.request.post(`${BASE}/api/wajah/saya/foto`, {
    headers: { 'x-csrf-token': (await apiGet<{ csrf_token: string }>(peg, '/api/auth/me')).csrf_token },
    multipart: fd,
  });
  expect(daftar.status(), await daftar.text()).toBe(200);
  expect(await daftar.json()).toMatchObject({ lengkap: true });
}

/**
 * Chromium whose fake camera plays person A: a-3 facing, a-2 turned to A's left, a-2 mirrored turned to the
 * right, each shown 8 times at 10 frames a second, looped. `tutup` closes it and deletes the video.
 */
export async function chromiumKameraA(): Promise<{ browser: Browser; tutup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-kamera-'));
  const video = join(dir, 'kamera.y4m');
  writeFileSync(
    video,
    y4m(
      [
        bingkai('stock-emotions-a-3.jpg'),
        bingkai('stock-emotions-a-2.jpg'),
        bingkai('stock-emotions-a-2.jpg', true),
      ],
      8,
    ),
  );
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  return {
    browser,
    tutup: async () => {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
