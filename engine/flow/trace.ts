/**
 * A text trace of a laid-out page for golden tests (SILE's debug outputter idea): one line
 * per frame and per set line, with coordinates rounded to 0.01 pt and the line's text.
 * Compared with a tolerance on numbers (traceDiff), so float noise does not fail a test.
 */
import type { LaidOutPage } from './types';

const n = (v: number): string => (Math.round(v * 100) / 100).toFixed(2);

/** The trace of one page. */
export function pageTrace(page: LaidOutPage): string {
  const out = [`page ${page.number} ${page.label} ${n(page.display.width)}x${n(page.display.height)} items=${page.display.items.length}`];
  for (const f of page.frames) {
    out.push(`frame ${f.id} ${f.kind} ${f.role}${f.story ? ` story=${f.story}` : ''} ${n(f.x)} ${n(f.y)} ${n(f.width)} ${n(f.height)} z=${f.z}`);
    for (const l of f.lines) {
      out.push(`  ${l.role} c${l.column} ${n(l.x)} ${n(l.y)} ${n(l.width)}${l.hyphen ? ' hyphen' : ''} [${l.start},${l.end}) ${JSON.stringify(l.text)}`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Differences between two traces: lines must match token for token, numbers within
 * `tolerance`. Returns human-readable differences (empty when they agree).
 */
export function traceDiff(expected: string, actual: string, tolerance = 0.05): string[] {
  const a = expected.trimEnd().split('\n');
  const b = actual.trimEnd().split('\n');
  const diffs: string[] = [];
  if (a.length !== b.length) diffs.push(`line count: expected ${a.length}, got ${b.length}`);
  const num = /^-?\d+(\.\d+)?$/;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const ta = a[i]!.split(' ');
    const tb = b[i]!.split(' ');
    const same = ta.length === tb.length && ta.every((t, k) => t === tb[k] || (num.test(t) && num.test(tb[k]!) && Math.abs(Number(t) - Number(tb[k])) <= tolerance));
    if (!same) diffs.push(`line ${i + 1}:\n  expected ${a[i]}\n  got      ${b[i]}`);
    if (diffs.length > 20) break;
  }
  return diffs;
}
