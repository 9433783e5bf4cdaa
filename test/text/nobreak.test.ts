/** Spans marked noBreak (inline bylines such as 本报讯（记者 项竹彦）) are never split across lines. */
import { describe, expect, it } from 'vitest';
import { defaultParagraphStyle } from '../../engine/style';
import { composeParagraph } from '../../engine/text';
import { testEnv } from './helpers';

describe('noBreak spans', () => {
  const byline = '本报讯（记者 项竹彦）';
  const body = '7月8日，五届区委十三次全会召开，审议通过实施意见，在全区引起热烈反响。';
  const text = byline + body;
  const style = defaultParagraphStyle('zh-Hans', { size: 9, firstLineIndent: 2 });
  const spans = (noBreak: boolean) => [
    { start: 0, end: byline.length, attrs: style.chars, offset: null, noBreak },
    { start: byline.length, end: text.length, attrs: style.chars, offset: 0 },
  ];
  // A narrow measure (11 em less a 2 em first-line indent) where the byline does not fit on
  // the first line: unmarked, it is broken; marked, it stays whole (the line runs full).
  const width = 11 * 9;

  it('breaks inside the byline when it is not marked', () => {
    const p = composeParagraph({ text, spans: spans(false), style, width }, testEnv());
    expect(p.lines[0]!.end).toBeLessThan(byline.length);
  });

  it('keeps a noBreak byline on one line', () => {
    const p = composeParagraph({ text, spans: spans(true), style, width }, testEnv());
    const cut = p.lines.map((l) => l.end).filter((e) => e > 0 && e < byline.length);
    expect(cut).toEqual([]);
    expect(p.lines.map((l) => text.slice(l.start, l.end)).join('')).toBe(text);
  });
});
