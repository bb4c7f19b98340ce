/**
 * Compares two strings by their UTF-16 code units: the same order on every machine. `localeCompare`
 * follows the process's locale (LANG): under Danish collation "AA" sorts after "Z", so two servers
 * could order a policy's groups differently and build different schedules from the same data. Use
 * this wherever an order decides an outcome; keep `localeCompare(x, 'id')` for lists shown to people.
 */
export function bandingTeks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
