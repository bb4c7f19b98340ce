import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type ImportIssue,
  JENIS_CUTI,
  JENIS_PEMDA,
  masalahTanggal,
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
import { Argument, Command, CommanderError, Option } from 'commander';
import type { SigapDatabase } from '../db/database.ts';
import { FolderDipakai } from '../db/folder-lock.ts';
import { AppError } from '../errors.ts';
import { lang, pasangBantuan, t } from './bantuan.ts';
import { cetakPenjelasan } from './explain-text.ts';
import { progressBar } from './progress.ts';

// Modules behind the commands are loaded when a command runs (built CLI: separate chunks), so that
// `sigap --help` or a mistyped option answers without loading PGlite, Fastify, ExcelJS or PDFKit.
const mDb = () => import('../db/database.ts');
const mAudit = () => import('../modules/audit/audit.repository.ts');
const mTenant = () => import('../modules/tenant/tenant.service.ts');
const mTenantRepo = () => import('../modules/tenant/tenant.repository.ts');
const mOrg = () => import('../modules/org/org.service.ts');
const mImpor = () => import('../modules/impor/impor.service.ts');
const mBaca = () => import('../modules/impor/file-reader.ts');
const mEkspor = () => import('../modules/impor/ekspor.service.ts');
const mKebijakan = () => import('../modules/kebijakan/kebijakan.service.ts');
const mKebijakanRepo = () => import('../modules/kebijakan/kebijakan.repository.ts');
const mJadwal = () => import('../modules/jadwal/jadwal.service.ts');
const mCuti = () => import('../modules/cuti/cuti.service.ts');
const mUsers = () => import('../modules/auth/users.service.ts');
const mDemo = () => import('../modules/demo/demo.service.ts');
const mServer = () => import('../server.ts');

/** Raised for a wrong file, row or field: exit code 1. */
class UserError extends Error {}

/** Raised for a wrong option value (as commander's own option errors): exit code 2, nothing written. */
class MasukanSalah extends Error {}

/** A date option: refused in words (the same as the API's) when it is not a date Sigap supports. */
function tanggalOpsi(s: string, opsi: string): void {
  const p = masalahTanggal(s, opsi);
  if (p) throw new UserError(t(p.id, p.en));
}

/** Reads a CSV/XLSX file named on the command line, or says it cannot. */
async function bacaTabel(file: string) {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UserError(`Berkas ${file} tidak dapat dibaca`);
  }
  const { readTable } = await mBaca();
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

/**
 * `--db` must name an existing Sigap data folder: a typo would otherwise create an empty database
 * silently. Only the commands that make a database (`demo`, `pemda create`) may name a missing or empty
 * folder; no command initialises a folder that holds other files.
 */
