/**
 * The object commands (renderer/objects) driven as the app drives them, over a ToolMachine and
 * History in Node: each changes the document as expected in one undo step, undo restores the
 * document exactly, and the enabled predicates (selection counts, clip, text editing) hold.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrame, counterIds } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model/types';
import {
  COMMANDS,
  checkCommands,
  command,
  commandForKey,
  type CommandContext,
  type CommandState,
} from '../../renderer/commands';
import { hasClip, setClip } from '../../renderer/objects/clipboard';
import { sample } from '../edit/support';
import { TestEditor } from './test-editor';

const state = (ed: TestEditor, over: Partial<CommandState> = {}): CommandState => ({
  hasDocument: true,
  selection: ed.tools.session.selection,
  canUndo: ed.history.canUndo,
  canRedo: ed.history.canRedo,
  tool: ed.tools.tool,
  editingText: ed.tools.path === 'text.editing',
  ...over,
});
const ctx = (ed: TestEditor): CommandContext => ({
  tools: ed.tools,
  history: ed.history,
  view: { fitPage: vi.fn(), actualSize: vi.fn(), togglePreview: vi.fn() },
  file: { place: vi.fn(), save: vi.fn() },
});

/** Runs a command by name after checking it is enabled, as a menu would. */
function run(ed: TestEditor, name: string): void {
  const c = command(name)!;
  expect(c, name).toBeDefined();
  expect(c.enabled(state(ed)), `${name} enabled`).toBe(true);
  c.perform(ctx(ed));
}

/** Runs the command a key is bound to (null when none is enabled for it). */
function key(
  ed: TestEditor,
  k: { key: string; code?: string; ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean },
): string | null {
  const c = commandForKey(k, 'other', state(ed));
  c?.perform(ctx(ed));
  return c?.name ?? null;
}

/** Checks one step was recorded and that undo gives back `before` exactly, redo `after`. */
function undoable(ed: TestEditor, before: IssueDocument): void {
  expect(ed.history.undoDepth).toBe(1);
  const after = ed.doc;
  ed.history.undo();
  expect(ed.doc).toEqual(before);
  ed.history.redo();
  expect(ed.doc).toEqual(after);
}

/** The sample with three 50-pt boxes on page 2 at x 100, 180 and 400 (y 400, 420, 460). */
function withBoxes(): IssueDocument {
  const doc = sample();
  const ids = counterIds('bx');
  for (const [x, y] of [
    [100, 400],
    [180, 420],
    [400, 460],
  ] as const)
    createFrame(doc, { kind: 'box', page: 'p2', x, y, width: 50, height: 50 }, ids);
  return doc;
}
const boxes = (ed: TestEditor) =>
  ed.doc.frames.filter((f) => f.kind === 'box' && f.page === 'p2' && f.width === 50);
const z = (ed: TestEditor, id: string) => ed.frame(id)!.z;

afterEach(() => setClip(null));

