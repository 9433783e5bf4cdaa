/**
 * Picture geometry for the Selection tool's image gestures: where a frame's picture is on the
 * page (from the layout, which knows the picture's natural size), and crop — a new frame
 * rectangle with the picture kept exactly where it is on the page (InDesign: resizing a
 * graphics frame crops; the picture does not follow the frame's edge).
 */
import { placeImage } from '../../engine/flow/image';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { ImageFrame } from '../../engine/model/types';
import { round2, type Rect } from '../../engine/edit';

/**
 * The whole picture's box of image frame `f` on the page: from the picture's natural size when
 * `size` is given (the sizes the layout is given, so the same box without waiting for a layout
 * of the latest change), else as the last layout placed it.
 */
export function pictureBox(layout: LaidOutIssue | null, f: ImageFrame, size?: (src: string) => { width: number; height: number } | null): Rect | null {
  if (!f.src) return null;
  if (size) return placeImage(f, size(f.src));
  for (const p of layout?.pages ?? []) {
    for (const it of p.display.items) {
      if (it.type === 'image' && it.frame === f.id) return { x: it.x, y: it.y, width: it.width, height: it.height };
    }
  }
  return null;
}

/** The frame fields after cropping `f` to `rect`, its picture staying at `picture`. */
export type Crop = Pick<ImageFrame, 'x' | 'y' | 'width' | 'height' | 'scale' | 'offsetX' | 'offsetY'>;

/**
 * Crops image frame `f` (picture at `picture` on the page) to `rect`, keeping the fit mode:
 * the extra scale and the pan are solved so that the layout places the picture at `picture`
 * again. Fit and fill depend only on the picture's proportions, 'none' on its size, and both
 * are recovered from `picture` and the current scale. Null for a stretched picture (stretching
 * means the picture follows the frame) or one with no known box.
 */
export function cropKeepingPicture(f: ImageFrame, picture: Rect | null, to: Rect): Crop | null {
  if (!picture || f.fit === 'stretch' || !(picture.width > 0 && picture.height > 0)) return null;
  const rect = { x: round2(to.x), y: round2(to.y), width: round2(to.width), height: round2(to.height) };
  const natural = { width: picture.width / f.scale, height: picture.height / f.scale };
  const base = placeImage({ ...f, ...rect, scale: 1, offsetX: 0, offsetY: 0 }, natural);
  const scale = picture.width / base.width;
  return {
    ...rect,
    scale,
    offsetX: picture.x - (rect.x + (rect.width - picture.width) / 2),
    offsetY: picture.y - (rect.y + (rect.height - picture.height) / 2),
  };
}
