import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { teks } from '@sigap/domain';
import { type Command, Option } from 'commander';
import { lang, t } from '../bantuan.ts';
import { bacaTabel, denganMasalahBerkas, mAktor, tenantOf, UserError, withDb } from '../umum.ts';

// sigap attendance: terminal logs into the attendance record (docs/kehadiran.md).

const mKehadiran = () => import('../../modules/kehadiran/kehadiran.service.ts');
const mPerangkat = () => import('../../modules/kehadiran/perangkat.service.ts');
const mToken = () => import('../../modules/kehadiran/token.service.ts');
const mDatabase = () => import('../../db/database.ts');
const mStatus = () => import('../../modules/kehadiran/status.service.ts');
const mEkspor = () => import('../../modules/impor/ekspor.service.ts');

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
    .command('status')
    .requiredOption('--date <tanggal>', t('tanggal (YYYY-MM-DD)', 'date (YYYY-MM-DD)'))
    .option('--opd <kode>', t('hanya OPD/unit ini (beserta unitnya)', 'only this OPD/unit (with its units)'))
    .addOption(new Option('--format <format>', t('format', 'format')).choices(['csv', 'json']).default('csv'))
    .option('--out <file>', t('berkas tujuan (bawaan: layar)', 'output file (default: screen)'))
    .description(
      t(
        'status hari setiap pegawai: CSV tanggal,nip,id_pegawai,nama,opd_kode,unit_kode,jadwal,status,masuk,pulang,terlambat_menit,pulang_cepat_menit,alasan',
        "each person's day: CSV tanggal,nip,id_pegawai,nama,opd_kode,unit_kode,jadwal,status,masuk,pulang,terlambat_menit,pulang_cepat_menit,alasan",
      ),
    )
    .action(async (o: { date: string; opd?: string; format: 'csv' | 'json'; out?: string }, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const tenantId = await tenantOf(sdb, cmd);
        const [{ withTenant }, s, { toCsv }] = await Promise.all([mDatabase(), mStatus(), mEkspor()]);
        const h = await withTenant(sdb, tenantId, (trx) =>
          s.statusPeriode(trx, tenantId, null, o.date, o.date, o.opd),
        );
        tulis(
          o.out,
          o.format === 'json'
            ? `${JSON.stringify(h.baris.map(s.barisJson), null, 2)}\n`
            : toCsv(s.KOLOM_STATUS, h.baris.map(s.barisCsv)),
          h.baris.length,
        );
      }),
    );

  hadir
    .command('export')
    .requiredOption('--from <tanggal>', t('tanggal awal (YYYY-MM-DD)', 'first date (YYYY-MM-DD)'))
    .requiredOption(
      '--to <tanggal>',
      t('tanggal akhir (YYYY-MM-DD); paling panjang 62 hari', 'last date (YYYY-MM-DD); at most 62 days'),
    )
    .option('--opd <kode>', t('hanya OPD/unit ini (beserta unitnya)', 'only this OPD/unit (with its units)'))
    .addOption(new Option('--format <format>', t('format', 'format')).choices(['csv', 'xlsx']).default('csv'))
    .option(
      '--out <file>',
      t(
        'berkas tujuan (bawaan: layar; wajib untuk xlsx)',
        'output file (default: screen; required for xlsx)',
      ),
    )
    .description(
      t(
        'rekap kehadiran suatu periode: CSV satu baris per pegawai per hari; XLSX satu lembar per OPD dengan jumlah dan keterangan kode',
        'the attendance recap over a period: CSV one row per employee per day; XLSX one sheet per OPD with totals and a legend',
      ),
    )
    .action(
      async (
        o: { from: string; to: string; opd?: string; format: 'csv' | 'xlsx'; out?: string },
        cmd: Command,
      ) =>
        withDb(cmd, async (sdb) => {
          if (o.format === 'xlsx' && !o.out)
            throw new UserError(t('Format xlsx perlu --out <berkas>', 'Format xlsx needs --out <file>'));
          const tenantId = await tenantOf(sdb, cmd);
          const [{ withTenant }, s, { toCsv }] = await Promise.all([mDatabase(), mStatus(), mEkspor()]);
          const h = await withTenant(sdb, tenantId, (trx) =>
            s.statusPeriode(trx, tenantId, null, o.from, o.to, o.opd),
          );
          if (o.format === 'xlsx') {
            const { rekapKehadiranXlsx } = await import('../../modules/kehadiran/rekap-xlsx.ts');
            writeFileSync(o.out!, await rekapKehadiranXlsx(h, new Date().toISOString()));
            console.error(
              t(
                `Rekap kehadiran ${h.baris.length} baris ditulis ke ${o.out}`,
                `Attendance recap of ${h.baris.length} rows written to ${o.out}`,
              ),
            );
            return;
          }
          tulis(o.out, toCsv(s.KOLOM_STATUS, h.baris.map(s.barisCsv)), h.baris.length);
        }),
    );

  perintahPerangkat(hadir, 'terminal');
  perintahPerangkat(hadir, 'kiosk');

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

/** Writes to a file (saying how many rows) or to the screen. */
function tulis(out: string | undefined, text: string, n: number) {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  writeFileSync(out, text);
  console.error(t(`${n} baris ditulis ke ${out}`, `${n} rows written to ${out}`));
}

