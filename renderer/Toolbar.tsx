/** The toolbar: file actions, page navigation, zoom, guides, preview and view switches. */
import { useState } from 'react';
import type { Editor } from './editor';
import { store, useStore } from './store/store';
import type { GuideToggles } from './canvas/guides';

export function Toolbar({ editor }: { editor: Editor }) {
  const d = useStore((s) => s.document);
  const layout = useStore((s) => s.layout);
  const s = useStore((st) => st.session);
  const pages = layout?.pages.length ?? d?.doc.pages.length ?? 0;
  const [goto, setGoto] = useState('');
  const go = (i: number) => store.session({ page: Math.max(0, Math.min(pages - 1, i)) });
  const toggle = (k: keyof GuideToggles) => store.session({ guides: { ...s.guides, [k]: !s.guides[k] } });
  return (
    <header className="toolbar">
      <strong className="title" data-testid="doc-title">
        {d ? `${d.name}${d.dirty ? ' •' : ''}` : 'Broadsheet'}
      </strong>
      <button type="button" onClick={() => void editor.openSample()}>Sample</button>
      <button type="button" disabled={!d} onClick={() => void editor.save()} title="Save (Ctrl+S)">Save</button>
      <button type="button" disabled={!d} onClick={() => void editor.exportPdf()}>Export PDF</button>
      <span className="sep" />
      <button type="button" aria-pressed={s.view === 'page'} onClick={() => store.session({ view: 'page' })} data-testid="view-page">Page</button>
      <button type="button" aria-pressed={s.view === 'overview'} onClick={() => store.session({ view: 'overview' })} data-testid="view-overview">Overview</button>
      <span className="sep" />
      <button type="button" onClick={() => go(s.page - 1)} disabled={s.page <= 0} data-testid="prev-page" title="Previous page (Page Up)">◀</button>
      <span data-testid="page-indicator">
        {layout?.pages[s.page]?.label ?? '–'} ({s.page + 1}/{pages})
      </span>
      <button type="button" onClick={() => go(s.page + 1)} disabled={s.page >= pages - 1} data-testid="next-page" title="Next page (Page Down)">▶</button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(goto);
          const byLabel = layout?.pages.findIndex((p) => p.label === goto) ?? -1;
          if (byLabel >= 0) go(byLabel);
          else if (Number.isInteger(n)) go(n - 1);
          setGoto('');
        }}
      >
        <input className="goto" placeholder="go to" value={goto} onChange={(e) => setGoto(e.target.value)} data-testid="goto" />
      </form>
      <span className="sep" />
      <button type="button" onClick={() => store.session({ zoom: { mode: 'fit-page' } })} aria-pressed={s.zoom.mode === 'fit-page'} data-testid="zoom-fit-page" title="Fit page (Ctrl+0)">Fit</button>
      <button type="button" onClick={() => store.session({ zoom: { mode: 'fit-width' } })} aria-pressed={s.zoom.mode === 'fit-width'} data-testid="zoom-fit-width">Width</button>
      <button type="button" onClick={() => store.session({ zoom: { mode: 'scale', scale: 1 } })} data-testid="zoom-100" title="100 % (Ctrl+1)">100%</button>
      <span className="zoom-value" data-testid="zoom-value">{Math.round((s.effectiveScale * 72) / 96 * 100)}%</span>
      <span className="sep" />
      {(['margins', 'columns', 'grid', 'bleed'] as const).map((k) => (
        <label key={k} className="check">
          <input type="checkbox" checked={s.guides[k]} onChange={() => toggle(k)} /> {k}
        </label>
      ))}
      <button type="button" aria-pressed={s.preview} onClick={() => store.session({ preview: !s.preview })} title="Preview mode (W)" data-testid="preview-toggle">Preview</button>
      <button type="button" aria-pressed={s.printPreview} onClick={() => store.session({ printPreview: !s.printPreview })} data-testid="print-preview-toggle">PDF side by side</button>
    </header>
  );
}
