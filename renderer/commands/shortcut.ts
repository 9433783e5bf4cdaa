/**
 * Shortcuts as strings ("Mod+Shift+Z", "V", "Mod+0") and a pure matcher against plain key
 * data. "Mod" is Cmd on macOS and Ctrl elsewhere, as in InDesign's two keymaps.
 */

/** The key data the matcher reads (copied from a KeyboardEvent by the caller). */
export interface KeyData {
  key: string;
  /** KeyboardEvent.code, used for digits and letters when a layout or Shift changes `key`. */
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

/** A parsed shortcut. */
export interface Shortcut {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** Which modifier "Mod" means. */
export type Platform = 'mac' | 'other';

/** Parses "Mod+Shift+Z"; throws on an unknown modifier or an empty key. */
export function parseShortcut(s: string): Shortcut {
  const parts = s.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`shortcut "${s}" has no key`);
  const out: Shortcut = { key: key.toLowerCase(), mod: false, shift: false, alt: false };
  for (const p of parts) {
    if (p === 'Mod') out.mod = true;
    else if (p === 'Shift') out.shift = true;
    else if (p === 'Alt') out.alt = true;
    else throw new Error(`shortcut "${s}": unknown modifier "${p}"`);
  }
  return out;
}

/** The key of an event as a shortcut key: letters and digits by their physical key where known. */
function eventKey(e: KeyData): string {
  if (e.code && /^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  if (e.code && /^Digit[0-9]$/.test(e.code)) return e.code.slice(5);
  // Shift+] types "}" (and other layouts other characters): brackets by their physical key too.
  if (e.code === 'BracketLeft' || e.code === 'BracketRight') return e.code === 'BracketLeft' ? '[' : ']';
  return e.key.toLowerCase();
}

/** Whether a key event is the shortcut on a platform. */
export function matches(sc: Shortcut | string, e: KeyData, platform: Platform): boolean {
  const s = typeof sc === 'string' ? parseShortcut(sc) : sc;
  const mod = platform === 'mac' ? !!e.metaKey : !!e.ctrlKey;
  const other = platform === 'mac' ? !!e.ctrlKey : !!e.metaKey;
  return eventKey(e) === s.key && mod === s.mod && !other && !!e.shiftKey === s.shift && !!e.altKey === s.alt;
}

/** A shortcut as menus show it: ⇧⌘Z on macOS, Ctrl+Shift+Z elsewhere. */
export function formatShortcut(sc: string, platform: Platform): string {
  const s = parseShortcut(sc);
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key[0]!.toUpperCase() + s.key.slice(1);
  if (platform === 'mac') return `${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key}`;
  return [s.mod ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
