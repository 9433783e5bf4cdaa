/**
 * The command palette and Quick Apply (Cmd/Ctrl+Enter, as InDesign's Quick Apply): a filter
 * field over every enabled command (COMMANDS, with their groups and shortcuts) and the open
 * document's paragraph and character styles. Up/Down pick, Enter runs, Escape closes. Styles
 * apply to the text caret's paragraphs or selection, or to the stories of selected frames.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { COMMANDS, formatShortcut, searchCommands, type Command } from '../commands';
import { styleCommands } from '../commands/styles';
import type { Editor } from '../editor';
import { commandContext, commandState, platform } from '../shortcuts';
import { store, useStore } from '../store/store';
import { textUi, useTextUi } from './ui';

/** Gives the keyboard back to the canvas's caret field when the Type tool has a caret. */
function refocusCaret(editor: Editor): void {
  if (editor.tools.path === 'text.editing') document.querySelector<HTMLTextAreaElement>('[data-testid=text-input]')?.focus({ preventScroll: true });
}

/** The palette (rendered while open). */
export function CommandPalette({ editor }: { editor: Editor }) {
  const open = useTextUi((s) => s.palette);
  if (!open) return null;
  return <PaletteBody editor={editor} />;
}

function PaletteBody({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const items = useMemo(() => {
    const all: Command[] = [...COMMANDS.filter((c) => c.name !== 'edit.quickApply'), ...(doc ? styleCommands(doc, editor.tools) : [])];
    return searchCommands(query, commandState(editor), all);
  }, [query, doc, editor]);
  const close = () => {
    textUi.set({ palette: false });
    refocusCaret(editor);
  };
  const run = (c: Command | undefined) => {
    if (!c) return;
    textUi.set({ palette: false });
    try {
      c.perform(commandContext(editor));
    } catch (err) {
      store.session({ error: `${c.label}: ${err instanceof Error ? err.message : String(err)}` });
    }
    refocusCaret(editor);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') run(items[Math.min(active, items.length - 1)]);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const p = platform();
  return (
    <div className="palette-backdrop" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-label="Commands and Quick Apply" data-testid="palette">
        <input
          ref={input}
          data-testid="palette-input"
          placeholder="Type a command or a style name…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
          aria-label="Filter commands and styles"
        />
        <ul className="palette-list" role="listbox">
          {items.map((c, i) => (
            <li
              key={c.name}
              role="option"
              aria-selected={i === active}
              data-testid="palette-item"
              data-command={c.name}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => run(c)}
              onPointerEnter={() => setActive(i)}
            >
              <span className="palette-group">{c.group}</span> {c.label}
              {c.shortcut ? <kbd>{formatShortcut(c.shortcut, p)}</kbd> : null}
            </li>
          ))}
          {items.length === 0 && <li className="palette-none">No command or style matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
