import { LABEL_ROLE, ROLES, teksBiasa } from '@sigap/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import { callerOf, type RouteDeps } from '../../http/context.ts';
import { daftarPemda, pemdaById } from '../tenant/tenant.service.ts';
import { login, logout, SESSION_COOKIE, SESSION_HOURS, sessionIdOf } from './auth.service.ts';
import {
  changeOwnPassword,
  changeUser,
  createUser,
  listUsers,
  type Manager,
  resetPassword,
  setUserActive,
  unlockUser,
} from './users.service.ts';

const Me = z.object({
  username: z.string(),
  nama: z.string(),
  pegawaiId: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), opdId: z.string().nullable(), label: z.string() })),
  csrfToken: z.string(),
  pemda: z.object({ kode: z.string(), nama: z.string(), zonaWaktu: z.string() }),
});

/** Sign-in, sign-out, who am I, the Pemda list, and account management. */
export async function authRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/health',
    { config: { permission: 'public' }, schema: { tags: ['sistem'], summary: 'Server hidup' } },
    async () => ({
      ok: true,
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
        response: { 200: z.array(z.object({ kode: z.string(), nama: z.string(), jenis: z.string() })) },
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
        body: z.object({
          pemda: z.string().optional(),
          username: teksBiasa().min(1).max(100),
          password: z.string().min(1).max(200),
        }),
        response: { 200: z.object({ csrfToken: z.string() }) },
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
      return { csrfToken: r.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    { config: { permission: 'session' }, schema: { tags: ['akun'], summary: 'Keluar' } },
    async (req, reply) => {
      await logout(deps.sdb, req.cookies[SESSION_COOKIE], callerOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
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
        pegawaiId: c.pegawaiId,
        roles: c.grants.map((g) => ({ role: g.role, opdId: g.opdId, label: LABEL_ROLE[g.role][req.lang] })),
        csrfToken: c.csrfToken,
        pemda: { kode: t.kode, nama: t.nama, zonaWaktu: t.zona_waktu },
      };
    },
  );

  api.get(
    '/users',
    { config: { permission: 'users.manage' }, schema: { tags: ['akun'], summary: 'Daftar akun' } },
    async (req) => withTenant(deps.sdb, callerOf(req).tenantId, (trx) => listUsers(trx)),
  );

  const AccountBody = {
    nama: teksBiasa().trim().min(1).max(200),
    nip: z.string().trim().max(40).nullish(),
    roles: z
      .array(z.object({ role: z.enum(ROLES), opdKode: z.string().nullish() }))
      .min(1)
      .max(ROLES.length * 4),
  };
  const Id = z.object({ id: z.uuid() });
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
    '/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Membuat akun baru (nama pengguna yang sudah ada: 409)',
        body: z.object({
          username: z.string().max(40),
          password: z.string().max(200),
          ...AccountBody,
        }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) => createUser(trx, c.tenantId, manager(req), req.body));
    },
  );

  api.put(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Mengubah nama, NIP dan peran akun (bukan kata sandinya)',
        params: Id,
        body: z.object(AccountBody),
      },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        changeUser(trx, c.tenantId, manager(req), req.params.id, req.body),
      );
    },
  );

  for (const [path, aktif, summary] of [
    ['nonaktifkan', false, 'Menonaktifkan akun (semua sesinya berakhir)'],
    ['aktifkan', true, 'Mengaktifkan kembali akun'],
  ] as const) {
    api.post(
      `/users/:id/${path}`,
      { config: { permission: 'users.manage' }, schema: { tags: ['akun'], summary, params: Id } },
      async (req) => {
        const c = callerOf(req);
        return withTenant(deps.sdb, c.tenantId, (trx) =>
          setUserActive(trx, c.tenantId, manager(req), req.params.id, aktif),
        );
      },
    );
  }

  api.post(
    '/users/:id/buka-kunci',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['akun'], summary: 'Membuka kunci masuk akun (semua alamat)', params: Id },
    },
    async (req) => {
      const c = callerOf(req);
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        unlockUser(trx, c.tenantId, manager(req), req.params.id),
      );
    },
  );

  api.post(
    '/users/:id/atur-ulang-sandi',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Mengatur ulang kata sandi akun (semua sesinya berakhir)',
        params: Id,
        body: z.object({ password: z.string().max(200) }),
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
        body: z.object({ lama: z.string().max(200), baru: z.string().max(200) }),
        response: { 200: z.object({ sesiDiakhiri: z.number() }) },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const sessionId = sessionIdOf(req.cookies[SESSION_COOKIE]);
      if (!sessionId) throw errors.notSignedIn();
      return withTenant(deps.sdb, c.tenantId, (trx) =>
        changeOwnPassword(
          trx,
          c.tenantId,
          { userId: c.userId, nama: c.username, sessionId },
          req.body.lama,
          req.body.baru,
        ),
      );
    },
  );
}
