import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZONA_WAKTU } from '../kalender/zones.ts';
import { bacaLogKehadiran, instanLokal, PANJANG_BARIS_MAKS } from './log.ts';

const BATAS = { baris: 100_000, panjangBaris: PANJANG_BARIS_MAKS };
const baca = (teks: string, akhir: string | null = null) =>
  bacaLogKehadiran(teks, 'Asia/Jakarta', BATAS, akhir);
function ok(teks: string) {
  const r = baca(teks);
  if (!r.ok) throw new Error(r.pesan.en);
  return r;
}

describe('instanLokal', () => {
  it('turns a local time into the instant, by the zone (written out)', () => {
    expect(instanLokal('2026-08-17', '07:30:05', 'Asia/Jakarta')).toBe('2026-08-17T00:30:05.000Z');
    expect(instanLokal('2026-08-17', '07:30', 'Asia/Makassar')).toBe('2026-08-16T23:30:00.000Z');
    expect(instanLokal('2026-01-01', '08:00:00', 'Asia/Jayapura')).toBe('2025-12-31T23:00:00.000Z');
    expect(instanLokal('2026-02-29', '08:00', 'Asia/Jakarta')).toBeNull();
    expect(instanLokal('2026-02-28', '24:00', 'Asia/Jakarta')).toBeNull();
    expect(instanLokal('2026-02-28', '23:60', 'Asia/Jakarta')).toBeNull();
  });
});

describe('bacaLogKehadiran: examples', () => {
  it('reads a CSV with BOM, CRLF, blank lines, quotes, semicolons and trailing padding', () => {
    const r = ok(
      '\uFEFFNIP;ID_Pegawai;Waktu;Perangkat;Jenis\r\n' +
        '199003032015031003;;2026-08-17 07:30;MESIN-1;masuk\r\n' +
        '\r\n' +
        ';"THL-001";2026-08-17 16:05:09;;Pulang\r\n' +
        '199003032015031003;;2026-08-17 25:00;MESIN-1;masuk\r\n' +
        '\0\0\x1a',
    );
    expect(r.format).toBe('csv');
    expect(r.punches).toEqual([
      {
        baris: 2,
        kunci: '199003032015031003',
        jenisKunci: 'nip',
        tanggal: '2026-08-17',
        jam: '07:30:00',
        waktu: '2026-08-17T00:30:00.000Z',
        jenis: 'masuk',
        perangkat: 'MESIN-1',
      },
      {
        baris: 4,
        kunci: 'THL-001',
        jenisKunci: 'id_pegawai',
        tanggal: '2026-08-17',
        jam: '16:05:09',
        waktu: '2026-08-17T09:05:09.000Z',
        jenis: 'pulang',
        perangkat: null,
      },
    ]);
    expect(r.takTerbaca).toEqual([expect.objectContaining({ baris: 5, kode: 'WAKTU_TIDAK_SAH' })]);
  });

  it('reads an attlog: state 0 in, 1 out, others unknown; extra fields kept out', () => {
    const r = ok(
      '        1\t2026-08-17 07:01:02\t1\t0\t0\t0\n' +
        '2\t2026-08-17 16:00:00\t15\t1\t0\n' +
        '3\t2026-08-17 12:00:00\t1\t4\t0\n' +
        '4\t2026-08-17 12:00:00\n' +
        'x y\t2026-08-17 12:00:00\t1\t0\t0\n' +
        '5\t2026-13-01 12:00:00\t1\t0\t0\n' +
        '6\t2026-08-17 12:00:00\tA\t0\t0\n' +
        'sampah\n',
    );
    expect(r.format).toBe('attlog');
    expect(r.punches.map((p) => [p.baris, p.kunci, p.jenis, p.waktu])).toEqual([
      [1, '1', 'masuk', '2026-08-17T00:01:02.000Z'],
      [2, '2', 'pulang', '2026-08-17T09:00:00.000Z'],
      [3, '3', null, '2026-08-17T05:00:00.000Z'],
      [4, '4', null, '2026-08-17T05:00:00.000Z'],
    ]);
    expect(r.takTerbaca.map((x) => [x.baris, x.kode])).toEqual([
      [5, 'PIN_TIDAK_SAH'],
      [6, 'WAKTU_TIDAK_SAH'],
      [7, 'KOLOM_TIDAK_SAH'],
      [8, 'BARIS_TIDAK_TERBACA'],
    ]);
    for (const x of r.takTerbaca) {
      expect(x.pesan.id.length).toBeGreaterThan(5);
      expect(x.pesan.en.length).toBeGreaterThan(5);
    }
  });

  it('refuses a file it cannot recognise, an empty one, and one with too many lines, in words', () => {
    for (const teks of ['halo dunia\nini bukan log\n', '', '\r\n\r\n', 'PK\x03\x04\x00\x00binary']) {
      const r = baca(teks);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.kode).toBe('FORMAT_TIDAK_DIKENAL');
        expect(r.pesan.id).toMatch(/tidak ada yang disimpan/);
      }
    }
    const banyak = Array.from({ length: 4 }, (_, i) => `${i}\t2026-08-17 07:00:00\t1\t0\t0`).join('\n');
    const r = bacaLogKehadiran(banyak, 'Asia/Jakarta', { baris: 3, panjangBaris: 100 });
    expect(r).toMatchObject({ ok: false, kode: 'TERLALU_BANYAK_BARIS' });
    expect(bacaLogKehadiran(banyak, 'Asia/Jakarta', { baris: 4, panjangBaris: 100 }).ok).toBe(true);
  });

  it('reports a line that is too long, and a punch after the server’s clock', () => {
    const panjang = `1\t2026-08-17 07:00:00\t1\t0\t${'9'.repeat(PANJANG_BARIS_MAKS)}`;
    const r = baca(
      `${panjang}\n2\t2026-08-17 07:00:00\t1\t0\t0\n3\t2026-08-18 07:00:00\t1\t0\t0\n`,
      '2026-08-17T10:00:00.000Z',
    );
    if (!r.ok) throw new Error('refused');
    expect(r.punches.map((p) => p.baris)).toEqual([2]);
    expect(r.takTerbaca.map((x) => [x.baris, x.kode])).toEqual([
      [1, 'BARIS_TERLALU_PANJANG'],
      [3, 'WAKTU_MASA_DEPAN'],
    ]);
  });

  it('reports a CSV line with more cells than the header, an open quote, no person, an unknown jenis', () => {
    const r = ok(
      'nip,id_pegawai,waktu,perangkat,jenis\n' +
        '1,,2026-08-17 07:00,M,masuk,lebih\n' +
        '"1,,2026-08-17 07:00,M,masuk\n' +
        ',,2026-08-17 07:00,M,masuk\n' +
        '1,,2026-08-17 07:00,M,istirahat\n' +
        '1,,2026-08-17 07:00,M,masuk,\n',
    );
    expect(r.takTerbaca.map((x) => [x.baris, x.kode])).toEqual([
      [2, 'KOLOM_BERLEBIH'],
      [3, 'BARIS_TIDAK_TERBACA'],
      [4, 'KUNCI_KOSONG'],
      [5, 'JENIS_TIDAK_DIKENAL'],
    ]);
    expect(r.punches.map((p) => p.baris)).toEqual([6]);
  });
});

