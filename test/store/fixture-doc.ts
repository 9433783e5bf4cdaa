/** A small valid issue document for the store tests, with optional image links. */
import { loadDocument, serializeDocument, type IssueDocument } from '../../engine/model';

/** Builds a minimal document; `images` become image frames linking those paths; `marker` varies the content. */
export function makeDoc(opts: { images?: string[]; marker?: string; padding?: number; icc?: string } = {}): IssueDocument {
  const raw = {
    format: 'broadsheet',
    version: 1,
    issue: { paper: '金山报', date: '2026-11-28', lang: 'zh-Hans', jumps: { to: '下转第{page}版', from: '上接第{page}版' }, ...(opts.icc ? { iccProfile: opts.icc } : {}) },
    templates: [
      {
        id: 't1',
        name: 'Broadsheet',
        trim: { width: '390mm', height: '540mm' },
        margins: { top: 20, right: 20, bottom: 20, left: 20 },
        columns: 8,
        gutter: 10,
        grid: { kind: 'baseline', leading: 14 },
      },
    ],
    pages: [{ id: 'p1', template: 't1' }],
    frames: [
      { id: 'f1', kind: 'text', page: 'p1', x: 20, y: 20, width: 300, height: 400 },
      ...(opts.images ?? []).map((src, i) => ({ id: `img${i}`, kind: 'image', page: 'p1', x: 20, y: 430, width: 100, height: 100, src })),
    ],
    stories: [
      {
        id: 's1',
        frames: ['f1'],
        paragraphs: [{ style: 'body', runs: [{ text: `${opts.marker ?? '正文'}${'字'.repeat(opts.padding ?? 0)}` }] }],
      },
    ],
    paragraphStyles: [{ id: 'body', name: 'Body', font: { cjk: 'Noto Serif CJK SC', latin: 'Noto Serif' }, size: 10.5 }],
  };
  return loadDocument(JSON.stringify(raw), 'fixture');
}

/** The saved text of a document (what the store writes). */
export function docText(doc: IssueDocument): string {
  return serializeDocument(doc);
}
