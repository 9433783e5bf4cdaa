/**
 * The article commands' work, over the tool machine and the history (no store, no DOM, so the
 * scripted tests run it in Node): a new article drawn with the place-article tool or put in
 * the first free area of the page, continuing an article on another page, selecting an
 * article as one, and fitting an article (copyfit within limits). Each document change is one
 * history step; a refusal throws EditError before anything is recorded.
 */
import { EditError, applyCopyfit, continueArticle, copyfit, createArticle, templateOfPage, type CopyfitLimits, type CopyfitResult, type GridPlace } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import type { History } from '../history';
import { setPendingPlacement, type PendingPlacement, type ToolMachine } from '../tools';
import { articleExtent, articleOfSelection, articleSelection, checkSpec, firstFreePlace, shapeFor, type ArticleSpec } from './placement';

/** Copyfit limits to start from: tracking −20…+20 /1000 em, leading −0.5…+0.5 pt. */
export const DEFAULT_LIMITS: CopyfitLimits = { tracking: [-20, 20], leading: [-0.5, 0.5] };

/** The frames createArticle made, in the order they are selected. */
function made(r: ReturnType<typeof createArticle>): string[] {
  return [r.headline, r.body, ...(r.image ? [r.image] : [])];
}

/** Makes an article of `spec` at `place` on `page` (mutating a draft). */
function makeArticle(doc: IssueDocument, page: string, spec: ArticleSpec, place: GridPlace, tools: ToolMachine): string[] {
  return made(createArticle(doc, shapeFor(doc, page, spec, place), tools.host.newId));
}

/** Arms the place-article tool with a new article of `spec`: the user's drag decides where it goes. */
export function drawNewArticle(tools: ToolMachine, spec: ArticleSpec, done?: PendingPlacement['done']): void {
  checkSpec(spec, templateOfPage(tools.doc, tools.host.page()));
  const { columns, lines } = articleExtent(spec);
  setPendingPlacement(tools, { label: 'the article', columns, lines, apply: (d, page, place) => makeArticle(d, page, spec, place, tools), ...(done ? { done } : {}) });
}

/** Puts a new article of `spec` in the first free area of the current page; selects its frames. */
export function placeNewArticle(tools: ToolMachine, spec: ArticleSpec): string[] {
  const page = tools.host.page();
  checkSpec(spec, templateOfPage(tools.doc, page));
  const { columns, lines } = articleExtent(spec);
  const place = firstFreePlace(tools.doc, page, columns, lines);
  if (!place) throw new EditError(`page ${page} has no free area of ${columns} columns × ${lines} lines; draw the article instead, or make room`);
  let frames: string[] = [];
  tools.host.history.change((d) => {
    frames = makeArticle(d, page, spec, place, tools);
  });
  tools.select(frames);
  return frames;
}

/** The article the selection belongs to; throws a message naming what is missing. */
export function selectedArticle(tools: ToolMachine): string {
  const a = articleOfSelection(tools.doc, tools.session.selection);
  if (!a) throw new EditError('select a frame of an article first');
  return a;
}

/** Arms the place-article tool with a continuation of `article` (the user then drags on the target page). */
export function drawContinuation(tools: ToolMachine, article: string, columns: number, lines: number, done?: PendingPlacement['done']): void {
  setPendingPlacement(tools, {
    label: 'the continuation',
    columns,
    lines,
    apply: (d, page, place) => [continueArticle(d, article, page, place, tools.host.newId)],
    ...(done ? { done } : {}),
  });
}

/** Continues `article` on `page` in the first free area of `columns` × `lines` there; one step. */
export function continueInFreeArea(tools: ToolMachine, article: string, page: string, columns: number, lines: number): string {
  const place = firstFreePlace(tools.doc, page, columns, lines);
  if (!place) throw new EditError(`page ${page} has no free area of ${columns} columns × ${lines} lines; draw the frame instead, or make room`);
  let id = '';
  tools.host.history.change((d) => {
    id = continueArticle(d, article, page, place, tools.host.newId);
  });
  return id;
}

/** Selects every frame (on the current page) of the selected frames' articles. */
export function selectArticle(tools: ToolMachine): string[] {
  const ids = articleSelection(tools.doc, tools.session.selection, tools.host.page());
  tools.select(ids);
  return ids;
}

/** Checks copyfit limits typed by the user: numbers, min ≤ 0 ≤ max. */
export function checkLimits(l: CopyfitLimits): void {
  for (const [name, [lo, hi]] of [['tracking', l.tracking], ['leading', l.leading]] as const) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new EditError(`${name} limits must be numbers`);
    if (lo > 0 || hi < 0) throw new EditError(`${name} limits must run from a value ≤ 0 to a value ≥ 0 (got ${lo} … ${hi})`);
  }
}

/**
 * Fits `article` within `limits`: copyfit searches trial layouts (`relayout`), then the
 * setting found is applied as one history step (none when nothing changes).
 */
export function fitArticle(history: History<IssueDocument>, article: string, limits: CopyfitLimits, relayout: (doc: IssueDocument) => LaidOutIssue): CopyfitResult {
  checkLimits(limits);
  const result = copyfit(history.current, article, limits, relayout);
  applyFit(history, history.current, article, result);
  return result;
}

/**
 * Applies a copyfit result found for document `searched` as one history step. Refused when the
 * document changed during the search (the setting was found for another text).
 */
export function applyFit(history: History<IssueDocument>, searched: IssueDocument, article: string, result: CopyfitResult): void {
  if (history.current !== searched) throw new EditError('the document changed while the fit was being searched; fit again');
  history.change((d) => applyCopyfit(d, article, result.setting));
}
