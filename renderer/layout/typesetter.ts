/**
 * The one place the renderer builds the engine's Typesetter (the composer over the FontBook),
 * so that the screen lays out with exactly the code the PDF export uses (services/engine-host.ts
 * builds it the same way on the Node side).
 */
import type { FontBook } from '../../engine/fonts';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { Typesetter } from '../../engine/flow/typesetter';
import type { IssueDocument } from '../../engine/model';

let cached: { doc: IssueDocument; book: FontBook; faces: number; ts: Typesetter } | undefined;

/** The typesetter for a document and its fonts (reused while neither changes). */
export function typesetterFor(doc: IssueDocument, book: FontBook): Typesetter {
  const faces = book.faces().length;
  if (cached && cached.doc === doc && cached.book === book && cached.faces === faces) return cached.ts;
  cached = { doc, book, faces, ts: createTextTypesetter(doc, book) };
  return cached.ts;
}
