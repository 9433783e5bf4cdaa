/**
 * Building a page's display list from its laid-out frames: frames in paint order (z, then
 * document order), each painting its art (fill, picture, rule, box) and then its lines'
 * glyph runs. Guides (type area, template columns, grid baselines, bleed) go alongside.
 */
import type { LaidOutFrame } from '../flow/types';
import { gridBaselines, templateColumns, typeArea } from '../flow/geometry';
import type { Page, Template } from '../model/types';
import type { DisplayItem, PageDisplayList } from './types';

/** What a page's display list is made from. */
export interface DisplayInput {
  page: Page;
  number: number;
  label: string;
  template: Template;
  frames: readonly LaidOutFrame[];
}

/** The display list of one page. */
export function buildDisplayList(inp: DisplayInput): PageDisplayList {
  const items = displayItems(inp.frames);
  const t = inp.template;
  return {
    page: inp.page.id,
    number: inp.number,
    label: inp.label,
    width: t.trim.width,
    height: t.trim.height,
    bleed: t.bleed,
    items,
    guides: { margins: typeArea(t), columns: templateColumns(t), gridLines: gridBaselines(t), bleed: t.bleed },
  };
}

/**
 * The items of a page in paint order: frames by z, then document order, each its art and then
 * its lines' glyph runs (the very run objects of the line records, not copies).
 */
export function displayItems(frames: readonly LaidOutFrame[]): DisplayItem[] {
  const ordered = frames.map((f, i) => ({ f, i })).sort((a, b) => a.f.z - b.f.z || a.i - b.i);
  const items: DisplayItem[] = [];
  for (const { f } of ordered) {
    for (const a of f.art) items.push(a);
    for (const l of f.lines) for (const r of l.runs) if (r.glyphs.length) items.push(r);
  }
  return items;
}
