/**
 * Painting the page canvas: the whole view (pasteboard, the sheet's shadow, the page), and
 * repainting only the areas of a page that changed (a keystroke touches a few lines): each
 * area is widened to whole device pixels and clipped to, and everything the display list has
 * there is painted again in order over paper white. Inside the clip the pixels are exactly
 * those of a full repaint (same transform, same items, no anti-aliased clip edge); outside it
 * nothing is touched.
 */
import type { PageDisplayList } from '../../engine/display/types';
import type { Rect } from '../layout/layout-delta';
import { paintPage, type PageRect, type PaintReport, type PaintSources } from './paint';

/** The pasteboard around the page. */
export const PASTEBOARD = '#7a7d82';

/** Where the page sits on the canvas: points → device pixels is x·k + ox, y·k + oy. */
export interface DeviceTransform {
  k: number;
  ox: number;
  oy: number;
  /** Whether the bleed is shown (the page paints beyond its trim). */
  bleed: boolean;
  /** The page area the viewport shows. */
  visible: PageRect;
}

/**
 * Paints the whole canvas (or its top-left `size` device pixels): pasteboard, the sheet's drop
 * shadow (3 CSS px), the page.
 */
export function paintView(ctx: CanvasRenderingContext2D, page: PageDisplayList, t: DeviceTransform & { scale: number }, src: PaintSources, size?: { width: number; height: number }): PaintReport {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = PASTEBOARD;
  ctx.fillRect(0, 0, size?.width ?? ctx.canvas.width, size?.height ?? ctx.canvas.height);
  ctx.setTransform(t.k, 0, 0, t.k, t.ox, t.oy);
  ctx.fillStyle = 'rgba(0,0,0,0.25)';
  ctx.fillRect(3 / t.scale, 3 / t.scale, page.width, page.height);
  // Only what the viewport shows is painted: at high zoom most of the page is off-canvas.
  return paintPage(ctx, page, src, { bleed: t.bleed, visible: t.visible });
}

/** Scratch canvas the areas are painted on (reused; grows as needed). */
let scratch: OffscreenCanvas | null = null;
/** Device pixels painted around each area and not copied (see repaintAreas). */
const MARGIN = 8;

/**
 * Repaints `rects` (page points) of `page`; returns how many areas were repainted. Each area is
 * painted whole on a scratch canvas at the same sub-pixel offset and copied over pixel for
 * pixel: a clip path would rasterise glyph edges a little differently from the full paint, and
 * so does the edge of a canvas, so the scratch has a margin that is painted and not copied.
 * (A long rule or a picture crossing the area's edge may still differ by a few levels of
 * anti-aliasing or resampling there; nothing else does.)
 */
export function repaintAreas(ctx: CanvasRenderingContext2D, page: PageDisplayList, rects: readonly Rect[], t: DeviceTransform & { scale: number }, src: PaintSources): number {
  const v = t.visible;
  let n = 0;
  for (const r of rects) {
    // Within the viewport only; beyond the page the pasteboard and the shadow are repainted too
    // (a picture bleeding off the page may have painted there).
    const ax = Math.max(r.x, v.x);
    const ay = Math.max(r.y, v.y);
    const bx = Math.min(r.x + r.width, v.x + v.width);
    const by = Math.min(r.y + r.height, v.y + v.height);
    if (bx <= ax || by <= ay) continue;
    const X0 = Math.floor(ax * t.k + t.ox);
    const Y0 = Math.floor(ay * t.k + t.oy);
    const W = Math.ceil(bx * t.k + t.ox) - X0;
    const H = Math.ceil(by * t.k + t.oy) - Y0;
    const SW = W + 2 * MARGIN;
    const SH = H + 2 * MARGIN;
    if (!scratch || scratch.width < SW || scratch.height < SH) scratch = new OffscreenCanvas(Math.max(SW, scratch?.width ?? 0), Math.max(SH, scratch?.height ?? 0));
    const s = scratch.getContext('2d')! as unknown as CanvasRenderingContext2D;
    const ox = t.ox - X0 + MARGIN;
    const oy = t.oy - Y0 + MARGIN;
    paintView(s, page, { ...t, ox, oy, visible: { x: -ox / t.k, y: -oy / t.k, width: SW / t.k, height: SH / t.k } }, src, { width: SW, height: SH });
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(scratch, MARGIN, MARGIN, W, H, X0, Y0, W, H);
    ctx.restore();
    n++;
  }
  return n;
}
