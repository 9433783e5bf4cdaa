/**
 * What placing a file does to the document: pure operations over a draft (the history wraps
 * each in one undoable change). Copy replaces a frame's story (an article's body also takes
 * the headline parts and the 本报讯 byline, engine/import) or goes in at the text caret;
 * a picture goes into an image frame, into a new image frame on the page, or replaces a link
 * in every frame that uses it (relink, as InDesign does).
 */
import { cleanLine, mapCopy, placeCopy, type CopyParagraph } from '../../engine/import';
import {
  columnSpan,
  createFrame,
  ensureStory,
  frameOf,
  insertText,
  relinkImage,
  replaceText,
  setImageFit,
  storyOfFrame,
  templateOfPage,
  type NewId,
  type Rect,
} from '../../engine/edit';
import { typeArea } from '../../engine/flow';
import type { IssueDocument } from '../../engine/model/types';
import { EditError } from '../../engine/edit';

/** Text paragraphs of copy for a story that is not an article's body: headings become crossheads, nothing is dropped. */
export function plainParagraphs(doc: IssueDocument, paras: readonly CopyParagraph[]): { style: string; text: string }[] {
  const body = (doc.paragraphStyles.find((s) => s.id === 'body') ?? doc.paragraphStyles[0]!).id as string;
  const head = doc.paragraphStyles.some((s) => s.id === 'crosshead') ? 'crosshead' : body;
  return paras.map((p) => ({ style: p.heading ? head : body, text: cleanLine(p.text) })).filter((p) => p.text.length > 0);
}

/**
 * Replaces the story of text frame `frameId` with the copy (making the story when the frame has
 * none). When the story is an article's body, the article's headline and byline are set from the
 * copy too. Returns the story id.
 */
export function copyIntoFrame(doc: IssueDocument, frameId: string, paras: readonly CopyParagraph[], newId: NewId): string {
  const f = frameOf(doc, frameId);
  if (f.kind !== 'text') throw new EditError(`frame "${frameId}" is a ${f.kind} frame: copy goes into a text frame`);
  if (f.locked) throw new EditError(`frame "${frameId}" is locked`);
  const storyId = storyOfFrame(doc, frameId)?.id ?? ensureStory(doc, frameId, newId);
  const article = doc.articles.find((a) => a.body === storyId);
  if (article) return placeCopy(doc, { article: article.id, replace: true }, mapCopy(doc, paras));
  const body = plainParagraphs(doc, paras);
  if (!body.length) throw new EditError('the file holds no text');
  return placeCopy(doc, { story: storyId, replace: true }, { headline: {}, body });
}

/**
 * Inserts copy at story offsets [a, b) of the caret's story (replacing a selection; a frame
 * with no story yet gets one); paragraphs stay paragraphs. Returns the story and the caret after it.
 */
export function copyAtCaret(
  doc: IssueDocument,
  caret: { story: string; frame: string; anchor: number; focus: number },
  paras: readonly CopyParagraph[],
  newId: NewId,
): { story: string; caret: number } {
  const text = paras
    .map((p) => cleanLine(p.text))
    .filter(Boolean)
    .join('\n');
  if (!text) throw new EditError('the file holds no text');
  const story = caret.story || ensureStory(doc, caret.frame, newId);
  const a = Math.min(caret.anchor, caret.focus);
  const b = Math.max(caret.anchor, caret.focus);
  return { story, caret: b > a ? replaceText(doc, story, a, b, text) : insertText(doc, story, a, text) };
}

/** Puts picture `src` into image frame `frameId` (its fit kept, pan and zoom reset). */
export function imageIntoFrame(doc: IssueDocument, frameId: string, src: string): void {
  const f = frameOf(doc, frameId);
  if (f.kind !== 'image') throw new EditError(`frame "${frameId}" is a ${f.kind} frame, not an image frame`);
  if (f.locked) throw new EditError(`frame "${frameId}" is locked`);
  relinkImage(doc, { frame: frameId }, src);
  setImageFit(doc, frameId, f.fit);
}

/**
 * Where a new picture goes on a page: its natural size, scaled down to fit half the page's
 * columns and the type area; centred on the type area, or with its centre at `at` (a drop),
 * kept on the page.
 */
export function newImageRect(doc: IssueDocument, pageId: string, natural: { width: number; height: number }, at?: { x: number; y: number }): Rect {
  const t = templateOfPage(doc, pageId);
  const area = typeArea(t);
  const span = columnSpan(t, 0, Math.max(1, Math.ceil(t.columns / 2)));
  const w0 = natural.width > 0 ? natural.width : span.width;
  const h0 = natural.height > 0 ? natural.height : span.width * 0.75;
  const k = Math.min(1, span.width / w0, area.height / h0);
  const width = Math.max(1, w0 * k);
  const height = Math.max(1, h0 * k);
  const cx = at ? at.x : area.x + area.width / 2;
  const cy = at ? at.y : area.y + area.height / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
  return { x: clamp(cx - width / 2, 0, t.trim.width - width), y: clamp(cy - height / 2, 0, t.trim.height - height), width, height };
}

/** Makes a new image frame for picture `src` on page `pageId` (see newImageRect). Returns its id. */
export function newImageFrame(doc: IssueDocument, pageId: string, src: string, natural: { width: number; height: number }, newId: NewId, at?: { x: number; y: number }): string {
  return createFrame(doc, { kind: 'image', page: pageId, src, fit: 'fit', ...newImageRect(doc, pageId, natural, at) }, newId);
}

/** Relinks every image frame that uses `oldSrc` to `newSrc`. Returns the frames changed. */
export function relinkAll(doc: IssueDocument, oldSrc: string, newSrc: string): string[] {
  return relinkImage(doc, { src: oldSrc }, newSrc);
}
