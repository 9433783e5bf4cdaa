/**
 * Threading (InDesign): click a text frame's out-port (select.idle sends us here with the
 * source), then click the frame the story should flow into. The thread tool also lets the
 * first click pick the source anywhere on a text frame. Escape cancels; threading is one step.
 */
import { threadFrames, ensureStory, storyOfFrame } from '../../engine/edit';
import { scratch, type ToolState } from './state';
import { framesAt } from './hit';

const gesture = scratch(() => ({ source: '', returnTo: 'select.idle' }));

/** thread.idle: the thread tool waiting for its source frame. */
export const threadIdle: ToolState = {
  path: 'thread.idle',
  handle(m, e) {
    if (e.type === 'pointer_down') {
      const f = framesAt(m.doc, m.host.page(), e.x, e.y).find((x) => x.kind === 'text');
      if (f) m.transition('thread.picking', { source: f.id, returnTo: 'thread.idle' });
    } else if (e.type === 'key_down' && e.key === 'Escape') m.transition('select.idle');
  },
};

/** thread.picking: the source is chosen (the cursor shows loaded text); the next click picks the target. */
export const threadPicking: ToolState = {
  path: 'thread.picking',
  enter(m, i) {
    gesture(m).source = i['source'] as string;
    gesture(m).returnTo = (i['returnTo'] as string | undefined) ?? 'select.idle';
  },
  handle(m, e) {
    const { source, returnTo } = gesture(m);
    if (e.type === 'pointer_down') {
      const target = framesAt(m.doc, m.host.page(), e.x, e.y).find((x) => x.kind === 'text' && x.id !== source);
      if (!target) {
        m.session.message = 'Click a text frame to continue the story in';
        return;
      }
      m.host.history.change((d) => {
        if (!storyOfFrame(d, source)) ensureStory(d, source, m.host.newId);
        threadFrames(d, source, target.id);
      });
      m.select([target.id]);
      m.transition(returnTo);
      return;
    }
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) m.transition(returnTo);
  },
};
