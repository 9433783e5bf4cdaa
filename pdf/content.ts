/**
 * Content-stream operators for display items. User space is pdfkit's page space flipped to
 * y-down (its addPage writes `1 0 0 -1 0 H cm`), translated so that (0, 0) is the trim box's
 * top-left: display-list coordinates are used as they are.
 */
import type { GlyphRunItem, LineItem, Paint, RectItem } from '../engine/display/types';
import type { FontHandle } from './fonts';

/** A number as PDF content writes it: at most 3 decimals, no exponent, no "-0". */
export function num(n: number): string {
  // A NaN or Infinity would make the content stream unreadable; fail the export instead.
  if (!Number.isFinite(n)) throw new Error(`the display list holds a non-finite number (${n}); the layout is broken`);
  const r = Math.round(n * 1000) / 1000;
  if (r === 0) return '0';
  return String(r);
}

/** Resolves the page resources a paint or item needs (spot colour spaces, the overprint state). */
export interface ResourceSink {
  /** Resource name of the Separation colour space for an ink (registered on the current page). */
  separation(ink: string, alternate: readonly number[]): string;
  /** Resource name of the overprint ExtGState (registered on the current page). */
  overprint(): string;
}

/** Colour-setting operators for a paint: fill (`k`/`scn`) or stroke (`K`/`SCN`). */
export function paintOps(paint: Paint, stroke: boolean, res: ResourceSink): string {
  const tint = paint.tint ?? 1;
  if (paint.spot) {
    const cs = res.separation(paint.spot, paint.cmyk);
    return stroke ? `/${cs} CS ${num(tint)} SCN` : `/${cs} cs ${num(tint)} scn`;
  }
  const [c, m, y, k] = paint.cmyk.map((v) => num((v / 100) * tint));
  return `${c} ${m} ${y} ${k} ${stroke ? 'K' : 'k'}`;
}

function wrapOverprint(ops: string, overprint: boolean, res: ResourceSink): string {
  return overprint ? `q /${res.overprint()} gs\n${ops}\nQ` : `q\n${ops}\nQ`;
}

/** A filled and/or stroked rectangle. */
export function rectOps(item: RectItem, res: ResourceSink): string {
  const parts: string[] = [];
  const box = `${num(item.x)} ${num(item.y)} ${num(item.width)} ${num(item.height)} re`;
  if (item.fill) parts.push(paintOps(item.fill, false, res));
  const stroke = item.stroke && item.strokeWidth > 0;
  if (stroke && item.stroke) parts.push(paintOps(item.stroke, true, res), `${num(item.strokeWidth)} w`);
  if (!item.fill && !stroke) return '';
  parts.push(box, item.fill && stroke ? 'B' : item.fill ? 'f' : 'S');
  return wrapOverprint(parts.join('\n'), item.overprint, res);
}

/** A straight rule. */
export function lineOps(item: LineItem, res: ResourceSink): string {
  if (item.width <= 0) return '';
  const dash = item.dash && item.dash.length > 0 ? `[${item.dash.map(num).join(' ')}] 0 d` : '';
  const ops = [paintOps(item.paint, true, res), `${num(item.width)} w`, dash, `${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l S`];
  return wrapOverprint(ops.filter(Boolean).join('\n'), item.overprint, res);
}

/**
 * A glyph run: one BT block; a Tm where the baseline changes, then TJ with kerning numbers
 * that move each glyph from where the font's own advance would put it to where the engine put it.
 * The text matrix mirrors y back (`1 0 0 -1`) because user space is y-down.
 */
export function glyphRunOps(item: GlyphRunItem, font: FontHandle, res: ResourceSink): string {
  if (item.glyphs.length === 0) return '';
  const out: string[] = [paintOps(item.paint, false, res), 'BT', `/${font.name} ${num(item.size)} Tf`];
  let tj: string[] = [];
  let penX = 0;
  let lineY = Number.NaN;
  const flush = () => {
    if (tj.length > 0) out.push(`[${tj.join('')}] TJ`);
    tj = [];
  };
  const unitsToPt = item.size / 1000;
  for (const g of item.glyphs) {
    const x = item.x + g.x;
    const y = item.y + g.y;
    const code = font.encode(g.id, g.text);
    if (y !== lineY || Math.abs(x - penX) > item.size * 4) {
      flush();
      out.push(`1 0 0 -1 ${num(x)} ${num(y)} Tm`);
      lineY = y;
      penX = x;
    } else {
      // TJ numbers are thousandths of an em, subtracted from the pen position.
      const adj = Math.round(((penX - x) / unitsToPt) * 10) / 10;
      if (adj !== 0) tj.push(num(adj));
    }
    tj.push(`<${code}>`);
    penX = x + font.width(g.id) * unitsToPt;
  }
  flush();
  out.push('ET');
  return wrapOverprint(out.join('\n'), item.overprint, res);
}
