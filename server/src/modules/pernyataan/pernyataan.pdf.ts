import { type BagianPernyataan, formatNipSurat, type TeksPernyataan } from '@sigap/domain';
import PDFDocument from 'pdfkit';
import { daftarHuruf, type Huruf, kopSurat, kumpulkan } from '../../pdf/surat.ts';

// The stay-home statement as a printable A4 letter (docs/wfh.md §2): the Pemda's letterhead, the signed
// Indonesian text, the signer, the electronic signature's record and the verification code; the English
// rendering on a second page, for information.

type Doc = PDFKit.PDFDocument;

export interface DokumenPernyataan {
  readonly kop: { readonly pemda: string; readonly opd: string };
  readonly teks: TeksPernyataan;
  readonly nama: string;
  /** NIP (18 digits) or the non-ASN id */
  readonly nip: string;
  /** null: not signed yet (printed as a draft, "BELUM DITANDATANGANI") */
  readonly tandaTangan: {
    /** "18/08/2020 07.30 WIB" */
    readonly waktuLokal: string;
    readonly perangkat: string;
    readonly userAgent: string;
    readonly username: string;
    readonly kodeVerifikasi: string;
    readonly hash: string;
  } | null;
}

const TEPI = 56;
const LEBAR_A4 = 595.28;
const HITAM = '#000000';
const ABU = '#595959';
const MERAH = '#C00000';

/** "Chrome di Android" from a user agent: enough to recognise one's phone, no more. */
export function ringkasPerangkat(ua: string): string {
  const peramban = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|CriOS\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const sistem = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  if (peramban && sistem) return `${peramban} di ${sistem}`;
  return peramban || sistem || 'peramban tidak dikenal';
}

/** The statement as a PDF. */
export async function pernyataanPdf(d: DokumenPernyataan): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 40, left: TEPI, right: TEPI },
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: `Surat Pernyataan WFH — ${d.nama}`,
      Subject: d.kop.pemda,
      Author: 'Sigap',
      Creator: 'Sigap',
      Producer: 'Sigap (pdfkit)',
    },
  });
  const selesai = kumpulkan(doc);
  const f = daftarHuruf(doc);
  halaman(doc, f, d, d.teks.id, 'id');
  doc.addPage();
  halaman(doc, f, d, d.teks.en, 'en');
  if (!d.tandaTangan) {
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const cx = doc.page.width / 2;
      const cy = doc.page.height / 2;
      doc.save().rotate(-30, { origin: [cx, cy] });
      doc.font(f.kop).fontSize(44).fillColor(MERAH, 0.15);
      doc.text('BELUM DITANDATANGANI', cx - 330, cy - 25, { width: 660, align: 'center', lineBreak: false });
      doc.restore();
    }
  }
  doc.end();
  return selesai;
}

function halaman(doc: Doc, f: Huruf, d: DokumenPernyataan, b: BagianPernyataan, lang: 'id' | 'en') {
  const lebar = LEBAR_A4 - 2 * TEPI;
  let y = kopSurat(doc, f, d.kop, TEPI, 40, lebar) + 6;
  if (lang === 'en') {
    doc.font(f.teks).fontSize(7.5).fillColor(ABU);
    doc.text(
      'English rendering, for information. The Indonesian text on the first page is the one signed.',
      TEPI,
      y,
      { width: lebar, align: 'center' },
    );
    y = doc.y + 6;
  }
  doc.font(f.teksTebal).fontSize(12).fillColor(HITAM);
  doc.text(b.judul, TEPI, y, { width: lebar, align: 'center', underline: true });
  doc.font(f.teks).fontSize(9.5).text(b.subjudul, { width: lebar, align: 'center' });
  doc.moveDown(1);
  const paragraf = (s: string) => {
    doc.font(f.teks).fontSize(10).fillColor(HITAM).text(s, TEPI, doc.y, { width: lebar, align: 'justify' });
    doc.moveDown(0.5);
  };
  paragraf(b.pembuka);
  const lebarLabel = 80;
  for (const [label, nilai] of b.identitas) {
    const y0 = doc.y;
    doc
      .font(f.teks)
      .fontSize(10)
      .text(label, TEPI + 20, y0, { width: lebarLabel });
    doc.text(':', TEPI + 20 + lebarLabel, y0, { width: 10 });
    doc.text(nilai, TEPI + 30 + lebarLabel, y0, { width: lebar - 30 - lebarLabel });
  }
  doc.moveDown(0.6);
  paragraf(b.menyatakan);
  b.butir.forEach((x, i) => {
    const y0 = doc.y;
    doc
      .font(f.teks)
      .fontSize(10)
      .text(`${i + 1}.`, TEPI + 12, y0, { width: 16 });
    doc.text(x, TEPI + 30, y0, { width: lebar - 30, align: 'justify' });
    doc.moveDown(0.25);
  });
  doc.moveDown(0.4);
  paragraf(b.sanksi);
  paragraf(b.penutup);
  tandaTangan(doc, f, d, b, lang, lebar);
}

