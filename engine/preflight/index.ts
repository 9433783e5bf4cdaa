/**
 * Preflight: one rule list for the editor (live) and the CLI. Pure: the document, its layout
 * and the host's image facts in, findings out.
 */
import type { IssueDocument } from '../model/types';
import { RULES } from './rules';
import type { ImageFacts, PreflightFinding, PreflightLayout, PreflightOptions } from './types';

export type { ImageFacts, PreflightFinding, PreflightLayout, PreflightOptions, PreflightRule, PreflightFrame } from './types';
export { RULES, effectivePpi, itemBounds, type Rule, type RuleContext } from './rules';

/**
 * Default limits (shared/reference/print-pdf.md §1.3): images warn under 200 ppi and fail under
 * 150 (newsprint screens of 85–100 lpi want 170–200 ppi); total ink 240 % (typical newsprint);
 * text under 6 pt warns (newspapers ask 6–7 pt at least; 小六 is 6.5 pt, so 6 keeps legal CJK sizes quiet).
 */
export const DEFAULT_LIMITS: Omit<PreflightOptions, 'profile'> = { warnPpi: 200, errorPpi: 150, inkLimit: 240, minTextSize: 6 };

/** Runs every rule; findings sorted by page, then errors before warnings, then rule order. */
export function preflight(
  doc: IssueDocument,
  layout: PreflightLayout,
  images: ReadonlyMap<string, ImageFacts>,
  options: Partial<PreflightOptions> = {},
): PreflightFinding[] {
  const opts: PreflightOptions = { profile: options.profile ?? doc.issue.outputProfile, ...DEFAULT_LIMITS, ...stripUndefined(options) };
  const pageOf = new Map<string, number>();
  const pageNumber = new Map(layout.pages.map((p) => [p.id ?? (doc.pages[p.number - 1]?.id as string), p.number]));
  for (const f of doc.frames) pageOf.set(f.id, pageNumber.get(f.page) ?? 0);
  const ctx = { doc, layout, images, options: opts, pageOfFrame: (id: string) => pageOf.get(id) ?? 0 };
  const order = new Map(RULES.map((r, i) => [r.rule, i]));
  const all = RULES.flatMap((r) => r.check(ctx));
  return all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.page - b.f.page || (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1) || (order.get(a.f.rule) ?? 0) - (order.get(b.f.rule) ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}

/** 2 when any finding is an error, 1 when only warnings, 0 when clean (the preflight exit code). */
export function worstSeverity(findings: readonly PreflightFinding[]): 0 | 1 | 2 {
  if (findings.some((f) => f.severity === 'error')) return 2;
  return findings.length > 0 ? 1 : 0;
}

/** Links of every image placed in the layout, in display order (what the host must inspect). */
export function placedImages(layout: PreflightLayout): string[] {
  const out = new Set<string>();
  for (const p of layout.pages) for (const i of p.display.items) if (i.type === 'image') out.add(i.src);
  return [...out];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
