/**
 * From what each contract name gave back to a ReturnData, or to the reasons the workbook cannot
 * be read as a return. Both adapters (Office.js, ExcelJS) report per name in the same shape, so a
 * damaged workbook gets the same answer in the add-in and on the command line.
 */
import { HEADER_NAMES, META_NAMES, NARRATIVE_NAMES, TABLE_COLUMNS, rowSourceName, tableCellName, type TableColumn } from './cellContract';
import type { CellLocation, ContractProblem, RawCell, ReadResult, ReturnData, SectionKey } from './returnData';

/** What one defined name gave back. */
export type NameRead =
  | { name: string; state: 'missing' }
  /** The name's sheet was deleted: it points at #REF!. */
  | { name: string; state: 'ref' }
  /** The name holds a constant, a formula or several areas, not a cell. */
  | { name: string; state: 'notRange'; formula?: string }
  | {
      name: string;
      state: 'ok';
      sheet: string;
      /** A1 without $; a range ("E30:F31") when the name covers more than one cell. */
      address: string;
      cell: RawCell;
    };

/** Every name the reader asks for, and the ones an older workbook may lack without harm. */
export interface ContractNames {
  all: string[];
  /** CT_<row>_SOURCE arrived after the first returns went out: absent means "not given". */
  optional: ReadonlySet<string>;
}

/** Per list of rows: a reader gives the catalogue's same list for every workbook it reads. */
const namesByRows = new WeakMap<readonly string[], ContractNames & { table: { id: string; cells: { column: TableColumn; name: string }[]; source: string }[] }>();

function namesOf(rowIds: readonly string[]) {
  let hit = namesByRows.get(rowIds);
  if (!hit) {
    hit = { ...contractNames(rowIds), table: rowIds.map((id) => ({ id, cells: TABLE_COLUMNS.map((column) => ({ column, name: tableCellName(id, column) })), source: rowSourceName(id) })) };
    namesByRows.set(rowIds, hit);
  }
  return hit;
}

export function contractNames(rowIds: readonly string[]): ContractNames {
  const sources = rowIds.map(rowSourceName);
  return {
    all: [
      ...Object.values(HEADER_NAMES),
      ...rowIds.flatMap((id) => TABLE_COLUMNS.map((c) => tableCellName(id, c))),
      ...sources,
      ...Object.values(NARRATIVE_NAMES),
      ...Object.values(META_NAMES),
    ],
    optional: new Set(sources),
  };
}

const EMPTY: RawCell = { value: null };

/**
 * The names' reads as a return, or every problem found. All names must sit on CT_UNIT_ID's sheet,
 * one cell each: a person's script, the add-in and the command line all rely on that.
 */
export function interpretReads(reads: ReadonlyMap<string, NameRead>, rowIds: readonly string[], justifications: Record<string, string> = {}): ReadResult {
  const { all, optional, table: tableNames } = namesOf(rowIds);
  const problems = findProblems(reads, all, optional);
  if (problems.length) return { ok: false, problems };

  const locations: Record<string, CellLocation> = {};
  const cell = (name: string): RawCell => {
    const r = reads.get(name);
    if (r?.state !== 'ok') return EMPTY;
    locations[name] = { sheet: r.sheet, address: r.address };
    return r.cell;
  };
  const table: ReturnData['table'] = {};
  const sources: ReturnData['sources'] = {};
  for (const { id, cells, source } of tableNames) {
    const row: Partial<Record<TableColumn, RawCell>> = {};
    for (const { column, name } of cells) if (reads.get(name)?.state === 'ok') row[column] = cell(name);
    table[id] = row;
    if (reads.get(source)?.state === 'ok') sources[id] = cell(source);
  }
  const narrative = Object.fromEntries(Object.entries(NARRATIVE_NAMES).map(([k, n]) => [k, cell(n)])) as Record<SectionKey, RawCell>;
  const data: ReturnData = {
    unitId: cell(HEADER_NAMES.unitId),
    unitName: cell(HEADER_NAMES.unitName),
    year: cell(HEADER_NAMES.year),
    quarter: cell(HEADER_NAMES.quarter),
    contact: {
      name: cell(HEADER_NAMES.contactName),
      title: cell(HEADER_NAMES.contactTitle),
      org: cell(HEADER_NAMES.contactOrg),
      phone: cell(HEADER_NAMES.contactPhone),
      email: cell(HEADER_NAMES.contactEmail),
    },
    table,
    sources,
    narrative,
    templateVersion: cell(META_NAMES.templateVersion),
    catalogueVersion: cell(META_NAMES.catalogueVersion),
    locations,
    justifications: { ...justifications },
  };
  return { ok: true, data };
}

