/**
 * Whether two layout results show the same (their counters aside): the check the editor makes
 * when the worker's whole-issue layout of a document arrives after the one-story relayout it
 * painted first. Subtrees the two share are skipped by identity, so this costs about the size
 * of what was relaid.
 */
import type { LaidOutIssue, LaidOutPage } from '../../engine/flow/types';

export function sameLayout(a: LaidOutIssue, b: LaidOutIssue): boolean {
  if (a.pages.length !== b.pages.length) return false;
  for (let i = 0; i < a.pages.length; i++) if (!samePage(a.pages[i]!, b.pages[i]!)) return false;
  return equal(a.stories, b.stories) && equal(a.jumps, b.jumps) && equal(a.missing, b.missing) && equal(a.warnings, b.warnings);
}

/**
 * Pages are compared by their frames and the display list's other fields: the list's items are
 * the frames' art and glyph runs in paint order (displayItems), so equal frames give equal items
 * and comparing them again would only double the cost.
 */
function samePage(a: LaidOutPage, b: LaidOutPage): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.number !== b.number || a.label !== b.label || !equal(a.frames, b.frames)) return false;
  const { items: ia, ...da } = a.display;
  const { items: ib, ...db } = b.display;
  return ia.length === ib.length && equal(da, db);
}

/** Deep equality of plain data; a key absent on one side equals undefined on the other. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (Object.hasOwn(x, k) && !equal(x[k], y[k])) return false;
  for (const k in y) if (Object.hasOwn(y, k) && !Object.hasOwn(x, k) && y[k] !== undefined) return false;
  return true;
}
