/**
 * The issue document format (`.broadsheet`), as zod schemas. This file is the single
 * source of truth: TypeScript types are inferred from it and `schema/issue.schema.json`
 * is generated from it (`npm run schema`). Records are flat and refer to each other by id.
 */
import { z } from 'zod';
import { LengthError, parseLength } from './units';
import type {
  ArticleId,
  CharacterStyleId,
  FrameId,
  PageId,
  ParagraphStyleId,
  StoryId,
  SwatchId,
  TemplateId,
} from './ids';

/** The format version this build writes. Older files are migrated on load (migrate.ts). */
export const FORMAT_VERSION = 1;

const id = <T extends string>() =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\s]+$/, 'ids have no white space')
    .transform((s) => s as T);

export const PageIdSchema = id<PageId>();
export const FrameIdSchema = id<FrameId>();
export const StoryIdSchema = id<StoryId>();
export const ArticleIdSchema = id<ArticleId>();
export const TemplateIdSchema = id<TemplateId>();
export const ParagraphStyleIdSchema = id<ParagraphStyleId>();
export const CharacterStyleIdSchema = id<CharacterStyleId>();
export const SwatchIdSchema = id<SwatchId>();

/** A length: a number of points, or a string with a unit ("3mm", "1p6", "小五"). Stored in pt. */
export const Length = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    try {
      return parseLength(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof LengthError ? e.message : String(e) });
      return z.NEVER;
    }
  })
  .meta({ description: 'points, or a string with a unit: pt, mm, cm, in, pc, q, or a 号 size (五号, 小五 …)' });
export const PositiveLength = Length.refine((v) => v > 0, 'must be greater than 0');
export const NonNegativeLength = Length.refine((v) => v >= 0, 'must not be negative');

export const Insets = z
  .object({
    top: NonNegativeLength.default(0),
    right: NonNegativeLength.default(0),
    bottom: NonNegativeLength.default(0),
    left: NonNegativeLength.default(0),
  })
  .strict();

export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as zh-Hans, zh-Hant or en');

/** CMYK percentages 0–100. */
const Percent = z.number().min(0).max(100);
export const Cmyk = z.tuple([Percent, Percent, Percent, Percent]);

export const Swatch = z
  .object({
    id: SwatchIdSchema,
    name: z.string().min(1),
    kind: z.enum(['process', 'spot']).default('process'),
    /** Process values, or the spot colour's CMYK alternate. */
    cmyk: Cmyk,
    /** Spot colours only: the ink name as the plant knows it. */
    ink: z.string().optional(),
  })
  .strict();

/** Composite font: a CJK face and a Latin face, each by family; weight and style shared. */
export const FontSpec = z
  .object({
    cjk: z.string().min(1).optional(),
    latin: z.string().min(1).optional(),
    weight: z.number().int().min(100).max(900).optional(),
    style: z.enum(['normal', 'italic']).optional(),
  })
  .strict();

export const Alignment = z.enum(['left', 'right', 'center', 'justify', 'justify-all']);
export const BreakRules = z.enum(['none', 'basic', 'gb', 'strict']);
export const PunctuationPreset = z.enum(['quanjiao', 'kaiming', 'banjiao']);

/** Character attributes shared by paragraph styles and character styles. */
const CharacterAttributes = {
  font: FontSpec.optional(),
  size: PositiveLength.optional(),
  /** Letter-spacing in 1/1000 em. */
  tracking: z.number().min(-500).max(2000).optional(),
  color: SwatchIdSchema.optional(),
  /** Whether 100 % K text overprints (the newspaper default is yes). */
  overprint: z.boolean().optional(),
  /** OpenType features to turn on or off, e.g. { "kern": true, "liga": false }. */
  features: z.record(z.string().regex(/^[a-zA-Z0-9 ]{4}$/), z.boolean()).optional(),
  baselineShift: Length.optional(),
  lang: LanguageTag.optional(),
};

export const CharacterStyle = z
  .object({
    id: CharacterStyleIdSchema,
    name: z.string().min(1),
    basedOn: CharacterStyleIdSchema.optional(),
    ...CharacterAttributes,
  })
  .strict();

