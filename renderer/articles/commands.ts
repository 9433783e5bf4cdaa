/**
 * The article commands (group Object), registered with the others in commands/registry.ts:
 * New article…, Continue on page…, Select article, Fit article. The dialogs and the copyfit
 * run are the app's (CommandContext.articles); selecting an article needs only the tools.
 */
import type { Command, CommandState } from '../commands/registry';
import { selectArticle } from './actions';

/** What the article commands ask of the app. */
export interface ArticleCommandActions {
  /** Opens the New-article dialog. */
  newArticle(): void;
  /** Opens the Continue-on-page dialog for the selected article. */
  continueArticle(): void;
  /** Fits the selected article with the panel's limits. */
  fitArticle(): void;
}

const withDoc = (s: CommandState) => s.hasDocument && !s.editingText;
const withSelection = (s: CommandState) => withDoc(s) && s.selection.length > 0;

/** The article commands. */
export const ARTICLE_COMMANDS: readonly Command[] = [
  { name: 'object.newArticle', label: 'New article…', group: 'Object', enabled: withDoc, perform: (c) => c.articles?.newArticle() },
  { name: 'object.continueArticle', label: 'Continue article on page…', group: 'Object', enabled: withSelection, perform: (c) => c.articles?.continueArticle() },
  { name: 'object.selectArticle', label: 'Select article', group: 'Object', shortcut: 'Mod+Alt+A', enabled: withSelection, perform: (c) => void selectArticle(c.tools) },
  { name: 'object.fitArticle', label: 'Fit article (copyfit)', group: 'Object', enabled: withSelection, perform: (c) => c.articles?.fitArticle() },
];
