/** Every tool state by path. */
import type { ToolState } from './state';
import { selectIdle } from './select-idle';
import { selectPointing } from './select-pointing';
import { selectTranslating } from './select-translating';
import { selectResizing } from './select-resizing';
import { selectBrushing } from './select-brushing';
import { textIdle } from './text-idle';
import { textEditing } from './text-editing';
import { DRAW_STATES } from './draw-states';
import { threadIdle, threadPicking } from './thread-states';
import { articleIdle, articlePlacing } from './article-place';
import { selectContent } from './select-content';
import { selectPanning } from './select-panning';

/** The states, keyed by path ("select.idle", "text.editing", "box.drawing" …). */
export const STATES: Record<string, ToolState> = Object.fromEntries(
  [selectIdle, selectPointing, selectTranslating, selectResizing, selectBrushing, textIdle, textEditing, threadIdle, threadPicking, ...DRAW_STATES, articleIdle, articlePlacing, selectContent, selectPanning].map((s) => [s.path, s]),
);
