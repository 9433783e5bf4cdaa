/** Copy as it comes from a file: plain paragraphs, some marked as headings. */

/** One paragraph of imported copy. `heading`: 1–6 for a heading (Markdown #, DOCX Heading n). */
export interface CopyParagraph {
  text: string;
  heading?: number;
  /** The source's own paragraph style name (DOCX), kept for mapping by name. */
  styleName?: string;
}

/** Copy mapped onto an article's parts. */
export interface MappedCopy {
  headline: { kicker?: string; title?: string; subhead?: string };
  byline?: { pattern: string; names: string[] };
  /** Body paragraphs with the paragraph style each gets. */
  body: { style: string; text: string }[];
}
