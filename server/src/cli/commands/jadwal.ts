import { writeFileSync } from 'node:fs';
import { type Sasaran, teks, URUTAN_SASARAN_BAKU } from '@sigap/domain';
import { type Command, Option } from 'commander';
import { lang, t } from '../bantuan.ts';
import {
  bacaTabel,
  denganMasalahBerkas,
  mAktor,
  mDb,
  mEkspor,
  mJadwal,
  tenantOf,
  UserError,
  withDb,
} from '../umum.ts';

// sigap roster: schedule build, export, import, versions, publish, check.

export function perintahJadwal(program: Command): void {
  const roster = program
    .command('roster')
    .description(t('rekapitulasi jadwal WFO/WFH/piket', 'the WFO/WFH/piket schedule recap'));
  perintahBuatDanRekap(roster);
  perintahVersi(roster);
}

/** generate, export, import: building a schedule and moving its recap in and out. */
function perintahBuatDanRekap(roster: Command): void {
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
      async (
        o: { from: string; to: string; opd?: string; kohort?: boolean; urutan?: string },
        cmd: Command,
      ) =>
        withDb(cmd, async (sdb) => {
          const [{ withTenant }, { SYSTEM_ACTOR }, { buatJadwal }] = await Promise.all([
            mDb(),
            mAktor(),
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
                ? await (await import('../../modules/jadwal/rekap/xlsx.ts')).rekapXlsx(d)
                : await (await import('../../modules/jadwal/rekap/pdf.ts')).rekapPdf(d),
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
          mAktor(),
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
}

/** versions, publish, check: the stored versions and what breaks the policies. */
function perintahVersi(roster: Command): void {
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
        const [{ withTenant }, { SYSTEM_ACTOR }, { daftarVersi, statusVersi, terbitkan }] = await Promise.all(
          [mDb(), mAktor(), mJadwal()],
        );
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
            !o.id && (await statusVersi(trx, id)) === 'terbit'
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
}
