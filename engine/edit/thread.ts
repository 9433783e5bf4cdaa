/**
 * Threading: a story flows through its frames in the order of story.frames (the thread).
 * Threading frame B after frame A inserts B right after A; if B held a story of its own, that
 * story's text is appended to A's story (as InDesign does) and the emptied story goes.
 */
import type { FrameId, StoryId } from '../model/ids';
import type { IssueDocument, Story } from '../model/types';
import type { LaidOutIssue } from '../flow/types';
import { EditError } from './errors';
import { storyOf, storyOfFrame, textFrameOf } from './find';
import { freshId, type NewId } from './ids';

/** Gives a text frame a new empty story (if it has none) and returns the story's id. */
export function ensureStory(doc: IssueDocument, frameId: string, newId: NewId, paragraphStyle?: string): StoryId {
  textFrameOf(doc, frameId);
  const s = storyOfFrame(doc, frameId);
  if (s) return s.id;
  const style = paragraphStyle ?? defaultParagraphStyle(doc);
  const id = freshId<StoryId>(doc, 'story', newId);
  doc.stories.push({ id, frames: [frameId as FrameId], paragraphs: [{ style: style as Story['paragraphs'][number]['style'], runs: [] }] });
  return id;
}

/** The style new text gets: "body" if the document has it, else its first paragraph style. */
export function defaultParagraphStyle(doc: IssueDocument): string {
  return (doc.paragraphStyles.find((s) => s.id === 'body') ?? doc.paragraphStyles[0]!).id;
}

/** Threads frame `to` right after frame `from` in from's story (the out-port → frame gesture). */
export function threadFrames(doc: IssueDocument, from: string, to: string): void {
  if (from === to) throw new EditError('a frame cannot be threaded to itself');
  textFrameOf(doc, from);
  textFrameOf(doc, to);
  const story = storyOfFrame(doc, from);
  if (!story) throw new EditError(`frame "${from}" holds no story to continue`);
  if (story.frames.includes(to as FrameId)) throw new EditError(`frame "${to}" is already in this thread`);
  const other = storyOfFrame(doc, to);
  if (other) {
    // Its text joins the end of the story; its other frames follow it in the thread.
    const own = other.paragraphs.filter((p) => p.runs.some((r) => r.text.length));
    story.paragraphs.push(...own);
    const rest = other.frames.filter((f) => f !== to);
    doc.stories = doc.stories.filter((s) => s.id !== other.id);
    for (const a of doc.articles) if (a.body === other.id) a.body = story.id;
    const at = story.frames.indexOf(from as FrameId) + 1;
    story.frames.splice(at, 0, to as FrameId, ...rest);
    return;
  }
  story.frames.splice(story.frames.indexOf(from as FrameId) + 1, 0, to as FrameId);
}

/**
 * Takes a frame out of its thread (the story flows past it); the frame keeps no text.
 * The story stays even with no frames left (its text is then all overset).
 */
export function unthreadFrame(doc: IssueDocument, frameId: string): void {
  const story = storyOfFrame(doc, frameId);
  if (!story) return;
  story.frames = story.frames.filter((f) => f !== frameId);
}

/** Breaks the thread after `frameId`: the frames after it leave the story (they become empty). */
export function breakThreadAfter(doc: IssueDocument, frameId: string): string[] {
  const story = storyOfFrame(doc, frameId);
  if (!story) return [];
  const i = story.frames.indexOf(frameId as FrameId);
  return story.frames.splice(i + 1).map(String);
}

/** The thread a frame is in: its story and its position there (null if it has no story). */
export function threadOf(doc: IssueDocument, frameId: string): { story: StoryId; index: number; frames: FrameId[] } | null {
  const s = storyOfFrame(doc, frameId);
  return s ? { story: s.id, index: s.frames.indexOf(frameId as FrameId), frames: [...s.frames] } : null;
}

/** Overset characters of a story in a layout (0 when it all fits or is unknown). */
export function oversetOf(layout: LaidOutIssue, story: string): number {
  return layout.stories.find((s) => s.id === story)?.overset ?? 0;
}

/** The frames that show the overset mark (red plus): the last frame of each overset story. */
export function oversetFrames(doc: IssueDocument, layout: LaidOutIssue): { frame: string; story: string; chars: number }[] {
  const out: { frame: string; story: string; chars: number }[] = [];
  for (const r of layout.stories) {
    if (r.overset <= 0) continue;
    const s = doc.stories.find((x) => x.id === r.id);
    const last = s?.frames[s.frames.length - 1];
    if (last) out.push({ frame: last, story: r.id, chars: r.overset });
  }
  return out;
}

/** Checks a story exists (for callers that thread by story id). */
export function requireStory(doc: IssueDocument, id: string): Story {
  return storyOf(doc, id);
}
