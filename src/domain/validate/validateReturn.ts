/**
 * validateReturn: every rule of rules.ts over one return, then the assessment. Pure and
 * deterministic: the add-in, the command line and the server run it on the same ReturnData and
 * must agree. It never throws on what a workbook can hold; a return is untrusted input.
 */
import { assessRow, type DatedFigure } from '../assess';
import { flagKey, type Assessment, type CheckResult, type Flag, type Severity } from '../flags';
import type { ReturnData } from '../returnData';
import { CHECKS } from './checks';
import { buildContext, type CheckContext, type ValidateOptions } from './context';
import type { Finding } from './finding';
import { sortFlags } from './order';
import { RULES, RULE_IDS, fillTemplate } from './rules';

export type { ValidateOptions } from './context';

/** "'Phụ lục 01'!E30", as Excel writes a sheet-qualified address. */
function cellAddress(data: ReturnData, cellName: string | null): string | null {
  if (cellName === null) return null;
  const at: unknown = data.locations?.[cellName];
  if (!at || typeof at !== 'object') return null;
  const { sheet, address } = at as { sheet?: unknown; address?: unknown };
  if (typeof sheet !== 'string' || typeof address !== 'string') return null;
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * What the unit wrote against a flag. It never removes or downgrades the flag (a justified
 * warning stays listed and counted; an error still has to be corrected): it travels with it, so
 * a re-check on any machine shows the text the unit typed.
 */
function justificationFor(data: ReturnData, key: string): string | undefined {
  const all: unknown = data.justifications;
  if (!all || typeof all !== 'object' || !Object.prototype.hasOwnProperty.call(all, key)) return undefined;
  const text: unknown = (all as Record<string, unknown>)[key];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

function toFlag(finding: Finding, data: ReturnData): Flag {
  const rule = RULES[finding.rule];
  const key = flagKey(finding.rule, finding.cellName);
  const justification = justificationFor(data, key);
  return {
    rule: finding.rule,
    severity: rule.severity,
    indicator: finding.indicator,
    column: finding.column,
    cellName: finding.cellName,
    cell: cellAddress(data, finding.cellName),
    message: { vi: fillTemplate(rule.message.vi, finding.params, 'vi'), en: fillTemplate(rule.message.en, finding.params, 'en') },
    suggestion: { vi: fillTemplate(rule.suggestion.vi, finding.params, 'vi'), en: fillTemplate(rule.suggestion.en, finding.params, 'en') },
    key,
    ...(justification !== undefined ? { justification } : {}),
  };
}

/** Rows the unit answers for, and any other row it gave a figure for, in table order. */
function assess(ctx: CheckContext): Assessment[] {
  const { year } = ctx;
  if (year === null) return [];
  const last = ctx.quarter ?? 4;
  return ctx.rows.flatMap((view) => {
    const figures: DatedFigure[] = view.figures.flatMap((f) =>
      f.quarter <= last && f.parsed.kind === 'number' ? [{ year, quarter: f.quarter, percent: f.parsed.percent }] : [],
    );
    return view.required || figures.length > 0 ? [assessRow(view.row, figures, ctx.catalogue.horizonYear)] : [];
  });
}

export function validateReturn(data: ReturnData, options: ValidateOptions): CheckResult {
  const ctx = buildContext(data, options);
  // One flag per rule and cell: the key is what a justification is stored under.
  const byKey = new Map<string, Finding>();
  for (const id of RULE_IDS) for (const f of CHECKS[id](ctx, byKey)) byKey.set(flagKey(f.rule, f.cellName), f);
  const flags = sortFlags([...byKey.values()].map((f) => toFlag(f, data)), options.catalogue);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of flags) counts[f.severity]++;
  return { flags, assessment: assess(ctx), quarter: ctx.quarter, counts };
}
