/** Properties panel, any frame: text wrap (none, or around the frame's box) and its offsets. */
import type { Frame } from '../../../engine/model/types';
import type { Editor } from '../../editor';
import { formatLength } from '../format';
import { setProps } from './apply';
import { Field } from './Field';
import { parseNonNegativeLength } from './parse';

type Side = 'top' | 'right' | 'bottom' | 'left';
const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];
const ZERO = { top: 0, right: 0, bottom: 0, left: 0 };

export function WrapProps({ editor, frame, unit }: { editor: Editor; frame: Frame; unit: 'mm' | 'pt' }) {
  const h = editor.history;
  const wrap = frame.wrap ?? { mode: 'none' as const, offsets: ZERO };
  return (
    <fieldset className="props-section" data-testid="props-wrap">
      <legend>Text wrap</legend>
      <label>
        Wrap
        <select
          data-testid="prop-wrap"
          value={wrap.mode}
          onChange={(e) => setProps(h, frame.id, { wrap: { mode: e.currentTarget.value as 'none' | 'box', offsets: wrap.offsets } })}
        >
          <option value="none">none</option>
          <option value="box">around the frame</option>
        </select>
      </label>
      {wrap.mode === 'box' && (
        <div className="props-insets">
          Offsets ({unit})
          {SIDES.map((s) => (
            <Field
              key={s}
              id={`wrap-${s}`}
              label={s[0]!.toUpperCase()}
              shown={formatLength(wrap.offsets[s], unit)}
              parse={(t) => parseNonNegativeLength(t, unit, `The ${s} wrap offset`)}
              apply={(v) => setProps(h, frame.id, { wrap: { mode: wrap.mode, offsets: { ...wrap.offsets, [s]: v } } })}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
