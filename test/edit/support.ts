/** Test support for editing: the sample document, a validity check, and a real-font relayout. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDocument, loadDocument, serializeDocument } from '../../engine/model';
import type { IssueDocument } from '../../engine/model/types';
import { layoutIssue } from '../../engine/flow/layout-issue';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { LaidOutIssue } from '../../engine/flow/types';
import { bundledFontBook } from '../../services/engine-host';

export const SAMPLE = path.resolve('samples/jinshan/jinshan.broadsheet');

/** A fresh copy of the sample document. */
export function sample(): IssueDocument {
  return loadDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE);
}

/** The document's schema findings after a save/load round trip (empty when valid). */
export function findings(doc: IssueDocument): string[] {
  const r = checkDocument(serializeDocument(doc));
  return r.ok ? [] : r.findings.map((f) => `${f.path}: ${f.message}`);
}

/**
 * Lays out a document with the bundled fonts. The typesetter resolves styles when it is made,
 * so a new one is made per document (style edits must be seen).
 */
export async function relayouter(): Promise<(doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue> {
  const book = await bundledFontBook();
  return (doc, previous) => layoutIssue(doc, { typesetter: createTextTypesetter(doc, book), imageSize: () => ({ width: 800, height: 600 }) }, previous);
}
