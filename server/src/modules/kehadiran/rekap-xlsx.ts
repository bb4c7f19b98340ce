import { formatWaktu, netralkanSel, type StatusKehadiran, type ZonaWaktu } from '@sigap/domain';
import ExcelJS from 'exceljs';
import { formatPeriode, singkatanHari, tanggalKe } from '../jadwal/rekap/format.ts';
import type { BarisStatus, HasilStatus } from './status.service.ts';

// The attendance recap as a Pemda prints it (docs/kehadiran.md "Status harian dan rekap"): one sheet per
// OPD with a title block, a row per person and a column per day holding the status's short code, totals
// per person (days per code, minutes late and early) and per day (people per code), and a legend sheet.

export const JUDUL_KEHADIRAN = 'REKAPITULASI KEHADIRAN ASN';

/** Each status's printed code and its words, Indonesian first; the legend's order. */
export const KODE_STATUS: Readonly<Record<StatusKehadiran, { kode: string; id: string; en: string }>> = {
  HADIR: { kode: 'H', id: 'Hadir', en: 'Present' },
  TIDAK_HADIR: { kode: 'A', id: 'Tidak hadir tanpa keterangan', en: 'Absent' },
  WFH_PATUH: { kode: 'WP', id: 'WFH, patuh', en: 'WFH, compliant' },
  WFH_TIDAK_PATUH: { kode: 'WT', id: 'WFH, tidak patuh', en: 'WFH, not compliant' },
  WFH_BELUM_DINILAI: { kode: 'WB', id: 'WFH, belum dinilai', en: 'WFH, not yet assessed' },
  DINAS_LUAR: { kode: 'DL', id: 'Dinas luar', en: 'Official travel' },
  CUTI: { kode: 'C', id: 'Cuti', en: 'Leave' },
  SAKIT: { kode: 'S', id: 'Sakit', en: 'Sick' },
  ISOLASI: { kode: 'I', id: 'Isolasi', en: 'Isolation' },
  LIBUR: { kode: 'L', id: 'Libur', en: 'Day off' },
  BELUM_SELESAI: { kode: 'BS', id: 'Hari belum selesai', en: 'The day is not over' },
};
const URUTAN = Object.keys(KODE_STATUS) as StatusKehadiran[];

/** The fixed layout of every OPD sheet; the tests read cells back at these places. */
export const TATA_LETAK_KEHADIRAN = {
  barisKepala: 6,
  /** the first person's row */
  barisData: 8,
  /** No, NIP / ID, Nama, Unit; the first day is in the next column */
  kolomHari: 5,
} as const;

const INFO = [
  { judul: 'No', lebar: 5 },
  { judul: 'NIP / ID pegawai', lebar: 20 },
  { judul: 'Nama', lebar: 26 },
  { judul: 'Unit', lebar: 14 },
] as const;

const argb = (hex: string) => ({ argb: `FF${hex}` });
const ABU = { type: 'pattern', pattern: 'solid', fgColor: argb('EDEDED') } as const;
const garis: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: argb('808080') },
  left: { style: 'thin', color: argb('808080') },
  bottom: { style: 'thin', color: argb('808080') },
  right: { style: 'thin', color: argb('808080') },
};
const TENGAH: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };

/** Sheet names: the OPD code without the characters Excel forbids, at most 31, unique. */
function namaLembar(): (kode: string) => string {
  const dipakai = new Set<string>(['history', 'keterangan']);
  return (kode) => {
    const dasar =
      kode
        .replace(/[\\/?*[\]:]/g, '-')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || 'OPD';
    let nama = dasar;
    for (let i = 2; dipakai.has(nama.toLowerCase()); i++) nama = `${dasar.slice(0, 28)}~${i}`;
    dipakai.add(nama.toLowerCase());
    return nama;
  };
}

