/**
 * The article dialogs (small popovers over the workspace): New article… asks for the shape
 * (headline text, headline columns N and lines, body columns M and lines, a picture or none)
 * and then either arms the place-article tool (the user drags the area on the page, snapped
 * to the grid) or puts it in the first free area of the page. Continue on page… asks for the
 * page and the frame's size, then the same two ways. Each placement is one undo step.
 */
import { useState } from 'react';
import { EditError } from '../../engine/edit';
import type { Editor } from '../editor';
import { store, useStore } from '../store/store';
import { continueInFreeArea, drawContinuation, drawNewArticle, placeNewArticle, selectedArticle } from './actions';
import type { ArticleSpec } from './placement';
import { setArticleUi, useArticleUi } from './ui-state';

const close = () => setArticleUi({ dialog: null });

/** Runs a dialog action; an EditError becomes the dialog's message, anything else the status bar's. */
function attempt(setError: (m: string | null) => void, f: () => void): void {
  try {
    f();
    setError(null);
    close();
  } catch (e) {
    if (e instanceof EditError) setError(e.message);
    else store.session({ error: e instanceof Error ? e.message : String(e) });
  }
}

/** A labelled number field. */
function Num({ label, value, set, id }: { label: string; value: number; set: (n: number) => void; id: string }) {
  return (
    <label>
      {label}
      <input type="number" min={1} step={1} value={Number.isFinite(value) ? value : ''} data-testid={id} onChange={(e) => set(e.currentTarget.valueAsNumber)} />
    </label>
  );
}

/** Placement failures reported by the tool go to the status bar. */
const reportPlacement = (r: { ok: true } | { ok: false; message: string }) => {
  if (!r.ok && r.message !== 'placement cancelled') store.session({ error: r.message });
};

function NewArticleDialog({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const [spec, setSpec] = useState<ArticleSpec>({ title: '新稿件', headlineColumns: 4, headlineLines: 6, bodyColumns: 4, bodyLines: 20, image: null });
  const [error, setError] = useState<string | null>(null);
  if (!doc) return null;
  const images = [...new Set(doc.frames.flatMap((f) => (f.kind === 'image' && f.src ? [f.src] : [])))];
  const set = (p: Partial<ArticleSpec>) => setSpec((s) => ({ ...s, ...p }));
  return (
    <div className="article-dialog" role="dialog" aria-label="New article" data-testid="new-article-dialog">
      <h4>New article</h4>
      <label>
        Headline
        <input value={spec.title} data-testid="na-title" onChange={(e) => set({ title: e.currentTarget.value })} />
      </label>
      <div className="grid2">
        <Num label="Headline columns" value={spec.headlineColumns} set={(n) => set({ headlineColumns: n })} id="na-head-cols" />
        <Num label="Headline lines" value={spec.headlineLines} set={(n) => set({ headlineLines: n })} id="na-head-lines" />
        <Num label="Body columns" value={spec.bodyColumns} set={(n) => set({ bodyColumns: n })} id="na-body-cols" />
        <Num label="Body lines" value={spec.bodyLines} set={(n) => set({ bodyLines: n })} id="na-body-lines" />
      </div>
      <label>
        Picture
        <select value={spec.image ?? ''} data-testid="na-image" onChange={(e) => set({ image: e.currentTarget.value || null })}>
          <option value="">none</option>
          {images.map((src) => (
            <option key={src} value={src}>
              {src}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">Draw: drag the article's area on the page (it snaps to columns and grid lines; its width sets the headline's columns).</p>
      {error && (
        <p className="error" data-testid="article-dialog-error">
          {error}
        </p>
      )}
      <div className="buttons">
        <button type="button" data-testid="na-draw" onClick={() => attempt(setError, () => drawNewArticle(editor.tools, spec, reportPlacement))}>
          Draw on page
        </button>
        <button type="button" data-testid="na-place" onClick={() => attempt(setError, () => void placeNewArticle(editor.tools, spec))}>
          First free area
        </button>
        <button type="button" data-testid="na-cancel" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ContinueDialog({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const layout = useStore((s) => s.layout);
  const current = useStore((s) => s.session.page);
  const [target, setTarget] = useState(() => (current === 0 ? 1 : 0));
  const [columns, setColumns] = useState(4);
  const [lines, setLines] = useState(16);
  const [error, setError] = useState<string | null>(null);
  if (!doc) return null;
  let article = '';
  try {
    article = selectedArticle(editor.tools);
  } catch {
    article = '';
  }
  const name = doc.articles.find((a) => a.id === article)?.name ?? '';
  const pageId = doc.pages[target]?.id ?? '';
  const need = () => {
    if (!article) throw new EditError('select a frame of the article to continue first');
    if (!pageId) throw new EditError('choose a page');
    if (!Number.isInteger(columns) || columns < 1 || !Number.isInteger(lines) || lines < 1) throw new EditError('columns and lines must be whole numbers of at least 1');
  };
  return (
    <div className="article-dialog" role="dialog" aria-label="Continue article" data-testid="continue-dialog">
      <h4>Continue {name || 'article'} on page…</h4>
      <label>
        Page
        <select value={target} data-testid="ca-page" onChange={(e) => setTarget(Number(e.currentTarget.value))}>
          {doc.pages.map((p, i) => (
            <option key={p.id} value={i}>
              {layout?.pages[i]?.label ?? p.label ?? i + 1}
            </option>
          ))}
        </select>
      </label>
      <div className="grid2">
        <Num label="Columns" value={columns} set={setColumns} id="ca-cols" />
        <Num label="Lines" value={lines} set={setLines} id="ca-lines" />
      </div>
      {error && (
        <p className="error" data-testid="article-dialog-error">
          {error}
        </p>
      )}
      <div className="buttons">
        <button
          type="button"
          data-testid="ca-draw"
          onClick={() =>
            attempt(setError, () => {
              need();
              store.session({ page: target, view: 'page' });
              drawContinuation(editor.tools, article, columns, lines, reportPlacement);
            })
          }
        >
          Draw on that page
        </button>
        <button
          type="button"
          data-testid="ca-place"
          onClick={() =>
            attempt(setError, () => {
              need();
              const id = continueInFreeArea(editor.tools, article, pageId, columns, lines);
              store.session({ page: target, view: 'page' });
              editor.tools.select([id]);
            })
          }
        >
          First free area
        </button>
        <button type="button" data-testid="ca-cancel" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Whichever article dialog is open; Escape closes it. */
export function ArticleDialogs({ editor }: { editor: Editor }) {
  const dialog = useArticleUi((s) => s.dialog);
  if (!dialog) return null;
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && close()}>
      {dialog === 'new' ? <NewArticleDialog editor={editor} /> : <ContinueDialog editor={editor} />}
    </div>
  );
}
