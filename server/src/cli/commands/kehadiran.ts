import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { teks } from '@sigap/domain';
import type { Command } from 'commander';
import { lang, t } from '../bantuan.ts';
import { bacaTabel, denganMasalahBerkas, mAktor, tenantOf, UserError, withDb } from '../umum.ts';

// sigap attendance: terminal logs into the attendance record (docs/kehadiran.md).

const mKehadiran = () => import('../../modules/kehadiran/kehadiran.service.ts');
const mPerangkat = () => import('../../modules/kehadiran/perangkat.service.ts');
const mDatabase = () => import('../../db/database.ts');

export function perintahKehadiran(program: Command): void {
  const hadir = program
    .command('attendance')
    .description(t('kehadiran: log mesin absensi', 'attendance: terminal logs'));

  hadir
    .command('import')
    .argument(
      '<log>',
      t(
        'log mesin: CSV nip,id_pegawai,waktu,perangkat,jenis atau attlog (PIN<TAB>waktu<TAB>…)',
        'terminal log: CSV nip,id_pegawai,waktu,perangkat,jenis or attlog (PIN<TAB>time<TAB>…)',
      ),
    )
    .option(
      '--perangkat <kode>',
      t(
        'kode mesin asal log (wajib untuk attlog; bawaan untuk baris CSV tanpa perangkat)',
        'code of the terminal the log comes from (required for an attlog; the default for CSV lines without one)',
      ),
    )
    .description(
      t(
        'mengimpor log mesin absensi; baris yang sama disimpan sekali; baris yang ditolak dicantumkan (keluar 1), sisanya tetap disimpan',
        'imports a terminal log; the same punch is stored once; refused lines are listed (exit 1), the rest is kept',
      ),
    )
    .action(async (file: string, o: { perangkat?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch {
          throw new UserError(`Berkas ${file} tidak dapat dibaca`);
        }
        const [{ SYSTEM_ACTOR }, { imporLogBerkas, HASIL_DITOLAK }] = await Promise.all([
          mAktor(),
          mKehadiran(),
        ]);
        const r = await imporLogBerkas(sdb, tenantId, data, {
          actor: SYSTEM_ACTOR,
          namaBerkas: basename(file),
          perangkat: o.perangkat ?? null,
        });
        const ditolak = r.rincian.filter((x) => HASIL_DITOLAK.includes(x.hasil));
        for (const x of ditolak)
          console.error(`  ${file}: baris ${x.baris}: ${teks(x.pesan, lang)} [${x.kode}]`);
        const j = r.jumlah;
        console.log(
          t(
            `${file}: ${j.baris} baris (${r.format}) — ${j.diimpor} disimpan, ${j.duplikat} sudah ada, ${j.tidak_dikenal} tidak dikenal, ${j.tidak_terbaca} tidak terbaca, ${j.di_luar_lingkup} di luar lingkup.`,
            `${file}: ${j.baris} lines (${r.format}) — ${j.diimpor} stored, ${j.duplikat} already there, ${j.tidak_dikenal} unknown, ${j.tidak_terbaca} unreadable, ${j.di_luar_lingkup} outside scope.`,
          ),
        );
        if (ditolak.length > 0)
          throw new UserError(
            t(
              `${file}: ${ditolak.length} baris ditolak (tercantum di atas); baris lainnya sudah disimpan.`,
              `${file}: ${ditolak.length} lines refused (listed above); the other lines are stored.`,
            ),
          );
      }),
    );

  hadir
    .command('terminal')
    .argument('<kode>', t('kode mesin, seperti tertulis dalam lognya', 'terminal code, as its log writes it'))
    .requiredOption(
      '--opd <kode>',
      t('kode OPD/unit tempat mesin', 'code of the OPD/unit the terminal is in'),
    )
    .option('--nama <nama>', t('nama mesin (bawaan: kodenya)', 'terminal name (default: its code)'))
    .description(t('mendaftarkan mesin absensi', 'registers an attendance terminal'))
    .action(async (kode: string, o: { opd: string; nama?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const [{ SYSTEM_ACTOR }, { daftarkanTerminal }, { withTenant }] = await Promise.all([
          mAktor(),
          mPerangkat(),
          mDatabase(),
        ]);
        await withTenant(sdb, tenantId, (trx) =>
          daftarkanTerminal(trx, tenantId, SYSTEM_ACTOR, null, {
            kode,
            nama: o.nama ?? kode,
            opdKode: o.opd,
          }),
        );
        console.log(t(`Mesin ${kode} didaftarkan di ${o.opd}.`, `Terminal ${kode} registered in ${o.opd}.`));
      }),
    );

  hadir
    .command('pins')
    .argument('<kode>', t('kode mesin', 'terminal code'))
    .argument(
      '<file>',
      t(
        'berkas .csv atau .xlsx: pin,nip (id_pegawai untuk non-ASN); menggantikan seluruh tabel PIN mesin',
        '.csv or .xlsx file: pin,nip (id_pegawai for non-ASN); replaces the terminal’s whole PIN table',
      ),
    )
    .description(
      t(
        'mengganti tabel PIN mesin (PIN → pegawai); semua atau tidak sama sekali',
        'replaces a terminal’s PIN table (PIN → employee); all or nothing',
      ),
    )
    .action(async (kode: string, file: string, _o: unknown, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const table = await bacaTabel(file);
        if (
          !table.headers.includes('pin') ||
          !(table.headers.includes('nip') || table.headers.includes('id_pegawai'))
        )
          throw new UserError(
            t(
              `${file}: judul kolom harus memuat pin dan nip (atau id_pegawai)`,
              `${file}: the header must hold pin and nip (or id_pegawai)`,
            ),
          );
        const [{ SYSTEM_ACTOR }, { aturPin }, { withTenant }] = await Promise.all([
          mAktor(),
          mPerangkat(),
          mDatabase(),
        ]);
        const daftar = table.rows.map((r) => ({
          baris: r.baris,
          pin: r.values.pin ?? '',
          key: (r.values.nip ?? '').trim() || (r.values.id_pegawai ?? ''),
        }));
        const r = await denganMasalahBerkas(file, () =>
          withTenant(sdb, tenantId, (trx) => aturPin(trx, tenantId, SYSTEM_ACTOR, null, kode, daftar)),
        );
        console.log(
          t(
            `${file}: tabel PIN ${r.perangkat.kode} berisi ${r.jumlah} PIN.`,
            `${file}: PIN table of ${r.perangkat.kode} holds ${r.jumlah} PINs.`,
          ),
        );
      }),
    );
}
