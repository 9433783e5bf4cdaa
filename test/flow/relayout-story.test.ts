/**
 * Relaying one story (engine/flow/relayout-story.ts), what the editor paints a keystroke with
 * before the layout worker answers: over a long run of seeded random edits to the sample's
 * stories — typing, deleting, pasting, splitting and joining paragraphs — whenever it gives a
 * layout, that layout equals the whole-issue layout of the edited document (stats aside), and
 * it gives one for nearly every edit. Run on the sample as it is and with every picture
 * wrapping text, from copies of the previous layout (as the editor has them from the worker)
 * and from its own results.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { deleteText, insertText, mergeParagraphs, splitParagraph, storyLength } from '../../engine/edit/text';
import { layoutIssue } from '../../engine/flow/layout-issue';
import { editedStory, relayoutCache, relayoutStory } from '../../engine/flow/relayout-story';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { LaidOutIssue, LayoutEnv } from '../../engine/flow/types';
import type { IssueDocument, StoryId } from '../../engine/model';
import { bundledFontBook } from '../../services/engine-host';
import { sample } from '../edit/support';
import { prng } from '../../scripts/prng';


const SNIPPETS = ['报', '道', '，', '。', '“新闻”', 'A', 'GDP 2026', '（记者 王明）', '发展改革委员会今天发布了关于推进区域协调发展的若干意见，', 'The quick brown fox jumps over the lazy dog. '];

/** Everything a layout shows (its counters aside). */
const shown = (l: LaidOutIssue) => ({ pages: l.pages, stories: l.stories, jumps: l.jumps, missing: l.missing, warnings: l.warnings });

/** The sample with every picture wrapping text (so the relayout meets exclusions). */
function wrapped(doc: IssueDocument): IssueDocument {
  return { ...doc, frames: doc.frames.map((f) => (f.kind === 'image' ? { ...f, wrap: { mode: 'box' as const, offsets: { top: 6, right: 6, bottom: 6, left: 6 } } } : f)) };
}

/** A random edit to a random story with frames or a caption; returns the new document and the story. */
function randomEdit(doc: IssueDocument, r: () => number): { next: IssueDocument; story: StoryId } {
  const captions = new Set(doc.frames.flatMap((f) => (f.kind === 'image' && f.caption ? [f.caption.story] : [])));
  const stories = doc.stories.filter((s) => s.frames.length || captions.has(s.id));
  const s = stories[Math.floor(r() * stories.length)]!;
  const len = storyLength(s);
  const at = Math.floor(r() * (len + 1));
  const pick = r();
  const next = produce(doc, (d) => {
    if (pick < 0.5) insertText(d, s.id, at, SNIPPETS[Math.floor(r() * SNIPPETS.length)]!);
    else if (pick < 0.75) {
      if (len > 0) deleteText(d, s.id, Math.max(0, at - 1 - Math.floor(r() * 6)), Math.max(1, at));
      else insertText(d, s.id, 0, '字');
    } else if (pick < 0.88) splitParagraph(d, s.id, at);
    else {
      const story = d.stories.find((x) => x.id === s.id)!;
      if (story.paragraphs.length > 1) mergeParagraphs(d, s.id, Math.floor(r() * (story.paragraphs.length - 1)));
      else insertText(d, s.id, at, '。');
    }
  });
  return { next, story: s.id };
}

