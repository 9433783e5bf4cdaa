/** Type shims for packages without declarations that the composer imports. */
declare module 'linebreak' {
  /** UAX #14 line breaker (linebreak 1.1.0). */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: position = index where the next line would start. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}

declare module 'hyphen/en-us/index.js' {
  const en: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default en;
}

declare module 'hyphen/en-gb/index.js' {
  const en: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default en;
}
