/**
 * What changed between two versions of a document, as path → value replacements, found by
 * object identity: the history (immer) shares every unchanged record between versions, so the
 * walk descends only along the changed paths and costs little even for a 24-page issue. The
 * layout worker applies the replacements to its own copy copy-on-write, so it too sees the
 * unchanged records as the very same objects (the engine's caches key on that), and a
 * keystroke sends a paragraph across instead of the whole document.
 */

/** One replacement: the value at `path` (keys and array indices from the root) becomes `value`. */
export interface DocOp {
  path: (string | number)[];
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Sets own property `k` (a plain assignment of "__proto__" would set the prototype instead). */
function put(o: Record<string | number, unknown>, k: string | number, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Own property `k` of `o` (undefined when it has none: never an inherited one). */
function own(o: Record<string | number, unknown>, k: string | number): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

/** The replacements that turn `prev` into `next` (an empty list when they are the same object). */
export function docDelta(prev: unknown, next: unknown): DocOp[] {
  const out: DocOp[] = [];
  walk(prev, next, [], out);
  return out;
}

function walk(a: unknown, b: unknown, path: (string | number)[], out: DocOp[]): void {
  if (a === b) return;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    out.push({ path, value: b });
    return;
  }
  if (Array.isArray(a)) {
    const bb = b as unknown as unknown[];
    // An inserted or removed element shifts the rest: replace the array (the applier reuses
    // the elements that are equal, so the records keep their identity over there too).
    if (a.length !== bb.length) return void out.push({ path, value: b });
    for (let i = 0; i < a.length; i++) walk(a[i], bb[i], [...path, i], out);
    return;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || kb.some((k) => !Object.hasOwn(a, k))) return void out.push({ path, value: b });
  for (const k of kb) walk(a[k], b[k], [...path, k], out);
}

/**
 * `doc` with the replacements applied, copy-on-write: objects off the changed paths are kept,
 * and a replacing value reuses every part of the old value it equals.
 */
export function applyDocDelta<T>(doc: T, ops: readonly DocOp[]): T {
  let root: unknown = doc;
  for (const op of ops) root = setIn(root, op.path, 0, op.value);
  return root as T;
}

function setIn(node: unknown, path: readonly (string | number)[], i: number, value: unknown): unknown {
  if (i === path.length) return reuseEqual(node, value);
  if (!isObject(node)) throw new Error(`document delta: no object at ${path.slice(0, i).join('.') || 'the root'}`);
  const key = path[i]!;
  const copy = (Array.isArray(node) ? [...(node as unknown[])] : { ...node }) as Record<string | number, unknown>;
  put(copy, key, setIn(own(node as Record<string | number, unknown>, key), path, i + 1, value));
  return copy;
}

/** `next`, with every subtree that deep-equals the same subtree of `prev` replaced by prev's. */
export function reuseEqual<T>(prev: unknown, next: T): T {
  return reuse(prev, next).value as T;
}

function reuse(prev: unknown, next: unknown): { value: unknown; same: boolean } {
  if (prev === next) return { value: prev, same: true };
  if (!isObject(next) || !isObject(prev)) return { value: next, same: Object.is(prev, next) };
  if (Array.isArray(next) !== Array.isArray(prev)) return { value: next, same: false };
  if (Array.isArray(next)) {
    const p = prev as unknown as unknown[];
    if (p.length === next.length) {
      let same = true;
      const out = next.map((v, i) => {
        const r = reuse(p[i], v);
        if (!r.same) same = false;
        return r.value;
      });
      return same ? { value: prev, same: true } : { value: out, same: false };
    }
    // An element inserted or removed (a paragraph split or joined): the elements after it are
    // matched from the end, so they too keep their objects.
    const out: unknown[] = new Array(next.length);
    // Matched from the front while equal (the first unequal element is reused as far as it goes)…
    let filled = 0;
    while (filled < next.length && filled < p.length) {
      const r = reuse(p[filled], next[filled]);
      out[filled++] = r.value;
      if (!r.same) break;
    }
    // …then the rest from the end.
    for (let j = 1; next.length - j >= filled; j++) {
      const k = p.length - j;
      out[next.length - j] = k >= 0 ? reuse(p[k], next[next.length - j]).value : next[next.length - j];
    }
    return { value: out, same: false };
  }
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const r = reuse(own(prev, k), next[k]);
    if (!r.same || !Object.hasOwn(prev, k)) same = false;
    put(out, k, r.value);
  }
  return same ? { value: prev, same: true } : { value: out, same: false };
}
