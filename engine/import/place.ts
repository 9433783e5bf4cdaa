/**
 * Puts mapped copy into the document in one change (all or nothing: everything is checked
 * before the first record is touched): into an article (body, headline parts, byline) or
 * into a bare story.
 */
import type { ParagraphStyleId } from '../model/ids';
import type { IssueDocument } from '../model/types';
import { EditError } from '../edit/errors';
import type { MappedCopy } from './types';

/** Where copy goes. `replace`: the body's text is replaced (else appended). */
export type CopyTarget = { article: string; replace?: boolean } | { story: string; replace?: boolean };

/** Places mapped copy; returns the story that received the body. */
export function placeCopy(doc: IssueDocument, target: CopyTarget, copy: MappedCopy): string {
  for (const p of copy.body) if (!doc.paragraphStyles.some((s) => s.id === p.style)) throw new EditError(`no paragraph style "${p.style}" for imported text`);
  const article = 'article' in target ? doc.articles.find((a) => a.id === target.article) : undefined;
  if ('article' in target && !article) throw new EditError(`no article "${target.article}"`);
  const storyId = article ? article.body : 'story' in target ? target.story : undefined;
  const story = doc.stories.find((s) => s.id === storyId);
  if (!story) throw new EditError(article ? `article "${article.name}" has no body story to import into` : `no story "${String(storyId)}"`);
  const styleOf = (want: string) => (doc.paragraphStyles.find((s) => s.id === want) ?? doc.paragraphStyles.find((s) => s.id === 'title') ?? doc.paragraphStyles[0]!).id;

  const paragraphs = copy.body.map((p) => ({ style: p.style as ParagraphStyleId, runs: [{ text: p.text }] }));
  const emptyNow = story.paragraphs.every((p) => p.runs.every((r) => !r.text));
  story.paragraphs = target.replace || emptyNow ? paragraphs : [...story.paragraphs, ...paragraphs];
  if (article) {
    const h = copy.headline;
    if (h.title) {
      const prev = article.headline;
      article.headline = {
        linesPerLine: prev?.linesPerLine ?? 3,
        title: { text: h.title, style: prev?.title.style ?? styleOf('title') },
        ...(h.kicker ? { kicker: { text: h.kicker, style: prev?.kicker?.style ?? styleOf('kicker') } } : prev?.kicker && !target.replace ? { kicker: prev.kicker } : {}),
        ...(h.subhead ? { subhead: { text: h.subhead, style: prev?.subhead?.style ?? styleOf('subhead') } } : prev?.subhead && !target.replace ? { subhead: prev.subhead } : {}),
        ...(prev?.deck ? { deck: prev.deck } : {}),
      };
    }
    if (copy.byline && copy.byline.names.length) {
      const style = article.byline?.style ?? (doc.characterStyles.some((c) => c.id === 'byline') ? doc.characterStyles.find((c) => c.id === 'byline')!.id : undefined);
      article.byline = { pattern: copy.byline.pattern, names: copy.byline.names, placement: article.byline?.placement ?? 'inline', ...(style ? { style } : {}) };
    }
  }
  return story.id;
}
