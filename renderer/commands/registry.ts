/**
 * Commands as registered data (Excalidraw's actions): one list used by menus, shortcuts and
 * the command palette. Each has an enabled predicate over plain state and a perform over a
 * context of editor capabilities; the app supplies the context (see README.md).
 */
import type { IssueDocument } from '../../engine/model/types';
import type { History } from '../history';
import type { ToolId, ToolMachine } from '../tools';
import { matches, parseShortcut, type KeyData, type Platform } from './shortcut';
import { textUi } from '../text-ui/ui';
import { ARTICLE_COMMANDS, type ArticleCommandActions } from '../articles/commands';
import { OBJECT_COMMANDS } from '../objects/commands';

/** What enabled() reads. */
export interface CommandState {
  hasDocument: boolean;
  selection: readonly string[];
  canUndo: boolean;
  canRedo: boolean;
  tool: ToolId;
  /** A text caret is active (single-letter tool shortcuts then type instead). */
  editingText: boolean;
}

/** What perform() may use: the tools and history, plus view and file actions the app provides. */
export interface CommandContext {
  tools: ToolMachine;
  history: History<IssueDocument>;
  view: { fitPage(): void; actualSize(): void; togglePreview(): void };
  file: { place(): void; save(): void };
  /** Article dialogs and copyfit (renderer/articles); absent where the app has no UI for them. */
  articles?: ArticleCommandActions;
}

/** A command. */
export interface Command {
  name: string;
  label: string;
  /** Menu group (for menus and the palette's sections). */
  group: 'Edit' | 'Object' | 'Tools' | 'View' | 'File';
  shortcut?: string;
  enabled(s: CommandState): boolean;
  perform(ctx: CommandContext): void;
}

const always = (s: CommandState) => s.hasDocument;
const tool = (name: string, label: string, id: ToolId, shortcut: string): Command => ({
  name,
  label,
  group: 'Tools',
  shortcut,
  // Single keys are letters to type while editing text, so tools do not switch then.
  enabled: (s) => s.hasDocument && !s.editingText,
  perform: (c) => c.tools.setTool(id),
});

/** The built-in commands, InDesign's shortcuts where it has one. */
export const COMMANDS: readonly Command[] = [
  tool('tool.select', 'Selection tool', 'select', 'V'),
  tool('tool.text', 'Type tool', 'text', 'T'),
  tool('tool.frame', 'Rectangle frame tool', 'text-frame', 'F'),
  tool('tool.imageFrame', 'Graphics frame tool (empty image frame)', 'image-frame', 'Shift+F'),
  tool('tool.box', 'Rectangle tool', 'box', 'M'),
  tool('tool.rule', 'Line tool', 'rule', '\\'),
  tool('tool.thread', 'Thread text frames', 'thread', 'Alt+T'),
  { name: 'file.place', label: 'Place…', group: 'File', shortcut: 'Mod+D', enabled: always, perform: (c) => c.file.place() },
  { name: 'file.save', label: 'Save', group: 'File', shortcut: 'Mod+S', enabled: always, perform: (c) => c.file.save() },
  {
    name: 'edit.undo',
    label: 'Undo',
    group: 'Edit',
    shortcut: 'Mod+Z',
    enabled: (s) => s.canUndo,
    perform: (c) => {
      c.history.undo();
      c.tools.pruneSelection();
    },
  },
  {
    name: 'edit.redo',
    label: 'Redo',
    group: 'Edit',
    shortcut: 'Mod+Shift+Z',
    enabled: (s) => s.canRedo,
    perform: (c) => {
      c.history.redo();
      c.tools.pruneSelection();
    },
  },
  {
    name: 'edit.deselect',
    label: 'Deselect all',
    group: 'Edit',
    shortcut: 'Mod+Shift+A',
    enabled: (s) => s.selection.length > 0,
    perform: (c) => c.tools.select([]),
  },
  { name: 'view.fit', label: 'Fit page in window', group: 'View', shortcut: 'Mod+0', enabled: always, perform: (c) => c.view.fitPage() },
  { name: 'view.actual', label: 'Actual size (100 %)', group: 'View', shortcut: 'Mod+1', enabled: always, perform: (c) => c.view.actualSize() },
  { name: 'view.preview', label: 'Preview', group: 'View', shortcut: 'W', enabled: (s) => s.hasDocument && !s.editingText, perform: (c) => c.view.togglePreview() },
  { name: 'edit.quickApply', label: 'Quick Apply / commands…', group: 'Edit', shortcut: 'Mod+Enter', enabled: always, perform: () => textUi.set({ palette: true }) },
  { name: 'edit.storyEditor', label: 'Edit in Story Editor', group: 'Edit', shortcut: 'Mod+Y', enabled: always, perform: () => textUi.set({ storyEditor: !textUi.get().storyEditor }) },
  {
    name: 'object.editCredit',
    label: 'Edit image credit',
    group: 'Object',
    enabled: (s) => s.hasDocument && s.selection.length === 1,
    perform: (c) => {
      const f = c.history.current.frames.find((x) => x.id === c.tools.session.selection[0]);
      if (f?.kind === 'image') textUi.set({ credit: f.id });
      else c.tools.session.message = 'Select one image frame to edit its credit.';
    },
  },
  ...ARTICLE_COMMANDS,
  ...OBJECT_COMMANDS,
];

/** Finds a command by name. */
export function command(name: string, list: readonly Command[] = COMMANDS): Command | undefined {
  return list.find((c) => c.name === name);
}

/** The enabled command whose shortcut a key event is, if any. */
export function commandForKey(e: KeyData, platform: Platform, state: CommandState, list: readonly Command[] = COMMANDS): Command | undefined {
  return list.find((c) => c.shortcut && matches(c.shortcut, e, platform) && c.enabled(state));
}

/** Commands for the palette: enabled ones whose label or name contains every word of the query. */
export function searchCommands(query: string, state: CommandState, list: readonly Command[] = COMMANDS): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((c) => c.enabled(state) && words.every((w) => c.label.toLowerCase().includes(w) || c.name.includes(w)));
}

/** Checks a command list: unique names and no two commands on one shortcut. Returns the problems. */
export function checkCommands(list: readonly Command[] = COMMANDS): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const c of list) {
    if (names.has(c.name)) problems.push(`two commands are named "${c.name}"`);
    names.add(c.name);
    if (!c.shortcut) continue;
    const s = parseShortcut(c.shortcut);
    const k = JSON.stringify(s);
    const other = keys.get(k);
    if (other) problems.push(`"${c.name}" and "${other}" share the shortcut ${c.shortcut}`);
    keys.set(k, c.name);
  }
  return problems;
}
