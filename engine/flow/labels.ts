/**
 * Page labels, numerals, jump-line text and dates in the issue's language. Pure string
 * functions: no Date (the engine never reads a clock or the machine's locale), so the
 * weekday is computed arithmetically from the ISO date.
 */
import type { IssueDocument, IssueInfo, Page } from '../model/types';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A positive integer in Chinese numerals as used for page numbers: 1 → 一, 10 → 十,
 * 12 → 十二, 20 → 二十, 105 → 一百零五. Numbers of 10 000 and above fall back to Arabic
 * (no paper has that many pages).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zeroPending = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zeroPending) out += '零';
      out += DIGITS[d] + name;
      zeroPending = false;
    } else if (out) zeroPending = true;
  }
  if (rest) out += (zeroPending ? '零' : '') + DIGITS[rest];
  return out;
}

/** A page number in the issue's numeral style. */
export function formatNumber(n: number, numerals: IssueInfo['numerals']): string {
  return numerals === 'chinese' ? chineseNumeral(n) : String(n);
}

/**
 * The label of page `number` (1-based): the page's own label if set, otherwise from the
 * issue's style: ban → 第2版 (第二版 with Chinese numerals), prefix → A2, plain → 2.
 */
export function pageLabel(issue: IssueInfo, page: Pick<Page, 'label'>, number: number): string {
  if (page.label) return page.label;
  const n = formatNumber(number, issue.numerals);
  switch (issue.pageLabels.style) {
    case 'ban':
      return `第${n}版`;
    case 'prefix':
      return `${issue.pageLabels.prefix}${n}`;
    case 'plain':
      return n;
  }
}

/** Labels of every page of the document, in page order. */
export function pageLabels(doc: IssueDocument): string[] {
  return doc.pages.map((p, i) => pageLabel(doc.issue, p, i + 1));
}

/**
 * Fills a jump-line format: {page} → the other page's number in the issue's numerals,
 * {label} → its label. "（下转第{page}版）" with page 2 gives "（下转第2版）".
 */
export function jumpText(format: string, issue: IssueInfo, targetNumber: number, targetLabel: string): string {
  return format
    .replaceAll('{page}', formatNumber(targetNumber, issue.numerals))
    .replaceAll('{label}', targetLabel);
}

/** Day of the week of a Gregorian date, 0 = Sunday (Sakamoto's method). */
export function weekday(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
}

const ZH_WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The issue date as a folio prints it, in the issue's language:
 * zh → "2021年7月9日 星期五", anything else → "Friday, July 9, 2021".
 * Throws on a date that does not exist (2021-02-30), naming it.
 */
export function formatIssueDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date as YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]!) throw new Error(`"${iso}" is not a date in the calendar`);
  const wd = weekday(year, month, day);
  if (lang.startsWith('zh') || lang.startsWith('ja')) return `${year}年${month}月${day}日 ${ZH_WEEKDAYS[wd]}`;
  return `${EN_WEEKDAYS[wd]}, ${EN_MONTHS[month - 1]} ${day}, ${year}`;
}
