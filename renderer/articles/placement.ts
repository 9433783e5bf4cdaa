/**
 * Where articles go on a page's grid, for the article commands and the place-article tool:
 * a dragged rectangle snapped to whole columns and grid lines, the first free area of a page
 * that holds a block of N columns × L lines, the template shape built from the New-article
 * dialog's choices and a place, and the frames that make up an article (to select it as one).
 * Pure functions over the document: no DOM, no store.
 */
import { EditError, columnSpan, gridColumn, gridLineCount, intersects, lineSpan, nearestColumn, nearestLine, templateOfPage, type ArticleShape, type GridPlace, type Rect } from '../../engine/edit';
import { pageGrid } from '../../engine/flow/geometry';
import type { IssueDocument, Template } from '../../engine/model/types';

/** What the New-article dialog asks for. */
export interface ArticleSpec {
  title: string;
  /** Headline block: N columns wide, `headlineLines` grid lines high. */
  headlineColumns: number;
  headlineLines: number;
  /** Body: M columns (at most N), `bodyLines` grid lines high. */
  bodyColumns: number;
  bodyLines: number;
  /** A picture (an image already linked in the issue) with a caption, or none. */
  image: string | null;
}

/** Grid lines a picture gets, and its caption (createArticle's CAPTION_LINES). */
export const IMAGE_LINES = 12;
const CAPTION_LINES = 2;

/** Whether the picture sits beside the body (the headline is wider than body + picture needs) or above it. */
function imageBeside(spec: ArticleSpec): boolean {
  return spec.headlineColumns - spec.bodyColumns >= 1;
}

/** The block an article of this spec covers: N columns by headline + (picture above) + body lines. */
export function articleExtent(spec: ArticleSpec): { columns: number; lines: number } {
  const above = spec.image && !imageBeside(spec) ? IMAGE_LINES + CAPTION_LINES : 0;
  return { columns: spec.headlineColumns, lines: spec.headlineLines + above + spec.bodyLines };
}

/** Checks the dialog's numbers; throws EditError naming the problem. */
export function checkSpec(spec: ArticleSpec, t: Template): void {
  if (!spec.title.trim()) throw new EditError('the article needs a headline');
  const ints: [string, number][] = [['headline columns', spec.headlineColumns], ['headline lines', spec.headlineLines], ['body columns', spec.bodyColumns], ['body lines', spec.bodyLines]];
  for (const [name, v] of ints) if (!Number.isInteger(v) || v < 1) throw new EditError(`${name} must be a whole number of at least 1 (got ${v})`);
  if (spec.headlineColumns > t.columns) throw new EditError(`the page has ${t.columns} columns; the headline cannot span ${spec.headlineColumns}`);
  if (spec.bodyColumns > spec.headlineColumns) throw new EditError('the body cannot have more columns than the headline spans');
}

/**
 * The template shape for createArticle from the dialog's spec at a place. The place's columns
 * become the headline's span (the body keeps its columns, at most that many), and its lines
 * the article's depth: the body gets what the headline (and a picture above it) leave.
 */
export function shapeFor(doc: IssueDocument, page: string, spec: ArticleSpec, place: GridPlace): ArticleShape {
  const t = templateOfPage(doc, page);
  const s: ArticleSpec = { ...spec, headlineColumns: place.columns, bodyColumns: Math.min(spec.bodyColumns, place.columns) };
  checkSpec(s, t);
  const above = s.image && !imageBeside(s) ? IMAGE_LINES + CAPTION_LINES : 0;
  const bodyLines = place.lines - s.headlineLines - above;
  if (bodyLines < 1) throw new EditError(`an article ${place.lines} lines deep leaves no room for the body under a ${s.headlineLines}-line headline${above ? ' and its picture' : ''}`);
  const shape: ArticleShape = {
    page,
    column: place.column,
    line: place.line,
    name: s.title.trim(),
    title: s.title.trim(),
    headline: { columns: s.headlineColumns, lines: s.headlineLines },
    body: { columns: s.bodyColumns, lines: bodyLines },
  };
  if (s.image) {
    const beside = imageBeside(s);
    shape.image = { src: s.image, columns: beside ? s.headlineColumns - s.bodyColumns : s.headlineColumns, lines: beside ? Math.min(IMAGE_LINES, bodyLines - CAPTION_LINES) : IMAGE_LINES, caption: '' };
    if (shape.image.lines < 1) throw new EditError('the article is too shallow for a picture with its caption');
  }
  return shape;
}

