/**
 * The Properties tab's Arrange row: align (6), distribute (2), paint order (4), Lock and
 * Unlock all on page, as buttons running the registered object commands (renderer/objects/
 * commands.ts), each disabled when its command is; the shortcut is in the tooltip. The last
 * refusal (the tools' message) shows under the buttons.
 */
import { useEffect, useState } from 'react';
import { command, formatShortcut } from '../commands';
import type { Editor } from '../editor';
import { commandContext, commandState, platform } from '../shortcuts';
import { useStore } from '../store/store';

const GROUPS: [string, [string, string][]][] = [
  [
    'Align',
    [
      ['object.alignLeft', 'Left'],
      ['object.alignHCenter', 'Centre'],
      ['object.alignRight', 'Right'],
      ['object.alignTop', 'Top'],
      ['object.alignVCenter', 'Middle'],
      ['object.alignBottom', 'Bottom'],
    ],
  ],
  [
    'Distribute',
    [
      ['object.distributeH', '↔'],
      ['object.distributeV', '↕'],
    ],
  ],
  [
    'Arrange',
    [
      ['object.bringToFront', 'Front'],
      ['object.bringForward', 'Forward'],
      ['object.sendBackward', 'Backward'],
      ['object.sendToBack', 'Back'],
    ],
  ],
  [
    'Lock',
    [
      ['object.lock', 'Lock'],
      ['object.unlockAll', 'Unlock all'],
    ],
  ],
];

export function ArrangeBar({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const [, setTick] = useState(0);
  // The selection lives in the tools' session: re-render when it changes.
  useEffect(() => editor.tools.subscribe(() => setTick((t) => t + 1)), [editor]);
  if (!doc) return null;
  const state = commandState(editor);
  const run = (name: string) => {
    const c = command(name);
    if (c?.enabled(commandState(editor))) c.perform(commandContext(editor));
    setTick((t) => t + 1);
  };
  return (
    <div className="arrange-bar" data-testid="arrange-bar">
      {GROUPS.map(([title, buttons]) => (
        <div key={title} className="buttons">
          <small>{title}</small>
          {buttons.map(([name, text]) => {
            const c = command(name)!;
            return (
              <button
                key={name}
                type="button"
                data-testid={`arrange-${name.split('.')[1]}`}
                title={
                  c.shortcut ? `${c.label} (${formatShortcut(c.shortcut, platform())})` : c.label
                }
                disabled={!c.enabled(state)}
                onClick={() => run(name)}
              >
                {text}
              </button>
            );
          })}
        </div>
      ))}
      {editor.tools.session.message && <p className="message">{editor.tools.session.message}</p>}
    </div>
  );
}
