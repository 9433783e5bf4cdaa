import { describe, expect, it } from 'vitest';
import { defaultParagraphStyle } from '../../engine/style';
import { allowedSplits, bestSplit, composeParagraph, hyphenationPoints, type ComposedParagraph } from '../../engine/text';
import { compose, lineTexts, testEnv } from './helpers';

const glyphs = (p: ComposedParagraph) => p.lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs));
const left = { align: 'left', firstLineIndent: 0 } as const;

describe('Han–Latin spacing', () => {
  it('adds ¼ em between Han and Latin letters or digits, not around punctuation', () => {
    const p = compose('金AI金，7月', 300, 'zh-Hans', left);
    const g = glyphs(p);
    expect(g.find((x) => x.text === 'A')!.x).toBe(9 + 2.25);
    const i = g.findIndex((x) => x.text === 'I');
    expect(g[i + 1]!.x).toBeCloseTo(g[i]!.x + g[i]!.advance + 2.25, 6);
    // After the comma (which has its own blank) no gap; between 7 and 月 a gap.
    const seven = g.find((x) => x.text === '7')!;
    expect(seven.x).toBe(g.find((x) => x.text === '，')!.x + 9);
    expect(g.find((x) => x.text === '月')!.x).toBeCloseTo(seven.x + seven.advance + 2.25, 6);
  });

  it('drops the gap at line edges', () => {
    const t = '金山区委书记胡卫国AI表示';
    const p = compose(t, 9 * 9, 'zh-Hans', left);
    const l1 = p.lines[1]!;
    expect(t[l1.start]).toBe('A');
    expect(l1.runs[0]!.glyphs[0]!.x).toBe(0);
  });

  it('turns a typed space between Han and Latin into the ¼ em gap', () => {
    const g = glyphs(compose('金 AI', 300, 'zh-Hans', left));
    expect(g.find((x) => x.text === 'A')!.x).toBe(9 + 2.25);
  });

  it('can be turned off', () => {
    const g = glyphs(compose('金AI', 300, 'zh-Hans', { ...left, hanLatinSpacing: 0 }));
    expect(g.find((x) => x.text === 'A')!.x).toBe(9);
  });
});

describe('alignment and indents', () => {
  const t = '金山将推动产业、空间、治理、形象等一系列转型以硬招数提升城市软实力';
  it('justify fills every line but the last, which is set left', () => {
    const p = compose(t, 100);
    for (const l of p.lines.slice(0, -1)) expect(l.x + l.width).toBeCloseTo(100, 6);
    const last = p.lines[p.lines.length - 1]!;
    expect(last.x).toBe(0);
    expect(last.width).toBeLessThan(100);
  });
  it('justify-all fills the last line too', () => {
    const p = compose(t, 100, 'zh-Hans', { align: 'justify-all' });
    for (const l of p.lines) expect(l.x + l.width).toBeCloseTo(100, 6);
  });
  it('right and centre', () => {
    const r = compose(t, 100, 'zh-Hans', { align: 'right', firstLineIndent: 0 });
    for (const l of r.lines) expect(l.x + l.width).toBeCloseTo(100, 6);
    const c = compose(t, 100, 'zh-Hans', { align: 'center', firstLineIndent: 0 });
    for (const l of c.lines) expect(l.x).toBeCloseTo((100 - l.width) / 2, 6);
  });
  it('indents the first line 2 em (Chinese) or 1 em (English); `from` continues without indent', () => {
    expect(compose(t, 100).lines[0]!.x).toBe(18);
    expect(compose('A certain king had a garden.', 100, 'en').lines[0]!.x).toBe(9);
    const cont = compose(t, 100, 'zh-Hans', {}, 10);
    expect(cont.lines[0]!.start).toBe(10);
    expect(cont.lines[0]!.x).toBe(0);
  });
  it('applies left and right indents and tracking', () => {
    const p = compose(t, 100, 'zh-Hans', { leftIndent: 10, rightIndent: 5, firstLineIndent: 0 });
    for (const l of p.lines.slice(0, -1)) {
      expect(l.x).toBe(10);
      expect(l.x + l.width).toBeCloseTo(95, 6);
    }
    const tracked = compose('金山', 300, 'zh-Hans', { ...left, tracking: 100 });
    expect(tracked.lines[0]!.width).toBeCloseTo(2 * 9.9, 6);
  });
  it('avoids a last line holding one character', () => {
    for (let ems = 5; ems < 14; ems++) {
      const p = compose(t, ems * 9);
      const lastText = t.slice(p.lines.at(-1)!.start).replace(/[，。、]/g, '');
      expect([...lastText].length, `${ems} em`).toBeGreaterThan(1);
    }
  });
});

