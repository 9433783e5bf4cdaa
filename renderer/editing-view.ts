/**
 * What the automation's editing() reports (renderer/automation.ts): plain data with no DOM
 * types, so the browser tests and the benchmarks (type-checked without the DOM) import it too.
 */
export interface EditingView {
  /** The document as JSON. */
  doc: string;
  /** The tool machine's state path, e.g. "text.editing". */
  path: string;
  selection: string[];
  text: { story: string; frame: string; anchor: number; focus: number } | null;
  undo: number;
  redo: number;
  revision: number;
}
