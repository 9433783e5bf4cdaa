/**
 * composeParagraph: itemize → shape → punctuation → segment → items → break → justify →
 * position. The entry point of the composer (engine/DESIGN.md). Deterministic; every
 * fontkit call is cached on the faces, so re-composing after an edit costs only the
 * breaking and positioning of the one paragraph.
 */
import { isCjkLang } from '../style/defaults';
import type { StyledSpan } from '../style/types';
import { findBreaks } from './breaker';
import { makeDropCap } from './dropcap';
import { buildItems } from './items';
import { itemize } from './itemize';
import { justifyLine } from './justify';
import { lineMetrics } from './line-metrics';
import { positionLine } from './position';
import { adjustPunctuation } from './punctuation';
import { segment } from './segment';
import { shapeUnits } from './shape';
import type { ComposedLine, ComposedParagraph, ComposeRequest, MissingChar, TextEnv } from './types';

/** Spans covering the whole text: the request's, or one span of the paragraph style. */
function coverSpans(req: Pick<ComposeRequest, 'text' | 'spans' | 'style'>): StyledSpan[] {
  const len = req.text.length;
  if (req.spans.length > 0 && req.spans[0]!.start === 0 && req.spans[req.spans.length - 1]!.end >= len) return req.spans;
  if (req.spans.length === 0) return [{ start: 0, end: len, attrs: req.style.chars, offset: 0 }];
  // Gaps are filled with the paragraph's own attributes rather than rejected.
  const out: StyledSpan[] = [];
  let pos = 0;
  for (const s of req.spans) {
    if (s.start > pos) out.push({ start: pos, end: s.start, attrs: req.style.chars, offset: null });
    out.push(s);
    pos = Math.max(pos, s.end);
  }
  if (pos < len) out.push({ start: pos, end: len, attrs: req.style.chars, offset: null });
  return out;
}

/**
 * What composing a paragraph needs before breaking it into lines, for any measure or start:
 * its characters with faces, shaped units with punctuation adjusted, break opportunities and
 * the breaker's items. Nothing later changes it, so a host may keep it and compose the same
 * paragraph again (another measure, the rest after a column break) without shaping it again.
 */
export interface ParagraphAnalysis {
  chars: ReturnType<typeof itemize>;
  units: ReturnType<typeof shapeUnits>;
  items: ReturnType<typeof buildItems>;
}

/** Analyses the request's text, spans and style (its width and start do not matter). */
export function analyseParagraph(req: Omit<ComposeRequest, 'width' | 'from'>, env: TextEnv): ParagraphAnalysis {
  const { text, style } = req;
  const spans = coverSpans(req);
  const fallback = env.fallbackFamilies ?? [];
  const chars = itemize(text, spans, env.fonts, fallback, style.lang);
  const units = shapeUnits(text, chars);
  adjustPunctuation(units, style.punctuation);
  const brkAt = segment(text, chars, { rules: style.rules, hyphenate: style.hyphenate });
  keepSpansUnbroken(brkAt, spans);
  return { chars, units, items: buildItems(units, brkAt, style, isCjkLang(style.lang)) };
}

/**
 * Composes one paragraph into lines of positioned glyph runs. `analysis`: the paragraph's
 * analyseParagraph() result when the host kept it (same text, spans, style and fonts).
 */
export function composeParagraph(req: ComposeRequest, env: TextEnv, analysis?: ParagraphAnalysis): ComposedParagraph {
  const { text, style } = req;
  const keep = { keepWithNext: style.keepWithNext, keepTogether: style.keepTogether };
  const from = Math.max(0, Math.min(req.from ?? 0, text.length));
  const widthOf = (line: number): number => {
    const w = typeof req.width === 'function' ? req.width(line) : req.width;
    return Number.isFinite(w) && w > 0 ? w : 0;
  };
  const { chars, units, items: it } = analysis ?? analyseParagraph(req, env);

  let startUnit = 0;
  while (startUnit < units.length && units[startUnit]!.end <= from) startUnit++;
  const dropCap = from === 0 ? makeDropCap(units, style) : undefined;
  const firstIndent = from === 0 && !dropCap ? style.firstLineIndent * style.chars.size : 0;
  const indent = (line: number): number => (dropCap ? (line < dropCap.lines ? dropCap.narrowing : 0) : line === 0 ? firstIndent : 0);
  const measure = (line: number): number => Math.max(0, widthOf(line) - style.leftIndent - style.rightIndent - indent(line));
  const justify = style.align === 'justify' || style.align === 'justify-all';

  const missing: MissingChar[] = [];
  for (const c of chars) {
    if (c.missing) missing.push({ offset: c.span.offset === null ? -1 : c.span.offset + (c.start - c.span.start), char: text.slice(c.start, c.end) });
  }

  const lines: ComposedLine[] = [];
  const firstSet = dropCap ? dropCap.count : startUnit;
  if (firstSet >= units.length) {
    // Empty paragraph (or only a drop cap): one line so the paragraph still takes its leading.
    const u = units[0];
    const face = u?.face ?? env.fonts.resolve(style.chars.font.cjk) ?? env.fonts.resolve(style.chars.font.latin);
    const scale = face ? style.chars.size / face.unitsPerEm : 0;
    lines.push({
      start: from,
      end: text.length,
      x: style.leftIndent + indent(0),
      width: 0,
      indent: indent(0),
      measure: measure(0),
      ascent: face ? face.ascent * scale : style.chars.size * 0.88,
      descent: face ? face.descent * scale : style.chars.size * 0.12,
      leading: style.leading,
      hyphen: false,
      last: true,
      runs: dropCap ? dropCap.runs.map((r) => ({ ...r, glyphs: r.glyphs.map((g) => ({ ...g, x: g.x + style.leftIndent })) })) : [],
    });
    return { lines, missing, ...keep };
  }

  const breaks = findBreaks(it, {
    measure,
    distinctLines: typeof req.width === 'function' ? Number.MAX_SAFE_INTEGER : dropCap ? dropCap.lines : 1,
    justify,
    justifyLast: style.align === 'justify-all',
    avoidSingleCharLastLine: style.avoidSingleCharLastLine,
    greedy: style.breaking === 'greedy',
    startUnit: firstSet,
  });

  let a = firstSet;
  breaks.forEach((b, line) => {
    const last = line === breaks.length - 1;
    const met = lineMetrics(it, a, b);
    const m = measure(line);
    const fill = justify && (!last || style.align === 'justify-all');
    const geo = justifyLine(it, a, met, m, fill);
    let offset = 0;
    if (style.align === 'right') offset = m - geo.width;
    else if (style.align === 'center') offset = (m - geo.width) / 2;
    const x0 = style.leftIndent + indent(line) + offset;
    const start = line === 0 ? from : units[a]!.start;
    const end = b < units.length ? units[b]!.start : text.length;
    const composed = positionLine(it, geo, x0, { start, end, indent: indent(line), measure: m, leading: style.leading, hyphen: met.hyphen, last });
    if (line === 0 && dropCap) {
      composed.runs.unshift(...dropCap.runs.map((r) => ({ ...r, glyphs: r.glyphs.map((g) => ({ ...g, x: g.x + style.leftIndent })) })));
    }
    lines.push(composed);
    a = b;
  });
  return { lines, missing, ...keep };
}

/** Removes the break opportunities strictly inside spans marked noBreak (bylines). */
function keepSpansUnbroken(brkAt: Uint8Array, spans: readonly StyledSpan[]): void {
  for (const s of spans) {
    if (!s.noBreak) continue;
    for (let i = s.start + 1; i < s.end; i++) brkAt[i] = 0;
  }
}
