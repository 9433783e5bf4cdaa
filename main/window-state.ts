/**
 * The small state file of the shell (`<userData>/window-state.json`): the last window's
 * bounds and the last document, validated with zod on read (a damaged or hand-edited file
 * falls back to defaults, never crashes), written atomically. Bounds are fitted back onto
 * a connected display, so a window never reopens on a monitor that is gone.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../services/atomic-write';

const Bounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});
/** A window rectangle in screen coordinates. */
export type Bounds = z.infer<typeof Bounds>;

const ShellState = z.object({
  version: z.literal(1),
  bounds: Bounds.optional(),
  maximized: z.boolean().default(false),
  /** The document open in the last window that was closed (reopened at the next start). */
  lastDocument: z.string().min(1).max(4096).optional(),
});
/** What the shell remembers between runs. */
export type ShellState = z.infer<typeof ShellState>;

/** The state of a first run. */
export const DEFAULT_STATE: ShellState = { version: 1, maximized: false };

/** Smallest window the editor is usable in. */
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** Default size: a broadsheet page fits at a readable scale on a laptop screen. */
export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;

/** Parses the state file's text; anything invalid gives the defaults. */
export function parseShellState(text: string): ShellState {
  try {
    const r = ShellState.safeParse(JSON.parse(text));
    return r.success ? r.data : DEFAULT_STATE;
  } catch {
    return DEFAULT_STATE;
  }
}

/** Reads the state file (defaults when missing or damaged). */
export async function loadShellState(file: string): Promise<ShellState> {
  try {
    return parseShellState(await fsp.readFile(file, 'utf8'));
  } catch {
    return DEFAULT_STATE;
  }
}

/** Writes the state file atomically. */
export async function saveShellState(file: string, state: ShellState): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(ShellState.parse(state), null, 2) + '\n');
}

/**
 * Fits saved bounds onto the displays' work areas: kept if at least a 100×100 px corner of
 * the title bar area is on some display, otherwise centred on the primary display; the size
 * is clamped to the display. No saved bounds: the default size, centred.
 */
export function fitBounds(saved: Bounds | undefined, workAreas: readonly Bounds[]): Bounds {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const clampSize = (w: number, h: number, area: Bounds) => ({
    width: Math.max(Math.min(w, area.width), Math.min(MIN_SIZE.width, area.width)),
    height: Math.max(Math.min(h, area.height), Math.min(MIN_SIZE.height, area.height)),
  });
  const centred = (w: number, h: number, area: Bounds): Bounds => {
    const s = clampSize(w, h, area);
    return { x: area.x + Math.round((area.width - s.width) / 2), y: area.y + Math.round((area.height - s.height) / 2), ...s };
  };
  if (!saved) return centred(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary);
  const visible = (a: Bounds) => {
    const w = Math.min(saved.x + saved.width, a.x + a.width) - Math.max(saved.x, a.x);
    const h = Math.min(saved.y + 100, a.y + a.height) - Math.max(saved.y, a.y);
    return w >= 100 && h >= 50;
  };
  const area = workAreas.find(visible);
  if (!area) return centred(saved.width, saved.height, primary);
  return { x: saved.x, y: Math.max(saved.y, area.y), ...clampSize(saved.width, saved.height, area) };
}

/** Offsets a new window from the last one so windows do not stack exactly. */
export function cascade(b: Bounds, n: number): Bounds {
  return { ...b, x: b.x + 24 * n, y: b.y + 24 * n };
}
