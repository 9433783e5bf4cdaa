/**
 * DOCX copy → paragraphs through mammoth: Word's Heading 1–6 (and Title, Subtitle) become
 * headings; every other paragraph is body text. A zip that is not a Word document is refused.
 */
import mammoth from 'mammoth';
import type { CopyParagraph } from '../engine/import';
import { DecodeError } from './import-decode';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return ENTITIES[e] ?? String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .trim();
}

/** Reads a DOCX file's paragraphs; throws DecodeError naming the file when it is not a Word document. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<CopyParagraph[]> {
  let html: string;
  try {
    const r = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"] },
    );
    html = r.value;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DecodeError(file, `this is not a Word (.docx) document that can be read (${why.split('\n')[0]})`);
  }
  const out: CopyParagraph[] = [];
  const block = /<(h[1-6]|p|li)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
  for (let m = block.exec(html); m; m = block.exec(html)) {
    const tag = m[1]!;
    const text = textOf(m[2]!);
    if (!text) continue;
    out.push(tag.startsWith('h') ? { text, heading: Number(tag.slice(1)) } : { text });
  }
  return out;
}
