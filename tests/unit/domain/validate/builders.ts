/**
 * ReturnData fixtures built the way the adapters would read them: every contract name present,
 * each with a place on the sheet. Figures are given in percent and stored as Excel stores them
 * (0.155 in a '0.00%' cell) unless a test passes the raw cell itself.
 */
import { allRows, loadCatalogue, loadUnits } from '../../../../src/catalogue/load';
import type { Catalogue } from '../../../../src/catalogue/schema';
import { HEADER_NAMES, NARRATIVE_NAMES, TABLE_COLUMNS, tableCellName, type TableColumn } from '../../../../src/domain/cellContract';
import type { CheckResult, Flag } from '../../../../src/domain/flags';
import type { RawCell, ReturnData, SectionKey } from '../../../../src/domain/returnData';
import { validateReturn } from '../../../../src/domain/validate';

export const catalogue = loadCatalogue();
export const units = loadUnits();
export const SHEET = 'Phụ lục 01';

export const empty = (): RawCell => ({ value: null });
/** 15.5 → 0.155 in a percent-formatted cell, as Excel stores "15,5%". */
export const pct = (percent: number, numberFormat = '0.00%'): RawCell => ({ value: Number((percent / 100).toPrecision(12)), numberFormat });
export const text = (value: string): RawCell => ({ value, numberFormat: 'General' });

type ContactField = 'name' | 'title' | 'org' | 'phone' | 'email';
const SECTIONS: SectionKey[] = ['trend', 'international', 'difficulties', 'proposals'];
export const A_COMPARISON = 'Thái Lan 20% (ITU, 2022)';

export function blankReturn(cat: Catalogue = catalogue): ReturnData {
  const rowIds = allRows(cat).map((r) => r.id);
  const names = [...Object.values(HEADER_NAMES), ...rowIds.flatMap((id) => TABLE_COLUMNS.map((c) => tableCellName(id, c))), ...Object.values(NARRATIVE_NAMES)];
  return {
    unitId: empty(),
    unitName: empty(),
    year: empty(),
    quarter: empty(),
    contact: { name: empty(), title: empty(), org: empty(), phone: empty(), email: empty() },
    table: Object.fromEntries(rowIds.map((id) => [id, Object.fromEntries(TABLE_COLUMNS.map((c) => [c, empty()]))])),
    sources: {},
    narrative: { trend: empty(), international: empty(), difficulties: empty(), proposals: empty() },
    templateVersion: text('phuluc01-1'),
    catalogueVersion: text(cat.catalogueVersion),
    locations: Object.fromEntries(names.map((n, i) => [n, { sheet: SHEET, address: `C${i + 1}` }])),
    justifications: {},
  };
}

export class ReturnBuilder {
  private readonly data: ReturnData;

  constructor(cat: Catalogue = catalogue) {
    this.data = blankReturn(cat);
  }

  unit(id: string): this {
    this.data.unitId = text(id);
    return this;
  }

  year(year: unknown): this {
    this.data.year = { value: year };
    return this;
  }

  quarter(quarter: unknown): this {
    this.data.quarter = { value: quarter };
    return this;
  }

  contact(fields: Partial<Record<ContactField, unknown>>): this {
    for (const [k, v] of Object.entries(fields)) this.data.contact[k as ContactField] = { value: v };
    return this;
  }

  completeContact(): this {
    return this.contact({ name: 'Nguyễn Văn A', title: 'Chuyên viên', org: 'Vụ Kế hoạch - Tài chính', phone: '024 3943 7190', email: 'nva@moh.gov.vn' });
  }

  /** A number is a percent (stored as a fraction in a '0.00%' cell); a string or a RawCell goes in as is. */
  cell(rowId: string, column: TableColumn, value: number | string | RawCell | null): this {
    const cell = value === null ? empty() : typeof value === 'number' ? pct(value) : typeof value === 'string' ? text(value) : value;
    (this.data.table[rowId] ??= {})[column] = cell;
    return this;
  }

  section(key: SectionKey, value: string | null): this {
    this.data.narrative[key] = value === null ? empty() : text(value);
    return this;
  }

  allSections(): this {
    for (const key of SECTIONS) this.section(key, `1. Nội dung mục ${key}.`);
    return this;
  }

  justify(key: string, why: string): this {
    this.data.justifications[key] = why;
    return this;
  }

  without(name: string): this {
    delete this.data.locations[name];
    return this;
  }

  build(): ReturnData {
    return structuredClone(this.data);
  }
}

/** A return with its header, focal point and sections filled, nothing in the table. */
export function aReturn(unitId: string, year: number, quarter: number, cat: Catalogue = catalogue): ReturnBuilder {
  return new ReturnBuilder(cat).unit(unitId).year(year).quarter(quarter).completeContact().allSections();
}

/** Fills a row's quarters 1…upTo with the same percent and a sourced, dated comparison. */
export function steady(b: ReturnBuilder, rowId: string, percent: number, upTo: number, cat: Catalogue = catalogue): ReturnBuilder {
  for (let q = 1; q <= upTo; q++) {
    b.cell(rowId, `Q${q}` as TableColumn, percent);
    b.cell(rowId, q < 4 ? (`Q${q}_INTL` as TableColumn) : cat.q4ComparisonColumn, A_COMPARISON);
  }
  return b;
}

export function check(data: ReturnData, options: { quarter?: number; cat?: Catalogue } = {}): CheckResult {
  return validateReturn(data, { catalogue: options.cat ?? catalogue, units, ...(options.quarter !== undefined ? { quarter: options.quarter } : {}) });
}

export const flagsOf = (result: CheckResult, rule: string): Flag[] => result.flags.filter((f) => f.rule === rule);
export const flagAt = (result: CheckResult, rule: string, cellName: string): Flag | undefined =>
  result.flags.find((f) => f.rule === rule && f.cellName === cellName);
export const cellOf = tableCellName;
