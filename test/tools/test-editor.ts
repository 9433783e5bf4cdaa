/**
 * TestEditor (tldraw's pattern): a ToolMachine over a History with a real layout, driven by
 * plain events, with helpers to assert the state path and the resulting records.
 */
import { expect } from 'vitest';
import { counterIds } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { History } from '../../renderer/history';
import { ToolMachine, type ToolId } from '../../renderer/tools';
import type { Modifiers } from '../../renderer/tools';

/** A scripted editor for tests. */
export class TestEditor {
  readonly history: History<IssueDocument>;
  readonly tools: ToolMachine;
  page = 'p2';
  scale = 1;
  time = 1000;
  private laid: { doc: IssueDocument; layout: LaidOutIssue } | null = null;

  constructor(doc: IssueDocument, private readonly relayout?: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue) {
    this.history = new History(doc);
    this.tools = new ToolMachine({
      history: this.history,
      page: () => this.page,
      scale: () => this.scale,
      newId: counterIds('te'),
      layout: () => this.layout(),
    });
  }

  get doc(): IssueDocument {
    return this.history.current;
  }

  /** The layout of the current document (made on demand, reusing the previous one's caches). */
  layout(): LaidOutIssue | null {
    if (!this.relayout) return null;
    if (this.laid?.doc !== this.doc) this.laid = { doc: this.doc, layout: this.relayout(this.doc, this.laid?.layout) };
    return this.laid.layout;
  }

  frame(id: string) {
    return this.doc.frames.find((f) => f.id === id);
  }

  setTool(t: ToolId): this {
    this.tools.setTool(t);
    return this;
  }
  down(x: number, y: number, m: Modifiers = {}): this {
    this.tools.dispatch({ type: 'pointer_down', x, y, ...m });
    return this;
  }
  move(x: number, y: number, m: Modifiers = {}): this {
    this.tools.dispatch({ type: 'pointer_move', x, y, ...m });
    return this;
  }
  up(x: number, y: number, m: Modifiers = {}): this {
    this.tools.dispatch({ type: 'pointer_up', x, y, ...m });
    return this;
  }
  /** Press at a, move in `steps` steps to b, release (unless `release` is false). */
  drag(ax: number, ay: number, bx: number, by: number, m: Modifiers = {}, steps = 5, release = true): this {
    this.down(ax, ay, m);
    for (let i = 1; i <= steps; i++) this.move(ax + ((bx - ax) * i) / steps, ay + ((by - ay) * i) / steps, m);
    if (release) this.up(bx, by, m);
    return this;
  }
  key(key: string, m: Modifiers = {}, dt = 50): this {
    this.time += dt;
    this.tools.dispatch({ type: 'key_down', key, time: this.time, ...m });
    return this;
  }
  /** Types text one character at a time, `dt` ms apart. */
  type(text: string, dt = 80): this {
    for (const ch of text) {
      this.time += dt;
      this.tools.dispatch({ type: 'text_input', text: ch, time: this.time });
    }
    return this;
  }
  /** An IME composition ending in `commit` (pre-edit steps in between). */
  compose(steps: string[], commit: string): this {
    this.time += 50;
    this.tools.dispatch({ type: 'composition', phase: 'start', text: '', time: this.time });
    for (const s of steps) this.tools.dispatch({ type: 'composition', phase: 'update', text: s, time: (this.time += 30) });
    this.tools.dispatch({ type: 'composition', phase: 'end', text: commit, time: (this.time += 30) });
    return this;
  }
  expectPath(path: string): this {
    expect(this.tools.path).toBe(path);
    return this;
  }
  expectSelection(ids: string[]): this {
    expect([...this.tools.session.selection].sort()).toEqual([...ids].sort());
    return this;
  }
}