// ─── Properties ──────────────────────────────────────────────────────────────────────────────────

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A local punch written out by hand: its parts, and the instant computed from them independently. */
const arbPunch = fc
  .record({
    tahun: fc.integer({ min: 2000, max: 2100 }),
    bulan: fc.integer({ min: 1, max: 12 }),
    hari: fc.integer({ min: 1, max: 28 }),
    jam: fc.integer({ min: 0, max: 23 }),
    menit: fc.integer({ min: 0, max: 59 }),
    detik: fc.integer({ min: 0, max: 59 }),
    pin: fc.stringMatching(/^[0-9A-Za-z._-]{1,32}$/),
    state: fc.constantFrom('0', '1', '2', '5', ''),
    verify: fc.constantFrom('1', '15', ''),
    zona: fc.constantFrom(...ZONA_WAKTU),
  })
  .map((p) => {
    const tanggal = `${p.tahun}-${pad(p.bulan)}-${pad(p.hari)}`;
    const jam = `${pad(p.jam)}:${pad(p.menit)}:${pad(p.detik)}`;
    const offset = { 'Asia/Jakarta': 7, 'Asia/Pontianak': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 }[p.zona];
    const waktu = new Date(
      Date.UTC(p.tahun, p.bulan - 1, p.hari, p.jam - offset, p.menit, p.detik),
    ).toISOString();
    return { ...p, tanggal, jamTeks: jam, waktu };
  });

const arbGaris = fc.constantFrom('\n', '\r\n');

