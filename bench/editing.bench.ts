/**
 * Editing on the sample in Node: one keystroke (a history change with insertText) plus the
 * incremental relayout of the issue, typed into the lead story on page 1 (a full page); a
 * whole drag (30 moves + squash); undo/redo of a typing burst; a copyfit search.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { copyfit, insertText, storyLength } from '../engine/edit';
import { layoutIssue } from '../engine/flow/layout-issue';
import { createTextTypesetter } from '../engine/flow/text-typesetter';
import type { LaidOutIssue, LayoutEnv } from '../engine/flow/types';
import { loadDocument } from '../engine/model';
import type { IssueDocument } from '../engine/model/types';
import { History } from '../renderer/history';
import { bundledFontBook } from '../services/engine-host';

const SAMPLE = path.resolve('samples/jinshan/jinshan.broadsheet');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
}

export async function bench(): Promise<Record<string, number | string>> {
  const doc = loadDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE);
  const book = await bundledFontBook();
  const env: LayoutEnv = { typesetter: createTextTypesetter(doc, book), imageSize: () => ({ width: 800, height: 600 }) };
  const h = new History<IssueDocument>(doc);
  let laid: LaidOutIssue = layoutIssue(doc, env);
  // Warm up: a few keystrokes.
  let at = 40;
  const key = (ch: string, t: number) => {
    const t0 = performance.now();
    h.change((d) => void insertText(d, 'lead-body', at, ch), { burst: { key: 'lead-body', at: t, window: 1000 } });
    const t1 = performance.now();
    laid = layoutIssue(h.current, env, laid);
    const t2 = performance.now();
    at++;
    return { edit: t1 - t0, total: t2 - t0 };
  };
  for (let i = 0; i < 5; i++) key('金', i * 100);
  const edit: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < 60; i++) {
    const r = key('金山区委'[i % 4]!, 1000 + i * 100);
    edit.push(r.edit);
    total.push(r.total);
  }
  // A drag: 30 squashed moves of one frame after a mark.
  const d0 = performance.now();
  h.mark('drag');
  for (let i = 1; i <= 30; i++) {
    h.change(
      (d) => {
        const f = d.frames.find((x) => x.id === 'lead-image')!;
        f.x = 305.25 + i;
      },
      { capture: 'squash' },
    );
  }
  h.squashToMark('drag');
  const dragMs = performance.now() - d0;
  const u0 = performance.now();
  h.undo();
  h.undo();
  h.redo();
  h.redo();
  const undoRedoMs = (performance.now() - u0) / 4;
  // Copyfit the 全区 article after growing it (each trial is a full layout with a fresh typesetter).
  const grown = JSON.parse(JSON.stringify(h.current)) as IssueDocument;
  insertText(grown, 'quanqu-body', 5, '金山区各级党组织迅速掀起学习热潮，'.repeat(3));
  const c0 = performance.now();
  const cf = copyfit(grown, 'quanqu', { tracking: [-60, 20], leading: [-1, 0] }, (d) => layoutIssue(d, { ...env, typesetter: createTextTypesetter(d, book) }));
  const copyfitMs = performance.now() - c0;
  return {
    'keystroke edit p50 ms': pct(edit, 50),
    'keystroke edit p95 ms': pct(edit, 95),
    'keystroke + relayout p50 ms': pct(total, 50),
    'keystroke + relayout p95 ms': pct(total, 95),
    'drag of 30 moves ms': Math.round(dragMs * 100) / 100,
    'undo or redo step ms': Math.round(undoRedoMs * 100) / 100,
    'copyfit ms': Math.round(copyfitMs),
    'copyfit layouts': cf.layouts,
    'copyfit fits': String(cf.fits),
    'lead story length': storyLength(h.current.stories.find((s) => s.id === 'lead-body')!),
  };
}