function tandaTangan(
  doc: Doc,
  f: Huruf,
  d: DokumenPernyataan,
  b: BagianPernyataan,
  lang: 'id' | 'en',
  lebar: number,
) {
  const w = 230;
  const x = TEPI + lebar - w;
  if (doc.y + 200 > doc.page.height - 40) doc.addPage();
  doc.moveDown(0.5);
  const o = { width: w, align: 'center' as const };
  doc.font(f.teks).fontSize(10).fillColor(HITAM).text(b.tempatTanggal, x, doc.y, o);
  doc.text(b.yangMenyatakan, x, doc.y, o);
  const t = d.tandaTangan;
  const y0 = doc.y + 6;
  doc
    .font(f.teksTebal)
    .fontSize(8)
    .fillColor(t ? '#1F6F43' : MERAH);
  doc.text(
    t
      ? lang === 'en'
        ? 'SIGNED ELECTRONICALLY'
        : 'DITANDATANGANI SECARA ELEKTRONIK'
      : lang === 'en'
        ? 'NOT SIGNED YET'
        : 'BELUM DITANDATANGANI',
    x,
    y0 + 14,
    o,
  );
  doc.fillColor(HITAM);
  doc
    .font(f.teksTebal)
    .fontSize(10)
    .text(d.nama, x, y0 + 44, { ...o, underline: true });
  doc.font(f.teks).text(/^\d{18}$/.test(d.nip) ? `NIP. ${formatNipSurat(d.nip)}` : d.nip, x, doc.y, o);
  doc.moveDown(1.5);
  // The signature's record, across the page.
  const catatan = t
    ? lang === 'en'
      ? `Signed electronically through Sigap on ${t.waktuLokal} from the device ${perangkatTeks(t)}, account ${t.username}.`
      : `Ditandatangani secara elektronik melalui Sigap pada ${t.waktuLokal} dari perangkat ${perangkatTeks(t)}, akun ${t.username}.`
    : lang === 'en'
      ? 'This statement has not been signed: a draft, not valid as a statement.'
      : 'Surat pernyataan ini belum ditandatangani: draf, tidak berlaku sebagai pernyataan.';
  const yKotak = doc.y;
  doc
    .font(f.teks)
    .fontSize(8)
    .fillColor(HITAM)
    .text(catatan, TEPI + 8, yKotak + 6, { width: lebar - 16 });
  if (t) {
    doc
      .font(f.teksTebal)
      .text(`${lang === 'en' ? 'Verification code' : 'Kode verifikasi'}: ${t.kodeVerifikasi}`, {
        width: lebar - 16,
      });
    doc
      .font(f.teks)
      .fontSize(7)
      .fillColor(ABU)
      .text(`SHA-256: ${t.hash}`, { width: lebar - 16 });
  }
  doc
    .lineWidth(0.6)
    .strokeColor(ABU)
    .rect(TEPI, yKotak, lebar, doc.y - yKotak + 6)
    .stroke();
}

function perangkatTeks(t: NonNullable<DokumenPernyataan['tandaTangan']>): string {
  const ua = ringkasPerangkat(t.userAgent);
  return t.perangkat ? `“${t.perangkat}” (${ua})` : ua;
}
