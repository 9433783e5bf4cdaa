/**
 * Properties of the selected frame: geometry in mm or pt (editable: Enter or leaving the field
 * applies it as a document change), and per kind: columns, gutter, wrap, fit.
 */
import { produce } from 'immer';
import type { Editor } from '../editor';
import { store, useStore } from '../store/store';
import { formatLength, parseLengthIn } from './format';
import { ImageLink } from './ImageLink';

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
      {frame.kind === 'text' && (
        <dl>
          <dt>Columns</dt>
          <dd>{frame.columns}</dd>
          <dt>Gutter</dt>
          <dd>
            {formatLength(frame.gutter, unit)} {unit}
          </dd>
          <dt>Balance</dt>
          <dd>{frame.balance ? 'yes' : 'no'}</dd>
        </dl>
      )}
      {frame.kind === 'image' && <ImageLink editor={editor} frame={frame} />}
      {frame.kind === 'image' && (
        <dl>
          <dt>Image</dt>
          <dd>{frame.src}</dd>
          <dt>Fit</dt>
          <dd>{frame.fit}</dd>
          <dt>Scale</dt>
          <dd>{Math.round(frame.scale * 100)} %</dd>
        </dl>
      )}
      <dl>
        <dt>Wrap</dt>
        <dd>{frame.wrap?.mode ?? 'none'}</dd>
        <dt>Article</dt>
        <dd>{frame.article ?? '—'}</dd>
        <dt>Locked</dt>
        <dd>{frame.locked ? 'yes' : 'no'}</dd>
      </dl>
    </div>
  );
}
