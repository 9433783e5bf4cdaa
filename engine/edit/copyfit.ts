/**
 * Copyfitting: how many lines each article is over or under its space, and a search for the
 * tracking (then leading) within the user's limits that makes the body fit. The body's
 * paragraph styles get per-article derived styles ("body · fit <article>") based on the
 * originals, since the format keeps no local overrides; the originals stay untouched.
 */
import { pageGrid } from '../flow/geometry';
import type { LaidOutIssue } from '../flow/types';
import type { ParagraphStyleId } from '../model/ids';
import type { IssueDocument, ParagraphStyle } from '../model/types';
import { resolveStyles } from '../style';
import { EditError } from './errors';
import { articleOf } from './find';
import { templateOfPage } from './geometry';

/** How an article's body fits its frames. */
export interface ArticleFit {
  article: string;
  story: string;
  /** Lines that did not fit (0 when it all fits). */
  over: number;
  /** Empty line slots left in the frames (0 when overset). */
  under: number;
  /** Lines set, and the frames' capacity in lines. */
  lines: number;
  capacity: number;
  oversetChars: number;
}

/** The fit of one article in a layout (null if it has no body story). */
export function articleFit(doc: IssueDocument, layout: LaidOutIssue, articleId: string): ArticleFit | null {
  const a = articleOf(doc, articleId);
  const story = a.body ? doc.stories.find((s) => s.id === a.body) : undefined;
  if (!story) return null;
  const ids = new Set<string>(story.frames);
  let lines = 0;
  let chars = 0;
  let capacity = 0;
  let reserved = 0;
  for (const page of layout.pages) {
    for (const f of page.frames) {
      if (!f.source || !ids.has(f.source)) continue;
      if (f.role === 'jump-to' || f.role === 'jump-from') {
        reserved += f.lines.length;
        continue;
      }
      if (f.role !== 'frame') continue;
      const storyLines = f.lines.filter((l) => l.story === story.id);
      lines += storyLines.length;
      chars += storyLines.reduce((n, l) => n + Math.max(0, l.end - l.start), 0);
      const frame = doc.frames.find((x) => x.id === f.source);
      if (frame?.kind !== 'text') continue;
      const g = pageGrid(templateOfPage(doc, frame.page));
      const inner = frame.height - frame.insets.top - frame.insets.bottom;
      const perColumn = Math.max(0, Math.floor((inner + g.pitch - g.cellAscent - g.cellDescent) / g.pitch + 1e-6));
      capacity += perColumn * frame.columns;
    }
  }
  const oversetChars = layout.stories.find((s) => s.id === story.id)?.overset ?? 0;
  const perLine = lines ? chars / lines : 13;
  const over = oversetChars > 0 ? Math.max(1, Math.ceil(oversetChars / perLine)) : 0;
  const under = over ? 0 : Math.max(0, capacity - reserved - lines);
  return { article: a.id, story: story.id, over, under, lines, capacity, oversetChars };
}

/** The fit of every article with a body. */
export function articleFits(doc: IssueDocument, layout: LaidOutIssue): ArticleFit[] {
  return doc.articles.map((a) => articleFit(doc, layout, a.id)).filter((x): x is ArticleFit => !!x);
}

/** How far copyfitting may go: tracking in 1/1000 em, leading change in pt (both ranges include 0). */
export interface CopyfitLimits {
  tracking: [number, number];
  leading: [number, number];
}

/** A copyfit setting: added to the body styles' tracking and leading. */
export interface CopyfitSetting {
  tracking: number;
  leading: number;
}

/** The id of the derived style a copyfit gives paragraphs of `style` in `article`. */
export function fitStyleId(style: string, article: string): ParagraphStyleId {
  return `${style}~fit~${article}` as ParagraphStyleId;
}

/** The original style of a paragraph style that may be a copyfit derivative. */
function baseStyle(doc: IssueDocument, id: string): ParagraphStyle {
  const s = doc.paragraphStyles.find((x) => x.id === id);
  if (!s) throw new EditError(`no paragraph style "${id}"`);
  if (s.id.includes('~fit~') && s.basedOn) return baseStyle(doc, s.basedOn);
  return s;
}

/**
 * Applies a copyfit setting to an article's body (mutating; history wraps it): each body
 * paragraph style S gets a derived style based on S with S's tracking and leading adjusted;
 * a setting of zero restores the original styles and removes the derivatives.
 */
