/**
 * Place (Cmd/Ctrl+D), drop and relink: a file from the dialog or a drop goes to the Node side
 * (`import.copy` reads copy; `images.add` copies a picture next to the document), then into
 * the document in ONE history change (renderer/place/apply.ts). All or nothing: a refused file
 * changes nothing and its error, naming the file, goes to the error bar.
 *
 * Where it goes: copy → the story at the text caret, or the selected (dropped-on) text frame's
 * story; a picture → the selected (dropped-on) image frame, or a new image frame on the page.
 */
import { BridgeCallError, MAX_ADD_IMAGE_BYTES, MAX_COPY_BYTES } from '../../bridge';
import { EditError, storyLength } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model/types';
import { describeError, type Editor } from '../editor';
import { copyAtCaret, copyIntoFrame, imageIntoFrame, newImageFrame, relinkAll } from './apply';
import { COPY_EXTENSIONS, IMAGE_EXTENSIONS, pickFile, type PickKind } from './pick';

/** Where a placed file goes. */
export type PlaceTarget =
  | { kind: 'caret'; story: string; frame: string; anchor: number; focus: number }
  | { kind: 'frame'; frame: string }
  /** The current page: a new frame, centred there or at `at` (page points). */
  | { kind: 'page'; at?: { x: number; y: number } };

/** What a file is, by its name and type: copy, a picture, or unknown (the target decides; the Node side refuses what it cannot read). */
export function fileKind(file: { name: string; type: string }): 'copy' | 'image' | 'unknown' {
  const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
  // .doc is copy too: the Node side explains that old Word files must be saved as .docx.
  if (COPY_EXTENSIONS.includes(ext) || ext === '.doc' || file.type.startsWith('text/')) return 'copy';
  if (IMAGE_EXTENSIONS.includes(ext) || file.type.startsWith('image/')) return 'image';
  return 'unknown';
}

/** The target of Place from the tools' state: the caret, else the one selected frame, else the page. */
export function targetFromSelection(editor: Editor): PlaceTarget {
  const t = editor.tools.session.text;
  if (t && editor.tools.path === 'text.editing') return { kind: 'caret', ...t };
  const sel = editor.tools.session.selection;
  return sel.length === 1 ? { kind: 'frame', frame: sel[0]! } : { kind: 'page' };
}

function frameKind(doc: IssueDocument, target: PlaceTarget): string | undefined {
  return target.kind === 'frame' ? doc.frames.find((f) => f.id === target.frame)?.kind : undefined;
}

/** A short busy label, an error in the error bar on failure; never throws. */
async function job(editor: Editor, label: string, work: () => Promise<void>): Promise<boolean> {
  editor.s.session({ busy: { label }, error: null });
  try {
    await work();
    return true;
  } catch (e) {
    editor.s.session({ error: describeError(e) });
    return false;
  } finally {
    editor.s.session({ busy: null });
  }
}

const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

function checkSize(file: File, limit: number, what: string): void {
  if (file.size > limit) throw new EditError(`${file.name}: too large ${what} (${mb(file.size)}; the limit is ${limit / 2 ** 20} MB)`);
}

/** Copies a picture next to the document and loads it for the screen and layout. Returns the link and its natural size in pt. */
async function addPicture(editor: Editor, docPath: string, file: File) {
  if (!docPath) throw new EditError(`${file.name}: save the document first: placed pictures are copied into the images folder next to it`);
  checkSize(file, MAX_ADD_IMAGE_BYTES, 'to place');
  const r = await editor.api.images.add(docPath, file.name, await bytesOf(file));
  await editor.images.refresh(editor.api, docPath, [r.src]);
  editor.layouts.setImageSizes(editor.images.sizes());
  const k = 72 / r.density;
  return { src: r.src, natural: { width: r.width * k, height: r.height * k } };
}

