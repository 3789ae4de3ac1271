/**
 * The submitted return, version 1: one zod schema shared by the add-in (which builds and checks it
 * before sending) and the server (which checks it again on receipt). Every object is strict, every
 * text and array bounded, so a payload that passes here is safe to store as it is.
 *
 * Changing the shape means a new `payloadVersion`; the server keeps accepting older versions.
 */
// zod 4 (shipped inside zod 3.25 as 'zod/v4'): the server parses every submission, and v4 parses
// this schema about seven times faster than v3 (0.44 → 0.06 ms on the benchmark's payload).
import { z } from 'zod/v4';
import { LINE_TEXT_PATTERN, MAX_FLAGS, MAX_JUSTIFICATIONS, MAX_SHORT, MAX_YEAR, MIN_YEAR, MULTILINE_TEXT_PATTERN, TEXT_LIMITS } from './limits';

export const PAYLOAD_VERSION = 1 as const;

/** The reporting rows that carry figures (1.2 itself only carries printed targets). */
export const PAYLOAD_ROW_IDS = [
  '1.1', '1.2.ICT', '1.2.OTHER', '1.3', '1.4', '1.5', '1.6',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
] as const;

// The bounds live in limits.ts, which the validator reads too: each is also a validation rule.
export { MAX_FLAGS, MAX_JUSTIFICATIONS, MAX_SECTION, MAX_SHORT, MAX_TEXT, MAX_YEAR, MIN_YEAR, TEXT_LIMITS } from './limits';
export const MAX_FIGURES = 4 * PAYLOAD_ROW_IDS.length;

// Either case, spelled out rather than with the i flag, which JSON Schema patterns (the OpenAPI
// document) cannot carry; the id is then kept in lower case, so one UUID is one submission.
const UUID_V4 = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

export const RowId = z.enum(PAYLOAD_ROW_IDS);
export const Quarter = z.number().int().min(1).max(4);
const MULTILINE = new RegExp(MULTILINE_TEXT_PATTERN);
const LINE = new RegExp(LINE_TEXT_PATTERN);
/** A multi-line text (a section, a comparison, a source, a figure as typed, a justification). */
const bounded = (max: number) =>
  z.string().max(max).regex(MULTILINE, 'holds a character that cannot be sent (a control character or an unpaired surrogate)');
/** A one-line text (the focal point, identifiers, versions): no line break, tab or bidirectional control either. */
const line = (max: number) =>
  z
    .string()
    .max(max)
    .regex(LINE, 'holds a character that cannot be sent (a control character, a line break or tab, a bidirectional control, an unpaired surrogate)');
const ShortText = line(MAX_SHORT);

/**
 * A flag's key, "rule:CT_NAME" or "rule:-" (flagKey in domain/flags.ts): justifications are
 * stored under it. The shape is checked, so an arbitrary key ("constructor", a typo in a tampered
 * sheet) is refused by name instead of confusing the record check.
 */
export const FlagKey = z.string().max(MAX_SHORT).regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*:(-|CT_[A-Z0-9_]+)$/, 'must be a flag key ("rule:CT_NAME")');

export const FigureStatus = z.enum(['number', 'noData', 'deferred', 'empty']);

export const PayloadFigure = z
  .object({
    row: RowId,
    quarter: Quarter,
    /** Percent (15.5 means 15.5%); null unless status is 'number'. */
    value: z.number().finite().min(0).max(100).nullable(),
    /** The figure as typed or displayed. */
    typed: bounded(TEXT_LIMITS.figure),
    status: FigureStatus,
    provisional: z.boolean(),
    approximate: z.boolean(),
    noDataReason: bounded(TEXT_LIMITS.figure).optional(),
    /** The international comparison beside the figure (Q4: the TY_INTL column), or null. */
    comparison: bounded(TEXT_LIMITS.comparison).nullable(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if ((f.status === 'number') !== (f.value !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: f.status === 'number' ? 'a figure with status "number" needs a value' : `a figure with status "${f.status}" has no value`,
      });
    }
    if (f.noDataReason !== undefined && f.status !== 'noData') {
      ctx.addIssue({ code: 'custom', path: ['noDataReason'], message: 'only a "noData" figure has a reason' });
    }
  });

