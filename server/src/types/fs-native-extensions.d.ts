// The parts of fs-native-extensions (holepunch; ships no types) that the folder lock uses.
declare module 'fs-native-extensions' {
  /** Takes an exclusive (or shared) lock on an open file without waiting; false when another holds it. */
  export function tryLock(fd: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
