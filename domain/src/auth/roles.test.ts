import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allows, PERMISSIONS, type Permission, ROLES, type Role, type RoleGrant, scopeOf } from './roles.ts';

describe('allows: examples from the matrix', () => {
  it('pemda_admin is granted every permission but individual attendance, its corrections, the review frames (issue 10, items 8-9) and objecting to a person’s going-out notice (issue 11: their supervisor’s)', () => {
    const tidak = ['kehadiran.read', 'kehadiran.koreksi.putus', 'kehadiran.tinjau', 'wfh.izin_keluar.tinjau'];
    for (const p of PERMISSIONS) expect(allows(['pemda_admin'], p), p).toBe(!tidak.includes(p));
  });

  it('corrections and dinas luar are decided by supervisors (any staff account) and OPD admins only', () => {
    expect(ROLES.filter((r) => allows([r], 'kehadiran.koreksi.putus'))).toEqual([
      'opd_admin',
      'unit_head',
      'employee',
    ]);
  });

  it('individual attendance is for the person, their OPD admin and unit head, and auditors only', () => {
    expect(ROLES.filter((r) => allows([r], 'kehadiran.read'))).toEqual([
      'opd_admin',
      'unit_head',
      'employee',
      'auditor',
    ]);
  });

  it('an empty role list is granted nothing but public', () => {
    for (const p of PERMISSIONS) expect(allows([], p), p).toBe(p === 'public');
  });

  it('the auditor reads, including the audit log, but cannot write', () => {
    expect(allows(['auditor'], 'audit.read')).toBe(true);
    expect(allows(['auditor'], 'pegawai.read')).toBe(true);
    expect(allows(['auditor'], 'pegawai.write')).toBe(false);
    expect(allows(['auditor'], 'impor.run')).toBe(false);
    expect(allows(['auditor'], 'pengaturan.write')).toBe(false);
    expect(allows(['auditor'], 'akun.manage')).toBe(false);
  });

  it('an employee cannot read the audit log or write employees', () => {
    expect(allows(['employee'], 'audit.read')).toBe(false);
    expect(allows(['employee'], 'pegawai.write')).toBe(false);
    expect(allows(['employee'], 'impor.run')).toBe(false);
    expect(allows(['employee'], 'akun.manage')).toBe(false);
    expect(allows(['employee'], 'session')).toBe(true);
    expect(allows(['employee'], 'org.read')).toBe(true);
    expect(allows(['employee'], 'pegawai.read')).toBe(true);
  });

  it('admins of BKPSDM and OPDs write employees and run imports; only pemda_admin writes settings', () => {
    for (const r of ['bkpsdm_admin', 'opd_admin'] as const) {
      expect(allows([r], 'pegawai.write')).toBe(true);
      expect(allows([r], 'impor.run')).toBe(true);
      expect(allows([r], 'pengaturan.write')).toBe(false);
      expect(allows([r], 'audit.read')).toBe(false);
    }
    expect(allows(['bkpsdm_admin'], 'akun.manage')).toBe(true);
    expect(allows(['opd_admin'], 'akun.manage')).toBe(false);
  });

  it('unit heads and health officers read but do not write', () => {
    for (const r of ['unit_head', 'health_officer'] as const) {
      expect(allows([r], 'pegawai.read')).toBe(true);
      expect(allows([r], 'pengaturan.read')).toBe(true);
      expect(allows([r], 'pegawai.write')).toBe(false);
      expect(allows([r], 'akun.manage')).toBe(false);
    }
  });

  it('roles combine: employee + auditor may read the audit log', () => {
    expect(allows(['employee', 'auditor'], 'audit.read')).toBe(true);
    expect(allows(['employee', 'auditor'], 'pegawai.write')).toBe(false);
  });
});

describe('allows: properties', () => {
  const rolesArb = fc.subarray([...ROLES]);
  const permArb = fc.constantFrom<Permission>(...PERMISSIONS);

  it('a set of roles is granted a permission iff one of its roles alone is', () => {
    fc.assert(
      fc.property(rolesArb, permArb, (roles, p) => {
        const any = roles.some((r) => allows([r], p));
        if (p === 'public') expect(allows(roles, p)).toBe(true);
        else expect(allows(roles, p)).toBe(any);
      }),
    );
  });

  it('adding a role never takes a permission away', () => {
    fc.assert(
      fc.property(rolesArb, fc.constantFrom<Role>(...ROLES), permArb, (roles, extra, p) => {
        if (allows(roles, p)) expect(allows([...roles, extra], p)).toBe(true);
      }),
    );
  });

  it('any signed-in account has session, org.read and pengaturan.read', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES], { minLength: 1 }), (roles) => {
        for (const p of ['session', 'org.read', 'pengaturan.read'] as const)
          expect(allows(roles, p)).toBe(true);
      }),
    );
  });
});

