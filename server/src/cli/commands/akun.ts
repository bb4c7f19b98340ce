import { ROLES, type Role } from '@sigap/domain';
import { type Command, Option } from 'commander';
import { t } from '../bantuan.ts';
import { mAktor, mAkun, mDb, tenantOf, UserError, withDb } from '../umum.ts';

// sigap user: accounts.

export function perintahAkun(program: Command): void {
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
            mAktor(),
            mAkun(),
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
}
