import type { RoleGrant } from '@sigap/domain';

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

/** Who did something: a signed-in account, or the system (CLI, demo seed). */
export interface Actor {
  readonly userId: string | null;
  readonly nama: string;
}

/** The actor of the command line and the demo seed. */
export const SYSTEM_ACTOR: Actor = { userId: null, nama: 'sistem' };
