import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
