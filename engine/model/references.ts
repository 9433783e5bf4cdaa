/**
 * Referential checks that a schema alone cannot make: unique ids, and every id that one
 * record names exists (a frame's page, a story's frames, a paragraph's style, …).
 */
import type { Finding } from './findings';
import type { IssueDocument } from './types';

export function checkReferences(doc: IssueDocument): Finding[] {
  const out: Finding[] = [];
  const index = <T extends { id: string }>(list: readonly T[], name: string) => {
    const map = new Map<string, T>();
    list.forEach((r, i) => {
      if (map.has(r.id)) out.push({ path: `${name}[${i}].id`, message: `duplicate id "${r.id}"` });
      else map.set(r.id, r);
    });
    return map;
  };
  const templates = index(doc.templates, 'templates');
  const pages = index(doc.pages, 'pages');
  const frames = index(doc.frames, 'frames');
  const stories = index(doc.stories, 'stories');
  const articles = index(doc.articles, 'articles');
  const pstyles = index(doc.paragraphStyles, 'paragraphStyles');
  const cstyles = index(doc.characterStyles, 'characterStyles');
  const swatches = index(doc.swatches, 'swatches');

  const need = (map: Map<string, unknown>, value: string | undefined, path: string, what: string) => {
    if (value !== undefined && !map.has(value)) out.push({ path, message: `no ${what} with id "${value}"` });
  };

  doc.pages.forEach((p, i) => need(templates, p.template, `pages[${i}].template`, 'template'));
  doc.paragraphStyles.forEach((s, i) => {
    need(pstyles, s.basedOn, `paragraphStyles[${i}].basedOn`, 'paragraph style');
    need(swatches, s.color, `paragraphStyles[${i}].color`, 'swatch');
  });
  doc.characterStyles.forEach((s, i) => {
    need(cstyles, s.basedOn, `characterStyles[${i}].basedOn`, 'character style');
    need(swatches, s.color, `characterStyles[${i}].color`, 'swatch');
  });
  checkBasedOnCycles(doc.paragraphStyles, 'paragraphStyles', out);
  checkBasedOnCycles(doc.characterStyles, 'characterStyles', out);
  need(pstyles, doc.issue.jumps.style, 'issue.jumps.style', 'paragraph style');

  const threadedBy = new Map<string, string>();
  doc.stories.forEach((s, i) => {
    s.frames.forEach((f, j) => {
      const path = `stories[${i}].frames[${j}]`;
      const frame = frames.get(f);
      if (!frame) return out.push({ path, message: `no frame with id "${f}"` });
      if (frame.kind !== 'text') return out.push({ path, message: `frame "${f}" is a ${frame.kind} frame; stories flow only through text frames` });
      const prev = threadedBy.get(f);
      if (prev) return out.push({ path, message: `frame "${f}" already holds story "${prev}"` });
      threadedBy.set(f, s.id);
    });
    s.paragraphs.forEach((p, j) => {
      need(pstyles, p.style, `stories[${i}].paragraphs[${j}].style`, 'paragraph style');
      p.runs.forEach((r, k) => need(cstyles, r.style, `stories[${i}].paragraphs[${j}].runs[${k}].style`, 'character style'));
    });
  });

  const captionOf = new Map<string, string>();
  doc.frames.forEach((f, i) => {
    need(pages, f.page, `frames[${i}].page`, 'page');
    need(articles, f.article, `frames[${i}].article`, 'article');
    if (f.kind === 'text') need(swatches, f.fill, `frames[${i}].fill`, 'swatch');
    if (f.kind === 'rule') need(swatches, f.color, `frames[${i}].color`, 'swatch');
    if (f.kind === 'box') {
      need(swatches, f.fill, `frames[${i}].fill`, 'swatch');
      need(swatches, f.stroke, `frames[${i}].stroke`, 'swatch');
    }
    if (f.kind === 'image') {
      need(pstyles, f.creditStyle, `frames[${i}].creditStyle`, 'paragraph style');
      if (f.caption) {
        const path = `frames[${i}].caption.story`;
        const story = stories.get(f.caption.story);
        if (!story) out.push({ path, message: `no story with id "${f.caption.story}"` });
        else if (story.frames.length > 0) out.push({ path, message: `story "${story.id}" is threaded through frames; a caption story flows only in its image's caption` });
        else if (captionOf.has(story.id)) out.push({ path, message: `story "${story.id}" is already the caption of frame "${captionOf.get(story.id)}"` });
        else captionOf.set(story.id, f.id);
      }
    }
  });

  doc.articles.forEach((a, i) => {
    need(stories, a.body, `articles[${i}].body`, 'story');
    need(cstyles, a.byline?.style, `articles[${i}].byline.style`, 'character style');
    const h = a.headline;
    if (h) {
      for (const part of ['kicker', 'title', 'subhead', 'deck'] as const) {
        need(pstyles, h[part]?.style, `articles[${i}].headline.${part}.style`, 'paragraph style');
      }
    }
    a.images.forEach((f, j) => {
      const frame = frames.get(f);
      if (!frame) out.push({ path: `articles[${i}].images[${j}]`, message: `no frame with id "${f}"` });
      else if (frame.kind !== 'image') out.push({ path: `articles[${i}].images[${j}]`, message: `frame "${f}" is not an image frame` });
    });
  });
  return out;
}

/** The checks that apply to a template file's own styles and swatches. */
export function checkTemplateReferences(file: {
  paragraphStyles: readonly { id: string; basedOn?: string; color?: string }[];
  characterStyles: readonly { id: string; basedOn?: string; color?: string }[];
  swatches: readonly { id: string }[];
}): Finding[] {
  const out: Finding[] = [];
  const ids = (list: readonly { id: string }[], name: string) => {
    const set = new Set<string>();
    list.forEach((r, i) => {
      if (set.has(r.id)) out.push({ path: `${name}[${i}].id`, message: `duplicate id "${r.id}"` });
      set.add(r.id);
    });
    return set;
  };
  const p = ids(file.paragraphStyles, 'paragraphStyles');
  const c = ids(file.characterStyles, 'characterStyles');
  const sw = ids(file.swatches, 'swatches');
  const styles = [
    ['paragraphStyles', file.paragraphStyles, p, 'paragraph style'],
    ['characterStyles', file.characterStyles, c, 'character style'],
  ] as const;
  for (const [name, list, own, what] of styles) {
    list.forEach((s, i) => {
      if (s.basedOn !== undefined && !own.has(s.basedOn)) out.push({ path: `${name}[${i}].basedOn`, message: `no ${what} with id "${s.basedOn}"` });
      if (s.color !== undefined && !sw.has(s.color)) out.push({ path: `${name}[${i}].color`, message: `no swatch with id "${s.color}"` });
    });
    checkBasedOnCycles(list, name, out);
  }
  return out;
}

function checkBasedOnCycles(list: readonly { id: string; basedOn?: string }[], name: string, out: Finding[]) {
  const byId = new Map(list.map((s) => [s.id, s]));
  list.forEach((s, i) => {
    const seen = new Set<string>([s.id]);
    let cur = s.basedOn ? byId.get(s.basedOn) : undefined;
    while (cur) {
      if (seen.has(cur.id)) {
        out.push({ path: `${name}[${i}].basedOn`, message: `style "${s.id}" is based on itself through "${cur.id}"` });
        return;
      }
      seen.add(cur.id);
      cur = cur.basedOn ? byId.get(cur.basedOn) : undefined;
    }
  });
}
