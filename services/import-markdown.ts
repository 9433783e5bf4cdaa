/**
 * Markdown copy → paragraphs: ATX (#) and Setext (===/---) headings; paragraphs separated by
 * blank lines. Lines of one paragraph join with a space in Latin text and with nothing
 * between Han characters. Emphasis and link markup are reduced to their text.
 */
import type { CopyParagraph } from '../engine/import';

const HAN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Joins a paragraph's source lines. */
function join(lines: string[]): string {
  return lines.reduce((acc, l) => (!acc ? l : HAN.test(acc.slice(-1)) || HAN.test(l[0] ?? '') ? acc + l : `${acc} ${l}`), '');
}

/** Strips inline markup: **bold**, *em*, _em_, `code`, [text](url), images, escapes. */
export function inlineText(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

/** Parses Markdown text into paragraphs. */
export function parseMarkdown(text: string): CopyParagraph[] {
  const out: CopyParagraph[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length) out.push({ text: inlineText(join(buf)) });
    buf = [];
  };
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^\uFEFF/, '');
    const atx = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      flush();
      out.push({ text: inlineText(atx[2]!), heading: atx[1]!.length });
      continue;
    }
    if (buf.length === 1 && /^ {0,3}(=+|-+)\s*$/.test(line)) {
      out.push({ text: inlineText(buf[0]!), heading: line.trim().startsWith('=') ? 1 : 2 });
      buf = [];
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    // List markers and block quotes keep their text.
    buf.push(line.replace(/^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s?)/, '').trim());
  }
  flush();
  return out.filter((p) => p.text.length > 0);
}
