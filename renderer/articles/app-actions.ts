/**
 * The app's side of the article commands: opening the dialogs, and running copyfit for the
 * selected article (or one the panel names) in the layout worker with a busy indicator. Failures
 * become messages in the status bar or the panel, never exceptions.
 */
import { EditError } from '../../engine/edit';
import type { Editor } from '../editor';
import { describeError } from '../editor';
import { store } from '../store/store';
import { applyFit, checkLimits, selectedArticle } from './actions';
import type { ArticleCommandActions } from './commands';
import { articleUi, setArticleUi } from './ui-state';

/** Runs copyfit for `article` with the panel's limits; the outcome goes to the panel. */
export async function runFit(editor: Editor, article: string): Promise<void> {
  const name = store.get().document?.doc.articles.find((a) => a.id === article)?.name ?? article;
  store.session({ busy: { label: `Fitting ${name}` }, error: null });
  try {
    const limits = articleUi().limits;
    checkLimits(limits);
    const searched = editor.history.current;
    // The trial layouts run in the layout worker (the live layout's fonts and code).
    const r = await editor.layouts.copyfit(searched, article, limits);
    applyFit(editor.history, searched, article, r);
    const how = `tracking ${r.setting.tracking > 0 ? '+' : ''}${r.setting.tracking}, leading ${r.setting.leading > 0 ? '+' : ''}${r.setting.leading} pt`;
    setArticleUi({ fitMessage: r.fits ? `${name} fits (${how})` : `${name}: the limits are reached (${how}); ${r.fit.over} lines still over` });
  } catch (e) {
    setArticleUi({ fitMessage: `Cannot fit ${name}: ${describeError(e)}` });
  } finally {
    store.session({ busy: null });
  }
}

/** The article actions for CommandContext.articles. */
export function articleActions(editor: Editor): ArticleCommandActions {
  const withArticle = (then: (article: string) => void) => {
    try {
      then(selectedArticle(editor.tools));
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      store.session({ error: e.message });
    }
  };
  return {
    newArticle: () => setArticleUi({ dialog: 'new' }),
    continueArticle: () => withArticle(() => setArticleUi({ dialog: 'continue' })),
    fitArticle: () => withArticle((a) => void runFit(editor, a)),
  };
}
