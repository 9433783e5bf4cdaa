/**
 * Properties panel, any frame: X, Y, W, H in the panel's unit. A move or a resize, one undo
 * step each; a locked frame refuses; resizing an image frame crops (its picture stays put).
 */
import { MIN_SIDE } from '../../../engine/edit';
import type { Frame } from '../../../engine/model/types';
import type { Editor } from '../../editor';
import { useStore } from '../../store/store';
import { pictureBox } from '../../tools/image-content';
import { formatLength } from '../format';
import { setGeometry } from './apply';
import { Field } from './Field';
import { parseGeometry } from './parse';

const GEO = [
  ['x', 'X'],
  ['y', 'Y'],
  ['width', 'W'],
  ['height', 'H'],
] as const;

export function GeometryProps({ editor, frame, unit }: { editor: Editor; frame: Frame; unit: 'mm' | 'pt' }) {
  const layout = useStore((s) => s.layout);
  return (
    <div className="geo">
      {GEO.map(([key, label]) => (
        <Field
          key={key}
          id={key}
          label={label}
          shown={formatLength(frame[key], unit)}
          parse={(t) => parseGeometry(t, unit, label, key === 'width' || key === 'height' ? MIN_SIDE : undefined)}
          apply={(v) => {
            if (frame.locked) throw new Error(`frame "${frame.id}" is locked`);
            setGeometry(editor.history, frame.id, key, v, frame.kind === 'image' ? pictureBox(layout, frame, editor.tools.host.imageSize?.bind(editor.tools.host)) : null);
          }}
        />
      ))}
    </div>
  );
}