describe('scopeOf', () => {
  const g = (role: Role, opdId: string | null = null): RoleGrant => ({ role, opdId });

  it('whole-Pemda roles see everything', () => {
    expect(scopeOf([g('pemda_admin')], 'p1', 'read')).toEqual({
      all: true,
      opdRoots: [],
      selfPegawaiId: null,
    });
    expect(scopeOf([g('bkpsdm_admin')], null, 'write')).toMatchObject({ all: true });
  });

  it('health officers and auditors read everything but write nothing', () => {
    for (const r of ['health_officer', 'auditor'] as const) {
      expect(scopeOf([g(r)], null, 'read').all).toBe(true);
      expect(scopeOf([g(r)], null, 'write')).toEqual({ all: false, opdRoots: [], selfPegawaiId: null });
    }
  });

  it('an OPD admin reads and writes their OPD subtree', () => {
    expect(scopeOf([g('opd_admin', 'opd-dinkes')], 'p1', 'read')).toEqual({
      all: false,
      opdRoots: ['opd-dinkes'],
      selfPegawaiId: null,
    });
    expect(scopeOf([g('opd_admin', 'opd-dinkes')], 'p1', 'write').opdRoots).toEqual(['opd-dinkes']);
  });

  it('a unit head reads their unit but writes nothing', () => {
    expect(scopeOf([g('unit_head', 'unit-p2p')], null, 'read').opdRoots).toEqual(['unit-p2p']);
    expect(scopeOf([g('unit_head', 'unit-p2p')], null, 'write').opdRoots).toEqual([]);
  });

  it('an employee reads only their own record, and writes nothing', () => {
    expect(scopeOf([g('employee')], 'pegawai-42', 'read')).toEqual({
      all: false,
      opdRoots: [],
      selfPegawaiId: 'pegawai-42',
    });
    expect(scopeOf([g('employee')], 'pegawai-42', 'write').selfPegawaiId).toBeNull();
    expect(scopeOf([g('employee')], null, 'read').selfPegawaiId).toBeNull();
  });

  it('grants combine, and a scoped grant without an OPD adds no root', () => {
    const s = scopeOf(
      [g('employee'), g('unit_head', 'unit-a'), g('opd_admin', 'opd-b'), g('opd_admin', null)],
      'pegawai-7',
      'read',
    );
    expect(s).toEqual({ all: false, opdRoots: ['unit-a', 'opd-b'], selfPegawaiId: 'pegawai-7' });
  });

  it('no grants: nothing', () => {
    for (const perm of ['read', 'write'] as const) {
      expect(scopeOf([], 'p1', perm)).toEqual({ all: false, opdRoots: [], selfPegawaiId: null });
    }
  });

  it('property: the write scope is never wider than the read scope, and matches the permission matrix', () => {
    const grantArb = fc.record({
      role: fc.constantFrom<Role>(...ROLES),
      opdId: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(grantArb, { maxLength: 5 }),
        fc.option(fc.constant('p1'), { nil: null }),
        (grants, pid) => {
          const read = scopeOf(grants, pid, 'read');
          const write = scopeOf(grants, pid, 'write');
          if (write.all) expect(read.all).toBe(true);
          for (const r of write.opdRoots) expect(read.opdRoots).toContain(r);
          expect(write.selfPegawaiId).toBeNull();
          const roles = grants.map((x) => x.role);
          // someone who may write employees has some write scope, and vice versa
          const hasWriteScope = write.all || write.opdRoots.length > 0;
          if (hasWriteScope) expect(allows(roles, 'pegawai.write')).toBe(true);
          const hasReadScope = read.all || read.opdRoots.length > 0 || read.selfPegawaiId !== null;
          if (hasReadScope) expect(allows(roles, 'pegawai.read')).toBe(true);
        },
      ),
    );
  });
});
