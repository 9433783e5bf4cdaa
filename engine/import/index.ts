/** Imported copy → article parts and styles (pure; the Node side reads and decodes files: services/import.ts). */
export type { CopyParagraph, MappedCopy } from './types';
export { mapCopy, parseByline, cleanLine } from './map';
export { placeCopy, type CopyTarget } from './place';
