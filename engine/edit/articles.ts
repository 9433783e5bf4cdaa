/**
 * Articles from a template shape, placed on the page's grid: a headline block spanning N
 * columns, the body in M columns below it, an optional image with caption; and continuing an
 * article on another page (the new frame joins the body's thread, so layout sets the jump lines).
 */
import type { ArticleId, FrameId, ParagraphStyleId, StoryId } from '../model/ids';
import type { Article, IssueDocument } from '../model/types';
import { EditError } from './errors';
import { articleOf } from './find';
import { createFrame } from './frames';
import { columnSpan, lineSpan, templateOfPage } from './geometry';
import { freshId, type NewId } from './ids';
import { defaultParagraphStyle } from './thread';

/** A place on a page's grid: first column and line (0-based) and how many of each. */
export interface GridPlace {
  column: number;
  line: number;
  columns: number;
  lines: number;
}

/** The template shape of a new article. */
export interface ArticleShape {
  page: string;
  /** Top-left of the article on the grid (0-based column and line). */
  column: number;
  line: number;
  name: string;
  title: string;
  kicker?: string;
  subhead?: string;
  /** Headline block: N columns wide, `lines` grid lines high. */
  headline: { columns: number; lines: number };
  /** Body: M columns, `lines` grid lines high, starting under the headline (and image, if that is above it). */
  body: { columns: number; lines: number };
  /** Optional picture: beside the body when the headline is wider than the body, else above it. */
  image?: { src: string; columns: number; lines: number; caption?: string };
  /** Body paragraphs (default: one empty body paragraph). */
  paragraphs?: { style: string; text: string }[];
  /** Reporters' names for the byline, with a pattern such as 本报讯（记者 {names}）. */
  byline?: { pattern: string; names: string[] };
}

/** What createArticle made. */
export interface CreatedArticle {
  article: ArticleId;
  story: StoryId;
  headline: FrameId;
  body: FrameId;
  image?: FrameId;
  caption?: StoryId;
}

/** Grid lines a caption under a picture gets (two lines of caption text). */
const CAPTION_LINES = 2;

function styleOr(doc: IssueDocument, want: string): ParagraphStyleId {
  return (doc.paragraphStyles.find((s) => s.id === want) ?? doc.paragraphStyles.find((s) => s.id === defaultParagraphStyle(doc)))!.id;
}

