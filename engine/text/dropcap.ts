/**
 * Drop caps: the first `chars` characters set big across `lines` lines, and the first lines
 * narrowed by the drop cap's width. Chinese drop caps fill whole character cells (their em
 * box spans from the top of the first line's em box to the foot of the last line's, and the
 * text steps aside by whole cells so the grid holds); Latin ones align their cap height with
 * the first line's and their baseline with the last line's.
 */
import type { PlacedGlyph } from '../display/types';
import type { ResolvedParagraphStyle } from '../style/types';
import type { Unit } from './shape';
import type { LineRun } from './types';

/** A drop cap ready to place. */
export interface DropCap {
  /** Units it takes from the paragraph. */
  count: number;
  lines: number;
  /** How far the first `lines` lines start to the right, pt. */
  narrowing: number;
  /** Glyphs at x from the measure's left edge, y from the first line's baseline. */
  runs: LineRun[];
}

/** Builds the drop cap from the paragraph's first units (undefined if there are none). */
export function makeDropCap(units: readonly Unit[], style: ResolvedParagraphStyle): DropCap | undefined {
  const spec = style.dropCap;
  if (!spec || units.length === 0) return undefined;
  let count = 0;
  let chars = 0;
  while (count < units.length && chars < spec.chars && units[count]!.cls !== 'space') {
    chars++;
    count++;
  }
  if (count === 0) return undefined;
  const body = style.chars.size;
  const L = style.leading;
  const N = spec.lines;
  const first = units[0]!;
  const cjk = first.cjk;
  const capRatio = first.face.capHeight / first.face.unitsPerEm;
  const size = cjk ? (N - 1) * L + body : ((N - 1) * L + capRatio * body) / capRatio;
  // CJK em boxes sit 0.12 em below the baseline (ideographic bottom of common CJK fonts).
  const y = cjk ? (N - 1) * L + 0.12 * body - 0.12 * size : (N - 1) * L;
  const runs: LineRun[] = [];
  let x = 0;
  for (let i = 0; i < count; i++) {
    const u = units[i]!;
    const text = u.glyphs.map((g) => g.text).join('') || String.fromCodePoint(u.cp);
    const shaped = u.face.shape(text, u.attrs.features, u.cjk ? 'hani' : 'latn', '');
    const scale = size / u.face.unitsPerEm;
    let run = runs[runs.length - 1];
    if (!run || run.face !== u.face.key) {
      run = { face: u.face.key, size, cmyk: u.attrs.cmyk, overprint: u.attrs.overprint, glyphs: [] };
      if (u.attrs.color !== undefined) run.color = u.attrs.color;
      runs.push(run);
    }
    let first = true;
    for (const g of shaped) {
      const pg: PlacedGlyph = {
        id: g.id,
        x: x + g.xOffset * scale,
        y: y - g.yOffset * scale,
        advance: g.advance * scale,
        text: first ? text : '',
        offset: first && u.span.offset !== null ? u.span.offset + (u.start - u.span.start) : -1,
      };
      first = false;
      run.glyphs.push(pg);
      x += g.advance * scale;
    }
  }
  const narrowing = cjk ? Math.ceil(x / body - 1e-6) * body : x + body / 4;
  return { count, lines: N, narrowing, runs };
}
