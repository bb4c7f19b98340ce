/** Indonesia's extent with a margin: a coordinate outside it is almost surely a typo or swapped lat/lng. */
export const BATAS_INDONESIA = { latMin: -11.5, latMax: 6.5, lngMin: 94.5, lngMax: 141.5 } as const;

/** The whole metres a geofence radius may have (OPD import, OPD edit form and API alike). */
export const RADIUS_GEOFENCE = { min: 10, max: 5000 } as const;

/** Whether a point lies within Indonesia's extent. */
export function inIndonesia(lat: number, lng: number): boolean {
  const b = BATAS_INDONESIA;
  return lat >= b.latMin && lat <= b.latMax && lng >= b.lngMin && lng <= b.lngMax;
}

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}