export const FocalPoint = z
  .object({
    name: line(TEXT_LIMITS.contact.name),
    title: line(TEXT_LIMITS.contact.title),
    org: line(TEXT_LIMITS.contact.org),
    phone: line(TEXT_LIMITS.contact.phone),
    email: line(TEXT_LIMITS.contact.email),
  })
  .strict();

const Comparison = bounded(TEXT_LIMITS.comparison).nullable();
export const TargetComparison = z.object({ TY_INTL: Comparison, T2025_INTL: Comparison }).strict();

export const Sections = z
  .object({
    trend: bounded(TEXT_LIMITS.section),
    international: bounded(TEXT_LIMITS.section),
    difficulties: bounded(TEXT_LIMITS.section),
    proposals: bounded(TEXT_LIMITS.section),
  })
  .strict();

export const ClientFlag = z
  .object({
    rule: ShortText.min(1),
    severity: z.enum(['error', 'warning', 'info']),
    cellName: ShortText.nullable(),
    key: ShortText.min(1),
  })
  .strict();

// partialRecord: an enum key in a v4 record would demand every key.
const boundedRecord = <V extends z.ZodType>(key: typeof RowId, value: V, max: number) =>
  z.partialRecord(key, value).refine((r) => Object.keys(r).length <= max, { message: `at most ${max} entries` });

export const SubmissionPayload = z
  .object({
    payloadVersion: z.literal(PAYLOAD_VERSION),
    submissionId: z.string().regex(UUID_V4, 'must be a UUID v4').toLowerCase(),
    submittedAt: z.string().datetime({ offset: true }),
    unitId: line(TEXT_LIMITS.unitId).min(1),
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
    quarter: Quarter,
    focalPoint: FocalPoint,
    figures: z.array(PayloadFigure).max(MAX_FIGURES),
    rowSources: boundedRecord(RowId, bounded(TEXT_LIMITS.rowSource), PAYLOAD_ROW_IDS.length),
    targetComparisons: boundedRecord(RowId, TargetComparison, PAYLOAD_ROW_IDS.length),
    sections: Sections,
    /** Flag key ("rule:CT_NAME") → what the unit wrote to justify the warning. */
    // zod 4 refuses an object with an own key "constructor" as "not a record" before reading
    // its keys: still refused, only less precisely named (no flag key looks like that).
    justifications: z
      .record(FlagKey, bounded(TEXT_LIMITS.justification))
      .refine((r) => Object.keys(r).length <= MAX_JUSTIFICATIONS, { message: `at most ${MAX_JUSTIFICATIONS} entries` }),
    /** The flags the client showed when the return was submitted. */
    clientFlags: z.array(ClientFlag).max(MAX_FLAGS),
    templateVersion: line(TEXT_LIMITS.version).min(1),
    catalogueVersion: line(TEXT_LIMITS.version).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.figures.forEach((f, i) => {
      const id = `${f.row}/Q${f.quarter}`;
      if (seen.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['figures', i], message: `duplicate figure for row ${f.row}, Q${f.quarter}` });
      }
      seen.add(id);
      if (f.quarter > p.quarter) {
        ctx.addIssue({
          code: 'custom',
          path: ['figures', i, 'quarter'],
          message: `Q${f.quarter} is after the reported quarter (Q${p.quarter})`,
        });
      }
    });
  });

export type RowId = z.infer<typeof RowId>;
export type FigureStatus = z.infer<typeof FigureStatus>;
export type PayloadFigure = z.infer<typeof PayloadFigure>;
export type FocalPoint = z.infer<typeof FocalPoint>;
export type TargetComparison = z.infer<typeof TargetComparison>;
export type Sections = z.infer<typeof Sections>;
export type ClientFlag = z.infer<typeof ClientFlag>;
export type SubmissionPayload = z.infer<typeof SubmissionPayload>;

/** "figures[3].value: Number must be less than or equal to 100" — one line per problem. */
export function formatPayloadIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? String(p) : `.${String(p)}`)).join(''),
    message: i.message,
  }));
}

export function isRowId(id: string): id is RowId {
  return (PAYLOAD_ROW_IDS as readonly string[]).includes(id);
}
