import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poseDariHuman } from './pose.ts';

describe('poseDariHuman', () => {
  it("turns human's radians into degrees, with the yaw from the person's point of view", () => {
    // human: −0.5 rad yaw when the person turns to their left → Sigap: +28.6° (left is positive)
    const p = poseDariHuman({ yaw: -0.5, pitch: 0.25, roll: 0.1 });
    expect(p.yaw).toBeCloseTo(28.648, 2);
    expect(p.pitch).toBeCloseTo(14.324, 2);
    expect(p.roll).toBeCloseTo(5.73, 2);
    expect(poseDariHuman(undefined)).toEqual({ yaw: 0, pitch: 0, roll: 0 });
  });
  it('mirroring the head (yaw negated) flips only the yaw sign', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (yaw, pitch) => {
          const a = poseDariHuman({ yaw, pitch, roll: 0 });
          const b = poseDariHuman({ yaw: -yaw, pitch, roll: 0 });
          expect(a.yaw).toBeCloseTo(-b.yaw, 9);
          expect(a.pitch).toBe(b.pitch);
          expect(Math.sign(a.yaw)).toBe(yaw === 0 ? Math.sign(a.yaw) : -Math.sign(yaw));
        },
      ),
    );
  });
});
