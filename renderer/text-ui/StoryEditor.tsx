/**
 * The story editor (InDesign's Story Editor, Cmd/Ctrl+Y): the whole story of the caret or of
 * the selected frame as plain text, one field per paragraph with its paragraph style's name
 * beside it, and a red line where the overset text begins. Each field is a textarea (so IME,
 * paste and the platform's text keys work as everywhere); edits go through the same engine
 * text operations and history as typing on the canvas (a typing burst is one undo step), and
 * the page reflows as you type. Enter splits a paragraph; Backspace at its start joins it to
 * the previous one, Delete at its end joins the next one.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { paragraphText, storyOfFrame } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model/types';
import type { Editor } from '../editor';
import { BURST_MS, type ToolMachine } from '../tools';
import { store, useStore } from '../store/store';
import { addParagraph, joinWithNext, joinWithPrevious, oversetStart, setParagraphText, splitAt } from './story-edit';
import { textUi, useTextUi } from './ui';

/** The story the editor shows: the caret's, else the selected frame's (or its caption), else null. */
export function storyForEditor(doc: IssueDocument, tools: ToolMachine): string | null {
  const t = tools.session.text;
  if (t?.story && doc.stories.some((s) => s.id === t.story)) return t.story;
  const id = tools.session.selection[0];
  const f = id ? doc.frames.find((x) => x.id === id) : undefined;
  if (f?.kind === 'image') return f.caption?.story ?? null;
  if (f?.kind === 'text') return storyOfFrame(doc, f.id)?.id ?? null;
  return null;
}

interface RowProps {
  index: number;
  text: string;
  style: string;
  overset: boolean;
  onEdit(index: number, value: string, time: number): void;
  onKey(index: number, e: React.KeyboardEvent<HTMLTextAreaElement>): void;
}

