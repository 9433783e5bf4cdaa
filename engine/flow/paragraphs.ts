/**
 * A story's paragraphs as the flow sees them: prepared lazily, with their story offsets.
 * Story offsets count UTF-16 units of the paragraphs' text with one separator between
 * paragraphs (paragraph i starts at the sum of the lengths of the paragraphs before it,
 * plus i). The article's byline is generated text: inline, it is a prefix of the first
 * paragraph (story offsets -1); above, a paragraph of its own before the first one.
 */
import type { IssueDocument, Story } from '../model/types';
import type { PreparedParagraph, Typesetter } from './typesetter';
import type { Cursor } from './fill';

/** The flow's view of one story. */
export interface StoryParagraphs {
  /** Flow paragraph i (a byline above shifts the story's paragraphs by one). */
  para: (i: number) => PreparedParagraph | undefined;
  count: number;
  /** Source characters (no separators) in the story. */
  chars: number;
  /** Source characters not placed when the flow stopped at `end`. */
  oversetFrom: (end: Cursor) => number;
}

/** Joins reporters' names as the language writes them: 张三 李四; Jane Doe and John Roe. */
export function joinNames(names: readonly string[], lang: string): string {
  if (lang.startsWith('zh') || lang.startsWith('ja')) return names.join(' ');
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The byline of the article whose body is `story`, if it has one. */
export function bylineFor(doc: IssueDocument, story: Story): { text: string; placement: 'inline' | 'above'; charStyle?: string } | null {
  const a = doc.articles.find((x) => x.body === story.id && x.byline);
  if (!a?.byline) return null;
  const text = a.byline.pattern.replaceAll('{names}', joinNames(a.byline.names, doc.issue.lang));
  return { text, placement: a.byline.placement, ...(a.byline.style ? { charStyle: a.byline.style } : {}) };
}

/** Prepares a story's paragraphs for the flow (lazily: only those the flow reaches). */
export function storyParagraphs(doc: IssueDocument, story: Story, ts: Typesetter): StoryParagraphs {
  const starts: number[] = [];
  const lengths: number[] = [];
  let offset = 0;
  for (const p of story.paragraphs) {
    const len = p.runs.reduce((s, r) => s + r.text.length, 0);
    starts.push(offset);
    lengths.push(len);
    offset += len + 1;
  }
  const byline = bylineFor(doc, story);
  const shift = byline?.placement === 'above' ? 1 : 0;
  const prepared: (PreparedParagraph | undefined)[] = [];
  const para = (i: number): PreparedParagraph | undefined => {
    if (i < 0 || i >= story.paragraphs.length + shift) return undefined;
    let p = prepared[i];
    if (!p) {
      if (shift && i === 0) {
        const style = story.paragraphs[0]?.style;
        p = ts.generated(byline!.text, style, byline!.charStyle ? { charStyle: byline!.charStyle } : {});
        // A byline above is kept with the text it introduces, and unbroken across columns.
        p = bylineAbove(p);
      } else {
        const k = i - shift;
        const prefix = byline?.placement === 'inline' && k === 0 ? { text: byline.text, ...(byline.charStyle ? { charStyle: byline.charStyle } : {}) } : undefined;
        p = ts.prepare(story, k, starts[k]!, prefix);
      }
      prepared[i] = p;
    }
    return p;
  };
  const chars = lengths.reduce((s, l) => s + l, 0);
  const oversetFrom = (end: Cursor): number => {
    let n = 0;
    for (let i = end.para; i < story.paragraphs.length + shift; i++) {
      if (i === end.para && end.from > 0) {
        const p = para(i)!;
        for (let j = end.from; j < p.offsets.length; j++) if (p.offsets[j]! >= 0) n++;
      } else if (!(shift && i === 0)) n += lengths[i - shift]!;
    }
    return n;
  };
  return { para, count: story.paragraphs.length + shift, chars, oversetFrom };
}

const ABOVE = new WeakMap<PreparedParagraph, PreparedParagraph>();

/** The byline set with keep-with-next and keep-together: one object per byline, so caches keyed by it hold. */
function bylineAbove(p: PreparedParagraph): PreparedParagraph {
  let k = ABOVE.get(p);
  if (!k) ABOVE.set(p, (k = { ...p, metrics: { ...p.metrics, keepWithNext: true, keepTogether: true } }));
  return k;
}