describe('object commands: registry and enabled states', () => {
  it('are registered with InDesign shortcuts and no clashes', () => {
    expect(checkCommands()).toEqual([]);
    const sc = Object.fromEntries(COMMANDS.map((c) => [c.name, c.shortcut]));
    expect(sc).toMatchObject({
      'object.bringToFront': 'Mod+Shift+]',
      'object.bringForward': 'Mod+]',
      'object.sendBackward': 'Mod+[',
      'object.sendToBack': 'Mod+Shift+[',
      'object.lock': 'Mod+L',
      'object.unlockAll': 'Mod+Alt+L',
      'edit.duplicate': 'Mod+Alt+Shift+D',
      'edit.copy': 'Mod+C',
      'edit.cut': 'Mod+X',
      'edit.paste': 'Mod+V',
      'edit.pasteInPlace': 'Mod+Alt+Shift+V',
    });
    for (const n of [
      'object.alignLeft',
      'object.alignHCenter',
      'object.alignRight',
      'object.alignTop',
      'object.alignVCenter',
      'object.alignBottom',
      'object.distributeH',
      'object.distributeV',
      'edit.delete',
    ])
      expect(command(n), n).toBeDefined();
  });

  it('align needs 2 frames, distribute 3, the others 1; paste needs a clip; none works while typing', () => {
    const ed = new TestEditor(withBoxes());
    const on = (n: string, over: Partial<CommandState> = {}) =>
      command(n)!.enabled(state(ed, over));
    expect(
      [
        'object.alignLeft',
        'object.bringToFront',
        'object.lock',
        'edit.copy',
        'edit.cut',
        'edit.delete',
        'edit.duplicate',
        'edit.paste',
      ].map((n) => on(n)),
    ).toEqual([false, false, false, false, false, false, false, false]);
    expect(on('object.unlockAll')).toBe(true);
    ed.tools.select(['lead-body-2']);
    expect([
      on('object.alignLeft'),
      on('object.distributeH'),
      on('object.bringToFront'),
      on('object.lock'),
      on('edit.copy'),
    ]).toEqual([false, false, true, true, true]);
    ed.tools.select(
      boxes(ed)
        .slice(0, 2)
        .map((f) => f.id),
    );
    expect([on('object.alignTop'), on('object.distributeV')]).toEqual([true, false]);
    ed.tools.select(boxes(ed).map((f) => f.id));
    expect([on('object.alignTop'), on('object.distributeV')]).toEqual([true, true]);
    expect(on('edit.paste')).toBe(false);
    run(ed, 'edit.copy');
    expect(hasClip()).toBe(true);
    expect(on('edit.paste')).toBe(true);
    // A caret in a story: every object command is off, so Mod+C/V/X reach the text field.
    for (const c of COMMANDS.filter(
      (x) =>
        x.name.startsWith('object.') ||
        [
          'edit.copy',
          'edit.cut',
          'edit.paste',
          'edit.pasteInPlace',
          'edit.delete',
          'edit.duplicate',
        ].includes(x.name),
    )) {
      expect(c.enabled(state(ed, { editingText: true })), c.name).toBe(false);
    }
    expect(
      commandForKey(
        { key: 'c', code: 'KeyC', ctrlKey: true },
        'other',
        state(ed, { editingText: true }),
      ),
    ).toBeUndefined();
    expect(
      commandForKey(
        { key: 'v', code: 'KeyV', ctrlKey: true },
        'other',
        state(ed, { editingText: true }),
      ),
    ).toBeUndefined();
  });

  it('turns refusals into the tools message; frames selected on another page are left alone', () => {
    const ed = new TestEditor(sample());
    run(ed, 'object.unlockAll');
    expect(ed.tools.session.message).toMatch(/no frame on this page is locked/);
    // A frame selected on page 1 and left selected there is not acted on from page 2.
    ed.tools.select(['lead-body-1']);
    for (const n of ['object.bringToFront', 'object.lock', 'edit.delete', 'edit.copy']) {
      run(ed, n);
      expect(ed.tools.session.message, n).toMatch(/select a frame on this page first/);
    }
    ed.tools.select(['lead-body-1', 'ad-p2-box', 'ad-p2-text']);
    run(ed, 'object.alignLeft');
    expect(ed.tools.session.message).toBeNull();
    expect(ed.history.canUndo).toBe(false); // both on page 2 are at x 53.25 already
    run(ed, 'object.distributeH');
    expect(ed.tools.session.message).toMatch(/select at least 3 frames on this page/);
    run(ed, 'object.bringToFront');
    expect(ed.frame('lead-body-1')!.z).toBe(0);
    expect(ed.history.undoDepth).toBe(1);
  });
});

