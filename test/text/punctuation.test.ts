import { describe, expect, it } from 'vitest';
import type { ComposedParagraph } from '../../engine/text';
import { compose } from './helpers';

const glyphX = (p: ComposedParagraph): { text: string; x: number; advance: number }[] =>
  p.lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs.map((g) => ({ text: g.text, x: g.x, advance: g.advance }))));
const at = (p: ComposedParagraph, ch: string, n = 0): number => glyphX(p).filter((g) => g.text === ch)[n]!.x;
const opts = { align: 'left', firstLineIndent: 0 } as const;

describe('punctuation width adjustment (标点挤压)', () => {
  it('quanjiao keeps every mark a full em', () => {
    const p = compose('金山，金山。金山', 200, 'zh-Hans', { ...opts, punctuation: 'quanjiao' });
    expect(at(p, '金', 1)).toBe(27);
    expect(at(p, '金', 2)).toBe(54);
  });

  it('kaiming halves pause marks but keeps 。！？ full', () => {
    const p = compose('金山，金山。金山', 200, 'zh-Hans', { ...opts, punctuation: 'kaiming' });
    expect(at(p, '金', 1)).toBe(22.5);
    expect(at(p, '金', 2)).toBe(22.5 + 27);
  });

  it('banjiao halves every mark', () => {
    const p = compose('金山，金山。金山', 200, 'zh-Hans', { ...opts, punctuation: 'banjiao' });
    expect(at(p, '金', 1)).toBe(22.5);
    expect(at(p, '金', 2)).toBe(45);
  });

  it('compresses adjacent marks: 。」 and ）（ take 1.5 em', () => {
    const p = compose('金。」金）（金', 200, 'zh-Hans', { ...opts, punctuation: 'quanjiao' });
    expect(at(p, '」')).toBe(13.5);
    expect(at(p, '金', 1)).toBe(22.5);
    // ） at 31.5 loses its right blank; （ then starts at 36 and keeps its left blank.
    expect(at(p, '金', 2)).toBe(22.5 + 9 + 4.5 + 9);
  });

  it('sets line-end marks half-width and trims a line-start opening bracket (ragged text)', () => {
    // 6 em: "金山区委书，" fits only with the comma half-width (5.5 em).
    const t = '金山区委书，“记者”胡卫国表示';
    const p = compose(t, 54, 'zh-Hans', opts);
    const l0 = p.lines[0]!;
    expect(t.slice(l0.start, l0.end)).toBe('金山区委书，');
    expect(l0.width).toBe(49.5);
    const l1 = p.lines[1]!;
    expect(t[l1.start]).toBe('“');
    // The opening quote's blank is trimmed: its glyph origin sits half an em left of the line.
    expect(l1.runs[0]!.glyphs[0]!.x).toBe(-4.5);
  });

  it('gives back trimmed blanks first when justifying a Chinese line (keeps the grid)', () => {
    const t = '金山区委书记，胡卫国表示一方面金山区将通过推动经济';
    const p = compose(t, 63, 'zh-Hans', { firstLineIndent: 0 });
    const l0 = p.lines[0]!;
    expect(t.slice(l0.start, l0.end)).toBe('金山区委书记，');
    expect(l0.width).toBeCloseTo(63, 6);
    for (const g of l0.runs[0]!.glyphs) expect(g.x % 9).toBe(0);
  });
});
