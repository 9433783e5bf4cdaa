/**
 * Restores structural sharing lost when a document is copied into the layout worker: every
 * subtree of `next` that equals the same subtree of `prev` is replaced by `prev`'s object.
 * The engine's caches key on record identity (unchanged paragraphs, frames, styles), so with
 * this an edit re-lays out only what it touched, as it does on the UI thread.
 */
export function reuseUnchanged<T>(prev: unknown, next: T): T {
  return reuse(prev, next).value as T;
}

function reuse(prev: unknown, next: unknown): { value: unknown; same: boolean } {
  if (prev === next) return { value: prev, same: true };
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) {
    return { value: next, same: Object.is(prev, next) };
  }
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return { value: next, same: false };
    let same = prev.length === next.length;
    const out = next.map((v, i) => {
      const r = reuse(prev[i], v);
      if (!r.same) same = false;
      return r.value;
    });
    return same ? { value: prev, same: true } : { value: out, same: false };
  }
  if (Array.isArray(prev)) return { value: next, same: false };
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const r = reuse(p[k], n[k]);
    if (!r.same || !Object.hasOwn(p, k)) same = false;
    out[k] = r.value;
  }
  return same ? { value: prev, same: true } : { value: out, same: false };
}
