/**
 * Guides on the interactive overlay: type area (margins), template columns, grid baselines,
 * bleed. Never printed; hidden in preview mode (W).
 */
import type { PageDisplayList } from '../../engine/display/types';

/** Which guides to draw. */
export interface GuideToggles {
  margins: boolean;
  columns: boolean;
  grid: boolean;
  bleed: boolean;
}

/** Draws the guides; `px` is the size of one device pixel in points (for hairlines). */
export function paintGuides(ctx: CanvasRenderingContext2D, page: PageDisplayList, on: GuideToggles, px: number): void {
  const g = page.guides;
  ctx.save();
  ctx.lineWidth = px;
  if (on.grid) {
    ctx.strokeStyle = 'rgba(0, 160, 255, 0.25)';
    ctx.beginPath();
    for (const y of g.gridLines) {
      ctx.moveTo(g.margins.x, y);
      ctx.lineTo(g.margins.x + g.margins.width, y);
    }
    ctx.stroke();
  }
  if (on.columns) {
    ctx.strokeStyle = 'rgba(140, 60, 220, 0.7)';
    for (const c of g.columns) ctx.strokeRect(c.x, g.margins.y, c.width, g.margins.height);
  }
  if (on.margins) {
    ctx.strokeStyle = 'rgba(230, 0, 140, 0.8)';
    ctx.strokeRect(g.margins.x, g.margins.y, g.margins.width, g.margins.height);
  }
  if (on.bleed && g.bleed > 0) {
    ctx.strokeStyle = 'rgba(255, 0, 0, 0.8)';
    ctx.setLineDash([4 * px, 3 * px]);
    ctx.strokeRect(-g.bleed, -g.bleed, page.width + 2 * g.bleed, page.height + 2 * g.bleed);
    ctx.setLineDash([]);
  }
  ctx.restore();
}
