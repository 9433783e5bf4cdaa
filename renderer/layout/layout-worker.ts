/**
 * The layout worker: runs the engine (DOM-free) off the UI thread so that opening a large
 * issue or re-flowing after an edit never freezes scrolling, zooming or typing. It keeps its
 * own FontBook (from the same bytes as the painter's) and the previous result, whose caches
 * make the next layout incremental.
 */
import { FontBook } from '../../engine/fonts';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { FromWorker, ToWorker } from './protocol';
import { typesetterFor } from './typesetter';
import { reuseUnchanged } from './reconcile';
import type { IssueDocument } from '../../engine/model';
import { copyfit } from '../../engine/edit';
import { trialRelayout } from '../articles/relayout';

const book = new FontBook();
let sizes: Record<string, { width: number; height: number } | null> = {};
let previous: LaidOutIssue | undefined;
let previousDoc: IssueDocument | undefined;

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'fonts') {
    for (const f of m.files) book.addFont(f.bytes, f.source);
  } else if (m.type === 'images') {
    sizes = { ...sizes, ...m.sizes };
  } else if (m.type === 'copyfit') {
    // Copyfit's trial layouts run here, with the fonts the live layout uses, so the fit found
    // is the fit the next layout shows.
    try {
      post({ type: 'copyfitted', id: m.id, result: copyfit(m.doc, m.article, m.limits, trialRelayout(book, () => sizes)) });
    } catch (err) {
      post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  } else {
    const t0 = performance.now();
    try {
      const doc = m.fresh ? m.doc : reuseUnchanged(previousDoc, m.doc);
      previousDoc = doc;
      const layout = layoutIssue(doc, { typesetter: typesetterFor(doc, book), imageSize: (src) => sizes[src] ?? null }, m.fresh ? undefined : previous);
      previous = layout;
      post({ type: 'laid-out', id: m.id, layout, ms: performance.now() - t0 });
    } catch (err) {
      post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
};
