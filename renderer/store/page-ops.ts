/**
 * Document changes made from the overview: add, remove and reorder pages. Each returns a new
 * document (immer), so the store can diff, undo later, and re-run layout; jump lines follow
 * because they are computed from page order by layout, not stored.
 */
import { produce } from 'immer';
import type { IssueDocument, PageId } from '../../engine/model';

/** Moves the page at `from` to index `to`. */
export function movePage(doc: IssueDocument, from: number, to: number): IssueDocument {
  if (from === to || from < 0 || to < 0 || from >= doc.pages.length || to >= doc.pages.length) return doc;
  return produce(doc, (d) => {
    const [p] = d.pages.splice(from, 1);
    d.pages.splice(to, 0, p!);
  });
}

/** A page id not used yet. */
function freshPageId(doc: IssueDocument): PageId {
  const used = new Set(doc.pages.map((p) => p.id as string));
  let n = doc.pages.length + 1;
  while (used.has(`page-${n}`)) n++;
  return `page-${n}` as PageId;
}

/** Adds an empty page after index `after`, with the same template and section. */
export function addPage(doc: IssueDocument, after: number): IssueDocument {
  const model = doc.pages[Math.min(Math.max(after, 0), doc.pages.length - 1)]!;
  return produce(doc, (d) => {
    d.pages.splice(after + 1, 0, { id: freshPageId(doc), section: model.section, template: model.template });
  });
}

/**
 * Removes the page at `index` and the frames on it; stories keep their other frames (their
 * text then flows into what is left, or goes overset). The last page cannot be removed.
 */
export function removePage(doc: IssueDocument, index: number): IssueDocument {
  if (doc.pages.length <= 1) return doc;
  const page = doc.pages[index];
  if (!page) return doc;
  const gone = new Set(doc.frames.filter((f) => f.page === page.id).map((f) => f.id as string));
  return produce(doc, (d) => {
    d.pages.splice(index, 1);
    d.frames = d.frames.filter((f) => !gone.has(f.id));
    for (const s of d.stories) s.frames = s.frames.filter((f) => !gone.has(f));
    for (const a of d.articles) a.images = a.images.filter((f) => !gone.has(f));
  });
}
