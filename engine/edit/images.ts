/** Image frames: fit, fill, pan, zoom, crop, relink. */
import { placeImage } from '../flow/image';
import type { ImageFrame, IssueDocument } from '../model/types';
import { EditError } from './errors';
import { frameOf } from './find';
import { round2, type Rect } from './geometry';

function imageFrame(doc: IssueDocument, id: string): ImageFrame {
  const f = frameOf(doc, id);
  if (f.kind !== 'image') throw new EditError(`frame "${id}" is a ${f.kind} frame, not an image frame`);
  return f;
}

/** Sets how the picture is fitted (fill the frame, fit inside it, stretch, natural size); resets pan and zoom. */
export function setImageFit(doc: IssueDocument, id: string, fit: ImageFrame['fit']): void {
  const f = imageFrame(doc, id);
  f.fit = fit;
  f.offsetX = 0;
  f.offsetY = 0;
  f.scale = 1;
}

/** Pans the picture inside its frame by (dx, dy) pt. */
export function panImage(doc: IssueDocument, id: string, dx: number, dy: number): void {
  const f = imageFrame(doc, id);
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) throw new EditError('a pan must be by finite amounts');
  f.offsetX = round2(f.offsetX + dx);
  f.offsetY = round2(f.offsetY + dy);
}

/** Sets the extra zoom of the picture after fitting (1 = as fitted). */
export function zoomImage(doc: IssueDocument, id: string, scale: number): void {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new EditError('an image scale must be a positive number');
  imageFrame(doc, id).scale = scale;
}

/**
 * Crops: the frame takes rectangle `rect` while the picture stays exactly where it is on the
 * page (the frame switches to natural size × scale with a matching offset). `natural`: the
 * picture's natural size in pt (the layout host knows it).
 */
export function cropImage(doc: IssueDocument, id: string, rect: Rect, natural: { width: number; height: number }): void {
  const f = imageFrame(doc, id);
  if (f.locked) throw new EditError(`frame "${id}" is locked`);
  if (!(rect.width > 0 && rect.height > 0)) throw new EditError('a crop must leave a frame with width and height');
  if (!(natural.width > 0 && natural.height > 0)) throw new EditError(`the picture of frame "${id}" has no known size`);
  // A stretched picture has two scales; 'none' × scale can only keep one.
  if (f.fit === 'stretch') throw new EditError(`frame "${id}" stretches its picture: choose fit or fill before cropping`);
  const placed = placeImage(f, natural);
  f.x = round2(rect.x);
  f.y = round2(rect.y);
  f.width = round2(rect.width);
  f.height = round2(rect.height);
  f.fit = 'none';
  f.scale = placed.width / natural.width;
  // placeImage centres the picture and adds the offset: solve for the offset that keeps it put.
  f.offsetX = placed.x - f.x - (f.width - placed.width) / 2;
  f.offsetY = placed.y - f.y - (f.height - placed.height) / 2;
}

/** Points every image frame linked to `oldSrc` (or just frame `id`) at `newSrc`. Returns the frames changed. */
export function relinkImage(doc: IssueDocument, target: { frame: string } | { src: string }, newSrc: string): string[] {
  if (!newSrc.trim()) throw new EditError('relink needs a file');
  const changed: string[] = [];
  if ('frame' in target) {
    imageFrame(doc, target.frame).src = newSrc;
    return [target.frame];
  }
  for (const f of doc.frames) {
    if (f.kind === 'image' && f.src === target.src) {
      f.src = newSrc;
      changed.push(f.id);
    }
  }
  if (!changed.length) throw new EditError(`no image frame links "${target.src}"`);
  return changed;
}
