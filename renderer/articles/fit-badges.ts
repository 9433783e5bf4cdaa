/**
 * Copyfit badges on the canvas: each article's fit ("+3 lines", "−12 lines") drawn small at the
 * bottom-left of its last body frame on the page: red when over (always shown), grey when
 * under (shown for the selected frames' articles, so a full page stays readable); nothing when
 * it fits. `fitBadges` (pure, tested in Node) says what goes where; `paintFitBadges` draws.
 */
import { articleFits } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { articleOfFrame } from './placement';

/** One badge: the frame it sits on, its text, and whether the article is over. */
export interface FitBadge {
  article: string;
  frame: string;
  text: string;
  over: boolean;
  x: number;
  y: number;
}

/** The badges for page `page` (empty when the layout is of another revision and does not match). */
export function fitBadges(doc: IssueDocument, layout: LaidOutIssue, page: string, selection: readonly string[] = []): FitBadge[] {
  let fits;
  try {
    fits = articleFits(doc, layout);
  } catch {
    return [];
  }
  const selected = new Set(selection.map((id) => articleOfFrame(doc, id)));
  const out: FitBadge[] = [];
  for (const f of fits) {
    if (!f.over && !(f.under && selected.has(f.article))) continue;
    const story = doc.stories.find((s) => s.id === f.story);
    const onPage = (story?.frames ?? []).map((id) => doc.frames.find((x) => x.id === id)).filter((x) => x?.page === page);
    const last = onPage.at(-1);
    if (!last) continue;
    const n = f.over || f.under;
    out.push({ article: f.article, frame: last.id, over: f.over > 0, text: `${f.over ? '+' : '−'}${n} line${n === 1 ? '' : 's'}`, x: last.x, y: last.y + last.height });
  }
  return out;
}

/** Paints the badges; `scale` is CSS px per page point (text and padding keep a fixed screen size). */
export function paintFitBadges(ctx: CanvasRenderingContext2D, badges: readonly FitBadge[], scale: number): void {
  const px = 1 / scale;
  ctx.save();
  ctx.font = `${11 * px}px sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const b of badges) {
    const w = ctx.measureText(b.text).width + 6 * px;
    const h = 14 * px;
    ctx.fillStyle = b.over ? '#d93025' : '#5f6368';
    ctx.fillRect(b.x, b.y - h, w, h);
    ctx.fillStyle = '#fff';
    ctx.fillText(b.text, b.x + 3 * px, b.y - px);
  }
  ctx.restore();
}
