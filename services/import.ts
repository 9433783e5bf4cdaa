/**
 * Importing copy on the Node side: reads a plain-text, Markdown or DOCX file, decodes it and
 * maps its paragraphs onto an article's parts (engine/import). All or nothing: the result is
 * either the whole mapped copy or an error naming the file; nothing is placed until the
 * caller applies it with placeCopy in one history change.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapCopy, type CopyParagraph, type MappedCopy } from '../engine/import';
import type { IssueDocument } from '../engine/model/types';
import { DecodeError, decodeText, type Decoded } from './import-decode';
import { readDocx } from './import-docx';
import { parseMarkdown } from './import-markdown';

/** Largest copy file read (copy is text: anything bigger is not a story). */
export const MAX_COPY_BYTES = 20 * 1024 * 1024;

/** What was read. */
export interface ImportedCopy {
  file: string;
  format: 'text' | 'markdown' | 'docx';
  encoding?: Decoded['encoding'];
  paragraphs: CopyParagraph[];
  copy: MappedCopy;
}

/** The outcome of an import: everything, or an error message naming the file. */
export type ImportResult = { ok: true; value: ImportedCopy } | { ok: false; error: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Plain text → paragraphs: one per non-empty line (Chinese copy puts each paragraph on a line).
 * Plain text has no headings, but wire copy starts "title line, then 本报讯（…）": a short
 * first line with no full stop right before a 本报讯 line is taken as the title.
 */
export function parsePlainText(text: string): CopyParagraph[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2029/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
  const out: CopyParagraph[] = lines.map((t) => ({ text: t }));
  if (lines.length > 1 && /^本报讯/.test(lines[1]!) && lines[0]!.length <= 40 && !/[。！？.!?]$/.test(lines[0]!)) out[0] = { text: lines[0]!, heading: 1 };
  return out;
}

/** Reads and maps copy from bytes (the file name decides Markdown vs text; content decides DOCX). */
export async function importCopyBytes(bytes: Uint8Array, file: string, doc: IssueDocument): Promise<ImportResult> {
  try {
    const name = path.basename(file);
    const ext = path.extname(file).toLowerCase();
    if (!bytes.length) throw new DecodeError(name, 'the file is empty');
    let format: ImportedCopy['format'];
    let paragraphs: CopyParagraph[];
    let encoding: Decoded['encoding'] | undefined;
    if (ZIP.every((b, i) => bytes[i] === b) || ext === '.docx') {
      format = 'docx';
      paragraphs = await readDocx(bytes, name);
    } else if (ext === '.doc') {
      throw new DecodeError(name, 'old Word (.doc) files cannot be read; save it as .docx');
    } else {
      const d = decodeText(bytes, name);
      encoding = d.encoding;
      format = ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
      paragraphs = format === 'markdown' ? parseMarkdown(d.text) : parsePlainText(d.text);
    }
    if (!paragraphs.length) throw new DecodeError(name, 'the file holds no text');
    const value: ImportedCopy = { file, format, paragraphs, copy: mapCopy(doc, paragraphs), ...(encoding ? { encoding } : {}) };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e.message };
    return { ok: false, error: `${path.basename(file)}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Reads a copy file from disk and maps it (see importCopyBytes). */
export async function importCopyFile(file: string, doc: IssueDocument): Promise<ImportResult> {
  const name = path.basename(file);
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, error: `${name}: not a file` };
    if (s.size > MAX_COPY_BYTES) return { ok: false, error: `${name}: too large for copy (${(s.size / 1048576).toFixed(1)} MB)` };
    return await importCopyBytes(new Uint8Array(await readFile(file)), file, doc);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: `${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e)}` };
  }
}
