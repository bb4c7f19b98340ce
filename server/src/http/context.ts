import type { Permission } from '@sigap/domain';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../caller.ts';
import type { SigapDatabase } from '../db/database.ts';
import { errors } from '../errors.ts';
import type { PerangkatPengirim } from '../modules/kehadiran/token.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; every route must declare it (checked when routes are registered). */
    permission?: Permission;
    /** Skip the CSRF check (login only: it has no session yet). */
    noCsrf?: boolean;
    /**
     * A kiosk's device token (`Authorization: Bearer …`) may stand in for the session: the request is then
     * the kiosk's (`req.kios`), with no session, no CSRF token and no role (docs/kehadiran.md, "Kios").
     */
    tokenKios?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
    /** the kiosk a request comes from, when its route takes a kiosk token and the request carried one */
    kios: PerangkatPengirim | null;
    lang: 'id' | 'en';
  }
}

export interface RouteDeps {
  readonly sdb: SigapDatabase;
  readonly secureCookies: boolean;
  readonly loginRateLimit: number;
}

/** The signed-in caller (routes that are not public always have one). */
export function callerOf(req: FastifyRequest) {
  if (!req.caller) throw errors.notSignedIn();
  return req.caller;
}

/** Actor for the audit trail. */
export function actorOf(req: FastifyRequest) {
  const c = callerOf(req);
  return { userId: c.userId, nama: c.username };
}
