/**
 * The Articles panel's article tools: New article…, Continue on page…, Select article (the
 * registered commands), the copyfit limits, and every article's fit in the current layout
 * ("N lines over" / "N lines under" / "fits", live) with a Fit button each.
 */
import { articleFits, type ArticleFit, type CopyfitLimits } from '../../engine/edit';
import { command } from '../commands';
import type { Editor } from '../editor';
import { commandContext, commandState } from '../shortcuts';
import { useStore } from '../store/store';
import { runFit } from './app-actions';
import { setArticleUi, useArticleUi } from './ui-state';

/** "3 lines over", "12 lines under", "fits". */
export function fitText(f: ArticleFit): string {
  if (f.over > 0) return `${f.over} line${f.over === 1 ? '' : 's'} over`;
  if (f.under > 0) return `${f.under} line${f.under === 1 ? '' : 's'} under`;
  return 'fits';
}

function Limit({ which, i, label }: { which: keyof CopyfitLimits; i: 0 | 1; label: string }) {
  const limits = useArticleUi((s) => s.limits);
  return (
    <label>
      {label}
      <input
        type="number"
        step={which === 'leading' ? 0.05 : 1}
        value={limits[which][i]}
        data-testid={`fit-${which}-${i ? 'max' : 'min'}`}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          const pair: [number, number] = [...limits[which]];
          pair[i] = v;
          setArticleUi({ limits: { ...limits, [which]: pair } });
        }}
      />
    </label>
  );
}

export function ArticleFitPanel({ editor }: { editor: Editor }) {
  const doc = useStore((s) => s.document?.doc);
  const layout = useStore((s) => s.layout);
  const message = useArticleUi((s) => s.fitMessage);
  useStore((s) => s.session.selection);
  if (!doc) return null;
  const run = (name: string) => {
    const c = command(name);
    if (c?.enabled(commandState(editor))) c.perform(commandContext(editor));
  };
  const enabled = (name: string) => !!command(name)?.enabled(commandState(editor));
  let fits: ArticleFit[] = [];
  try {
    fits = layout ? articleFits(doc, layout) : [];
  } catch {
    fits = []; // a layout of an older revision may name frames that are gone; the next one will not
  }
  const names = new Map(doc.articles.map((a) => [a.id as string, a.headline?.title.text ?? a.name]));
  return (
    <div className="article-tools" data-testid="article-tools">
      <div className="buttons">
        <button type="button" data-testid="article-new" onClick={() => run('object.newArticle')}>
          New article…
        </button>
        <button type="button" data-testid="article-continue" disabled={!enabled('object.continueArticle')} onClick={() => run('object.continueArticle')}>
          Continue on page…
        </button>
        <button type="button" data-testid="article-select" disabled={!enabled('object.selectArticle')} onClick={() => run('object.selectArticle')}>
          Select article
        </button>
      </div>
      <h4>Copyfit</h4>
      <div className="grid2 limits">
        <Limit which="tracking" i={0} label="Tracking min" />
        <Limit which="tracking" i={1} label="max (/1000 em)" />
        <Limit which="leading" i={0} label="Leading min" />
        <Limit which="leading" i={1} label="max (pt)" />
      </div>
      {message && (
        <p className="fit-message" data-testid="fit-message">
          {message}
        </p>
      )}
      <ul className="list">
        {fits.map((f) => (
          <li key={f.article} data-testid="article-fit" data-article={f.article} data-over={f.over} data-under={f.under}>
            {names.get(f.article) ?? f.article}{' '}
            <span className={f.over > 0 ? 'badge overset' : 'ok'}>{fitText(f)}</span>
            <button type="button" className="fit" data-testid="fit-article" onClick={() => void runFit(editor, f.article)} title="Fit by tracking, then leading, within the limits">
              Fit
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
