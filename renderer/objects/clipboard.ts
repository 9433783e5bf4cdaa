/**
 * The editor's own clipboard for frames: one module-level Clip (engine/edit/clipboard), shared by
 * every page and every document opened in this window, so copy on page 1 and paste on page 2
 * works. The system clipboard is not used (text copy/paste in the Type tool keeps the
 * textarea's own). The clip is plain JSON, a deep copy taken at copy time.
 */
import type { Clip } from '../../engine/edit';

let clip: Clip | null = null;

/** The frames last copied or cut, or null. */
export function currentClip(): Clip | null {
  return clip;
}

/** Replaces the clip (null empties it). */
export function setClip(next: Clip | null): void {
  clip = next && next.frames.length ? next : null;
}

/** Whether there is something to paste. */
export function hasClip(): boolean {
  return clip !== null;
}