export const ParagraphStyle = z
  .object({
    id: ParagraphStyleIdSchema,
    name: z.string().min(1),
    basedOn: ParagraphStyleIdSchema.optional(),
    ...CharacterAttributes,
    leading: PositiveLength.optional(),
    align: Alignment.optional(),
    /** First-line indent in em of the paragraph's size (2 for Chinese body text). */
    firstLineIndent: z.number().min(-10).max(20).optional(),
    leftIndent: NonNegativeLength.optional(),
    rightIndent: NonNegativeLength.optional(),
    spaceBefore: NonNegativeLength.optional(),
    spaceAfter: NonNegativeLength.optional(),
    rules: BreakRules.optional(),
    punctuation: PunctuationPreset.optional(),
    /** Gap added between Han and Latin/digits, in em (clreq: up to ¼ em). */
    hanLatinSpacing: z.number().min(0).max(1).optional(),
    hyphenate: z.boolean().optional(),
    /** Total-fit (Knuth–Plass) or greedy (first-fit) line breaking. */
    breaking: z.enum(['total-fit', 'greedy']).optional(),
    keepWithNext: z.boolean().optional(),
    keepTogether: z.boolean().optional(),
    /** Minimum lines left at the foot (orphans) and carried to the head (widows). */
    orphans: z.number().int().min(1).max(10).optional(),
    widows: z.number().int().min(1).max(10).optional(),
    /** Avoid a last line holding a single character (clreq). */
    avoidSingleCharLastLine: z.boolean().optional(),
    /** Snap lines to the page's baseline or character grid. */
    gridAlign: z.boolean().optional(),
    dropCap: z
      .object({ lines: z.number().int().min(2).max(8), chars: z.number().int().min(1).max(8) })
      .strict()
      .optional(),
  })
  .strict();

export const Run = z
  .object({
    text: z.string(),
    style: CharacterStyleIdSchema.optional(),
  })
  .strict();

export const Paragraph = z
  .object({
    style: ParagraphStyleIdSchema,
    runs: z.array(Run),
  })
  .strict();

export const Story = z
  .object({
    id: StoryIdSchema,
    name: z.string().optional(),
    /** The frames the story flows through, in reading order (the thread). */
    frames: z.array(FrameIdSchema),
    paragraphs: z.array(Paragraph),
  })
  .strict();

export const Wrap = z
  .object({
    mode: z.enum(['none', 'box']).default('none'),
    offsets: Insets.default({ top: 0, right: 0, bottom: 0, left: 0 }),
  })
  .strict();

const FrameBase = {
  id: FrameIdSchema,
  page: PageIdSchema,
  x: Length,
  y: Length,
  width: PositiveLength,
  height: PositiveLength,
  /** Paint order on its page: higher is in front. */
  z: z.number().default(0),
  locked: z.boolean().default(false),
  wrap: Wrap.optional(),
  article: ArticleIdSchema.optional(),
};

export const TextFrame = z
  .object({
    ...FrameBase,
    kind: z.literal('text'),
    columns: z.number().int().min(1).max(20).default(1),
    gutter: NonNegativeLength.default(0),
    insets: Insets.default({ top: 0, right: 0, bottom: 0, left: 0 }),
    valign: z.enum(['top', 'center', 'bottom', 'justify']).default('top'),
    /** Balance the columns of this frame (an article's last frame). */
    balance: z.boolean().default(false),
    fill: SwatchIdSchema.optional(),
  })
  .strict();

export const Caption = z
  .object({
    story: StoryIdSchema,
    placement: z.enum(['below', 'above', 'left', 'right']).default('below'),
    gap: NonNegativeLength.default(4),
    /** Width of a caption beside the image; captions above/below take the image's width. */
    width: PositiveLength.optional(),
  })
  .strict();

export const ImageFrame = z
  .object({
    ...FrameBase,
    kind: z.literal('image'),
    /** Path to the image, relative to the document's folder. Images are linked, never embedded. "" is an empty graphics frame (drawn, nothing placed yet; prints nothing). */
    src: z.string(),
    fit: z.enum(['fill', 'fit', 'stretch', 'none']).default('fill'),
    /** Offset of the image inside the frame (pan) and extra scale (zoom) after fitting. */
    offsetX: Length.default(0),
    offsetY: Length.default(0),
    scale: z.number().positive().default(1),
    caption: Caption.optional(),
    credit: z.string().optional(),
    creditStyle: ParagraphStyleIdSchema.optional(),
  })
  .strict();

export const RuleFrame = z
  .object({
    ...FrameBase,
    kind: z.literal('rule'),
    /** The rule runs along the frame's longer side, centred; thickness is the stroke width. */
    thickness: PositiveLength.default(0.5),
    color: SwatchIdSchema.optional(),
    style: z.enum(['solid', 'dashed', 'dotted', 'double']).default('solid'),
  })
  .strict();

export const BoxFrame = z
  .object({
    ...FrameBase,
    kind: z.literal('box'),
    fill: SwatchIdSchema.optional(),
    /** Tint of the fill colour, 0–100 %. */
    tint: z.number().min(0).max(100).default(100),
    stroke: SwatchIdSchema.optional(),
    strokeWidth: NonNegativeLength.default(0),
    overprint: z.boolean().default(false),
  })
  .strict();

/** The frame that holds an article's headline block (引题/主题/副题/提要). */
export const HeadlineFrame = z
  .object({
    ...FrameBase,
    kind: z.literal('headline'),
    article: ArticleIdSchema,
    valign: z.enum(['top', 'center', 'bottom']).default('center'),
  })
  .strict();

export const Frame = z.discriminatedUnion('kind', [TextFrame, ImageFrame, RuleFrame, BoxFrame, HeadlineFrame]);

export const HeadlinePart = z
  .object({ text: z.string().min(1), style: ParagraphStyleIdSchema })
  .strict();