/** The words of `sigap attendance terminal` and `sigap attendance kiosk`, per kind of device. */
const KATA_PERANGKAT = {
  terminal: {
    perintah: 'terminal',
    id: 'mesin',
    en: 'terminal',
    Id: 'Mesin',
    En: 'Terminal',
    kode: ['kode mesin, seperti tertulis dalam lognya', 'terminal code, as its log writes it'],
    guna: ['kiriman langsung (POST /api/perangkat/kejadian)', 'live pushes (POST /api/perangkat/kejadian)'],
    pasang: [
      'Pasang di mesin sebagai header Authorization: Bearer <token> untuk POST /api/perangkat/kejadian.',
      'Install it on the terminal as the header Authorization: Bearer <token> for POST /api/perangkat/kejadian.',
    ],
  },
  kiosk: {
    perintah: 'kiosk',
    id: 'kios',
    en: 'kiosk',
    Id: 'Kios',
    En: 'Kiosk',
    kode: [
      'kode kios (tablet absen wajah di pintu masuk)',
      'kiosk code (the face check-in tablet at the entrance)',
    ],
    guna: ['absen wajah di kios (halaman /kiosk)', 'face check-ins at the kiosk (the /kiosk page)'],
    pasang: [
      'Buka /kiosk di tablet dan tempelkan token ini.',
      'Open /kiosk on the tablet and paste this token.',
    ],
  },
} as const;

/** `sigap attendance terminal|kiosk`: registers a device, issues or revokes its device token. */
function perintahPerangkat(hadir: Command, jenis: 'terminal' | 'kiosk'): void {
  const k = KATA_PERANGKAT[jenis];
  hadir
    .command(k.perintah)
    .argument('<kode>', t(k.kode[0], k.kode[1]))
    .option(
      '--opd <kode>',
      t(
        `kode OPD/unit tempat ${k.id} (untuk mendaftarkan ${k.id} baru)`,
        `code of the OPD/unit the ${k.en} is in (to register a new ${k.en})`,
      ),
    )
    .option('--nama <nama>', t(`nama ${k.id} (bawaan: kodenya)`, `${k.en} name (default: its code)`))
    .option(
      '--token',
      t(
        `menerbitkan token perangkat untuk ${k.guna[0]}; token lama tidak berlaku lagi; token dicetak sekali saja`,
        `issues the device token for ${k.guna[1]}; the old one stops working; the token is printed once only`,
      ),
    )
    .option(
      '--revoke-token',
      t(
        `mencabut token perangkat ${k.id}: permintaannya ditolak sampai token baru diterbitkan`,
        `revokes the ${k.en}'s device token: its requests are refused until a new one is issued`,
      ),
    )
    .description(
      t(
        `mendaftarkan ${k.id} (--opd), dan menerbitkan atau mencabut token perangkatnya`,
        `registers a ${k.en} (--opd), and issues or revokes its device token`,
      ),
    )
    .action(
      async (
        kode: string,
        o: { opd?: string; nama?: string; token?: boolean; revokeToken?: boolean },
        cmd: Command,
      ) =>
        withDb(cmd, async (sdb) => {
          if (o.token && o.revokeToken)
            throw new UserError(
              t('Pilih salah satu: --token atau --revoke-token', 'Choose one: --token or --revoke-token'),
            );
          if (!o.opd && !o.token && !o.revokeToken)
            throw new UserError(
              t(
                `Sebutkan --opd <kode> untuk mendaftarkan ${k.id}, --token untuk menerbitkan tokennya, atau --revoke-token untuk mencabutnya`,
                `Give --opd <kode> to register the ${k.en}, --token to issue its token, or --revoke-token to revoke it`,
              ),
            );
          const tenantId = await tenantOf(sdb, cmd);
          const [{ SYSTEM_ACTOR }, { daftarkanPerangkat }, token, { withTenant }] = await Promise.all([
            mAktor(),
            mPerangkat(),
            mToken(),
            mDatabase(),
          ]);
          const r = await withTenant(sdb, tenantId, async (trx) => {
            if (o.opd)
              await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
                kode,
                nama: o.nama ?? kode,
                opdKode: o.opd,
                jenis,
              });
            if (o.revokeToken) {
              await token.cabutToken(trx, tenantId, SYSTEM_ACTOR, null, kode);
              return null;
            }
            return o.token ? token.terbitkanToken(trx, tenantId, SYSTEM_ACTOR, null, kode) : null;
          });
          // With a token, the token alone goes to stdout (for a script to capture); the rest to stderr.
          const lapor = r ? console.error : console.log;
          if (o.opd)
            lapor(t(`${k.Id} ${kode} didaftarkan di ${o.opd}.`, `${k.En} ${kode} registered in ${o.opd}.`));
          if (o.revokeToken)
            lapor(
              t(
                `Token ${k.id} ${kode} dicabut; permintaannya ditolak sampai token baru diterbitkan.`,
                `The token of ${k.en} ${kode} is revoked; its requests are refused until a new one is issued.`,
              ),
            );
          if (r) {
            console.error(
              t(
                `Token perangkat ${k.id} ${r.perangkat.kode}${r.menggantikan ? ' (token lama tidak berlaku lagi)' : ''}. Simpan sekarang: token ini tidak dicetak lagi dan tidak disimpan. ${k.pasang[0]}`,
                `Device token of ${k.en} ${r.perangkat.kode}${r.menggantikan ? ' (the old one no longer works)' : ''}. Keep it now: it is not printed again and not stored. ${k.pasang[1]}`,
              ),
            );
            console.log(r.token);
          }
        }),
    );
}
