/**
 * Turning composed lines into line records: glyph runs in page points with CMYK paint, the
 * line's source text and caret stops. Lines reused from a cache are rebased here, so story
 * offsets are always those of the current document.
 */
import type { GlyphRunItem, Paint } from '../display/types';
import type { StoryId, SwatchId } from '../model/ids';
import type { Swatch } from '../model/types';
import { round } from './geometry';
import type { LineRecord, LineRole } from './types';
import type { FlowLine, PreparedParagraph } from './typesetter';

/** Process black, the default text colour. */
export const BLACK: Paint = { cmyk: [0, 0, 0, 100] };

/** Resolves a swatch id to paint; unknown or absent ids give black. */
export function paintOf(swatches: ReadonlyMap<string, Swatch>, id: SwatchId | string | undefined, tint?: number): Paint {
  const s = id ? swatches.get(id) : undefined;
  const base: Paint = !s ? BLACK : s.kind === 'spot' ? { cmyk: s.cmyk, spot: s.ink ?? s.name } : { cmyk: s.cmyk };
  return tint !== undefined && tint < 1 ? { ...base, tint } : base;
}

/** Inputs for one line record. */
export interface LineInput {
  line: FlowLine;
  prepared: PreparedParagraph;
  /** Story offset of the paragraph's first source character when the line was composed. */
  composedStart: number;
  x: number;
  baseline: number;
  column: number;
  story: StoryId | null;
  role: LineRole;
  frame: string;
  swatches: ReadonlyMap<string, Swatch>;
}

function firstSource(offsets: Int32Array): number {
  for (const o of offsets) if (o >= 0) return o;
  return 0;
}

/** Builds the record (text, offsets, runs, carets) of one placed line. */
export function lineRecord(inp: LineInput): LineRecord {
  const { line, prepared: p } = inp;
  const delta = firstSource(p.offsets) - inp.composedStart;
  let start = -1;
  let end = -1;
  let first = -1;
  let contiguous = true;
  for (let i = line.start; i < line.end; i++) {
    const o = p.offsets[i]!;
    if (o < 0) {
      if (first >= 0) contiguous = false;
      continue;
    }
    if (first < 0) first = i;
    if (start < 0) start = o;
    end = o + 1;
  }
  const generated = inp.role !== 'story';
  let text = '';
  if (generated) text = p.text.slice(line.start, line.end);
  // Source characters follow generated ones (an inline byline), so they are one stretch.
  else if (contiguous) text = first < 0 ? '' : p.text.slice(first, line.end);
  else for (let i = line.start; i < line.end; i++) if (p.offsets[i]! >= 0) text += p.text[i];
  const runs: GlyphRunItem[] = [];
  const carets: { offset: number; x: number }[] = [];
  for (const r of line.runs) {
    const glyphs = r.glyphs.map((g) => ({ ...g, x: round(g.x), y: round(g.y), offset: g.offset >= 0 && !generated ? g.offset + delta : -1 }));
    runs.push({
      type: 'glyphs',
      face: r.face,
      size: r.size,
      x: round(inp.x),
      y: round(inp.baseline),
      paint: paintOf(inp.swatches, r.color),
      overprint: r.overprint,
      glyphs,
      source: inp.story && !generated ? { kind: 'story', story: inp.story } : { kind: 'generated', role: generatedRole(inp.role) },
      frame: inp.frame as GlyphRunItem['frame'],
    });
    for (const g of glyphs) if (g.offset >= 0 && g.text) carets.push({ offset: g.offset, x: round(inp.x + g.x) });
  }
  if (!ordered(carets)) carets.sort((a, b) => a.offset - b.offset || a.x - b.x);
  if (!generated && end >= 0) carets.push({ offset: end, x: round(inp.x + line.x + line.width) });
  return {
    story: generated ? null : inp.story,
    role: inp.role,
    column: inp.column,
    x: round(inp.x + line.x),
    y: round(inp.baseline),
    width: round(line.width),
    ascent: round(line.ascent),
    descent: round(line.descent),
    start: generated ? -1 : start,
    end: generated ? -1 : end,
    text,
    hyphen: line.hyphen,
    carets,
    runs,
  };
}

/** Whether caret stops are already in (offset, x) order (they usually are: no sort needed). */
function ordered(carets: readonly { offset: number; x: number }[]): boolean {
  for (let i = 1; i < carets.length; i++) {
    const a = carets[i - 1]!;
    const b = carets[i]!;
    if (a.offset > b.offset || (a.offset === b.offset && a.x > b.x)) return false;
  }
  return true;
}

function generatedRole(role: LineRole): 'jump' | 'folio' | 'headline' | 'byline' | 'credit' {
  return role === 'story' ? 'byline' : role;
}
