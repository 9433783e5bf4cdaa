/**
 * Branded ids: a FrameId can never be passed where a StoryId is wanted, though both are
 * plain strings in the file. Ids are chosen by whoever creates the record (readable ids such
 * as "lead-body" in samples, generated ones in the editor) and must be unique per kind.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PageId = Brand<string, 'PageId'>;
export type FrameId = Brand<string, 'FrameId'>;
export type StoryId = Brand<string, 'StoryId'>;
export type ArticleId = Brand<string, 'ArticleId'>;
export type TemplateId = Brand<string, 'TemplateId'>;
export type ParagraphStyleId = Brand<string, 'ParagraphStyleId'>;
export type CharacterStyleId = Brand<string, 'CharacterStyleId'>;
export type SwatchId = Brand<string, 'SwatchId'>;
