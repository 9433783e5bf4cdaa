/**
 * Test support for the flow: a fixed-pitch typesetter (every character one em wide, greedy
 * breaking) so that tests can predict line contents exactly, and a small document builder.
 */
import { schemas } from '../../engine/model';
import type { IssueDocument, IssueDocumentInput } from '../../engine/model/types';
import type { FlowComposed, FlowLine, GeneratedOptions, ParaMetrics, PreparedParagraph, Typesetter } from '../../engine/flow/typesetter';

interface MonoData {
  size: number;
  align: string;
}

/** A typesetter where every UTF-16 unit is `size` wide: line i holds floor(width / size) units. */
export function monoTypesetter(doc: IssueDocument): Typesetter & { preparePlain: (p: { style: string; runs: readonly { text: string }[] }, storyOffset: number, prefix?: { text: string }) => PreparedParagraph } {
  const styles = new Map(doc.paragraphStyles.map((s) => [s.id as string, s]));
  const metrics = (styleId: string | undefined, size?: number): ParaMetrics => {
    const s = styleId ? styles.get(styleId) : undefined;
    const sz = size ?? s?.size ?? 10;
    return {
      size: sz,
      leading: s?.leading ?? sz * 1.5,
      ascent: sz * 0.88,
      descent: sz * 0.12,
      spaceBefore: s?.spaceBefore ?? 0,
      spaceAfter: s?.spaceAfter ?? 0,
      keepWithNext: s?.keepWithNext ?? false,
      keepTogether: s?.keepTogether ?? false,
      orphans: s?.orphans ?? 1,
      widows: s?.widows ?? 1,
      gridAlign: s?.gridAlign ?? true,
    };
  };
  const identity = {};
  // Like the real typesetter: one prepared object per paragraph record (and offset, prefix).
  const cache = new WeakMap<object, Map<string, PreparedParagraph>>();
  const gen = new Map<string, PreparedParagraph>();
  return {
    identity,
    prepare(story, index, storyOffset, prefix) {
      const p = story.paragraphs[index]!;
      const memoKey = `${storyOffset}|${prefix?.text ?? ''}`;
      const hit = cache.get(p)?.get(memoKey);
      if (hit) return hit;
      const made = this.preparePlain(p, storyOffset, prefix);
      if (!cache.has(p)) cache.set(p, new Map());
      cache.get(p)!.set(memoKey, made);
      return made;
    },
    preparePlain(p: { style: string; runs: readonly { text: string }[] }, storyOffset: number, prefix?: { text: string }): PreparedParagraph {
      const body = p.runs.map((r) => r.text).join('');
      const pre = prefix?.text ?? '';
      const text = pre + body;
      const offsets = new Int32Array(text.length);
      for (let i = 0; i < text.length; i++) offsets[i] = i < pre.length ? -1 : storyOffset + i - pre.length;
      const m = metrics(p.style);
      const data: MonoData = { size: m.size, align: styles.get(p.style)?.align ?? 'left' };
      return { key: JSON.stringify([p.style, pre, body]), text, offsets, metrics: m, data };
    },
    generated(text: string, style, options: GeneratedOptions = {}): PreparedParagraph {
      const key = JSON.stringify(['gen', style, text, options]);
      const hit = gen.get(key);
      if (hit) return hit;
      const m = metrics(style, options.size);
      const data: MonoData = { size: m.size, align: options.align ?? 'left' };
      const made = { key, text, offsets: new Int32Array(text.length).fill(-1), metrics: m, data };
      gen.set(key, made);
      return made;
    },
    compose(p, w, from): FlowComposed {
      const { size, align } = p.data as MonoData;
      const width = typeof w === 'number' ? () => w : w;
      const lines: FlowLine[] = [];
      let i = from;
      while (i < p.text.length) {
        const n = Math.max(1, Math.floor(width(lines.length) / size + 1e-9));
        const end = Math.min(p.text.length, i + n);
        const w = (end - i) * size;
        const x = align === 'right' ? width(lines.length) - w : align === 'center' ? (width(lines.length) - w) / 2 : 0;
        const glyphs = [];
        for (let j = i; j < end; j++) glyphs.push({ id: p.text.charCodeAt(j), x: x + (j - i) * size, y: 0, advance: size, text: p.text[j]!, offset: p.offsets[j]! });
        lines.push({ start: i, end, x, width: w, ascent: size * 0.88, descent: size * 0.12, leading: p.metrics.leading, hyphen: false, last: end === p.text.length, runs: [{ face: 'mono', size, overprint: true, glyphs }] });
        i = end;
      }
      return { lines, missing: [] };
    },
  };
}

/** A minimal valid document around the given parts (defaults filled by the schema). */
export function makeDoc(parts: Partial<IssueDocumentInput> & Pick<IssueDocumentInput, 'frames' | 'stories'>): IssueDocument {
  const input: IssueDocumentInput = {
    format: 'broadsheet',
    version: 1,
    issue: { paper: '测试报', date: '2021-07-09', lang: 'zh-Hans', jumps: { to: '（下转第{page}版）', from: '（上接第{page}版）' } },
    templates: [
      {
        id: 't',
        name: 'test',
        trim: { width: 300, height: 400 },
        margins: { top: 20, right: 20, bottom: 20, left: 20 },
        columns: 2,
        gutter: 10,
        grid: { kind: 'character', size: 10, leading: 15 },
        folios: [],
      },
    ],
    pages: [
      { id: 'p1', template: 't' },
      { id: 'p2', template: 't' },
    ],
    paragraphStyles: [{ id: 'body', name: 'Body', size: 10, leading: 15 }],
    ...parts,
  } as IssueDocumentInput;
  return schemas.IssueDocument.parse(input);
}

/** Paragraphs of a story from plain strings (one run each, style "body"). */
export function paras(...texts: string[]): { style: string; runs: { text: string }[] }[] {
  return texts.map((t) => ({ style: 'body', runs: [{ text: t }] }));
}
