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
