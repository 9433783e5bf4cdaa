/**
 * Line records with their caches: a placed line keeps its record while nothing it shows has
 * changed, and generated lines (headlines, folios, jump lines), placed afresh on every layout,
 * are found again by their composed line and position. Shared by the whole-issue layout and
 * the one-story relayout, so both hand out the very same record objects for the same lines.
 */
import type { Swatch } from '../model/types';
import type { StoryId } from '../model/ids';
import type { PlacedLine } from './fill';
import { lineRecord } from './records';
import type { LineRecord } from './types';
import type { PreparedParagraph } from './typesetter';

/** Line records by placed line (placed lines live as long as a fill cache keeps them). */
const RECORDS = new WeakMap<PlacedLine, { prepared: PreparedParagraph; swatches: readonly Swatch[]; frame: string; role: string; rec: LineRecord }>();

const LINE_RECORDS = new WeakMap<PlacedLine['line'], Map<string, { prepared: PreparedParagraph; swatches: readonly Swatch[]; rec: LineRecord }>>();

/** Makes the record of a placed line. */
export type Recorder = (pl: PlacedLine, p: PreparedParagraph, story: StoryId | null, frame: string, role: LineRecord['role']) => LineRecord;

/**
 * The recorder for one layout of a document: `docSwatches` is the document's swatch list (its
 * identity tells whether paint may have changed), `swatches` the same by id.
 */
export function makeRecorder(docSwatches: readonly Swatch[], swatches: ReadonlyMap<string, Swatch>): Recorder {
  return (pl, p, story, frame, role) => {
    // Lines of a reused fill keep their record while nothing it shows has changed.
    const hit = RECORDS.get(pl);
    if (hit && hit.prepared === p && hit.swatches === docSwatches && hit.frame === frame && hit.role === role) return hit.rec;
    // Generated lines (headlines, folios, jump lines) are placed afresh each time, but their
    // composed line is memoised: keyed by it and the position, their record is reused too.
    const where = `${pl.x}|${pl.baseline}|${pl.col}|${frame}|${role}|${story ?? ''}`;
    let byLine = LINE_RECORDS.get(pl.line);
    const known = byLine?.get(where);
    if (known && known.prepared === p && known.swatches === docSwatches) return known.rec;
    const rec = lineRecord({ line: pl.line, prepared: p, composedStart: pl.paraStart, x: pl.x, baseline: pl.baseline, column: pl.col, story, role, frame, swatches });
    RECORDS.set(pl, { prepared: p, swatches: docSwatches, frame, role, rec });
    if (!byLine) LINE_RECORDS.set(pl.line, (byLine = new Map()));
    byLine.set(where, { prepared: p, swatches: docSwatches, rec });
    return rec;
  };
}
