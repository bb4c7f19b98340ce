/**
 * Cuts `items` into arrays of at most `n`, taking them as it goes: a generator given as `items` is then
 * run one chunk at a time (large writes build their rows chunk by chunk, between other requests,
 * instead of all at once on the server's thread).
 */
export function* potong<T>(items: Iterable<T>, n: number): Generator<T[]> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`potong: ${n}`);
  let chunk: T[] = [];
  for (const x of items) {
    chunk.push(x);
    if (chunk.length === n) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
