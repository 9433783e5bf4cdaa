/** Keyboard shortcuts as in other layout tools (InDesign, QuarkXPress). */
import { PX_PER_PT, clampScale } from './canvas/viewport';
import type { Editor } from './editor';
import { store } from './store/store';

/** Installs the shortcuts; returns the uninstaller. */
export function installShortcuts(editor: Editor): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const s = store.get().session;
    const pages = store.get().layout?.pages.length ?? 0;
    const mod = e.ctrlKey || e.metaKey;
    const zoomBy = (k: number) => store.session({ zoom: { mode: 'scale', scale: clampScale(s.effectiveScale * k) / PX_PER_PT } });
    if (mod && e.key === 's') void editor.save();
    else if (mod && e.key === '0') store.session({ zoom: { mode: 'fit-page' } });
    else if (mod && e.key === '1') store.session({ zoom: { mode: 'scale', scale: 1 } });
    else if (mod && (e.key === '=' || e.key === '+')) zoomBy(1.25);
    else if (mod && e.key === '-') zoomBy(0.8);
    else if (!mod && (e.key === 'w' || e.key === 'W')) store.session({ preview: !s.preview });
    else if (e.key === 'PageDown') store.session({ page: Math.min(pages - 1, s.page + 1) });
    else if (e.key === 'PageUp') store.session({ page: Math.max(0, s.page - 1) });
    else if (e.key === 'Escape') store.session({ selection: null });
    else return;
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
