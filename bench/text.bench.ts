/**
 * Composer benchmarks (`npm run bench -- text`): the whole seed page, time per 1,000
 * characters, and re-composing one 300-character paragraph after a one-character edit
 * (goal < 2 ms on the 2-core build machine). Warm: fonts loaded and shaping caches primed by
 * composing the page once, as in the editor after opening a document.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { FontBook } from '../engine/fonts';
import { defaultParagraphStyle } from '../engine/style';
import { composeParagraph, type TextEnv } from '../engine/text';
import { loadBundledFonts } from '../services/font-files';

const SEED = new URL('../test/fixtures/seed/jinshan-front-page.txt', import.meta.url);
const DEBIAN = ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', '/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf'];

async function fonts(): Promise<{ book: FontBook; which: string }> {
  const book = new FontBook();
  try {
    for (const f of await loadBundledFonts()) book.addFont(f.bytes, f.entry.file);
    return { book, which: 'bundled (fonts/)' };
  } catch {
    const fresh = new FontBook();
    for (const f of DEBIAN) fresh.addFont(new Uint8Array(readFileSync(f)), f);
    return { book: fresh, which: 'Debian Noto (bundled fonts unavailable)' };
  }
}

/** CPU time of fn in ms (user + system): steadier than wall time when the machine is shared. */
function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const loadAverage = (): string => loadavg()[0]!.toFixed(1);

/** Runs the composer benchmarks. */
export async function bench(): Promise<Record<string, number | string>> {
  const { book, which } = await fonts();
  const env: TextEnv = { fonts: book, fallbackFamilies: ['Noto Serif CJK SC', 'Noto Serif'] };
  const style = defaultParagraphStyle('zh-Hans');
  const measure = 17 * 9;
  const paras = readFileSync(SEED, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const chars = paras.reduce((n, p) => n + p.length, 0);
  const composeAll = (): number => {
    let lines = 0;
    for (const text of paras) lines += composeParagraph({ text, spans: [{ start: 0, end: text.length, attrs: style.chars, offset: 0 }], style, width: measure }, env).lines.length;
    return lines;
  };
  let t = performance.now();
  const lines = composeAll();
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    t = performance.now();
    composeAll();
    warm.push(performance.now() - t);
  }
  const page = median(warm);

  // A 300-character paragraph made of seed text; edits insert one character at varying places.
  let para = '';
  for (const p of paras) if (para.length < 300) para += p;
  para = para.slice(0, 300);
  const one = (text: string): void => {
    composeParagraph({ text, spans: [{ start: 0, end: text.length, attrs: style.chars, offset: 0 }], style, width: measure }, env);
  };
  one(para);
  const edits: number[] = [];
  const editsCpu: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = (i * 37) % para.length;
    const edited = para.slice(0, at) + para[(i * 11) % para.length] + para.slice(at);
    t = performance.now();
    editsCpu.push(cpuMs(() => one(edited)));
    edits.push(performance.now() - t);
  }
  const pageCpu = median([0, 1, 2].map(() => cpuMs(composeAll)));
  // English: a 300-character paragraph with hyphenation.
  const en = 'International typography depends on hyphenation and justification working together: a narrow column of six picas gives the breaker very few choices, and a single long word can spoil an otherwise quiet paragraph. The council approved a budget of $16.7 million for the harbour district on Tuesday.';
  const enStyle = defaultParagraphStyle('en');
  const oneEn = (text: string): void => {
    composeParagraph({ text, spans: [{ start: 0, end: text.length, attrs: enStyle.chars, offset: 0 }], style: enStyle, width: 15 * 9 }, env);
  };
  oneEn(en);
  const enEdits: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = (i * 29) % en.length;
    t = performance.now();
    oneEn(en.slice(0, at) + 'e' + en.slice(at));
    enEdits.push(performance.now() - t);
  }
  return {
    fonts: which,
    'seed page: paragraphs / characters / lines at 17 em': `${paras.length} / ${chars} / ${lines}`,
    'compose seed page, first time (shaping caches cold) (ms)': cold,
    'compose seed page (ms)': page,
    'ms per 1000 chars': page / (chars / 1000),
    'recompose 300-char paragraph after 1-char edit (ms)': median(edits),
    'recompose 300-char paragraph after 1-char edit, CPU time (ms)': median(editsCpu),
    'compose seed page, CPU time (ms)': pageCpu,
    'load average (1 min) during the run': loadAverage(),
    'recompose 300-char paragraph after 1-char edit, p90 (ms)': [...edits].sort((a, b) => a - b)[Math.floor(edits.length * 0.9)]!,
    'recompose 300-char English paragraph after 1-char edit (ms)': median(enEdits),
  };
}
