import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bolehKelolaAkun, ROLES } from './roles.ts';
import {
  BEBAS_GAGAL,
  diperlambat,
  ditahanSampai,
  gagalBerlaku,
  LUPA_MS,
  lamaTahan,
  PLAFON_AKUN,
  TAHAN_MAKS_MS,
} from './throttle.ts';

const roles = fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 4 });

describe('bolehKelolaAkun: a Pemda admin account is a Pemda admin’s alone', () => {
  it('examples', () => {
    expect(bolehKelolaAkun(['bkpsdm_admin'], ['pemda_admin'], ['bkpsdm_admin'])).toBe(false);
    expect(bolehKelolaAkun(['bkpsdm_admin'], ['opd_admin'], ['pemda_admin'])).toBe(false);
    expect(bolehKelolaAkun(['bkpsdm_admin'], ['employee'], ['opd_admin'])).toBe(true);
    expect(bolehKelolaAkun(['pemda_admin'], ['pemda_admin'], ['auditor'])).toBe(true);
    expect(bolehKelolaAkun(['opd_admin'], ['employee'], ['employee'])).toBe(false);
  });

  it('property: whoever touches pemda_admin without holding it is refused; otherwise akun.manage decides', () => {
    fc.assert(
      fc.property(roles, roles, roles, (caller, target, next) => {
        const manages = caller.includes('pemda_admin') || caller.includes('bkpsdm_admin');
        const touches = target.includes('pemda_admin') || next.includes('pemda_admin');
        const expected = manages && (!touches || caller.includes('pemda_admin'));
        expect(bolehKelolaAkun(caller, target, next)).toBe(expected);
      }),
    );
  });
});

describe('sign-in throttle', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('examples: four failures never wait, the fifth waits 30 s, later ones at most 15 minutes', () => {
    expect(ditahanSampai({ gagal: BEBAS_GAGAL - 1, terakhir: now }, now)).toBeNull();
    expect(ditahanSampai({ gagal: BEBAS_GAGAL, terakhir: now }, now)?.getTime()).toBe(now.getTime() + 30_000);
    expect(ditahanSampai({ gagal: BEBAS_GAGAL, terakhir: ago(31_000) }, now)).toBeNull();
    expect(lamaTahan(1000)).toBe(TAHAN_MAKS_MS);
    expect(gagalBerlaku({ gagal: 50, terakhir: ago(LUPA_MS + 1) }, now)).toBe(0);
    expect(diperlambat([{ gagal: PLAFON_AKUN - 1, terakhir: now }], now)).toBe(false);
    expect(
      diperlambat(
        [
          { gagal: PLAFON_AKUN - 1, terakhir: now },
          { gagal: 1, terakhir: ago(60_000) },
        ],
        now,
      ),
    ).toBe(true);
  });

  it('property: the wait never shrinks with more failures and never exceeds 15 minutes', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(lamaTahan(lo)).toBeLessThanOrEqual(lamaTahan(hi));
        expect(lamaTahan(hi)).toBeLessThanOrEqual(TAHAN_MAKS_MS);
        expect(lamaTahan(lo) === 0).toBe(lo < BEBAS_GAGAL);
      }),
    );
  });

  it('property: a held pair is free again by 15 minutes after its last failure', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(2 * 24 * 3600_000), (gagal, sejak) => {
        const until = ditahanSampai({ gagal, terakhir: ago(sejak) }, now);
        if (until) {
          expect(until.getTime()).toBeGreaterThan(now.getTime());
          expect(until.getTime() - (now.getTime() - sejak)).toBeLessThanOrEqual(TAHAN_MAKS_MS);
        } else expect(gagal < BEBAS_GAGAL || sejak >= lamaTahan(gagal) || sejak > LUPA_MS).toBe(true);
      }),
    );
  });
});
