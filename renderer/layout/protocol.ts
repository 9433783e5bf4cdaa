/** Messages between the editor and the layout worker. */
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model';

/** To the worker. */
export type ToWorker =
  | { type: 'fonts'; files: { source: string; bytes: Uint8Array }[] }
  | { type: 'images'; sizes: Record<string, { width: number; height: number } | null> }
  | { type: 'layout'; id: number; doc: IssueDocument; fresh: boolean };

/** From the worker. */
export type FromWorker = { type: 'laid-out'; id: number; layout: LaidOutIssue; ms: number } | { type: 'failed'; id: number; message: string };
