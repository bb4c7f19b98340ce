/** The roles a Sigap account can hold. Scoped roles carry an OPD (or unit) whose subtree they cover. */
export const ROLES = [
  'pemda_admin',
  'bkpsdm_admin',
  'opd_admin',
  'unit_head',
  'employee',
  'health_officer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that need an OPD/unit scope (`opd_kode`) when granted. */
export const SCOPED_ROLES: readonly Role[] = ['opd_admin', 'unit_head'];

/** What a route may ask for. Every route declares exactly one of these. */
export const PERMISSIONS = [
  'public', // no sign-in
  'session', // any signed-in account
  'org.read', // OPD tree and units
  'pegawai.read', // employees, within the caller's scope
  'pegawai.write', // create/update employees and OPDs, within scope
  'impor.run', // run imports
  'pengaturan.read',
  'pengaturan.write', // Pemda settings and the holiday calendar
  'akun.manage', // accounts and roles
  'audit.read',
  'kebijakan.read', // policies, explanations, impact previews
  'kebijakan.write', // store, activate and revoke policies; record the regional context
  'jadwal.read', // schedule grids and occupancy of the OPDs/units in scope
  'jadwal.write', // generate, import and publish schedules, within scope
  'jadwal.adjust', // set a person's status for a day (unit heads), within scope
  'cuti.manage', // enter and import approved leave and isolation for people in scope
  'kehadiran.impor', // import terminal attendance logs, storing only the people in scope
  'perangkat.manage', // attendance terminals and kiosks, and the terminals' PIN tables, within scope
  'wajah.enrol', // enrol others' faces (in person or bulk), record and withdraw their consent, within scope
  'kehadiran.tinjau', // the review queue of face check-ins near the threshold: see the frames, accept or refuse, within scope
  'kehadiran.read', // each person's day and the attendance recap: own, own people (OPD admin, unit head, supervisor), auditors
  'kehadiran.koreksi.putus', // decide corrections and dinas luar: the person's supervisor, or their OPD admin when they have none
  'wfh.rumah.kelola', // confirm or refuse proposed home locations, enter one directly: the record keepers, within write scope
  'wfh.pernyataan.read', // who has signed the stay-home statement and who has not, and the signed PDFs, within scope
  'wfh.izin_keluar.tinjau', // see the going-out notices of one's people (supervisor) or OPD (OPD admin), and object to them
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MATRIX: Record<Exclude<Permission, 'public' | 'session'>, readonly Role[]> = {
  'org.read': ROLES,
  'pegawai.read': [
    'pemda_admin',
    'bkpsdm_admin',
    'opd_admin',
    'unit_head',
    'employee',
    'health_officer',
    'auditor',
  ],
  'pegawai.write': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'impor.run': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'pengaturan.read': ROLES,
  'pengaturan.write': ['pemda_admin'],
  'akun.manage': ['pemda_admin', 'bkpsdm_admin'],
  'audit.read': ['pemda_admin', 'auditor'],
  'kebijakan.read': ROLES,
  'kebijakan.write': ['pemda_admin', 'bkpsdm_admin'],
  'jadwal.read': ['pemda_admin', 'bkpsdm_admin', 'opd_admin', 'unit_head', 'health_officer', 'auditor'],
  'jadwal.write': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'jadwal.adjust': ['pemda_admin', 'bkpsdm_admin', 'opd_admin', 'unit_head'],
  'cuti.manage': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'kehadiran.impor': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'perangkat.manage': ['pemda_admin', 'opd_admin'],
  'wajah.enrol': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'kehadiran.read': ['opd_admin', 'unit_head', 'employee', 'auditor'],
  'kehadiran.tinjau': ['opd_admin'],
  'kehadiran.koreksi.putus': ['opd_admin', 'unit_head', 'employee'],
  'wfh.rumah.kelola': ['pemda_admin', 'bkpsdm_admin', 'opd_admin'],
  'wfh.pernyataan.read': ['pemda_admin', 'bkpsdm_admin', 'opd_admin', 'unit_head'],
  'wfh.izin_keluar.tinjau': ['opd_admin', 'unit_head', 'employee'],
};

/** Whether any of the roles grants the permission. */
export function allows(roles: readonly Role[], perm: Permission): boolean {
  if (perm === 'public') return true;
  if (perm === 'session') return roles.length > 0;
  return roles.some((r) => MATRIX[perm].includes(r));
}

/** Labels, Indonesian first. */
export const LABEL_ROLE: Record<Role, { id: string; en: string }> = {
  pemda_admin: { id: 'Admin Pemda', en: 'Pemda admin' },
  bkpsdm_admin: { id: 'Admin BKPSDM', en: 'BKPSDM admin' },
  opd_admin: { id: 'Admin OPD', en: 'OPD admin' },
  unit_head: { id: 'Kepala unit', en: 'Unit head' },
  employee: { id: 'Pegawai', en: 'Employee' },
  health_officer: { id: 'Petugas kesehatan', en: 'Health officer' },
  auditor: { id: 'Auditor', en: 'Auditor' },
};

/** A role grant: whole-Pemda roles have no scope. */
export interface RoleGrant {
  readonly role: Role;
  readonly opdId: string | null;
}

/**
 * The part of the organisation whose people the account may see: `all`, a set of OPD/unit subtrees,
 * and/or the account's own employee record.
 */
export interface Scope {
  readonly all: boolean;
  readonly opdRoots: readonly string[];
  readonly selfPegawaiId: string | null;
}

/** Derives the people scope from role grants. */
export function scopeOf(
  grants: readonly RoleGrant[],
  pegawaiId: string | null,
  perm: 'read' | 'write' | 'adjust',
): Scope {
  const whole: readonly Role[] =
    perm === 'read'
      ? ['pemda_admin', 'bkpsdm_admin', 'health_officer', 'auditor']
      : ['pemda_admin', 'bkpsdm_admin'];
  // 'adjust': unit heads may set their own unit's schedule cells, as OPD admins may their OPD's.
  const scoped: readonly Role[] = perm === 'write' ? ['opd_admin'] : ['opd_admin', 'unit_head'];
  return {
    all: grants.some((g) => whole.includes(g.role)),
    opdRoots: grants.filter((g) => scoped.includes(g.role) && g.opdId !== null).map((g) => g.opdId!),
    selfPegawaiId: perm === 'read' && grants.some((g) => g.role === 'employee') ? pegawaiId : null,
  };
}

/**
 * Whether a caller holding `callerRoles` (with `akun.manage`) may change an account that holds
 * `targetRoles`, or give it `newRoles`: an account that holds or would hold `pemda_admin` is a Pemda
 * admin's alone, whoever else may manage accounts.
 */
export function bolehKelolaAkun(
  callerRoles: readonly Role[],
  targetRoles: readonly Role[],
  newRoles: readonly Role[] = [],
): boolean {
  if (!allows(callerRoles, 'akun.manage')) return false;
  const touchesPemdaAdmin = targetRoles.includes('pemda_admin') || newRoles.includes('pemda_admin');
  return !touchesPemdaAdmin || callerRoles.includes('pemda_admin');
}
