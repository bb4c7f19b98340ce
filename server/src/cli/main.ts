import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type ImportIssue,
  isIsoDate,
  JENIS_CUTI,
  JENIS_PEMDA,
  OPD_COLUMNS,
  parseKebijakan,
  ROLES,
  type Role,
  type Sasaran,
  type Temuan,
  teks,
  URUTAN_SASARAN_BAKU,
  ZONA_WAKTU,
} from '@sigap/domain';
import { Command, CommanderError, Option } from 'commander';
import { openDatabase, type SigapDatabase, withTenant } from '../db/database.ts';
import { FolderDipakai } from '../db/folder-lock.ts';
import { AppError } from '../http/errors.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.repository.ts';
import { upsertUser } from '../modules/auth/users.service.ts';
import { impor as imporCuti } from '../modules/cuti/cuti.service.ts';
import { seedDemo } from '../modules/demo/demo.service.ts';
import { DEMO_ACCOUNTS } from '../modules/demo/demo-data.ts';
import {
  exportOpdRows,
  exportPegawaiRows,
  PEGAWAI_EXPORT_COLUMNS,
  toCsv,
  toXlsx,
} from '../modules/impor/ekspor.service.ts';
import { readTable } from '../modules/impor/file-reader.ts';
import { importOpd, importPegawai } from '../modules/impor/impor.service.ts';
import { rekapPdf } from '../modules/jadwal/dokumen/pdf.ts';
import { rekapXlsx } from '../modules/jadwal/dokumen/xlsx.ts';
import {
  buatJadwal,
  daftarVersi,
  dokumenRekap,
  imporRekap,
  KOLOM_REKAP,
  periksa,
  rekap,
  terbitkan,
} from '../modules/jadwal/jadwal.service.ts';
import { listKebijakan } from '../modules/kebijakan/kebijakan.repository.ts';
import {
  catatKonteks,
  jelaskan,
  simpan,
  ubahStatus,
  validasi,
} from '../modules/kebijakan/kebijakan.service.ts';
import { tenantToday } from '../modules/org/org.service.ts';
import { listTenants } from '../modules/tenant/tenant.repository.ts';
import { ensureTenant, seedHolidays } from '../modules/tenant/tenant.service.ts';
import { startServer } from '../server.ts';
import { cetakPenjelasan } from './explain-text.ts';
import { progressBar } from './progress.ts';

const lang = (process.env.SIGAP_LANG ?? process.env.LANG ?? '').startsWith('en') ? 'en' : 'id';

/** Raised for a wrong file, row or field: exit code 1. */
class UserError extends Error {}

/** Reads a CSV/XLSX file named on the command line, or says it cannot. */
async function bacaTabel(file: string) {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UserError(`Berkas ${file} tidak dapat dibaca`);
  }
  return readTable(data, basename(file));
}

/** Runs an import; its problems are printed one per line with the file, row and column. */
async function denganMasalahBerkas<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.issues) {
      console.error(`${file}: ${teks(e.pesan, lang)}`);
      cetakMasalah(file, e.issues);
      throw new UserError('');
    }
    throw e;
  }
}

interface GlobalOpts {
  db: string;
  tenant?: string;
}

function globals(cmd: Command): GlobalOpts {
  return cmd.optsWithGlobals() as GlobalOpts;
}

async function withDb<T>(cmd: Command, fn: (sdb: SigapDatabase) => Promise<T>): Promise<T> {
  const sdb = await openDatabase(globals(cmd).db);
  try {
    return await fn(sdb);
  } finally {
    await sdb.close();
  }
}

