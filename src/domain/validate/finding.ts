/** What a check reports: a rule, where, and the values its templates need. validateReturn makes flags of them. */
import { HEADER_NAMES, META_NAMES, NARRATIVE_NAMES, rowSourceName, type TableColumn } from '../cellContract';
import type { SectionKey } from '../returnData';
import type { CheckContext, FigureView, RowView } from './context';
import type { Params, RuleId } from './rules';

export interface Finding {
  rule: RuleId;
  /** Reporting row id, or null for the header and the sections. */
  indicator: string | null;
  /** Contract column ("Q2", "TY_INTL", "SOURCE" for CT_<row>_SOURCE) or the contract name of a header or section cell. */
  column: string | null;
  cellName: string | null;
  params: Params;
}

/**
 * `flagged`: the findings of the rules before this one in RULE_IDS, one per flag key, so a rule
 * about the flags themselves (text.justificationTooLong) sees every flag a person can justify.
 */
export type Check = (ctx: CheckContext, flagged: ReadonlyMap<string, Finding>) => Finding[];

export const atFigure = (rule: RuleId, view: RowView, figure: FigureView, params: Params): Finding => ({
  rule,
  indicator: view.row.id,
  column: figure.column,
  cellName: figure.cellName,
  params: { indicator: view.row.id, ...params },
});

export const atTableCell = (rule: RuleId, view: RowView, column: TableColumn, cellName: string, params: Params): Finding => ({
  rule,
  indicator: view.row.id,
  column,
  cellName,
  params: { indicator: view.row.id, ...params },
});

export const atSource = (rule: RuleId, view: RowView, params: Params): Finding => ({
  rule,
  indicator: view.row.id,
  column: 'SOURCE',
  cellName: rowSourceName(view.row.id),
  params: { indicator: view.row.id, ...params },
});

type HeaderName = (typeof HEADER_NAMES)[keyof typeof HEADER_NAMES] | (typeof META_NAMES)[keyof typeof META_NAMES];

export const atHeader = (rule: RuleId, name: HeaderName, params: Params = {}): Finding => ({
  rule,
  indicator: null,
  column: name,
  cellName: name,
  params,
});

export const atSection = (rule: RuleId, section: SectionKey, params: Params = {}): Finding => ({
  rule,
  indicator: null,
  column: NARRATIVE_NAMES[section],
  cellName: NARRATIVE_NAMES[section],
  params,
});
