/** Errors raised by the font book. */

/** A font that cannot be used: corrupt, unsupported format, or an unknown face. Names its source. */
export class FontError extends Error {
  /** Where the bytes came from (a file path, a bundled-font id…). */
  readonly source: string;
  constructor(source: string, problem: string) {
    super(`${source}: ${problem}`);
    this.name = 'FontError';
    this.source = source;
  }
}
