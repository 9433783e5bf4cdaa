/**
 * The Jinshan sample laid out with the bundled fonts: no overset, the lead story jumps from
 * page 1 to page 2 with the right jump lines on both pages, every story reads back in chain
 * order, and golden traces of both pages (UPDATE_GOLDEN=1 to refresh them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutJson } from '../../engine/flow/json';
import { layoutIssue } from '../../engine/flow/layout-issue';
import { pageTrace, traceDiff } from '../../engine/flow/trace';
import type { LaidOutIssue, LayoutEnv } from '../../engine/flow/types';
import { loadDocument } from '../../engine/model';
import type { IssueDocument } from '../../engine/model/types';
import { createNodeLayoutEnv } from '../../services/engine-host';

const SAMPLE = path.resolve('samples/jinshan/jinshan.broadsheet');
const GOLDEN = path.resolve('test/golden/pages');

let doc: IssueDocument;
let env: LayoutEnv;
let laid: LaidOutIssue;

beforeAll(async () => {
  doc = loadDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE);
  env = await (await createNodeLayoutEnv()).envFor(doc, path.dirname(SAMPLE));
  laid = layoutIssue(doc, env);
});

describe('the Jinshan sample', () => {
  it('lays out with no overset', () => {
    expect(laid.stories.filter((s) => s.overset > 0)).toEqual([]);
  });

  it('jumps the lead story from page 1 to page 2 with the jump lines on both pages', () => {
    expect(laid.jumps.map((j) => [j.story, j.kind, j.page, j.target, j.text])).toEqual([
      ['lead-body', 'to', 1, 2, '（下转第2版）'],
      ['lead-body', 'from', 2, 1, '（上接第1版）'],
    ]);
    const p1 = laid.pages[0]!;
    const to = p1.frames.find((f) => f.id === 'jump:to:lead-body-1')!;
    const body1 = p1.frames.find((f) => f.id === 'lead-body-1')!;
    // The to-line is the last line of the frame's last column, right under its text, inside the frame.
    const lastCol = Math.max(...body1.lines.map((l) => l.column));
    const colLines = body1.lines.filter((l) => l.column === lastCol);
    expect(to.lines[0]!.y).toBeGreaterThan(Math.max(...colLines.map((l) => l.y)));
    // Frames hold their lines' ideographic em boxes (0.12 em below the baseline at 9 pt).
    expect(to.lines[0]!.y + 9 * 0.12).toBeLessThanOrEqual(body1.y + body1.height + 0.01);
    expect(to.lines[0]!.text).toBe('（下转第2版）');
    // The from-line opens the continuation and is followed by text.
    const p2 = laid.pages[1]!;
    const from = p2.frames.find((f) => f.id === 'jump:from:lead-body-2')!;
    const body2 = p2.frames.find((f) => f.id === 'lead-body-2')!;
    expect(from.lines[0]!.text).toBe('（上接第1版）');
    expect(from.lines[0]!.y).toBeLessThan(Math.min(...body2.lines.filter((l) => l.column === 0).map((l) => l.y)));
    expect(from.lines[0]!.x).toBe(body2.x);
    expect(body2.lines.length).toBeGreaterThan(0);
  });

  it('reads every story back from its lines in chain order', () => {
    const json = layoutJson(laid, doc);
    for (const story of doc.stories) {
      const text = story.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');
      const got = json.pages.flatMap((p) => p.frames.filter((f) => f.story === story.id)).flatMap((f) => f.lines.map((l) => l.text)).join('');
      expect(got).toBe(text);
    }
  });

  it('matches the golden traces of its pages', () => {
    for (const page of laid.pages) {
      const file = path.join(GOLDEN, `jinshan-p${page.number}.trace.txt`);
      const trace = pageTrace(page);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
        writeFileSync(file, trace);
        continue;
      }
      expect(traceDiff(readFileSync(file, 'utf8'), trace)).toEqual([]);
    }
  });

  it('re-lays out one frame after a one-character edit in the lead story', () => {
    const story = doc.stories.find((s) => s.id === 'lead-body')!;
    const last = story.paragraphs.length - 1;
    const p = story.paragraphs[last]!;
    const edited = { ...p, runs: [{ ...p.runs[0]!, text: '新' + p.runs[0]!.text.slice(1) }, ...p.runs.slice(1)] };
    const changed = { ...doc, stories: doc.stories.map((s) => (s === story ? { ...s, paragraphs: s.paragraphs.map((x, i) => (i === last ? edited : x)) } : s)) };
    const inc = layoutIssue(changed, env, laid);
    expect(inc.stats.framesLaidOut).toBeLessThanOrEqual(2);
    expect(inc.stats.framesReused).toBeGreaterThan(5);
  });
});