function periksaFolderData(db: string, membuat: boolean): void {
  if (/^postgres(ql)?:\/\//.test(db) || db === 'memory://') return;
  const isi = existsSync(db) ? readdirSync(db).filter((f) => f !== 'sigap.lock') : null;
  if (isi && isi.length > 0 && !isi.includes('PG_VERSION'))
    throw new UserError(
      t(
        `${db} bukan folder data Sigap (tidak ada PG_VERSION di dalamnya); periksa --db atau DATABASE_URL.`,
        `${db} is not a Sigap data folder (it holds no PG_VERSION); check --db or DATABASE_URL.`,
      ),
    );
  if (!membuat && (!isi || isi.length === 0))
    throw new UserError(
      t(
        `Folder data ${db} belum ada. Periksa --db atau DATABASE_URL; untuk basis data baru jalankan dahulu \`sigap --db ${db} pemda create …\` atau \`sigap --db ${db} demo\`.`,
        `The data folder ${db} does not exist. Check --db or DATABASE_URL; for a new database first run \`sigap --db ${db} pemda create …\` or \`sigap --db ${db} demo\`.`,
      ),
    );
}

async function withDb<T>(
  cmd: Command,
  fn: (sdb: SigapDatabase) => Promise<T>,
  opts: { membuat?: boolean } = {},
): Promise<T> {
  periksaFolderData(globals(cmd).db, opts.membuat === true);
  const { openDatabase } = await mDb();
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
  const { listTenants } = await mTenantRepo();
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

async function printAccounts(url: string) {
  const { DEMO_ACCOUNTS } = await import('../modules/demo/demo-data.ts');
  console.log(`\nSigap berjalan di / is running at: ${url}`);
  console.log('Akun demo / demo sign-ins (Pemda: kota-batu):');
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.username.padEnd(14)} ${a.password}   ${a.role}${a.opdKode ? ` (${a.opdKode})` : ''}`);
  console.log('Tekan Ctrl+C untuk berhenti / press Ctrl+C to stop.');
}

const program = new Command('sigap')
  .description(
    t(
      'Sigap — sistem kerja ASN Pemda (WFH/WFO/piket)',
      "Sigap — work arrangements for a Pemda's civil servants (WFH/WFO/piket)",
    ),
  )
  .addOption(
    new Option('--db <url>', t('postgres:// URL atau folder PGlite', 'postgres:// URL or PGlite folder'))
      .env('DATABASE_URL')
      .default('./data'),
  )
  .addOption(
    new Option(
      '--tenant <kode>',
      t('kode Pemda bila lebih dari satu', 'Pemda code when there is more than one'),
    ).env('SIGAP_TENANT'),
  )
  .exitOverride()
  .showHelpAfterError();

program
  .command('serve')
  .description(
    t(
      'menjalankan aplikasi web dan API (migrasi dijalankan saat mulai)',
      'runs the web app and API (migrations run at start)',
    ),
  )
  .addOption(new Option('--port <port>', t('port', 'port')).env('PORT').default('3000'))
  .addOption(new Option('--host <host>', t('alamat', 'address')).env('SIGAP_HOST').default('127.0.0.1'))
  .action(async (o: { port: string; host: string }, cmd: Command) => {
    periksaFolderData(globals(cmd).db, false);
    const { startServer } = await mServer();
    const s = await startServer({ db: globals(cmd).db, port: Number(o.port), host: o.host });
    console.log(`Sigap berjalan di / is running at: ${s.url}`);
  });

program
  .command('demo')
  .description(
    t(
      'mengisi Pemda contoh (idempoten), lalu menjalankan server',
      'seeds the demo Pemda (idempotent), then runs the server',
    ),
  )
  .option('--no-serve', t('hanya mengisi data, tanpa server', 'only seed the data, no server'))
  .addOption(new Option('--port <port>', t('port', 'port')).env('PORT').default('3000'))
  .addOption(new Option('--host <host>', t('alamat', 'address')).env('SIGAP_HOST').default('127.0.0.1'))
  .action(async (o: { serve: boolean; port: string; host: string }, cmd: Command) => {
    const db = globals(cmd).db;
    periksaFolderData(db, true);
    const [{ openDatabase }, { seedDemo }, { startServer }] = await Promise.all([mDb(), mDemo(), mServer()]);
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
    await printAccounts(s.url);
  });

const pemda = program.command('pemda').description(t('mengelola Pemda (tenant)', 'manages Pemdas (tenants)'));
pemda
  .command('create')
  .description(
    t(
      'membuat Pemda baru dengan jam kerja Perpres 21/2023 dan kalender libur nasional',
      'creates a Pemda with Perpres 21/2023 working hours and the national holiday calendar',
    ),
  )
  .requiredOption('--kode <kode>', t('kode huruf kecil, mis. kab-kudus', 'lower-case code, e.g. kab-kudus'))
  .requiredOption(
    '--nama <nama>',
    t('nama, mis. "Pemerintah Kabupaten Kudus"', 'name, e.g. "Pemerintah Kabupaten Kudus"'),
  )
  .addOption(
    new Option('--jenis <jenis>', t('jenis Pemda', 'kind of Pemda'))
      .choices(JENIS_PEMDA)
      .makeOptionMandatory(),
  )
  .addOption(
    new Option('--zona <zona>', t('zona waktu IANA', 'IANA time zone'))
      .choices(ZONA_WAKTU)
      .default('Asia/Jakarta'),
  )
  .action(
    async (
      o: {
        kode: string;
        nama: string;
        jenis: (typeof JENIS_PEMDA)[number];
        zona: (typeof ZONA_WAKTU)[number];
      },
      cmd: Command,
    ) => {
      const [{ withTenant }, { ensureTenant, periksaTenantBaru, seedHolidays }] = await Promise.all([
        mDb(),
        mTenant(),
      ]);
      // A wrong code or name is refused before the data folder is opened (or created).
      const masukan = (e: unknown) =>
        e instanceof AppError && (e.code === 'VALIDASI' || e.code === 'KONFLIK')
          ? new MasukanSalah(teks(e.pesan, lang).replace(/^kode:/, '--kode:'))
          : e;
      try {
        periksaTenantBaru(o, { kode: '--kode', nama: '--nama' });
      } catch (e) {
        throw masukan(e);
      }
      await withDb(
        cmd,
        async (sdb) => {
          const t = await ensureTenant(sdb.db, {
            kode: o.kode,
            nama: o.nama,
            jenis: o.jenis,
            zonaWaktu: o.zona,
          }).catch((e: unknown) => {
            throw masukan(e);
          });
          const n = await withTenant(sdb, t.id, (trx) => seedHolidays(trx, t.id));
          console.log(
            t.created ? `Pemda ${o.kode} dibuat (${n} hari libur dimuat).` : `Pemda ${o.kode} sudah ada.`,
          );
        },
        { membuat: true },
      );
    },
  );

const imp = program
  .command('import')
  .description(
    t(
      'mengimpor OPD atau pegawai (CSV/XLSX), semua atau tidak sama sekali',
      'imports OPDs or employees (CSV/XLSX), all or nothing',
    ),
  );
for (const jenis of ['opd', 'pegawai'] as const) {
  imp
    .command(jenis)
    .argument('<file>', t('berkas .csv atau .xlsx', '.csv or .xlsx file'))
    .option(
      '--berlaku <tanggal>',
      t('tanggal mulai berlaku (YYYY-MM-DD); bawaan hari ini', 'effective date (YYYY-MM-DD); default today'),
    )
    .description(
      jenis === 'opd'
        ? t('mengimpor OPD dan unit', 'imports OPDs and units')
        : t('mengimpor pegawai', 'imports employees'),
    )
    .action(async (file: string, o: { berlaku?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch {
          throw new UserError(`Berkas ${file} tidak dapat dibaca`);
        }
        const [{ readTable }, { SYSTEM_ACTOR }, { importOpd, importPegawai }] = await Promise.all([
          mBaca(),
          mAudit(),
          mImpor(),
        ]);
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
  .addArgument(new Argument('<jenis>', t('opd atau pegawai', 'opd or pegawai')).choices(['opd', 'pegawai']))
  .addOption(
    new Option('--format <format>', t('format', 'format')).choices(['csv', 'xlsx', 'json']).default('csv'),
  )
  .option('--out <file>', t('berkas tujuan (bawaan: layar)', 'output file (default: screen)'))
  .option('--tanggal <tanggal>', t('data per tanggal (YYYY-MM-DD)', 'data as of this date (YYYY-MM-DD)'))
  .description(
    t(
      'mengekspor dalam format impor (bolak-balik tanpa perubahan)',
      'exports in the import format (a round trip changes nothing)',
    ),
  )
  .action(
    async (
      jenis: 'opd' | 'pegawai',
      o: { format: 'csv' | 'xlsx' | 'json'; out?: string; tanggal?: string },
      cmd: Command,
    ) => {
      await withDb(cmd, async (sdb) => {
        const [{ withTenant }, { tenantToday }, ekspor] = await Promise.all([mDb(), mOrg(), mEkspor()]);
        const { exportOpdRows, exportPegawaiRows, PEGAWAI_EXPORT_COLUMNS, toCsv, toXlsx } = ekspor;
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

const policy = program
  .command('policy')
  .description(
    t(
      'kebijakan sistem kerja (surat edaran) sebagai dokumen',
      'work-arrangement policies (circulars) as documents',
    ),
  );

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
  const { openDatabase } = await mDb();
  return openDatabase(db);
}

policy
  .command('validate')
  .argument('<file>', t('dokumen kebijakan .yaml atau .json', '.yaml or .json policy document'))
  .description(
    t(
      'memeriksa dokumen: skema, lalu (bila ada data) organisasi, kalender, konflik dan batas yang tak terpenuhi',
      'checks a document: its schema, then (when there is data) organisation, calendar, conflicts and limits that cannot be met',
    ),
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
      const [{ withTenant }, { listTenants }, { validasi }, { tenantToday }] = await Promise.all([
        mDb(),
        mTenantRepo(),
        mKebijakan(),
        mOrg(),
      ]);
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
  .argument('<file>', t('dokumen kebijakan .yaml atau .json', '.yaml or .json policy document'))
  .description(
    t(
      'menyimpan kebijakan baru, atau versi revisi dari kebijakan dengan id yang sama',
      'stores a new policy, or a revised version of the policy with the same id',
    ),
  )
  .action(async (file: string, _o: unknown, cmd: Command) => {
    const text = bacaBerkas(file);
    await withDb(cmd, async (sdb) => {
      const [{ withTenant }, { SYSTEM_ACTOR }, { simpan }, { tenantToday }] = await Promise.all([
        mDb(),
        mAudit(),
        mKebijakan(),
        mOrg(),
      ]);
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
  .requiredOption('--nip <nip>', t('NIP atau id_pegawai', 'NIP or id_pegawai'))
  .requiredOption('--date <tanggal>', t('tanggal YYYY-MM-DD', 'date YYYY-MM-DD'))
  .option('--json', t('keluaran JSON', 'JSON output'))
  .description(
    t(
      'aturan mana dari kebijakan mana yang berlaku bagi seorang pegawai pada suatu tanggal, dan mengapa',
      'which rule of which policy applies to an employee on a date, and why',
    ),
  )
  .action(async (o: { nip: string; date: string; json?: boolean }, cmd: Command) => {
    tanggalOpsi(o.date, '--date');
    await withDb(cmd, async (sdb) => {
      const [{ withTenant }, { jelaskan }] = await Promise.all([mDb(), mKebijakan()]);
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
  .description(
    t(
      'daftar kebijakan tersimpan dengan versi dan statusnya',
      'stored policies with their versions and status',
    ),
  )
  .action(async (_o: unknown, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const [{ withTenant }, { listKebijakan }] = await Promise.all([mDb(), mKebijakanRepo()]);
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
    .argument('<id>', t('id kebijakan', 'policy id'))
    .argument('<versi>', t('nomor versi', 'version number'))
    .description(
      status === 'aktif'
        ? t(
            'mengaktifkan satu versi (versi aktif lainnya menjadi diganti)',
            'activates one version (other active versions become superseded)',
          )
        : t('mencabut satu versi', 'revokes one version'),
    )
    .action(async (id: string, versi: string, _o: unknown, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const [{ withTenant }, { SYSTEM_ACTOR }, { ubahStatus }] = await Promise.all([
          mDb(),
          mAudit(),
          mKebijakan(),
        ]);
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
    t(
      'mencatat zona risiko dan/atau level PPKM yang berlaku mulai suatu tanggal (untuk batas nasional)',
      'records the risk zone and/or PPKM level in force from a date (for national limits)',
    ),
  )
  .requiredOption('--dari <tanggal>', t('berlaku mulai (YYYY-MM-DD)', 'in force from (YYYY-MM-DD)'))
  .addOption(
    new Option('--zona <zona>', t('zona risiko Satgas', 'Satgas risk zone')).choices([
      'tidak_terdampak',
      'rendah',
      'sedang',
      'tinggi',
    ]),
  )
  .addOption(new Option('--level <n>', t('level PPKM', 'PPKM level')).choices(['1', '2', '3', '4']))
  .option('--dasar <teks>', t('dasar penetapan', 'legal basis'), '')
  .action(async (o: { dari: string; zona?: string; level?: string; dasar: string }, cmd: Command) => {
    tanggalOpsi(o.dari, '--dari');
    if (!o.zona && !o.level) throw new UserError('Isi --zona atau --level');
    await withDb(cmd, async (sdb) => {
      const [{ withTenant }, { SYSTEM_ACTOR }, { catatKonteks }] = await Promise.all([
        mDb(),
        mAudit(),
        mKebijakan(),
      ]);
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

const roster = program
  .command('roster')
  .description(t('rekapitulasi jadwal WFO/WFH/piket', 'the WFO/WFH/piket schedule recap'));

roster
  .command('generate')
  .requiredOption('--from <tanggal>', t('tanggal awal (YYYY-MM-DD)', 'first date (YYYY-MM-DD)'))
  .requiredOption('--to <tanggal>', t('tanggal akhir (YYYY-MM-DD)', 'last date (YYYY-MM-DD)'))
  .option('--opd <kode>', t('hanya OPD/unit ini (beserta unitnya)', 'only this OPD/unit (with its units)'))
  .option(
    '--kohort',
    t(
      'tim A / tim B: orang yang sama pada hari yang sama',
      'team A / team B: the same people on the same days',
    ),
  )
  .option(
    '--urutan <sasaran>',
    t(
      `urutan sasaran lunak, dipisah koma (bawaan ${URUTAN_SASARAN_BAKU.join(',')})`,
      `order of soft goals, comma-separated (default ${URUTAN_SASARAN_BAKU.join(',')})`,
    ),
  )
  .description(
    t(
      'membuat (atau membuat ulang) jadwal dalam batas semua kebijakan; disimpan sebagai draf versi baru',
      'builds (or rebuilds) the schedule within every policy; stored as a new draft version',
    ),
  )
  .action(
    async (o: { from: string; to: string; opd?: string; kohort?: boolean; urutan?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const [{ withTenant }, { SYSTEM_ACTOR }, { buatJadwal }] = await Promise.all([
          mDb(),
          mAudit(),
          mJadwal(),
        ]);
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
  .requiredOption('--from <tanggal>', t('tanggal awal (YYYY-MM-DD)', 'first date (YYYY-MM-DD)'))
  .requiredOption('--to <tanggal>', t('tanggal akhir (YYYY-MM-DD)', 'last date (YYYY-MM-DD)'))
  .option('--opd <kode>', t('hanya OPD/unit ini (beserta unitnya)', 'only this OPD/unit (with its units)'))
  .addOption(
    new Option('--format <format>', t('format', 'format'))
      .choices(['csv', 'json', 'xlsx', 'pdf'])
      .default('csv'),
  )
  .option(
    '--out <file>',
    t(
      'berkas tujuan (bawaan: layar; wajib untuk xlsx dan pdf)',
      'output file (default: screen; required for xlsx and pdf)',
    ),
  )
  .description(
    t(
      'rekapitulasi jadwal: CSV/JSON satu baris per pegawai per hari; XLSX satu lembar per OPD; PDF siap cetak',
      'the schedule recap: CSV/JSON one row per employee per day; XLSX one sheet per OPD; PDF ready to print',
    ),
  )
  .action(
    async (
      o: { from: string; to: string; opd?: string; format: 'csv' | 'json' | 'xlsx' | 'pdf'; out?: string },
      cmd: Command,
    ) =>
      withDb(cmd, async (sdb) => {
        const [{ withTenant }, { dokumenRekap, rekap, KOLOM_REKAP }, { toCsv }] = await Promise.all([
          mDb(),
          mJadwal(),
          mEkspor(),
        ]);
        const tenantId = await tenantOf(sdb, cmd);
        if (o.format === 'xlsx' || o.format === 'pdf') {
          if (!o.out) throw new UserError(`Format ${o.format} perlu --out <berkas>`);
          const d = await withTenant(sdb, tenantId, (trx) =>
            dokumenRekap(trx, tenantId, o.from, o.to, o.opd),
          );
          writeFileSync(
            o.out,
            o.format === 'xlsx'
              ? await (await import('../modules/jadwal/dokumen/xlsx.ts')).rekapXlsx(d)
              : await (await import('../modules/jadwal/dokumen/pdf.ts')).rekapPdf(d),
          );
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
  .argument(
    '<file>',
    t(
      'berkas .csv atau .xlsx dengan kolom ekspor rekap',
      ".csv or .xlsx file with the recap export's columns",
    ),
  )
  .description(
    t(
      'memuat rekap jadwal buatan tangan sebagai draf versi baru; lalu jalankan `roster check`',
      'loads a hand-made recap as a new draft version; then run `roster check`',
    ),
  )
  .action(async (file: string, _o: unknown, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const [{ withTenant }, { SYSTEM_ACTOR }, { imporRekap }] = await Promise.all([
        mDb(),
        mAudit(),
        mJadwal(),
      ]);
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
  .option('--from <tanggal>', t('tanggal awal (YYYY-MM-DD)', 'first date (YYYY-MM-DD)'))
  .option('--to <tanggal>', t('tanggal akhir (YYYY-MM-DD)', 'last date (YYYY-MM-DD)'))
  .description(
    t(
      'versi jadwal (terbaru dahulu): draf atau terbit, dibuat oleh siapa, berapa sel',
      'schedule versions (newest first): draft or published, made by whom, how many cells',
    ),
  )
  .action(async (o: { from?: string; to?: string }, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const [{ withTenant }, { daftarVersi }] = await Promise.all([mDb(), mJadwal()]);
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
  .option('--id <uuid>', t('versi yang diterbitkan', 'the version to publish'))
  .option(
    '--from <tanggal>',
    t(
      'atau: semua draf yang bersinggungan dengan periode ini (terlama dahulu)',
      'or: every draft overlapping this period (oldest first)',
    ),
  )
  .option('--to <tanggal>', t('akhir periode', 'end of the period'))
  .description(
    t(
      'menerbitkan draf jadwal; setiap pegawai di dalamnya mendapat pemberitahuan',
      'publishes schedule drafts; every employee in them is notified',
    ),
  )
  .action(async (o: { id?: string; from?: string; to?: string }, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const [{ withTenant }, { SYSTEM_ACTOR }, { daftarVersi, terbitkan }, { jadwalById }] =
        await Promise.all([mDb(), mAudit(), mJadwal(), import('../modules/jadwal/jadwal.repository.ts')]);
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
        const r = await withTenant(sdb, tenantId, async (trx) =>
          // a unit head's change on an earlier draft's cells was published with that draft
          !o.id && (await jadwalById(trx, id))?.status === 'terbit'
            ? null
            : terbitkan(trx, tenantId, SYSTEM_ACTOR, id),
        );
        if (r) console.log(`Versi ${id} terbit; ${r.diberitahu} pegawai diberi tahu.`);
      }
    }),
  );

roster
  .command('check')
  .requiredOption('--from <tanggal>', t('tanggal awal (YYYY-MM-DD)', 'first date (YYYY-MM-DD)'))
  .requiredOption('--to <tanggal>', t('tanggal akhir (YYYY-MM-DD)', 'last date (YYYY-MM-DD)'))
  .description(
    t(
      'setiap cara jadwal yang tersimpan melanggar kebijakan; keluar dengan kode 1 bila ada',
      'every way the stored schedule breaks a policy; exit code 1 if any',
    ),
  )
  .action(async (o: { from: string; to: string }, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const [{ withTenant }, { periksa }] = await Promise.all([mDb(), mJadwal()]);
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

const leave = program
  .command('leave')
  .description(t('daftar cuti, sakit dan isolasi', 'leave, sickness and isolation'));
leave
  .command('import')
  .argument(
    '<file>',
    t(
      'berkas .csv atau .xlsx: nip,jenis,dari,sampai,keterangan (id_pegawai untuk non-ASN)',
      '.csv or .xlsx file: nip,jenis,dari,sampai,keterangan (id_pegawai for non-ASN)',
    ),
  )
  .description(
    t(
      `mengimpor ketidakhadiran yang sudah disetujui (jenis: ${JENIS_CUTI.join(', ')}); semua atau tidak sama sekali`,
      `imports approved absences (kinds: ${JENIS_CUTI.join(', ')}); all or nothing`,
    ),
  )
  .action(async (file: string, _o: unknown, cmd: Command) =>
    withDb(cmd, async (sdb) => {
      const [{ withTenant }, { SYSTEM_ACTOR }, { impor: imporCuti }] = await Promise.all([
        mDb(),
        mAudit(),
        mCuti(),
      ]);
      const tenantId = await tenantOf(sdb, cmd);
      const table = await bacaTabel(file);
      const r = await denganMasalahBerkas(file, () =>
        withTenant(sdb, tenantId, (trx) => imporCuti(trx, tenantId, SYSTEM_ACTOR, table, null)),
      );
      console.log(
        `${file}: ${r.jumlah} ketidakhadiran dicatat${r.jadwal ? `; ${r.jadwal.sel} sel jadwal menjadi tidak hadir` : ''}.`,
      );
    }),
  );

const user = program.command('user').description(t('mengelola akun', 'manages accounts'));
user
  .command('create')
  .description(t('membuat (atau memperbarui) akun', 'creates (or updates) an account'))
  .requiredOption('--username <username>', t('nama pengguna untuk masuk', 'sign-in name'))
  .requiredOption('--nama <nama>', t('nama lengkap', 'full name'))
  .requiredOption(
    '--role <peran...>',
    t(
      `peran (${ROLES.join(', ')}); peran berlingkup: opd_admin:KODE, unit_head:KODE`,
      `roles (${ROLES.join(', ')}); scoped roles: opd_admin:KODE, unit_head:KODE`,
    ),
  )
  .option(
    '--nip <nip>',
    t(
      'NIP pegawai yang ditautkan (wajib untuk peran employee)',
      'NIP of the linked employee (required for the employee role)',
    ),
  )
  .addOption(
    new Option(
      '--password <password>',
      t('kata sandi (lebih aman lewat SIGAP_PASSWORD)', 'password (safer through SIGAP_PASSWORD)'),
    ).env('SIGAP_PASSWORD'),
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
        const [{ withTenant }, { SYSTEM_ACTOR }, { upsertUser }] = await Promise.all([
          mDb(),
          mAudit(),
          mUsers(),
        ]);
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

pasangBantuan(program);
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
  if (e instanceof MasukanSalah) {
    console.error(e.message);
    process.exit(2);
  }
  if (e instanceof AppError || e instanceof FolderDipakai) {
    console.error(teks(e.pesan, lang));
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
}
