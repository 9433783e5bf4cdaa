/**
 * PDF/X-1a:2001 and PDF/X-4 document-level structure: header version, Info keys, the
 * GTS_PDFX OutputIntent with the embedded output profile, and the XMP packet whose
 * values agree with Info. Requirements: shared/reference/print-pdf.md §1.1, §1.2, §1.5.
 */
import { pdfString, raw, type PdfkitAdapter } from './pdfkit-adapter';
import type { OutputIntent, PdfProfile } from './types';

/** What each profile fixes. */
export const PROFILES: Record<PdfProfile, { version: '1.3' | '1.6'; pdfxVersion: string; conformance?: string; label: string }> = {
  pdfx1a: { version: '1.3', pdfxVersion: 'PDF/X-1:2001', conformance: 'PDF/X-1a:2001', label: 'PDF/X-1a:2001' },
  pdfx4: { version: '1.6', pdfxVersion: 'PDF/X-4', label: 'PDF/X-4' },
};

/** The Info dictionary for a profile (dates as Date objects: pdfkit writes them as D:…Z). */
export function infoFor(profile: PdfProfile, title: string, date: Date, trapped: boolean): Record<string, unknown> {
  const p = PROFILES[profile];
  const info: Record<string, unknown> = {
    Title: pdfString(title),
    Creator: pdfString('Broadsheet'),
    Producer: pdfString('Broadsheet (pdfkit)'),
    CreationDate: date,
    ModDate: date,
    Trapped: raw(trapped ? '/True' : '/False'),
    GTS_PDFXVersion: pdfString(p.pdfxVersion),
  };
  if (p.conformance) info.GTS_PDFXConformance = pdfString(p.conformance);
  return info;
}

/** Writes the OutputIntent (embedding the ICC profile) into the catalog. */
export function addOutputIntent(pdf: PdfkitAdapter, intent: OutputIntent): void {
  const n = iccComponents(intent.icc);
  const icc = pdf.ref({ N: n, Alternate: n === 1 ? 'DeviceGray' : n === 3 ? 'DeviceRGB' : 'DeviceCMYK' });
  icc.end(intent.icc);
  const dict: Record<string, unknown> = {
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: pdfString(intent.identifier),
    OutputCondition: pdfString(intent.info),
    Info: pdfString(intent.info),
    DestOutputProfile: icc,
  };
  if (intent.registry) dict.RegistryName = pdfString(intent.registry);
  const ref = pdf.ref(dict);
  ref.end();
  pdf.setOutputIntents([ref]);
}

/** Colour components of an ICC profile's data colour space (header bytes 16–19); throws on a non-ICC file. */
export function iccComponents(icc: Uint8Array): number {
  if (icc.length < 128 || String.fromCharCode(...icc.subarray(36, 40)) !== 'acsp') {
    throw new Error('not an ICC profile (no "acsp" signature)');
  }
  const space = String.fromCharCode(...icc.subarray(16, 20));
  const n = { 'CMYK': 4, 'GRAY': 1, 'RGB ': 3 }[space];
  if (!n) throw new Error(`unsupported ICC colour space "${space.trim()}" (an output profile must be CMYK)`);
  return n;
}

/** The ICC profile's device class (e.g. "prtr" for an output profile). */
export function iccClass(icc: Uint8Array): string {
  return String.fromCharCode(...icc.subarray(12, 16));
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** XMP date: same instant as Info's D:…Z. */
function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A UUID-shaped id from hash bytes (deterministic, so xmpMM ids repeat for identical input). */
export function uuidFrom(bytes: Uint8Array): string {
  const h = Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The XMP body for PDF/X-4 (rdf:Description elements; pdfkit adds the packet wrapper). */
export function xmpFor(profile: PdfProfile, title: string, date: Date, trapped: boolean, id: Uint8Array): string {
  const d = xmpDate(date);
  const uuid = uuidFrom(id);
  const pdfx = PROFILES[profile];
  return [
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(title)}</rdf:li></rdf:Alt></dc:title>`,
    '<dc:format>application/pdf</dc:format>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${d}</xmp:CreateDate><xmp:ModifyDate>${d}</xmp:ModifyDate><xmp:MetadataDate>${d}</xmp:MetadataDate>`,
    '<xmp:CreatorTool>Broadsheet</xmp:CreatorTool>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>Broadsheet (pdfkit)</pdf:Producer><pdf:Trapped>${trapped ? 'True' : 'False'}</pdf:Trapped>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    `<xmpMM:DocumentID>${uuid}</xmpMM:DocumentID><xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>`,
    '<xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">',
    `<pdfxid:GTS_PDFXVersion>${pdfx.pdfxVersion}</pdfxid:GTS_PDFXVersion>`,
    '</rdf:Description>',
  ].join('\n');
}
