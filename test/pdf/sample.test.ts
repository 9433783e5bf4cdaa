/**
 * The sample issue (samples/jinshan) through the real pipeline: layout → preflight → PDF/X,
 * checked with qpdf and poppler under both profiles, golden renders, determinism, and the
 * `broadsheet export` / `preflight` commands end to end.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRunItem } from '../../engine/display/types';
import type { LaidOutIssue } from '../../engine/flow/types';
import { loadDocument } from '../../engine/model';
import type { IssueDocument } from '../../engine/model/types';
import { main } from '../../cli/main';
import { createNodeLayoutEnv, type NodeLayoutHost } from '../../services/engine-host';
import { exportIssue, preflightIssue } from '../../services/export';
import { comparePng } from './golden';
import { deref, fonts, inside, pageBoxes, pageText, pdfObjects, qdfText, qpdfCheck, run } from './inspect';

const SAMPLE = path.resolve(import.meta.dirname, '../../samples/jinshan/jinshan.broadsheet');
const dir = mkdtempSync(path.join(os.tmpdir(), 'bs-sample-'));
const ENV = { SOURCE_DATE_EPOCH: '1625788800' }; // 2021-07-09T00:00:00Z
let doc: IssueDocument;
let host: NodeLayoutHost;
let layout: LaidOutIssue;
const files = { pdfx1a: path.join(dir, 'x1a.pdf'), pdfx4: path.join(dir, 'x4.pdf') };

beforeAll(async () => {
  doc = loadDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE);
  host = await createNodeLayoutEnv();
  layout = (await preflightIssue(doc, SAMPLE, host)).layout;
  for (const profile of ['pdfx1a', 'pdfx4'] as const) {
    const r = await exportIssue(doc, SAMPLE, host, { out: files[profile], profile, env: ENV });
    expect(r.blocked).toBe(false);
  }
});

describe.each(['pdfx1a', 'pdfx4'] as const)('sample issue as %s', (profile) => {
  it('passes qpdf --check', () => {
    expect(qpdfCheck(files[profile]).status).toBe(0);
  });
  it('embeds every font as a subset (pdffonts)', () => {
    const list = fonts(files[profile]);
    expect(list.length).toBeGreaterThan(0);
    for (const f of list) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true });
  });
  it('nests TrimBox ⊆ BleedBox ⊆ MediaBox on every page (pdfinfo -box)', () => {
    const boxes = pageBoxes(files[profile], layout.pages.length);
    expect(boxes).toHaveLength(layout.pages.length);
    for (const b of boxes) {
      expect(inside(b.trim, b.bleed)).toBe(true);
      expect(inside(b.bleed, b.media)).toBe(true);
    }
  });
  it('has the OutputIntent, GTS_PDFXVersion and Trapped (and XMP for X-4)', () => {
    const { objects, trailer } = pdfObjects(files[profile]);
    const info = deref(objects, trailer['/Info']) as Record<string, string>;
    expect(deref(objects, info['/GTS_PDFXVersion'])).toBe(profile === 'pdfx1a' ? 'u:PDF/X-1:2001' : 'u:PDF/X-4');
    expect(deref(objects, info['/Trapped'])).toBe('/False');
    const root = deref(objects, trailer['/Root']) as Record<string, string[]>;
    const intent = deref(objects, root['/OutputIntents']?.[0]) as Record<string, string>;
    expect(intent['/S']).toBe('/GTS_PDFX');
    expect(intent['/DestOutputProfile']).toBeTruthy();
    if (profile === 'pdfx4') expect(readFileSync(files[profile], 'utf8')).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
  });
  it('gives back every character of the text set on each page (pdftotext)', () => {
    for (const p of layout.pages) {
      const got = pageText(files[profile], p.number);
      const set = p.display.items.filter((i): i is GlyphRunItem => i.type === 'glyphs').flatMap((g) => g.glyphs.map((x) => x.text)).join('').replace(/\s+/g, '');
      const missing = [...new Set(set)].filter((c) => !got.includes(c));
      expect(missing, `page ${p.number}`).toEqual([]);
      expect(set.length).toBeGreaterThan(p.number === 1 ? 1000 : 10);
    }
  });
});

describe('sample issue under PDF/X-1a', () => {
  it('has no RGB object: colour spaces, operators and images are CMYK or grey', () => {
    const qdf = qdfText(files.pdfx1a);
    expect(qdf).not.toMatch(/\/DeviceRGB|\/CalRGB/);
    expect(qdf).not.toMatch(/(^|\s)[\d.]+ [\d.]+ [\d.]+ (rg|RG)\s/m);
    expect(qdf).not.toMatch(/\/SMask|\/CA [\d.]|\/ca [\d.]/);
    const list = run('pdfimages', ['-list', files.pdfx1a]).split('\n').slice(2).filter((l) => l.trim());
    expect(list.length).toBeGreaterThan(0);
    for (const l of list) expect(l.trim().split(/\s+/)[5]).toMatch(/^(cmyk|gray)$/);
  });

  it('renders like the golden pages (pdftoppm -r 50)', () => {
    for (const p of layout.pages) {
      const out = path.join(dir, `sample-${p.number}`);
      run('pdftoppm', ['-r', '50', '-f', String(p.number), '-l', String(p.number), '-singlefile', '-png', files.pdfx1a, out]);
      const golden = path.resolve(import.meta.dirname, `../golden/pdf/sample-p${p.number}.png`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        mkdirSync(path.dirname(golden), { recursive: true });
        writeFileSync(golden, readFileSync(`${out}.png`));
      }
      const r = comparePng(readFileSync(`${out}.png`), readFileSync(golden));
      expect(r.sameSize, `page ${p.number} size`).toBe(true);
      expect(r.diffRatio, `page ${p.number}`).toBeLessThan(0.005);
    }
  });

  it('exports byte-identically twice', async () => {
    const again = path.join(dir, 'again.pdf');
    await exportIssue(doc, SAMPLE, host, { out: again, profile: 'pdfx1a', env: ENV });
    expect(Buffer.compare(readFileSync(again), readFileSync(files.pdfx1a))).toBe(0);
  });

  it('writes one file per page by pattern, and page lists', async () => {
    const out = path.join(dir, 'split');
    const r = await exportIssue(doc, SAMPLE, host, { out, split: '{date}_{label}.pdf', env: ENV });
    expect(readdirSync(out).sort()).toEqual(layout.pages.map((p) => `${doc.issue.date}_${p.label}.pdf`).sort());
    expect(r.files).toHaveLength(layout.pages.length);
    const one = path.join(dir, 'p2.pdf');
    await exportIssue(doc, SAMPLE, host, { out: one, pages: '2', env: ENV });
    expect(run('pdfinfo', [one])).toMatch(/Pages:\s+1/);
    // No temporary files are left next to the outputs.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('interrupted export', () => {
  it('leaves the previous file under the final name when writing fails midway', async () => {
    const out = path.join(dir, 'keep.pdf');
    writeFileSync(out, 'previous export');
    let calls = 0;
    const failing = {
      envFor: host.envFor.bind(host),
      fonts: {
        faceSource: (key: string) => {
          if (++calls > 2) throw new Error('disk gone');
          return host.fonts.faceSource(key);
        },
        tryFace: (key: string) => host.fonts.tryFace(key),
      },
    };
    await expect(exportIssue(doc, SAMPLE, failing, { out, env: ENV })).rejects.toThrow('disk gone');
    expect(readFileSync(out, 'utf8')).toBe('previous export');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('commands', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false, cwd: dir }, out, err };
  };

  it('broadsheet preflight exits 1 on the sample (RGB warnings only) and prints JSON', async () => {
    const c = io();
    const code = await main(['preflight', SAMPLE, '--json'], c.io);
    const report = JSON.parse(c.out.join('')) as { status: string; findings: { rule: string; severity: string }[] };
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(code).toBe(report.findings.length > 0 ? 1 : 0);
  });

  it('broadsheet export refuses to write when preflight finds errors, unless --force', async () => {
    const broken = path.join(dir, 'broken');
    cpSync(path.dirname(SAMPLE), broken, { recursive: true });
    const file = path.join(broken, 'jinshan.broadsheet');
    const d = JSON.parse(readFileSync(file, 'utf8')) as { frames: { kind: string; src?: string }[] };
    const img = d.frames.find((f) => f.kind === 'image');
    if (img) img.src = 'images/missing.jpg';
    writeFileSync(file, JSON.stringify(d));
    const out = path.join(dir, 'broken.pdf');
    const c = io();
    expect(await main(['export', file, '-o', out], c.io)).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(c.err.join('')).toMatch(/image-missing.*missing\.jpg/);
    expect(c.err.join('')).toContain('not exported');
    const forced = io();
    expect(await main(['export', file, '-o', out, '--force', '--marks', '--bleed', '3mm', '--profile', 'pdfx4'], forced.io)).toBe(0);
    expect(qpdfCheck(out).status).toBe(0);
    expect(forced.err.join('')).toMatch(/wrote .*broken\.pdf: \d+ pages?/);
    expect(forced.err.join('')).toMatch(/page 1\/\d+/);
  });

  it('rejects bad arguments with exit 64', async () => {
    expect(await main(['export', SAMPLE], io().io)).toBe(64);
    expect(await main(['export', SAMPLE, '-o', 'x.pdf', '--profile', 'pdfx3'], io().io)).toBe(64);
    expect(await main(['export', SAMPLE, '-o', 'x.pdf', '--bleed', 'lots'], io().io)).toBe(64);
    const c = io();
    expect(await main(['export', SAMPLE, '-o', path.join(dir, 'x.pdf'), '--pages', '9'], c.io)).toBe(64);
    expect(c.err.join('')).toContain('page 9 is not in this issue');
    const missing = io();
    expect(await main(['preflight', path.join(dir, 'nope.broadsheet')], missing.io)).toBe(66);
    expect(missing.err.join('')).toContain('no such file');
  });
});
