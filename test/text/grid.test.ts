/**
 * The character grid: with a measure of whole ems, a justified Chinese line that holds as many
 * characters as the measure has ems (nothing pushed in or out) sets every Han character on
 * the grid — trimmed punctuation blanks are given back before anything else stretches.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compose } from './helpers';

// The seed page with its ASCII punctuation made full-width, as a sub-editor would.
const paras = readFileSync(new URL('../fixtures/seed/jinshan-front-page.txt', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .map((s) => s.trim())
  .filter(Boolean)
  .map((s) => s.replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）').replace(/;/g, '；').replace(/:/g, '：'));

describe('character grid', () => {
  for (const ems of [11, 17, 24]) {
    it(`lands full lines on the grid at ${ems} em`, () => {
      let full = 0;
      let all = 0;
      for (const t of paras) {
        for (const l of compose(t, ems * 9).lines) {
          const s = t.slice(l.start, l.end);
          if (l.last || /[A-Za-z0-9 ]/.test(s)) continue;
          all++;
          if ([...s].length * 9 !== Math.round(l.measure)) continue;
          full++;
          for (const g of l.runs.flatMap((r) => r.glyphs)) {
            if (/\p{Script=Han}/u.test(g.text)) expect(Math.abs(g.x / 9 - Math.round(g.x / 9)), `${s}: ${g.text}`).toBeLessThan(1e-9);
          }
        }
      }
      // Most lines are full (the rest had a character pushed in or out by the rules).
      expect(full / all).toBeGreaterThan(0.8);
    });
  }
});
