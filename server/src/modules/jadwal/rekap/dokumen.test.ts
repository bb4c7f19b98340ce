import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateRange, isoWeekday, type StatusJadwal } from '@sigap/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { teksPdf } from '../../../../test/pdf.ts';
import { formatPeriode, GAYA_STATUS, MERAH, singkatanHari } from './format.ts';
import { rekapPdf } from './pdf.ts';
import type { DokumenRekap, OpdRekap, OrangRekap } from './types.ts';
import { rekapXlsx, TATA_LETAK } from './xlsx.ts';

// March 2020: starts on a Sunday; Nyepi (25 March) is a holiday.
const HARI = dateRange('2020-03-01', '2020-03-31');
const LIBUR = new Set(['2020-03-25']);
const libur = (t: string) => isoWeekday(t) >= 6 || LIBUR.has(t);
const LEWAT = '2020-03-10';

/** A valid-looking 18-digit NIP: birth date, TMT, sex, serial. */
function nip(i: number): string {
  const lahir = `${1970 + (i % 30)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const tmt = `${1995 + (i % 30)}${String(1 + ((i * 7) % 12)).padStart(2, '0')}`;
  return `${lahir}${tmt}${1 + (i % 2)}${String(i % 1000).padStart(3, '0')}`;
}

function orang(
  i: number,
  nama: string,
  jabatan: string,
  unit: [string, string],
  status: (t: string) => StatusJadwal | undefined,
): OrangRekap {
  const sel: Record<string, StatusJadwal> = {};
  for (const t of HARI) {
    const s = libur(t) ? 'LIBUR' : status(t);
    if (s) sel[t] = s;
  }
  return { nip: nip(i), nama, jabatan, unitKode: unit[0], unitNama: unit[1], sel };
}

/** Totals as `rekap.service.ts` counts them. */
function opdRekap(
  kode: string,
  nama: string,
  kepala: OpdRekap['kepala'],
  orangnya: OrangRekap[],
  batas: number | null,
): OpdRekap {
  const total: Record<string, OpdRekap['total'][string]> = {};
  for (const t of HARI) {
    const s = orangnya.map((o) => o.sel[t]);
    total[t] = {
      kantor: s.filter((x) => x === 'WFO' || x === 'PIKET').length,
      piket: s.filter((x) => x === 'PIKET').length,
      rumah: s.filter((x) => x === 'WFH').length,
      tidakHadir: s.filter((x) => x === 'CUTI' || x === 'SAKIT' || x === 'ISOLASI').length,
      libur: libur(t),
      batas: libur(t) ? null : batas,
    };
  }
  return { kode, nama, kepala, orang: orangnya, total };
}

const hariKe = (t: string) => Number(t.slice(8));
/** Alternating office days: person i is at the office when (day + i) is divisible by 3. */
const giliran =
  (i: number) =>
  (t: string): StatusJadwal =>
    (hariKe(t) + i) % 3 === 0 ? 'WFO' : 'WFH';

const SEKRE: [string, string] = ['DINKES-SEKRE', 'Sekretariat Dinas Kesehatan'];
const P2P: [string, string] = ['DINKES-P2P', 'Bidang Pencegahan dan Pengendalian Penyakit'];
const KOMINFO: [string, string] = ['DISKOMINFO', 'Dinas Komunikasi dan Informatika'];

function dinkes(): OpdRekap {
  const orangnya = [
    orang(1, 'dr. Budi Santoso, M.Kes.', 'Kepala Dinas Kesehatan', SEKRE, (t) =>
      t === LEWAT ? 'WFO' : giliran(1)(t),
    ),
    orang(2, 'Dewi Lestari, S.E.', 'Analis Keuangan', SEKRE, (t) => (t === LEWAT ? 'WFO' : giliran(2)(t))),
    orang(3, 'Rina Nur’aini', 'Pengadministrasi Umum', SEKRE, (t) =>
      hariKe(t) >= 16 && hariKe(t) <= 20 ? 'CUTI' : giliran(3)(t),
    ),
    orang(4, 'Agus Prasetyo', 'Pengemudi', SEKRE, (t) => (t === LEWAT ? 'PIKET' : giliran(4)(t))),
    orang(5, 'Siti Rahmawati, A.Md.Kep.', 'Perawat Terampil', P2P, (t) =>
      hariKe(t) === 9 || t === LEWAT ? 'SAKIT' : giliran(5)(t),
    ),
    orang(6, 'Yohanes Kristianto', 'Epidemiolog Kesehatan Ahli Pertama', P2P, (t) =>
      hariKe(t) >= 23 && hariKe(t) <= 27 ? 'ISOLASI' : t === LEWAT ? 'WFO' : giliran(6)(t),
    ),
    orang(7, 'I Gusti Ayu Made Sri Wahyuni Kusumawardhani', 'Sanitarian Mahir', P2P, (t) =>
      t === LEWAT ? 'WFH' : giliran(7)(t),
    ),
  ];
  return opdRekap(
    'DINKES',
    'Dinas Kesehatan',
    { nama: 'dr. Budi Santoso, M.Kes.', nip: nip(1) },
    orangnya,
    3,
  );
}

function diskominfo(): OpdRekap {
  const nama = ['Ahmad Fauzi', 'Bambang Sutrisno', 'Citra Kirana', 'Dian Permata Sari', 'Eko Wahyudi'];
  const orangnya = nama.map((n, k) =>
    orang(20 + k, n, k === 0 ? 'Pranata Komputer Ahli Muda' : 'Pranata Komputer Terampil', KOMINFO, (t) =>
      k === 1 && hariKe(t) % 7 === 2 ? 'PIKET' : giliran(k)(t),
    ),
  );
  return opdRekap('DISKOMINFO', 'Dinas Komunikasi dan Informatika', null, orangnya, null);
}

function dokumen(opd: OpdRekap[], status: DokumenRekap['status'] = 'terbit'): DokumenRekap {
  return {
    pemda: { nama: 'Pemerintah Kota Batu', zonaWaktu: 'Asia/Jakarta' },
    dari: '2020-03-01',
    sampai: '2020-03-31',
    hari: HARI,
    status,
    dibuatPada: '2020-04-01T01:00:00Z',
    opd,
  };
}

const DOK = dokumen([dinkes(), diskominfo()]);
const { barisKepala, barisData, kolomHari } = TATA_LETAK;
const kolom = (t: string) => kolomHari + HARI.indexOf(t);
const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

// Sample files for a person to look at: SIGAP_CONTOH_DOKUMEN=/tmp/rekap npx vitest run … dokumen
const contoh = process.env.SIGAP_CONTOH_DOKUMEN;

describe('the fixture', () => {
  it('is over the cap on exactly one day', () => {
    const t = DOK.opd[0]!.total;
    expect(HARI.filter((h) => t[h]!.batas !== null && t[h]!.kantor > t[h]!.batas!)).toEqual([LEWAT]);
  });
});

describe('rekapXlsx', () => {
  it('writes one sheet per OPD with title, grid, totals, legend, signature and print setup', async () => {
    const buf = await rekapXlsx(DOK);
    if (contoh) {
      mkdirSync(contoh, { recursive: true });
      writeFileSync(join(contoh, 'rekap.xlsx'), buf);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.creator).toBe('Sigap');
    expect(wb.title).toBe('Rekapitulasi Jadwal Kerja ASN 1–31 Maret 2020');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DINKES', 'DISKOMINFO']);

    const ws = wb.getWorksheet('DINKES')!;
    const dinkes = DOK.opd[0]!;
    expect(ws.getCell('A1').value).toBe('REKAPITULASI JADWAL KERJA ASN');
    expect(ws.getCell('A2').value).toBe('PEMERINTAH KOTA BATU');
    expect(ws.getCell('A3').value).toBe('DINAS KESEHATAN');
    expect(ws.getCell('A4').value).toBe('Periode: 1–31 Maret 2020');
    expect(String(ws.getCell('A5').value)).toContain('Terbit');

    // Header: info columns, then day number over weekday (1 March 2020 is a Sunday).
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(barisKepala, c).value)).toEqual([
      'No',
      'NIP',
      'Nama',
      'Jabatan',
      'Unit',
    ]);
    expect(ws.getCell(barisKepala, kolomHari).value).toBe(1);
    expect(ws.getCell(barisKepala + 1, kolomHari).value).toBe('Min');
    expect(ws.getCell(barisKepala + 1, kolom('2020-03-02')).value).toBe('Sen');
    expect(ws.getCell(barisKepala + 1, kolom('2020-03-06')).value).toBe('Jum');
    expect(ws.getCell(barisKepala, kolom('2020-03-31')).value).toBe(31);
    expect(ws.getCell(barisKepala, kolomHari + 31).value).toBe('Hari di kantor');

    // People rows: NIP kept as 18-digit text, status codes coloured by status.
    const budi = ws.getRow(barisData);
    expect(budi.getCell(1).value).toBe(1);
    expect(budi.getCell(2).value).toBe(nip(1));
    expect(budi.getCell(3).value).toBe('dr. Budi Santoso, M.Kes.');
    expect(budi.getCell(5).value).toBe('Sekretariat Dinas Kesehatan');
    const rina = ws.getRow(barisData + 2);
    expect(rina.getCell(3).value).toBe('Rina Nur’aini');
    expect(rina.getCell(kolom('2020-03-17')).value).toBe('CT');
    expect(fillOf(rina.getCell(kolom('2020-03-17')))).toBe(`FF${GAYA_STATUS.CUTI.isi}`);
    expect(rina.getCell(kolom('2020-03-25')).value).toBe('L');
    expect(fillOf(rina.getCell(kolom('2020-03-25')))).toBe(`FF${GAYA_STATUS.LIBUR.isi}`);
    expect(budi.getCell(kolom(LEWAT)).value).toBe('WFO');
    expect(fillOf(budi.getCell(kolom(LEWAT)))).toBe(`FF${GAYA_STATUS.WFO.isi}`);
    expect(ws.getRow(barisData + 3).getCell(kolom(LEWAT)).value).toBe('PKT');
    expect(ws.getRow(barisData + 4).getCell(kolom(LEWAT)).value).toBe('S');
    expect(ws.getRow(barisData + 5).getCell(kolom('2020-03-24')).value).toBe('ISO');
    expect(ws.getRow(barisData + 6).getCell(kolom('2020-03-03')).value).toBe('WFH');
    for (const [i, o] of dinkes.orang.entries()) {
      const kantor = HARI.filter((t) => o.sel[t] === 'WFO' || o.sel[t] === 'PIKET').length;
      expect(ws.getRow(barisData + i).getCell(kolomHari + 31).value).toBe(kantor);
    }

    // Daily totals under the grid; the cap red on the one day it is exceeded.
    const barisTotal = barisData + dinkes.orang.length;
    expect([0, 1, 2, 3, 4].map((k) => ws.getCell(barisTotal + k, 1).value)).toEqual([
      'Di kantor (WFO + piket)',
      'Piket',
      'Di rumah (WFH)',
      'Tidak hadir (cuti, sakit, isolasi)',
      'Batas kantor',
    ]);
    for (const t of HARI) {
      const tot = dinkes.total[t]!;
      expect(ws.getCell(barisTotal, kolom(t)).value).toBe(tot.kantor);
      expect(ws.getCell(barisTotal + 1, kolom(t)).value).toBe(tot.piket);
      expect(ws.getCell(barisTotal + 2, kolom(t)).value).toBe(tot.rumah);
      expect(ws.getCell(barisTotal + 3, kolom(t)).value).toBe(tot.tidakHadir);
      expect(ws.getCell(barisTotal + 4, kolom(t)).value).toBe(tot.batas ?? '–');
      const batas = ws.getCell(barisTotal + 4, kolom(t));
      if (t === LEWAT) {
        expect(fillOf(batas)).toBe(`FF${MERAH.isi}`);
        expect(String(batas.note)).toContain('4 > 3');
      } else {
        expect(fillOf(batas)).not.toBe(`FF${MERAH.isi}`);
      }
    }
    expect(ws.getCell(barisTotal, kolom(LEWAT)).value).toBe(4);

    // Legend and signature.
    const teks: string[] = [];
    ws.eachRow((r) => {
      r.eachCell((c) => {
        teks.push(String(c.value));
      });
    });
    expect(teks).toContain('Keterangan / Legend');
    for (const s of Object.values(GAYA_STATUS)) {
      expect(teks).toContain(s.kode);
      expect(teks).toContain(s.label.en);
    }
    expect(teks).toContain('ISOLASI — Isolasi mandiri');
    expect(teks).toContain('Batu, 1 April 2020');
    expect(teks).toContain('Kepala Dinas Kesehatan');
    expect(teks).toContain('NIP. 19710202 199608 2 001');

    // Frozen at the grid corner; landscape A4 fitted to the width, header rows repeated.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 5, ySplit: 8 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('7:8');

    // The second OPD: no cap, no known head.
    const ws2 = wb.getWorksheet('DISKOMINFO')!;
    expect(ws2.getCell('A3').value).toBe('DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(ws2.getCell(barisData + 5 + 4, kolom('2020-03-02')).value).toBe('–');
  });

  it('names sheets by OPD code, at most 31 characters, unique', async () => {
    const a = diskominfo();
    const panjang = 'BADAN-PENANGGULANGAN-BENCANA-DAERAH';
    const buf = await rekapXlsx(
      dokumen([
        { ...a, kode: panjang },
        { ...a, kode: `${panjang}-2` },
        { ...a, kode: 'UPT/LAB:1' },
      ]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const nama = wb.worksheets.map((w) => w.name);
    expect(nama).toEqual([panjang.slice(0, 31), `${panjang.slice(0, 29)}~2`, 'UPT-LAB-1']);
  });

  it('marks a draft', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rekapXlsx(dokumen([diskominfo()], 'draft'))) as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell('A5').value)).toContain('DRAF');
  });
});

describe('rekapPdf', () => {
  it('prints letterhead, grid, totals, legend, signature and page numbers for each OPD', async () => {
    const buf = await rekapPdf(DOK);
    if (contoh) writeFileSync(join(contoh, 'rekap.pdf'), buf);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    // DejaVu from npm, embedded (subset), not a system font.
    expect(buf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed/);
    const halaman = await teksPdf(buf);
    expect(halaman).toHaveLength(2);
    const [p1, p2] = halaman as [string, string];

    expect(p1).toContain('PEMERINTAH KOTA BATU');
    expect(p1).toContain('DINAS KESEHATAN');
    expect(p1).toContain('REKAPITULASI JADWAL KERJA ASN');
    expect(p1).toContain('Periode: 1–31 Maret 2020');
    expect(p1).toContain('Rina Nur’aini');
    expect(p1).toContain('dr. Budi Santoso, M.Kes.');
    expect(p1).toContain(nip(1));
    expect(p1).toContain('Sekretariat Dinas Kesehatan');
    expect(p1).toContain('Halaman 1 dari 2');
    expect(p1).toContain('Di kantor (WFO + piket)');
    expect(p1).toContain('Batas kantor');
    expect(p1).toContain('Keterangan / Legend');
    expect(p1).toContain('Self-isolation');
    expect(p1).toContain('Batu, 1 April 2020');
    expect(p1).toContain('Kepala Dinas Kesehatan');
    expect(p1).toContain('NIP. 19710202 199608 2 001');
    // The day header and a line of totals: office count 4 over the cap of 3 on 10 March.
    expect(p1).toMatch(/ 1 Min 2 Sen 3 Sel 4 Rab /);
    const kantor = HARI.map((t) => String(DOK.opd[0]!.total[t]!.kantor)).join(' ');
    expect(p1).toContain(`Di kantor (WFO + piket) ${kantor}`);

    expect(p2).toContain('DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(p2).toContain('Kepala Dinas Komunikasi dan Informatika');
    expect(p2).toContain('Citra Kirana');
    expect(p2).toContain('Halaman 2 dari 2');
    expect(p2).not.toContain('Dinas Kesehatan');
  });

  it('paginates a 300-person OPD, repeating the header, keeping the month on one page width', async () => {
    const unit: [string, string] = ['SETDA-UMUM', 'Bagian Umum'];
    const orangnya = Array.from({ length: 300 }, (_, i) =>
      orang(100 + i, `Pegawai Nomor ${String(i + 1).padStart(3, '0')}`, 'Pelaksana', unit, giliran(i)),
    );
    const buf = await rekapPdf(
      dokumen([opdRekap('SETDA', 'Sekretariat Daerah', null, orangnya, 120)], 'draft'),
    );
    if (contoh) writeFileSync(join(contoh, 'rekap-300.pdf'), buf);
    const halaman = await teksPdf(buf);
    const n = halaman.length;
    expect(n).toBeGreaterThan(1);
    for (const [i, h] of halaman.entries()) {
      expect(h).toContain(`Halaman ${i + 1} dari ${n}`);
      // Every page that carries rows carries the header with all 31 days.
      if (h.includes('Pegawai Nomor')) {
        expect(h).toContain('No NIP Nama Jabatan Unit');
        expect(h).toContain(`30 Sen 31 ${singkatanHari('2020-03-31')} Hari kantor`);
      }
    }
    expect(halaman[0]).toContain('SEKRETARIAT DAERAH');
    expect(halaman[1]).toContain('(lanjutan)');
    expect(halaman[1]).not.toContain('Pegawai Nomor 001');
    const semua = halaman.join(' ');
    for (const k of [1, 150, 300]) expect(semua).toContain(`Pegawai Nomor ${String(k).padStart(3, '0')}`);
    expect(semua).toContain('Kepala Sekretariat Daerah');
    expect(halaman[n - 1]).toContain('Keterangan / Legend');
    // Rendering 300 × 31 cells (~2 s) and reading the 7 pages back with pdf.js (~2 s) is real work:
    // ~4 s on an idle 2-core machine, up to ~8 s beside another heavy process; 20 s keeps 2× headroom.
  }, 20_000);

  it('prints a period across two months as one grid per month', async () => {
    const hari = dateRange('2020-02-24', '2020-03-08');
    const o = dinkes();
    const buf = await rekapPdf({ ...dokumen([o]), dari: hari[0]!, sampai: hari.at(-1)!, hari });
    const [p1] = (await teksPdf(buf)) as [string];
    expect(p1).toContain('Periode: 24 Februari – 8 Maret 2020');
    expect(p1.indexOf('Bulan Februari 2020')).toBeLessThan(p1.indexOf('Bulan Maret 2020'));
    expect(p1).toContain('24 Sen 25 Sel 26 Rab 27 Kam 28 Jum 29 Sab Hari kantor');
    expect(p1).toContain('1 Min 2 Sen 3 Sel');
  });
});

describe('formatPeriode', () => {
  it('words periods as Indonesian documents do', () => {
    expect(formatPeriode('2020-03-01', '2020-03-31')).toBe('1–31 Maret 2020');
    expect(formatPeriode('2020-02-28', '2020-03-06')).toBe('28 Februari – 6 Maret 2020');
    expect(formatPeriode('2020-12-28', '2021-01-03')).toBe('28 Desember 2020 – 3 Januari 2021');
    expect(formatPeriode('2020-08-17', '2020-08-17')).toBe('17 Agustus 2020');
  });
});
