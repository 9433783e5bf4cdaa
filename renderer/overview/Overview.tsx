/**
 * The issue overview: every page as a thumbnail in reading order, with its label, section,
 * overset and preflight badges and the jump lines that leave and reach it. Click opens a page;
 * drag reorders (a document change, so layout re-runs and the jump lines renumber); pages can
 * be added after and removed.
 */
import { useState } from 'react';
import type { Editor } from '../editor';
import { store, useStore } from '../store/store';
import { addPage, movePage, removePage } from '../store/page-ops';
import { Thumbnail } from '../canvas/thumbnail';

export function Overview({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const layout = useStore((s) => s.layout);
  const findings = useStore((s) => s.session.findings);
  const current = useStore((s) => s.session.page);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  if (!doc || !layout) return <div className="overview-empty">Laying out…</div>;
  const frameStory = new Map<string, string>();
  for (const st of layout.stories) for (const f of st.frames) frameStory.set(f, st.id);
  return (
    <div className="overview" data-testid="overview">
      {layout.pages.map((p, i) => {
        const page = doc.pages[i];
        const oversetStories = layout.stories.filter((st) => st.overset > 0 && p.frames.some((f) => f.source && st.frames.includes(f.source)));
        const pageFindings = (findings ?? []).filter((f) => f.page === p.id);
        const jumps = layout.jumps.filter((j) => j.page === p.number);
        return (
          <figure
            key={p.id}
            className={`overview-page${i === current ? ' current' : ''}${dragFrom === i ? ' dragging' : ''}`}
            data-testid="overview-page"
            data-label={p.label}
            draggable
            onDragStart={(e) => {
              setDragFrom(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(i));
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const from = Number(e.dataTransfer.getData('text/plain'));
              setDragFrom(null);
              if (Number.isInteger(from)) editor.change(movePage(doc, from, i));
            }}
            onDragEnd={() => setDragFrom(null)}
            onClick={() => store.session({ page: i, view: 'page' })}
            title={`Open ${p.label}`}
          >
            <Thumbnail page={p.display} sources={editor.sources} width={300} />
            <figcaption>
              <span className="page-label">{p.label}</span>
              {page?.section ? <span className="page-section">{page.section}</span> : null}
              {oversetStories.length > 0 && (
                <span className="badge overset" data-testid="badge-overset" title={oversetStories.map((s) => `${s.id}: ${s.overset} characters overset`).join('\n')}>
                  overset {oversetStories.length}
                </span>
              )}
              {pageFindings.length > 0 && (
                <span className="badge preflight" data-testid="badge-preflight" title={pageFindings.map((f) => f.message).join('\n')}>
                  ⚠ {pageFindings.length}
                </span>
              )}
            </figcaption>
            {jumps.length > 0 && (
              <ul className="jumps">
                {jumps.map((j, k) => (
                  <li key={k} data-testid="jump" data-kind={j.kind} data-target={j.target}>
                    {j.kind === 'to' ? '→' : '←'} {j.target} · {j.text}
                  </li>
                ))}
              </ul>
            )}
            <div className="page-actions">
              <button type="button" onClick={(e) => (e.stopPropagation(), editor.change(addPage(doc, i)))} title="Add a page after this one">
                + page
              </button>
              <button
                type="button"
                disabled={doc.pages.length <= 1}
                onClick={(e) => (e.stopPropagation(), editor.change(removePage(doc, i)))}
                title="Remove this page and its frames"
              >
                remove
              </button>
            </div>
          </figure>
        );
      })}
    </div>
  );
}
