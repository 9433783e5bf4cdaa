/**
 * The one place the renderer builds the engine's Typesetter (the composer over the FontBook),
 * so that the screen lays out with exactly the code the PDF export uses.
 */
import type { FontBook } from '../../engine/fonts';
import type { Typesetter } from '../../engine/flow/typesetter';
import type { IssueDocument } from '../../engine/model';

/** The typesetter for a document and its fonts. */
export function typesetterFor(_doc: IssueDocument, _book: FontBook): Typesetter {
  throw new Error('the composer (engine/text) is not part of this build yet');
}
