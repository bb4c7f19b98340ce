import { LABEL_ROLE, ROLES } from '@sigap/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { actorOf, callerOf, type RouteDeps } from '../../http/app.ts';
import { errors } from '../../http/errors.ts';
import { findTenantById, listTenants } from '../tenant/tenant.repository.ts';
import { login, logout, SESSION_COOKIE, SESSION_HOURS } from './auth.service.ts';
import { listUsers, upsertUser } from './users.service.ts';

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
    async () => (await listTenants(deps.sdb.db)).map(({ kode, nama, jenis }) => ({ kode, nama, jenis })),
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
          username: z.string().min(1).max(100),
          password: z.string().min(1).max(200),
        }),
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await login(deps.sdb, req.body);
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
      const t = (await findTenantById(deps.sdb.db, c.tenantId))!;
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

  api.post(
    '/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['akun'],
        summary: 'Membuat atau mengubah akun',
        body: z.object({
          username: z.string(),
          nama: z.string().min(1),
          password: z.string(),
          nip: z.string().nullish(),
          roles: z.array(z.object({ role: z.enum(ROLES), opdKode: z.string().nullish() })).min(1),
        }),
      },
    },
    async (req) => {
      const c = callerOf(req);
      // Only a Pemda admin may hand out the Pemda admin role.
      if (
        req.body.roles.some((r) => r.role === 'pemda_admin') &&
        !c.grants.some((g) => g.role === 'pemda_admin')
      ) {
        throw errors.forbidden();
      }
      return withTenant(deps.sdb, c.tenantId, (trx) => upsertUser(trx, c.tenantId, actorOf(req), req.body));
    },
  );
}
