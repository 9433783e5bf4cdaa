/**
 * Maps imported paragraphs to an article's parts and styles: headings become headline parts
 * (the first level-1 heading, or the first heading, is the title; a heading before it is the
 * kicker; one right after it the subhead; later headings are crossheads), a first body line
 * starting 本报讯（…）/本报讯(…) becomes the byline, the rest are body paragraphs.
 */
import type { IssueDocument } from '../model/types';
import type { CopyParagraph, MappedCopy } from './types';

/** 本报讯（记者 张三 李四）… with full-width or ASCII parentheses; group 1 = inside, group 2 = rest. */
const BYLINE = /^\s*本报讯\s*[（(]([^）)]*)[）)]\s*(.*)$/s;
/** The reporter prefixes that stay in the pattern rather than the names. */
const ROLES = ['记者', '通讯员', '实习生', '见习记者', '特约记者'];

/** Splits the inside of 本报讯（…） into a pattern with {names} and the names themselves. */
export function parseByline(inside: string): { pattern: string; names: string[] } {
  const words = inside.trim().split(/[\s、，,]+/).filter(Boolean);
  const role = words.length > 1 && ROLES.includes(words[0]!) ? words.shift()! : ROLES.find((r) => words[0]?.startsWith(r) && words[0] !== r);
  if (role && words[0]?.startsWith(role) && words[0] !== role) words[0] = words[0].slice(role.length);
  if (!words.length) return { pattern: `本报讯（${inside.trim()}）`, names: [] };
  return { pattern: role ? `本报讯（${role} {names}）` : '本报讯（{names}）', names: words };
}

/** Removes the indentation Chinese copy carries (full-width spaces) and trailing white space. */
export function cleanLine(s: string): string {
  return s.replace(/^[\s\u3000]+/, '').replace(/[\s\u3000]+$/, '');
}

function styleOr(doc: IssueDocument, want: string, fallback: string): string {
  return doc.paragraphStyles.some((s) => s.id === want) ? want : fallback;
}

/** Maps paragraphs to headline parts, byline and styled body paragraphs (styles by the document's names). */
export function mapCopy(doc: IssueDocument, paras: readonly CopyParagraph[]): MappedCopy {
  const body0 = (doc.paragraphStyles.find((s) => s.id === 'body') ?? doc.paragraphStyles[0]!).id as string;
  const crosshead = styleOr(doc, 'crosshead', body0);
  const items = paras.map((p) => ({ ...p, text: cleanLine(p.text) })).filter((p) => p.text.length > 0);
  const out: MappedCopy = { headline: {}, body: [] };
  const headings = items.map((p, i) => (p.heading ? i : -1)).filter((i) => i >= 0);
  const titleAt = headings.find((i) => items[i]!.heading === 1) ?? headings[0] ?? -1;
  let seenBody = false;
  items.forEach((p, i) => {
    if (p.heading) {
      if (i === titleAt) out.headline.title = p.text;
      else if (!seenBody && i < titleAt && out.headline.kicker === undefined) out.headline.kicker = p.text;
      else if (!seenBody && i > titleAt && titleAt >= 0 && out.headline.subhead === undefined) out.headline.subhead = p.text;
      else out.body.push({ style: crosshead, text: p.text });
      return;
    }
    if (!seenBody) {
      seenBody = true;
      const m = BYLINE.exec(p.text);
      if (m) {
        out.byline = parseByline(m[1]!);
        if (m[2]!.trim()) out.body.push({ style: body0, text: m[2]!.trim() });
        return;
      }
    }
    out.body.push({ style: body0, text: p.text });
  });
  return out;
}
