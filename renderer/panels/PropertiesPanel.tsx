/**
 * Properties of the selected frame: geometry in mm or pt (editable: Enter or leaving the field
 * applies it as a document change), and per kind (props/): text frames' columns, gutter,
 * insets, vertical alignment and balance; images' link, fit, zoom and Reset; every frame's wrap.
 */
import { produce } from 'immer';
import type { Editor } from '../editor';
import { store, useStore } from '../store/store';
import { formatLength, parseLengthIn } from './format';
import { ImageProps } from './props/ImageProps';
import { TextFrameProps } from './props/TextFrameProps';
import { WrapProps } from './props/WrapProps';

type Geo = 'x' | 'y' | 'width' | 'height';

export function PropertiesPanel({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const sel = useStore((s) => s.session.selection);
  const unit = useStore((s) => s.session.units);
  if (!doc) return null;
  const frame = sel ? doc.frames.find((f) => f.id === sel.frame) : undefined;
  if (!frame) return <p data-testid="properties-panel">Nothing selected. Click a frame on the page.</p>;
  const setGeo = (key: Geo, text: string) => {
    const v = parseLengthIn(text, unit);
    if (v === undefined || ((key === 'width' || key === 'height') && v <= 0)) return;
    editor.change(
      produce(doc, (d) => {
        const f = d.frames.find((x) => x.id === frame.id);
        if (f) f[key] = v;
      }),
    );
  };
  const field = (key: Geo, label: string) => (
    <label key={`${frame.id}-${key}-${unit}-${frame[key]}`}>
      {label}
      <input
        defaultValue={formatLength(frame[key], unit)}
        data-testid={`prop-${key}`}
        onBlur={(e) => setGeo(key, e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && setGeo(key, e.currentTarget.value)}
      />
    </label>
  );
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
      <div className="geo">
        {field('x', 'X')}
        {field('y', 'Y')}
        {field('width', 'W')}
        {field('height', 'H')}
      </div>
      {frame.kind === 'text' && <TextFrameProps editor={editor} frame={frame} unit={unit} />}
      {frame.kind === 'image' && <ImageProps editor={editor} frame={frame} />}
      <WrapProps editor={editor} frame={frame} unit={unit} />
      <dl>
        <dt>Article</dt>
        <dd>{frame.article ?? '—'}</dd>
        <dt>Locked</dt>
        <dd>{frame.locked ? 'yes' : 'no'}</dd>
      </dl>
    </div>
  );
}