function findProblems(reads: ReadonlyMap<string, NameRead>, all: string[], optional: ReadonlySet<string>): ContractProblem[] {
  const required = all.filter((n) => !optional.has(n));
  const states = all.map((n) => reads.get(n) ?? ({ name: n, state: 'missing' } as const));
  if (required.every((n) => (reads.get(n)?.state ?? 'missing') === 'missing')) return [{ kind: 'notAReturn' }];

  const anchor = anchorSheet(reads);
  const problems: ContractProblem[] = [];
  for (const r of states) {
    if (r.state === 'missing') {
      if (!optional.has(r.name)) problems.push({ kind: 'missingName', name: r.name });
    } else if (r.state === 'ref') problems.push({ kind: 'sheetMissing', name: r.name });
    else if (r.state === 'notRange') problems.push({ kind: 'brokenName', name: r.name, ...(r.formula ? { detail: r.formula } : {}) });
    else if (r.address.includes(':')) problems.push({ kind: 'wrongPlace', name: r.name, detail: `range:${r.address}` });
    else if (anchor !== null && r.sheet.toLowerCase() !== anchor.toLowerCase()) problems.push({ kind: 'wrongPlace', name: r.name, detail: `sheet:${r.sheet}!${r.address}` });
  }
  return problems;
}

/** The return's sheet: CT_UNIT_ID's, else the one most names point at. */
function anchorSheet(reads: ReadonlyMap<string, NameRead>): string | null {
  const unit = reads.get(HEADER_NAMES.unitId);
  if (unit?.state === 'ok') return unit.sheet;
  const counts = new Map<string, number>();
  for (const r of reads.values()) if (r.state === 'ok') counts.set(r.sheet, (counts.get(r.sheet) ?? 0) + 1);
  let best: string | null = null;
  for (const [sheet, n] of counts) if (best === null || n > counts.get(best)!) best = sheet;
  return best;
}

/** The worst problem first: it decides what a person is asked to do. */
const ORDER: ContractProblem['kind'][] = ['notAReturn', 'sheetMissing', 'missingName', 'brokenName', 'wrongPlace'];

const REDO = {
  vi: 'hãy tạo lại biểu (nút Tạo biểu mẫu trong phần bổ trợ, hoặc lệnh chitieu template; bản cũ được giữ để chép số liệu sang)',
  en: 'create the return again (the Create form button in the add-in, or chitieu template; the old sheet is kept so its figures can be copied over)',
};

function nameList(names: string[], lang: 'vi' | 'en'): { list: string; plural: boolean } {
  const shown = names.slice(0, 3).join(', ');
  if (names.length <= 3) return { list: shown, plural: names.length > 1 };
  return { list: lang === 'vi' ? `${shown}… (${names.length} tên)` : `${shown}… (${names.length} names)`, plural: true };
}

/** One message for all the problems, in both languages: what is wrong and how to repair it. */
export function problemsMessage(problems: readonly ContractProblem[]): { vi: string; en: string } {
  if (problems.length === 0) return { vi: '', en: '' };
  const kind = ORDER.find((k) => problems.some((p) => p.kind === k))!;
  const same = problems.filter((p) => p.kind === kind);
  const names = same.map((p) => p.name).filter((n): n is string => Boolean(n));
  const vi = nameList(names, 'vi');
  const en = nameList(names, 'en');
  const rest = problems.length - same.length;
  const more = rest > 0 ? { vi: ` (Còn ${rest} vấn đề khác về tên ô.)`, en: ` (${rest} other name problem${rest > 1 ? 's' : ''} too.)` } : { vi: '', en: '' };
  const m = messageFor(kind, same, vi, en);
  return { vi: m.vi + more.vi, en: m.en + more.en };
}

