/**
 * Layout of trial documents for copyfit (in the layout worker, or on the UI thread where there
 * is none): a fresh typesetter per document (styles are resolved when a typesetter is made,
 * and copyfit changes styles), the given FontBook and image sizes. The shared typesetter
 * cache of renderer/layout/typesetter.ts is left alone so the live layout keeps its caches.
 */
import type { FontBook } from '../../engine/fonts';
import { layoutIssue } from '../../engine/flow/layout-issue';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model';

/** A relayout function over `book` with natural image sizes `sizes` (pt). */
export function trialRelayout(book: FontBook, sizes: () => Record<string, { width: number; height: number } | null>): (doc: IssueDocument) => LaidOutIssue {
  return (doc) => {
    const known = sizes();
    return layoutIssue(doc, { typesetter: createTextTypesetter(doc, book), imageSize: (src) => known[src] ?? null });
  };
}
