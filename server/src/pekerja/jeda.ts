/**
 * Lets the event loop answer other requests before going on. Long database writes call it between
 * their chunks: PGlite runs in the server's own thread, and a chain of awaited statements would
 * otherwise hold it for the whole write.
 */
export function jeda(): Promise<void> {
  return new Promise((ok) => setImmediate(ok));
}
