/**
 * The one place the renderer builds the engine's Typesetter (the composer over the FontBook),
 * so that the screen lays out with exactly the code the PDF export uses (services/engine-host.ts
 * builds it the same way on the Node side).
 */
import type { FontBook } from '../../engine/fonts';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { Typesetter } from '../../engine/flow/typesetter';
import type { IssueDocument } from '../../engine/model';

let cached: { styles: unknown; book: FontBook; faces: number; ts: Typesetter } | undefined;

/**
 * The typesetter for a document and its fonts. It depends only on the styles and the fonts
 * (paragraphs are passed to it), so it is reused while those records are unchanged, and with
 * it its prepared-paragraph cache.
 */
export function typesetterFor(doc: IssueDocument, book: FontBook): Typesetter {
  const faces = book.faces().length;
  const styles = [doc.paragraphStyles, doc.characterStyles, doc.swatches, doc.issue];
  const same = cached && cached.book === book && cached.faces === faces && (cached.styles as unknown[]).every((x, i) => x === styles[i]);
  if (same && cached) return cached.ts;
  cached = { styles, book, faces, ts: createTextTypesetter(doc, book) };
  return cached.ts;
}
