/** Messages between the editor and the layout worker. */
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model';
import type { CopyfitLimits, CopyfitResult } from '../../engine/edit';

/** To the worker. */
export type ToWorker =
  | { type: 'fonts'; files: { source: string; bytes: Uint8Array }[] }
  | { type: 'images'; sizes: Record<string, { width: number; height: number } | null> }
  | { type: 'layout'; id: number; doc: IssueDocument; fresh: boolean }
  | { type: 'copyfit'; id: number; doc: IssueDocument; article: string; limits: CopyfitLimits };

/** From the worker. */
export type FromWorker =
  | { type: 'laid-out'; id: number; layout: LaidOutIssue; ms: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'copyfitted'; id: number; result: CopyfitResult };
