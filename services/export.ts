/**
 * Export orchestration, shared by `broadsheet export`/`preflight` and the desktop app:
 * lay the issue out, preflight it with the host's image facts, and write PDF/X files
 * atomically (temp file in the same folder, fsync, rename).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageDisplayList } from '../engine/display/types';
import { layoutIssue } from '../engine/flow/layout-issue';
import type { LaidOutIssue, LayoutEnv } from '../engine/flow/types';
import type { IssueDocument } from '../engine/model/types';
import { placedImages, preflight, worstSeverity, type ImageFacts, type PreflightFinding, type PreflightOptions } from '../engine/preflight';
import { iccClass, iccComponents, writePdf, type FontSource, type OutputIntent, type PdfProfile } from '../pdf';
import { writeFileAtomic } from './atomic-write';
import { fileImageSource, inspectImage } from './images';

/** What export needs from the Node layout host (services/engine-host.ts provides it). */
export interface ExportHost {
  fonts: FontSource;
  envFor(doc: IssueDocument, docDir: string): Promise<LayoutEnv>;
}

/** How to export. */
export interface ExportOptions {
  /** Output file, or with `split` the output folder. */
  out: string;
  profile?: PdfProfile;
  /** Page list such as "1,3-4" (1-based numbers in the issue). */
  pages?: string;
  /** One file per page, named by the pattern: {date} {label} {paper} {page}. */
  split?: string;
  marks?: boolean;
  /** Bleed in pt (overrides the templates'). */
  bleed?: number;
  /** Write even when preflight finds errors. */
  force?: boolean;
  /** Environment for SOURCE_DATE_EPOCH (default process.env). */
  env?: Record<string, string | undefined>;
  onProgress?: (phase: 'layout' | 'preflight' | 'page' | 'write', done: number, total: number) => void;
}

/** What an export did. */
export interface ExportResult {
  /** Files written (none when blocked). */
  files: string[];
  findings: PreflightFinding[];
  /** True when preflight errors stopped the export. */
  blocked: boolean;
  pages: number;
  bytes: number;
  profile: PdfProfile;
  date: Date;
}

/** A bad option (page list, pattern, profile file): the message says what and where. */
export class ExportError extends Error {}

/**
 * The fixed date an export stamps: SOURCE_DATE_EPOCH (seconds) when set, else the issue's
 * date at 00:00 UTC. Never the wall clock, so the same issue exports byte-identically.
 */
export function exportDate(issueDate: string, env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new ExportError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${issueDate}T00:00:00Z`);
}

/** Parses a page list ("1,3-4") into sorted unique 1-based page numbers within 1..count. */
export function parsePageList(list: string, count: number): number[] {
  const out = new Set<number>();
  for (const part of list.split(',').map((s) => s.trim())) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new ExportError(`bad page list "${list}": "${part}" is not a page number or range like 3-4`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) throw new ExportError(`bad page range "${part}" in "${list}"`);
    if (b > count) throw new ExportError(`page ${b} is not in this issue (it has ${count} page${count === 1 ? '' : 's'})`);
    for (let p = a; p <= b; p++) out.add(p);
  }
  return [...out].sort((x, y) => x - y);
}

/** A file name from a split pattern; characters file systems reject become "_". */
export function splitFileName(pattern: string, v: { date: string; label: string; paper: string; page: number }): string {
  if (!pattern.includes('{page}') && !pattern.includes('{label}')) {
    throw new ExportError(`split pattern "${pattern}" must contain {page} or {label}, or every page gets the same name`);
  }
  const name = pattern.replace(/\{(date|label|paper|page)\}/g, (_, k: string) =>
    k === 'page' ? String(v.page).padStart(2, '0') : k === 'date' ? v.date : k === 'label' ? v.label : v.paper,
  );
  const clean = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(c) ? '_' : c)).join('');
  return clean.toLowerCase().endsWith('.pdf') ? clean : `${clean}.pdf`;
}

/** Finds the committed default profile from this module (source tree or bundled dist/). */
export function defaultProfilePath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, 'profiles', 'broadsheet-newsprint-tr002.icc');
    if (existsSync(p)) return p;
    dir = path.dirname(dir);
  }
  throw new ExportError('the default output profile profiles/broadsheet-newsprint-tr002.icc is missing from this installation');
}

/** The OutputIntent: the issue's own ICC (issue.iccProfile) or the default newsprint profile. */
export async function outputIntentFor(doc: IssueDocument, docDir: string): Promise<{ intent: OutputIntent; iccPath: string }> {
  const own = doc.issue.iccProfile;
  const iccPath = own ? path.resolve(docDir, own) : defaultProfilePath();
  let icc: Uint8Array;
  try {
    icc = await readFile(iccPath);
  } catch (e) {
    throw new ExportError(`${iccPath}: cannot read the output profile (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    if (iccComponents(icc) !== 4) throw new Error('it is not a CMYK profile');
    if (iccClass(icc) !== 'prtr') throw new Error(`its class is "${iccClass(icc)}", not an output (prtr) profile`);
  } catch (e) {
    throw new ExportError(`${iccPath}: not usable as the output profile: ${(e as Error).message}`);
  }
  if (!own) {
    return { iccPath, intent: { icc, identifier: 'CGATS TR 002', info: 'Coldset newsprint (ANSI CGATS/SNAP TR 002), TAC 240 %', registry: 'http://www.color.org' } };
  }
  const base = path.basename(own).replace(/\.(icc|icm)$/i, '');
  return { iccPath, intent: { icc, identifier: base, info: base } };
}

