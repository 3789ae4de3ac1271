import { z } from 'zod';

/**
 * The Appendix 01 catalogue as data. Every other part (sheet plan, validation, payload,
 * summary) reads these shapes; changing next year's targets is an edit to the JSON files,
 * never to code.
 */

export const LocalizedText = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

export const SourceRef = z
  .object({
    /** e.g. "Quyết định 466/QĐ-BTTTT" */
    document: z.string().min(1),
    /** e.g. "Mục II.1", "Phụ lục 01" */
    section: z.string().min(1),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * How a figure is compared with its target. "above" = "Trên" / ">" (strictly above);
 * "atLeast" = "Tối thiểu" / "≥"; "reach" = a bare value (reach it, i.e. ≥ as well, but printed
 * without a symbol, so messages say "đạt").
 */
export const Comparator = z.enum(['above', 'atLeast', 'reach']);
export type Comparator = z.infer<typeof Comparator>;

export const TargetOrigin = z.enum(['strategy411', 'plan466', 'appendix01']);
export type TargetOrigin = z.infer<typeof TargetOrigin>;

export const NumericTarget = z
  .object({
    kind: z.literal('value'),
    /** Percent number: 15.5 means 15.5%. */
    value: z.number().min(0).max(100),
    comparator: Comparator,
    /** Exactly as the source prints it, e.g. "> 10%", "Tối thiểu 10%", "khoảng 6%". */
    printed: z.string().min(1),
    source: SourceRef,
  })
  .strict();

export const TextTarget = z
  .object({
    /** A target given only in words, e.g. "Theo Kế hoạch của Bộ Y tế"; nothing to check against. */
    kind: z.literal('text'),
    printed: z.string().min(1),
    source: SourceRef,
  })
  .strict();

export const Target = z.discriminatedUnion('kind', [NumericTarget, TextTarget]);
export type Target = z.infer<typeof Target>;
export type NumericTarget = z.infer<typeof NumericTarget>;

/**
 * The targets one source document sets for a year. When sources disagree all are kept;
 * `applied` names the one validation uses and the sheet shows, the others become a note.
 */
export const YearTargets = z
  .object({
    applied: TargetOrigin,
    variants: z.record(TargetOrigin, Target),
    /** Why `applied` was chosen where the sources disagree. */
    reason: LocalizedText.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!t.variants[t.applied]) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['applied'],
        message: `applied target "${t.applied}" is not among the variants (${Object.keys(t.variants).join(', ') || 'none'})`,
      });
    }
  });
export type YearTargets = z.infer<typeof YearTargets>;

export const Baseline = z
  .object({
    year: z.number().int(),
    /** Percent number, absent where the source prints "-". */
    value: z.number().min(0).max(100).nullable(),
    printed: z.string().min(1),
    note: LocalizedText.optional(),
  })
  .strict();

export const ComparableSeries = z
  .object({
    organisation: z.string().min(1),
    name: LocalizedText,
    code: z.string().min(1).optional(),
  })
  .strict();

export const InternationalComparison = z
  .object({
    /** exact: same definition; approximate: a loose fit ("~"); none: no comparable series known. */
    fit: z.enum(['exact', 'approximate', 'none']),
    series: z.array(ComparableSeries),
    note: LocalizedText.optional(),
  })
  .strict();

const YEAR_KEY = /^\d{4}$/;

/** A row of the table that takes figures: an indicator, or one of 1.2's sector sub-rows. */
export const ReportingRow = z
  .object({
    /** "1.1" … "2.11", "1.2.ICT", "1.2.OTHER". */
    id: z.string().regex(/^\d+\.\d+(\.[A-Z]+)?$/),
    name: LocalizedText,
    measuringAgency: LocalizedText,
    compilingUnit: LocalizedText,
    unit: z.literal('percent'),
    baseline: Baseline,
    targets: z.record(z.string().regex(YEAR_KEY), YearTargets),
    international: InternationalComparison,
  })
  .strict();
export type ReportingRow = z.infer<typeof ReportingRow>;

