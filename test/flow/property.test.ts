/**
 * Property test over random issues: random pages, frames (columns, sizes, wrap boxes),
 * chains and texts. Every character of every story appears exactly once across its frames,
 * in order, or is counted as overset; every jump names the page where its story actually
 * continues; no line leaves its frame and no two lines on a page overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue, LineRecord } from '../../engine/flow/types';
import { makeDoc, monoTypesetter } from './support';

const CHARS = ['金', '山', '区', '，', '。', 'a', 'b', '1', '（', '）', '“', '”'];

const paragraphArb = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 200 }).map((cs) => cs.join(''));
const storyArb = fc.array(paragraphArb, { minLength: 1, maxLength: 6 });

/** A page is cut into a 2 × 3 grid of cells; a frame takes one cell, so frames never overlap. */
const frameArb = fc.record({
  cell: fc.integer({ min: 0, max: 5 }),
  columns: fc.integer({ min: 1, max: 3 }),
  shrink: fc.integer({ min: 0, max: 70 }),
  valign: fc.constantFrom('top', 'top', 'center', 'bottom', 'justify'),
  balance: fc.boolean(),
});

const issueArb = fc.record({
  pages: fc.integer({ min: 2, max: 4 }),
  frames: fc.array(fc.record({ page: fc.integer({ min: 0, max: 3 }), f: frameArb }), { minLength: 1, maxLength: 10 }),
  stories: fc.array(storyArb, { minLength: 1, maxLength: 4 }),
  owner: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
  order: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 10, maxLength: 10 }),
  wrap: fc.option(fc.record({ cell: fc.integer({ min: 0, max: 5 }), page: fc.integer({ min: 0, max: 3 }) })),
  widows: fc.integer({ min: 1, max: 3 }),
});

type IssueSpec = typeof issueArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: IssueSpec) {
  const used = new Set<string>();
  const frames: Record<string, unknown>[] = [];
  spec.frames.forEach(({ page, f }, i) => {
    const p = page % spec.pages;
    const key = `${p}:${f.cell}`;
    if (used.has(key)) return;
    used.add(key);
    const cx = f.cell % 2;
    const cy = Math.floor(f.cell / 2);
    frames.push({ id: `f${i}`, page: `p${p}`, kind: 'text', x: 20 + cx * 135, y: 20 + cy * 120, width: 125, height: 110 - f.shrink, columns: f.columns, gutter: 5, valign: f.valign, balance: f.balance });
  });
  if (spec.wrap) {
    const p = spec.wrap.page % spec.pages;
    const cx = spec.wrap.cell % 2;
    const cy = Math.floor(spec.wrap.cell / 2);
    frames.push({ id: 'img', page: `p${p}`, kind: 'image', src: 'x.png', x: 40 + cx * 135, y: 40 + cy * 120, width: 50, height: 40, wrap: { mode: 'box', offsets: { top: 3, right: 3, bottom: 3, left: 3 } } });
  }
  const texts = frames.filter((f) => f.kind === 'text');
  const stories = spec.stories.map((ps, s) => {
    const mine = texts.filter((_, i) => spec.owner[i]! % spec.stories.length === s);
    mine.sort((a, b) => spec.order[texts.indexOf(a)]! - spec.order[texts.indexOf(b)]!);
    return { id: `s${s}`, frames: mine.map((f) => f.id as string), paragraphs: ps.map((t) => ({ style: 'body', runs: [{ text: t }] })) };
  });
  return makeDoc({
    pages: Array.from({ length: spec.pages }, (_, i) => ({ id: `p${i}`, template: 't' })),
    paragraphStyles: [{ id: 'body', name: 'Body', size: 10, leading: 15, widows: spec.widows, orphans: 2 }],
    frames: frames as never,
    stories,
  });
}

function storyLines(l: LaidOutIssue, frameIds: readonly string[]): { line: LineRecord; page: number }[] {
  const out: { line: LineRecord; page: number }[] = [];
  for (const id of frameIds) {
    for (const p of l.pages) for (const f of p.frames) if (f.id === id) for (const line of f.lines) if (line.role === 'story') out.push({ line, page: p.number });
  }
  return out;
}

describe('flow properties', () => {
  it('places every character once, in order, or counts it as overset; jumps name the right pages', () => {
    const seen = { jumps: 0, overset: 0, split: 0 };
    fc.assert(
      fc.property(issueArb, (spec) => {
        const doc = build(spec);
        const l = layoutIssue(doc, { typesetter: monoTypesetter(doc) });
        seen.jumps += l.jumps.length;
        seen.overset += l.stories.filter((s) => s.overset > 0).length;
        for (const story of doc.stories) {
          const full = story.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');
          const rec = l.stories.find((s) => s.id === story.id)!;
          const lines = storyLines(l, story.frames);
          const placed = lines.map((x) => x.line.text).join('');
          expect(placed + full.slice(placed.length)).toBe(full);
          expect(placed.length + rec.overset).toBe(full.length);
          // Offsets agree with the text: each line's [start, end) has exactly its characters.
          const joined = story.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
          for (const { line } of lines) if (line.start >= 0) expect(joined.slice(line.start, line.end).replaceAll('\n', '')).toBe(line.text);
          // Jumps: a to-line names the page of the next frame holding text, a from-line the previous one.
          const holding = story.frames.filter((id) => storyLines(l, [id]).length > 0);
          if (holding.length > 1) seen.split++;
          const pageOf = (id: string) => doc.pages.findIndex((p) => p.id === doc.frames.find((f) => f.id === id)!.page) + 1;
          for (const j of l.jumps.filter((x) => x.story === story.id)) {
            const i = holding.indexOf(j.frame);
            expect(i).toBeGreaterThanOrEqual(0);
            if (j.kind === 'to') expect(j.target).toBe(pageOf(holding[i + 1]!));
            else expect(j.target).toBe(pageOf(holding[i - 1]!));
            expect(j.page).toBe(pageOf(j.frame));
          }
          // Every page change between frames holding text has its pair of jump lines.
          for (let i = 1; i < holding.length; i++) {
            if (pageOf(holding[i]!) === pageOf(holding[i - 1]!)) continue;
            expect(l.jumps.some((j) => j.story === story.id && j.kind === 'from' && j.frame === holding[i])).toBe(true);
          }
        }
        // Lines stay inside their frames and never overlap on a page.
        for (const p of l.pages) {
          const boxes: { x: number; y: number; r: number; b: number }[] = [];
          for (const f of p.frames) {
            for (const line of f.lines) {
              const box = { x: line.x, y: line.y - line.ascent, r: line.x + line.width, b: line.y + line.descent };
              if (f.role === 'frame') {
                expect(box.y).toBeGreaterThanOrEqual(f.y - 0.01);
                expect(box.b).toBeLessThanOrEqual(f.y + f.height + 0.01);
                expect(box.x).toBeGreaterThanOrEqual(f.x - 0.01);
                expect(box.r).toBeLessThanOrEqual(f.x + f.width + 0.01);
              }
              for (const o of boxes) expect(box.x < o.r - 0.01 && o.x < box.r - 0.01 && box.y < o.b - 0.01 && o.y < box.b - 0.01).toBe(false);
              boxes.push(box);
            }
          }
        }
      }),
      { numRuns: 200, seed: 20210709 },
    );
    // The generator must actually exercise jumps, overset and stories split over frames.
    expect(seen.jumps).toBeGreaterThan(20);
    expect(seen.overset).toBeGreaterThan(20);
    expect(seen.split).toBeGreaterThan(20);
  });
});
