/**
 * Printer's marks drawn outside the bleed: crop marks at the trim corners and registration
 * targets at the middle of each side, in the registration colour (Separation /All, which
 * prints on every plate). Coordinates are trim-relative, y down, like the display list.
 */
import { num } from './content';

/** Width of the mark area beyond the bleed on each side, in pt (about 10.6 mm). */
export const MARK_AREA = 30;
/** Gap between the bleed edge and the start of a crop mark. */
const GAP = 3;
const MARK_LEN = 18;
const TARGET_R = 5;

/** Operators for crop and registration marks; `reg` sets the registration colour for strokes. */
export function markOps(w: number, h: number, bleed: number, reg: string): string {
  const o = bleed + GAP;
  const e = o + MARK_LEN;
  const lines: [number, number, number, number][] = [];
  for (const [cx, sx] of [
    [0, -1],
    [w, 1],
  ] as const) {
    for (const [cy, sy] of [
      [0, -1],
      [h, 1],
    ] as const) {
      lines.push([cx + sx * o, cy, cx + sx * e, cy]); // horizontal, on the trim line
      lines.push([cx, cy + sy * o, cx, cy + sy * e]); // vertical
    }
  }
  const out = [reg, '0.25 w'];
  for (const [x1, y1, x2, y2] of lines) out.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  const d = bleed + GAP + TARGET_R + 4;
  for (const [x, y] of [
    [w / 2, -d],
    [w / 2, h + d],
    [-d, h / 2],
    [w + d, h / 2],
  ] as const) {
    out.push(circle(x, y, TARGET_R), 'S');
    out.push(`${num(x - TARGET_R - 3)} ${num(y)} m ${num(x + TARGET_R + 3)} ${num(y)} l S`);
    out.push(`${num(x)} ${num(y - TARGET_R - 3)} m ${num(x)} ${num(y + TARGET_R + 3)} l S`);
  }
  return `q\n${out.join('\n')}\nQ`;
}

/** A circle path from four Bézier quarter arcs. */
function circle(x: number, y: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${num(x + r)} ${num(y)} m`,
    `${num(x + r)} ${num(y + k)} ${num(x + k)} ${num(y + r)} ${num(x)} ${num(y + r)} c`,
    `${num(x - k)} ${num(y + r)} ${num(x - r)} ${num(y + k)} ${num(x - r)} ${num(y)} c`,
    `${num(x - r)} ${num(y - k)} ${num(x - k)} ${num(y - r)} ${num(x)} ${num(y - r)} c`,
    `${num(x + k)} ${num(y - r)} ${num(x + r)} ${num(y - k)} ${num(x + r)} ${num(y)} c`,
  ].join('\n');
}
