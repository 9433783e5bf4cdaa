/** Caret placement for the text tool: page point → story offset through the layout's hit-testing. */
import { hitTest } from '../../engine/display/hittest';
import { storyOfFrame } from '../../engine/edit';
import type { ToolMachine, TextSelection } from './machine';
import { framesAt } from './hit';

/** The text frame under (x, y) and the caret there (offset 0 in a frame without text or layout). */
export function caretAt(m: ToolMachine, x: number, y: number): TextSelection | null {
  const page = m.host.page();
  const caption = captionCaretAt(m, page, x, y);
  if (caption) return caption;
  const frame = framesAt(m.doc, page, x, y).find((f) => f.kind === 'text');
  if (!frame) return null;
  const story = storyOfFrame(m.doc, frame.id);
  let offset = 0;
  const layout = m.host.layout();
  const lp = layout?.pages.find((p) => p.id === page);
  if (story && lp) {
    const hit = hitTest(lp, x, y);
    if (hit && 'story' in hit && hit.story === story.id) offset = hit.offset;
    else {
      // A click in the frame below its last line: the caret goes after that frame's text.
      const lines = lp.frames.filter((f) => f.source === frame.id && f.role === 'frame').flatMap((f) => f.lines).filter((l) => l.story === story.id && l.end >= 0);
      offset = lines.length ? lines[lines.length - 1]!.end : 0;
    }
  }
  // Lines with no source text (an empty paragraph) carry -1: the caret then sits at 0.
  offset = Math.max(0, offset);
  return { story: story?.id ?? '', frame: frame.id, anchor: offset, focus: offset };
}

/**
 * A caret in an image's caption under (x, y): captions are stories set in a frame bound to
 * the image (below, above or beside it), so the caret's frame is the image frame.
 */
function captionCaretAt(m: ToolMachine, page: string, x: number, y: number): TextSelection | null {
  const lp = m.host.layout()?.pages.find((p) => p.id === page);
  const box = lp?.frames.find((f) => f.role === 'caption' && x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height);
  if (!lp || !box?.source) return null;
  const image = m.doc.frames.find((f) => f.id === box.source);
  if (image?.kind !== 'image' || !image.caption) return null;
  const story = image.caption.story as string;
  const hit = hitTest(lp, x, y);
  const lines = box.lines.filter((l) => l.story === story && l.end >= 0);
  const offset = hit && 'story' in hit && hit.story === story ? hit.offset : lines.length ? lines[lines.length - 1]!.end : 0;
  return { story, frame: image.id, anchor: Math.max(0, offset), focus: Math.max(0, offset) };
}
