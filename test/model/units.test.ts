/** Lengths in the file: units and 号 sizes parse to points; bad ones say why. */
import { describe, expect, it } from 'vitest';
import { HAO_SIZES, LengthError, loadTemplateFile, mm, parseLength, toMm } from '../../engine/model';
import { readRepo } from './helpers';

describe('lengths', () => {
  it.each([
    ['3mm', (3 * 72) / 25.4],
    ['0.5in', 36],
    ['1cm', 720 / 25.4],
    ['2pc', 24],
    ['1p6', 18],
    ['0p9', 9],
    ['10q', 72 / 25.4 / 4 * 10],
    ['12pt', 12],
    ['12', 12],
    [' 4.5 mm ', (4.5 * 72) / 25.4],
    ['-2pt', -2],
  ])('%s parses to %f pt', (input, pt) => {
    expect(parseLength(input)).toBeCloseTo(pt, 9);
  });

  it.each([
    ['小五', 9],
    ['新五号', 9],
    ['五号', 10.5],
    ['五号字', 10.5],
    ['小初', 36],
    ['一号', 26],
    ['小二', 18],
    ['四号', 14],
    ['六号', 7.5],
  ])('the 号 size %s is %f pt', (hao, pt) => {
    expect(parseLength(hao)).toBe(pt);
  });

  it('has the 号 sizes getting smaller down the table', () => {
    const order = ['初号', '小初', '一号', '小一', '二号', '小二', '三号', '小三', '四号', '小四', '五号', '小五', '六号', '小六', '七号', '八号'];
    const pts = order.map((k) => HAO_SIZES[k]!);
    for (let i = 1; i < pts.length; i++) expect(pts[i]).toBeLessThan(pts[i - 1]!);
  });

  it('accepts em only when the em size is known', () => {
    expect(() => parseLength('2em')).toThrow(/em is not allowed here/);
    expect(parseLength('2em', 9)).toBe(18);
  });

  it.each(['3 furlongs', 'wide', '', '5号', 'mm'])('refuses "%s" with a reason', (bad) => {
    expect(() => parseLength(bad)).toThrow(LengthError);
    expect(() => parseLength(bad)).toThrow(/not a length|unknown unit/);
  });

  it('refuses a non-finite number', () => {
    expect(() => parseLength(Number.NaN)).toThrow(/finite/);
  });

  it('converts mm both ways', () => {
    expect(toMm(mm(123.4))).toBeCloseTo(123.4, 12);
  });

  it('stores lengths given with units in a template as points', () => {
    const t = loadTemplateFile(readRepo('templates/en-berliner-6.json'), 'en-berliner-6.json').template;
    expect(t.trim.width).toBeCloseTo((315 * 72) / 25.4, 9);
    expect(t.gutter).toBe(12);
    const zh = loadTemplateFile(readRepo('templates/zh-duikai-8.json'), 'zh-duikai-8.json');
    expect(zh.template.grid.kind === 'character' && zh.template.grid.size).toBe(9);
    expect(zh.paragraphStyles.find((s) => s.id === 'title')!.size).toBe(26);
  });
});
