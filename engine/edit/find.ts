/** Lookups used by the edit operations; each throws EditError naming what is missing. */
import type { Article, Frame, IssueDocument, Page, Story, TextFrame } from '../model/types';
import { EditError } from './errors';

/** The frame with `id`. */
export function frameOf(doc: IssueDocument, id: string): Frame {
  const f = doc.frames.find((x) => x.id === id);
  if (!f) throw new EditError(`no frame "${id}"`);
  return f;
}

/** The text frame with `id`. */
export function textFrameOf(doc: IssueDocument, id: string): TextFrame {
  const f = frameOf(doc, id);
  if (f.kind !== 'text') throw new EditError(`frame "${id}" is a ${f.kind} frame, not a text frame`);
  return f;
}

/** The story with `id`. */
export function storyOf(doc: IssueDocument, id: string): Story {
  const s = doc.stories.find((x) => x.id === id);
  if (!s) throw new EditError(`no story "${id}"`);
  return s;
}

/** The story a text frame belongs to (the one whose thread lists it), if any. */
export function storyOfFrame(doc: IssueDocument, frameId: string): Story | undefined {
  return doc.stories.find((s) => s.frames.includes(frameId as Story['frames'][number]));
}

/** The page with `id`. */
export function pageOf(doc: IssueDocument, id: string): Page {
  const p = doc.pages.find((x) => x.id === id);
  if (!p) throw new EditError(`no page "${id}"`);
  return p;
}

/** The article with `id`. */
export function articleOf(doc: IssueDocument, id: string): Article {
  const a = doc.articles.find((x) => x.id === id);
  if (!a) throw new EditError(`no article "${id}"`);
  return a;
}

/** Frames with the given ids, in document order; throws on an unknown id. */
export function framesOf(doc: IssueDocument, ids: readonly string[]): Frame[] {
  for (const id of ids) frameOf(doc, id);
  const want = new Set(ids);
  return doc.frames.filter((f) => want.has(f.id));
}
