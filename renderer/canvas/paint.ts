/**
 * Paints a page's display list on a 2D canvas: exactly the items, in order, with nothing laid
 * out or measured here (the PDF writer walks the same list). Coordinates: the caller sets the
 * transform so that one unit is one point with the origin at the trim's top-left.
 */
import type { DisplayItem, GlyphRunItem, ImageItem, LineItem, PageDisplayList, RectItem } from '../../engine/display/types';
import { cssColor } from './color';
import type { GlyphCache, GlyphSource } from './glyph-cache';

/** What painting needs from the host. */
export interface PaintSources {
  face(key: string): GlyphSource | undefined;
  image(src: string): CanvasImageSource | undefined;
  glyphs: GlyphCache;
}

/** What was painted and what could not be (a face or image not loaded yet). */
export interface PaintReport {
  /** Items painted (those outside the visible rectangle are not counted). */
  items: number;
  missingFaces: string[];
  missingImages: string[];
}

/** The rectangle of the page that is visible; items wholly outside it are skipped. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function runVisible(run: GlyphRunItem, r: PageRect): boolean {
  const n = run.glyphs.length;
  if (n === 0) return false;
  const first = run.glyphs[0]!;
  const last = run.glyphs[n - 1]!;
  // Generous box: a glyph may overhang its advance, and y offsets are small next to the size.
  const x0 = run.x + Math.min(first.x, last.x) - run.size;
  const x1 = run.x + Math.max(first.x, last.x) + last.advance + run.size;
  const y0 = run.y - 1.5 * run.size;
  const y1 = run.y + run.size;
  return x1 >= r.x && x0 <= r.x + r.width && y1 >= r.y && y0 <= r.y + r.height;
}

function glyphRun(ctx: CanvasRenderingContext2D, run: GlyphRunItem, src: PaintSources, report: PaintReport): void {
  const face = src.face(run.face);
  if (!face) {
    if (!report.missingFaces.includes(run.face)) report.missingFaces.push(run.face);
    return;
  }
  const s = run.size / face.unitsPerEm;
  ctx.fillStyle = cssColor(run.paint);
  // Set each glyph's transform directly from the page transform (no save/restore per glyph:
  // that was most of the painting time). The page transform is a scale plus a translation.
  const m = ctx.getTransform();
  for (const g of run.glyphs) {
    const x = run.x + g.x;
    const y = run.y + g.y;
    ctx.setTransform(m.a * s, 0, 0, -m.d * s, m.a * x + m.e, m.d * y + m.f);
    ctx.fill(src.glyphs.path(run.face, face, g.id));
  }
  ctx.setTransform(m);
}

function image(ctx: CanvasRenderingContext2D, it: ImageItem, src: PaintSources, report: PaintReport): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(it.clip.x, it.clip.y, it.clip.width, it.clip.height);
  ctx.clip();
  const img = src.image(it.src);
  if (img) ctx.drawImage(img, it.x, it.y, it.width, it.height);
  else {
    // A missing picture shows as the classic crossed box, so it cannot go unnoticed.
    report.missingImages.push(it.src);
    ctx.fillStyle = '#eee';
    ctx.fillRect(it.clip.x, it.clip.y, it.clip.width, it.clip.height);
    ctx.strokeStyle = '#c33';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(it.clip.x, it.clip.y);
    ctx.lineTo(it.clip.x + it.clip.width, it.clip.y + it.clip.height);
    ctx.moveTo(it.clip.x + it.clip.width, it.clip.y);
    ctx.lineTo(it.clip.x, it.clip.y + it.clip.height);
    ctx.stroke();
  }
  ctx.restore();
}

function rect(ctx: CanvasRenderingContext2D, it: RectItem): void {
  if (it.fill) {
    ctx.fillStyle = cssColor(it.fill);
    ctx.fillRect(it.x, it.y, it.width, it.height);
  }
  if (it.stroke && it.strokeWidth > 0) {
    ctx.strokeStyle = cssColor(it.stroke);
    ctx.lineWidth = it.strokeWidth;
    ctx.strokeRect(it.x, it.y, it.width, it.height);
  }
}

function line(ctx: CanvasRenderingContext2D, it: LineItem): void {
  ctx.strokeStyle = cssColor(it.paint);
  ctx.lineWidth = it.width;
  ctx.setLineDash(it.dash ?? []);
  ctx.lineCap = 'butt';
  ctx.beginPath();
  ctx.moveTo(it.x1, it.y1);
  ctx.lineTo(it.x2, it.y2);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Whether an item can touch the visible rectangle. */
function itemVisible(item: DisplayItem, r: PageRect): boolean {
  switch (item.type) {
    case 'glyphs':
      return runVisible(item, r);
    case 'image':
      return item.clip.x <= r.x + r.width && item.clip.x + item.clip.width >= r.x && item.clip.y <= r.y + r.height && item.clip.y + item.clip.height >= r.y;
    case 'rect':
      return item.x - item.strokeWidth <= r.x + r.width && item.x + item.width + item.strokeWidth >= r.x && item.y - item.strokeWidth <= r.y + r.height && item.y + item.height + item.strokeWidth >= r.y;
    case 'line':
      return Math.min(item.x1, item.x2) - item.width <= r.x + r.width && Math.max(item.x1, item.x2) + item.width >= r.x && Math.min(item.y1, item.y2) - item.width <= r.y + r.height && Math.max(item.y1, item.y2) + item.width >= r.y;
  }
}

/** Paints one item. */
export function paintItem(ctx: CanvasRenderingContext2D, item: DisplayItem, src: PaintSources, report: PaintReport): void {
  switch (item.type) {
    case 'glyphs':
      return glyphRun(ctx, item, src, report);
    case 'image':
      return image(ctx, item, src, report);
    case 'rect':
      return rect(ctx, item);
    case 'line':
      return line(ctx, item);
  }
}

/**
 * Paints the page: paper white over the trim (and bleed when `bleed` is set), then every item.
 * The caller's transform maps points to device pixels.
 */
export function paintPage(ctx: CanvasRenderingContext2D, page: PageDisplayList, src: PaintSources, opts: { bleed?: boolean; visible?: PageRect } = {}): PaintReport {
  const report: PaintReport = { items: 0, missingFaces: [], missingImages: [] };
  const b = opts.bleed ? page.bleed : 0;
  ctx.fillStyle = '#fff';
  ctx.fillRect(-b, -b, page.width + 2 * b, page.height + 2 * b);
  if (!opts.bleed) {
    // Outside the trim nothing is printed; clip so bleed items do not spill into the pasteboard.
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, page.width, page.height);
    ctx.clip();
  }
  for (const item of page.items) {
    if (opts.visible && !itemVisible(item, opts.visible)) continue;
    paintItem(ctx, item, src, report);
    report.items++;
  }
  if (!opts.bleed) ctx.restore();
  return report;
}
