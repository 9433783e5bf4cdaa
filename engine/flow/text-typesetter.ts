/**
 * The real Typesetter: engine/style resolves the paragraph and character styles, engine/text
 * composes. Paragraph keys fingerprint the text and the resolved styles, so an edit to a
 * style re-flows exactly the paragraphs that use it. The identity is the FontBook: a layout
 * cache is reused only with the same fonts.
 */
import type { FontBook } from '../fonts/font-book';
import type { ParagraphStyleId } from '../model/ids';
import type { IssueDocument, Paragraph } from '../model/types';
import { resolveStyles } from '../style/resolve';
import type { ResolvedParagraphStyle, StyledSpan } from '../style/types';
import { analyseParagraph, composeParagraph, type ParagraphAnalysis } from '../text/compose';
import { EM_ASCENT, EM_DESCENT } from './geometry';
import type { FlowComposed, GeneratedOptions, ParaMetrics, PreparedParagraph, Typesetter } from './typesetter';

interface TextData {
  style: ResolvedParagraphStyle;
  spans: StyledSpan[];
  /**
   * The same paragraph prepared at story offset 0, and this one's offset: it is composed once
   * there and its lines are shared, their offsets counting from 0 (FlowComposed.origin), so
   * typing in a story neither recomposes nor copies every paragraph after the edit.
   */
  base?: { paragraph: PreparedParagraph; shift: number };
}

/** Compositions of offset-0 paragraphs by measure and start (constant measures only). */
const BASE_MEMO = new WeakMap<PreparedParagraph, Map<string, FlowComposed>>();

/**
 * The analyses (shaped units, break opportunities) of the paragraphs composed last, so that
 * composing one again — the rest of it in the next column or frame, the frame filled again with
 * room for a jump line, the next keystroke's relayout of the paragraph after it — breaks lines
 * without shaping it again. Few are kept (a paragraph's analysis is about as big as its
 * layout): the most recently used.
 */
const ANALYSES = new Map<PreparedParagraph, ParagraphAnalysis>();
const ANALYSES_KEPT = 32;

function analysisOf(p: PreparedParagraph, make: () => ParagraphAnalysis): ParagraphAnalysis {
  let a = ANALYSES.get(p);
  if (a) ANALYSES.delete(p);
  else {
    a = make();
    if (ANALYSES.size >= ANALYSES_KEPT) ANALYSES.delete(ANALYSES.keys().next().value!);
  }
  ANALYSES.set(p, a);
  return a;
}

/** Options of the text typesetter. */
export interface TextTypesetterOptions {
  /** Families tried for characters the span's faces lack (default: every family in the book). */
  fallbackFamilies?: readonly string[];
}

function metricsOf(s: ResolvedParagraphStyle): ParaMetrics {
  const size = s.chars.size;
  return {
    size,
    leading: s.leading,
    ascent: size * EM_ASCENT,
    descent: size * EM_DESCENT,
    spaceBefore: s.spaceBefore,
    spaceAfter: s.spaceAfter,
    keepWithNext: s.keepWithNext,
    keepTogether: s.keepTogether,
    orphans: s.orphans,
    widows: s.widows,
    gridAlign: s.gridAlign,
  };
}

/** Most paragraphs at offset 0 and generated texts kept per font book before the shared cache starts afresh. */
const SHARED_LIMIT = 20000;

/** Prepared paragraphs of one paragraph record, by slot (see slotOf). */
type BySlot = Map<string, PreparedParagraph>;

/** The shared caches of one font book and fallback list. */
interface Shared {
  /** Paragraphs at story offset 0 and generated text, by fingerprint (bounded). */
  byKey: Map<string, PreparedParagraph>;
  /** Paragraphs at other offsets, by paragraph record (weakly) and slot. */
  moved: WeakMap<Paragraph, BySlot>;
}

/**
 * Prepared paragraphs shared by every typesetter over the same fonts and fallback families.
 * The app and the CLI make a new typesetter for each layout (a style may have changed);
 * sharing the prepared objects keeps their memoised compositions (compose-memo.ts), fills and
 * line records alive from one typesetter to the next. A paragraph at offset 0 holds the
 * compositions that the same paragraph at any other offset reuses (shifted), so it is shared
 * by fingerprint (text and resolved styles: a style edit gets a new object); one at another
 * offset is cheap to make again and is kept by its paragraph record.
 */
