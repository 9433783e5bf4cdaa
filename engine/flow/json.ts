/**
 * The JSON form of a laid-out issue (`broadsheet layout --json`, issue 4): pages with their
 * frames and lines, story overset counts and jump lines. A story's frames are listed in chain
 * order, so reading its lines page by page gives back its text; jump lines, folios, credits
 * and headlines are frames of their own with generated text.
 */
import type { IssueDocument } from '../model/types';
import { round } from './geometry';
import type { LaidOutFrame, LaidOutIssue } from './types';

/** One line in the JSON: y is the baseline; text exactly its source characters. */
export interface JsonLine {
  text: string;
  x: number;
  y: number;
  width: number;
  hyphen: boolean;
}

/** One frame in the JSON. */
export interface JsonFrame {
  id: string;
  kind: 'text' | 'image' | 'rule' | 'box';
  story?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: JsonLine[];
}

/** The whole JSON document. */
export interface LayoutJson {
  pages: { number: number; label: string; frames: JsonFrame[] }[];
  stories: { id: string; overset: number }[];
  jumps: { story: string; kind: 'to' | 'from'; page: number; target: number; text: string }[];
}

function frameJson(f: LaidOutFrame): JsonFrame {
  const lines = f.lines.filter((l) => (f.story && f.role !== 'folio' ? l.role === 'story' : true));
  return {
    id: f.id,
    kind: f.kind === 'headline' ? 'text' : f.kind,
    ...(f.story ? { story: f.story } : {}),
    x: round(f.x),
    y: round(f.y),
    width: round(f.width),
    height: round(f.height),
    lines: lines.map((l) => ({ text: l.text, x: l.x, y: l.y, width: l.width, hyphen: l.hyphen })),
  };
}

/**
 * The JSON of a layout. `pages`: 1-based page numbers to include (all when omitted).
 * On each page, a story's frames come in chain order at the place of its first frame.
 */
export function layoutJson(laid: LaidOutIssue, doc: IssueDocument, pages?: readonly number[]): LayoutJson {
  const chainIndex = new Map<string, number>();
  for (const s of laid.stories) s.frames.forEach((id, i) => chainIndex.set(`${s.id}\u0000${id}`, i));
  const captionOf = new Map<string, string>(doc.frames.flatMap((f) => (f.kind === 'image' && f.caption ? [[`${f.id}~caption`, f.id as string] as const] : [])));
  const order = (f: LaidOutFrame): number => chainIndex.get(`${f.story}\u0000${captionOf.get(f.id) ?? f.id}`) ?? 0;
  const out: LayoutJson = { pages: [], stories: laid.stories.map((s) => ({ id: s.id, overset: s.overset })), jumps: [] };
  for (const p of laid.pages) {
    if (pages && !pages.includes(p.number)) continue;
    const frames: LaidOutFrame[] = [];
    const placed = new Set<LaidOutFrame>();
    for (const f of p.frames) {
      if (placed.has(f)) continue;
      if (f.story && f.role !== 'folio') {
        const same = p.frames.filter((g) => g.story === f.story && g.role !== 'folio').sort((a, b) => order(a) - order(b));
        for (const g of same) {
          frames.push(g);
          placed.add(g);
        }
      } else {
        frames.push(f);
        placed.add(f);
      }
    }
    out.pages.push({ number: p.number, label: p.label, frames: frames.map(frameJson) });
  }
  out.jumps = laid.jumps.filter((j) => !pages || pages.includes(j.page)).map((j) => ({ story: j.story, kind: j.kind, page: j.page, target: j.target, text: j.text }));
  return out;
}