describe('object commands: changes and exact undo', () => {
  it('align left / centres / right / top / bottom', () => {
    const cases: [string, (xs: { x: number; y: number }[]) => void][] = [
      ['object.alignLeft', (fs) => expect(fs.map((f) => f.x)).toEqual([100, 100, 100])],
      ['object.alignRight', (fs) => expect(fs.map((f) => f.x)).toEqual([400, 400, 400])],
      ['object.alignHCenter', (fs) => expect(fs.map((f) => f.x)).toEqual([250, 250, 250])],
      ['object.alignTop', (fs) => expect(fs.map((f) => f.y)).toEqual([400, 400, 400])],
      ['object.alignBottom', (fs) => expect(fs.map((f) => f.y)).toEqual([460, 460, 460])],
      ['object.alignVCenter', (fs) => expect(fs.map((f) => f.y)).toEqual([430, 430, 430])],
    ];
    for (const [name, check] of cases) {
      const ed = new TestEditor(withBoxes());
      ed.tools.select(boxes(ed).map((f) => f.id));
      const before = ed.doc;
      run(ed, name);
      check(boxes(ed));
      undoable(ed, before);
    }
  });

  it('distribute horizontal and vertical: equal gaps, the outer two stay', () => {
    const ed = new TestEditor(withBoxes());
    ed.tools.select(boxes(ed).map((f) => f.id));
    const before = ed.doc;
    run(ed, 'object.distributeH');
    expect(boxes(ed).map((f) => f.x)).toEqual([100, 250, 400]);
    undoable(ed, before);
    const ed2 = new TestEditor(withBoxes());
    ed2.tools.select(boxes(ed2).map((f) => f.id));
    run(ed2, 'object.distributeV');
    expect(boxes(ed2).map((f) => f.y)).toEqual([400, 430, 460]);
  });

  it('arrange by the bracket keys: front, back, forward, backward', () => {
    const ed = new TestEditor(sample());
    // Paint order on page 2: lead-body-2, ad-p2-box, ad-p2-text.
    ed.tools.select(['lead-body-2']);
    const before = ed.doc;
    // Shift+] types "}" on a US keyboard: the physical key decides.
    expect(key(ed, { key: '}', code: 'BracketRight', ctrlKey: true, shiftKey: true })).toBe(
      'object.bringToFront',
    );
    expect([z(ed, 'ad-p2-box'), z(ed, 'ad-p2-text'), z(ed, 'lead-body-2')]).toEqual([0, 1, 2]);
    undoable(ed, before);
    expect(key(ed, { key: '[', code: 'BracketLeft', ctrlKey: true })).toBe('object.sendBackward');
    expect([z(ed, 'ad-p2-box'), z(ed, 'lead-body-2'), z(ed, 'ad-p2-text')]).toEqual([0, 1, 2]);
    expect(key(ed, { key: '{', code: 'BracketLeft', ctrlKey: true, shiftKey: true })).toBe(
      'object.sendToBack',
    );
    expect([z(ed, 'lead-body-2'), z(ed, 'ad-p2-box'), z(ed, 'ad-p2-text')]).toEqual([0, 1, 2]);
    expect(key(ed, { key: ']', code: 'BracketRight', ctrlKey: true })).toBe('object.bringForward');
    expect([z(ed, 'ad-p2-box'), z(ed, 'lead-body-2'), z(ed, 'ad-p2-text')]).toEqual([0, 1, 2]);
    expect(ed.history.undoDepth).toBe(4);
  });

  it('lock (Mod+L): a drag, a resize handle, arrows and Delete leave the frame; unlock all (Mod+Alt+L)', () => {
    const ed = new TestEditor(sample());
    ed.down(100, 100).up(100, 100).expectSelection(['lead-body-2']);
    const before = ed.doc;
    expect(key(ed, { key: 'l', code: 'KeyL', ctrlKey: true })).toBe('object.lock');
    expect(ed.frame('lead-body-2')!.locked).toBe(true);
    undoable(ed, before);
    const locked = ed.doc;
    ed.drag(100, 100, 300, 300);
    ed.down(53.25 + 495, 82 + 211.5)
      .move(700, 400)
      .up(700, 400);
    ed.tools.select(['lead-body-2']);
    ed.key('ArrowRight').key('Delete');
    expect(ed.doc).toBe(locked);
    run(ed, 'edit.delete');
    expect(ed.tools.session.message).toMatch(/locked frames cannot be deleted/);
    expect(ed.doc).toBe(locked);
    expect(key(ed, { key: 'l', code: 'KeyL', ctrlKey: true, altKey: true })).toBe(
      'object.unlockAll',
    );
    expect(ed.frame('lead-body-2')!.locked).toBe(false);
    ed.history.undo();
    expect(ed.doc).toEqual(locked);
  });

  it('delete and duplicate (Mod+Alt+Shift+D) as commands; Alt+Mod+D stays the select tool’s', () => {
    const ed = new TestEditor(sample());
    ed.tools.select(['ad-p2-text']);
    const before = ed.doc;
    run(ed, 'edit.delete');
    expect(ed.frame('ad-p2-text')).toBeUndefined();
    expect(ed.doc.stories.some((s) => s.id === 'ad-p2')).toBe(false);
    expect(ed.tools.session.selection).toEqual([]);
    undoable(ed, before);
    ed.history.undo();
    ed.tools.select(['lead-body-2']);
    expect(key(ed, { key: 'D', code: 'KeyD', ctrlKey: true, altKey: true, shiftKey: true })).toBe(
      'edit.duplicate',
    );
    const [dup] = ed.tools.session.selection;
    expect(dup).not.toBe('lead-body-2');
    expect(ed.frame(dup!)).toMatchObject({
      page: 'p2',
      x: 62.25,
      y: 91,
      width: 495,
      height: 211.5,
    });
    undoable(ed, before);
    // Alt+Mod+D (no Shift) is not a command: it goes on to the select tool.
    ed.tools.select(['lead-body-2']);
    expect(key(ed, { key: 'd', code: 'KeyD', ctrlKey: true, altKey: true })).toBeNull();
    // With Shift the select tool leaves it alone (the command has it).
    const depth = ed.history.undoDepth;
    ed.key('D', { mod: true, alt: true, shift: true });
    expect(ed.history.undoDepth).toBe(depth);
  });

  it('copy on page 1, paste (Mod+V) on page 2: same geometry, a copy of the story, one step', () => {
    const ed = new TestEditor(sample());
    ed.page = 'p1';
    ed.tools.select(['changwei-body-1']);
    const src = ed.frame('changwei-body-1')!;
    const story = ed.doc.stories.find((s) => s.id === 'changwei-body')!;
    expect(key(ed, { key: 'c', code: 'KeyC', ctrlKey: true })).toBe('edit.copy');
    expect(ed.history.canUndo).toBe(false);
    ed.page = 'p2';
    const before = ed.doc;
    expect(key(ed, { key: 'v', code: 'KeyV', ctrlKey: true })).toBe('edit.paste');
    const [id] = ed.tools.session.selection;
    const f = ed.frame(id!)!;
    expect(f).toMatchObject({
      page: 'p2',
      kind: 'text',
      x: src.x,
      y: src.y,
      width: src.width,
      height: src.height,
      locked: false,
    });
    const copy = ed.doc.stories.find((s) => s.frames.includes(f.id))!;
    expect(copy.id).not.toBe(story.id);
    expect(copy.paragraphs).toEqual(story.paragraphs);
    expect(ed.doc.stories.find((s) => s.id === story.id)!.frames).toEqual(['changwei-body-1']);
    undoable(ed, before);
    ed.history.undo();
    expect(ed.tools.session.selection).toEqual([id]);
    ed.tools.pruneSelection();
    expect(ed.tools.session.selection).toEqual([]);
  });

  it('paste on the copied frames own place steps 9 pt each time; paste in place does not', () => {
    const ed = new TestEditor(sample());
    ed.tools.select(['lead-body-2']);
    run(ed, 'edit.copy');
    run(ed, 'edit.paste');
    expect(ed.frame(ed.tools.session.selection[0]!)).toMatchObject({ x: 62.25, y: 91 });
    run(ed, 'edit.paste');
    expect(ed.frame(ed.tools.session.selection[0]!)).toMatchObject({ x: 71.25, y: 100 });
    const before = ed.doc;
    expect(key(ed, { key: 'V', code: 'KeyV', ctrlKey: true, altKey: true, shiftKey: true })).toBe(
      'edit.pasteInPlace',
    );
    expect(ed.frame(ed.tools.session.selection[0]!)).toMatchObject({ x: 53.25, y: 82 });
    expect(ed.history.undoDepth).toBe(3);
    ed.history.undo();
    expect(ed.doc).toEqual(before);
  });

  it('cut (Mod+X) removes the frames in one step; paste brings them back elsewhere; locked frames are not cut', () => {
    const ed = new TestEditor(sample());
    ed.tools.select(['ad-p2-box', 'ad-p2-text']);
    const before = ed.doc;
    expect(key(ed, { key: 'x', code: 'KeyX', ctrlKey: true })).toBe('edit.cut');
    expect(ed.frame('ad-p2-box')).toBeUndefined();
    expect(ed.frame('ad-p2-text')).toBeUndefined();
    expect(ed.tools.session.selection).toEqual([]);
    undoable(ed, before);
    ed.page = 'p1';
    run(ed, 'edit.paste');
    const made = ed.tools.session.selection.map((id) => ed.frame(id)!);
    expect(made.map((f) => [f.kind, f.page, f.x, f.y, f.width, f.height])).toEqual([
      ['box', 'p1', 53.25, 784, 999, 697.5],
      ['text', 'p1', 53.25, 784, 999, 697.5],
    ]);
    // Paint order is kept: the text over its box, both on top of page 1.
    expect(made[1]!.z).toBe(made[0]!.z + 1);
    const locked = sample();
    locked.frames.find((f) => f.id === 'lead-body-2')!.locked = true;
    const ed2 = new TestEditor(locked);
    ed2.tools.select(['lead-body-2']);
    run(ed2, 'edit.cut');
    expect(ed2.tools.session.message).toMatch(/locked frames cannot be cut/);
    expect(ed2.history.canUndo).toBe(false);
    // Partly locked: the unlocked ones go, the message says what stayed.
    ed2.tools.select(['lead-body-2', 'ad-p2-text']);
    run(ed2, 'edit.delete');
    expect(ed2.frame('ad-p2-text')).toBeUndefined();
    expect(ed2.frame('lead-body-2')).toBeDefined();
    expect(ed2.tools.session.message).toBe('locked frames were not deleted');
  });
});

