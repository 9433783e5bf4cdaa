/**
 * The document store on a 64-page generated issue: atomic save (with backup and link
 * record), open (validate + link check), autosave write, and relink search. The images are
 * the sample's, linked from a temp folder (a real issue has ~600 linked images; the sample
 * has a handful, so the link numbers are per distinct file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeDocument } from '../engine/model';
import { generateIssue } from '../scripts/generate-issue';
import { openDocument, saveDocument } from '../services/document-store';
import { collectLinks } from '../services/links';
import { RecoveryStore } from '../services/recovery';

const time = async (runs: number, fn: () => Promise<unknown>) => {
  await fn();
  const t = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t) / runs;
};

export async function bench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bs-bench-store-'));
  try {
    const sampleImages = path.resolve(import.meta.dirname, '../samples/jinshan/images');
    const doc = generateIssue({ pages: 64, imagePrefix: `${path.relative(dir, sampleImages).split(path.sep).join('/')}/` });
    const file = path.join(dir, 'issue.broadsheet');
    const bytes = Buffer.byteLength(serializeDocument(doc));
    const save = await time(10, () => saveDocument(file, doc));
    const saveNoLinks = await time(10, () => saveDocument(file, doc, { skipLinks: true }));
    const open = await time(10, () => openDocument(file));
    const recovery = new RecoveryStore(path.join(dir, 'recovery'));
    const text = serializeDocument(doc);
    const autosave = await time(10, () => recovery.write('bench', { path: file, title: 'issue', text }));
    return {
      'issue size (pages / frames / KB)': `64 / ${doc.frames.length} / ${(bytes / 1024).toFixed(0)}`,
      'distinct linked files': collectLinks(doc, file).length,
      'save: backup + atomic write + fsyncs + link record (ms)': save,
      'save without link record (ms)': saveNoLinks,
      'open: read + validate + link check (ms)': open,
      'autosave write of the whole issue (ms)': autosave,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
