/** Caret placement for the text tool: page point → story offset through the layout's hit-testing. */
import { hitTest } from '../../engine/display/hittest';
import { storyOfFrame } from '../../engine/edit';
import type { ToolMachine, TextSelection } from './machine';
import { framesAt } from './hit';

/** The text frame under (x, y) and the caret there (offset 0 in a frame without text or layout). */
export function caretAt(m: ToolMachine, x: number, y: number): TextSelection | null {
  const page = m.host.page();
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
