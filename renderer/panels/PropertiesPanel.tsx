/**
 * Properties of the selected frame (sections in props/; Enter or leaving a field applies it as
 * one undo step, a bad value shows a message): geometry in mm or pt (resizing an image crops),
 * and per kind: text frames' columns, gutter,
 * insets, vertical alignment and balance; images' link, fit, zoom and Reset; every frame's wrap.
 */
import type { Editor } from '../editor';
import { store, useStore } from '../store/store';
import { GeometryProps } from './props/GeometryProps';
import { ImageProps } from './props/ImageProps';
import { TextFrameProps } from './props/TextFrameProps';
import { WrapProps } from './props/WrapProps';

export function PropertiesPanel({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const sel = useStore((s) => s.session.selection);
  const unit = useStore((s) => s.session.units);
  if (!doc) return null;
  const frame = sel ? doc.frames.find((f) => f.id === sel.frame) : undefined;
  if (!frame) return <p data-testid="properties-panel">Nothing selected. Click a frame on the page.</p>;
  return (
    <div className="properties" data-testid="properties-panel" data-frame={frame.id}>
      <h4>
        {frame.kind} frame <small>{frame.id}</small>
      </h4>
      <div className="unit-toggle">
        {(['mm', 'pt'] as const).map((u) => (
          <button key={u} type="button" aria-pressed={unit === u} onClick={() => store.session({ units: u })}>
            {u}
          </button>
        ))}
      </div>
      <GeometryProps key={`geo-${frame.id}`} editor={editor} frame={frame} unit={unit} />
      {frame.kind === 'text' && <TextFrameProps key={`text-${frame.id}`} editor={editor} frame={frame} unit={unit} />}
      {frame.kind === 'image' && <ImageProps key={`image-${frame.id}`} editor={editor} frame={frame} />}
      <WrapProps key={`wrap-${frame.id}`} editor={editor} frame={frame} unit={unit} />
      <dl>
        <dt>Article</dt>
        <dd>{frame.article ?? '—'}</dd>
        <dt>Locked</dt>
        <dd>{frame.locked ? 'yes' : 'no'}</dd>
      </dl>
    </div>
  );
}
