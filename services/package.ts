/**
 * "Package": collect a document, its linked images and ICC profile, and its font files into
 * one folder for handing to the plant. The packaged document links everything relatively
 * (`links/…`), so the folder opens on any machine.
 *
 *   <dest>/<name>.broadsheet
 *   <dest>/links/<image files>
 *   <dest>/fonts/<font files>
 *   <dest>/package-report.txt
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { IssueDocument } from '../engine/model';
import { writeFileAtomic } from './atomic-write';
import { saveDocument } from './document-store';
import { applyRelinks, collectLinks } from './links';

/** Finds the font files of a family (e.g. "Noto Serif CJK SC"); empty if not installed. */
export type FontLocator = (family: string) => Promise<string[]>;

/** What Package copied and what it could not find. */
export interface PackageReport {
  document: string;
  images: { src: string; packaged: string }[];
  fonts: { family: string; files: string[] }[];
  missingLinks: string[];
  missingFonts: string[];
}

/** The font families a document names (styles, characters styles, folios). */
export function fontFamilies(doc: IssueDocument): string[] {
  const out = new Set<string>();
  const add = (f?: { cjk?: string; latin?: string }) => {
    if (f?.cjk) out.add(f.cjk);
    if (f?.latin) out.add(f.latin);
  };
  doc.paragraphStyles.forEach((s) => add(s.font));
  doc.characterStyles.forEach((s) => add(s.font));
  doc.templates.forEach((t) => t.folios.forEach((f) => add(f.font)));
  return [...out].sort();
}

function uniqueName(used: Set<string>, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Packages `doc` (saved at `docFile`, whose folder its links are relative to) into `dest`,
 * which must not exist or be empty. Missing images are listed in the report, not fatal:
 * the plant must be told, but the rest of the package is still useful.
 */
export async function packageDocument(
  doc: IssueDocument,
  docFile: string,
  dest: string,
  opts: { fonts?: FontLocator } = {},
): Promise<PackageReport> {
  const out = path.resolve(dest);
  const existing = await fsp.readdir(out).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw new Error(`Cannot package into ${out}: ${e.message}`);
  });
  if (existing.length) throw new Error(`Cannot package into ${out}: the folder is not empty`);
  await fsp.mkdir(path.join(out, 'links'), { recursive: true });

  const usedNames = new Set<string>();
  const images: PackageReport['images'] = [];
  const missingLinks: string[] = [];
  const fixes: { src: string; newSrc: string }[] = [];
  for (const link of collectLinks(doc, docFile)) {
    const st = await fsp.stat(link.path).catch(() => undefined);
    if (!st?.isFile()) {
      missingLinks.push(link.src);
      continue;
    }
    const name = uniqueName(usedNames, path.basename(link.path));
    await fsp.copyFile(link.path, path.join(out, 'links', name));
    fixes.push({ src: link.src, newSrc: `links/${name}` });
    images.push({ src: link.src, packaged: `links/${name}` });
  }

  const fonts: PackageReport['fonts'] = [];
  const missingFonts: string[] = [];
  const fontNames = new Set<string>();
  const copiedFonts = new Map<string, string>();
  for (const family of fontFamilies(doc)) {
    const files = opts.fonts ? await opts.fonts(family).catch(() => []) : [];
    if (!files.length) {
      missingFonts.push(family);
      continue;
    }
    const packaged: string[] = [];
    for (const f of files) {
      let rel = copiedFonts.get(f);
      if (!rel) {
        await fsp.mkdir(path.join(out, 'fonts'), { recursive: true });
        rel = `fonts/${uniqueName(fontNames, path.basename(f))}`;
        await fsp.copyFile(f, path.join(out, rel));
        copiedFonts.set(f, rel);
      }
      packaged.push(rel);
    }
    fonts.push({ family, files: packaged });
  }

  const docOut = path.join(out, path.basename(docFile));
  await saveDocument(docOut, applyRelinks(doc, fixes), { keepBackups: 0 });
  const report: PackageReport = { document: docOut, images, fonts, missingLinks, missingFonts };
  await writeFileAtomic(path.join(out, 'package-report.txt'), formatReport(report));
  return report;
}

/** A plain-text report for the plant and the user. */
export function formatReport(r: PackageReport): string {
  const lines = [`Broadsheet package: ${path.basename(r.document)}`, '', `Images (${r.images.length}):`];
  r.images.forEach((i) => lines.push(`  ${i.packaged}    (was ${i.src})`));
  lines.push('', `Fonts (${r.fonts.length}):`);
  r.fonts.forEach((f) => lines.push(`  ${f.family}: ${f.files.join(', ')}`));
  if (r.missingLinks.length) lines.push('', 'MISSING images (not packaged):', ...r.missingLinks.map((m) => `  ${m}`));
  if (r.missingFonts.length) lines.push('', 'MISSING fonts (not packaged):', ...r.missingFonts.map((m) => `  ${m}`));
  return lines.join('\n') + '\n';
}
