/**
 * Painting the page canvas: the whole view (pasteboard, the sheet's shadow, the page), and
 * repainting only the areas of a page that changed (a keystroke touches a few lines): each
 * area is widened to whole device pixels and clipped to under the identity transform, and
 * everything the display list has there is painted again in order over paper white. A clip on
 * pixel edges has no anti-aliased border, so inside it the pixels are those of a full repaint
 * (`repaintDifference()` in automation checks this); outside it nothing is touched.
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
 * Paints the whole canvas (or the device-pixel rectangle `area` of it): pasteboard, the sheet's
 * drop shadow (3 CSS px), the page.
 */
export function paintView(ctx: CanvasRenderingContext2D, page: PageDisplayList, t: DeviceTransform & { scale: number }, src: PaintSources, area?: { x: number; y: number; width: number; height: number }): PaintReport {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = PASTEBOARD;
  ctx.fillRect(area?.x ?? 0, area?.y ?? 0, area?.width ?? ctx.canvas.width, area?.height ?? ctx.canvas.height);
  ctx.setTransform(t.k, 0, 0, t.k, t.ox, t.oy);
  ctx.fillStyle = 'rgba(0,0,0,0.25)';
  ctx.fillRect(3 / t.scale, 3 / t.scale, page.width, page.height);
  // Only what the viewport shows is painted: at high zoom most of the page is off-canvas.
  return paintPage(ctx, page, src, { bleed: t.bleed, visible: t.visible });
}

/**
 * Repaints `rects` (page points) of `page`; returns how many areas were repainted. Each area is
 * widened to whole device pixels and clipped to under the identity transform (a clip on pixel
 * edges has no anti-aliased border), and everything the display list has there is painted
 * again in order (pasteboard, shadow, paper, items), so inside the clip the pixels are those a
 * full repaint gives; outside it nothing is touched.
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
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    ctx.rect(X0, Y0, W, H);
    ctx.clip();
    // Only what the clip shows is painted: the area, in page points.
    paintView(ctx, page, { ...t, visible: { x: (X0 - t.ox) / t.k, y: (Y0 - t.oy) / t.k, width: W / t.k, height: H / t.k } }, src, { x: X0, y: Y0, width: W, height: H });
    ctx.restore();
    n++;
  }
  return n;
}
