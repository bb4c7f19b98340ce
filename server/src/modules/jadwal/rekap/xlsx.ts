import { netralkanSel } from '@sigap/domain';
import ExcelJS from 'exceljs';
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
  nilaiTotal,
  singkatanHari,
  tandaStatus,
  tanggalKe,
  tempatTanggal,
  URUTAN_STATUS,
  waktuCetak,
} from './format.ts';
import type { DokumenRekap, OpdRekap } from './types.ts';

/** The fixed layout of every sheet; the tests read cells back at these places. */
export const TATA_LETAK = {
  /** The two header rows of the grid (day number, then weekday) */
  barisKepala: 7,
  /** The first person's row */
  barisData: 9,
  /** Columns No, NIP, Nama, Jabatan, Unit; the first day is in the next one */
  kolomHari: 6,
} as const;

/** Widths in Excel characters; long names wrap (rows without a set height grow to fit). */
const INFO = [
  { judul: 'No', lebar: 5 },
  { judul: 'NIP', lebar: 19 },
  { judul: 'Nama', lebar: 26 },
  { judul: 'Jabatan', lebar: 22 },
  { judul: 'Unit', lebar: 22 },
] as const;

/** Columns of the signature block, counted back from the total column. */
const LEBAR_TTD = 12;

const argb = (hex: string) => ({ argb: `FF${hex}` });
const isi = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: argb(hex) });
const garis: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: argb('808080') },
  left: { style: 'thin', color: argb('808080') },
  bottom: { style: 'thin', color: argb('808080') },
  right: { style: 'thin', color: argb('808080') },
};
const TENGAH: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };

/**
 * The schedule recap as a Pemda prints it: one sheet per OPD with title block, people × days grid
 * of coloured status codes, daily totals against the office cap, legend and the OPD head's
 * signature block; landscape A4, fitted to the page width.
 */