describe('bacaLogKehadiran: properties', () => {
  it('valid attlog lines round-trip: every punch back with its line number, person, time and state', () => {
    fc.assert(
      fc.property(fc.array(arbPunch, { minLength: 1, maxLength: 30 }), arbGaris, (ps, nl) => {
        const zona = ps[0]!.zona;
        const teks = ps
          .map((p) => `${p.pin}\t${p.tanggal} ${p.jamTeks}\t${p.verify}\t${p.state}\t0`)
          .join(nl);
        const r = bacaLogKehadiran(teks, zona, BATAS);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.takTerbaca).toEqual([]);
        expect(r.punches.map((x) => [x.baris, x.kunci, x.tanggal, x.jam, x.waktu, x.jenis])).toEqual(
          ps.map((p, i) => {
            // the instant of the local time in the FIRST punch's zone, which the file is read in
            const off = { 'Asia/Jakarta': 7, 'Asia/Pontianak': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 }[
              zona
            ];
            const w = new Date(
              Date.UTC(p.tahun, p.bulan - 1, p.hari, p.jam - off, p.menit, p.detik),
            ).toISOString();
            return [
              i + 1,
              p.pin,
              p.tanggal,
              p.jamTeks,
              w,
              p.state === '0' ? 'masuk' : p.state === '1' ? 'pulang' : null,
            ];
          }),
        );
      }),
    );
  });

  it('valid CSV lines round-trip, NIP or id_pegawai, with or without seconds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            p: arbPunch,
            pakaiNip: fc.boolean(),
            detik: fc.boolean(),
            jenis: fc.constantFrom('masuk', 'pulang', ''),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        arbGaris,
        (xs, nl) => {
          const teks = ['nip,id_pegawai,waktu,perangkat,jenis']
            .concat(
              xs.map(({ p, pakaiNip, detik, jenis }) => {
                const jam = detik ? p.jamTeks : p.jamTeks.slice(0, 5);
                return `${pakaiNip ? p.pin : ''},${pakaiNip ? '' : p.pin},${p.tanggal} ${jam},T-${p.verify},${jenis}`;
              }),
            )
            .join(nl);
          const r = bacaLogKehadiran(teks, 'Asia/Jakarta', BATAS);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.takTerbaca).toEqual([]);
          expect(r.punches.map((x) => [x.baris, x.kunci, x.jenisKunci, x.jam, x.jenis, x.perangkat])).toEqual(
            xs.map(({ p, pakaiNip, detik, jenis }, i) => [
              i + 2,
              p.pin,
              pakaiNip ? 'nip' : 'id_pegawai',
              detik ? p.jamTeks : `${p.jamTeks.slice(0, 5)}:00`,
              jenis === '' ? null : jenis,
              `T-${p.verify}`,
            ]),
          );
        },
      ),
    );
  });

  it('a garbled line is reported unreadable with its own number, never throws, and the good lines stay', () => {
    const arbSampah = fc.oneof(
      // a time field that is not a time
      fc.string({ maxLength: 20 }).map((s) => `77\t${s.replace(/\t/g, ' ')}X\t1\t0\t0`),
      // a PIN with a character a PIN cannot hold
      fc
        .string({ minLength: 1, maxLength: 10 })
        .map((s) => `${s.replace(/[\t\r\n]/g, '')}#\t2026-01-05 07:00:00\t1\t0\t0`),
      // a state that is not a number
      fc
        .string({ minLength: 1, maxLength: 5 })
        .map((s) => `7\t2026-01-05 07:00:00\t1\t${s.replace(/[\t\r\n\s]/g, '')}z\t0`),
      // no tab at all
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => `${s.replace(/[\t\r\n]/g, '')}!`),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            arbPunch.map((p) => ({ baik: true as const, p })),
            arbSampah.map((s) => ({ baik: false as const, s })),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        arbPunch,
        arbGaris,
        (xs, jangkar, nl) => {
          // one valid line first, so the file is recognised as an attlog
          const baris = [`${jangkar.pin}\t${jangkar.tanggal} ${jangkar.jamTeks}\t1\t0\t0`].concat(
            xs.map((x) => (x.baik ? `${x.p.pin}\t${x.p.tanggal} ${x.p.jamTeks}\t1\t0\t0` : x.s)),
          );
          const r = bacaLogKehadiran(baris.join(nl), 'Asia/Jakarta', BATAS);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const buruk = xs.flatMap((x, i) => (x.baik ? [] : [i + 2]));
          expect(r.takTerbaca.map((t) => t.baris)).toEqual(buruk);
          expect(r.punches.map((p) => p.baris)).toEqual(
            [1].concat(xs.flatMap((x, i) => (x.baik ? [i + 2] : []))),
          );
          for (const t of r.takTerbaca) expect(t.pesan.id && t.pesan.en).toBeTruthy();
        },
      ),
    );
  });

  it('never throws on any text, and CRLF, CR and LF give the same result', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 60 }),
            arbPunch.map((p) => `${p.pin}\t${p.tanggal} ${p.jamTeks}\t1\t${p.state}\t0`),
          ),
          { maxLength: 20 },
        ),
        (lines) => {
          const bersih = lines.map((l) => l.replace(/[\r\n]/g, ' '));
          const lf = bacaLogKehadiran(bersih.join('\n'), 'Asia/Jakarta', BATAS);
          expect(bacaLogKehadiran(bersih.join('\r\n'), 'Asia/Jakarta', BATAS)).toEqual(lf);
          expect(bacaLogKehadiran(bersih.join('\r'), 'Asia/Jakarta', BATAS)).toEqual(lf);
          if (lf.ok) expect(lf.punches.length + lf.takTerbaca.length).toBeLessThanOrEqual(bersih.length);
        },
      ),
    );
  });
});