type Listed = { list: string; plural: boolean };

function messageFor(kind: ContractProblem['kind'], same: readonly ContractProblem[], vi: Listed, en: Listed): { vi: string; en: string } {
  switch (kind) {
    case 'notAReturn':
      return {
        vi: `Sổ tính này không chứa biểu Phụ lục 01: không có tên ô nào của biểu (như ${HEADER_NAMES.unitId}). Hãy mở đúng tệp biểu của đơn vị, hoặc tạo biểu (nút Tạo biểu mẫu trong phần bổ trợ, hoặc lệnh chitieu template).`,
        en: `This workbook holds no Appendix 01 return: none of the return's cell names (such as ${HEADER_NAMES.unitId}) is defined. Open the unit's return file, or create the return (the Create form button in the add-in, or chitieu template).`,
      };
    case 'sheetMissing':
      return {
        vi: `${vi.plural ? 'Các tên' : 'Tên'} ${vi.list} trỏ tới #REF! — trang chứa biểu đã bị xóa hoặc đổi; ${REDO.vi}, hoặc khôi phục trang.`,
        en: `${en.plural ? 'The names' : 'The name'} ${en.list} point${en.plural ? '' : 's'} to #REF! — the sheet holding the return was deleted or replaced; ${REDO.en}, or restore the sheet.`,
      };
    case 'missingName':
      return {
        vi: `Sổ tính không còn ${vi.plural ? 'các tên ô' : 'tên ô'} ${vi.list} (có thể đã bị xóa trong Name Manager), nên không biết ô nào chứa số liệu đó. Hãy tạo lại tên trong Công thức › Trình quản lý Tên (Formulas › Name Manager) trỏ tới đúng ô, hoặc ${REDO.vi}.`,
        en: `The workbook no longer has the cell name${en.plural ? 's' : ''} ${en.list} (perhaps deleted in the Name Manager), so it is not known which cell holds ${en.plural ? 'those figures' : 'that figure'}. Define ${en.plural ? 'them' : 'it'} again in Formulas › Name Manager, pointing to the right cell, or ${REDO.en}.`,
      };
    case 'brokenName': {
      const detail = same.find((p) => p.detail)?.detail;
      const shown = detail ? { vi: ` (đang là ${detail})`, en: ` (it holds ${detail})` } : { vi: '', en: '' };
      return {
        vi: `${vi.plural ? 'Các tên' : 'Tên'} ${vi.list} không trỏ tới một ô${shown.vi}. Hãy sửa trong Công thức › Trình quản lý Tên (Formulas › Name Manager) cho trỏ về đúng một ô trên trang biểu, hoặc ${REDO.vi}.`,
        en: `The name${en.plural ? 's' : ''} ${en.list} ${en.plural ? 'do' : 'does'} not point to a cell${shown.en}. Correct ${en.plural ? 'them' : 'it'} in Formulas › Name Manager to point to one cell on the return's sheet, or ${REDO.en}.`,
      };
    }
    case 'wrongPlace': {
      const first = same[0]?.detail ?? '';
      const where = first.startsWith('range:')
        ? { vi: `trỏ tới vùng ${first.slice(6)}, không phải một ô`, en: `points to the range ${first.slice(6)}, not one cell` }
        : { vi: `trỏ tới ${first.slice(6)}, không nằm trên trang của biểu (trang có ${HEADER_NAMES.unitId})`, en: `points to ${first.slice(6)}, which is not on the return's sheet (the sheet of ${HEADER_NAMES.unitId})` };
      const lead = { vi: vi.plural ? `Các tên ${vi.list} không đúng chỗ: ${same[0]?.name}` : `Tên ${vi.list}`, en: en.plural ? `The names ${en.list} are out of place: ${same[0]?.name}` : `The name ${en.list}` };
      return {
        vi: `${lead.vi} ${where.vi}. Hãy sửa trong Công thức › Trình quản lý Tên (Formulas › Name Manager) cho trỏ về đúng một ô trên trang biểu, hoặc ${REDO.vi}.`,
        en: `${lead.en} ${where.en}. Correct it in Formulas › Name Manager to point to one cell on the return's sheet, or ${REDO.en}.`,
      };
    }
  }
}