/** The recap workbook. `dibuatPada`: when it was produced (the title's print time). */
export async function rekapKehadiranXlsx(h: HasilStatus, dibuatPada: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const periode = formatPeriode(h.dari, h.sampai);
  wb.creator = 'Sigap';
  wb.title = `Rekapitulasi Kehadiran ASN ${periode}`;
  wb.company = h.pemda.nama;
  wb.created = new Date(dibuatPada);
  wb.modified = new Date(dibuatPada);
  const perOpd = new Map<string, { nama: string; baris: BarisStatus[] }>();
  for (const r of h.baris) {
    const o = perOpd.get(r.opdKode) ?? { nama: r.opdNama, baris: [] };
    perOpd.set(r.opdKode, o);
    o.baris.push(r);
  }
  const nama = namaLembar();
  const cetak = formatWaktu(new Date(dibuatPada), h.pemda.zonaWaktu as ZonaWaktu);
  for (const [kode, o] of [...perOpd].sort((a, b) => a[0].localeCompare(b[0])))
    tulisLembar(wb.addWorksheet(nama(kode)), h, o.nama, o.baris, periode, cetak);
  if (perOpd.size === 0) {
    const ws = wb.addWorksheet('Rekap');
    ws.getCell('A1').value = `${JUDUL_KEHADIRAN} — ${periode}: tidak ada pegawai / no employees`;
  }
  tulisKeterangan(wb.addWorksheet('Keterangan'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function tulisLembar(
  ws: ExcelJS.Worksheet,
  h: HasilStatus,
  opdNama: string,
  baris: readonly BarisStatus[],
  periode: string,
  cetak: string,
): void {
  const { barisKepala, barisData, kolomHari } = TATA_LETAK_KEHADIRAN;
  const n = h.hari.length;
  const kolomTotal = kolomHari + n;
  const totalKolom = [...URUTAN.map((s) => KODE_STATUS[s].kode), 'Terlambat (menit)', 'Pulang cepat (menit)'];
  const kolomAkhir = kolomTotal + totalKolom.length - 1;
  INFO.forEach((k, i) => {
    ws.getColumn(i + 1).width = k.lebar;
  });
  for (let i = 0; i < n; i++) ws.getColumn(kolomHari + i).width = 4.2;
  totalKolom.forEach((_, i) => {
    ws.getColumn(kolomTotal + i).width = i < URUTAN.length ? 4.6 : 10;
  });

  const judul: [string, Partial<ExcelJS.Font>][] = [
    [JUDUL_KEHADIRAN, { bold: true, size: 14 }],
    [h.pemda.nama.toUpperCase(), { bold: true, size: 12 }],
    [opdNama.toUpperCase(), { bold: true, size: 12 }],
    [`Periode: ${periode} · dicetak ${cetak}`, { size: 10 }],
  ];
  judul.forEach(([teks, font], i) => {
    ws.mergeCells(i + 1, 1, i + 1, kolomAkhir);
    const c = ws.getCell(i + 1, 1);
    c.value = netralkanSel(teks);
    c.font = font;
    c.alignment = TENGAH;
  });

  const kepala = (r: number, k: number, v: string | number) => {
    const c = ws.getCell(r, k);
    c.value = typeof v === 'string' ? netralkanSel(v) : v;
    c.font = { bold: true, size: 9 };
    c.alignment = { ...TENGAH, wrapText: true };
    c.fill = ABU;
    c.border = garis;
  };
  INFO.forEach((k, i) => {
    ws.mergeCells(barisKepala, i + 1, barisKepala + 1, i + 1);
    kepala(barisKepala, i + 1, k.judul);
  });
  h.hari.forEach((t, i) => {
    kepala(barisKepala, kolomHari + i, tanggalKe(t));
    kepala(barisKepala + 1, kolomHari + i, singkatanHari(t));
  });
  ws.mergeCells(barisKepala, kolomTotal, barisKepala, kolomAkhir);
  kepala(barisKepala, kolomTotal, 'Jumlah / Totals');
  totalKolom.forEach((j, i) => {
    kepala(barisKepala + 1, kolomTotal + i, j);
  });

  // One row per person, in the order of the rows (OPD, unit, name).
  const orang = new Map<string, BarisStatus[]>();
  for (const r of baris) {
    const l = orang.get(r.pegawaiId) ?? [];
    orang.set(r.pegawaiId, l);
    l.push(r);
  }
  const posHari = new Map(h.hari.map((t, i) => [t, i]));
  const perHari = h.hari.map(() => new Map<StatusKehadiran, number>());
  let r = barisData;
  let no = 1;
  for (const hariOrang of orang.values()) {
    const p = hariOrang[0]!;
    const row = ws.getRow(r);
    [no++, p.nip || p.idPegawai, p.nama, p.unitKode].forEach((v, k) => {
      const c = row.getCell(k + 1);
      c.value = typeof v === 'string' ? netralkanSel(v) : v;
      c.font = { size: 9 };
      c.border = garis;
    });
    row.getCell(2).numFmt = '@';
    const jumlah = new Map<StatusKehadiran, number>();
    let terlambat = 0;
    let cepat = 0;
    for (const x of hariOrang) {
      const i = posHari.get(x.tanggal)!;
      const c = row.getCell(kolomHari + i);
      c.value = KODE_STATUS[x.status].kode;
      c.alignment = TENGAH;
      c.font = { size: 9, bold: x.status !== 'LIBUR' };
      if (x.terlambatMenit > 0 || x.pulangCepatMenit > 0)
        c.note = `Terlambat ${x.terlambatMenit} menit, pulang cepat ${x.pulangCepatMenit} menit`;
      jumlah.set(x.status, (jumlah.get(x.status) ?? 0) + 1);
      perHari[i]!.set(x.status, (perHari[i]!.get(x.status) ?? 0) + 1);
      terlambat += x.terlambatMenit;
      cepat += x.pulangCepatMenit;
    }
    for (let i = 0; i < n; i++) row.getCell(kolomHari + i).border = garis;
    [...URUTAN.map((s) => jumlah.get(s) ?? 0), terlambat, cepat].forEach((v, i) => {
      const c = row.getCell(kolomTotal + i);
      c.value = v;
      c.font = { size: 9, bold: true };
      c.alignment = TENGAH;
      c.border = garis;
    });
    r++;
  }

  // Per day: people per status.
  for (const s of URUTAN) {
    ws.mergeCells(r, 1, r, kolomHari - 1);
    const label = ws.getCell(r, 1);
    label.value = `${KODE_STATUS[s].kode} — ${KODE_STATUS[s].id}`;
    label.font = { bold: true, size: 9 };
    label.alignment = { horizontal: 'right', vertical: 'middle' };
    label.fill = ABU;
    label.border = garis;
    h.hari.forEach((_, i) => {
      const c = ws.getCell(r, kolomHari + i);
      c.value = perHari[i]!.get(s) ?? 0;
      c.font = { size: 9 };
      c.alignment = TENGAH;
      c.border = garis;
    });
    r++;
  }

  ws.views = [{ state: 'frozen', xSplit: kolomHari - 1, ySplit: barisData - 1, showGridLines: false }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${barisKepala}:${barisKepala + 1}`,
  };
}

function tulisKeterangan(ws: ExcelJS.Worksheet): void {
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 32;
  ws.getColumn(4).width = 26;
  ws.getCell(1, 1).value = 'Keterangan kode / Legend';
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ['Kode', 'Status', 'Keterangan', 'Meaning'].forEach((j, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = j;
    c.font = { bold: true };
    c.fill = ABU;
    c.border = garis;
  });
  URUTAN.forEach((s, i) => {
    const k = KODE_STATUS[s];
    [k.kode, s, k.id, k.en].forEach((v, j) => {
      const c = ws.getCell(4 + i, j + 1);
      c.value = v;
      c.border = garis;
      if (j === 0) c.font = { bold: true };
    });
  });
  const catatan = 4 + URUTAN.length + 1;
  ws.getCell(catatan, 1).value =
    'Terlambat dan pulang cepat dalam menit; rincian per hari ada pada catatan sel dan pada ekspor CSV (kolom alasan).';
  ws.getCell(catatan + 1, 1).value =
    'Minutes late and early; per-day detail in the cell notes and in the CSV export (column alasan).';
}
