/**
 * Head pose in Sigap's convention (docs/wajah.md): degrees, from the person's point of view — a positive
 * yaw is the person turning to THEIR left, a positive pitch looking up. The face engine (human) reports
 * radians with the yaw the other way round (measured on the sample photos: a person turning to their left
 * gets a negative yaw from human, and their nose sits towards the photo's right). The server's engine and
 * the browser's guide both convert through this one function, so they cannot disagree on a direction.
 */
export interface PoseKepala {
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
}

const DERAJAT = 180 / Math.PI;

/** human's `face.rotation.angle` (radians) in Sigap's convention (degrees); a missing angle is a frontal pose. */
export function poseDariHuman(
  a: { readonly yaw: number; readonly pitch: number; readonly roll: number } | null | undefined,
): PoseKepala {
  if (!a) return { yaw: 0, pitch: 0, roll: 0 };
  return { yaw: -a.yaw * DERAJAT, pitch: a.pitch * DERAJAT, roll: a.roll * DERAJAT };
}
