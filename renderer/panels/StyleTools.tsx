/**
 * Applying, creating and editing styles (the Styles tab, under the style lists): pick a
 * paragraph style and apply it to the caret's paragraphs (or the selected frames' stories),
 * or change its size, leading, fonts, tracking, alignment and first-line indent; each change is
 * one undo step, checked by engine/edit/styles (a bad value is refused with its reason) and
 * reflows every story that uses the style. Character styles apply to the selected text.
 */
import { useState } from 'react';
import { applyCharacterStyle, applyParagraphStyle, createParagraphStyle, updateParagraphStyle } from '../../engine/edit';
import type { IssueDocument, ParagraphStyle } from '../../engine/model/types';
import { styleTargets } from '../commands/styles';
import type { Editor } from '../editor';
import { useStore } from '../store/store';

type Field = 'size' | 'leading' | 'tracking' | 'firstLineIndent' | 'cjk' | 'latin' | 'align';
const ALIGNS = ['', 'left', 'right', 'center', 'justify', 'justify-all'] as const;

/** The patch for one edited field ('' clears it: the style inherits again). */
export function stylePatch(style: ParagraphStyle, field: Field, raw: string): Partial<Omit<ParagraphStyle, 'id'>> {
  const v = raw.trim();
  if (field === 'cjk' || field === 'latin') {
    const font = { ...style.font, [field]: v || undefined };
    if (!v) delete font[field];
    return { font: Object.keys(font).length ? font : undefined };
  }
  if (field === 'align') return { align: (v || undefined) as ParagraphStyle['align'] };
  if (!v) return { [field]: undefined };
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${field}: "${raw}" is not a number`);
  return { [field]: n };
}

function fieldValue(s: ParagraphStyle, f: Field): string {
  if (f === 'cjk' || f === 'latin') return s.font?.[f] ?? '';
  const v = s[f];
  return v === undefined ? '' : String(v);
}

export function StyleTools({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const [para, setPara] = useState('');
  const [chr, setChr] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!doc) return null;
  const style = doc.paragraphStyles.find((s) => s.id === para) ?? doc.paragraphStyles[0];
  const run = (label: string, recipe: (d: IssueDocument) => void) => {
    try {
      editor.history.change(recipe);
      setMessage(null);
    } catch (err) {
      setMessage(`${label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const targets = () => styleTargets(editor.history.current, editor.tools);
  const applyPara = () => {
    const ts = targets();
    if (!ts.length || !style) return setMessage('Click into a story with the Type tool, or select text frames, to apply a style.');
    run('Apply', (d) => ts.forEach((t) => applyParagraphStyle(d, t.story, t.start, t.end, style.id)));
  };
  const applyChar = (id: string | null) => {
    const ts = targets().filter((t) => t.end > t.start);
    if (!ts.length) return setMessage('Select some text with the Type tool to apply a character style.');
    run('Apply', (d) => ts.forEach((t) => applyCharacterStyle(d, t.story, t.start, t.end, id)));
  };
  const edit = (f: Field, raw: string) => {
    if (!style || raw === fieldValue(style, f)) return;
    try {
      const patch = stylePatch(style, f, raw);
      run(`Style "${style.name}"`, (d) => updateParagraphStyle(d, style.id, patch));
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const create = () => {
    if (!style || !name.trim()) return setMessage('Give the new style a name.');
    let id = '';
    run('New style', (d) => {
      id = createParagraphStyle(d, { name: name.trim(), basedOn: style.id }, editor.tools.host.newId);
    });
    if (id) {
      setPara(id);
      setName('');
    }
  };
  const numberField = (f: Field, label: string, unit: string) => (
    <label key={`${style?.id}-${f}`}>
      {label}
      <input data-testid={`style-${f}`} defaultValue={style ? fieldValue(style, f) : ''} onBlur={(e) => edit(f, e.target.value)} onKeyDown={(e) => e.key === 'Enter' && edit(f, e.currentTarget.value)} />
      <small>{unit}</small>
    </label>
  );
  return (
    <div className="style-tools" data-testid="style-tools">
      <h4>Apply and edit</h4>
      <div className="row">
        <select data-testid="paragraph-style-select" value={style?.id ?? ''} onChange={(e) => setPara(e.target.value)} aria-label="Paragraph style">
          {doc.paragraphStyles.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" data-testid="apply-paragraph-style" onClick={applyPara}>
          Apply
        </button>
      </div>
      {style && (
        <div className="style-fields" key={style.id + JSON.stringify(style)}>
          {numberField('size', 'Size', 'pt')}
          {numberField('leading', 'Leading', 'pt')}
          {numberField('tracking', 'Tracking', '/1000 em')}
          {numberField('firstLineIndent', 'Indent', 'em')}
          {numberField('cjk', 'CJK font', '')}
          {numberField('latin', 'Latin font', '')}
          <label>
            Align
            <select data-testid="style-align" value={style.align ?? ''} onChange={(e) => edit('align', e.target.value)}>
              {ALIGNS.map((a) => (
                <option key={a} value={a}>
                  {a || '(inherit)'}
                </option>
              ))}
            </select>
          </label>
          <small>{style.basedOn ? `based on ${doc.paragraphStyles.find((s) => s.id === style.basedOn)?.name ?? style.basedOn}; empty fields inherit` : 'empty fields take the defaults'}</small>
        </div>
      )}
      <div className="row">
        <input data-testid="new-style-name" placeholder="New style name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" onClick={create}>
          New, based on this
        </button>
      </div>
      <div className="row">
        <select data-testid="character-style-select" value={chr} onChange={(e) => setChr(e.target.value)} aria-label="Character style">
          <option value="">(no character style)</option>
          {doc.characterStyles.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => applyChar(chr || null)}>
          Apply to selection
        </button>
      </div>
      {message && (
        <p className="error" data-testid="style-message">
          {message}
        </p>
      )}
    </div>
  );
}
