/**
 * PDF export benchmarks (`npm run bench -- pdf`): export time and peak RSS for the sample and a
 * 24-page issue, and HarfBuzz against pdfkit/fontkit font subsetting. Yardstick: Typst exports a
 * 24-page Chinese broadsheet in about 0.6 s on the build machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import type { PageDisplayList } from '../engine/display/types';
import { layoutIssue } from '../engine/flow/layout-issue';
import { loadDocument } from '../engine/model';
import type { IssueDocument } from '../engine/model/types';
import { writePdf, type FontSource } from '../pdf';
import { HbFontFile } from '../pdf/hb-subset';
import { createNodeLayoutEnv } from '../services/engine-host';
import { outputIntentFor } from '../services/export';
import { fileImageSource } from '../services/images';

const root = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(root, 'samples/jinshan/jinshan.broadsheet');
const TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const SEED = new URL('../test/fixtures/seed/jinshan-front-page.txt', import.meta.url);

/**
 * Runs fn, sampling RSS every 5 ms; returns elapsed ms, process CPU ms (all threads: a fairer
 * number when the machine is shared) and peak RSS in MB.
 */
async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = performance.now();
  const cpu = process.cpuUsage();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, peakMb: peak / 2 ** 20, value };
  } finally {
    clearInterval(timer);
  }
}

/** The 24-page issue from scripts/generate-issue.ts when it exists, else the sample's pages repeated to 24. */
async function issue24(sampleDoc: IssueDocument, samplePages: PageDisplayList[]): Promise<{ label: string; doc?: IssueDocument; pages?: PageDisplayList[] }> {
  const gen = path.join(root, 'scripts/generate-issue.ts');
  if (existsSync(gen)) {
    const mod = (await import(pathToFileURL(gen).href)) as { generateIssue?: (o: { pages: number }) => IssueDocument };
    if (typeof mod.generateIssue === 'function') return { label: 'scripts/generate-issue.ts, 24 pages', doc: mod.generateIssue({ pages: 24 }) };
  }
  const pages: PageDisplayList[] = [];
  for (let i = 0; pages.length < 24; i++) {
    const p = samplePages[i % samplePages.length] as PageDisplayList;
    pages.push({ ...p, number: pages.length + 1, label: `第${pages.length + 1}版` });
  }
  void sampleDoc;
  return { label: 'sample pages repeated to 24', pages };
}

/** HarfBuzz vs fontkit subsetting of the seed page's characters in Noto Serif CJK SC (TTC). */
function subsetters(): Record<string, number> {
  const bytes = readFileSync(TTC);
  const font = (fontkit.create(bytes) as fontkit.FontCollection).fonts.find((f) => f.postscriptName === 'NotoSerifCJKsc-Regular') as fontkit.Font;
  const gids = [...new Set([...new Set(readFileSync(SEED, 'utf8'))].map((c) => font.glyphForCodePoint(c.codePointAt(0) ?? 0).id))];
  let t = performance.now();
  const file = new HbFontFile(bytes);
  const load = performance.now() - t;
  t = performance.now();
  const hb = file.subsetTable(2, gids, 'CFF ');
  const hbMs = performance.now() - t;
  file.dispose();
  t = performance.now();
  const sub = font.createSubset();
  // fontkit's types want a Glyph; its subset (and pdfkit) pass glyph ids.
  for (const g of gids) sub.includeGlyph(g as unknown as fontkit.Glyph);
  const fk = sub.encode();
  const fkMs = performance.now() - t;
  return {
    'subset: glyphs (seed page, Noto Serif CJK SC)': gids.length,
    'subset: HarfBuzz load font file (ms)': load,
    'subset: HarfBuzz CFF subset (ms)': hbMs,
    'subset: HarfBuzz CFF bytes': hb.length,
    'subset: pdfkit/fontkit CFF subset (ms)': fkMs,
    'subset: pdfkit/fontkit CFF bytes': fk.length,
  };
}

/** The benchmark entry point. */
export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  Object.assign(out, subsetters());
  try {
    Object.assign(out, await exports());
  } catch (e) {
    out['sample: failed'] = e instanceof Error ? e.message.slice(0, 200) : String(e);
  }
  return out;
}

async function exports(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const doc = loadDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE);
  const docDir = path.dirname(SAMPLE);
  const host = await createNodeLayoutEnv();
  const env = await host.envFor(doc, docDir);
  const laid = await measure(async () => layoutIssue(doc, env));
  out['sample: layout (ms)'] = laid.ms;
  const pages = laid.value.pages.map((p) => p.display);
  const { intent, iccPath } = await outputIntentFor(doc, docDir);
  const fonts: FontSource = host.fonts;
  const opts = { profile: 'pdfx1a' as const, title: 'bench', date: new Date('2021-07-09T00:00:00Z'), outputIntent: intent };
  for (const subsetter of ['harfbuzz', 'pdfkit'] as const) {
    for (const run of ['first', 'second']) {
      const r = await measure(() => writePdf(pages, { ...opts, subsetter }, { fonts, images: fileImageSource(docDir, iccPath) }));
      out[`sample (${pages.length} pages): write PDF/X-1a, ${subsetter}, ${run} run (ms)`] = r.ms;
      out[`sample: CPU, ${subsetter}, ${run} run (ms)`] = r.cpuMs;
      out[`sample: PDF bytes, ${subsetter}`] = r.value.length;
      out[`sample: peak RSS, ${subsetter}, ${run} run (MB)`] = r.peakMb;
    }
  }
  const noImages = { image: async () => ({ ok: false as const, message: 'skipped' }) };
  const r = await measure(() => writePdf(pages, opts, { fonts, images: noImages }));
  out['sample: write without images (ms)'] = r.ms;
  out['sample: write without images CPU (ms)'] = r.cpuMs;

  const big = await issue24(doc, pages);
  out['24 pages: source'] = big.label;
  let bigPages = big.pages;
  if (big.doc) {
    const lay = await measure(async () => layoutIssue(big.doc as IssueDocument, await host.envFor(big.doc as IssueDocument, docDir)));
    out['24 pages: layout (ms)'] = lay.ms;
    bigPages = lay.value.pages.map((p) => p.display);
  }
  const w = await measure(() => writePdf(bigPages ?? [], opts, { fonts, images: fileImageSource(docDir, iccPath) }));
  out['24 pages: write PDF/X-1a (ms)'] = w.ms;
  out['24 pages: write CPU (ms)'] = w.cpuMs;
  const w2 = await measure(() => writePdf(bigPages ?? [], opts, { fonts, images: fileImageSource(docDir, iccPath) }));
  out['24 pages: write again, fonts and images warm (ms)'] = w2.ms;
  out['24 pages: write again CPU (ms)'] = w2.cpuMs;
  out['24 pages: PDF bytes'] = w.value.length;
  const w3 = await measure(() => writePdf(bigPages ?? [], { ...opts, subsetter: 'pdfkit' }, { fonts, images: fileImageSource(docDir, iccPath) }));
  out['24 pages: write with the pdfkit/fontkit subsetter (ms)'] = w3.ms;
  out['24 pages: pdfkit/fontkit subsetter CPU (ms)'] = w3.cpuMs;
  out['24 pages: PDF bytes, pdfkit/fontkit subsetter'] = w3.value.length;
  out['24 pages: peak RSS (MB)'] = w.peakMb;
  return out;
}
