// bench/import: rows per second for importing a 50,000-person file (CSV, parsed from bytes) on PGlite
// and on PostgreSQL, with a reference measured in the same run on the same database: a plain
// multi-row INSERT of the same number of rows into a scratch table (what the database alone costs).
// Usage: node bin/run-ts.mjs bench/import.ts [--people 50000] [--pg postgres://…]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeNip, OPD_COLUMNS } from '@sigap/domain';
import { sql } from 'kysely';
import { findPgBin, startPostgres } from '../scripts/pg.mjs';
import { openDatabase, type SigapDatabase } from '../server/src/db/database.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/audit/audit.repository.ts';
import { readTable } from '../server/src/modules/impor/baca-tabel.ts';
import { PEGAWAI_EXPORT_COLUMNS, toCsv } from '../server/src/modules/impor/ekspor.service.ts';
import { importOpd, importPegawai } from '../server/src/modules/impor/impor.service.ts';
import { ensureTenant } from '../server/src/modules/tenant/tenant.service.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PEOPLE = Number(arg('people') ?? 50_000);

function makeFiles(n: number) {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const opd: Record<string, string>[] = [];
  for (let i = 0; i < 200; i++) {
    const top = i % 10 === 0;
    opd.push({
      kode: `OPD${i}`,
      nama: `Unit ${i}`,
      jenis: top ? 'dinas' : 'lainnya',
      induk_kode: top ? '' : `OPD${i - (i % 10)}`,
      kelas_layanan: top ? 'non_pelayanan' : '',
      sektor: '',
      lat: top ? (-7.87 + i / 10000).toFixed(4) : '',
      lng: top ? '112.5260' : '',
      radius_m: top ? '100' : '',
    });
  }
  const levels = ['fungsional', 'pelaksana', 'pelaksana', 'fungsional', 'pengawas'];
  const pegawai: Record<string, string>[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const y = 1965 + Math.floor(rnd() * 35);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const lahir = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const sex = (1 + Math.floor(rnd() * 2)) as 1 | 2;
    const tmtYear = Math.min(2024, y + 22 + Math.floor(rnd() * 10));
    let urut = 1;
    let nip = composeNip({ lahir, tmtYear, tmtMonth: 3, sex, urut });
    while (used.has(nip)) nip = composeNip({ lahir, tmtYear, tmtMonth: 3, sex, urut: ++urut });
    used.add(nip);
    const unit = 1 + (i % 199);
    pegawai.push({
      nip,
      nama: `Pegawai ${i}`,
      jenis_pegawai: 'pns',
      jabatan_level: i < 200 ? 'administrator' : (levels[i % levels.length] as string),
      jabatan: 'Analis',
      opd_kode: `OPD${i < 200 ? i : unit}`,
      atasan_nip: i < 200 ? '' : (pegawai[unit]?.nip ?? ''),
      email: '',
      telepon: '',
      rumah_lat: '-7.8800',
      rumah_lng: '112.5300',
      id_pegawai: '',
    });
  }
  return {
    opdCsv: Buffer.from(toCsv(OPD_COLUMNS, opd)),
    pegawaiCsv: Buffer.from(toCsv(PEGAWAI_EXPORT_COLUMNS, pegawai)),
  };
}

async function measure(label: string, sdb: SigapDatabase, files: ReturnType<typeof makeFiles>) {
  const t = await ensureTenant(sdb.db, {
    kode: 'bench',
    nama: 'Bench',
    jenis: 'kota',
    zonaWaktu: 'Asia/Jakarta',
  });
  const opts = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: '2025-01-01' };
  await importOpd(sdb, t.id, await readTable(files.opdCsv, 'opd.csv'), opts);
  const t0 = performance.now();
  const r = await importPegawai(sdb, t.id, await readTable(files.pegawaiCsv, 'pegawai.csv'), opts);
  const first = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await importPegawai(sdb, t.id, await readTable(files.pegawaiCsv, 'pegawai.csv'), opts);
  const second = (performance.now() - t1) / 1000;
  if (r.dibuat !== PEOPLE || again.tidakBerubah !== PEOPLE)
    throw new Error(`unexpected result ${JSON.stringify({ r, again })}`);
  // Reference: the same number of rows as one plain multi-row INSERT per 1,000 into a scratch table.
  await sql`CREATE TEMP TABLE IF NOT EXISTS ref_insert (nip text, nama text, opd text, level text)`.execute(
    sdb.db,
  );
  const t2 = performance.now();
  await sdb.db.transaction().execute(async (trx) => {
    for (let i = 0; i < PEOPLE; i += 1000) {
      const vals = Array.from(
        { length: Math.min(1000, PEOPLE - i) },
        (_, k) => sql`(${String(i + k)}, ${'Pegawai'}, ${'OPD1'}, ${'pelaksana'})`,
      );
      await sql`INSERT INTO ref_insert VALUES ${sql.join(vals)}`.execute(trx);
    }
  });
  const ref = (performance.now() - t2) / 1000;
  const rps = PEOPLE / first;
  console.log(
    `${label.padEnd(10)} first import ${first.toFixed(2)} s = ${Math.round(rps).toLocaleString('en')} rows/s | ` +
      `re-import (no change) ${second.toFixed(2)} s = ${Math.round(PEOPLE / second).toLocaleString('en')} rows/s | ` +
      `reference plain INSERT ${ref.toFixed(2)} s = ${Math.round(PEOPLE / ref).toLocaleString('en')} rows/s | ` +
      `import/reference time ratio ${(first / ref).toFixed(1)}×`,
  );
}

const files = makeFiles(PEOPLE);
console.log(
  `bench/import: ${PEOPLE.toLocaleString('en')} people, CSV ${(files.pegawaiCsv.length / 1e6).toFixed(1)} MB (validation, NIP checks, supervisor cycle check, versioned placement, audit entry per person)`,
);

const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-'));
const lite = await openDatabase(dir);
await measure('PGlite', lite, files);
await lite.close();
rmSync(dir, { recursive: true, force: true });

const pgUrl = arg('pg') ?? process.env.SIGAP_BENCH_PG_URL;
if (pgUrl) {
  const p = await openDatabase(pgUrl);
  await measure('PostgreSQL', p, files);
  await p.close();
} else if (findPgBin()) {
  const server = await startPostgres();
  try {
    const p = await openDatabase(server.url);
    await measure('PostgreSQL', p, files);
    await p.close();
  } finally {
    server.stop();
  }
} else {
  console.log('PostgreSQL: not installed here; pass --pg <url> to measure it');
}
