/**
 * The hidden text field that receives typing while the text tool has a caret: committed
 * characters (beforeinput), IME composition (Chinese pinyin, Japanese …), and paste all go to
 * the tool machine as plain events. It sits at the caret so the IME's candidate window opens
 * there, and is focused whenever a caret is active.
 */
import { useEffect, useRef } from 'react';
import type { Editor } from '../editor';
import { TEXT_INPUT_ATTR } from '../shortcuts';
import { focusInOtherField } from '../text-ui/ui';

/** The hidden textarea; `at` is the caret in CSS px relative to the viewport (null: none). */
export function TextInput({ editor, at, active }: { editor: Editor; at: { x: number; y: number; height: number } | null; active: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const ta = ref.current;
    if (!ta) return;
    const tools = editor.tools;
    const onBeforeInput = (e: InputEvent) => {
      // Composition text arrives through the composition events; only commits come here.
      if (e.isComposing) return;
      if (e.data && e.inputType.startsWith('insert')) {
        tools.dispatch({ type: 'text_input', text: e.data, time: e.timeStamp });
        e.preventDefault();
      }
    };
    const onStart = (e: CompositionEvent) => tools.dispatch({ type: 'composition', phase: 'start', text: '', time: e.timeStamp });
    const onUpdate = (e: CompositionEvent) => tools.dispatch({ type: 'composition', phase: 'update', text: e.data, time: e.timeStamp });
    const onEnd = (e: CompositionEvent) => {
      tools.dispatch({ type: 'composition', phase: 'end', text: e.data, time: e.timeStamp });
      ta.value = '';
    };
    const onPaste = (e: ClipboardEvent) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (text) tools.dispatch({ type: 'text_input', text: text.replace(/\r\n?/g, '\n'), time: e.timeStamp });
    };
    // Anything the textarea kept (a composition the browser committed on its own) is dropped:
    // the story is the only copy of the text.
    const onInput = () => {
      if (!tools.session.composing) ta.value = '';
    };
    ta.addEventListener('beforeinput', onBeforeInput);
    ta.addEventListener('compositionstart', onStart);
    ta.addEventListener('compositionupdate', onUpdate);
    ta.addEventListener('compositionend', onEnd);
    ta.addEventListener('paste', onPaste);
    ta.addEventListener('input', onInput);
    return () => {
      ta.removeEventListener('beforeinput', onBeforeInput);
      ta.removeEventListener('compositionstart', onStart);
      ta.removeEventListener('compositionupdate', onUpdate);
      ta.removeEventListener('compositionend', onEnd);
      ta.removeEventListener('paste', onPaste);
      ta.removeEventListener('input', onInput);
    };
  }, [editor]);

  useEffect(() => {
    const ta = ref.current;
    if (!ta) return;
    // A field the user is typing in elsewhere (story editor, palette, a panel) keeps the focus.
    if (active && document.activeElement !== ta && !focusInOtherField(ta)) ta.focus({ preventScroll: true });
    if (!active && document.activeElement === ta) ta.blur();
  });

  const attrs = { [TEXT_INPUT_ATTR]: '' };
  return (
    <textarea
      ref={ref}
      {...attrs}
      data-testid="text-input"
      aria-label="Text input"
      autoComplete="off"
      autoCorrect="off"
      spellCheck={false}
      tabIndex={-1}
      style={{
        position: 'absolute',
        left: at ? at.x : 0,
        top: at ? at.y : 0,
        width: 1,
        height: at ? at.height : 16,
        opacity: 0,
        padding: 0,
        border: 0,
        resize: 'none',
        overflow: 'hidden',
        pointerEvents: 'none',
        zIndex: -1,
      }}
    />
  );
}
