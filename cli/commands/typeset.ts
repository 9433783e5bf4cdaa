/**
 * `broadsheet typeset FILE --measure LEN …`: composes a text file (one paragraph per line)
 * with the engine's composer and prints the lines, as JSON, or onto a PDF page. The tool for
 * people who tune styles, and the composer's public test face.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageDisplayList, GlyphRunItem } from '../../engine/display/types';
import type { FontBook } from '../../engine/fonts';
import { LengthError, parseLength, loadTemplateFile } from '../../engine/model';
import type { PageId, StoryId } from '../../engine/model/ids';
import type { ParagraphStyle } from '../../engine/model/types';
import { defaultParagraphStyle, isCjkLang, languageDefaults, resolveStyleSources, DEFAULT_FAMILIES, type ResolvedParagraphStyle } from '../../engine/style';
import { composeParagraph, type ComposedParagraph } from '../../engine/text';
import { writePdf } from '../../pdf';
import { bundledFontBook } from '../../services/engine-host';
import { defaultProfilePath } from '../../services/export';
import { parse } from '../args';
import { readErrorReason } from '../load-issue';
import { EXIT, UsageError, type Command, type CommandIO } from '../command';

const ALIGNS = ['left', 'right', 'center', 'justify', 'justify-all'] as const;
const RULES = ['none', 'basic', 'gb', 'strict'] as const;
const PUNCT = ['quanjiao', 'kaiming', 'banjiao'] as const;

/** A length argument: pt, mm, cm, in, pc, q, em (of `em`), or a 号 size. */
function length(name: string, value: string, em: number, positive = true): number {
  let v: number;
  try {
    v = parseLength(value, em);
  } catch (e) {
    throw new UsageError(`--${name}: ${e instanceof LengthError ? e.message : String(e)}`);
  }
  if (positive ? !(v > 0) : !(v >= 0)) throw new UsageError(`--${name}: "${value}" must be ${positive ? 'greater than 0' : 'at least 0'}`);
  return v;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** The built-in style set of a language: the matching template file in templates/. */
async function builtInStyles(lang: string): Promise<{ file: string; styles: ParagraphStyle[] } | undefined> {
  const name = isCjkLang(lang) ? 'zh-duikai-8-front.json' : 'en-broadsheet-6.json';
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'templates', name);
    if (existsSync(file)) {
      const t = loadTemplateFile(await readFile(file, 'utf8'), file);
      return { file, styles: t.paragraphStyles };
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

/** Reads FILE as UTF-8 text; paragraphs are its non-empty lines. */
async function readParagraphs(file: string, cwd: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(cwd, file));
  } catch (e) {
    throw new InputError(`${file}: ${readErrorReason(e)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: not UTF-8 text (convert it first, e.g. iconv -f GB18030 -t UTF-8)`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

class InputError extends Error {}

interface Options {
  style: ResolvedParagraphStyle;
  measure: number;
}

async function resolveOptions(values: Record<string, string | boolean | undefined>): Promise<Options> {
  const s = (k: string): string | undefined => values[k] as string | undefined;
  const lang = s('lang') ?? 'zh-Hans';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) throw new UsageError(`--lang: "${lang}" is not a language tag such as zh-Hans or en`);
  let base: ParagraphStyle | undefined;
  const styleName = s('style');
  if (styleName !== undefined) {
    if (s('font') || s('latin-font')) throw new UsageError('give either --style or --font/--latin-font, not both');
    const set = await builtInStyles(lang);
    if (!set) throw new UsageError(`--style: no built-in style set for ${lang} in this installation`);
    base = set.styles.find((p) => p.id === styleName || p.name === styleName);
    if (!base) throw new UsageError(`--style: no style "${styleName}" in ${path.basename(set.file)} (styles: ${set.styles.map((p) => `${p.id} (${p.name})`).join(', ')})`);
    const resolved = resolveStyleSources({ lang, paragraphStyles: set.styles }).paragraph(base.id);
    return finish(resolved, values, lang);
  }
  return finish(defaultParagraphStyle(lang), values, lang);
}

function finish(style: ResolvedParagraphStyle, values: Record<string, string | boolean | undefined>, lang: string): Options {
  const s = (k: string): string | undefined => values[k] as string | undefined;
  const d = languageDefaults(lang);
  const size = s('size') !== undefined ? length('size', s('size')!, style.chars.size) : style.chars.size;
  const font = { ...style.chars.font };
  if (s('font')) {
    if (isCjkLang(lang)) font.cjk = s('font')!;
    else font.latin = s('font')!;
  }
  if (s('latin-font')) font.latin = s('latin-font')!;
  const leading = s('leading') !== undefined ? length('leading', s('leading')!, size) : s('size') !== undefined ? Math.round(size * d.leadingFactor * 100) / 100 : style.leading;
  const out: ResolvedParagraphStyle = { ...style, chars: { ...style.chars, size, font }, leading };
  const align = oneOf('align', s('align'), ALIGNS);
  if (align) out.align = align;
  const rules = oneOf('rules', s('rules'), RULES);
  if (rules) out.rules = rules;
  const punct = oneOf('punctuation', s('punctuation'), PUNCT);
  if (punct) out.punctuation = punct;
  if (s('indent') !== undefined) out.firstLineIndent = length('indent', s('indent')!, size, false) / size;
  if (values['no-hyphenate']) out.hyphenate = false;
  if (values.greedy) out.breaking = 'greedy';
  if (s('measure') === undefined) throw new UsageError('--measure is required (e.g. --measure 17em or --measure 60mm)');
  const measure = length('measure', s('measure')!, size);
  return { style: out, measure };
}

function checkFonts(book: FontBook, style: ResolvedParagraphStyle): void {
  for (const [opt, fam] of [
    ['font', isCjkLang(style.lang) ? style.chars.font.cjk : style.chars.font.latin],
    ['latin-font', style.chars.font.latin],
  ] as const) {
    if (!book.resolve(fam)) throw new UsageError(`--${opt}: no font family "${fam}" (available: ${book.families().join(', ')})`);
  }
}

const r2 = (v: number): number => Math.round(v * 1000) / 1000;

function printReadable(io: CommandIO, paras: string[], composed: ComposedParagraph[], measure: number): void {
  io.out(`measure ${r2(measure)} pt\n`);
  composed.forEach((p, i) => {
    io.out(`¶${i + 1}\n`);
    for (const l of p.lines) {
      const text = paras[i]!.slice(l.start, l.end) + (l.hyphen ? '-' : '');
      io.out(`  ${(l.indent + l.width).toFixed(2).padStart(8)}  ${' '.repeat(Math.max(0, Math.round(l.indent / 4)))}${text}\n`);
    }
  });
}

async function writePage(out: string, book: FontBook, composed: ComposedParagraph[], style: ResolvedParagraphStyle, measure: number): Promise<void> {
  const margin = 36;
  const items: GlyphRunItem[] = [];
  let y = margin;
  let first = true;
  for (const p of composed) {
    if (!first) y += style.spaceBefore;
    for (const l of p.lines) {
      y += first ? l.ascent : l.leading;
      first = false;
      for (const r of l.runs) {
        items.push({ type: 'glyphs', face: r.face, size: r.size, x: margin, y, paint: { cmyk: r.cmyk }, overprint: r.overprint, glyphs: r.glyphs, source: { kind: 'story', story: 'typeset' as StoryId } });
      }
    }
    y += style.spaceAfter;
  }
  const width = measure + style.leftIndent + style.rightIndent + 2 * margin;
  const height = y + margin;
  const page: PageDisplayList = {
    page: 'typeset' as PageId,
    number: 1,
    label: '1',
    width,
    height,
    bleed: 0,
    items,
    guides: { margins: { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin }, columns: [{ x: margin, width: measure }], gridLines: [], bleed: 0 },
  };
  const icc = await readFile(defaultProfilePath());
  const bytes = await writePdf(
    [page],
    { profile: 'pdfx4', title: 'broadsheet typeset', date: new Date(Date.UTC(2026, 0, 1)), outputIntent: { icc, identifier: 'CGATS TR 002', info: 'Coldset newsprint (ANSI CGATS/SNAP TR 002)', registry: 'http://www.color.org' } },
    { fonts: book, images: { image: () => Promise.resolve({ ok: false, message: 'no images in typeset output' }) } },
  );
  await writeFile(out, bytes);
}

export const typeset: Command = {
  name: 'typeset',
  summary: 'compose a text file (one paragraph per line) and print the lines, JSON or a PDF page',
  usage:
    'broadsheet typeset FILE --measure LEN [--style NAME | --font FAMILY --latin-font FAMILY --size LEN --leading LEN] [--lang zh-Hans|en|…] [--align justify|left|right|center|justify-all] [--rules none|basic|gb|strict] [--punctuation quanjiao|kaiming|banjiao] [--indent LEN] [--greedy] [--no-hyphenate] [--json] [--pdf OUT]\n  LEN: pt, mm, cm, in, pc, q, em (of the font size) or a 号 size (五号, 小五 …)',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        measure: { type: 'string' },
        style: { type: 'string' },
        font: { type: 'string' },
        'latin-font': { type: 'string' },
        size: { type: 'string' },
        leading: { type: 'string' },
        lang: { type: 'string' },
        align: { type: 'string' },
        rules: { type: 'string' },
        punctuation: { type: 'string' },
        indent: { type: 'string' },
        greedy: { type: 'boolean' },
        'no-hyphenate': { type: 'boolean' },
        json: { type: 'boolean' },
        pdf: { type: 'string' },
      },
      { positionals: { min: 1, max: 1, names: 'FILE' } },
    );
    const file = positionals[0]!;
    const { style, measure } = await resolveOptions(values);
    let paras: string[];
    try {
      paras = await readParagraphs(file, io.cwd);
    } catch (e) {
      if (e instanceof InputError) {
        io.err(`broadsheet typeset: ${e.message}\n`);
        return EXIT.noInput;
      }
      throw e;
    }
    const book = await bundledFontBook();
    checkFonts(book, style);
    const env = { fonts: book, fallbackFamilies: [DEFAULT_FAMILIES.cjkSerif, DEFAULT_FAMILIES.latinSerif, DEFAULT_FAMILIES.cjkSans, DEFAULT_FAMILIES.latinSans] };
    let offset = 0;
    const composed = paras.map((text) => {
      const p = composeParagraph({ text, spans: [{ start: 0, end: text.length, attrs: style.chars, offset }], style, width: measure + style.leftIndent + style.rightIndent }, env);
      offset += text.length + 1;
      return p;
    });
    if (values.json) {
      const lines = composed.flatMap((p, i) => p.lines.map((l) => ({ paragraph: i, text: paras[i]!.slice(l.start, l.end), width: r2(l.indent + l.width), hyphen: l.hyphen, last: l.last })));
      io.out(JSON.stringify({ measure: r2(measure), lines }) + '\n');
    } else printReadable(io, paras, composed, measure);
    if (values.pdf !== undefined) {
      const out = path.resolve(io.cwd, values.pdf);
      try {
        await writePage(out, book, composed, style, measure);
      } catch (e) {
        io.err(`broadsheet typeset: ${values.pdf}: cannot write the PDF (${e instanceof Error ? e.message : String(e)})\n`);
        return EXIT.cantCreate;
      }
      if (!values.json) io.out(`wrote ${values.pdf}\n`);
    }
    const missing = composed.flatMap((p) => p.missing);
    if (missing.length > 0) {
      const chars = [...new Set(missing.map((m) => m.char))].join(' ');
      io.err(`broadsheet typeset: ${file}: ${missing.length} character${missing.length === 1 ? '' : 's'} no font has (drawn as boxes): ${chars}\n`);
      return EXIT.warnings;
    }
    return EXIT.ok;
  },
};
