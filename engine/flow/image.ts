/**
 * Image frames: where the picture goes inside its frame (fit/fill/stretch/none, then the
 * frame's pan and zoom; clipped to the frame), and the caption area bound to the frame.
 * The caption moves with its image: above/below it takes the image's width, beside it
 * `caption.width`; the credit line sits right under the picture.
 */
import type { ImageFrame, TextFrame } from '../model/types';
import type { FrameId } from '../model/ids';
import { round, type Rect } from './geometry';

/** The image's placement: the whole picture's box (may extend beyond the frame). */
export function placeImage(f: ImageFrame, natural: { width: number; height: number } | null | undefined): Rect {
  const fw = f.width;
  const fh = f.height;
  let w = fw;
  let h = fh;
  if (natural && natural.width > 0 && natural.height > 0 && f.fit !== 'stretch') {
    const sx = fw / natural.width;
    const sy = fh / natural.height;
    const s = f.fit === 'fill' ? Math.max(sx, sy) : f.fit === 'fit' ? Math.min(sx, sy) : 1;
    w = natural.width * s;
    h = natural.height * s;
  }
  w *= f.scale;
  h *= f.scale;
  // Centred, then panned by the frame's offsets.
  return { x: f.x + (fw - w) / 2 + f.offsetX, y: f.y + (fh - h) / 2 + f.offsetY, width: w, height: h };
}

/** Height kept for the credit line under the picture. */
export function creditHeight(f: ImageFrame, creditSize: number): number {
  return f.credit ? creditSize * 1.25 : 0;
}

/**
 * The caption area as a one-column text frame, so the caption story flows with the same code
 * as body text. Captions above/below get the room down to `limitBottom` (or up to `limitTop`)
 * and are then shrunk to their text; beside the image they take the image's height.
 */
export function captionFrame(f: ImageFrame, credit: number, limits: { top: number; bottom: number }): TextFrame | null {
  const c = f.caption;
  if (!c) return null;
  let box: Rect;
  switch (c.placement) {
    case 'below':
      box = { x: f.x, y: f.y + f.height + credit + c.gap, width: f.width, height: limits.bottom - (f.y + f.height + credit + c.gap) };
      break;
    case 'above':
      box = { x: f.x, y: limits.top, width: f.width, height: f.y - c.gap - limits.top };
      break;
    case 'left': {
      const w = c.width ?? f.width / 2;
      box = { x: f.x - c.gap - w, y: f.y, width: w, height: f.height };
      break;
    }
    case 'right':
      box = { x: f.x + f.width + c.gap, y: f.y, width: c.width ?? f.width / 2, height: f.height };
      break;
  }
  if (box.height <= 0 || box.width <= 0) return null;
  return {
    id: `${f.id}~caption` as FrameId,
    page: f.page,
    kind: 'text',
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    z: f.z,
    locked: f.locked,
    columns: 1,
    gutter: 0,
    insets: { top: 0, right: 0, bottom: 0, left: 0 },
    // A caption above its picture sits against it: bottom-aligned by whole grid lines.
    valign: c.placement === 'above' ? 'bottom' : 'top',
    balance: false,
  };
}

/**
 * A caption above or below its picture takes only the height its set lines need (none without
 * lines); beside the picture it keeps the picture's height. `laid` is the caption's laid-out
 * frame with its lines; its box is changed in place.
 */
export function fitCaption(laid: { y: number; height: number; lines: readonly { y: number; ascent: number; descent: number }[] }, placement: 'below' | 'above' | 'left' | 'right'): void {
  if (placement !== 'below' && placement !== 'above') return;
  if (!laid.lines.length) {
    laid.height = 0;
    return;
  }
  const top = Math.min(...laid.lines.map((l) => l.y - l.ascent));
  const foot = Math.max(...laid.lines.map((l) => l.y + l.descent));
  if (placement === 'below') laid.height = round(foot - laid.y);
  else {
    laid.height = round(laid.y + laid.height - top);
    laid.y = round(top);
  }
}

