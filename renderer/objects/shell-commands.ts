/**
 * The object commands for the desktop menu (renderer/host/shell.ts): every object command by
 * its registry name, plus the names the menu already sends (main/menu-template.ts):
 * `edit.delete`, `layout.bringToFront`, `layout.sendToBack`, and `layout.toggleLock` (locks the
 * selection, or unlocks the page when everything selected is already locked). A command that
 * is disabled does nothing, as its shortcut would.
 */
import { command } from '../commands';
import type { Editor } from '../editor';
import { commandContext, commandState } from '../shortcuts';
import { OBJECT_COMMANDS } from './commands';

function runner(editor: Editor, name: string): () => void {
  return () => {
    const c = command(name);
    if (c?.enabled(commandState(editor))) c.perform(commandContext(editor));
  };
}

/** Menu command name → action. */
export function objectShellCommands(editor: Editor): Record<string, () => void> {
  const out: Record<string, () => void> = Object.fromEntries(
    OBJECT_COMMANDS.map((c) => [c.name, runner(editor, c.name)]),
  );
  out['layout.bringToFront'] = runner(editor, 'object.bringToFront');
  out['layout.sendToBack'] = runner(editor, 'object.sendToBack');
  out['layout.toggleLock'] = () => {
    const sel = new Set(editor.tools.session.selection);
    const anyUnlocked = editor.tools.doc.frames.some((f) => sel.has(f.id) && !f.locked);
    runner(editor, anyUnlocked ? 'object.lock' : 'object.unlockAll')();
  };
  return out;
}
