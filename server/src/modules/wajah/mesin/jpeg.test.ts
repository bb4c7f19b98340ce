import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bacaFoto } from '../../../../test/wajah.ts';
import { AppError } from '../../../errors.ts';
import { periksaBerkasFoto, ukuranJpeg } from './jpeg.ts';

const jpeg = createRequire(import.meta.url)('jpeg-js') as typeof import('jpeg-js');

/** A plain grey JPEG of the given size, made by jpeg-js's encoder. */
function jpegAbu(lebar: number, tinggi: number): Uint8Array {
  const data = Buffer.alloc(lebar * tinggi * 4, 128);
  return new Uint8Array(jpeg.encode({ data, width: lebar, height: tinggi }, 80).data);
}

function galat(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('photo bounds, before decoding', () => {
  it('reads the dimensions from the frame header of a real photo', () => {
    // person-vlado.jpg is 1024×768 (its header, as any image viewer shows)
    expect(ukuranJpeg(bacaFoto('person-vlado.jpg'))).toEqual({ lebar: 1024, tinggi: 768 });
  });

  it('refuses a PNG in words', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(0)]);
    const e = galat(() => periksaBerkasFoto(png));
    expect(e.code).toBe('BERKAS_TIDAK_SAH');
    expect(e.pesan.id).toContain('JPEG');
    expect(e.pesan.en).toContain('not PNG');
  });

  it('refuses a truncated JPEG in words', () => {
    const utuh = bacaFoto('person-vlado.jpg');
    const e = galat(() => periksaBerkasFoto(utuh.subarray(0, Math.floor(utuh.length / 2))));
    expect(e.code).toBe('BERKAS_TIDAK_SAH');
    expect(e.pesan.en).toContain('truncated');
  });

  it('refuses a 5000×5000 photo from its header alone', () => {
    const b = jpegAbu(200, 200);
    const h = ukuranJpeg(b);
    expect(h).toEqual({ lebar: 200, tinggi: 200 });
    // rewrite the frame header's height and width to 5000 (0x1388): no pixel data needed to refuse it
    const sof = b.findIndex((x, i) => x === 0xff && b[i + 1] === 0xc0);
    b.set([0x13, 0x88, 0x13, 0x88], sof + 5);
    const e = galat(() => periksaBerkasFoto(b));
    expect(e.code).toBe('BERKAS_TIDAK_SAH');
    expect(e.pesan.id).toContain('5000×5000');
    expect(e.pesan.en).toContain('at most 4096');
  });

  it('refuses a photo under 160 px and one over 2 MB', () => {
    expect(galat(() => periksaBerkasFoto(jpegAbu(300, 120))).pesan.en).toContain('at least 160');
    const besar = new Uint8Array(2 * 1024 * 1024 + 1);
    besar.set(jpegAbu(200, 200));
    expect(galat(() => periksaBerkasFoto(besar)).code).toBe('BERKAS_TERLALU_BESAR');
  });

  it('accepts a whole JPEG of a normal size', () => {
    expect(periksaBerkasFoto(jpegAbu(640, 480))).toEqual({ lebar: 640, tinggi: 480 });
  });
});
