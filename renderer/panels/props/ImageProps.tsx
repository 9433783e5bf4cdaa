/**
 * Properties panel, image frames: the link (ImageLink: missing state, Relink…), fit (fill,
 * fit, stretch, natural size), the extra zoom in percent and Reset (no pan, no zoom). Panning
 * and cropping are canvas gestures: double-click the frame (content mode), or drag its handles.
 */
import type { ImageFrame } from '../../../engine/model/types';
import type { Editor } from '../../editor';
import { ImageLink } from '../ImageLink';
import { resetPanZoom, setFit, setZoom } from './apply';
import { Field } from './Field';
import { parseZoomPercent } from './parse';

const FITS: readonly { value: ImageFrame['fit']; label: string }[] = [
  { value: 'fill', label: 'fill frame' },
  { value: 'fit', label: 'fit in frame' },
  { value: 'stretch', label: 'stretch' },
  { value: 'none', label: 'natural size' },
];

export function ImageProps({ editor, frame }: { editor: Editor; frame: ImageFrame }) {
  const h = editor.history;
  const pct = `${Math.round(frame.scale * 1000) / 10}`;
  return (
    <fieldset className="props-section" data-testid="props-image">
      <legend>Image</legend>
      {frame.src ? <ImageLink editor={editor} frame={frame} /> : <p data-testid="prop-empty-frame">Empty frame: Place… (Cmd/Ctrl+D) puts a picture into it.</p>}
      <label>
        Fit
        <select data-testid="prop-fit" value={frame.fit} onChange={(e) => setFit(h, frame.id, e.currentTarget.value as ImageFrame['fit'])}>
          {FITS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <Field id="scale" label="Scale (%)" shown={pct} parse={parseZoomPercent} apply={(v) => setZoom(h, frame.id, v)} />
      <p className="prop-pan">
        Pan {Math.round(frame.offsetX * 10) / 10}, {Math.round(frame.offsetY * 10) / 10} pt{' '}
        <button type="button" data-testid="prop-reset-image" disabled={!frame.offsetX && !frame.offsetY && frame.scale === 1} onClick={() => resetPanZoom(h, frame.id)}>
          Reset
        </button>
      </p>
    </fieldset>
  );
}