export const Indicator = z
  .object({
    id: z.string().regex(/^\d+\.\d+$/),
    /** Exactly as Appendix 01 prints it. */
    name: LocalizedText,
    measuringAgency: LocalizedText,
    compilingUnit: LocalizedText,
    /**
     * Targets printed on the indicator's own line where figures go on sub-rows (1.2): shown,
     * never validated. Absent for ordinary indicators, whose single row is in `rows`.
     */
    printedTargets: z.record(z.string().regex(YEAR_KEY), z.string()).optional(),
    /** One row for an ordinary indicator (same id); 1.2 has its sub-rows here. */
    rows: z.array(ReportingRow).min(1),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const Group = z
  .object({
    id: z.string().regex(/^\d+$/),
    name: LocalizedText,
    indicators: z.array(Indicator).min(1),
  })
  .strict();
export type Group = z.infer<typeof Group>;

const MonthDay = z.string().regex(/^\d{2}-\d{2}$/, 'expected "MM-DD"');

export const QuarterCalendar = z
  .object({
    quarter: z.number().int().min(1).max(4),
    label: LocalizedText,
    covers: LocalizedText,
    /** Months the figures cover: offset from the return's year (Q1 takes December of the year before). */
    months: z.array(z.object({ yearOffset: z.number().int(), month: z.number().int().min(1).max(12) }).strict()).min(1),
    /** "Trước ngày 05/4": the return is due before this day (MM-DD). */
    dueBefore: MonthDay,
    /** The department sends its summary on by this day (MM-DD). */
    aggregateBy: MonthDay,
    /** Sections this quarter's return must fill (Q2: trend assessment and proposals). */
    requiredSections: z.array(z.enum(['trend', 'international', 'difficulties', 'proposals'])),
  })
  .strict();
export type QuarterCalendar = z.infer<typeof QuarterCalendar>;

export const Principle = z.object({ title: LocalizedText, text: LocalizedText }).strict();

export const Catalogue = z
  .object({
    catalogueVersion: z.string().min(1),
    title: LocalizedText,
    legalBasis: LocalizedText,
    receivingUnit: LocalizedText,
    /** Where returns sent by e-mail go (the receiving unit's address), shown with an e-mail export. */
    receivingAddress: LocalizedText.optional(),
    /** Years for which targets exist; a return can be laid out for these only. */
    years: z.array(z.number().int().min(2000).max(2100)).min(1),
    /** The Strategy's horizon (the "Mục tiêu 2025" column). */
    horizonYear: z.number().int(),
    calendar: z.array(QuarterCalendar).length(4),
    /** Which comparison column a Q4 figure is checked against (Q4 has none of its own). */
    q4ComparisonColumn: z.enum(['TY_INTL']),
    groups: z.array(Group).min(1),
    sections: z
      .array(z.object({ key: z.enum(['trend', 'international', 'difficulties', 'proposals']), numeral: z.string(), title: LocalizedText }).strict())
      .length(4),
    principles: z.array(Principle).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.groups.forEach((g, gi) =>
      g.indicators.forEach((ind, ii) =>
        ind.rows.forEach((row, ri) => {
          const path = ['groups', gi, 'indicators', ii, 'rows', ri, 'id'];
          if (seen.has(row.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `duplicate row id "${row.id}"` });
          seen.add(row.id);
          if (!row.id.startsWith(ind.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `row "${row.id}" is not under indicator "${ind.id}"` });
          for (const y of [...c.years, c.horizonYear]) {
            if (!row.targets[String(y)]) {
              ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['groups', gi, 'indicators', ii, 'rows', ri, 'targets'], message: `row "${row.id}" has no target for ${y}` });
            }
          }
        }),
      ),
    );
  });
export type Catalogue = z.infer<typeof Catalogue>;

export const UnitKind = z.enum(['ministry', 'agency', 'province']);

export const ReportingUnit = z
  .object({
    /** Stable ascii id, never reused: "bo-y-te", "tinh-lao-cai". */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    kind: UnitKind,
    name: LocalizedText,
    /** ISO dates; a unit reports for every year its validity overlaps. */
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Where a reorganisation merged it, the unit that took it over. */
    successor: z.string().optional(),
    /** Reporting row ids ("1.1", "1.2.OTHER", …) this unit must fill. */
    fills: z.array(z.string()),
    /**
     * Where a reorganisation handed the unit new indicators (a ministry absorbing another), the
     * rows it fills from that date on; `fills` holds before the first entry.
     */
    fillsFrom: z
      .array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), fills: z.array(z.string()) }).strict())
      .optional(),
  })
  .strict();
export type ReportingUnit = z.infer<typeof ReportingUnit>;

export const UnitList = z
  .object({
    unitsVersion: z.string().min(1),
    units: z.array(ReportingUnit).min(1),
  })
  .strict()
  .superRefine((l, ctx) => {
    const ids = new Set<string>();
    l.units.forEach((u, i) => {
      if (ids.has(u.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['units', i, 'id'], message: `duplicate unit id "${u.id}"` });
      ids.add(u.id);
    });
    l.units.forEach((u, i) => {
      if (u.successor && !ids.has(u.successor)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['units', i, 'successor'], message: `successor "${u.successor}" is not a unit` });
      }
    });
  });
export type UnitList = z.infer<typeof UnitList>;
