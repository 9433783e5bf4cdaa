/**
 * The link of an image frame in the properties panel: the file it links, whether that file is
 * missing (the canvas draws a crossed box for it), and Relink… (a file dialog; every frame that
 * uses the same link follows, one undo step).
 */
import type { ImageFrame } from '../../engine/model/types';
import type { Editor } from '../editor';
import { relink } from '../place/place';
import { useStore } from '../store/store';

export function ImageLink({ editor, frame }: { editor: Editor; frame: ImageFrame }) {
  // Re-render after each layout: a relink that restores the same file changes no record.
  useStore((s) => s.layout);
  const busy = useStore((s) => s.session.busy !== null);
  const missing = editor.images.missing(frame.src);
  const users = useStore((s) => s.document?.doc.frames.filter((f) => f.kind === 'image' && f.src === frame.src).length ?? 0);
  return (
    <div className="image-link" data-testid="image-link" data-missing={missing ? 'true' : 'false'}>
      <span className={missing ? 'link-missing' : 'link-ok'} title={frame.src}>
        {missing ? 'Missing: ' : 'Linked: '}
        {frame.src}
        {users > 1 ? ` (${users} frames)` : ''}
      </span>
      <button type="button" data-testid="relink" disabled={busy} onClick={() => void relink(editor, frame.id)}>
        Relink…
      </button>
    </div>
  );
}