const SHARED = new WeakMap<FontBook, Map<string, Shared>>();

function sharedCache(fonts: FontBook, fallback: readonly string[]): Shared {
  let byFallback = SHARED.get(fonts);
  if (!byFallback) SHARED.set(fonts, (byFallback = new Map()));
  const fk = fallback.join('\u0000');
  let m = byFallback.get(fk);
  if (!m) byFallback.set(fk, (m = { byKey: new Map(), moved: new WeakMap() }));
  return m;
}

/**
 * Where a paragraph's preparation is kept: one slot for story offset 0 (whose compositions the
 * others reuse) and one for its latest other offset. Typing moves the offset of every later
 * paragraph of the story, and an offset left behind is not asked for again, so keeping every
 * offset ever seen would only keep garbage (and its compositions) alive.
 */
function slotOf(storyOffset: number, prefix?: { text: string; charStyle?: string }): string {
  return `${storyOffset === 0 ? '0' : '+'}\u0000${prefix?.text ?? ''}\u0000${prefix?.charStyle ?? ''}`;
}

/** The story offset a paragraph was prepared at. */
function offsetOf(p: PreparedParagraph): number {
  return (p.data as TextData).base?.shift ?? 0;
}

/** The kept preparation of `para` in `slot`, when it is at `storyOffset` and (if given) has fingerprint `key`. */
function kept(cache: WeakMap<Paragraph, BySlot>, para: Paragraph, slot: string, storyOffset: number, key?: string): PreparedParagraph | undefined {
  const p = cache.get(para)?.get(slot);
  return p && offsetOf(p) === storyOffset && (key === undefined || p.key === key) ? p : undefined;
}

function keep(cache: WeakMap<Paragraph, BySlot>, para: Paragraph, slot: string, p: PreparedParagraph): void {
  let m = cache.get(para);
  if (!m) cache.set(para, (m = new Map()));
  m.set(slot, p);
}

/** The shared object for `sharedKey` (the first one made with it), remembering it when new. */
function canonical(shared: Map<string, PreparedParagraph>, sharedKey: string, prepared: PreparedParagraph): PreparedParagraph {
  const known = shared.get(sharedKey);
  if (known) return known;
  // Bounded: starting afresh only costs recomposition, never changes a result.
  if (shared.size >= SHARED_LIMIT) shared.clear();
  shared.set(sharedKey, prepared);
  return prepared;
}

