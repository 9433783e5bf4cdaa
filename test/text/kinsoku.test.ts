import { describe, expect, it } from 'vitest';
import { isUnbreakablePair, kinsoku, notEndSet, notStartSet } from '../../engine/text';
import { compose, lineTexts } from './helpers';

describe('prohibition sets (clreq levels)', () => {
  it('match the reference table exactly', () => {
    expect(notStartSet('none')).toBe('');
    expect(notEndSet('none')).toBe('');
    const basicStart = notStartSet('basic');
    for (const ch of '、，。．：；！‼？⁇」』”’）》〉】〗〕］｝～-–—·・‧') expect(basicStart).toContain(ch);
    expect(notEndSet('basic')).toBe('「『“‘（《〈【〖〔［｛');
    expect(notStartSet('gb')).toBe(basicStart);
    expect(notEndSet('gb')).toBe('「『“‘（《〈【〖〔［｛/／');
    expect(notStartSet('strict')).toBe(basicStart + '⸺…⋯');
    expect(notEndSet('strict')).toBe(notEndSet('gb'));
    for (const ch of '⸺…') expect(basicStart).not.toContain(ch);
  });

  it('also bar the ASCII counterparts at every level but none', () => {
    expect(kinsoku('gb').notStart(','.codePointAt(0)!)).toBe(true);
    expect(kinsoku('gb').notEnd('('.codePointAt(0)!)).toBe(true);
    expect(kinsoku('none').notStart('，'.codePointAt(0)!)).toBe(false);
  });

  it('never split two-em dashes and ellipses', () => {
    expect(isUnbreakablePair(0x2014, 0x2014)).toBe(true);
    expect(isUnbreakablePair(0x2026, 0x2026)).toBe(true);
    expect(isUnbreakablePair(0x2014, 0x2026)).toBe(false);
  });

  it('push a forbidden line-start mark in (or the character before it out)', () => {
    // At 5 em with a 2 em indent, "金山区" fills line 1 and "，" would start line 2.
    const t = '金山区，委书记胡卫国表示一方面';
    const lines = lineTexts(t, compose(t, 45, 'zh-Hans', { rules: 'gb' }));
    for (const l of lines.slice(1)) expect('，。、'.includes(l[0]!)).toBe(false);
    const none = lineTexts(t, compose(t, 45, 'zh-Hans', { rules: 'none', punctuation: 'quanjiao' }));
    expect(none.join('')).toBe(t);
  });

  it('break before “ and after ” in Chinese context (linebreak alone never does)', () => {
    const t = '以“硬招数”提升城市软实力以“硬招数”提升城市软实力以“硬招数”提升';
    const p = compose(t, 9 * 6, 'zh-Hans', { firstLineIndent: 0 });
    const lines = lineTexts(t, p);
    const startsWithQuote = lines.some((l) => l.startsWith('“'));
    const endsWithQuote = lines.some((l) => l.endsWith('”'));
    expect(startsWithQuote || endsWithQuote).toBe(true);
    for (const l of lines) expect(l.endsWith('“')).toBe(false);
  });

  it('never break inside a number or a Latin word', () => {
    const t = '计划总投资260亿元约16.7亿元其中1+4+4新型工业化产业体系Shanghai湾区';
    for (const ems of [5, 6, 7, 8, 9]) {
      const lines = lineTexts(t, compose(t, ems * 9, 'zh-Hans', { firstLineIndent: 0 }));
      for (let i = 1; i < lines.length; i++) {
        const a = lines[i - 1]!.slice(-1);
        const b = lines[i]![0]!;
        expect(/[0-9.+A-Za-z]/.test(a) && /[0-9.+A-Za-z]/.test(b), `${lines[i - 1]}|${lines[i]}`).toBe(false);
      }
    }
  });
});
