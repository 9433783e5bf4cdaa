import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatIssueDate, jumpText, pageLabel, weekday } from '../../engine/flow/labels';
import { makeDoc } from './support';

describe('numerals and labels', () => {
  it('writes Chinese numerals as page numbers are read', () => {
    expect([1, 2, 10, 11, 19, 20, 21, 99, 100, 101, 110, 120, 1005].map(chineseNumeral)).toEqual([
      '一', '二', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一百二十', '一千零五',
    ]);
  });

  it('labels pages by the issue style, with the page override winning', () => {
    const doc = makeDoc({ frames: [], stories: [] });
    expect(pageLabel(doc.issue, {}, 2)).toBe('第2版');
    expect(pageLabel({ ...doc.issue, numerals: 'chinese' }, {}, 12)).toBe('第十二版');
    expect(pageLabel({ ...doc.issue, pageLabels: { style: 'prefix', prefix: 'A' } }, {}, 3)).toBe('A3');
    expect(pageLabel({ ...doc.issue, pageLabels: { style: 'plain', prefix: '' } }, {}, 4)).toBe('4');
    expect(pageLabel(doc.issue, { label: '要闻' }, 1)).toBe('要闻');
  });

  it('fills jump formats with the number in the issue numerals and the label', () => {
    const doc = makeDoc({ frames: [], stories: [] });
    expect(jumpText('（下转第{page}版）', doc.issue, 2, '第2版')).toBe('（下转第2版）');
    expect(jumpText('（上接第{page}版）', { ...doc.issue, numerals: 'chinese' }, 1, '第一版')).toBe('（上接第一版）');
    expect(jumpText('Continued on {label}', doc.issue, 2, 'A2')).toBe('Continued on A2');
  });
});

describe('dates', () => {
  it('computes weekdays without a clock', () => {
    expect(weekday(2021, 7, 9)).toBe(5); // Friday
    expect(weekday(2000, 1, 1)).toBe(6); // Saturday
    expect(weekday(2024, 2, 29)).toBe(4); // Thursday
    expect(weekday(1900, 3, 1)).toBe(4);
  });

  it('agrees with the calendar over many days', () => {
    // Walk day by day from a known Monday and check the weekday advances by one each day.
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let wd = weekday(1999, 1, 4); // Monday
    expect(wd).toBe(1);
    for (let y = 1999; y <= 2030; y++) {
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      for (let m = 1; m <= 12; m++) {
        const n = m === 2 && leap ? 29 : days[m - 1]!;
        for (let d = y === 1999 && m === 1 ? 4 : 1; d <= n; d++) {
          expect(weekday(y, m, d)).toBe(wd);
          wd = (wd + 1) % 7;
        }
      }
    }
  });

  it('formats the issue date in the issue language', () => {
    expect(formatIssueDate('2021-07-09', 'zh-Hans')).toBe('2021年7月9日 星期五');
    expect(formatIssueDate('2021-07-09', 'en')).toBe('Friday, July 9, 2021');
    expect(() => formatIssueDate('2021-02-30', 'en')).toThrow(/2021-02-30/);
  });
});
