/** Properties panel, text frames: columns, gutter, insets, vertical alignment, balance. */
import type { TextFrame } from '../../../engine/model/types';
import type { Editor } from '../../editor';
import { formatLength } from '../format';
import { setProps } from './apply';
import { Field } from './Field';
import { parseColumns, parseNonNegativeLength } from './parse';

type Side = 'top' | 'right' | 'bottom' | 'left';
const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];
const VALIGN: readonly TextFrame['valign'][] = ['top', 'center', 'bottom', 'justify'];

export function TextFrameProps({ editor, frame, unit }: { editor: Editor; frame: TextFrame; unit: 'mm' | 'pt' }) {
  const h = editor.history;
  return (
    <fieldset className="props-section" data-testid="props-text">
      <legend>Text frame</legend>
      <Field id="columns" label="Columns" shown={String(frame.columns)} parse={parseColumns} apply={(v) => setProps(h, frame.id, { columns: v })} />
      <Field
        id="gutter"
        label={`Gutter (${unit})`}
        shown={formatLength(frame.gutter, unit)}
        parse={(t) => parseNonNegativeLength(t, unit, 'Gutter')}
        apply={(v) => setProps(h, frame.id, { gutter: v })}
      />
      <div className="props-insets">
        Insets ({unit})
        {SIDES.map((s) => (
          <Field
            key={s}
            id={`inset-${s}`}
            label={s[0]!.toUpperCase()}
            shown={formatLength(frame.insets[s], unit)}
            parse={(t) => parseNonNegativeLength(t, unit, `The ${s} inset`)}
            apply={(v) => setProps(h, frame.id, { insets: { ...frame.insets, [s]: v } })}
          />
        ))}
      </div>
      <label>
        Vertical align
        <select data-testid="prop-valign" value={frame.valign} onChange={(e) => setProps(h, frame.id, { valign: e.currentTarget.value as TextFrame['valign'] })}>
          {VALIGN.map((v) => (
            <option key={v} value={v}>
              {v === 'center' ? 'centre' : v}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="prop-balance" checked={frame.balance} onChange={(e) => setProps(h, frame.id, { balance: e.currentTarget.checked })} />
        Balance columns
      </label>
    </fieldset>
  );
}
