import { parseKebijakan } from '@sigap/domain';
import { type Command, Option } from 'commander';
import { lang, t } from '../bantuan.ts';
import { cetakPenjelasan } from '../explain-text.ts';
import {
  bacaBerkas,
  cetakMasalah,
  cetakTemuan,
  dbJikaAda,
  denganMasalahBerkas,
  mAktor,
  mDb,
  mKebijakan,
  mOrg,
  mPengaturan,
  tanggalOpsi,
  tenantOf,
  UserError,
  withDb,
} from '../umum.ts';

// sigap policy: policy documents (validate, apply, explain, list, activate, revoke, context).

export function perintahKebijakan(program: Command): void {
  const policy = program
    .command('policy')
    .description(
      t(
        'kebijakan sistem kerja (surat edaran) sebagai dokumen',
        'work-arrangement policies (circulars) as documents',
      ),
    );

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
        const [{ withTenant }, { daftarPemda }, { validasi }, { tenantToday }] = await Promise.all([
          mDb(),
          mPengaturan(),
          mKebijakan(),
          mOrg(),
        ]);
        const tenants = await daftarPemda(sdb.db);
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
          mAktor(),
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
        const [{ withTenant }, { daftarKebijakan }] = await Promise.all([mDb(), mKebijakan()]);
        const tenantId = await tenantOf(sdb, cmd);
        const rows = await withTenant(sdb, tenantId, (trx) => daftarKebijakan(trx));
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
            mAktor(),
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
          mAktor(),
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
}