describe('object commands from the desktop menu (renderer/host/shell.ts names)', () => {
  it('runs layout.bringToFront, layout.toggleLock (lock, then unlock) and edit.delete; disabled ones do nothing', async () => {
    const { objectShellCommands } = await import('../../renderer/objects/shell-commands');
    const { store } = await import('../../renderer/store/store');
    const ed = new TestEditor(sample());
    store.open(ed.doc, 'sample.broadsheet', 'sample.broadsheet');
    const editor = { tools: ed.tools, history: ed.history } as unknown as Parameters<
      typeof objectShellCommands
    >[0];
    const menu = objectShellCommands(editor);
    expect(Object.keys(menu)).toEqual(
      expect.arrayContaining([
        'edit.copy',
        'edit.paste',
        'object.alignLeft',
        'layout.bringToFront',
        'layout.sendToBack',
        'layout.toggleLock',
        'edit.delete',
      ]),
    );
    menu['edit.delete']!();
    expect(ed.history.canUndo).toBe(false);
    ed.tools.select(['lead-body-2']);
    menu['layout.bringToFront']!();
    expect(z(ed, 'lead-body-2')).toBe(2);
    menu['layout.toggleLock']!();
    expect(ed.frame('lead-body-2')!.locked).toBe(true);
    menu['layout.toggleLock']!();
    expect(ed.frame('lead-body-2')!.locked).toBe(false);
    menu['edit.delete']!();
    expect(ed.frame('lead-body-2')).toBeUndefined();
    expect(ed.history.undoDepth).toBe(4);
  });
});

