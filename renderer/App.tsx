/** The editor window: toolbar, page canvas or overview (with the PDF beside it on request), panels, status. */
import { useEffect } from 'react';
import { PageCanvas } from './canvas/PageCanvas';
import type { Editor } from './editor';
import { Overview } from './overview/Overview';
import { Panels } from './panels/Panels';
import { PrintPreview } from './preview/PrintPreview';
import { installShortcuts } from './shortcuts';
import { installFileDrop } from './place/drop';
import { store, useStore } from './store/store';
import { Toolbar } from './Toolbar';
import { CommandPalette } from './text-ui/CommandPalette';
import { StoryEditorPane } from './text-ui/StoryEditor';
import { ArticleDialogs } from './articles/ArticleDialogs';

function StatusBar({ editor }: { editor: Editor }) {
  const busy = useStore((s) => s.session.busy);
  const error = useStore((s) => s.session.error);
  const layout = useStore((s) => s.layout);
  const p = busy?.progress;
  return (
    <footer className="status" data-testid="status">
      {busy ? (
        <span className="busy" data-testid="busy">
          {busy.label}
          {p ? ` ${p.done}/${p.total}` : '…'}
          {p && p.total > 0 ? <progress max={p.total} value={p.done} /> : <progress />}
        </span>
      ) : layout ? (
        <span>
          {layout.pages.length} pages · layout {editor.lastLayoutMs.toFixed(0)} ms
        </span>
      ) : null}
      {error && (
        <span className="error" data-testid="error" onClick={() => store.session({ error: null })} title="Click to dismiss">
          {error}
        </span>
      )}
    </footer>
  );
}

export function App({ editor }: { editor: Editor }) {
  const view = useStore((s) => s.session.view);
  const printPreview = useStore((s) => s.session.printPreview);
  const hasDoc = useStore((s) => s.document !== null);
  useEffect(() => installShortcuts(editor), [editor]);
  useEffect(() => installFileDrop(editor), [editor]);
  return (
    <div className="app">
      <Toolbar editor={editor} />
      <main className="workspace">
        <div className={`center${printPreview ? ' split' : ''}`}>
          {!hasDoc ? <div className="page-empty">Opening…</div> : view === 'overview' ? <Overview editor={editor} /> : <PageCanvas editor={editor} />}
          {hasDoc && printPreview && <PrintPreview editor={editor} />}
        </div>
        <StoryEditorPane editor={editor} />
        <Panels editor={editor} />
        <ArticleDialogs editor={editor} />
      </main>
      <CommandPalette editor={editor} />
      <StatusBar editor={editor} />
    </div>
  );
}
