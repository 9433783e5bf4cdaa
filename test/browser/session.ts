/**
 * The one editor session a browser test file drives: opened on a fresh copy of the sample before
 * the file's tests and closed after them (vitest hooks; kept out of harness.ts, which the
 * benchmarks use outside vitest).
 */
import { afterAll, beforeAll } from 'vitest';
import { openSampleEditor, type EditorSession } from './harness';

/** Registers the hooks; `onOpen` receives the session once it is ready. */
export function useSampleEditor(onOpen: (session: EditorSession) => void): void {
  let session: EditorSession | undefined;
  beforeAll(async () => {
    session = await openSampleEditor();
    onOpen(session);
  });
  afterAll(() => session?.close());
}
