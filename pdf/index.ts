/** The PDF writer: display lists → PDF/X-1a or PDF/X-4 (the only layer that imports pdfkit). */
export { writePdf, pageGeometry, type PageGeometry } from './write';
export { PROFILES, iccComponents, iccClass } from './pdfx';
export { MARK_AREA } from './marks';
export type { PdfOptions, PdfProfile, OutputIntent, FontSource, ImageSource, PreparedImage, FailedImage } from './types';
