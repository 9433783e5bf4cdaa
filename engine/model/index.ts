/** The issue document model: schemas, types, loading, saving, units. */
export * from './ids';
export * from './units';
export * from './types';
export * from './findings';
export { FORMAT_VERSION } from './schema';
export * as schemas from './schema';
export { checkDocument, loadDocument, checkTemplateFile, loadTemplateFile, checkAnyFile, serializeDocument } from './load';
export type { CheckResult } from './load';
export { migrate, MIGRATIONS } from './migrate';
export type { Migration } from './migrate';
export { checkReferences } from './references';