export const Article = z
  .object({
    id: ArticleIdSchema,
    name: z.string().min(1),
    headline: z
      .object({
        kicker: HeadlinePart.optional(),
        title: HeadlinePart,
        subhead: HeadlinePart.optional(),
        deck: HeadlinePart.optional(),
        /** Grid lines a one-line headline occupies (clreq: 单行标题占三行). */
        linesPerLine: z.number().int().min(1).max(10).default(3),
      })
      .strict()
      .optional(),
    byline: z
      .object({
        /** e.g. "本报讯（记者 {names}）" or "By {names}". */
        pattern: z.string().min(1),
        names: z.array(z.string().min(1)),
        /** inline: set at the head of the body's first paragraph; above: its own paragraph. */
        placement: z.enum(['inline', 'above']).default('inline'),
        style: CharacterStyleIdSchema.optional(),
      })
      .strict()
      .optional(),
    body: StoryIdSchema.optional(),
    images: z.array(FrameIdSchema).default([]),
  })
  .strict();

export const FolioField = z
  .object({
    field: z.enum(['paper', 'date', 'pageLabel', 'section', 'issueNumber', 'edition', 'text']),
    /** Literal text for field "text"; otherwise an optional pattern with {value}. */
    text: z.string().optional(),
    x: Length,
    y: Length,
    width: PositiveLength,
    align: z.enum(['left', 'center', 'right']).default('left'),
    size: PositiveLength.default(9),
    font: FontSpec.optional(),
    /** Only on odd (right-hand) or even (left-hand) pages. */
    pages: z.enum(['all', 'odd', 'even']).default('all'),
  })
  .strict();

export const Grid = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('character'),
      /** Body character size; column width should be a whole number of characters. */
      size: PositiveLength,
      /** Line pitch: baseline to baseline. */
      leading: PositiveLength,
      charsPerLine: z.number().int().positive().optional(),
      lines: z.number().int().positive().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('baseline'),
      leading: PositiveLength,
      /** First baseline, from the top of the type area. */
      offset: NonNegativeLength.default(0),
    })
    .strict(),
]);

export const Template = z
  .object({
    id: TemplateIdSchema,
    name: z.string().min(1),
    /** Where the size is a convention rather than a standard, say so (shown to users). */
    notes: z.string().optional(),
    trim: z.object({ width: PositiveLength, height: PositiveLength }).strict(),
    bleed: NonNegativeLength.default(0),
    /** Type area (版心) as margins from the trim edges. */
    margins: Insets,
    columns: z.number().int().min(1).max(24),
    gutter: NonNegativeLength,
    grid: Grid,
    folios: z.array(FolioField).default([]),
  })
  .strict();

export const Page = z
  .object({
    id: PageIdSchema,
    /** Overrides the label made from the issue's page-label style. */
    label: z.string().optional(),
    /** Section name (版名), e.g. 要闻, 综合, Sport. */
    section: z.string().default(''),
    template: TemplateIdSchema,
  })
  .strict();

export const Issue = z
  .object({
    paper: z.string().min(1),
    /** Publication date, ISO 8601 (YYYY-MM-DD). */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
    number: z.number().int().nonnegative().optional(),
    edition: z.string().optional(),
    lang: LanguageTag,
    /** ban: 第2版; prefix: A2 (section letter + number); plain: 2. */
    pageLabels: z
      .object({
        style: z.enum(['ban', 'prefix', 'plain']).default('ban'),
        prefix: z.string().default(''),
      })
      .strict()
      .default({ style: 'ban', prefix: '' }),
    numerals: z.enum(['arabic', 'chinese']).default('arabic'),
    /** Jump-line formats; {page} is replaced by the other page's number in the issue's numerals, {label} by its label. */
    jumps: z
      .object({ to: z.string().min(1), from: z.string().min(1), style: ParagraphStyleIdSchema.optional() })
      .strict(),
    outputProfile: z.enum(['pdfx1a', 'pdfx4']).default('pdfx1a'),
    /** A plant's own ICC output profile, relative to the document's folder. */
    iccProfile: z.string().optional(),
  })
  .strict();

export const IssueDocument = z
  .object({
    format: z.literal('broadsheet'),
    version: z.number().int().positive(),
    issue: Issue,
    templates: z.array(Template).min(1),
    pages: z.array(Page).min(1),
    frames: z.array(Frame),
    stories: z.array(Story),
    articles: z.array(Article).default([]),
    paragraphStyles: z.array(ParagraphStyle).min(1),
    characterStyles: z.array(CharacterStyle).default([]),
    swatches: z.array(Swatch).default([]),
  })
  .strict();

/** A template file in `templates/`: one template plus the styles it suggests. */
export const TemplateFile = z
  .object({
    format: z.literal('broadsheet-template'),
    version: z.number().int().positive(),
    template: Template,
    lang: LanguageTag,
    paragraphStyles: z.array(ParagraphStyle).default([]),
    characterStyles: z.array(CharacterStyle).default([]),
    swatches: z.array(Swatch).default([]),
  })
  .strict();
