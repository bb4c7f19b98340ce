import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// What Sigap's printed letters share (the schedule recap, the stay-home statement): the fonts and the
// letterhead (kop surat). pdfkit is the PDF writer.

type Doc = PDFKit.PDFDocument;

/**
 * Fonts: DejaVu Sans (Condensed for the grid) from the `dejavu-fonts-ttf` npm package, so text
 * renders the same on any machine with only Node and npm; pdfkit embeds just the glyphs used.
 * DejaVu's licence (Bitstream Vera terms, DejaVu changes public domain) allows redistribution.
 * Should the package be missing, pdfkit's built-in Helvetica still covers Indonesian text.
 */
export interface Huruf {
  /** DejaVu Sans Condensed: grids and small print */
  readonly biasa: string;
  readonly tebal: string;
  /** DejaVu Sans Bold: the letterhead */
  readonly kop: string;
  /** DejaVu Sans: running text of a letter */
  readonly teks: string;
  readonly teksTebal: string;
}

type Berkas = Record<keyof Huruf, Buffer>;
let berkasHuruf: Berkas | null | undefined;

function muatHuruf(): Berkas | null {
  if (berkasHuruf !== undefined) return berkasHuruf;
  try {
    const req = createRequire(import.meta.url);
    const baca = (f: string) => readFileSync(req.resolve(`dejavu-fonts-ttf/ttf/${f}`));
    berkasHuruf = {
      biasa: baca('DejaVuSansCondensed.ttf'),
      tebal: baca('DejaVuSansCondensed-Bold.ttf'),
      kop: baca('DejaVuSans-Bold.ttf'),
      teks: baca('DejaVuSans.ttf'),
      teksTebal: baca('DejaVuSans-Bold.ttf'),
    };
  } catch {
    berkasHuruf = null;
  }
  return berkasHuruf;
}

/** Registers the fonts with a document and names them. */
export function daftarHuruf(doc: Doc): Huruf {
  const f = muatHuruf();
  if (!f)
    return {
      biasa: 'Helvetica',
      tebal: 'Helvetica-Bold',
      kop: 'Helvetica-Bold',
      teks: 'Helvetica',
      teksTebal: 'Helvetica-Bold',
    };
  doc.registerFont('DejaVuSansCondensed', f.biasa);
  doc.registerFont('DejaVuSansCondensed-Bold', f.tebal);
  doc.registerFont('DejaVuSans-Bold', f.kop);
  doc.registerFont('DejaVuSans', f.teks);
  return {
    biasa: 'DejaVuSansCondensed',
    tebal: 'DejaVuSansCondensed-Bold',
    kop: 'DejaVuSans-Bold',
    teks: 'DejaVuSans',
    teksTebal: 'DejaVuSans-Bold',
  };
}

/**
 * The letterhead: the Pemda's name and the OPD's name in capitals, centred (each shrunk to fit the width),
 * over a thick and a thin rule. Returns the y under the rules.
 */
export function kopSurat(
  doc: Doc,
  f: Huruf,
  kop: { readonly pemda: string; readonly opd: string },
  kiri: number,
  y0: number,
  lebar: number,
): number {
  let y = y0;
  for (const [s, ukuran, jarak] of [
    [kop.pemda.toUpperCase(), 12, 16],
    [kop.opd.toUpperCase(), 14, 21],
  ] as const) {
    doc.font(f.kop).fontSize(ukuran);
    const w = doc.widthOfString(s);
    if (w > lebar) doc.fontSize((ukuran * lebar) / w);
    doc.fillColor('#000000').text(s, kiri, y, { width: lebar, align: 'center', lineBreak: false });
    y += jarak;
  }
  doc
    .lineWidth(2)
    .strokeColor('#000000')
    .moveTo(kiri, y)
    .lineTo(kiri + lebar, y)
    .stroke();
  doc
    .lineWidth(0.6)
    .moveTo(kiri, y + 3)
    .lineTo(kiri + lebar, y + 3)
    .stroke();
  return y + 10;
}

/** Collects a document's bytes: call before writing, await after `doc.end()`. */
export function kumpulkan(doc: Doc): Promise<Buffer> {
  const potongan: Buffer[] = [];
  doc.on('data', (c: Buffer) => potongan.push(c));
  return new Promise<Buffer>((ok, gagal) => {
    doc.on('end', () => ok(Buffer.concat(potongan)));
    doc.on('error', gagal);
  });
}