/** The tenant named by --tenant / SIGAP_TENANT, or the only one. */
async function tenantOf(sdb: SigapDatabase, cmd: Command): Promise<string> {
  const kode = globals(cmd).tenant;
  const rows = await listTenants(sdb.db);
  if (kode) {
    const t = rows.find((r) => r.kode === kode);
    if (!t)
      throw new UserError(
        `Pemda "${kode}" tidak ada. Yang ada: ${rows.map((r) => r.kode).join(', ') || '(belum ada)'}`,
      );
    return t.id;
  }
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length === 0)
    throw new UserError('Belum ada Pemda. Jalankan `sigap demo` atau `sigap pemda create` dahulu.');
  throw new UserError(
    `Ada beberapa Pemda; pilih dengan --tenant <kode>: ${rows.map((r) => r.kode).join(', ')}`,
  );
}

function printAccounts(url: string) {
  console.log(`\nSigap berjalan di / is running at: ${url}`);
  console.log('Akun demo / demo sign-ins (Pemda: kota-batu):');
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.username.padEnd(14)} ${a.password}   ${a.role}${a.opdKode ? ` (${a.opdKode})` : ''}`);
  console.log('Tekan Ctrl+C untuk berhenti / press Ctrl+C to stop.');
}

const program = new Command('sigap')
  .description('Sigap — sistem kerja ASN Pemda (WFH/WFO/piket)')
  .addOption(
    new Option('--db <url>', 'postgres:// URL atau folder PGlite').env('DATABASE_URL').default('./data'),
  )
  .addOption(new Option('--tenant <kode>', 'kode Pemda bila lebih dari satu').env('SIGAP_TENANT'))
  .exitOverride()
  .showHelpAfterError();

program
  .command('serve')
  .description('menjalankan aplikasi web dan API (migrasi dijalankan saat mulai)')
  .addOption(new Option('--port <port>', 'port').env('PORT').default('3000'))
  .addOption(new Option('--host <host>', 'alamat').env('SIGAP_HOST').default('127.0.0.1'))
  .action(async (o: { port: string; host: string }, cmd: Command) => {
    const s = await startServer({ db: globals(cmd).db, port: Number(o.port), host: o.host });
    console.log(`Sigap berjalan di / is running at: ${s.url}`);
  });

program
  .command('demo')
  .description('mengisi Pemda contoh (idempoten), lalu menjalankan server')
  .option('--no-serve', 'hanya mengisi data, tanpa server')
  .addOption(new Option('--port <port>', 'port').env('PORT').default('3000'))
  .addOption(new Option('--host <host>', 'alamat').env('SIGAP_HOST').default('127.0.0.1'))
  .action(async (o: { serve: boolean; port: string; host: string }, cmd: Command) => {
    const db = globals(cmd).db;
    const sdb = await openDatabase(db);
    const bar = progressBar();
    let r: Awaited<ReturnType<typeof seedDemo>>;
    try {
      r = await seedDemo(sdb, (fase, done, total) => bar.update(`demo ${fase}`, done, total));
    } finally {
      bar.stop();
      await sdb.close();
    }
    console.log(
      `Demo: ${r.opd.baris} OPD/unit (${r.opd.dibuat} baru), ${r.pegawai.baris} pegawai (${r.pegawai.dibuat} baru), ${r.akunDibuat} akun baru.`,
    );
    if (r.jadwal) {
      console.log(
        `Jadwal contoh 17–28 Agustus 2020 diterbitkan: ${r.jadwal.pegawai} pegawai × ${r.jadwal.hari} hari, ${r.jadwal.ketidakhadiran} cuti/sakit/isolasi, ${r.jadwal.pelanggaran} pelanggaran.`,
      );
    }
    if (!o.serve) return;
    const s = await startServer({ db, port: Number(o.port), host: o.host });
    printAccounts(s.url);
  });

const pemda = program.command('pemda').description('mengelola Pemda (tenant)');
pemda
  .command('create')
  .description('membuat Pemda baru dengan jam kerja Perpres 21/2023 dan kalender libur nasional')
  .requiredOption('--kode <kode>', 'kode huruf kecil, mis. kab-kudus')
  .requiredOption('--nama <nama>', 'nama, mis. "Pemerintah Kabupaten Kudus"')
  .addOption(new Option('--jenis <jenis>', 'jenis Pemda').choices(JENIS_PEMDA).makeOptionMandatory())
  .addOption(new Option('--zona <zona>', 'zona waktu IANA').choices(ZONA_WAKTU).default('Asia/Jakarta'))
  .action(
    async (
      o: {
        kode: string;
        nama: string;
        jenis: (typeof JENIS_PEMDA)[number];
        zona: (typeof ZONA_WAKTU)[number];
      },
      cmd: Command,
    ) =>
      withDb(cmd, async (sdb) => {
        const t = await ensureTenant(sdb.db, {
          kode: o.kode,
          nama: o.nama,
          jenis: o.jenis,
          zonaWaktu: o.zona,
        });
        const n = await withTenant(sdb, t.id, (trx) => seedHolidays(trx, t.id));
        console.log(
          t.created ? `Pemda ${o.kode} dibuat (${n} hari libur dimuat).` : `Pemda ${o.kode} sudah ada.`,
        );
      }),
  );

const imp = program
  .command('import')
  .description('mengimpor OPD atau pegawai (CSV/XLSX), semua atau tidak sama sekali');
for (const jenis of ['opd', 'pegawai'] as const) {
  imp
    .command(jenis)
    .argument('<file>', 'berkas .csv atau .xlsx')
    .option('--berlaku <tanggal>', 'tanggal mulai berlaku (YYYY-MM-DD); bawaan hari ini')
    .description(`mengimpor ${jenis === 'opd' ? 'OPD dan unit' : 'pegawai'}`)
    .action(async (file: string, o: { berlaku?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch {
          throw new UserError(`Berkas ${file} tidak dapat dibaca`);
        }
        const bar = progressBar();
        try {
          const table = await readTable(data, basename(file));
          const opts = {
            actor: SYSTEM_ACTOR,
            writableOpdIds: null,
            berlakuMulai: o.berlaku,
            onProgress: (f: string, d: number, n: number) => bar.update(f, d, n),
          };
          const r =
            jenis === 'opd'
              ? await importOpd(sdb, tenantId, table, opts)
              : await importPegawai(sdb, tenantId, table, opts);
          bar.stop();
          console.log(
            `${file}: ${r.baris} baris — ${r.dibuat} baru, ${r.diubah} diubah, ${r.tidakBerubah} tidak berubah.`,
          );
        } catch (e) {
          bar.stop();
          if (e instanceof AppError && e.issues) {
            console.error(`${file}: ${teks(e.pesan, lang)}`);
            cetakMasalah(file, e.issues);
            throw new UserError('');
          }
          throw e;
        }
      }),
    );
}

program
  .command('export')
  .argument('<jenis>', 'opd atau pegawai')
  .addOption(new Option('--format <format>', 'format').choices(['csv', 'xlsx', 'json']).default('csv'))
  .option('--out <file>', 'berkas tujuan (bawaan: layar)')
  .option('--tanggal <tanggal>', 'data per tanggal (YYYY-MM-DD)')
  .description('mengekspor dalam format impor (bolak-balik tanpa perubahan)')
  .action(
    async (
      jenis: string,
      o: { format: 'csv' | 'xlsx' | 'json'; out?: string; tanggal?: string },
      cmd: Command,
    ) => {
      if (jenis !== 'opd' && jenis !== 'pegawai')
        throw new CommanderError(2, 'usage', 'jenis harus opd atau pegawai');
      await withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const rows = await withTenant(sdb, tenantId, async (trx) => {
          const asOf = o.tanggal ?? (await tenantToday(trx, tenantId));
          return jenis === 'opd'
            ? exportOpdRows(trx, asOf)
            : exportPegawaiRows(trx, asOf, { opdIds: null, selfPegawaiId: null });
        });
        const columns = jenis === 'opd' ? OPD_COLUMNS : PEGAWAI_EXPORT_COLUMNS;
        const out: string | Buffer =
          o.format === 'json'
            ? `${JSON.stringify(rows, null, 2)}\n`
            : o.format === 'xlsx'
              ? await toXlsx(jenis, columns, rows)
              : toCsv(columns, rows);
        if (o.out) {
          writeFileSync(o.out, out);
          console.error(`${rows.length} baris ditulis ke ${o.out}`);
        } else if (o.format === 'xlsx') {
          throw new UserError('Format xlsx perlu --out <berkas>');
        } else process.stdout.write(out);
      });
    },
  );

const policy = program.command('policy').description('kebijakan sistem kerja (surat edaran) sebagai dokumen');

/** One line per problem: the file, the row (line) and the column (or field path), the words, the code. */
function cetakMasalah(file: string, issues: readonly ImportIssue[]) {
  for (const i of issues) {
    const letak = [i.baris ? `baris ${i.baris}` : '', i.kolom ? `kolom ${i.kolom}` : '']
      .filter(Boolean)
      .join(', ');
    console.error(`  ${file}${letak ? `: ${letak}` : ''}: ${teks(i.pesan, lang)} [${i.kode}]`);
  }
}

function cetakTemuan(file: string, temuan: readonly Temuan[]) {
  const label = { galat: 'GALAT', konflik: 'KONFLIK', peringatan: 'PERINGATAN' } as const;
  for (const t of temuan) console.log(`  ${file}: ${label[t.tingkat]} [${t.kode}] ${teks(t.pesan, lang)}`);
}

function bacaBerkas(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`Berkas ${file} tidak dapat dibaca`);
  }
}

/** A database to check against, if one exists (validate works on the document alone otherwise). */
async function dbJikaAda(cmd: Command): Promise<SigapDatabase | null> {
  const db = globals(cmd).db;
  if (!/^postgres(ql)?:\/\//.test(db) && !existsSync(db)) return null;
  return openDatabase(db);
}

policy
  .command('validate')
  .argument('<file>', 'dokumen kebijakan .yaml atau .json')
  .description(
    'memeriksa dokumen: skema, lalu (bila ada data) organisasi, kalender, konflik dan batas yang tak terpenuhi',
  )
  .action(async (file: string, _o: unknown, cmd: Command) => {
    const text = bacaBerkas(file);
    const parsed = parseKebijakan(text);
    if (!parsed.ok) {
      console.error(`${file}: dokumen tidak sah (${parsed.masalah.length} masalah):`);
      cetakMasalah(
        file,
        parsed.masalah.map((m) => ({
          baris: m.baris ?? 0,
          kolom: m.jalur,
          kode: 'KEBIJAKAN_TIDAK_SAH',
          pesan: m.pesan,
        })),
      );
      throw new UserError('');
    }
    const k = parsed.kebijakan;
    console.log(
      `${file}: skema sah — ${k.judul} No. ${k.nomor} versi ${k.versi} (${k.aturan.length} aturan, status ${k.status})`,
    );
    const sdb = await dbJikaAda(cmd);
    if (!sdb) {
      console.log('  (tanpa basis data: organisasi dan kalender tidak diperiksa)');
      return;
    }
    try {
      const tenants = await listTenants(sdb.db);
      if (tenants.length === 0) {
        console.log('  (belum ada Pemda: organisasi dan kalender tidak diperiksa)');
        return;
      }
      const tenantId = await tenantOf(sdb, cmd);
      const v = await withTenant(sdb, tenantId, async (trx) =>
        validasi(trx, tenantId, text, await tenantToday(trx, tenantId)),
      );
      if (v.temuan.length === 0)
        console.log('  Tidak ada temuan terhadap organisasi, kalender dan kebijakan lain.');
      cetakTemuan(file, v.temuan);
      if (v.temuan.some((t) => t.tingkat === 'galat')) throw new UserError('');
    } finally {
      await sdb.close();
    }
  });

policy
  .command('apply')
  .argument('<file>', 'dokumen kebijakan .yaml atau .json')
  .description('menyimpan kebijakan baru, atau versi revisi dari kebijakan dengan id yang sama')
  .action(async (file: string, _o: unknown, cmd: Command) => {
    const text = bacaBerkas(file);
    await withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const r = await denganMasalahBerkas(file, () =>
        withTenant(sdb, tenantId, async (trx) =>
          simpan(trx, tenantId, SYSTEM_ACTOR, text, await tenantToday(trx, tenantId)),
        ),
      );
      console.log(
        r.berubah
          ? `${file}: kebijakan ${r.id} versi ${r.versi} disimpan (${r.status})${r.diganti?.length ? `; versi ${r.diganti.join(', ')} kini diganti` : ''}.`
          : `${file}: kebijakan ${r.id} versi ${r.versi} sudah tersimpan dengan isi yang sama; tidak ada yang berubah.`,
      );
      cetakTemuan(file, r.temuan);
    });
  });

policy
  .command('explain')
  .requiredOption('--nip <nip>', 'NIP atau id_pegawai')
  .requiredOption('--date <tanggal>', 'tanggal YYYY-MM-DD')
  .option('--json', 'keluaran JSON')
  .description(
    'aturan mana dari kebijakan mana yang berlaku bagi seorang pegawai pada suatu tanggal, dan mengapa',
  )
  .action(async (o: { nip: string; date: string; json?: boolean }, cmd: Command) => {
    if (!isIsoDate(o.date)) throw new UserError(`--date: "${o.date}" bukan tanggal YYYY-MM-DD`);
    await withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const r = await withTenant(sdb, tenantId, (trx) => jelaskan(trx, tenantId, o.nip, o.date));
      if (o.json) {
        console.log(JSON.stringify(r, null, 2));
        return;
      }
      console.log(cetakPenjelasan(r, lang));
    });
  });

policy
  .command('list')
  .description('daftar kebijakan tersimpan dengan versi dan statusnya')
  .action(async (_o: unknown, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const rows = await withTenant(sdb, tenantId, (trx) => listKebijakan(trx));
      if (rows.length === 0) console.log('Belum ada kebijakan.');
      for (const r of rows)
        console.log(`${r.id}  v${r.versi}  ${r.status.padEnd(8)} ${r.tanggal}  ${r.nomor}  ${r.judul}`);
    }),
  );

for (const status of ['aktif', 'dicabut'] as const) {
  policy
    .command(status === 'aktif' ? 'activate' : 'revoke')
    .argument('<id>', 'id kebijakan')
    .argument('<versi>', 'nomor versi')
    .description(
      status === 'aktif'
        ? 'mengaktifkan satu versi (versi aktif lainnya menjadi diganti)'
        : 'mencabut satu versi',
    )
    .action(async (id: string, versi: string, _o: unknown, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const r = await withTenant(sdb, tenantId, (trx) =>
          ubahStatus(trx, tenantId, SYSTEM_ACTOR, id, Number(versi), status),
        );
        console.log(
          r.berubah
            ? `Kebijakan ${id} versi ${versi} kini ${status}.`
            : `Kebijakan ${id} versi ${versi} sudah ${status}.`,
        );
      }),
    );
}

policy
  .command('context')
  .description(
    'mencatat zona risiko dan/atau level PPKM yang berlaku mulai suatu tanggal (untuk batas nasional)',
  )
  .requiredOption('--dari <tanggal>', 'berlaku mulai (YYYY-MM-DD)')
  .addOption(
    new Option('--zona <zona>', 'zona risiko Satgas').choices([
      'tidak_terdampak',
      'rendah',
      'sedang',
      'tinggi',
    ]),
  )
  .addOption(new Option('--level <n>', 'level PPKM').choices(['1', '2', '3', '4']))
  .option('--dasar <teks>', 'dasar penetapan', '')
  .action(async (o: { dari: string; zona?: string; level?: string; dasar: string }, cmd: Command) => {
    if (!isIsoDate(o.dari)) throw new UserError(`--dari: "${o.dari}" bukan tanggal YYYY-MM-DD`);
    if (!o.zona && !o.level) throw new UserError('Isi --zona atau --level');
    await withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      await withTenant(sdb, tenantId, (trx) =>
        catatKonteks(trx, tenantId, SYSTEM_ACTOR, {
          dari: o.dari,
          zona: o.zona ?? null,
          levelPpkm: o.level ? Number(o.level) : null,
          dasar: o.dasar,
        }),
      );
      console.log(`Konteks wilayah mulai ${o.dari} dicatat.`);
    });
  });

const roster = program.command('roster').description('rekapitulasi jadwal WFO/WFH/piket');

roster
  .command('generate')
  .requiredOption('--from <tanggal>', 'tanggal awal (YYYY-MM-DD)')
  .requiredOption('--to <tanggal>', 'tanggal akhir (YYYY-MM-DD)')
  .option('--opd <kode>', 'hanya OPD/unit ini (beserta unitnya)')
  .option('--kohort', 'tim A / tim B: orang yang sama pada hari yang sama')
  .option(
    '--urutan <sasaran>',
    `urutan sasaran lunak, dipisah koma (bawaan ${URUTAN_SASARAN_BAKU.join(',')})`,
  )
  .description(
    'membuat (atau membuat ulang) jadwal dalam batas semua kebijakan; disimpan sebagai draf versi baru',
  )
  .action(
    async (o: { from: string; to: string; opd?: string; kohort?: boolean; urutan?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const urutan = o.urutan?.split(',').map((x) => x.trim());
        const salah = urutan?.filter((x) => !(URUTAN_SASARAN_BAKU as readonly string[]).includes(x)) ?? [];
        if (salah.length > 0)
          throw new UserError(
            `--urutan: "${salah.join(', ')}" tidak dikenal; pilihan: ${URUTAN_SASARAN_BAKU.join(', ')}`,
          );
        const r = await withTenant(sdb, tenantId, (trx) =>
          buatJadwal(trx, tenantId, SYSTEM_ACTOR, o.from, o.to, o.opd, {
            kohort: o.kohort,
            urutanSasaran: urutan as Sasaran[] | undefined,
          }),
        );
        const jumlah = Object.entries(r.jumlah)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        console.log(
          `Jadwal ${r.dari} s.d. ${r.sampai}${r.opdKode ? ` (${r.opdKode})` : ''}: ${r.pegawai} pegawai × ${r.hari} hari — ${jumlah}.`,
        );
        if (r.pelanggaran.length === 0) console.log('Semua aturan terpenuhi.');
        else {
          console.log(`${r.pelanggaran.length} aturan tidak dapat dipenuhi:`);
          for (const p of r.pelanggaran.slice(0, 50)) console.log(`  ${teks(p.pesan, lang)}`);
          if (r.pelanggaran.length > 50) console.log(`  … dan ${r.pelanggaran.length - 50} lainnya`);
        }
      }),
  );

roster
  .command('export')
  .requiredOption('--from <tanggal>', 'tanggal awal (YYYY-MM-DD)')
  .requiredOption('--to <tanggal>', 'tanggal akhir (YYYY-MM-DD)')
  .option('--opd <kode>', 'hanya OPD/unit ini (beserta unitnya)')
  .addOption(new Option('--format <format>', 'format').choices(['csv', 'json', 'xlsx', 'pdf']).default('csv'))
  .option('--out <file>', 'berkas tujuan (bawaan: layar; wajib untuk xlsx dan pdf)')
  .description(
    'rekapitulasi jadwal: CSV/JSON satu baris per pegawai per hari; XLSX satu lembar per OPD; PDF siap cetak',
  )
  .action(
    async (
      o: { from: string; to: string; opd?: string; format: 'csv' | 'json' | 'xlsx' | 'pdf'; out?: string },
      cmd: Command,
    ) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        if (o.format === 'xlsx' || o.format === 'pdf') {
          if (!o.out) throw new UserError(`Format ${o.format} perlu --out <berkas>`);
          const d = await withTenant(sdb, tenantId, (trx) =>
            dokumenRekap(trx, tenantId, o.from, o.to, o.opd),
          );
          writeFileSync(o.out, o.format === 'xlsx' ? await rekapXlsx(d) : await rekapPdf(d));
          console.error(`Rekap ${d.opd.length} OPD ditulis ke ${o.out}`);
          return;
        }
        const rows = await withTenant(sdb, tenantId, (trx) => rekap(trx, tenantId, o.from, o.to, o.opd));
        const text = o.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(KOLOM_REKAP, rows);
        if (o.out) {
          writeFileSync(o.out, text);
          console.error(`${rows.length} baris ditulis ke ${o.out}`);
        } else process.stdout.write(text);
      }),
  );

roster
  .command('import')
  .argument('<file>', 'berkas .csv atau .xlsx dengan kolom ekspor rekap')
  .description('memuat rekap jadwal buatan tangan sebagai draf versi baru; lalu jalankan `roster check`')
  .action(async (file: string, _o: unknown, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const table = await bacaTabel(file);
      const r = await denganMasalahBerkas(file, () =>
        withTenant(sdb, tenantId, (trx) => imporRekap(trx, tenantId, SYSTEM_ACTOR, table, null)),
      );
      console.log(
        `${file}: ${r.sel} sel (${r.pegawai} pegawai, ${r.dari} s.d. ${r.sampai}) dimuat sebagai draf ${r.id}. Periksa: sigap roster check --from ${r.dari} --to ${r.sampai}`,
      );
    }),
  );

roster
  .command('versions')
  .option('--from <tanggal>', 'tanggal awal (YYYY-MM-DD)')
  .option('--to <tanggal>', 'tanggal akhir (YYYY-MM-DD)')
  .description('versi jadwal (terbaru dahulu): draf atau terbit, dibuat oleh siapa, berapa sel')
  .action(async (o: { from?: string; to?: string }, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const v = await withTenant(sdb, tenantId, (trx) => daftarVersi(trx, o.from, o.to));
      if (v.length === 0) console.log('Belum ada versi jadwal.');
      for (const x of v) {
        console.log(
          `${x.id}  ${x.status.padEnd(6)} ${x.jenis.padEnd(5)} ${x.dari} s.d. ${x.sampai}${x.opdKode ? ` ${x.opdKode}` : ''}  ${x.sel} sel, ${x.pelanggaran} pelanggaran  (${x.dibuatOleh}, ${x.dibuatPada})`,
        );
      }
    }),
  );

roster
  .command('publish')
  .option('--id <uuid>', 'versi yang diterbitkan')
  .option('--from <tanggal>', 'atau: semua draf yang bersinggungan dengan periode ini (terlama dahulu)')
  .option('--to <tanggal>', 'akhir periode')
  .description('menerbitkan draf jadwal; setiap pegawai di dalamnya mendapat pemberitahuan')
  .action(async (o: { id?: string; from?: string; to?: string }, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      if (!o.id && !(o.from && o.to)) throw new UserError('Isi --id, atau --from dan --to');
      const ids = o.id
        ? [o.id]
        : (await withTenant(sdb, tenantId, (trx) => daftarVersi(trx, o.from, o.to)))
            .filter((v) => v.status === 'draft')
            .reverse()
            .map((v) => v.id);
      if (ids.length === 0) console.log('Tidak ada draf untuk diterbitkan.');
      for (const id of ids) {
        const r = await withTenant(sdb, tenantId, (trx) => terbitkan(trx, tenantId, SYSTEM_ACTOR, id));
        console.log(`Versi ${id} terbit; ${r.diberitahu} pegawai diberi tahu.`);
      }
    }),
  );

roster
  .command('check')
  .requiredOption('--from <tanggal>', 'tanggal awal (YYYY-MM-DD)')
  .requiredOption('--to <tanggal>', 'tanggal akhir (YYYY-MM-DD)')
  .description('setiap cara jadwal yang tersimpan melanggar kebijakan; keluar dengan kode 1 bila ada')
  .action(async (o: { from: string; to: string }, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const t = await withTenant(sdb, tenantId, (trx) => periksa(trx, tenantId, o.from, o.to));
      if (t.length === 0) {
        console.log(`Jadwal ${o.from} s.d. ${o.to}: tidak ada pelanggaran.`);
        return;
      }
      for (const x of t) console.log(`${x.tanggal} [${x.kode}] ${teks(x.pesan, lang)}`);
      console.log(`${t.length} pelanggaran.`);
      throw new UserError('');
    }),
  );

const leave = program.command('leave').description('daftar cuti, sakit dan isolasi');
leave
  .command('import')
  .argument('<file>', 'berkas .csv atau .xlsx: nip,jenis,dari,sampai,keterangan (id_pegawai untuk non-ASN)')
  .description(
    `mengimpor ketidakhadiran yang sudah disetujui (jenis: ${JENIS_CUTI.join(', ')}); semua atau tidak sama sekali`,
  )
  .action(async (file: string, _o: unknown, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const tenantId = await tenantOf(sdb, cmd);
      const table = await bacaTabel(file);
      const r = await denganMasalahBerkas(file, () =>
        withTenant(sdb, tenantId, async (trx) =>
          imporCuti(trx, tenantId, SYSTEM_ACTOR, table, await tenantToday(trx, tenantId), null),
        ),
      );
      console.log(
        `${file}: ${r.jumlah} ketidakhadiran dicatat${r.jadwal ? `; ${r.jadwal.sel} sel jadwal menjadi tidak hadir` : ''}.`,
      );
    }),
  );

const user = program.command('user').description('mengelola akun');
user
  .command('create')
  .description('membuat (atau memperbarui) akun')
  .requiredOption('--username <username>')
  .requiredOption('--nama <nama>')
  .requiredOption(
    '--role <peran...>',
    `peran (${ROLES.join(', ')}); peran berlingkup: opd_admin:KODE, unit_head:KODE`,
  )
  .option('--nip <nip>', 'NIP pegawai yang ditautkan (wajib untuk peran employee)')
  .addOption(
    new Option('--password <password>', 'kata sandi (lebih aman lewat SIGAP_PASSWORD)').env('SIGAP_PASSWORD'),
  )
  .action(
    async (
      o: { username: string; nama: string; role: string[]; nip?: string; password?: string },
      cmd: Command,
    ) => {
      if (!o.password) throw new UserError('Kata sandi wajib: --password atau SIGAP_PASSWORD');
      const roles = o.role.map((r) => {
        const [role, opdKode] = r.split(':');
        if (!ROLES.includes(role as Role))
          throw new UserError(`Peran "${role}" tidak dikenal; pilihan: ${ROLES.join(', ')}`);
        return { role: role as Role, opdKode: opdKode ?? null };
      });
      await withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const r = await withTenant(sdb, tenantId, (trx) =>
          upsertUser(trx, tenantId, SYSTEM_ACTOR, {
            username: o.username,
            nama: o.nama,
            password: o.password!,
            nip: o.nip,
            roles,
          }),
        );
        console.log(`Akun ${o.username} ${r.created ? 'dibuat' : 'diperbarui'}.`);
      });
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
      process.exit(0);
    process.exit(2);
  }
  if (e instanceof UserError) {
    if (e.message) console.error(e.message);
    process.exit(1);
  }
  if (e instanceof AppError || e instanceof FolderDipakai) {
    console.error(teks(e.pesan, lang));
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
}
