/** Messages between the editor and the layout worker. */
import type { CopyfitLimits, CopyfitResult } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model';
import type { DocOp } from './doc-delta';
import type { LayoutDelta } from './layout-delta';

/** To the worker. */
export type ToWorker =
  | { type: 'fonts'; files: { source: string; bytes: Uint8Array }[] }
  | { type: 'images'; sizes: Record<string, { width: number; height: number } | null> }
  /** Lay out a whole document, without the previous result (`fresh`) or with it. */
  | { type: 'layout'; id: number; doc: IssueDocument; fresh: boolean }
  /** Lay out the last document with these changes (doc-delta.ts). */
  | { type: 'layout-delta'; id: number; ops: DocOp[] }
  /** Copyfit's search over trial layouts (it does not change the worker's last layout). */
  | { type: 'copyfit'; id: number; doc: IssueDocument; article: string; limits: CopyfitLimits };

/** From the worker: a layout as a delta from the last one it sent (layout-delta.ts). */
export type FromWorker =
  | { type: 'laid-out'; id: number; delta: LayoutDelta; ms: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'copyfitted'; id: number; result: CopyfitResult };