/** One paragraph: style name, then an uncontrolled textarea kept in step with the document. */
function Row({ index, text, style, overset, onEdit, onKey }: RowProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  useLayoutEffect(() => {
    const ta = ref.current;
    if (!ta) return;
    if (ta.value !== text && !composing.current) {
      const [a, b] = [ta.selectionStart, ta.selectionEnd];
      ta.value = text;
      if (document.activeElement === ta) ta.setSelectionRange(Math.min(a, text.length), Math.min(b, text.length));
    }
    ta.style.height = 'auto';
    ta.style.height = `${ta.scrollHeight}px`;
  }, [text]);
  return (
    <div className={`story-row${overset ? ' overset' : ''}`} data-testid="story-paragraph">
      <span className="story-style" title={style}>
        {style}
      </span>
      <textarea
        ref={ref}
        rows={1}
        defaultValue={text}
        data-index={index}
        spellCheck={false}
        onInput={(e) => {
          if (!(e.nativeEvent as InputEvent).isComposing) onEdit(index, e.currentTarget.value, e.timeStamp);
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(e) => {
          composing.current = false;
          onEdit(index, e.currentTarget.value, e.timeStamp);
        }}
        onKeyDown={(e) => onKey(index, e)}
      />
    </div>
  );
}

/** The story editor pane (docked beside the canvas while open). */
export function StoryEditorPane({ editor }: { editor: Editor }) {
  const open = useTextUi((s) => s.storyEditor);
  const doc = useStore((s) => s.document?.doc);
  const layout = useStore((s) => s.layout);
  const [, setTick] = useState(0);
  useEffect(() => editor.tools.subscribe(() => setTick((t) => t + 1)), [editor]);
  const shown = useRef<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const focusNext = useRef<{ index: number; at: number } | null>(null);

  useLayoutEffect(() => {
    const f = focusNext.current;
    if (!f || !list.current) return;
    focusNext.current = null;
    const ta = list.current.querySelector<HTMLTextAreaElement>(`textarea[data-index="${f.index}"]`);
    ta?.focus();
    ta?.setSelectionRange(f.at, f.at);
  });

  if (!open || !doc) return null;
  const target = storyForEditor(doc, editor.tools);
  if (target) shown.current = target;
  const storyId = shown.current && doc.stories.some((s) => s.id === shown.current) ? shown.current : null;
  const story = storyId ? doc.stories.find((s) => s.id === storyId)! : null;
  const over = story && layout ? oversetStart(doc, layout, story.id) : null;
  const styleName = (id: string) => doc.paragraphStyles.find((s) => s.id === id)?.name ?? id;

  const change = (recipe: (d: IssueDocument) => void, time: number, kind: 'type' | 'erase' = 'type') => {
    if (!storyId) return;
    try {
      editor.history.change(recipe, { burst: { key: `story-editor:${kind}:${storyId}`, at: time, window: BURST_MS } });
    } catch (err) {
      // An edit the engine refuses leaves the document as it was; say why.
      store.session({ error: `Story editor: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const onEdit = (index: number, value: string, time: number) => {
    if (!storyId) return;
    const kind = value.length < paragraphText(editor.history.current.stories.find((s) => s.id === storyId)!.paragraphs[index]!).length ? 'erase' : 'type';
    change((d) => void setParagraphText(d, storyId, index, value), time, kind);
  };
  const onKey = (index: number, e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!storyId || e.nativeEvent.isComposing) return;
    const ta = e.currentTarget;
    const mod = e.ctrlKey || e.metaKey;
    const n = editor.history.current.stories.find((s) => s.id === storyId)!.paragraphs.length;
    const collapsed = ta.selectionStart === ta.selectionEnd;
    const key = e.key.toLowerCase();
    if (mod && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) editor.redo();
      else editor.undo();
    } else if (mod && key === 'y') {
      e.preventDefault();
      textUi.set({ storyEditor: false });
    } else if (mod && e.key === 'Enter') {
      e.preventDefault();
      textUi.set({ palette: true });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      textUi.set({ storyEditor: false });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const [a, b] = [ta.selectionStart, ta.selectionEnd];
      change((d) => void splitAt(d, storyId, index, a, b), e.timeStamp);
      focusNext.current = { index: index + 1, at: 0 };
    } else if (e.key === 'Backspace' && collapsed && ta.selectionStart === 0 && index > 0) {
      e.preventDefault();
      let at = 0;
      change((d) => void (at = joinWithPrevious(d, storyId, index)), e.timeStamp, 'erase');
      focusNext.current = { index: index - 1, at };
    } else if (e.key === 'Delete' && collapsed && ta.selectionStart === ta.value.length && index < n - 1) {
      e.preventDefault();
      const at = ta.selectionStart;
      change((d) => joinWithNext(d, storyId, index), e.timeStamp, 'erase');
      focusNext.current = { index, at };
    }
  };

  return (
    <section className="story-editor" data-testid="story-editor" data-story={storyId ?? ''}>
      <header>
        <b>Story Editor</b> <span data-testid="story-editor-title">{story ? (story.name ?? story.id) : ''}</span>
        <button type="button" onClick={() => textUi.set({ storyEditor: false })} aria-label="Close the story editor">
          ×
        </button>
      </header>
      {!story ? (
        <p className="story-empty">Click into a story with the Type tool, or select a text frame, to edit its text here.</p>
      ) : (
        <div className="story-rows" ref={list}>
          {story.paragraphs.map((p, i) => (
            <div key={i}>
              {over && over.para === i && (
                <div className="overset-line" data-testid="overset-line">
                  Overset: {over.chars} characters{over.at > 0 ? ` from character ${over.at + 1} of this paragraph` : ' from here'}
                </div>
              )}
              <Row index={i} text={paragraphText(p)} style={styleName(p.style)} overset={!!over && i >= over.para} onEdit={onEdit} onKey={onKey} />
            </div>
          ))}
          {story.paragraphs.length === 0 && (
            <button type="button" onClick={() => change((d) => addParagraph(d, story.id), performance.now())}>
              Add a paragraph
            </button>
          )}
        </div>
      )}
    </section>
  );
}
