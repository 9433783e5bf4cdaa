/**
 * Image credits edited in place. A credit is a property of the image frame (one line set
 * under the picture), not a story, so it gets a small field laid over the credit line on the
 * canvas: double-click the credit (or run "Edit image credit" on a selected image). Enter or
 * leaving the field applies it as one undo step; Escape cancels; an empty field removes it.
 */
import { useEffect, useRef } from 'react';
import { setFrameProps } from '../../engine/edit';
import type { LaidOutPage } from '../../engine/flow/types';
import type { ImageFrame } from '../../engine/model/types';
import type { Editor } from '../editor';
import { store } from '../store/store';
import { textUi, useTextUi } from './ui';

/** The image frame whose credit line is under page point (x, y), if any. */
export function creditAt(page: LaidOutPage, x: number, y: number): string | null {
  const f = page.frames.find((c) => c.role === 'credit' && c.source && x >= c.x && x <= c.x + c.width && y >= c.y - 1 && y <= c.y + c.height + 1);
  return f?.source ?? null;
}

/** Sets (or, when empty, removes) an image frame's credit as one undo step. */
export function applyCredit(editor: Editor, frame: string, value: string): void {
  const text = value.trim();
  try {
    editor.history.change((d) => {
      const f = d.frames.find((x) => x.id === frame);
      if (f?.kind !== 'image') return;
      if (text) setFrameProps(d, frame, { credit: text });
      else if ((f as ImageFrame).credit !== undefined) delete (f as ImageFrame).credit;
    });
  } catch (err) {
    store.session({ error: `Credit: ${err instanceof Error ? err.message : String(err)}` });
  }
}

/** The in-place credit field, over the canvas (origin and scale: the page's position in CSS px). */
export function CreditEditor({ editor, page, origin, scale }: { editor: Editor; page: LaidOutPage | undefined; origin: { x: number; y: number }; scale: number }) {
  const frameId = useTextUi((s) => s.credit);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    done.current = false;
    ref.current?.focus();
    ref.current?.select();
  }, [frameId]);
  const frame = frameId ? editor.history.current.frames.find((f) => f.id === frameId) : undefined;
  if (!frameId || frame?.kind !== 'image' || !page || frame.page !== page.id) return null;
  const laid = page.frames.find((f) => f.role === 'credit' && f.source === frameId);
  const box = laid ?? { x: frame.x, y: frame.y + frame.height, width: frame.width, height: 10 };
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && ref.current) applyCredit(editor, frameId, ref.current.value);
    textUi.set({ credit: null });
  };
  return (
    <input
      ref={ref}
      className="credit-editor"
      data-testid="credit-editor"
     
      defaultValue={frame.credit ?? ''}
      placeholder="Credit (photographer, agency)"
      aria-label="Image credit"
      style={{ left: origin.x + box.x * scale, top: origin.y + box.y * scale, width: Math.max(120, box.width * scale), height: Math.max(18, box.height * scale + 4) }}
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
      onBlur={() => finish(true)}
    />
  );
}
