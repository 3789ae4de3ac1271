/**
 * The public cell contract: workbook-scoped defined names, one per cell, so any tool finds a
 * value wherever a person moved it. Documented in the README; renaming any of these breaks
 * every department script that reads returns, so they change only with a new template version.
 */

export const TABLE_COLUMNS = ['Q1', 'Q1_INTL', 'Q2', 'Q2_INTL', 'Q3', 'Q3_INTL', 'Q4', 'TY', 'TY_INTL', 'T2025', 'T2025_INTL'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Columns a reporting unit fills; TY and T2025 hold the catalogue's targets. */
export const INPUT_COLUMNS: readonly TableColumn[] = ['Q1', 'Q1_INTL', 'Q2', 'Q2_INTL', 'Q3', 'Q3_INTL', 'Q4', 'TY_INTL', 'T2025_INTL'];

export const FIGURE_COLUMNS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

export const HEADER_NAMES = {
  unitId: 'CT_UNIT_ID',
  unitName: 'CT_UNIT_NAME',
  year: 'CT_YEAR',
  quarter: 'CT_QUARTER',
  contactName: 'CT_CONTACT_NAME',
  contactTitle: 'CT_CONTACT_TITLE',
  contactOrg: 'CT_CONTACT_ORG',
  contactPhone: 'CT_CONTACT_PHONE',
  contactEmail: 'CT_CONTACT_EMAIL',
} as const;

export const NARRATIVE_NAMES = {
  trend: 'CT_TREND',
  international: 'CT_INTL',
  difficulties: 'CT_DIFFICULTIES',
  proposals: 'CT_PROPOSALS',
} as const;

/** Which template and catalogue made the workbook. */
export const META_NAMES = {
  templateVersion: 'CT_TEMPLATE_VERSION',
  catalogueVersion: 'CT_CATALOGUE_VERSION',
} as const;

/** Bumped whenever the layout or the contract changes. */
export const TEMPLATE_VERSION = 'phuluc01-1';

/** "1.2.ICT" → "CT_1_2_ICT_SOURCE": where the row's figures come from (and how a provisional one was estimated). */
export function rowSourceName(rowId: string): string {
  return `CT_${rowId.replace(/\./g, '_')}_SOURCE`;
}

/** "1.2.ICT" + "Q1" → "CT_1_2_ICT_Q1". */
export function tableCellName(rowId: string, column: TableColumn): string {
  return `CT_${rowId.replace(/\./g, '_')}_${column}`;
}

/**
 * The receipt sheet ("Biên nhận"): what the endpoint answered for this workbook's last submission,
 * or that one is waiting to be sent, or that the return was exported for e-mail. One cell each.
 */
export const RECEIPT_NAMES = {
  number: 'CT_RECEIPT_NUMBER',
  version: 'CT_RECEIPT_VERSION',
  receivedAt: 'CT_RECEIPT_TIME',
  submissionId: 'CT_RECEIPT_SUBMISSION',
  status: 'CT_RECEIPT_STATUS',
  returnId: 'CT_RECEIPT_RETURN',
} as const;
