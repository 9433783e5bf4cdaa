/**
 * Frame operations: create, move, resize, delete, nudge, lock, set properties. Plain mutating
 * functions over a draft document (the renderer's history wraps them with immer).
 */
import type { ArticleId, FrameId, PageId, SwatchId } from '../model/ids';
import type { BoxFrame, Frame, FrameKind, HeadlineFrame, ImageFrame, IssueDocument, RuleFrame, TextFrame } from '../model/types';
import { EditError } from './errors';
import { frameOf, framesOf, pageOf } from './find';
import { freshId, type NewId } from './ids';
import { MIN_SIDE, round2, type Rect } from './geometry';

/** What a new frame needs: kind, page, rectangle, plus kind-specific fields. */
export type NewFrame =
  | ({ kind: 'text'; page: string } & Rect & Partial<Pick<TextFrame, 'columns' | 'gutter' | 'valign' | 'balance' | 'insets' | 'article'>>)
  | ({ kind: 'image'; page: string; /** "" for an empty graphics frame */ src: string } & Rect & Partial<Pick<ImageFrame, 'fit' | 'article'>>)
  | ({ kind: 'rule'; page: string } & Rect & Partial<Pick<RuleFrame, 'thickness' | 'style' | 'color'>>)
  | ({ kind: 'box'; page: string } & Rect & Partial<Pick<BoxFrame, 'fill' | 'stroke' | 'strokeWidth' | 'tint'>>)
  | ({ kind: 'headline'; page: string; article: string } & Rect);

/** Kinds the frame tools draw. */
export const DRAWABLE_KINDS: readonly FrameKind[] = ['text', 'image', 'rule', 'box'];

/** The z of a new frame on a page: in front of everything there. */
export function topZ(doc: IssueDocument, page: string): number {
  const zs = doc.frames.filter((f) => f.page === page).map((f) => f.z);
  return zs.length ? Math.max(...zs) + 1 : 0;
}

function checkRect(r: Rect): void {
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    if (!Number.isFinite(r[k])) throw new EditError(`frame ${k} must be a finite number (got ${r[k]})`);
  }
  if (r.width < MIN_SIDE || r.height < MIN_SIDE) throw new EditError(`a frame must be at least ${MIN_SIDE} pt wide and high`);
}

/** Creates a frame (on top of its page) and returns its id. Text frames start without a story. */
export function createFrame(doc: IssueDocument, spec: NewFrame, newId: NewId): FrameId {
  pageOf(doc, spec.page);
  checkRect(spec);
  const id = freshId<FrameId>(doc, 'frame', newId);
  const base = {
    id,
    page: spec.page as PageId,
    x: round2(spec.x),
    y: round2(spec.y),
    width: round2(spec.width),
    height: round2(spec.height),
    z: topZ(doc, spec.page),
    locked: false,
  };
  let frame: Frame;
  switch (spec.kind) {
    case 'text':
      frame = {
        ...base,
        kind: 'text',
        columns: spec.columns ?? 1,
        gutter: spec.gutter ?? 0,
        insets: spec.insets ?? { top: 0, right: 0, bottom: 0, left: 0 },
        valign: spec.valign ?? 'top',
        balance: spec.balance ?? false,
        ...(spec.article ? { article: spec.article as ArticleId } : {}),
      };
      break;
    case 'image':
      // src "" makes an empty graphics frame (a picture is placed into it later).
      frame = { ...base, kind: 'image', src: spec.src, fit: spec.fit ?? 'fill', offsetX: 0, offsetY: 0, scale: 1, ...(spec.article ? { article: spec.article as ArticleId } : {}) };
      break;
    case 'rule':
      frame = { ...base, kind: 'rule', thickness: spec.thickness ?? 0.5, style: spec.style ?? 'solid', ...(spec.color ? { color: spec.color } : {}) };
      break;
    case 'box':
      frame = {
        ...base,
        kind: 'box',
        tint: spec.tint ?? 100,
        strokeWidth: spec.strokeWidth ?? 0,
        overprint: false,
        ...(spec.fill ? { fill: spec.fill } : {}),
        ...(spec.stroke ? { stroke: spec.stroke } : {}),
      };
      break;
    case 'headline': {
      if (!doc.articles.some((a) => a.id === spec.article)) throw new EditError(`no article "${spec.article}" for the headline frame`);
      const h: HeadlineFrame = { ...base, kind: 'headline', article: spec.article as ArticleId, valign: 'center' };
      frame = h;
      break;
    }
  }
  doc.frames.push(frame);
  return id;
}

/** Moves frames by (dx, dy); locked frames stay put. Returns the ids moved. */
export function moveFrames(doc: IssueDocument, ids: readonly string[], dx: number, dy: number): string[] {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) throw new EditError('a move must be by finite amounts');
  const moved: string[] = [];
  for (const f of framesOf(doc, ids)) {
    if (f.locked) continue;
    f.x = round2(f.x + dx);
    f.y = round2(f.y + dy);
    moved.push(f.id);
  }
  return moved;
}

/** Sets a frame's rectangle (a resize); locked frames refuse. */
export function resizeFrame(doc: IssueDocument, id: string, rect: Rect): void {
  const f = frameOf(doc, id);
  if (f.locked) throw new EditError(`frame "${id}" is locked`);
  checkRect(rect);
  f.x = round2(rect.x);
  f.y = round2(rect.y);
  f.width = round2(rect.width);
  f.height = round2(rect.height);
}

