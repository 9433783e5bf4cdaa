/**
 * The page templates in templates/: each validates, is self-consistent (styles, swatches,
 * folios), uses the bundled font families, and has the grid arithmetic its notes claim.
 */
import { describe, expect, it } from 'vitest';
import { checkTemplateFile, toMm, type TemplateFile } from '../../engine/model';
import { readRepo, templateFiles } from './helpers';

const FAMILIES = new Set(['Noto Serif CJK SC', 'Noto Sans CJK SC', 'Noto Serif', 'Noto Sans']);
const REQUIRED_STYLES = ['body', 'crosshead', 'kicker', 'title', 'subhead', 'deck', 'byline', 'caption', 'credit', 'jump', 'folio'];

function load(file: string): TemplateFile {
  const r = checkTemplateFile(readRepo(file));
  if (!r.ok) throw new Error(`${file}:\n${r.findings.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`);
  return r.value;
}

const files = templateFiles();
const typeArea = (t: TemplateFile['template']) => ({
  width: t.trim.width - t.margins.left - t.margins.right,
  height: t.trim.height - t.margins.top - t.margins.bottom,
});

describe('templates/', () => {
  it('holds the Chinese 对开 and 四开 and the Western broadsheet, Berliner and tabloid templates', () => {
    expect(files).toEqual([
      'templates/en-berliner-6.json',
      'templates/en-broadsheet-6.json',
      'templates/en-tabloid-5.json',
      'templates/zh-duikai-8-front.json',
      'templates/zh-duikai-8.json',
      'templates/zh-sikai-6.json',
    ]);
  });

  describe.each(files)('%s', (file) => {
    const tf = load(file);
    const t = tf.template;

    it('validates, and its id is its file name', () => {
      expect(`templates/${t.id}.json`).toBe(file);
      expect(tf.format).toBe('broadsheet-template');
    });

    it('says in its notes which sizes are conventions', () => {
      expect(t.notes ?? '').toMatch(/convention/);
    });

    it('has the full set of paragraph styles, a byline character style and the swatches', () => {
      const ids = tf.paragraphStyles.map((s) => s.id);
      for (const id of REQUIRED_STYLES) expect(ids).toContain(id);
      expect(tf.characterStyles.map((s) => s.id)).toContain('byline');
      const black = tf.swatches.find((s) => s.id === 'black');
      expect(black).toMatchObject({ kind: 'process', cmyk: [0, 0, 0, 100] });
      const red = tf.swatches.find((s) => s.kind === 'spot');
      expect(red?.ink).toBeTruthy();
      expect(red!.cmyk[1]).toBeGreaterThan(80);
    });

    it('refers only to its own styles and swatches, with no basedOn cycles', () => {
      const pids = new Set(tf.paragraphStyles.map((s) => s.id as string));
      const cids = new Set(tf.characterStyles.map((s) => s.id as string));
      const sw = new Set(tf.swatches.map((s) => s.id as string));
      for (const s of tf.paragraphStyles) {
        if (s.basedOn) expect(pids, `${s.id}.basedOn`).toContain(s.basedOn);
        if (s.color) expect(sw, `${s.id}.color`).toContain(s.color);
        const seen = new Set<string>();
        for (let cur: typeof s | undefined = s; cur; cur = tf.paragraphStyles.find((p) => p.id === cur!.basedOn)) {
          expect(seen.has(cur.id), `cycle through ${cur.id}`).toBe(false);
          seen.add(cur.id);
        }
      }
      for (const s of tf.characterStyles) {
        if (s.basedOn) expect(cids).toContain(s.basedOn);
        if (s.color) expect(sw).toContain(s.color);
      }
    });

    it('names only the bundled font families, at weights 400 and 700', () => {
      const fonts = [...tf.paragraphStyles, ...tf.characterStyles, ...t.folios].flatMap((s) => (s.font ? [s.font] : []));
      expect(fonts.length).toBeGreaterThan(5);
      for (const f of fonts) {
        if (f.cjk) expect(FAMILIES).toContain(f.cjk);
        if (f.latin) expect(FAMILIES).toContain(f.latin);
        if (f.weight !== undefined) expect([400, 700]).toContain(f.weight);
      }
    });

    it('has folios for the page label, date and section inside the trim (and the paper name unless it is a front page)', () => {
      const fields = new Set(t.folios.map((f) => f.field));
      for (const f of ['pageLabel', 'date', 'section'] as const) expect(fields).toContain(f);
      if (!t.id.endsWith('-front')) expect(fields).toContain('paper');
      for (const f of t.folios) {
        expect(f.x).toBeGreaterThanOrEqual(0);
        expect(f.x + f.width).toBeLessThanOrEqual(t.trim.width + 1e-9);
        expect(f.y).toBeGreaterThanOrEqual(0);
        expect(f.y + f.size).toBeLessThanOrEqual(t.trim.height);
      }
      // Left- and right-hand pages each get a page label.
      const labels = t.folios.filter((f) => f.field === 'pageLabel').map((f) => f.pages);
      expect(labels.includes('all') || (labels.includes('odd') && labels.includes('even'))).toBe(true);
    });

    it('has a type area whose columns fit with positive widths', () => {
      const ta = typeArea(t);
      const col = (ta.width - (t.columns - 1) * t.gutter) / t.columns;
      expect(col).toBeGreaterThan(50);
      expect(ta.height).toBeGreaterThan(ta.width);
    });
  });

  describe.each(files.filter((f) => f.includes('/zh-')))('%s (character grid)', (file) => {
    const tf = load(file);
    const t = tf.template;
    const g = t.grid;

    it('is Chinese with a 新五号 (9 pt) body on the grid', () => {
      expect(tf.lang).toBe('zh-Hans');
      expect(g.kind).toBe('character');
      if (g.kind !== 'character') return;
      const body = tf.paragraphStyles.find((s) => s.id === 'body')!;
      expect(g.size).toBe(9);
      expect(body.size).toBe(g.size);
      expect(body.leading).toBe(g.leading);
      expect(body.firstLineIndent).toBe(2);
      expect(body.gridAlign).toBe(true);
    });

    it('has columns of whole characters that fill the type-area width exactly', () => {
      if (g.kind !== 'character') throw new Error('not a character grid');
      const n = g.charsPerLine!;
      expect(Number.isInteger(n)).toBe(true);
      expect(Number.isInteger(t.gutter / g.size)).toBe(true);
      // Exact equality: the template's numbers are chosen so that no rounding is involved.
      expect(t.columns * n * g.size + (t.columns - 1) * t.gutter).toBe(typeArea(t).width);
    });

    it('has whole lines that fill the type-area height exactly', () => {
      if (g.kind !== 'character') throw new Error('not a character grid');
      const lines = g.lines!;
      expect(lines * g.size + (lines - 1) * (g.leading - g.size)).toBe(typeArea(t).height);
    });
  });

  it('has the 对开 grid of 8 columns × 13 characters on a page of about 390 × 546 mm', () => {
    const t = load('templates/zh-duikai-8.json').template;
    expect(t.columns).toBe(8);
    expect(t.grid).toMatchObject({ kind: 'character', charsPerLine: 13, lines: 104 });
    expect(toMm(t.trim.width)).toBeCloseTo(390, 0);
    expect(toMm(t.trim.height)).toBeCloseTo(546, 0);
    // The front-page variant shares the grid.
    const f = load('templates/zh-duikai-8-front.json').template;
    expect({ ...f, id: '', name: '', notes: '', folios: [] }).toEqual({ ...t, id: '', name: '', notes: '', folios: [] });
  });

  it('has the 四开 page at about 273 × 390 mm with 6 columns', () => {
    const t = load('templates/zh-sikai-6.json').template;
    expect(t.columns).toBe(6);
    expect(toMm(t.trim.width)).toBeCloseTo(273, 0);
    expect(toMm(t.trim.height)).toBeCloseTo(390, 0);
  });

  it.each([
    ['templates/en-broadsheet-6.json', 6, 304.8, 571.5],
    ['templates/en-berliner-6.json', 6, 315, 470],
    ['templates/en-tabloid-5.json', 5, 280, 430],
  ])('%s: %i columns on a baseline grid, trim %f × %f mm, whole lines', (file, columns, w, h) => {
    const tf = load(file);
    const t = tf.template;
    expect(tf.lang).toBe('en');
    expect(t.columns).toBe(columns);
    expect(toMm(t.trim.width)).toBeCloseTo(w, 6);
    expect(toMm(t.trim.height)).toBeCloseTo(h, 6);
    expect(t.grid.kind).toBe('baseline');
    const lines = typeArea(t).height / t.grid.leading;
    expect(Math.abs(lines - Math.round(lines))).toBeLessThan(1e-3);
    const body = tf.paragraphStyles.find((s) => s.id === 'body')!;
    expect(body.leading).toBe(t.grid.leading);
    expect(body.hyphenate).toBe(true);
  });

  it('has the US broadsheet columns of 9p4.5 in a 10-inch type area', () => {
    const t = load('templates/en-broadsheet-6.json').template;
    expect(typeArea(t).width).toBe(720);
    expect((720 - 5 * t.gutter) / 6).toBe(112.5);
  });
});