describe('relaying one story', async () => {
  const book = await bundledFontBook();
  const envOf = (doc: IssueDocument): LayoutEnv => ({ typesetter: createTextTypesetter(doc, book), imageSize: () => ({ width: 800, height: 600 }) });

  for (const [name, start] of [['the sample', sample()], ['the sample with wrapping pictures', wrapped(sample())]] as const) {
    it(`equals the whole-issue layout after each of 120 random edits to ${name}`, () => {
      const r = prng(name.length * 7919);
      let doc = start;
      let full = layoutIssue(doc, envOf(doc));
      let base: LaidOutIssue = structuredClone(full);
      const cache = relayoutCache();
      let relaid = 0;
      for (let step = 0; step < 120; step++) {
        const { next, story } = randomEdit(doc, r);
        expect(editedStory(doc, next)).toBe(story);
        full = layoutIssue(next, envOf(next), full);
        const quick = relayoutStory(base, next, story, envOf(next), cache);
        if (quick) {
          relaid++;
          expect(shown(quick), `step ${step}: edit in ${story}`).toEqual(shown(full));
        }
        // The editor's next base: its own result, or (every third step, or when it had none)
        // the worker's, which arrives as a copy.
        base = quick && step % 3 !== 0 ? quick : structuredClone(full);
        doc = next;
      }
      expect(relaid).toBeGreaterThanOrEqual(110);
    });
  }

  it('keeps the records of lines before the edit and the pages the story is not on', () => {
    const doc = sample();
    const first = layoutIssue(doc, envOf(doc));
    const cache = relayoutCache();
    const warm = relayoutStory(first, doc, 'lead-body' as StoryId, envOf(doc), cache)!;
    expect(shown(warm)).toEqual(shown(first));
    const next = produce(doc, (d) => void insertText(d, 'lead-body', 600, '新'));
    const quick = relayoutStory(warm, next, 'lead-body' as StoryId, envOf(next), cache)!;
    const lines = (l: LaidOutIssue) => l.pages.flatMap((p) => p.frames.flatMap((f) => f.lines)).filter((x) => x.story === 'lead-body');
    const before = lines(warm).filter((l) => l.end <= 550);
    expect(before.length).toBeGreaterThan(5);
    for (const l of before) expect(lines(quick)).toContain(l);
    // Other stories' frames are the very same objects.
    const others = (l: LaidOutIssue) => l.pages.flatMap((p) => p.frames.filter((f) => f.story && f.story !== 'lead-body'));
    others(quick).forEach((f, i) => expect(f).toBe(others(warm)[i]));
  });

  it('reports a character no font has at its story offset, also after text is typed before its paragraph', () => {
    const doc = sample();
    const lead = doc.stories.find((s) => s.id === 'lead-body')!;
    const third = lead.paragraphs.slice(0, 2).reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.length, 0) + 1, 0);
    const withMissing = produce(doc, (d) => void insertText(d, 'lead-body', third + 4, '\uE000'));
    const first = layoutIssue(withMissing, envOf(withMissing));
    expect(first.missing.filter((m) => m.story === 'lead-body')).toEqual([{ story: 'lead-body', offset: third + 4, char: '\uE000' }]);
    const typed = produce(withMissing, (d) => void insertText(d, 'lead-body', 2, '新闻'));
    const again = layoutIssue(typed, envOf(typed), first);
    expect(again.missing.filter((m) => m.story === 'lead-body')).toEqual([{ story: 'lead-body', offset: third + 6, char: '\uE000' }]);
    expect(shown(relayoutStory(first, typed, 'lead-body' as StoryId, envOf(typed), relayoutCache())!)).toEqual(shown(again));
  });

  it('relays a caption while its box stays, and answers null when the box grows (it moves the wrap of the picture)', () => {
    const doc = wrapped(sample());
    const first = layoutIssue(doc, envOf(doc));
    const image = doc.frames.find((f) => f.kind === 'image' && f.caption)!;
    const story = (image.kind === 'image' && image.caption!.story) as StoryId;
    const typed = produce(doc, (d) => void insertText(d, story, 0, '图'));
    expect(editedStory(doc, typed)).toBe(story);
    const quick = relayoutStory(first, typed, story, envOf(typed), relayoutCache());
    expect(quick).not.toBeNull();
    expect(shown(quick!)).toEqual(shown(layoutIssue(typed, envOf(typed))));
    const longer = produce(doc, (d) => void insertText(d, story, 0, '本报记者摄影报道：金山区今年以来持续推进城市更新与乡村振兴，'.repeat(3)));
    expect(relayoutStory(first, longer, story, envOf(longer), relayoutCache())).toBeNull();
  });

  it('flows a caption clear of the pictures placed before its own only (as the whole-issue layout does)', () => {
    const base = wrapped(sample());
    const image = base.frames.find((f) => f.kind === 'image' && f.caption)!;
    const story = (image.kind === 'image' && image.caption!.story) as StoryId;
    const cap = layoutIssue(base, envOf(base)).pages.flatMap((p) => p.frames).find((f) => f.id === `${image.id}~caption`)!;
    // A later picture (in document order) wrapping across the caption's start.
    const later = base.frames.find((f) => f.kind === 'image' && f.page === image.page && base.frames.indexOf(f) > base.frames.indexOf(image))!;
    const doc = produce(base, (d) => {
      const f = d.frames.find((x) => x.id === later.id)!;
      f.x = cap.x - 60;
      f.y = cap.y - 4;
    });
    const first = layoutIssue(doc, envOf(doc));
    const typed = produce(doc, (d) => void insertText(d, story, 1, '摄'));
    const quick = relayoutStory(first, typed, story, envOf(typed), relayoutCache());
    expect(quick).not.toBeNull();
    expect(shown(quick!)).toEqual(shown(layoutIssue(typed, envOf(typed))));
  });

  it('finds the one edited story, and nothing when anything else changed', () => {
    const doc = sample();
    const typed = produce(doc, (d) => void insertText(d, 'lead-body', 3, '字'));
    expect(editedStory(doc, typed)).toBe('lead-body');
    expect(editedStory(doc, doc)).toBeNull();
    const moved = produce(typed, (d) => void (d.frames[0]!.x += 1));
    expect(editedStory(doc, moved)).toBeNull();
    const two = produce(typed, (d) => void insertText(d, 'quanqu-body', 0, '字'));
    expect(editedStory(doc, two)).toBeNull();
    const retargeted = produce(doc, (d) => void d.stories.find((s) => s.id === 'lead-body')!.frames.pop());
    expect(editedStory(doc, retargeted)).toBeNull();
  });
});
