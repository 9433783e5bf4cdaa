/**
 * Position: place every glyph of a line, relative to the column's left edge and the line's
 * baseline, and group them into runs of one face, size and paint. Nothing downstream measures.
 */
import type { PlacedGlyph } from '../display/types';
import type { Items } from './items';
import type { LineGeometry } from './justify';
import type { ComposedLine, LineRun } from './types';
import type { Unit } from './shape';

/** Story offset of a text offset inside a unit's span (-1 for generated text). */
function storyOffset(u: Unit, at: number): number {
  return u.span.offset === null ? -1 : u.span.offset + (at - u.span.start);
}

function runFor(runs: LineRun[], u: Unit): LineRun {
  const last = runs[runs.length - 1];
  const a = u.attrs;
  if (last && last.face === u.face.key && last.size === u.size && last.color === a.color && last.overprint === a.overprint) return last;
  const run: LineRun = { face: u.face.key, size: u.size, cmyk: a.cmyk, overprint: a.overprint, glyphs: [] };
  if (a.color !== undefined) run.color = a.color;
  runs.push(run);
  return run;
}

/** Builds the composed line from its geometry; x0 is where the first glyph's box starts. */
export function positionLine(
  it: Items,
  geo: LineGeometry,
  x0: number,
  meta: { start: number; end: number; indent: number; measure: number; leading: number; hyphen: boolean; last: boolean },
): ComposedLine {
  const runs: LineRun[] = [];
  let x = x0;
  let ascent = 0;
  let descent = 0;
  for (let i = geo.a; i <= geo.last; i++) {
    const k = i - geo.a;
    const u = it.units[i]!;
    if (k > 0) x += geo.gap[k]!;
    const scale = u.size / u.face.unitsPerEm;
    const shift = u.attrs.baselineShift;
    ascent = Math.max(ascent, u.face.ascent * scale + shift);
    descent = Math.max(descent, u.face.descent * scale - shift);
    const boxWidth = u.advance - geo.remLeft[k]! - geo.remRight[k]! + geo.unitExtra[k]!;
    if (u.glyphs.length > 0) {
      const run = runFor(runs, u);
      let pen = x - geo.remLeft[k]!;
      for (let g = 0; g < u.glyphs.length; g++) {
        const gl = u.glyphs[g]!;
        const isLast = g === u.glyphs.length - 1;
        // The last glyph of a unit carries the unit's adjustments in its advance.
        const adv = isLast ? x + boxWidth - pen : gl.advance;
        const pg: PlacedGlyph = { id: gl.id, x: pen + gl.dx, y: -gl.dy - shift, advance: adv, text: gl.text, offset: gl.text ? storyOffset(u, gl.at) : -1 };
        run.glyphs.push(pg);
        pen += gl.advance;
      }
    }
    x += boxWidth;
  }
  if (meta.hyphen) {
    const u = it.units[geo.last]!;
    const id = u.face.hasChar(0x2010) ? u.face.glyphId(0x2010) : u.face.glyphId(0x2d);
    const adv = it.hyphenWidth(geo.last + 1);
    runFor(runs, u).glyphs.push({ id, x, y: -u.attrs.baselineShift, advance: adv, text: '-', offset: -1 });
    x += adv;
  }
  if (ascent === 0 && descent === 0 && it.units.length > 0) {
    const u = it.units[Math.min(geo.a, it.units.length - 1)]!;
    ascent = (u.face.ascent / u.face.unitsPerEm) * u.size;
    descent = (u.face.descent / u.face.unitsPerEm) * u.size;
  }
  return {
    start: meta.start,
    end: meta.end,
    x: x0,
    width: x - x0,
    indent: meta.indent,
    measure: meta.measure,
    ascent,
    descent,
    leading: meta.leading,
    hyphen: meta.hyphen,
    last: meta.last,
    runs,
  };
}
