import type { Permission, RoleGrant } from '@sigap/domain';

/** Who is asking: resolved from the session cookie on every request. */
export interface Caller {
  readonly userId: string;
  readonly username: string;
  readonly nama: string;
  readonly tenantId: string;
  readonly pegawaiId: string | null;
  readonly grants: readonly RoleGrant[];
  readonly csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; every route must declare it (checked when routes are registered). */
    permission?: Permission;
    /** Skip the CSRF check (login only: it has no session yet). */
    noCsrf?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
    lang: 'id' | 'en';
  }
}
