/** Linked files: missing/changed detection, relinking by folder search, Package. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDocument, saveDocument } from '../../services/document-store';
import { applyRelinks, checkLinks, relinkSearch } from '../../services/links';
import { fontFamilies, packageDocument } from '../../services/package';
import { makeDoc } from './fixture-doc';

const root = mkdtempSync(path.join(os.tmpdir(), 'bs-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function setup(images: string[]) {
  const dir = path.join(root, `d${n++}`);
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  for (const img of images) {
    mkdirSync(path.dirname(path.join(dir, img)), { recursive: true });
    writeFileSync(path.join(dir, img), `bytes of ${img}`);
  }
  return { dir, file: path.join(dir, 'issue.broadsheet'), doc: makeDoc({ images }) };
}

describe('link tracking', () => {
  it('lists missing and changed images when the document opens', async () => {
    const { dir, file, doc } = setup(['images/a.jpg', 'images/b.jpg', 'images/c.jpg']);
    await saveDocument(file, doc);
    let opened = await openDocument(file);
    expect(opened.links.links.map((l) => l.state)).toEqual(['ok', 'ok', 'ok']);
    rmSync(path.join(dir, 'images/a.jpg'));
    writeFileSync(path.join(dir, 'images/b.jpg'), 'retouched');
    // Same size and a changed mtime but the same bytes: not a change.
    utimesSync(path.join(dir, 'images/c.jpg'), new Date(), new Date(Date.now() + 5000));
    opened = await openDocument(file);
    expect(opened.links.problems.map((l) => [l.src, l.state])).toEqual([
      ['images/a.jpg', 'missing'],
      ['images/b.jpg', 'changed'],
    ]);
    expect(opened.links.links[2]!.state).toBe('ok');
    expect(opened.links.problems[0]!.uses).toEqual([{ kind: 'image', frame: 'img0' }]);
  });

  it('reports links without a record as new, and a damaged record does not block opening', async () => {
    const { file, doc } = setup(['images/a.jpg']);
    await saveDocument(file, doc, { skipLinks: true });
    expect((await checkLinks(doc, file)).links[0]!.state).toBe('new');
    await saveDocument(file, doc);
    writeFileSync(path.join(path.dirname(file), '.broadsheet-meta/issue.broadsheet/links.json'), '{garbage');
    expect((await openDocument(file)).links.links[0]!.state).toBe('new');
  });

  it('relinks missing images by searching a folder, preferring the file with the recorded hash', async () => {
    const { dir, file, doc } = setup(['images/a.jpg', 'images/b.jpg']);
    await saveDocument(file, doc);
    const moved = path.join(dir, 'moved');
    mkdirSync(path.join(moved, 'x', 'y'), { recursive: true });
    writeFileSync(path.join(moved, 'A.JPG'), 'a different a.jpg'); // same name, other image
    writeFileSync(path.join(moved, 'x', 'y', 'a.jpg'), 'bytes of images/a.jpg'); // the real one, deeper
    writeFileSync(path.join(moved, 'x', 'b.jpg'), 'bytes of images/b.jpg');
    rmSync(path.join(dir, 'images'), { recursive: true });
    const report = (await openDocument(file)).links;
    const fixes = await relinkSearch(report, file, moved);
    expect(fixes.map((f) => [f.src, f.newSrc, f.verified])).toEqual([
      ['images/a.jpg', 'moved/x/y/a.jpg', true],
      ['images/b.jpg', 'moved/x/b.jpg', true],
    ]);
    const relinked = applyRelinks(doc, fixes);
    await saveDocument(file, relinked);
    expect((await openDocument(file)).links.problems).toEqual([]);
  });

  it('does not hang on a symlink loop while searching', async () => {
    const { dir, file, doc } = setup(['images/a.jpg']);
    await saveDocument(file, doc);
    rmSync(path.join(dir, 'images/a.jpg'));
    const { symlinkSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'loop'));
    symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop', 'again'));
    expect(await relinkSearch((await openDocument(file)).links, file, dir)).toEqual([]);
  });
});

describe('package', () => {
  it('collects the document, its images and fonts with relative links', async () => {
    const { dir, file, doc } = setup(['images/a.jpg', '../shared/photo.jpg', 'other/photo.jpg']);
    const withIcc = { ...doc, issue: { ...doc.issue, iccProfile: 'images/press.icc' } };
    writeFileSync(path.join(dir, 'images/press.icc'), 'icc');
    rmSync(path.join(dir, '../shared'), { recursive: true });
    const fontFile = path.join(dir, 'NotoSerifCJK-Regular.ttc');
    writeFileSync(fontFile, 'font');
    await saveDocument(file, withIcc);
    const dest = path.join(root, `pkg${n++}`);
    const report = await packageDocument(withIcc, file, dest, {
      fonts: async (family) => (family === 'Noto Serif CJK SC' ? [fontFile] : []),
    });
    expect(report.missingLinks).toEqual(['../shared/photo.jpg']);
    expect(report.missingFonts).toEqual(['Noto Serif']);
    expect(report.images.map((i) => i.packaged)).toEqual(['links/a.jpg', 'links/photo.jpg', 'links/press.icc']);
    expect(readdirSync(path.join(dest, 'fonts'))).toEqual(['NotoSerifCJK-Regular.ttc']);
    const packaged = await openDocument(path.join(dest, 'issue.broadsheet'));
    expect(packaged.links.problems.map((p) => p.src)).toEqual(['../shared/photo.jpg']);
    expect(packaged.links.links.filter((l) => l.state !== 'missing').map((l) => l.src)).toEqual(['links/a.jpg', 'links/photo.jpg', 'links/press.icc']);
    expect(readFileSync(path.join(dest, 'links/photo.jpg'), 'utf8')).toBe('bytes of other/photo.jpg');
    expect(readFileSync(path.join(dest, 'package-report.txt'), 'utf8')).toMatch(/MISSING images[\s\S]*\.\.\/shared\/photo\.jpg/);
    // No backups or meta folder of the original travel with the package.
    expect(readdirSync(dest).sort()).toEqual(['.broadsheet-meta', 'fonts', 'issue.broadsheet', 'links', 'package-report.txt'].sort());
    await expect(packageDocument(withIcc, file, dest)).rejects.toThrow(/not empty/);
  });

  it('lists the font families a document names', () => {
    expect(fontFamilies(makeDoc())).toEqual(['Noto Serif', 'Noto Serif CJK SC']);
  });
});