/** Image facts for every image the layout places. */
export async function imageFacts(layout: LaidOutIssue, docDir: string): Promise<Map<string, ImageFacts>> {
  const out = new Map<string, ImageFacts>();
  for (const src of placedImages(layout)) out.set(src, await inspectImage(path.resolve(docDir, src)));
  return out;
}

/** Lays the issue out and runs preflight; findings for all pages. */
export async function preflightIssue(doc: IssueDocument, docPath: string, host: ExportHost, opts: Partial<PreflightOptions> = {}): Promise<{ layout: LaidOutIssue; findings: PreflightFinding[] }> {
  const docDir = path.dirname(path.resolve(docPath));
  const layout = layoutIssue(doc, await host.envFor(doc, docDir));
  const findings = preflight(doc, layout, await imageFacts(layout, docDir), opts);
  return { layout, findings };
}

/** Exports an issue (whole, a page list, or one file per page). Blocked by preflight errors unless forced. */
export async function exportIssue(doc: IssueDocument, docPath: string, host: ExportHost, opts: ExportOptions): Promise<ExportResult> {
  const profile = opts.profile ?? doc.issue.outputProfile;
  const date = exportDate(doc.issue.date, opts.env);
  const docDir = path.dirname(path.resolve(docPath));
  opts.onProgress?.('layout', 0, 1);
  const { layout, findings: all } = await preflightIssue(doc, docPath, host, { profile, ...(opts.bleed === undefined ? {} : { bleed: opts.bleed }) });
  opts.onProgress?.('preflight', 1, 1);
  const numbers = opts.pages ? parsePageList(opts.pages, layout.pages.length) : layout.pages.map((p) => p.number);
  const chosen = new Set(numbers);
  const findings = all.filter((f) => f.page === 0 || chosen.has(f.page));
  const result: ExportResult = { files: [], findings, blocked: false, pages: numbers.length, bytes: 0, profile, date };
  if (worstSeverity(findings) === 2 && !opts.force) return { ...result, blocked: true };

  const { intent, iccPath } = await outputIntentFor(doc, docDir);
  const pages = layout.pages.filter((p) => chosen.has(p.number)).map((p) => p.display);
  const title = `${doc.issue.paper} ${doc.issue.date}`;
  const base = { profile, date, outputIntent: intent, marks: opts.marks ?? false, slug: `${doc.issue.paper} · ${doc.issue.date} · {page} · ${profile === 'pdfx1a' ? 'PDF/X-1a:2001' : 'PDF/X-4'}`, slugFace: slugFace(pages, host.fonts), ...(opts.bleed === undefined ? {} : { bleed: opts.bleed }) };
  const deps = { fonts: host.fonts, images: fileImageSource(docDir, iccPath) };
  const total = pages.length;
  if (opts.split) {
    await ensureDir(opts.out);
    let done = 0;
    for (const page of pages) {
      const name = splitFileName(opts.split, { date: doc.issue.date, label: page.label, paper: doc.issue.paper, page: page.number });
      const bytes = await writePdf([page], { ...base, title: `${title} ${page.label}` }, deps);
      const file = path.join(opts.out, name);
      if (result.files.includes(file)) throw new ExportError(`split pattern "${opts.split}" gives the same name ${name} to two pages`);
      await writeFileAtomic(file, bytes);
      result.files.push(file);
      result.bytes += bytes.length;
      opts.onProgress?.('page', ++done, total);
    }
  } else {
    const bytes = await writePdf(pages, { ...base, title, onPage: (d, t) => opts.onProgress?.('page', d, t) }, deps);
    opts.onProgress?.('write', 0, 1);
    await writeFileAtomic(opts.out, bytes);
    result.files.push(opts.out);
    result.bytes = bytes.length;
    opts.onProgress?.('write', 1, 1);
  }
  return result;
}

/** Bytes of a PDF for the given pages without writing (the print preview). */
export async function renderPdf(doc: IssueDocument, docPath: string, host: ExportHost, opts: { profile?: PdfProfile; pages?: number[]; marks?: boolean; env?: Record<string, string | undefined> } = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const docDir = path.dirname(path.resolve(docPath));
  const layout = layoutIssue(doc, await host.envFor(doc, docDir));
  const { intent, iccPath } = await outputIntentFor(doc, docDir);
  const pages = layout.pages.filter((p) => !opts.pages || opts.pages.includes(p.number)).map((p) => p.display);
  const bytes = await writePdf(pages, { profile: opts.profile ?? doc.issue.outputProfile, date: exportDate(doc.issue.date, opts.env), outputIntent: intent, title: `${doc.issue.paper} ${doc.issue.date}`, marks: opts.marks ?? false }, { fonts: host.fonts, images: fileImageSource(docDir, iccPath) });
  return { bytes, pages: pages.length };
}

/** A CJK-capable face for the slug line (labels are often Chinese), else the first face used. */
function slugFace(pages: PageDisplayList[], fonts: FontSource): string | undefined {
  const keys: string[] = [];
  for (const p of pages) for (const i of p.items) if (i.type === 'glyphs' && !keys.includes(i.face)) keys.push(i.face);
  const cjk = keys.find((k) => {
    const f = fonts.tryFace?.(k)?.font as { hasGlyphForCodePoint?: (c: number) => boolean } | undefined;
    return f?.hasGlyphForCodePoint?.(0x7248) === true; // 版
  });
  return cjk ?? keys[0];
}

async function ensureDir(dir: string): Promise<void> {
  const { mkdir, stat } = await import('node:fs/promises');
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new ExportError(`${dir}: cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!(await stat(dir)).isDirectory()) throw new ExportError(`${dir}: not a folder (with --split, -o names the output folder)`);
}
