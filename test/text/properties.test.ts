/**
 * Property tests over random Chinese text dense in punctuation, mixed with Latin words and
 * numbers, at random measures: nothing lost, duplicated or reordered; no line breaks the
 * chosen prohibition level; justified lines (all but the last) fill the measure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakRules, PunctuationPreset } from '../../engine/model/types';
import { notEndSet, notStartSet } from '../../engine/text';
import { compose } from './helpers';

const HAN = [...'金山区委书记胡卫国表示一方面将通过推动经济科技产业基础设施等的转型升级不断化为制度体验品牌环境软实力优势'];
const PUNCT = [...'，。、：；！？'];
const LATIN = ['AI', 'New York', ' Shanghai ', 'Shanghai', 'GDP', 'Wi-Fi', 'iPhone', 'OK', 'km', 'CBD'];
const NUMBERS = ['2021', '16.7', '7', '260', '1+4+4', '3.5%', '10,000'];

/** A token: Han run, punctuation, a quoted/bracketed phrase, a Latin word, a number, ——, …… */
const token = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('“”', '（）', '《》', '「」', '‘’'), fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 4 })).map(([q, h]) => q[0] + h.join('') + q[1]) },
  { weight: 2, arbitrary: fc.constantFrom(...LATIN) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom('——', '……', '。”', '”，', '）。', '！”') },
);
// Western tokens are kept apart by a Han character: a run like "202110,000AI" has no break
// opportunity at all, and a chunk wider than the measure cannot be set without overflowing.
const WESTERN_EDGE = /[A-Za-z0-9—…%]/;
const text = fc.array(token, { minLength: 1, maxLength: 60 }).map((ts) =>
  ts.reduce((acc, t) => acc + (acc && WESTERN_EDGE.test(acc.slice(-1)) && WESTERN_EDGE.test(t[0]!) ? '的' : '') + t, ''),
);

const SIZE = 9;
const nonSpace = (s: string): boolean => s !== ' ';

function checkParagraph(t: string, ems: number, rules: BreakRules, punctuation: PunctuationPreset, align: 'justify' | 'left'): void {
  const p = compose(t, ems * SIZE, 'zh-Hans', { rules, punctuation, align });
  // 1. Lines tile the text in order.
  expect(p.lines[0]!.start).toBe(0);
  expect(p.lines[p.lines.length - 1]!.end).toBe(t.length);
  for (let i = 1; i < p.lines.length; i++) expect(p.lines[i]!.start).toBe(p.lines[i - 1]!.end);
  // 2. Glyph offsets cover each (non-space) character once, in order.
  const offsets: number[] = [];
  for (const l of p.lines) for (const r of l.runs) for (const g of r.glyphs) if (g.offset >= 0) offsets.push(g.offset);
  // Spaces inside a line carry a glyph (for text extraction); spaces at a line end do not.
  for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThan(offsets[i - 1]!);
  const expected: number[] = [];
  for (let i = 0; i < t.length; i++) if (nonSpace(t[i]!)) expected.push(i);
  expect(offsets.filter((o) => nonSpace(t[o]!))).toEqual(expected);
  // 3. No line starts or ends against the rules.
  const ns = notStartSet(rules);
  const ne = notEndSet(rules);
  for (let i = 0; i < p.lines.length - 1; i++) {
    const lineText = t.slice(p.lines[i]!.start, p.lines[i]!.end).trimEnd();
    const next = t.slice(p.lines[i + 1]!.start).trimStart();
    const endCh = [...lineText].pop()!;
    const startCh = [...next][0]!;
    expect(ns.includes(startCh), `line ${i + 1} starts with ${startCh}: ${next.slice(0, 10)}`).toBe(false);
    expect(ne.includes(endCh), `line ${i} ends with ${endCh}: ${lineText}`).toBe(false);
    expect(['——', '……'].includes(endCh + startCh), `split ${endCh}${startCh}`).toBe(false);
  }
  // 4. Justified lines other than the last fill the measure.
  if (align === 'justify') {
    // (A line holding a single character has nothing to stretch: it cannot fill.)
    for (const l of p.lines.slice(0, -1)) {
      if ([...t.slice(l.start, l.end).trim()].length > 1) expect(Math.abs(l.width - l.measure), JSON.stringify(t.slice(l.start, l.end))).toBeLessThan(0.01);
    }
  }
  for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(l.measure + 0.01);
}

describe('composer properties', () => {
  it('keeps every character once and in order, obeys the rules, fills justified lines', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 10, max: 30 }),
        fc.constantFrom<BreakRules>('none', 'basic', 'gb', 'strict'),
        fc.constantFrom<PunctuationPreset>('quanjiao', 'kaiming', 'banjiao'),
        fc.constantFrom<'justify' | 'left'>('justify', 'left'),
        (t, ems, rules, punct, align) => checkParagraph(t, ems, rules, punct, align),
      ),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('fills non-integer measures too', () => {
    fc.assert(
      fc.property(text, fc.double({ min: 90, max: 300, noNaN: true }), (t, w) => checkParagraph(t, w / SIZE, 'gb', 'quanjiao', 'justify')),
      { numRuns: Number(process.env.PROP_RUNS ?? 100) },
    );
  });
});