/** The rectangle of a grid place on a template. */
export function placeRect(t: Template, p: GridPlace): Rect {
  return { ...columnSpan(t, p.column, p.columns), ...lineSpan(t, p.line, p.lines) };
}

/**
 * A dragged rectangle snapped to the grid: the columns its edges are nearest to, and the grid
 * lines from its top to its bottom (at least one column and one line, inside the type area).
 */
export function snapToGrid(t: Template, r: Rect): GridPlace {
  const c0 = nearestColumn(t, r.x);
  let c1 = c0;
  // The last column whose right edge is nearest the rectangle's right edge.
  for (let i = c0; i < t.columns; i++) {
    const col = gridColumn(t, i);
    const best = gridColumn(t, c1);
    if (Math.abs(col.x + col.width - (r.x + r.width)) < Math.abs(best.x + best.width - (r.x + r.width))) c1 = i;
  }
  const total = gridLineCount(t);
  const l0 = Math.min(total - 1, nearestLine(t, r.y));
  // The last line is the one whose cell bottom is nearest the rectangle's bottom.
  const g = pageGrid(t);
  const last = Math.round((r.y + r.height - g.cellDescent - g.first) / g.pitch);
  const lines = Math.max(1, Math.min(total - l0, last - l0 + 1));
  return { column: c0, line: l0, columns: c1 - c0 + 1, lines };
}

/** Frames of a page that occupy space (everything but hairline rules' thin boxes count). */
function obstacles(doc: IssueDocument, page: string): Rect[] {
  return doc.frames.filter((f) => f.page === page).map((f) => ({ x: f.x, y: f.y, width: f.width, height: f.height }));
}

/**
 * The first free area of a page for a block of `columns` × `lines`: top to bottom, then left
 * to right, the first grid place no frame overlaps (null when the page has none).
 */
export function firstFreePlace(doc: IssueDocument, page: string, columns: number, lines: number): GridPlace | null {
  const t = templateOfPage(doc, page);
  const total = gridLineCount(t);
  if (columns < 1 || lines < 1 || columns > t.columns || lines > total) return null;
  const blocks = obstacles(doc, page);
  // Shrink the candidate by a hair so frames that only touch its edges do not block it.
  const inset = (r: Rect): Rect => ({ x: r.x + 0.5, y: r.y + 0.5, width: r.width - 1, height: r.height - 1 });
  for (let line = 0; line + lines <= total; line++) {
    for (let column = 0; column + columns <= t.columns; column++) {
      const place = { column, line, columns, lines };
      const r = inset(placeRect(t, place));
      if (!blocks.some((b) => intersects(r, b))) return place;
    }
  }
  return null;
}

/** The article a frame belongs to (its `article` field, or the article whose body story it carries). */
export function articleOfFrame(doc: IssueDocument, frameId: string): string | null {
  const f = doc.frames.find((x) => x.id === frameId);
  if (!f) return null;
  if ('article' in f && f.article) return f.article;
  const story = doc.stories.find((s) => s.frames.some((id) => id === frameId));
  return (story && doc.articles.find((a) => a.body === story.id)?.id) ?? null;
}

/** The article of a selection: the first selected frame that belongs to one. */
export function articleOfSelection(doc: IssueDocument, selection: readonly string[]): string | null {
  for (const id of selection) {
    const a = articleOfFrame(doc, id);
    if (a) return a;
  }
  return null;
}

/**
 * Every frame on `page` belonging to the articles of the selected frames (selected frames that
 * belong to no article stay selected), so that the move drag moves an article as one.
 */
export function articleSelection(doc: IssueDocument, selection: readonly string[], page: string): string[] {
  const articles = new Set(selection.map((id) => articleOfFrame(doc, id)).filter((a): a is string => !!a));
  const out = new Set(selection.filter((id) => !articleOfFrame(doc, id)));
  for (const f of doc.frames) if (f.page === page && articles.has(articleOfFrame(doc, f.id) ?? '')) out.add(f.id);
  return [...out];
}
