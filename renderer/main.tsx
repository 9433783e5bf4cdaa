/** Renderer entry: connect to the host, start the editor, open the host's document. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installAutomation } from './automation';
import { Editor } from './editor';
import { connectHost } from './host';
import { connectShell, findShell } from './host/shell';

const root = createRoot(document.getElementById('root')!);
try {
  const { api, kind } = connectHost();
  const editor = new Editor(api, kind);
  installAutomation(editor);
  const shell = findShell();
  if (shell) connectShell(shell, editor);
  root.render(<App editor={editor} />);
  void editor.openInitial();
} catch (e) {
  root.render(<p className="fatal">{e instanceof Error ? e.message : String(e)}</p>);
}