describe('object commands: threads', () => {
  const thread = (ed: TestEditor) => ed.doc.stories.find((s) => s.id === 'lead-body')!.frames;

  it('Break thread after the selected frame: the frames after it leave the story, one undo step', () => {
    const ed = new TestEditor(sample());
    ed.page = 'p1';
    expect(thread(ed)).toEqual(['lead-body-1', 'lead-body-2']);
    const before = ed.doc;
    ed.tools.select(['lead-body-1']);
    run(ed, 'object.breakThread');
    expect(thread(ed)).toEqual(['lead-body-1']);
    undoable(ed, before);
  });

  it('Unthread takes the selected frame out (the story flows past it); a frame at the end of its thread cannot be broken after', () => {
    const ed = new TestEditor(sample());
    const before = ed.doc;
    ed.tools.select(['lead-body-2']);
    run(ed, 'object.breakThread');
    expect(ed.tools.session.message).toMatch(/thread ends at this frame/);
    expect(ed.history.undoDepth).toBe(0);
    run(ed, 'object.unthread');
    expect(thread(ed)).toEqual(['lead-body-1']);
    undoable(ed, before);
    // A frame that is not threaded is refused with a message and no step.
    const other = new TestEditor(sample());
    other.page = 'p1';
    other.tools.select(['lead-image']);
    run(other, 'object.unthread');
    expect(other.tools.session.message).toMatch(/threaded to another/);
    expect(other.history.undoDepth).toBe(0);
  });
});
