/**
 * Wrap exclusions: the rectangles a page's wrapping frames keep text out of. A picture's
 * covers the picture, its credit line and its caption as set; a text frame or box with
 * box wrap covers its frame. Each is grown by the frame's wrap offsets.
 */
import type { Frame, ImageFrame } from '../model/types';
import type { Exclusion } from './flow-story';
import { wrapRect, type Rect } from './geometry';
import { creditHeight } from './image';
import type { Typesetter } from './typesetter';

/** Type size of an image frame's credit line: its style's, else 6 pt. */
export function creditSizeOf(f: ImageFrame, ts: Typesetter): number {
  return f.creditStyle ? ts.generated('x', f.creditStyle).metrics.size : 6;
}

/** Height of an image frame's credit line (0 without a credit). */
export function creditHeightOf(f: ImageFrame, ts: Typesetter): number {
  return creditHeight(f, creditSizeOf(f, ts));
}

/** What an image frame covers: the picture, the credit under it and the caption as set. */
export function imageExtent(f: ImageFrame, creditH: number, caption: Rect | null): Rect {
  const pic: Rect = { x: f.x, y: f.y, width: f.width, height: f.height + creditH };
  if (!caption) return pic;
  const x = Math.min(pic.x, caption.x);
  const y = Math.min(pic.y, caption.y);
  return { x, y, width: Math.max(pic.x + pic.width, caption.x + caption.width) - x, height: Math.max(pic.y + pic.height, caption.y + caption.height) - y };
}

/**
 * The exclusions of the frames `frames` (one page's, in document order): pictures first, then
 * other wrapping frames, the order the whole-issue layout files them in. `caption` gives the
 * caption box of a picture as laid out (null: none).
 */
export function wrapExclusions(frames: readonly Frame[], ts: Typesetter, caption: (f: ImageFrame) => Rect | null): Exclusion[] {
  const out: Exclusion[] = [];
  for (const f of frames) {
    if (f.kind !== 'image') continue;
    const w = wrapRect(imageExtent(f, creditHeightOf(f, ts), caption(f)), f);
    if (w) out.push({ rect: w, frame: f.id });
  }
  return [...out, ...boxWraps(frames)];
}

/** The exclusions of the frames other than pictures that wrap text around their box. */
export function boxWraps(frames: readonly Frame[]): Exclusion[] {
  const out: Exclusion[] = [];
  for (const f of frames) {
    if (f.kind === 'image' || !f.wrap || f.wrap.mode !== 'box') continue;
    const w = wrapRect(f, f);
    if (w) out.push({ rect: w, frame: f.id });
  }
  return out;
}
