import PDFDocument from 'pdfkit';
import { daftarHuruf, type Huruf, kopSurat, kumpulkan } from '../../../pdf/surat.ts';
import {
  ABU_KEPALA,
  ABU_LIBUR,
  BARIS_TOTAL,
  CATATAN_BATAS,
  formatNip,
  formatPeriode,
  GAYA_STATUS,
  hariKantor,
  hariLibur,
  JUDUL,
  JUDUL_KALIMAT,
  jabatanPenandatangan,
  lewatBatas,
  MERAH,
  namaBulanTahun,
  nilaiTotal,
  perBulan,
  singkatanHari,
  tandaStatus,
  tanggalKe,
  tempatTanggal,
  URUTAN_STATUS,
  waktuCetak,
} from './format.ts';
import type { DokumenRekap, OpdRekap } from './types.ts';

type Doc = PDFKit.PDFDocument;

const TEPI = { top: 28, bottom: 36, left: 28, right: 28 };
const TINGGI_BARIS = 10.5;
const TINGGI_BARIS_GANDA = 17;
const TINGGI_KEPALA = 20;
const HURUF_SEL = 6.5;
const HITAM = '#000000';
const GARIS = '#8C8C8C';
const hex = (s: string) => `#${s}`;

/** Minimum widths of the columns beside the days; what the days leave goes to Nama, Jabatan, Unit. */
const KOLOM = { no: 14, nama: 104, jabatan: 84, unit: 86, jumlah: 24 };
const LEBAR_HARI_MAKS = 24;

/**
 * The schedule recap on landscape A4: per OPD a letterhead, title, the people × days grid of
 * coloured status codes (a whole month across one page, rows continued on following pages under a
 * repeated header), daily totals against the office cap, legend and the OPD head's signature;
 * "Halaman x dari y" on every page.
 */
export async function rekapPdf(d: DokumenRekap): Promise<Buffer> {
  const periode = formatPeriode(d.dari, d.sampai);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: TEPI,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: `Rekapitulasi Jadwal Kerja ASN ${periode}`,
      Subject: d.pemda.nama,
      Author: 'Sigap',
      Creator: 'Sigap',
      Producer: 'Sigap (pdfkit)',
      Keywords: `jadwal WFO WFH piket ${d.status}`,
      CreationDate: new Date(d.dibuatPada),
      ModDate: new Date(d.dibuatPada),
    },
  });
  const selesai = kumpulkan(doc);

  const p = new Penulis(doc, d, daftarHuruf(doc), periode);
  for (const opd of d.opd) p.bagianOpd(opd);
  if (d.opd.length === 0) p.kosong();
  p.kakiHalaman();

  doc.end();
  return selesai;
}

interface Kolom {
  readonly no: number;
  readonly nip: number;
  readonly nama: number;
  readonly jabatan: number;
  readonly unit: number;
  readonly hari: number;
  readonly jumlah: number;
  /** Left edge of the first day column */
  readonly xHari: number;
  /** Font size of the codes in the day cells */
  readonly hurufKode: number;
}

class Penulis {
  private readonly lebar: number;
  private readonly kiri = TEPI.left;
  /** OPD code of each page, for its footer */
  private readonly opdHalaman: string[] = [];
  private opd: OpdRekap | null = null;

  constructor(
    private readonly doc: Doc,
    private readonly d: DokumenRekap,
    private readonly f: Huruf,
    private readonly periode: string,
  ) {
    this.lebar = 841.89 - TEPI.left - TEPI.right; // A4 landscape is 841.89 pt wide
  }

  private get bawah(): number {
    return this.doc.page.height - TEPI.bottom;
  }

  private halamanBaru(): number {
    this.doc.addPage();
    this.opdHalaman.push(this.opd?.kode ?? '');
    return TEPI.top;
  }

  /** One line of text, clipped with "…" to its width. */
  private teks(
    s: string,
    x: number,
    y: number,
    w: number,
    o: {
      huruf?: string;
      ukuran?: number;
      warna?: string;
      rata?: 'left' | 'center' | 'right';
      garisBawah?: boolean;
    } = {},
  ): void {
    const doc = this.doc;
    doc
      .font(o.huruf ?? this.f.biasa)
      .fontSize(o.ukuran ?? HURUF_SEL)
      .fillColor(o.warna ?? HITAM);
    doc.text(this.muat(s, w), x, y, {
      width: w,
      align: o.rata ?? 'left',
      lineBreak: false,
      underline: o.garisBawah ?? false,
    });
  }

