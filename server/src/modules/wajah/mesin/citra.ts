/**
 * Sharpness and brightness of a face crop, in plain JS: the crop is human's rotation-corrected face tensor
 * (RGB, 0..1, row-major, 3 channels). Sharpness is the variance of the 4-neighbour Laplacian of the grey image
 * over the variance of the grey image itself (a blurred face has little high-frequency energy; dividing by
 * the contrast keeps a dark or flat photo from looking blurred); brightness is the mean grey level 0..255.
 */
export function ketajamanDanKecerahan(
  rgb: ArrayLike<number>,
  lebar: number,
  tinggi: number,
): { ketajaman: number; kecerahan: number } {
  const n = lebar * tinggi;
  if (n === 0) return { ketajaman: 0, kecerahan: 0 };
  const abu = new Float32Array(n);
  let jumlah = 0;
  for (let i = 0; i < n; i++) {
    const g =
      255 *
      (0.299 * (rgb[3 * i] as number) +
        0.587 * (rgb[3 * i + 1] as number) +
        0.114 * (rgb[3 * i + 2] as number));
    abu[i] = g;
    jumlah += g;
  }
  let s = 0;
  let s2 = 0;
  let k = 0;
  for (let y = 1; y < tinggi - 1; y++)
    for (let x = 1; x < lebar - 1; x++) {
      const i = y * lebar + x;
      const l =
        (abu[i - 1] as number) +
        (abu[i + 1] as number) +
        (abu[i - lebar] as number) +
        (abu[i + lebar] as number) -
        4 * (abu[i] as number);
      s += l;
      s2 += l * l;
      k++;
    }
  const rata = k ? s / k : 0;
  const varLap = k ? s2 / k - rata * rata : 0;
  const kecerahan = jumlah / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((abu[i] as number) - kecerahan) ** 2;
  v /= n;
  return { ketajaman: v > 0 ? varLap / v : 0, kecerahan };
}
