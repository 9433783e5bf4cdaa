/**
 * Importing copy on the Node side: reads a plain-text, Markdown or DOCX file, decodes it and
 * maps its paragraphs onto an article's parts (engine/import). All or nothing: the result is
 * either the whole mapped copy or an error naming the file; nothing is placed until the
 * caller applies it with placeCopy in one history change.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_COPY_BYTES as BRIDGE_MAX_COPY_BYTES } from '../bridge/channels';
import { mapCopy, type CopyParagraph, type MappedCopy } from '../engine/import';
import type { IssueDocument } from '../engine/model/types';
import { DecodeError, decodeText, type Decoded } from './import-decode';
import { readDocx } from './import-docx';
import { parseMarkdown } from './import-markdown';

/** Largest copy file read (copy is text: anything bigger is not a story); the bridge's limit. */
export const MAX_COPY_BYTES = BRIDGE_MAX_COPY_BYTES;

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

/** What a copy file holds before mapping: its paragraphs (Node side; the renderer maps them with engine/import). */
export type ReadCopy = Omit<ImportedCopy, 'copy'>;

/** Reads copy from bytes (the file name decides Markdown vs text; content decides DOCX). Throws DecodeError naming the file. */
export async function readCopyBytes(bytes: Uint8Array, file: string): Promise<ReadCopy> {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (!bytes.length) throw new DecodeError(name, 'the file is empty');
  if (bytes.length > MAX_COPY_BYTES) throw new DecodeError(name, `too large for copy (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_COPY_BYTES / 1048576} MB)`);
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
  return { file, format, paragraphs, ...(encoding ? { encoding } : {}) };
}

/** Reads and maps copy from bytes (see readCopyBytes). */
export async function importCopyBytes(bytes: Uint8Array, file: string, doc: IssueDocument): Promise<ImportResult> {
  try {
    const read = await readCopyBytes(bytes, file);
    return { ok: true, value: { ...read, copy: mapCopy(doc, read.paragraphs) } };
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
