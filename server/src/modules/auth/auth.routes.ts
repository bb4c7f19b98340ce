import type { Role } from '@sigap/domain';
import { LABEL_ROLE, type ZonaWaktu } from '@sigap/domain';
import {
  AturUlangSandi,
  BuatAkun,
  DaftarAkun,
  DaftarPemda,
  GantiSandi,
  HasilAktif,
  HasilAkun,
  HasilGantiSandi,
  HasilId,
  HasilMasuk,
  Kesehatan,
  Masuk,
  Me,
  UbahAkun,
} from '@sigap/domain/api/akun';
import { IdParam, Ok } from '@sigap/domain/api/umum';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { daftarPemda, pemdaById } from '../pengaturan/pengaturan.service.ts';
import {
  changeOwnPassword,
  changeUser,
  createUser,
  listUsers,
  type Manager,
  resetPassword,
  setUserActive,
  unlockUser,
} from './akun.service.ts';
import { login, logout, SESSION_COOKIE, SESSION_HOURS, sessionIdOf } from './auth.service.ts';

/** Sign-in, sign-out, who am I, the Pemda list, and account management. */
export async function authRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['sistem'], summary: 'Server hidup', response: { 200: Kesehatan } },
    },
    async () => ({
      ok: true as const,
      db: deps.sdb.kind,
    }),
  );

  api.get(
    '/pemda',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['akun'],
        summary: 'Daftar Pemda (untuk halaman masuk)',
        response: { 200: DaftarPemda },
      },
    },
    async () => (await daftarPemda(deps.sdb.db)).map(({ kode, nama, jenis }) => ({ kode, nama, jenis })),
  );

  api.post(
    '/auth/login',
    {
      config: {
        permission: 'public',
        noCsrf: true,
        rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['akun'],
        summary: 'Masuk (membuat cookie sesi HttpOnly)',
        body: Masuk,
        response: { 200: HasilMasuk },
      },
    },
    async (req, reply) => {
      const r = await login(deps.sdb, req.body, req.ip);
      reply.setCookie(SESSION_COOKIE, r.cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return { csrf_token: r.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { permission: 'session' },
      schema: { tags: ['akun'], summary: 'Keluar', response: { 200: Ok } },
    },
    async (req, reply) => {
      await logout(deps.sdb, req.cookies[SESSION_COOKIE], callerOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  api.get(
    '/auth/me',
    {
      config: { permission: 'session' },
      schema: { tags: ['akun'], summary: 'Akun yang sedang masuk', response: { 200: Me } },
    },
    async (req) => {
      const c = callerOf(req);
      const t = (await pemdaById(deps.sdb.db, c.tenantId))!;
      return {
        username: c.username,
        nama: c.nama,
        pegawai_id: c.pegawaiId,
        roles: c.grants.map((g) => ({ role: g.role, opd_id: g.opdId, label: LABEL_ROLE[g.role][req.lang] })),
        csrf_token: c.csrfToken,
        pemda: { kode: t.kode, nama: t.nama, zona_waktu: t.zona_waktu as ZonaWaktu },
      };
    },
  );

  api.get(
    '/akun',
    {
      config: { permission: 'akun.manage' },
      schema: { tags: ['akun'], summary: 'Daftar akun', response: { 200: DaftarAkun } },
    },
    async (req) =>
      sajikan(DaftarAkun, await withTenant(deps.sdb, callerOf(req).tenantId, (trx) => listUsers(trx))),
  );

  const Id = IdParam;
  /** The service's input: roles name their OPD as `opdKode`. */
  const isian = <T extends { roles: readonly { role: Role; opd_kode?: string | null | undefined }[] }>(
    b: T,
  ) => ({
    ...b,
    roles: b.roles.map((r) => ({ role: r.role, opdKode: r.opd_kode })),
  });
  const manager = (req: FastifyRequest): Manager => {
    const c = callerOf(req);
    return {
      userId: c.userId,
      nama: c.username,
      roles: c.grants.map((g) => g.role),
      sessionId: sessionIdOf(req.cookies[SESSION_COOKIE]),
    };
  };

  api.post(
    '/akun',
    {
      config: { permission: 'akun.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Membuat akun baru (nama pengguna yang sudah ada: 409)',
        body: BuatAkun,
        response: { 200: HasilAkun },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        createUser(trx, c.tenantId, manager(req), isian(req.body)),
      );
    },
  );

  api.put(
    '/akun/:id',
    {
      config: { permission: 'akun.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Mengubah nama, NIP dan peran akun (bukan kata sandinya)',
        params: Id,
        body: UbahAkun,
        response: { 200: HasilAkun },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        changeUser(trx, c.tenantId, manager(req), req.params.id, isian(req.body)),
      );
    },
  );

  for (const [path, aktif, summary] of [
    ['nonaktifkan', false, 'Menonaktifkan akun (semua sesinya berakhir)'],
    ['aktifkan', true, 'Mengaktifkan kembali akun'],
  ] as const) {
    api.post(
      `/akun/:id/${path}`,
      {
        config: { permission: 'akun.manage' },
        schema: { tags: ['akun'], summary, params: Id, response: { 200: HasilAktif } },
      },
      async (req) => {
        const c = callerOf(req);
        return withTenant(deps.sdb, c.tenantId, (trx) =>
          setUserActive(trx, c.tenantId, manager(req), req.params.id, aktif),
        );
      },
    );
  }

  api.post(
    '/akun/:id/buka-kunci',
    {
      config: { permission: 'akun.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Membuka kunci masuk akun (semua alamat)',
        params: Id,
        response: { 200: HasilId },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        unlockUser(trx, c.tenantId, manager(req), req.params.id),
      );
    },
  );

  api.post(
    '/akun/:id/atur-ulang-sandi',
    {
      config: { permission: 'akun.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Mengatur ulang kata sandi akun (semua sesinya berakhir)',
        params: Id,
        body: AturUlangSandi,
        response: { 200: HasilId },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        resetPassword(trx, c.tenantId, manager(req), req.params.id, req.body.password),
      );
    },
  );

  api.post(
    '/auth/sandi',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['akun'],
        summary: 'Mengganti kata sandi sendiri (sesi lain berakhir)',
        body: GantiSandi,
        response: { 200: HasilGantiSandi },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const sessionId = sessionIdOf(req.cookies[SESSION_COOKIE]);
      if (!sessionId) throw errors.notSignedIn();
      const r = await withTenant(deps.sdb, c.tenantId, (trx) =>
        changeOwnPassword(
          trx,
          c.tenantId,
          { userId: c.userId, nama: c.username, sessionId },
          req.body.lama,
          req.body.baru,
        ),
      );
      return { sesi_diakhiri: r.sesiDiakhiri };
    },
  );
}
