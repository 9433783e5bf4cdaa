/**
 * The object commands' work over the tool machine and its history (no store, no DOM, so the
 * scripted tests run it in Node): align, distribute, z-order, lock, unlock all on the page,
 * delete, duplicate, copy, cut, paste and paste in place. Each document change is one history
 * step; a refusal throws EditError before anything is recorded (the command turns it into
 * the tools' message).
 */
import {
  breakThreadAfter,
  threadOf,
  unthreadFrame,
  EditError,
  alignFrames,
  copyFrames,
  deleteFrames,
  distributeFrames,
  duplicateFrames,
  pasteClip,
  reorderFrames,
  round2,
  setLocked,
  type AlignEdge,
  type Clip,
  type ZMove,
} from '../../engine/edit';
import type { ToolMachine } from '../tools';
import { currentClip, setClip } from './clipboard';

/** The step between repeated pastes onto the page the frames came from (as Duplicate). */
export const PASTE_STEP = 9;

/**
 * The selected frames on the current page (a selection made on another page and left there
 * when the user paged on is not acted on unseen); at least `least` of them, else EditError.
 */
function selected(tools: ToolMachine, least = 1): string[] {
  const page = tools.host.page();
  const want = new Set(tools.session.selection);
  const sel = tools.doc.frames
    .filter((f) => want.has(f.id) && f.page === page)
    .map((f) => f.id as string);
  if (sel.length < least)
    throw new EditError(
      least === 1
        ? 'select a frame on this page first'
        : `select at least ${least} frames on this page`,
    );
  return sel;
}

/** Aligns the selected frames (2 or more) to an edge or centre of their bounds. */
export function alignSelection(tools: ToolMachine, edge: AlignEdge): void {
  const sel = selected(tools, 2);
  tools.host.history.change((d) => alignFrames(d, sel, edge));
}

/** Distributes the selected frames (3 or more) with equal gaps along an axis. */
export function distributeSelection(tools: ToolMachine, axis: 'h' | 'v'): void {
  const sel = selected(tools, 3);
  tools.host.history.change((d) => distributeFrames(d, sel, axis));
}

/** Changes the paint order of the selected frames on their page. */
export function arrangeSelection(tools: ToolMachine, move: ZMove): void {
  const sel = selected(tools);
  tools.host.history.change((d) => reorderFrames(d, sel, move));
}

/** Locks the selected frames. */
export function lockSelection(tools: ToolMachine): void {
  const sel = selected(tools);
  tools.host.history.change((d) => setLocked(d, sel, true));
}

/** The one selected frame, which must be in a thread of two or more text frames. */
function threadedSelection(tools: ToolMachine): { frame: string; index: number; frames: string[] } {
  const sel = selected(tools);
  const t = sel.length === 1 ? threadOf(tools.doc, sel[0]!) : null;
  if (!t || t.frames.length < 2) throw new EditError('select one text frame that is threaded to another');
  return { frame: sel[0]!, index: t.index, frames: t.frames.map(String) };
}

/** Breaks the thread after the selected frame (InDesign: double-click the out-port); the frames after it become empty. */
export function breakThreadAfterSelection(tools: ToolMachine): string[] {
  const t = threadedSelection(tools);
  if (t.index === t.frames.length - 1) throw new EditError('the thread ends at this frame: nothing follows it');
  let cut: string[] = [];
  tools.host.history.change((d) => void (cut = breakThreadAfter(d, t.frame)));
  return cut;
}

/** Takes the selected frame out of its thread (InDesign: Unthread Text Frame): the story flows past it. */
export function unthreadSelection(tools: ToolMachine): void {
  const t = threadedSelection(tools);
  tools.host.history.change((d) => unthreadFrame(d, t.frame));
}

/** Unlocks every locked frame on the current page; returns their ids. */
export function unlockAllOnPage(tools: ToolMachine): string[] {
  const page = tools.host.page();
  const ids = tools.doc.frames
    .filter((f) => f.page === page && f.locked)
    .map((f) => f.id as string);
  if (!ids.length) throw new EditError('no frame on this page is locked');
  tools.host.history.change((d) => setLocked(d, ids, false));
  return ids;
}

function unlockedOf(tools: ToolMachine, ids: readonly string[], verb: string): string[] {
  const locked = new Set(tools.doc.frames.filter((f) => f.locked).map((f) => f.id as string));
  const free = ids.filter((id) => !locked.has(id));
  if (!free.length) throw new EditError(`locked frames cannot be ${verb}: unlock them first`);
  return free;
}

/** Deletes the selected frames (locked ones stay); returns the ids deleted. */
export function deleteSelection(tools: ToolMachine): string[] {
  const all = selected(tools);
  const sel = unlockedOf(tools, all, 'deleted');
  let gone: string[] = [];
  tools.host.history.change((d) => {
    gone = deleteFrames(d, sel);
  });
  tools.pruneSelection();
  if (sel.length < all.length) tools.session.message = 'locked frames were not deleted';
  return gone;
}

/** Duplicates the selected frames 9 pt down and right and selects the copies. */
export function duplicateSelection(tools: ToolMachine): string[] {
  const sel = selected(tools);
  let made: string[] = [];
  tools.host.history.change((d) => {
    made = duplicateFrames(d, sel, tools.host.newId);
  });
  tools.select(made);
  return made;
}

/** Copies the selected frames (and their stories, and whole articles for headline frames). */
export function copySelection(tools: ToolMachine): Clip {
  const clip = copyFrames(tools.doc, selected(tools));
  setClip(clip);
  return clip;
}

/** Copies the selected unlocked frames and deletes them, in one step. */
export function cutSelection(tools: ToolMachine): Clip {
  const all = selected(tools);
  const sel = unlockedOf(tools, all, 'cut');
  const clip = copyFrames(tools.doc, sel);
  tools.host.history.change((d) => void deleteFrames(d, sel));
  setClip(clip);
  tools.pruneSelection();
  if (sel.length < all.length) tools.session.message = 'locked frames were not cut';
  return clip;
}

/**
 * How far a paste onto `page` moves the clip: nothing, unless frames of the same size already
 * sit where the clip's would go (pasting again where it was copied), then 9 pt steps down and
 * right until the place is free, as InDesign's repeated paste does.
 */
export function pasteOffset(tools: ToolMachine, clip: Clip, page: string): number {
  const here = tools.doc.frames.filter((f) => f.page === page);
  const taken = (k: number) =>
    clip.frames.some((c) =>
      here.some(
        (f) =>
          f.x === round2(c.x + k) &&
          f.y === round2(c.y + k) &&
          f.width === c.width &&
          f.height === c.height,
      ),
    );
  let k = 0;
  while (k < 100 * PASTE_STEP && taken(k)) k += PASTE_STEP;
  return k;
}

/**
 * Pastes the clip onto the current page with fresh ids and selects the new frames. At the
 * copied position (a page-to-page move keeps its place); `inPlace` false steps it 9 pt when
 * pasting onto the copies' own place, `inPlace` true never moves it (Paste in Place).
 */
export function pasteToPage(tools: ToolMachine, inPlace = false): string[] {
  const clip = currentClip();
  if (!clip) throw new EditError('nothing to paste: copy or cut frames first');
  const page = tools.host.page();
  const k = inPlace ? 0 : pasteOffset(tools, clip, page);
  let made: string[] = [];
  tools.host.history.change((d) => {
    made = pasteClip(d, clip, page, tools.host.newId, { dx: k, dy: k });
  });
  tools.select(made);
  return made;
}
