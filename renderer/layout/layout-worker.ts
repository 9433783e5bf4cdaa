/**
 * The layout worker: runs the engine (DOM-free) off the UI thread so that opening a large
 * issue or re-flowing after an edit never freezes scrolling, zooming or typing. It keeps its
 * own FontBook (from the same bytes as the painter's), its copy of the document (edits arrive
 * as changed paths, doc-delta.ts) and the previous result, whose caches make the next layout
 * incremental and against which it sends only what changed (layout-delta.ts).
 */
import { FontBook } from '../../engine/fonts';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model';
import { applyDocDelta, reuseEqual } from './doc-delta';
import { encodeLayout } from './layout-delta';
import type { FromWorker, ToWorker } from './protocol';
import { typesetterFor } from './typesetter';
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
    return;
  }
  if (m.type === 'images') {
    sizes = { ...sizes, ...m.sizes };
    return;
  }
  if (m.type === 'copyfit') {
    // Copyfit's trial layouts run here, with the fonts the live layout uses, so the fit found
    // is the fit the next layout shows.
    try {
      post({ type: 'copyfitted', id: m.id, result: copyfit(m.doc, m.article, m.limits, trialRelayout(book, () => sizes)) });
    } catch (err) {
      post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  const t0 = performance.now();
  try {
    let doc: IssueDocument;
    if (m.type === 'layout-delta') {
      if (!previousDoc) throw new Error('a document change arrived before the document');
      doc = applyDocDelta(previousDoc, m.ops);
    } else {
      // A whole document (opened, or laid out afresh): unchanged records keep their identity.
      doc = m.fresh ? m.doc : reuseEqual(previousDoc, m.doc);
    }
    previousDoc = doc;
    const fresh = m.type === 'layout' && m.fresh;
    const layout = layoutIssue(doc, { typesetter: typesetterFor(doc, book), imageSize: (src) => sizes[src] ?? null }, fresh ? undefined : previous);
    // A fresh layout goes whole; otherwise only what changed since the last result sent.
    const delta = encodeLayout(fresh ? undefined : previous, layout);
    previous = layout;
    post({ type: 'laid-out', id: m.id, delta, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
};