export function applyCopyfit(doc: IssueDocument, articleId: string, setting: CopyfitSetting): void {
  const a = articleOf(doc, articleId);
  const story = a.body ? doc.stories.find((s) => s.id === a.body) : undefined;
  if (!story) throw new EditError(`article "${a.name}" has no body to fit`);
  const sheet = resolveStyles(doc);
  for (const p of story.paragraphs) {
    const base = baseStyle(doc, p.style);
    if (setting.tracking === 0 && setting.leading === 0) {
      p.style = base.id;
      continue;
    }
    const id = fitStyleId(base.id, a.id);
    const resolved = sheet.paragraph(base.id);
    const tracking = Math.round(sheet.charAttrs(base.id).tracking + setting.tracking);
    const leading = Math.round((resolved.leading + setting.leading) * 100) / 100;
    const derived: ParagraphStyle = { id, name: `${base.name} · fit ${a.name}`, basedOn: base.id, tracking, leading };
    const i = doc.paragraphStyles.findIndex((s) => s.id === id);
    if (i < 0) doc.paragraphStyles.push(derived);
    else {
      const s = doc.paragraphStyles[i]!;
      if (s.tracking !== tracking) s.tracking = tracking;
      if (s.leading !== leading) s.leading = leading;
    }
    p.style = id;
  }
  // Derived styles no paragraph uses any more go.
  const used = new Set(doc.stories.flatMap((s) => s.paragraphs.map((p) => p.style as string)));
  doc.paragraphStyles = doc.paragraphStyles.filter((s) => !s.id.endsWith(`~fit~${a.id}`) || used.has(s.id));
}

/** The outcome of a copyfit search. */
export interface CopyfitResult {
  setting: CopyfitSetting;
  fit: ArticleFit;
  /** Whether the article fits (no overset) at the setting found. */
  fits: boolean;
  /** Layouts run. */
  layouts: number;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Searches for the setting that fits an article: the loosest tracking within limits that
 * leaves nothing overset (binary search; more tracking never sets fewer lines), then, if even
 * the tightest tracking oversets, the loosest leading that fits. `relayout` lays out a trial
 * document (the caller supplies it, with its fonts and caches). Returns the setting; apply it
 * with applyCopyfit inside a history change.
 */
export function copyfit(doc: IssueDocument, articleId: string, limits: CopyfitLimits, relayout: (doc: IssueDocument) => LaidOutIssue): CopyfitResult {
  const [tMin, tMax] = limits.tracking;
  const [lMin, lMax] = limits.leading;
  // Leading is only tightened (a looser leading would break the grid rhythm before it fills space).
  if (!(tMin <= 0 && 0 <= tMax && lMin <= 0 && 0 <= lMax)) throw new EditError('copyfit limits must be ranges that include 0 (e.g. tracking −20…20, leading −0.5…0.5)');
  let layouts = 0;
  const cache = new Map<string, ArticleFit>();
  const trial = (s: CopyfitSetting): ArticleFit => {
    const key = `${s.tracking}/${s.leading}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const d = clone(doc);
    applyCopyfit(d, articleId, s);
    layouts++;
    const fit = articleFit(d, relayout(d), articleId);
    if (!fit) throw new EditError(`article "${articleId}" has no body to fit`);
    cache.set(key, fit);
    return fit;
  };
  const fitsAt = (s: CopyfitSetting) => trial(s).over === 0;
  // Largest integer x in [lo, hi] with ok(x), given ok is true at lo and monotone (true then false).
  const loosest = (lo: number, hi: number, ok: (x: number) => boolean): number => {
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (ok(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let setting: CopyfitSetting;
  if (fitsAt({ tracking: tMin, leading: 0 })) {
    // Fill the space: the loosest tracking that still fits, leading as is.
    setting = { tracking: loosest(tMin, tMax, (t) => fitsAt({ tracking: t, leading: 0 })), leading: 0 };
  } else {
    // Tracking alone cannot fit it: tightest tracking, then leading in 0.05 pt steps.
    const steps = Math.round((0 - lMin) / 0.05);
    const ok = (k: number) => fitsAt({ tracking: tMin, leading: Math.round((lMin + k * 0.05) * 100) / 100 });
    if (ok(0)) {
      const k = loosest(0, steps, ok);
      setting = { tracking: tMin, leading: Math.round((lMin + k * 0.05) * 100) / 100 };
    } else setting = { tracking: tMin, leading: lMin };
  }
  const fit = trial(setting);
  return { setting, fit, fits: fit.over === 0, layouts };
}