/** Which edge or corner a resize handle drags. */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/**
 * The rectangle after dragging `handle` of `r` by (dx, dy); the opposite edge stays; sides
 * never go below MIN_SIDE (the dragged edge stops rather than flipping).
 */
export function resizeRect(r: Rect, handle: Handle, dx: number, dy: number): Rect {
  let x0 = r.x;
  let y0 = r.y;
  let x1 = r.x + r.width;
  let y1 = r.y + r.height;
  if (handle.includes('w')) x0 = Math.min(x0 + dx, x1 - MIN_SIDE);
  if (handle.includes('e')) x1 = Math.max(x1 + dx, x0 + MIN_SIDE);
  if (handle.includes('n')) y0 = Math.min(y0 + dy, y1 - MIN_SIDE);
  if (handle.includes('s')) y1 = Math.max(y1 + dy, y0 + MIN_SIDE);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Arrow-key nudge: 1 pt, or 10 pt with Shift (InDesign's defaults). */
export function nudgeFrames(doc: IssueDocument, ids: readonly string[], dir: 'left' | 'right' | 'up' | 'down', big = false): string[] {
  const step = big ? 10 : 1;
  const dx = dir === 'left' ? -step : dir === 'right' ? step : 0;
  const dy = dir === 'up' ? -step : dir === 'down' ? step : 0;
  return moveFrames(doc, ids, dx, dy);
}

/** Locks or unlocks frames (locked frames cannot be moved, resized or deleted). */
export function setLocked(doc: IssueDocument, ids: readonly string[], locked: boolean): void {
  for (const f of framesOf(doc, ids)) f.locked = locked;
}

/**
 * Deletes frames (locked ones stay). A story left without frames is deleted too unless an
 * article uses it as its body (its text then waits, overset, for a new frame); an image's
 * caption story goes with the image. Returns the ids deleted.
 */
export function deleteFrames(doc: IssueDocument, ids: readonly string[]): string[] {
  const doomed = new Set(framesOf(doc, ids).filter((f) => !f.locked).map((f) => f.id as string));
  if (!doomed.size) return [];
  const captionStories = new Set<string>();
  for (const f of doc.frames) if (doomed.has(f.id) && f.kind === 'image' && f.caption) captionStories.add(f.caption.story);
  const bodies = new Set(doc.articles.map((a) => a.body as string | undefined));
  // A caption story whose image stays (or another image uses) is kept.
  for (const f of doc.frames) if (!doomed.has(f.id) && f.kind === 'image' && f.caption) captionStories.delete(f.caption.story);
  doc.frames = doc.frames.filter((f) => !doomed.has(f.id));
  for (const s of doc.stories) {
    const before = s.frames.length;
    s.frames = s.frames.filter((id) => !doomed.has(id));
    if (before && !s.frames.length && !bodies.has(s.id)) captionStories.add(s.id);
  }
  doc.stories = doc.stories.filter((s) => !captionStories.has(s.id));
  for (const a of doc.articles) a.images = a.images.filter((id) => !doomed.has(id));
  return [...doomed];
}

/** Frame fields the properties panel may set, per kind (geometry goes through move/resize). */
export type FrameProps = Partial<
  Pick<TextFrame, 'columns' | 'gutter' | 'insets' | 'valign' | 'balance' | 'wrap'> &
    Pick<ImageFrame, 'fit' | 'credit'> &
    Pick<RuleFrame, 'thickness' | 'style'> &
    Pick<BoxFrame, 'tint' | 'strokeWidth' | 'overprint'> & { fill: SwatchId; stroke: SwatchId; color: SwatchId }
>;

const ALLOWED: Record<FrameKind, readonly string[]> = {
  text: ['columns', 'gutter', 'insets', 'valign', 'balance', 'wrap', 'fill'],
  image: ['fit', 'credit', 'wrap'],
  rule: ['thickness', 'style', 'color', 'wrap'],
  box: ['tint', 'strokeWidth', 'overprint', 'fill', 'stroke', 'wrap'],
  headline: ['wrap'],
};

/** Sets properties of a frame; a property its kind does not have is an error naming it. */
export function setFrameProps(doc: IssueDocument, id: string, props: FrameProps): void {
  const f = frameOf(doc, id);
  for (const [k, v] of Object.entries(props)) {
    if (!ALLOWED[f.kind].includes(k)) throw new EditError(`a ${f.kind} frame has no property "${k}"`);
    if (k === 'columns' && (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 20)) throw new EditError('columns must be a whole number from 1 to 20');
    if ((k === 'gutter' || k === 'strokeWidth') && !((v as number) >= 0)) throw new EditError(`${k} must not be negative`);
    if (k === 'thickness' && !((v as number) > 0)) throw new EditError('thickness must be greater than 0');
    if (k === 'tint' && !((v as number) >= 0 && (v as number) <= 100)) throw new EditError('tint must be 0–100 %');
    if ((k === 'fill' || k === 'stroke' || k === 'color') && !doc.swatches.some((s) => s.id === v)) throw new EditError(`no swatch "${String(v)}"`);
    (f as Record<string, unknown>)[k] = v;
  }
}
