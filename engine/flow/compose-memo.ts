/**
 * Memoised composition. The flow composes the same paragraph with the same measure from the
 * same offset many times: column balancing tries several depths, a jumping frame is filled
 * twice, and an unchanged paragraph is composed again on every relayout. Results are kept
 * per prepared paragraph (weakly: they go when the paragraph does), keyed by measure and offset.
 */
import type { FlowComposed, PreparedParagraph, Typesetter } from './typesetter';

const MEMO = new WeakMap<PreparedParagraph, Map<string, FlowComposed>>();

/** A typesetter whose constant-measure compositions are memoised. */
export function memoCompose(ts: Typesetter): Typesetter {
  return {
    identity: ts.identity,
    prepare: (story, index, storyOffset, prefix) => ts.prepare(story, index, storyOffset, prefix),
    generated: (text, style, options) => ts.generated(text, style, options),
    compose(p, width, from) {
      // Per-line measures are functions: not comparable, not memoised.
      if (typeof width !== 'number') return ts.compose(p, width, from);
      let m = MEMO.get(p);
      if (!m) MEMO.set(p, (m = new Map()));
      const key = `${width.toFixed(4)}|${from}`;
      let r = m.get(key);
      if (!r) {
        r = ts.compose(p, width, from);
        m.set(key, r);
      }
      return r;
    },
  };
}
