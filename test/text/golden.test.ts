/**
 * Golden traces of the seed front page at three measures (11, 17 and 24 em of 9 pt) and of
 * an English sample. Run with UPDATE_GOLDEN=1 to accept a deliberate change.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose } from './helpers';
import { compareGolden, trace } from './trace';

const DIR = path.join(import.meta.dirname, '..', 'golden', 'text');
const SEED = fileURLToPath(new URL('../fixtures/seed/jinshan-front-page.txt', import.meta.url));
const paragraphs = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

describe('golden traces', () => {
  const seed = paragraphs(SEED);
  for (const ems of [11, 17, 24]) {
    it(`seed page at ${ems} em of 9 pt`, () => {
      const composed = seed.map((t) => compose(t, ems * 9));
      const diff = compareGolden(path.join(DIR, `seed-${ems}em.trace.txt`), trace(`seed page, ${ems} em × 9 pt, zh-Hans defaults`, seed, composed));
      expect(diff).toBeNull();
    });
  }
  it('English sample at 24 em of 9 pt', () => {
    const en = paragraphs(path.join(DIR, 'en-sample.txt'));
    const composed = en.map((t) => compose(t, 24 * 9, 'en'));
    const diff = compareGolden(path.join(DIR, 'en-sample.trace.txt'), trace('English sample, 24 em × 9 pt, en defaults', en, composed));
    expect(diff).toBeNull();
  });
});