export async function rekapXlsx(d: DokumenRekap): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const periode = formatPeriode(d.dari, d.sampai);
  wb.creator = 'Sigap';
  wb.lastModifiedBy = 'Sigap';
  wb.title = `Rekapitulasi Jadwal Kerja ASN ${periode}`;
  wb.subject = d.pemda.nama;
  wb.keywords = `jadwal WFO WFH piket ${d.status}`;
  wb.company = d.pemda.nama;
  wb.created = new Date(d.dibuatPada);
  wb.modified = new Date(d.dibuatPada);

  const nama = namaLembar();
  for (const opd of d.opd) tulisLembar(wb.addWorksheet(nama(opd.kode)), d, opd, periode);
  if (d.opd.length === 0) {
    const ws = wb.addWorksheet('Rekap');
    ws.getCell('A1').value = `${JUDUL} — ${periode}: tidak ada OPD / no OPD`;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Lines a text wraps to in a column at the 9 pt grid font (about 1.25 characters per width unit). */
function jumlahBaris(teks: string, lebar: number): number {
  const muat = Math.floor(lebar * 1.25);
  let baris = 1;
  let isi = 0;
  for (const kata of teks.split(/\s+/)) {
    if (isi > 0 && isi + 1 + kata.length > muat) {
      baris++;
      isi = kata.length;
    } else {
      isi += (isi > 0 ? 1 : 0) + kata.length;
    }
  }
  return baris;
}

/** Sheet names: the OPD code, without the characters Excel forbids, at most 31, unique. */
function namaLembar(): (kode: string) => string {
  const dipakai = new Set<string>(['history']);
  return (kode) => {
    const dasar =
      kode
        .replace(/[\\/?*[\]:]/g, '-')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || 'OPD';
    let nama = dasar;
    for (let i = 2; dipakai.has(nama.toLowerCase()); i++) {
      const akhir = `~${i}`;
      nama = dasar.slice(0, 31 - akhir.length) + akhir;
    }
    dipakai.add(nama.toLowerCase());
    return nama;
  };
}

function tulisLembar(ws: ExcelJS.Worksheet, d: DokumenRekap, opd: OpdRekap, periode: string): void {
  const { barisKepala, barisData, kolomHari } = TATA_LETAK;
  const n = d.hari.length;
  const kolomJumlah = kolomHari + n;
  const kolomAkhir = kolomJumlah;

  INFO.forEach((k, i) => {
    ws.getColumn(i + 1).width = k.lebar;
  });
  for (let i = 0; i < n; i++) ws.getColumn(kolomHari + i).width = 4.6;
  ws.getColumn(kolomJumlah).width = 9;

  // Title block, centred over the whole grid.
  const judul: [string, Partial<ExcelJS.Font>][] = [
    [JUDUL, { bold: true, size: 14 }],
    [d.pemda.nama.toUpperCase(), { bold: true, size: 12 }],
    [opd.nama.toUpperCase(), { bold: true, size: 12 }],
    [`Periode: ${periode}`, { size: 11 }],
    [
      `${tandaStatus(d)} · dicetak ${waktuCetak(d)}`,
      d.status === 'draft' ? { bold: true, size: 10, color: argb(MERAH.isi) } : { size: 10 },
    ],
  ];
  judul.forEach(([teks, font], i) => {
    ws.mergeCells(i + 1, 1, i + 1, kolomAkhir);
    const c = ws.getCell(i + 1, 1);
    c.value = netralkanSel(teks);
    c.font = font;
    c.alignment = TENGAH;
  });
  ws.getRow(1).height = 20;

  // Grid header: info columns span both rows; day number above weekday.
  const kepala = (baris: number, kolom: number, teks: string | number, libur = false) => {
    const c = ws.getCell(baris, kolom);
    c.value = typeof teks === 'string' ? netralkanSel(teks) : teks;
    c.font = { bold: true, size: 9 };
    c.alignment = { ...TENGAH, wrapText: true };
    c.fill = isi(libur ? ABU_LIBUR : ABU_KEPALA);
    c.border = garis;
  };
  INFO.forEach((k, i) => {
    ws.mergeCells(barisKepala, i + 1, barisKepala + 1, i + 1);
    kepala(barisKepala, i + 1, k.judul);
  });
  d.hari.forEach((t, i) => {
    const libur = hariLibur(opd, t);
    kepala(barisKepala, kolomHari + i, tanggalKe(t), libur);
    kepala(barisKepala + 1, kolomHari + i, singkatanHari(t), libur);
  });
  ws.mergeCells(barisKepala, kolomJumlah, barisKepala + 1, kolomJumlah);
  kepala(barisKepala, kolomJumlah, 'Hari di kantor');
  ws.getRow(barisKepala + 1).height = 16;

  // One row per person.
  let baris = barisData;
  opd.orang.forEach((o, i) => {
    const r = ws.getRow(baris);
    const info: (string | number)[] = [i + 1, o.nip, o.nama, o.jabatan, o.unitNama || o.unitKode];
    info.forEach((v, k) => {
      const c = r.getCell(k + 1);
      c.value = typeof v === 'string' ? netralkanSel(v) : v;
      c.font = { size: 9 };
      c.border = garis;
      c.alignment = { vertical: 'middle', horizontal: k === 0 ? 'center' : 'left', wrapText: k >= 2 };
    });
    r.getCell(2).numFmt = '@';
    // Spreadsheet programs do not reliably grow a row to its wrapped text, so set the height.
    const lipatan = Math.max(...[2, 3, 4].map((k) => jumlahBaris(String(info[k] ?? ''), INFO[k]!.lebar)));
    if (lipatan > 1) r.height = lipatan * 11.5 + 2;
    d.hari.forEach((t, k) => {
      const c = r.getCell(kolomHari + k);
      const s = o.sel[t];
      c.border = garis;
      c.alignment = TENGAH;
      if (s) {
        const g = GAYA_STATUS[s];
        c.value = g.kode;
        c.fill = isi(g.isi);
        c.font = { size: 9, color: argb(g.teks), bold: s !== 'LIBUR' };
      } else if (hariLibur(opd, t)) {
        c.fill = isi(ABU_KEPALA);
      }
    });
    const jumlah = r.getCell(kolomJumlah);
    jumlah.value = hariKantor(o, d.hari);
    jumlah.font = { size: 9, bold: true };
    jumlah.alignment = TENGAH;
    jumlah.border = garis;
    baris++;
  });
  if (opd.orang.length === 0) {
    ws.mergeCells(baris, 1, baris, kolomAkhir);
    const c = ws.getCell(baris, 1);
    c.value = 'Tidak ada pegawai dalam rekap ini / no employees in this recap';
    c.alignment = TENGAH;
    c.font = { italic: true, size: 9 };
    baris++;
  }

  // Daily totals against the cap.
  for (const bt of BARIS_TOTAL) {
    ws.mergeCells(baris, 1, baris, kolomHari - 1);
    const label = ws.getCell(baris, 1);
    label.value = bt.label;
    label.font = { bold: true, size: 9 };
    label.alignment = { horizontal: 'right', vertical: 'middle' };
    label.fill = isi(ABU_KEPALA);
    label.border = garis;
    let jumlah = 0;
    d.hari.forEach((t, k) => {
      const c = ws.getCell(baris, kolomHari + k);
      const v = nilaiTotal(opd, t, bt.kunci);
      c.value = v ?? '–';
      c.alignment = TENGAH;
      c.border = garis;
      c.font = { size: 9 };
      if (v !== null) jumlah += v;
      if (hariLibur(opd, t)) c.fill = isi(ABU_KEPALA);
      if (lewatBatas(opd, t)) {
        const tot = opd.total[t]!;
        if (bt.kunci === 'batas') {
          c.fill = isi(MERAH.isi);
          c.font = { size: 9, bold: true, color: argb(MERAH.teks) };
          c.note = `Melebihi batas / over the cap: ${tot.kantor} > ${tot.batas}`;
        } else if (bt.kunci === 'kantor') {
          c.font = { size: 9, bold: true, color: argb(MERAH.isi) };
        }
      }
    });
    const c = ws.getCell(baris, kolomJumlah);
    c.value = bt.kunci === 'batas' ? '' : jumlah;
    c.font = { size: 9, bold: true };
    c.alignment = TENGAH;
    c.border = garis;
    baris++;
  }

  // Legend on the left, signature block on the right, side by side.
  const awal = baris + 1;
  const leg = ws.getCell(awal, 2);
  leg.value = 'Keterangan / Legend';
  leg.font = { bold: true, size: 10 };
  URUTAN_STATUS.forEach((s, i) => {
    const g = GAYA_STATUS[s];
    const kode = ws.getCell(awal + 1 + i, 2);
    kode.value = g.kode;
    kode.fill = isi(g.isi);
    kode.font = { bold: true, size: 9, color: argb(g.teks) };
    kode.alignment = TENGAH;
    kode.border = garis;
    // Indonesian over Nama and Jabatan, English from Unit on (it may run on into empty day cells).
    ws.mergeCells(awal + 1 + i, 3, awal + 1 + i, 4);
    const id = ws.getCell(awal + 1 + i, 3);
    id.value = `${s} — ${g.label.id}`;
    id.font = { size: 9 };
    const en = ws.getCell(awal + 1 + i, 5);
    en.value = g.label.en;
    en.font = { size: 9, italic: true };
  });
  const barisCatatan = awal + 1 + URUTAN_STATUS.length;
  const merah = ws.getCell(barisCatatan, 2);
  merah.fill = isi(MERAH.isi);
  merah.border = garis;
  ws.getCell(barisCatatan, 3).value = CATATAN_BATAS.id;
  ws.getCell(barisCatatan + 1, 3).value = CATATAN_BATAS.en;
  ws.getCell(barisCatatan, 3).font = { size: 9 };
  ws.getCell(barisCatatan + 1, 3).font = { size: 9, italic: true };

  const ttdDari = Math.max(kolomHari, kolomJumlah - LEBAR_TTD + 1);
  const ttd: [string, Partial<ExcelJS.Font>][] = [
    [tempatTanggal(d), { size: 10 }],
    [jabatanPenandatangan(opd), { size: 10, bold: true }],
    ['', {}],
    ['', {}],
    ['', {}],
    [opd.kepala?.nama ?? '(……………………………………)', { size: 10, bold: true, underline: true }],
    [`NIP. ${opd.kepala ? formatNip(opd.kepala.nip) : '……………………………………'}`, { size: 10 }],
  ];
  ttd.forEach(([teks, font], i) => {
    if (!teks) return; // the space to sign stays truly empty
    const r = awal + i;
    if (ttdDari < kolomJumlah) ws.mergeCells(r, ttdDari, r, kolomJumlah);
    const c = ws.getCell(r, ttdDari);
    c.value = netralkanSel(teks);
    c.font = font;
    c.alignment = TENGAH;
  });
  const barisAkhir = Math.max(barisCatatan + 1, awal + ttd.length - 1);

  ws.views = [
    {
      state: 'frozen',
      xSplit: kolomHari - 1,
      ySplit: barisData - 1,
      topLeftCell: ws.getCell(barisData, kolomHari).address,
      showGridLines: false,
    },
  ];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: `A1:${ws.getCell(barisAkhir, kolomAkhir).address}`,
    printTitlesRow: `${barisKepala}:${barisKepala + 1}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
  };
  ws.headerFooter = {
    oddFooter: `&L&8Sigap — ${JUDUL_KALIMAT} ${opd.kode.replaceAll('&', '&&')}&R&8Halaman &P dari &N`,
  };
}