/** Creates an article from a template shape; everything lands on the page's grid. */
export function createArticle(doc: IssueDocument, shape: ArticleShape, newId: NewId): CreatedArticle {
  const t = templateOfPage(doc, shape.page);
  if (!shape.title.trim()) throw new EditError('an article needs a title');
  if (shape.body.columns > shape.headline.columns) throw new EditError('the body cannot be wider than the headline block');
  const head = { ...columnSpan(t, shape.column, shape.headline.columns), ...lineSpan(t, shape.line, shape.headline.lines) };
  let bodyLine = shape.line + shape.headline.lines;
  let imagePlace: GridPlace | null = null;
  if (shape.image) {
    const beside = shape.body.columns + shape.image.columns <= shape.headline.columns;
    imagePlace = beside
      ? { column: shape.column + shape.body.columns, line: bodyLine, columns: shape.image.columns, lines: shape.image.lines }
      : { column: shape.column, line: bodyLine, columns: shape.image.columns, lines: shape.image.lines };
    if (!beside) bodyLine += shape.image.lines + (shape.image.caption !== undefined ? CAPTION_LINES : 0);
  }
  const bodyBox = { ...columnSpan(t, shape.column, shape.body.columns), ...lineSpan(t, bodyLine, shape.body.lines) };
  if (imagePlace) {
    // Check the image fits the page before anything is created.
    columnSpan(t, imagePlace.column, imagePlace.columns);
    lineSpan(t, imagePlace.line, imagePlace.lines + (shape.image?.caption !== undefined ? CAPTION_LINES : 0));
  }

  const articleId = freshId<ArticleId>(doc, 'article', newId);
  const storyId = freshId<StoryId>(doc, 'story', newId);
  const article: Article = {
    id: articleId,
    name: shape.name || shape.title,
    headline: {
      title: { text: shape.title, style: styleOr(doc, 'title') },
      ...(shape.kicker ? { kicker: { text: shape.kicker, style: styleOr(doc, 'kicker') } } : {}),
      ...(shape.subhead ? { subhead: { text: shape.subhead, style: styleOr(doc, 'subhead') } } : {}),
      linesPerLine: 3,
    },
    ...(shape.byline && shape.byline.names.length
      ? { byline: { pattern: shape.byline.pattern, names: shape.byline.names, placement: 'inline' as const } }
      : {}),
    body: storyId,
    images: [],
  };
  if (article.byline && doc.characterStyles.some((c) => c.id === 'byline')) article.byline.style = 'byline' as NonNullable<Article['byline']>['style'];
  doc.articles.push(article);
  const headline = createFrame(doc, { kind: 'headline', page: shape.page, article: articleId, ...head }, newId);
  const body = createFrame(doc, { kind: 'text', page: shape.page, article: articleId, columns: shape.body.columns, gutter: t.gutter, ...bodyBox }, newId);
  const bodyStyle = styleOr(doc, 'body');
  const paragraphs = shape.paragraphs?.length ? shape.paragraphs : [{ style: bodyStyle, text: '' }];
  for (const p of paragraphs) if (!doc.paragraphStyles.some((s) => s.id === p.style)) throw new EditError(`no paragraph style "${p.style}"`);
  doc.stories.push({
    id: storyId,
    frames: [body],
    paragraphs: paragraphs.map((p) => ({ style: p.style as ParagraphStyleId, runs: p.text ? [{ text: p.text }] : [] })),
  });
  const out: CreatedArticle = { article: articleId, story: storyId, headline, body };
  if (shape.image && imagePlace) {
    const box = { ...columnSpan(t, imagePlace.column, imagePlace.columns), ...lineSpan(t, imagePlace.line, imagePlace.lines) };
    const image = createFrame(doc, { kind: 'image', page: shape.page, src: shape.image.src, article: articleId, ...box }, newId);
    article.images.push(image);
    out.image = image;
    if (shape.image.caption !== undefined) {
      const cap = freshId<StoryId>(doc, 'story', newId);
      doc.stories.push({ id: cap, frames: [], paragraphs: [{ style: styleOr(doc, 'caption'), runs: shape.image.caption ? [{ text: shape.image.caption }] : [] }] });
      const f = doc.frames.find((x) => x.id === image)!;
      if (f.kind === 'image') f.caption = { story: cap, placement: 'below', gap: 4 };
      out.caption = cap;
    }
  }
  return out;
}

/**
 * Continues an article on another page: a new body frame at `place` on `pageId`, appended to
 * the end of the body's thread. Layout then sets 下转/上接 jump lines on both pages.
 */
export function continueArticle(doc: IssueDocument, articleId: string, pageId: string, place: GridPlace, newId: NewId): FrameId {
  const a = articleOf(doc, articleId);
  if (!a.body) throw new EditError(`article "${a.name}" has no body story to continue`);
  const story = doc.stories.find((s) => s.id === a.body);
  if (!story) throw new EditError(`article "${a.name}" refers to the missing story "${a.body}"`);
  const t = templateOfPage(doc, pageId);
  const box = { ...columnSpan(t, place.column, place.columns), ...lineSpan(t, place.line, place.lines) };
  const id = createFrame(doc, { kind: 'text', page: pageId, article: a.id, columns: place.columns, gutter: t.gutter, ...box }, newId);
  story.frames.push(id);
  return id;
}

/** Moves every frame of an article by (dx, dy) as one (locked frames included only if `force`). */
export function moveArticle(doc: IssueDocument, articleId: string, page: string, dx: number, dy: number): string[] {
  articleOf(doc, articleId);
  const moved: string[] = [];
  for (const f of doc.frames) {
    if (f.article !== articleId || f.page !== page || f.locked) continue;
    f.x = Math.round((f.x + dx) * 100) / 100;
    f.y = Math.round((f.y + dy) * 100) / 100;
    moved.push(f.id);
  }
  return moved;
}