describe('hyphenation', () => {
  it('finds en-us hyphenation points', () => {
    expect(hyphenationPoints('typography', 'en')).toEqual([2, 5, 7]); // ty-pog-ra-phy
    expect(hyphenationPoints('cat', 'en')).toEqual([]);
  });
  it('hyphenates English in narrow columns; the line text has no added hyphen', () => {
    const t = 'International typography depends on hyphenation and justification working together in narrow newspaper columns.';
    const p = compose(t, 90, 'en');
    const hyph = p.lines.filter((l) => l.hyphen);
    expect(hyph.length).toBeGreaterThan(0);
    for (const l of hyph) {
      expect(t.slice(l.start, l.end).endsWith('-')).toBe(false);
      const last = l.runs.at(-1)!.glyphs.at(-1)!;
      expect(last.offset).toBe(-1);
      expect(last.text).toBe('-');
    }
    expect(lineTexts(t, p).join('')).toBe(t);
  });
  it('does not hyphenate when the style says not to', () => {
    const t = 'International typography depends on hyphenation and justification working together.';
    expect(compose(t, 90, 'en', { hyphenate: false }).lines.some((l) => l.hyphen)).toBe(false);
  });
});

describe('drop caps', () => {
  it('sets the first characters big and narrows the first lines', () => {
    const t = '金山将推动产业、空间、治理、形象等一系列转型以硬招数提升城市软实力';
    const p = compose(t, 108, 'zh-Hans', { dropCap: { lines: 2, chars: 1 } });
    const big = p.lines[0]!.runs[0]!;
    expect(big.size).toBeCloseTo(13.5 + 9, 6);
    expect(big.glyphs[0]!.text).toBe('金');
    expect(big.glyphs[0]!.x).toBe(0);
    // 22.5 pt wide → the text steps aside by three whole cells.
    expect(p.lines[0]!.x).toBe(27);
    expect(p.lines[1]!.x).toBe(27);
    expect(p.lines[2]!.x).toBe(0);
    expect(p.lines[0]!.start).toBe(0);
    for (const l of p.lines.slice(0, -1)) expect(l.x + l.width).toBeCloseTo(108, 6);
  });
});

describe('missing characters', () => {
  it('reports characters no face has, with their story offsets, and draws .notdef', () => {
    const style = defaultParagraphStyle('zh-Hans');
    const text = '金山\uE000区';
    const p = composeParagraph({ text, spans: [{ start: 0, end: text.length, attrs: style.chars, offset: 100 }], style, width: 200 }, testEnv());
    expect(p.missing).toEqual([{ offset: 102, char: '\uE000' }]);
    const g = glyphs(p).find((x) => x.text === '\uE000')!;
    expect(g.id).toBe(0);
  });
  it('falls back along the chain for a character the span face lacks', () => {
    // Latin face Noto Serif has no Han: a Han character in a Latin-only span falls back to the CJK face.
    const p = compose('Hello 金山', 300, 'en');
    expect(p.missing).toEqual([]);
    const faces = p.lines[0]!.runs.map((r) => r.face);
    expect(faces).toContain('NotoSerifCJKsc-Regular');
  });
});

describe('keep helpers', () => {
  it('lists where a paragraph may split between frames', () => {
    expect(allowedSplits(5, { orphans: 2, widows: 2, keepTogether: false })).toEqual([2, 3]);
    expect(allowedSplits(3, { orphans: 2, widows: 2, keepTogether: false })).toEqual([]);
    expect(allowedSplits(5, { orphans: 1, widows: 1, keepTogether: true })).toEqual([]);
    expect(bestSplit(6, 4, { orphans: 2, widows: 3, keepTogether: false })).toBe(3);
    expect(bestSplit(6, 1, { orphans: 2, widows: 2, keepTogether: false })).toBe(0);
  });
  it('passes keep-with-next through', () => {
    expect(compose('金山', 100, 'zh-Hans', { keepWithNext: true }).keepWithNext).toBe(true);
  });
});

describe('greedy breaking', () => {
  it('is used only when the style asks for it and still fills justified lines', () => {
    const t = '金山将推动产业、空间、治理、形象等一系列转型以硬招数提升城市软实力金山将推动产业';
    const p = compose(t, 100, 'zh-Hans', { breaking: 'greedy' });
    expect(lineTexts(t, p).join('')).toBe(t);
    for (const l of p.lines.slice(0, -1)) expect(l.x + l.width).toBeCloseTo(100, 6);
  });
});
