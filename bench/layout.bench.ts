/**
 * Layout speed: the Jinshan sample and a generated 24-page broadsheet (about six articles,
 * two images and one jump per page), full layout and relayout after a one-character edit.
 * Each layout uses a fresh typesetter, as the app does after a style change; prepared and
 * composed paragraphs are shared between typesetters over the same fonts, so only the first
 * layout of a document composes everything (reported separately as "first layout").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTextTypesetter } from '../engine/flow/text-typesetter';
import { layoutIssue } from '../engine/flow/layout-issue';
import type { LaidOutIssue, LayoutEnv } from '../engine/flow/types';
import { loadDocument } from '../engine/model';
import type { IssueDocument } from '../engine/model/types';
import { generateIssue } from '../scripts/generate-issue';
import { bundledFontBook } from '../services/engine-host';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** A copy of the document with one character of story `storyId`'s middle paragraph replaced. */
function editOne(doc: IssueDocument, storyId: string, ch: string): IssueDocument {
  return {
    ...doc,
    stories: doc.stories.map((s) => {
      if (s.id !== storyId) return s;
      const k = Math.floor(s.paragraphs.length / 2);
      return {
        ...s,
        paragraphs: s.paragraphs.map((p, i) => {
          if (i !== k) return p;
          const t = p.runs[0]!.text;
          const at = Math.floor(t.length / 2);
          return { ...p, runs: [{ ...p.runs[0]!, text: t.slice(0, at) + ch + t.slice(at + 1) }, ...p.runs.slice(1)] };
        }),
      };
    }),
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  const fonts = await bundledFontBook();
  const file = path.resolve(import.meta.dirname, '../samples/jinshan/jinshan.broadsheet');
  const sample = loadDocument(readFileSync(file, 'utf8'), file);
  const envOf = (doc: IssueDocument): LayoutEnv => ({ typesetter: createTextTypesetter(doc, fonts) });
  const out: Record<string, number | string> = {};

  out['sample: first layout, cold shaping caches (ms)'] = time(() => layoutIssue(sample, envOf(sample))).ms;
  out['sample: full layout (median of 5, ms)'] = median(Array.from({ length: 5 }, () => time(() => layoutIssue(sample, envOf(sample))).ms));

  const issue = generateIssue({ pages: 24, seed: 1 });
  out['generated: pages / frames / stories'] = `${issue.pages.length} / ${issue.frames.length} / ${issue.stories.length}`;
  const runs = Array.from({ length: 3 }, () => time(() => layoutIssue(issue, envOf(issue))));
  const full = runs[runs.length - 1]!.value;
  out['generated 24 pages: first layout, composing everything (ms)'] = runs[0]!.ms;
  out['generated 24 pages: full layout again, compositions shared (median of 3, ms)'] = median(runs.map((r) => r.ms));
  out['generated 24 pages: jumps / overset stories'] = `${full.jumps.length} / ${full.stories.filter((s) => s.overset > 0).length}`;

  // One-character edits on different pages, each laid out from the previous result.
  const env = envOf(issue);
  let prev: LaidOutIssue = layoutIssue(issue, env);
  let doc = issue;
  const edits: number[] = [];
  const frames: number[] = [];
  for (const [i, page] of [3, 8, 12, 17, 21].entries()) {
    doc = editOne(doc, `a${page}-2-body`, '新旧改换动'[i]!);
    const r = time(() => layoutIssue(doc, env, prev));
    edits.push(r.ms);
    frames.push(r.value.stats.framesLaidOut);
    prev = r.value;
  }
  out['generated 24 pages: relayout after a one-character edit (median of 5, ms)'] = median(edits);
  out['generated 24 pages: frames re-laid out per edit'] = frames.join(', ');
  return out;
}
