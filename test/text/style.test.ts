import { describe, expect, it } from 'vitest';
import type { CharacterStyle, ParagraphStyle, Swatch } from '../../engine/model/types';
import { resolveStyleSources } from '../../engine/style';

type Loose<T> = { [K in keyof T]?: unknown } & { id: string };
const P = (s: Loose<ParagraphStyle>): ParagraphStyle => ({ name: s.id, ...s }) as ParagraphStyle;
const C = (s: Loose<CharacterStyle>): CharacterStyle => ({ name: s.id, ...s }) as CharacterStyle;

describe('style resolution', () => {
  const swatches = [{ id: 'red', name: 'Red', kind: 'process', cmyk: [0, 100, 100, 0] }] as Swatch[];
  const sheet = resolveStyleSources({
    lang: 'zh-Hans',
    paragraphStyles: [
      P({ id: 'base', size: 9, font: { cjk: 'Noto Serif CJK SC', weight: 400 } }),
      P({ id: 'body', basedOn: 'base', leading: 14 }),
      P({ id: 'bold', basedOn: 'body', font: { weight: 700 } }),
      P({ id: 'loop-a', basedOn: 'loop-b' }),
      P({ id: 'loop-b', basedOn: 'loop-a' }),
      P({ id: 'english', lang: 'en' }),
    ],
    characterStyles: [C({ id: 'em', color: 'red' }), C({ id: 'bigger', basedOn: 'em', size: 12 })],
    swatches,
  });

  it('merges the basedOn chain (font fields one by one) and fills Chinese defaults', () => {
    const s = sheet.paragraph('bold');
    expect(s.chars.size).toBe(9);
    expect(s.leading).toBe(14);
    expect(s.chars.font).toEqual({ cjk: 'Noto Serif CJK SC', latin: 'Noto Serif', weight: 700, style: 'normal' });
    expect(s.rules).toBe('gb');
    expect(s.punctuation).toBe('quanjiao');
    expect(s.firstLineIndent).toBe(2);
    expect(s.hanLatinSpacing).toBe(0.25);
    expect(s.align).toBe('justify');
    expect(s.breaking).toBe('total-fit');
    expect(s.avoidSingleCharLastLine).toBe(true);
    expect(s.chars.overprint).toBe(true);
    expect(s.chars.cmyk).toEqual([0, 0, 0, 100]);
  });

  it('gives English its own defaults', () => {
    const s = sheet.paragraph('english');
    expect(s.hyphenate).toBe(true);
    expect(s.firstLineIndent).toBe(1);
    expect(s.chars.features).toMatchObject({ kern: true, liga: true });
  });

  it('survives basedOn cycles and unknown ids', () => {
    expect(sheet.paragraph('loop-a').chars.size).toBe(9);
    expect(sheet.paragraph('nope').align).toBe('justify');
  });

  it('resolves character styles over the paragraph, with swatch colour and no overprint for colour', () => {
    const a = sheet.charAttrs('body', 'bigger');
    expect(a.size).toBe(12);
    expect(a.color).toBe('red');
    expect(a.cmyk).toEqual([0, 100, 100, 0]);
    expect(a.overprint).toBe(false);
  });

  it('makes spans with story offsets, merging neighbouring runs of one style', () => {
    const spans = sheet.spans({ style: 'body' as never, runs: [{ text: '金山' }, { text: '区' }, { text: '委', style: 'em' as never }, { text: '' }] }, 50);
    expect(spans.map((s) => [s.start, s.end, s.offset])).toEqual([
      [0, 3, 50],
      [3, 4, 53],
    ]);
    expect(spans[1]!.attrs.cmyk).toEqual([0, 100, 100, 0]);
  });
});
