/**
 * The object commands (groups Object and Edit), registered with the others in
 * commands/registry.ts: align ×6 and distribute ×2, Arrange (front, forward, backward, back),
 * Break thread / Unthread, Lock / Unlock all on page, Delete, Duplicate, Copy, Cut, Paste, Paste in Place. InDesign's
 * shortcuts where it has one. All are disabled while the Type tool has a caret, so that the
 * text field's own copy, cut and paste work there. Refusals become the tools' message.
 */
import { EditError } from '../../engine/edit';
import type { Command, CommandContext, CommandState } from '../commands/registry';
import type { ToolMachine } from '../tools';
import { hasClip } from './clipboard';
import {
  alignSelection,
  arrangeSelection,
  copySelection,
  cutSelection,
  deleteSelection,
  distributeSelection,
  duplicateSelection,
  breakThreadAfterSelection,
  lockSelection,
  unthreadSelection,
  pasteToPage,
  unlockAllOnPage,
} from './actions';

const withDoc = (s: CommandState) => s.hasDocument && !s.editingText;
const atLeast = (n: number) => (s: CommandState) => withDoc(s) && s.selection.length >= n;
const canPaste = (s: CommandState) => withDoc(s) && hasClip();

/** Runs an action; an EditError becomes the tools' message rather than an exception. */
function run(act: (t: ToolMachine) => unknown): (c: CommandContext) => void {
  return (c) => {
    c.tools.session.message = null;
    try {
      act(c.tools);
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      c.tools.session.message = err.message;
    }
  };
}

const obj = (
  name: string,
  label: string,
  enabled: Command['enabled'],
  act: (t: ToolMachine) => unknown,
  shortcut?: string,
  group: Command['group'] = 'Object',
): Command => ({
  name,
  label,
  group,
  ...(shortcut ? { shortcut } : {}),
  enabled,
  perform: run(act),
});

/** The object commands. */
export const OBJECT_COMMANDS: readonly Command[] = [
  obj('object.alignLeft', 'Align left edges', atLeast(2), (t) => alignSelection(t, 'left')),
  obj('object.alignHCenter', 'Align horizontal centres', atLeast(2), (t) =>
    alignSelection(t, 'hcenter'),
  ),
  obj('object.alignRight', 'Align right edges', atLeast(2), (t) => alignSelection(t, 'right')),
  obj('object.alignTop', 'Align top edges', atLeast(2), (t) => alignSelection(t, 'top')),
  obj('object.alignVCenter', 'Align vertical centres', atLeast(2), (t) =>
    alignSelection(t, 'vcenter'),
  ),
  obj('object.alignBottom', 'Align bottom edges', atLeast(2), (t) => alignSelection(t, 'bottom')),
  obj('object.distributeH', 'Distribute horizontal space', atLeast(3), (t) =>
    distributeSelection(t, 'h'),
  ),
  obj('object.distributeV', 'Distribute vertical space', atLeast(3), (t) =>
    distributeSelection(t, 'v'),
  ),
  obj(
    'object.bringToFront',
    'Bring to front',
    atLeast(1),
    (t) => arrangeSelection(t, 'front'),
    'Mod+Shift+]',
  ),
  obj(
    'object.bringForward',
    'Bring forward',
    atLeast(1),
    (t) => arrangeSelection(t, 'forward'),
    'Mod+]',
  ),
  obj(
    'object.sendBackward',
    'Send backward',
    atLeast(1),
    (t) => arrangeSelection(t, 'backward'),
    'Mod+[',
  ),
  obj(
    'object.sendToBack',
    'Send to back',
    atLeast(1),
    (t) => arrangeSelection(t, 'back'),
    'Mod+Shift+[',
  ),
  obj('object.breakThread', 'Break thread after this frame', atLeast(1), breakThreadAfterSelection),
  obj('object.unthread', 'Unthread text frame', atLeast(1), unthreadSelection),
  obj('object.lock', 'Lock', atLeast(1), lockSelection, 'Mod+L'),
  obj('object.unlockAll', 'Unlock all on page', withDoc, unlockAllOnPage, 'Mod+Alt+L'),
  // The Delete and Backspace keys stay the select tool's (select-idle.ts): one handler per key.
  obj('edit.delete', 'Delete', atLeast(1), deleteSelection, undefined, 'Edit'),
  obj('edit.duplicate', 'Duplicate', atLeast(1), duplicateSelection, 'Mod+Alt+Shift+D', 'Edit'),
  obj('edit.copy', 'Copy', atLeast(1), copySelection, 'Mod+C', 'Edit'),
  obj('edit.cut', 'Cut', atLeast(1), cutSelection, 'Mod+X', 'Edit'),
  obj('edit.paste', 'Paste', canPaste, (t) => pasteToPage(t, false), 'Mod+V', 'Edit'),
  obj(
    'edit.pasteInPlace',
    'Paste in place',
    canPaste,
    (t) => pasteToPage(t, true),
    'Mod+Alt+Shift+V',
    'Edit',
  ),
];
