/** The PDF writer's inputs: options, and the host-supplied sources of font and image bytes. */

/** The PDF/X flavour written. */
export type PdfProfile = 'pdfx1a' | 'pdfx4';

/** The output condition the PDF/X OutputIntent names. */
export interface OutputIntent {
  /** The CMYK output ICC profile (class prtr), embedded as DestOutputProfile. */
  icc: Uint8Array;
  /** OutputConditionIdentifier, e.g. "CGATS TR 002" or "IFRA26". */
  identifier: string;
  /** Human-readable condition, written as /Info. */
  info: string;
  /** RegistryName for a registered condition (http://www.color.org). */
  registry?: string;
}

/** How a PDF is written. */
export interface PdfOptions {
  profile: PdfProfile;
  /** Document title (Info /Title and XMP dc:title). */
  title: string;
  /** CreationDate = ModDate. Callers pass a fixed date so that exports are reproducible. */
  date: Date;
  outputIntent: OutputIntent;
  /** Bleed in pt; overrides each page's own bleed (0 is valid). */
  bleed?: number;
  /** Crop and registration marks outside the bleed (the MediaBox grows to hold them). */
  marks?: boolean;
  /** A slug line printed in the mark area (needs marks); {page} is replaced by the page label. */
  slug?: string;
  /** Face key used for the slug line; defaults to the first face used on the page. */
  slugFace?: string;
  /** Info /Trapped (default false: the plant traps). */
  trapped?: boolean;
  /** Called after each page is written (progress). */
  onPage?: (done: number, total: number) => void;
  /** Font embedding: 'harfbuzz' (default: smaller, faster) or 'pdfkit' (fontkit's subsetter). */
  subsetter?: 'harfbuzz' | 'pdfkit';
}

/** Where the bytes of a display-list face key come from (engine/fonts FontBook satisfies it). */
export interface FontSource {
  faceSource(key: string): { bytes: Uint8Array; postscriptName: string; collectionIndex?: number };
  /** Optional: the already-parsed fontkit font for the key, to avoid parsing the bytes again. */
  tryFace?(key: string): { font: unknown } | undefined;
}

/** An image ready for the PDF: a baseline JPEG in a colour space the profile allows. */
export interface PreparedImage {
  ok: true;
  /** JPEG bytes (DCTDecode). */
  jpeg: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** 1 grey, 3 RGB (X-4 only), 4 CMYK. */
  components: 1 | 3 | 4;
  /** Adobe APP14-style inverted CMYK (as Photoshop and libvips write it). */
  invertedCmyk: boolean;
}

/** An image that could not be used, with the reason (shown to the user). */
export interface FailedImage {
  ok: false;
  message: string;
}

/** Supplies images by the link written in the document. Called once per distinct link, in order. */
export interface ImageSource {
  image(src: string): Promise<PreparedImage | FailedImage>;
}