/** Creates the typesetter for a document's styles over a font book. */
export function createTextTypesetter(doc: IssueDocument, fonts: FontBook, options: TextTypesetterOptions = {}): Typesetter {
  const sheet = resolveStyles(doc);
  const env = { fonts, fallbackFamilies: options.fallbackFamilies ?? fonts.families() };
  const shared = sharedCache(fonts, env.fallbackFamilies);
  const styleKeys = new Map<string, string>();
  const styleKey = (paragraphStyle: string, charStyle?: string): string => {
    const k = `${paragraphStyle}\u0000${charStyle ?? ''}`;
    let v = styleKeys.get(k);
    if (v === undefined) {
      v = JSON.stringify([sheet.paragraph(paragraphStyle), charStyle ? sheet.charAttrs(paragraphStyle, charStyle) : null]);
      styleKeys.set(k, v);
    }
    return v;
  };
  // Prepared paragraphs by paragraph record, offset and prefix: immutable edits keep the
  // records of unchanged paragraphs, so their preparation is reused too.
  const preparedCache = new WeakMap<Paragraph, BySlot>();
  // Generated text (headlines, folios, jump lines) repeats from layout to layout: one object
  // per distinct text and style, so its compositions are memoised too (bounded: cleared when large).
  const generatedCache = new Map<string, PreparedParagraph>();

  return {
    identity: fonts,
    prepare(story, index, storyOffset, prefix) {
      const para = story.paragraphs[index] as Paragraph;
      const base = storyOffset === 0 ? undefined : { paragraph: this.prepare(story, index, 0, prefix), shift: storyOffset };
      const slot = slotOf(storyOffset, prefix);
      const memo = kept(preparedCache, para, slot, storyOffset);
      if (memo) return memo;
      const style = sheet.paragraph(para.style);
      const body = para.runs.map((r) => r.text).join('');
      const pre = prefix?.text ?? '';
      let spans = sheet.spans(para, storyOffset);
      if (pre) {
        spans = [{ start: 0, end: pre.length, attrs: sheet.charAttrs(para.style, prefix?.charStyle), offset: null, noBreak: true }, ...spans.map((s) => ({ ...s, start: s.start + pre.length, end: s.end + pre.length }))];
      }
      const text = pre + body;
      const offsets = new Int32Array(text.length);
      for (let i = 0; i < text.length; i++) offsets[i] = i < pre.length ? -1 : storyOffset + i - pre.length;
      const key = JSON.stringify([styleKey(para.style), para.runs.map((r) => [r.text, r.style ? styleKey(para.style, r.style) : 0]), pre, prefix?.charStyle ? styleKey(para.style, prefix.charStyle) : 0]);
      const data: TextData = { style, spans, ...(base ? { base } : {}) };
      let prepared: PreparedParagraph;
      if (storyOffset === 0) prepared = canonical(shared.byKey, `p\u0000${key}`, { key, text, offsets, metrics: metricsOf(style), data });
      else {
        prepared = kept(shared.moved, para, slot, storyOffset, key) ?? { key, text, offsets, metrics: metricsOf(style), data };
        keep(shared.moved, para, slot, prepared);
      }
      keep(preparedCache, para, slot, prepared);
      return prepared;
    },
    generated(text: string, styleId: ParagraphStyleId | undefined, o: GeneratedOptions = {}): PreparedParagraph {
      const memoKey = JSON.stringify([text, styleId ?? '', o]);
      const memo = generatedCache.get(memoKey);
      if (memo) return memo;
      const base = sheet.paragraph(styleId ?? '');
      const chars = o.charStyle ? sheet.charAttrs(styleId ?? '', o.charStyle) : base.chars;
      const font = o.font ? { ...chars.font, ...(o.font.cjk ? { cjk: o.font.cjk } : {}), ...(o.font.latin ? { latin: o.font.latin } : {}), ...(o.font.weight ? { weight: o.font.weight } : {}), ...(o.font.style ? { style: o.font.style } : {}) } : chars.font;
      const size = o.size ?? chars.size;
      const attrs = { ...chars, font, size };
      // Generated lines are set without indent; an explicit size brings its own leading.
      const style: ResolvedParagraphStyle = { ...base, chars: attrs, firstLineIndent: 0, align: o.align ?? base.align, leading: o.size ? o.size * 1.2 : base.leading };
      const spans: StyledSpan[] = [{ start: 0, end: text.length, attrs, offset: null }];
      const key = JSON.stringify(['gen', text, styleKey(styleId ?? ''), o]);
      const prepared = canonical(shared.byKey, `g\u0000${key}\u0000${o.charStyle ? styleKey(styleId ?? '', o.charStyle) : ''}`, { key, text, offsets: new Int32Array(text.length).fill(-1), metrics: metricsOf(style), data: { style, spans } satisfies TextData });
      if (generatedCache.size > 10000) generatedCache.clear();
      generatedCache.set(memoKey, prepared);
      return prepared;
    },
    compose(p, width, from): FlowComposed {
      const { style, spans, base } = p.data as TextData;
      if (base && typeof width === 'number') {
        let m = BASE_MEMO.get(base.paragraph);
        if (!m) BASE_MEMO.set(base.paragraph, (m = new Map()));
        const key = `${width.toFixed(4)}|${from}`;
        let c = m.get(key);
        if (!c) m.set(key, (c = this.compose(base.paragraph, width, from)));
        // The same lines, their offsets counted from story offset 0 (see FlowComposed.origin).
        return { lines: c.lines, missing: c.missing, origin: 0 };
      }
      const analysis = analysisOf(p, () => analyseParagraph({ text: p.text, spans, style }, env));
      return composeParagraph({ text: p.text, spans, style, width, from }, env, analysis);
    },
  };
}
