/**
 * Viewport maths: where the page sits in the canvas for a zoom and pan, and the zoom for the
 * fit modes. Kept free of React and the DOM so it can be unit-tested.
 */
import type { Zoom } from '../store/store';

/** Pasteboard around the page at fit zoom, in CSS px. */
export const FIT_PADDING = 24;
/** Zoom limits: 5 % to 6400 % (px per pt relative to 100 %). */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 64;
/** At 100 % one point is 96/72 CSS px, as in other layout tools. */
export const PX_PER_PT = 96 / 72;

/** Size of the page and of the viewport. */
export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  viewWidth: number;
  viewHeight: number;
}

/** The scale (CSS px per pt, 100 % = PX_PER_PT) for a zoom setting. */
export function scaleFor(zoom: Zoom, g: Geometry): number {
  const w = Math.max(1, g.viewWidth - 2 * FIT_PADDING);
  const h = Math.max(1, g.viewHeight - 2 * FIT_PADDING);
  if (zoom.mode === 'scale') return clampScale(zoom.scale * PX_PER_PT);
  if (zoom.mode === 'fit-width') return clampScale(w / g.pageWidth);
  return clampScale(Math.min(w / g.pageWidth, h / g.pageHeight));
}

/** Clamps a scale to the supported range. */
export function clampScale(s: number): number {
  return Math.min(MAX_SCALE * PX_PER_PT, Math.max(MIN_SCALE * PX_PER_PT, s));
}

/** Page origin (CSS px in the viewport) that centres the page, or top-aligns it when taller. */
export function centredOrigin(scale: number, g: Geometry): { x: number; y: number } {
  const w = g.pageWidth * scale;
  const h = g.pageHeight * scale;
  return {
    x: w <= g.viewWidth - 2 * FIT_PADDING ? (g.viewWidth - w) / 2 : FIT_PADDING,
    y: h <= g.viewHeight - 2 * FIT_PADDING ? (g.viewHeight - h) / 2 : FIT_PADDING,
  };
}

/**
 * New origin after zooming from `oldScale` to `newScale` around the viewport point (px, py),
 * so that the page point under the pointer stays under it.
 */
export function zoomAround(origin: { x: number; y: number }, oldScale: number, newScale: number, px: number, py: number): { x: number; y: number } {
  const k = newScale / oldScale;
  return { x: px - (px - origin.x) * k, y: py - (py - origin.y) * k };
}
