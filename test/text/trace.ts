/**
 * Golden traces: a text dump of composed lines (range, width, flags, source text) and glyph
 * positions (id@x, rounded to 0.01 pt), compared with a tolerance so that last-digit rounding
 * does not fail a test. UPDATE_GOLDEN=1 rewrites the files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ComposedParagraph } from '../../engine/text';

const f = (v: number): string => (Math.round(v * 100) / 100).toFixed(2);

/** The trace of composed paragraphs. */
export function trace(title: string, texts: readonly string[], paras: readonly ComposedParagraph[]): string {
  const out: string[] = [`# ${title}`];
  paras.forEach((p, i) => {
    out.push(`P${i} lines=${p.lines.length}`);
    p.lines.forEach((l, n) => {
      out.push(`  L${n} [${l.start},${l.end}) x=${f(l.x)} w=${f(l.width)} m=${f(l.measure)}${l.hyphen ? ' hyphen' : ''}${l.last ? ' last' : ''} |${texts[i]!.slice(l.start, l.end)}|`);
      const glyphs = l.runs.flatMap((r) => r.glyphs.map((g) => `${g.id}@${f(g.x)}`));
      out.push(`    ${glyphs.join(' ')}`);
    });
  });
  return out.join('\n') + '\n';
}

/** Numbers may differ by this much (pt) between a trace and its golden. */
const TOLERANCE = 0.011;

/** Compares a trace with its golden file; returns the first difference, or null. */
export function compareGolden(file: string, actual: string): string | null {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    return null;
  }
  const expected = readFileSync(file, 'utf8');
  const a = actual.split('\n');
  const e = expected.split('\n');
  if (a.length !== e.length) return `${file}: ${a.length} lines, golden has ${e.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === e[i]) continue;
    const ta = a[i]!.split(/([-\d.]+)/);
    const te = e[i]!.split(/([-\d.]+)/);
    const same =
      ta.length === te.length &&
      ta.every((t, k) => {
        if (t === te[k]) return true;
        const x = Number(t);
        const y = Number(te[k]);
        return k % 2 === 1 && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= TOLERANCE && t.includes('.');
      });
    if (!same) return `${file}:${i + 1}\n  golden: ${e[i]}\n  actual: ${a[i]}`;
  }
  return null;
}
