/**
 * The side panels: pages, articles and stories (overset counts), styles, swatches, preflight
 * and properties. Each reads the store; changes go through the editor as document changes.
 */
import type { Editor } from '../editor';
import { store, useStore, type SessionState } from '../store/store';
import { cssColor } from '../canvas/color';
import { PropertiesPanel } from './PropertiesPanel';
import { StyleTools } from './StyleTools';
import { ArticleFitPanel } from '../articles/ArticleFitPanel';
import { ArrangeBar } from '../objects/ArrangeBar';

const TABS: [SessionState['panel'], string][] = [
  ['pages', 'Pages'],
  ['articles', 'Articles'],
  ['styles', 'Styles'],
  ['swatches', 'Swatches'],
  ['preflight', 'Preflight'],
  ['properties', 'Properties'],
];

function PagesPanel() {
  const doc = useStore((s) => s.document?.doc);
  const layout = useStore((s) => s.layout);
  const current = useStore((s) => s.session.page);
  if (!doc) return null;
  return (
    <ol className="list" data-testid="pages-panel">
      {doc.pages.map((p, i) => (
        <li key={p.id} className={i === current ? 'current' : ''} onClick={() => store.session({ page: i, view: 'page' })}>
          <b>{layout?.pages[i]?.label ?? p.label ?? i + 1}</b> {p.section} <small>{p.template}</small>
        </li>
      ))}
    </ol>
  );
}

function ArticlesPanel() {
  const doc = useStore((s) => s.document?.doc);
  const layout = useStore((s) => s.layout);
  if (!doc) return null;
  const overset = new Map((layout?.stories ?? []).map((s) => [s.id as string, s.overset]));
  const selectStory = (id: string) => {
    const story = doc.stories.find((s) => s.id === id);
    const frame = story?.frames[0];
    const page = frame ? doc.pages.findIndex((p) => p.id === doc.frames.find((f) => f.id === frame)?.page) : -1;
    store.session({ selection: frame ? { frame } : null, ...(page >= 0 ? { page, view: 'page' as const } : {}) });
  };
  return (
    <div data-testid="articles-panel">
      <h4>Articles</h4>
      <ul className="list">
        {doc.articles.map((a) => (
          <li key={a.id} onClick={() => a.body && selectStory(a.body)}>
            {a.headline?.title.text ?? a.name}
            {a.body && (overset.get(a.body) ?? 0) > 0 ? <span className="badge overset">+{overset.get(a.body)}</span> : null}
          </li>
        ))}
      </ul>
      <h4>Stories</h4>
      <ul className="list">
        {doc.stories.map((s) => {
          const n = overset.get(s.id) ?? 0;
          return (
            <li key={s.id} onClick={() => selectStory(s.id)} data-testid="story-row">
              {s.name ?? s.id} <small>{s.frames.length} frame{s.frames.length === 1 ? '' : 's'}</small>
              {n > 0 ? <span className="badge overset" title="characters that do not fit">+{n}</span> : <span className="ok">fits</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function StylesPanel() {
  const doc = useStore((s) => s.document?.doc);
  if (!doc) return null;
  return (
    <div data-testid="styles-panel">
      <h4>Paragraph styles</h4>
      <ul className="list">
        {doc.paragraphStyles.map((s) => (
          <li key={s.id} title={s.id}>
            {s.name}{' '}
            <small>
              {s.basedOn ? `← ${s.basedOn} ` : ''}
              {s.size ? `${s.size}pt` : ''}
              {s.leading ? `/${s.leading}` : ''} {s.font?.cjk ?? s.font?.latin ?? ''}
            </small>
          </li>
        ))}
      </ul>
      <h4>Character styles</h4>
      <ul className="list">
        {doc.characterStyles.map((s) => (
          <li key={s.id}>{s.name}</li>
        ))}
      </ul>
    </div>
  );
}

function SwatchesPanel() {
  const doc = useStore((s) => s.document?.doc);
  if (!doc) return null;
  return (
    <ul className="list" data-testid="swatches-panel">
      {doc.swatches.map((s) => (
        <li key={s.id}>
          <span className="chip" ref={(el) => void (el && (el.style.background = cssColor({ cmyk: s.cmyk })))} /> {s.name}{' '}
          <small>
            {s.kind === 'spot' ? `spot ${s.ink ?? ''} ` : ''}C{s.cmyk[0]} M{s.cmyk[1]} Y{s.cmyk[2]} K{s.cmyk[3]}
          </small>
        </li>
      ))}
    </ul>
  );
}

function PreflightPanel({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const findings = useStore((s) => s.session.findings);
  if (!doc) return null;
  const go = (frame?: string, pageId?: string) => {
    const pid = pageId ?? (frame ? doc.frames.find((f) => f.id === frame)?.page : undefined);
    const page = pid ? doc.pages.findIndex((p) => p.id === pid) : -1;
    store.session({ selection: frame ? { frame } : null, ...(page >= 0 ? { page, view: 'page' as const } : {}) });
  };
  return (
    <div data-testid="preflight-panel">
      <button type="button" onClick={() => void editor.preflight()}>
        Run preflight
      </button>
      {findings === null ? (
        <p>Running…</p>
      ) : findings.length === 0 ? (
        <p className="ok">No problems found.</p>
      ) : (
        <ul className="list findings">
          {findings.map((f, i) => (
            <li key={i} className={f.severity} data-testid="finding" data-rule={f.rule} data-frame={f.frame ?? ''} onClick={() => go(f.frame, f.page)}>
              <b>{f.severity}</b> {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Panels({ editor }: { editor: Editor }) {
  const panel = useStore((s) => s.session.panel);
  const findings = useStore((s) => s.session.findings);
  return (
    <aside className="panels">
      <nav className="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={panel === id} data-testid={`tab-${id}`} onClick={() => store.session({ panel: id })}>
            {label}
            {id === 'preflight' && findings?.length ? <span className="badge preflight">{findings.length}</span> : null}
          </button>
        ))}
      </nav>
      <section className="panel-body">
        {panel === 'pages' && <PagesPanel />}
        {panel === 'articles' && <ArticleFitPanel editor={editor} />}
        {panel === 'articles' && <ArticlesPanel />}
        {panel === 'styles' && <StylesPanel />}
        {panel === 'styles' && <StyleTools editor={editor} />}
        {panel === 'swatches' && <SwatchesPanel />}
        {panel === 'preflight' && <PreflightPanel editor={editor} />}
        {panel === 'properties' && <ArrangeBar editor={editor} />}
        {panel === 'properties' && <PropertiesPanel editor={editor} />}
      </section>
    </aside>
  );
}