/** Places `file` at `target`. Resolves true when the document changed. */
export async function placeFile(editor: Editor, file: File, target: PlaceTarget): Promise<boolean> {
  const d = editor.s.get().document;
  if (!d) return false;
  const kind = fileKind(file);
  const textTarget = target.kind === 'caret' || frameKind(d.doc, target) === 'text';
  const asCopy = kind === 'copy' || (kind === 'unknown' && textTarget);
  return job(editor, `Placing ${file.name}`, async () => {
    if (asCopy) {
      if (!textTarget) throw new EditError(`${file.name}: copy goes into a story: select a text frame or click into a story with the Type tool, then place it`);
      checkSize(file, MAX_COPY_BYTES, 'for copy');
      const copy = await editor.api.import.copy(file.name, await bytesOf(file));
      if (target.kind === 'caret') {
        let at = { story: target.story, caret: 0 };
        editor.history.change((doc) => {
          at = copyAtCaret(doc, target, copy.paragraphs, editor.tools.host.newId);
        });
        const t = editor.tools.session.text;
        if (t && t.frame === target.frame) editor.tools.session.text = { ...t, story: at.story, anchor: at.caret, focus: at.caret };
      } else if (target.kind === 'frame') {
        editor.history.change((doc) => void copyIntoFrame(doc, target.frame, copy.paragraphs, editor.tools.host.newId));
        // A caret in the replaced story (a drop while typing) stays inside the new text.
        const t = editor.tools.session.text;
        const st = t && editor.history.current.stories.find((x) => x.id === t.story);
        if (t && st) editor.tools.session.text = { ...t, anchor: Math.min(t.anchor, storyLength(st)), focus: Math.min(t.focus, storyLength(st)) };
        else editor.tools.select([target.frame]);
      }
      return;
    }
    const pic = await addPicture(editor, d.path, file);
    if (target.kind === 'frame' && frameKind(editor.history.current, target) === 'image') {
      editor.history.change((doc) => imageIntoFrame(doc, target.frame, pic.src));
      editor.tools.select([target.frame]);
      return;
    }
    const page = editor.tools.host.page();
    let made = '';
    editor.history.change((doc) => {
      made = newImageFrame(doc, page, pic.src, pic.natural, editor.tools.host.newId, target.kind === 'page' ? target.at : undefined);
    });
    if (editor.tools.tool !== 'select') editor.tools.setTool('select');
    editor.tools.select([made]);
  });
}

let choosing = false;

/**
 * The file dialog: the host's own in the desktop app (a menu command carries no user
 * activation, which a page's file input needs), the page's file input otherwise. Null when
 * cancelled, or when the host's dialog is already open (a shortcut and its menu item both
 * firing); a second file input dialog cancels the first (pick.ts).
 */
export async function chooseFile(editor: Editor, kind: PickKind): Promise<File | null> {
  if (editor.host === 'electron') {
    if (choosing) return null;
    choosing = true;
    try {
      const r = await editor.api.files.choose(kind);
      return new File([r.bytes as BlobPart], r.name);
    } catch (e) {
      if (e instanceof BridgeCallError && e.code === 'cancelled') return null;
      if (!(e instanceof BridgeCallError && e.code === 'unsupported')) throw e;
    } finally {
      choosing = false;
    }
  }
  return pickFile(kind);
}

/** Place… (Cmd/Ctrl+D): the file dialog, then placeFile at the current selection. */
export async function place(editor: Editor): Promise<boolean> {
  if (!editor.s.get().document) return false;
  const target = targetFromSelection(editor);
  let file: File | null;
  try {
    file = await chooseFile(editor, 'any');
  } catch (e) {
    editor.s.session({ error: describeError(e) });
    return false;
  }
  return file ? placeFile(editor, file, target) : false;
}

/**
 * Relinks the picture of image frame `frameId` to `file`: every frame that uses the same link
 * follows (one undo step). When the new file lands under the old link's name (the missing file
 * restored), the document does not change and the picture simply appears.
 */
export async function relinkFile(editor: Editor, frameId: string, file: File): Promise<boolean> {
  const d = editor.s.get().document;
  const frame = d?.doc.frames.find((f) => f.id === frameId);
  if (!d || !frame) return false;
  if (frame.kind !== 'image') {
    editor.s.session({ error: `frame "${frameId}" is not an image frame` });
    return false;
  }
  const old = frame.src;
  return job(editor, `Relinking ${file.name}`, async () => {
    const pic = await addPicture(editor, d.path, file);
    if (pic.src === old) await editor.layoutNow(true);
    else editor.history.change((doc) => void relinkAll(doc, old, pic.src));
  });
}

/** Relink… from the properties panel: the file dialog, then relinkFile. */
export async function relink(editor: Editor, frameId: string): Promise<boolean> {
  let file: File | null;
  try {
    file = await chooseFile(editor, 'image');
  } catch (e) {
    editor.s.session({ error: describeError(e) });
    return false;
  }
  return file ? relinkFile(editor, frameId, file) : false;
}
