/**
 * Copy and paste of frames, within a page, between pages, between documents. A clip is plain
 * JSON (frames, the stories they show, whole articles when their headline frame is copied);
 * pasting gives every record a fresh id from the caller's generator.
 */
import type { ArticleId, FrameId, PageId, ParagraphStyleId, StoryId } from '../model/ids';
import type { Article, Frame, IssueDocument, Story } from '../model/types';
import { EditError } from './errors';
import { framesOf, pageOf } from './find';
import { freshId, type NewId } from './ids';
import { round2 } from './geometry';
import { topZ } from './frames';

/** What copy puts on the clipboard. */
export interface Clip {
  kind: 'broadsheet-clip';
  frames: Frame[];
  /** Stories shown by copied text frames and captions (whole text; thread limited to copied frames). */
  stories: Story[];
  /** Articles whose headline frame was copied (copied whole, as a new article on paste). */
  articles: Article[];
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Copies frames (and what they show) into a clip. */
export function copyFrames(doc: IssueDocument, ids: readonly string[]): Clip {
  const frames = framesOf(doc, ids);
  const want = new Set(frames.map((f) => f.id as string));
  const storyIds = new Set<string>();
  for (const s of doc.stories) if (s.frames.some((f) => want.has(f))) storyIds.add(s.id);
  for (const f of frames) if (f.kind === 'image' && f.caption) storyIds.add(f.caption.story);
  const articleIds = new Set(frames.filter((f) => f.kind === 'headline').map((f) => f.article as string));
  const stories = doc.stories.filter((s) => storyIds.has(s.id)).map((s) => ({ ...clone(s), frames: s.frames.filter((f) => want.has(f)) }));
  const articles = doc.articles.filter((a) => articleIds.has(a.id)).map(clone);
  return { kind: 'broadsheet-clip', frames: frames.map(clone), stories, articles };
}

/** Where pasted frames go: offset from the copied position (default in place). */
export interface PasteOptions {
  dx?: number;
  dy?: number;
}

/**
 * Pastes a clip onto a page with fresh ids; returns the new frame ids. Styles and swatches
 * the clip uses but this document lacks fall back to the document's first paragraph style,
 * no character style and no colour, so that a paste never leaves a broken reference.
 */
export function pasteClip(doc: IssueDocument, clip: Clip, pageId: string, newId: NewId, opts: PasteOptions = {}): FrameId[] {
  if (clip?.kind !== 'broadsheet-clip' || !Array.isArray(clip.frames)) throw new EditError('the clipboard holds no Broadsheet frames');
  pageOf(doc, pageId);
  const dx = opts.dx ?? 0;
  const dy = opts.dy ?? 0;
  const frameMap = new Map<string, FrameId>();
  const storyMap = new Map<string, StoryId>();
  const articleMap = new Map<string, ArticleId>();
  const pendingFrames = new Set<string>();
  const pendingStories = new Set<string>();
  for (const f of clip.frames) {
    const id = freshId<FrameId>(doc, 'frame', newId, pendingFrames);
    pendingFrames.add(id);
    frameMap.set(f.id, id);
  }
  for (const s of clip.stories) {
    const id = freshId<StoryId>(doc, 'story', newId, pendingStories);
    pendingStories.add(id);
    storyMap.set(s.id, id);
  }
  const pendingArticles = new Set<string>();
  for (const a of clip.articles) {
    const id = freshId<ArticleId>(doc, 'article', newId, pendingArticles);
    pendingArticles.add(id);
    articleMap.set(a.id, id);
  }
  const pStyles = new Set(doc.paragraphStyles.map((s) => s.id as string));
  const cStyles = new Set(doc.characterStyles.map((s) => s.id as string));
  const swatches = new Set(doc.swatches.map((s) => s.id as string));
  const fallback = doc.paragraphStyles[0]!.id;
  let z = topZ(doc, pageId);
  const out: FrameId[] = [];
  const order = [...clip.frames].sort((a, b) => a.z - b.z);
  for (const src of order) {
    const f = clone(src) as Frame & Record<string, unknown>;
    f.id = frameMap.get(src.id)!;
    f.page = pageId as PageId;
    f.x = round2(f.x + dx);
    f.y = round2(f.y + dy);
    f.z = z++;
    f.locked = false;
    // An article reference survives only if the article itself was copied (else the frame would join the old article).
    if (f.article) {
      const a = articleMap.get(f.article);
      if (a) f.article = a;
      else if (f.kind === 'headline') throw new EditError('a headline frame was copied without its article');
      else delete f.article;
    }
    if (f.kind === 'image' && f.caption) {
      const s = storyMap.get(f.caption.story);
      if (s) f.caption.story = s;
      else delete f.caption;
    }
    if (f.kind === 'image' && f.creditStyle && !pStyles.has(f.creditStyle)) delete f.creditStyle;
    for (const k of ['fill', 'stroke', 'color'] as const) if (typeof f[k] === 'string' && !swatches.has(f[k])) delete f[k];
    doc.frames.push(f);
    out.push(f.id);
  }
  for (const s of clip.stories) {
    const story: Story = clone(s);
    story.id = storyMap.get(s.id)!;
    story.frames = s.frames.map((id) => frameMap.get(id)!).filter(Boolean);
    for (const p of story.paragraphs) {
      if (!pStyles.has(p.style)) p.style = fallback as ParagraphStyleId;
      for (const r of p.runs) if (r.style && !cStyles.has(r.style)) delete r.style;
    }
    doc.stories.push(story);
  }
  for (const a of clip.articles) {
    const art: Article = clone(a);
    art.id = articleMap.get(a.id)!;
    art.name = `${a.name} (copy)`;
    if (art.body) {
      const b = storyMap.get(art.body);
      if (b) art.body = b;
      else delete art.body;
    }
    art.images = a.images.map((id) => frameMap.get(id)).filter((x): x is FrameId => !!x);
    if (art.headline) {
      for (const part of [art.headline.kicker, art.headline.title, art.headline.subhead, art.headline.deck]) if (part && !pStyles.has(part.style)) part.style = fallback as ParagraphStyleId;
    }
    if (art.byline?.style && !cStyles.has(art.byline.style)) delete art.byline.style;
    doc.articles.push(art);
  }
  return out;
}

/** Duplicates frames on their page, offset by (dx, dy) (default 9 pt down and right); returns the new ids. */
export function duplicateFrames(doc: IssueDocument, ids: readonly string[], newId: NewId, dx = 9, dy = 9): FrameId[] {
  const frames = framesOf(doc, ids);
  if (!frames.length) return [];
  const page = frames[0]!.page;
  if (frames.some((f) => f.page !== page)) throw new EditError('duplicate works on frames of one page at a time');
  return pasteClip(doc, copyFrames(doc, ids), page, newId, { dx, dy });
}
