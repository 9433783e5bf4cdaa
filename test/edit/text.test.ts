import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyCharacterStyle, applyParagraphStyle, deleteText, insertText, locate, mergeParagraphs, replaceText, splitParagraph, storyLength, storyText,
} from '../../engine/edit';
import type { IssueDocument, Story } from '../../engine/model/types';
import { findings, sample } from './support';

const story = (doc: IssueDocument, id: string): Story => doc.stories.find((s) => s.id === id)!;

function smallDoc(): IssueDocument {
  const doc = sample();
  const s = story(doc, 'changwu-body');
  s.paragraphs = [
    { style: 'body' as never, runs: [{ text: '金山' }, { text: '区委', style: 'emphasis' as never }, { text: '会议' }] },
    { style: 'brief' as never, runs: [{ text: 'Second para' }] },
  ];
  return doc;
}

describe('story text editing', () => {
  it('inserts at offsets across runs and paragraphs, continuing the style before the caret', () => {
    const doc = smallDoc();
    expect(insertText(doc, 'changwu-body', 3, '新')).toBe(4);
    expect(story(doc, 'changwu-body').paragraphs[0]!.runs).toEqual([{ text: '金山' }, { text: '区新委', style: 'emphasis' }, { text: '会议' }]);
    insertText(doc, 'changwu-body', 8, 'X');
    expect(storyText(story(doc, 'changwu-body'))).toBe('金山区新委会议\nXSecond para');
    expect(story(doc, 'changwu-body').paragraphs[1]!.runs).toEqual([{ text: 'XSecond para' }]);
  });

  it('inserted line breaks split paragraphs keeping the paragraph style', () => {
    const doc = smallDoc();
    const caret = insertText(doc, 'changwu-body', 2, 'A\nB\r\nC');
    expect(caret).toBe(7);
    const s = story(doc, 'changwu-body');
    expect(storyText(s)).toBe('金山A\nB\nC区委会议\nSecond para');
    expect(s.paragraphs.map((p) => p.style)).toEqual(['body', 'body', 'body', 'brief']);
  });

  it('deletes across paragraphs (the first keeps its style) and merges/splits paragraphs', () => {
    const doc = smallDoc();
    deleteText(doc, 'changwu-body', 4, 10);
    const s = story(doc, 'changwu-body');
    expect(storyText(s)).toBe('金山区委ond para');
    expect(s.paragraphs).toHaveLength(1);
    expect(s.paragraphs[0]!.style).toBe('body');
    expect(splitParagraph(doc, 'changwu-body', 4)).toBe(5);
    expect(storyText(s)).toBe('金山区委\nond para');
    mergeParagraphs(doc, 'changwu-body', 0);
    expect(storyText(s)).toBe('金山区委ond para');
    expect(() => mergeParagraphs(doc, 'changwu-body', 0)).toThrow('no next paragraph');
  });

  it('replaces a selection with the style of its first character', () => {
    const doc = smallDoc();
    expect(replaceText(doc, 'changwu-body', 2, 4, '党委')).toBe(4);
    expect(story(doc, 'changwu-body').paragraphs[0]!.runs).toEqual([{ text: '金山' }, { text: '党委', style: 'emphasis' }, { text: '会议' }]);
  });

  it('applies paragraph and character styles to ranges', () => {
    const doc = smallDoc();
    applyCharacterStyle(doc, 'changwu-body', 1, 9, 'byline');
    const s = story(doc, 'changwu-body');
    expect(s.paragraphs[0]!.runs).toEqual([{ text: '金' }, { text: '山区委会议', style: 'byline' }]);
    expect(s.paragraphs[1]!.runs).toEqual([{ text: 'Se', style: 'byline' }, { text: 'cond para' }]);
    applyCharacterStyle(doc, 'changwu-body', 0, 18, null);
    expect(s.paragraphs.map((p) => p.runs)).toEqual([[{ text: '金山区委会议' }], [{ text: 'Second para' }]]);
    applyParagraphStyle(doc, 'changwu-body', 3, 8, 'crosshead');
    expect(s.paragraphs.map((p) => p.style)).toEqual(['crosshead', 'crosshead']);
    expect(() => applyParagraphStyle(doc, 'changwu-body', 0, 1, 'nope')).toThrow('no paragraph style "nope"');
    expect(() => applyCharacterStyle(doc, 'changwu-body', 0, 1, 'nope')).toThrow('no character style "nope"');
    expect(findings(doc)).toEqual([]);
  });

  it('refuses offsets outside the story, naming the story', () => {
    const doc = smallDoc();
    expect(() => insertText(doc, 'changwu-body', 99, 'x')).toThrow('past the end of story "changwu-body"');
    expect(() => deleteText(doc, 'changwu-body', -1, 2)).toThrow('changwu-body');
  });

  it('property: text edits match the same edits on a plain string', () => {
    const edit = fc.oneof(
      fc.record({ t: fc.constant('ins' as const), at: fc.nat(), text: fc.stringMatching(/^[a-z金山\n]{0,5}$/) }),
      fc.record({ t: fc.constant('del' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ t: fc.constant('style' as const), a: fc.nat(), b: fc.nat(), on: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const doc = smallDoc();
        let model = storyText(story(doc, 'changwu-body'));
        for (const e of edits) {
          const len = storyLength(story(doc, 'changwu-body'));
          expect(len).toBe(model.length);
          if (e.t === 'ins') {
            const at = e.at % (len + 1);
            insertText(doc, 'changwu-body', at, e.text);
            model = model.slice(0, at) + e.text.replace(/\r\n|\r/g, '\n') + model.slice(at);
          } else {
            const a = e.a % (len + 1);
            const b = e.b % (len + 1);
            if (e.t === 'del') {
              deleteText(doc, 'changwu-body', a, b);
              model = model.slice(0, Math.min(a, b)) + model.slice(Math.max(a, b));
            } else applyCharacterStyle(doc, 'changwu-body', a, b, e.on ? 'emphasis' : null);
          }
          const s = story(doc, 'changwu-body');
          expect(storyText(s)).toBe(model);
          // Runs stay normal: no empty runs beside others, no two neighbours with one style.
          for (const p of s.paragraphs) {
            for (let i = 1; i < p.runs.length; i++) expect(p.runs[i]!.style).not.toBe(p.runs[i - 1]!.style);
            if (p.runs.length > 1) expect(p.runs.every((r) => r.text.length > 0)).toBe(true);
          }
          if (model.length) expect(locate(s, model.length).para).toBe(s.paragraphs.length - 1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
