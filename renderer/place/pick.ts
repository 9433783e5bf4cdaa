/**
 * The file dialog for Place and Relink: one hidden `<input type=file>` (works in web mode and in
 * Electron alike, and the renderer gets the bytes without ever seeing a host path). Resolves to
 * the chosen file, or null when the dialog is cancelled.
 */

/** What the dialog offers: copy (text, Markdown, Word), pictures, or both. */
export type PickKind = 'copy' | 'image' | 'any';

/** File extensions of copy. */
export const COPY_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.docx'];
/** File extensions of pictures that can be placed. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp', '.gif'];

const ACCEPT: Record<PickKind, string> = {
  copy: COPY_EXTENSIONS.join(','),
  image: IMAGE_EXTENSIONS.join(','),
  // Place takes anything: a file that is neither copy nor a picture is refused with a message.
  any: '',
};

let input: HTMLInputElement | null = null;
let pending: ((f: File | null) => void) | null = null;

function settle(f: File | null): void {
  const done = pending;
  pending = null;
  done?.(f);
}

/** Opens the file dialog. A second call while one is open cancels the first (resolves it with null). */
export function pickFile(kind: PickKind): Promise<File | null> {
  if (!input) {
    input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.dataset['testid'] = 'place-input';
    input.addEventListener('change', () => settle(input?.files?.[0] ?? null));
    input.addEventListener('cancel', () => settle(null));
    document.body.append(input);
  }
  settle(null);
  input.accept = ACCEPT[kind];
  input.value = '';
  return new Promise((resolve) => {
    pending = resolve;
    input!.click();
  });
}