  /** Text shortened with an ellipsis until it fits the width at the current font. */
  private muat(s: string, w: number): string {
    if (this.doc.widthOfString(s) <= w) return s;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.doc.widthOfString(`${s.slice(0, mid).trimEnd()}…`) <= w) lo = mid;
      else hi = mid - 1;
    }
    return `${s.slice(0, lo).trimEnd()}…`;
  }

  /** Words on at most two lines of width w at the cell font; the second clipped with "…". */
  private bungkus(s: string, w: number): string[] {
    const doc = this.doc.font(this.f.biasa).fontSize(HURUF_SEL);
    const lebar = w - 4;
    if (doc.widthOfString(s) <= lebar) return [s];
    const kata = s.split(/\s+/);
    let satu = kata[0] ?? '';
    let k = 1;
    while (k < kata.length && doc.widthOfString(`${satu} ${kata[k]}`) <= lebar) satu += ` ${kata[k++]}`;
    if (k === kata.length) return [satu];
    return [satu, kata.slice(k).join(' ')];
  }

  /** Text centred vertically in a cell of height h. */
  private sel(
    s: string,
    x: number,
    y: number,
    w: number,
    h: number,
    o: { huruf?: string; ukuran?: number; warna?: string; rata?: 'left' | 'center' | 'right' } = {},
  ): void {
    const pad = o.rata === 'center' ? 1 : 2;
    let ukuran = o.ukuran ?? HURUF_SEL;
    // Centred figures (a cap of 120 in a narrow day column) shrink rather than lose digits.
    if (o.rata === 'center') {
      const lebar = this.doc
        .font(o.huruf ?? this.f.biasa)
        .fontSize(ukuran)
        .widthOfString(s);
      if (lebar > w - 2 * pad) ukuran *= (w - 2 * pad) / lebar;
    }
    this.teks(s, x + pad, y + (h - ukuran * 1.16) / 2 + 0.3, w - 2 * pad, { ...o, ukuran });
  }

  private kotak(x: number, y: number, w: number, h: number, isi?: string): void {
    const doc = this.doc;
    doc.lineWidth(0.4).strokeColor(GARIS);
    if (isi) doc.rect(x, y, w, h).fillAndStroke(hex(isi), GARIS);
    else doc.rect(x, y, w, h).stroke();
  }

  bagianOpd(opd: OpdRekap): void {
    this.opd = opd;
    let y = this.halamanBaru();
    y = this.kop(opd, y);
    const bulan = perBulan(this.d.hari);
    for (const [i, hari] of bulan.entries()) {
      const k = this.kolom(hari.length);
      if (bulan.length > 1) {
        if (y + 14 + TINGGI_KEPALA + TINGGI_BARIS * 3 > this.bawah) y = this.lanjutan(opd);
        this.teks(`Bulan ${namaBulanTahun(hari[0]!)}`, this.kiri, y, this.lebar, {
          huruf: this.f.tebal,
          ukuran: 8,
        });
        y += 12;
      }
      y = this.kisi(opd, hari, k, y);
      if (i < bulan.length - 1) y += 10;
    }
    this.penutup(opd, y + 10);
  }

  kosong(): void {
    this.halamanBaru();
    this.teks(`${JUDUL} — ${this.periode}`, this.kiri, TEPI.top, this.lebar, {
      huruf: this.f.tebal,
      ukuran: 12,
      rata: 'center',
    });
    this.teks('Tidak ada OPD dalam rekap ini / no OPD in this recap', this.kiri, TEPI.top + 24, this.lebar, {
      ukuran: 9,
      rata: 'center',
    });
  }

  /** Letterhead (kop surat), the rule under it, and the title block. */
  private kop(opd: OpdRekap, y0: number): number {
    const { kiri, lebar, f } = this;
    let y = y0;
    y = kopSurat(this.doc, f, { pemda: this.d.pemda.nama, opd: opd.nama }, kiri, y, lebar);
    this.teks(JUDUL, kiri, y, lebar, { huruf: f.tebal, ukuran: 11, rata: 'center' });
    y += 14;
    this.teks(`Periode: ${this.periode}`, kiri, y, lebar, { ukuran: 9, rata: 'center' });
    y += 12;
    const draf = this.d.status === 'draft';
    this.teks(`${tandaStatus(this.d)} · dicetak ${waktuCetak(this.d)}`, kiri, y, lebar, {
      huruf: draf ? f.tebal : f.biasa,
      ukuran: 7.5,
      warna: draf ? hex(MERAH.isi) : '#404040',
      rata: 'center',
    });
    return y + 14;
  }

  /** A continuation page: a short running head instead of the letterhead. */
  private lanjutan(opd: OpdRekap): number {
    const y = this.halamanBaru();
    this.teks(
      `${this.d.pemda.nama} — ${opd.nama} — ${JUDUL_KALIMAT}, ${this.periode} (lanjutan)`,
      this.kiri,
      y,
      this.lebar,
      { huruf: this.f.tebal, ukuran: 7.5 },
    );
    return y + 13;
  }

  /** Column widths: the days share what the info columns leave, up to a comfortable maximum. */
  private kolom(n: number): Kolom {
    const doc = this.doc;
    doc.font(this.f.biasa).fontSize(HURUF_SEL);
    const nip = Math.ceil(doc.widthOfString('000000000000000000')) + 5;
    const tetap = KOLOM.no + nip + KOLOM.nama + KOLOM.jabatan + KOLOM.unit + KOLOM.jumlah;
    const hari = Math.min(LEBAR_HARI_MAKS, (this.lebar - tetap) / Math.max(n, 1));
    const sisa = this.lebar - tetap - hari * n;
    doc.font(this.f.tebal).fontSize(1);
    const kodeTerlebar = Math.max(...URUTAN_STATUS.map((s) => doc.widthOfString(GAYA_STATUS[s].kode)));
    const hurufKode = Math.min(HURUF_SEL, (hari - 2) / kodeTerlebar);
    const nama = KOLOM.nama + sisa * 0.4;
    const jabatan = KOLOM.jabatan + sisa * 0.35;
    const unit = KOLOM.unit + sisa * 0.25;
    return {
      no: KOLOM.no,
      nip,
      nama,
      jabatan,
      unit,
      hari,
      jumlah: KOLOM.jumlah,
      xHari: this.kiri + KOLOM.no + nip + nama + jabatan + unit,
      hurufKode,
    };
  }

  /** The header row of the grid, drawn on every page the grid crosses. */
  private kepalaKisi(opd: OpdRekap, hari: readonly string[], k: Kolom, y: number): number {
    const h = TINGGI_KEPALA;
    let x = this.kiri;
    const tebal = this.f.tebal;
    for (const [judul, w] of [
      ['No', k.no],
      ['NIP', k.nip],
      ['Nama', k.nama],
      ['Jabatan', k.jabatan],
      ['Unit', k.unit],
    ] as const) {
      this.kotak(x, y, w, h, ABU_KEPALA);
      this.sel(judul, x, y, w, h, { huruf: tebal, rata: 'center' });
      x += w;
    }
    for (const t of hari) {
      this.kotak(x, y, k.hari, h, hariLibur(opd, t) ? ABU_LIBUR : ABU_KEPALA);
      this.teks(String(tanggalKe(t)), x, y + 2.5, k.hari, {
        huruf: tebal,
        ukuran: HURUF_SEL,
        rata: 'center',
      });
      this.teks(singkatanHari(t), x, y + 11, k.hari, {
        ukuran: Math.min(5.5, k.hurufKode + 0.5),
        rata: 'center',
      });
      x += k.hari;
    }
    this.kotak(x, y, k.jumlah, h, ABU_KEPALA);
    this.teks('Hari', x, y + 2.5, k.jumlah, { huruf: tebal, ukuran: 5.5, rata: 'center' });
    this.teks('kantor', x, y + 10.5, k.jumlah, { huruf: tebal, ukuran: 5.5, rata: 'center' });
    return y + h;
  }

  /** People rows, then the daily totals; continues on new pages under a repeated header. */
  private kisi(opd: OpdRekap, hari: readonly string[], k: Kolom, y0: number): number {
    let y = this.kepalaKisi(opd, hari, k, y0);
    const baru = () => this.kepalaKisi(opd, hari, k, this.lanjutan(opd));

    for (const [i, o] of opd.orang.entries()) {
      // Long names, positions and units wrap to a second line rather than lose their end.
      const info = [
        [[String(i + 1)], k.no, 'center'],
        [[o.nip], k.nip, 'left'],
        [this.bungkus(o.nama, k.nama), k.nama, 'left'],
        [this.bungkus(o.jabatan, k.jabatan), k.jabatan, 'left'],
        [this.bungkus(o.unitNama || o.unitKode, k.unit), k.unit, 'left'],
      ] as const;
      const h = Math.max(...info.map(([v]) => v.length)) > 1 ? TINGGI_BARIS_GANDA : TINGGI_BARIS;
      if (y + h > this.bawah) y = baru();
      let x = this.kiri;
      for (const [v, w, rata] of info) {
        this.kotak(x, y, w, h);
        if (v.length === 1) this.sel(v[0]!, x, y, w, h, { rata });
        else for (const [j, b] of v.entries()) this.teks(b, x + 2, y + 1.6 + j * 7.4, w - 4);
        x += w;
      }
      for (const t of hari) {
        const s = o.sel[t];
        const g = s ? GAYA_STATUS[s] : null;
        this.kotak(x, y, k.hari, h, g?.isi ?? (hariLibur(opd, t) ? ABU_KEPALA : undefined));
        if (g) {
          this.sel(g.kode, x, y, k.hari, h, {
            huruf: s === 'LIBUR' ? this.f.biasa : this.f.tebal,
            ukuran: k.hurufKode,
            warna: hex(g.teks),
            rata: 'center',
          });
        }
        x += k.hari;
      }
      this.kotak(x, y, k.jumlah, h);
      this.sel(String(hariKantor(o, hari)), x, y, k.jumlah, h, { huruf: this.f.tebal, rata: 'center' });
      y += h;
    }
    const h = TINGGI_BARIS;
    if (opd.orang.length === 0) {
      this.kotak(this.kiri, y, this.lebar, h);
      this.sel(
        'Tidak ada pegawai dalam rekap ini / no employees in this recap',
        this.kiri,
        y,
        this.lebar,
        h,
        {
          rata: 'center',
        },
      );
      y += h;
    }

    // Daily totals: kept together, under a header of their own if they start a page.
    if (y + h * BARIS_TOTAL.length > this.bawah) y = baru();
    const lebarLabel = k.xHari - this.kiri;
    for (const bt of BARIS_TOTAL) {
      this.kotak(this.kiri, y, lebarLabel, h, ABU_KEPALA);
      this.sel(bt.label, this.kiri, y, lebarLabel, h, { huruf: this.f.tebal, rata: 'right' });
      let x = k.xHari;
      let jumlah = 0;
      for (const t of hari) {
        const v = nilaiTotal(opd, t, bt.kunci);
        if (v !== null) jumlah += v;
        const lewat = lewatBatas(opd, t);
        const merah = lewat && bt.kunci === 'batas';
        this.kotak(x, y, k.hari, h, merah ? MERAH.isi : hariLibur(opd, t) ? ABU_KEPALA : undefined);
        this.sel(v === null ? '–' : String(v), x, y, k.hari, h, {
          huruf: lewat && (bt.kunci === 'batas' || bt.kunci === 'kantor') ? this.f.tebal : this.f.biasa,
          warna: merah ? hex(MERAH.teks) : lewat && bt.kunci === 'kantor' ? hex(MERAH.isi) : HITAM,
          rata: 'center',
        });
        x += k.hari;
      }
      this.kotak(x, y, k.jumlah, h, ABU_KEPALA);
      if (bt.kunci !== 'batas')
        this.sel(String(jumlah), x, y, k.jumlah, h, { huruf: this.f.tebal, rata: 'center' });
      y += h;
    }
    return y;
  }

  /** Legend on the left, the OPD head's signature on the right. */
  private penutup(opd: OpdRekap, y0: number): void {
    const tinggi = 104;
    const y = y0 + tinggi > this.bawah ? this.lanjutan(opd) + 4 : y0;
    const { kiri, f } = this;

    // Legend: two columns of swatches, then the note on the cap.
    this.teks('Keterangan / Legend', kiri, y, 200, { huruf: f.tebal, ukuran: 8 });
    const butir = [
      ...URUTAN_STATUS.map((s) => ({
        isi: GAYA_STATUS[s].isi,
        kode: GAYA_STATUS[s].kode,
        warna: GAYA_STATUS[s].teks,
        id: `${s === GAYA_STATUS[s].kode ? '' : `${s}: `}${GAYA_STATUS[s].label.id}`,
        en: GAYA_STATUS[s].label.en,
      })),
      {
        isi: MERAH.isi,
        kode: '',
        warna: MERAH.teks,
        id: 'Batas kantor terlampaui',
        en: 'Office cap exceeded',
      },
    ];
    const lebarKolom = 235;
    butir.forEach((b, i) => {
      const x = kiri + Math.floor(i / 4) * lebarKolom;
      const yy = y + 13 + (i % 4) * 13;
      this.kotak(x, yy, 20, 10, b.isi);
      this.sel(b.kode, x, yy, 20, 10, { huruf: f.tebal, warna: hex(b.warna), rata: 'center' });
      this.teks(b.id, x + 25, yy + 1.5, lebarKolom - 30, { ukuran: 7 });
      const wId = this.doc.widthOfString(this.muat(b.id, lebarKolom - 30));
      this.teks(` / ${b.en}`, x + 25 + wId, yy + 1.5, Math.max(0, lebarKolom - 30 - wId), {
        ukuran: 7,
        warna: '#595959',
      });
    });
    this.teks(CATATAN_BATAS.id, kiri, y + 67, 2 * lebarKolom, { ukuran: 6.5 });
    this.teks(CATATAN_BATAS.en, kiri, y + 76, 2 * lebarKolom, { ukuran: 6.5, warna: '#595959' });

    // Signature: place and date, office, space to sign, name underlined, NIP.
    const w = 220;
    const x = kiri + this.lebar - w;
    const o = { ukuran: 8, rata: 'center' as const };
    this.teks(tempatTanggal(this.d), x, y, w, o);
    this.teks(jabatanPenandatangan(opd), x, y + 11, w, { ...o, huruf: f.tebal });
    const nama = opd.kepala?.nama ?? '(……………………………………)';
    this.teks(nama, x, y + 62, w, { ...o, huruf: f.tebal, garisBawah: opd.kepala !== null });
    this.teks(`NIP. ${opd.kepala ? formatNip(opd.kepala.nip) : '……………………………………'}`, x, y + 73, w, o);
  }

  /** "Halaman x dari y" and the document line on every page; the draft mark across each page. */
  kakiHalaman(): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0;
      const y = doc.page.height - TEPI.bottom + 14;
      const kode = this.opdHalaman[i - start] ?? '';
      this.teks(
        `Sigap · ${JUDUL_KALIMAT} · ${this.periode}${kode ? ` · ${kode}` : ''} · dicetak ${waktuCetak(this.d)}`,
        this.kiri,
        y,
        this.lebar * 0.75,
        { ukuran: 6.5, warna: '#595959' },
      );
      this.teks(
        `Halaman ${i - start + 1} dari ${count}`,
        this.kiri + this.lebar * 0.75,
        y,
        this.lebar * 0.25,
        {
          ukuran: 7,
          rata: 'right',
        },
      );
      if (this.d.status === 'draft') {
        const cx = doc.page.width / 2;
        const cy = doc.page.height / 2;
        doc.save().rotate(-25, { origin: [cx, cy] });
        doc.font(this.f.kop).fontSize(120).fillColor(hex(MERAH.isi), 0.1);
        doc.text('DRAF', cx - 300, cy - 70, { width: 600, align: 'center', lineBreak: false });
        doc.restore();
      }
    }
  }
}
