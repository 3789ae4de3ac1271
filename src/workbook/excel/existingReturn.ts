import type { Catalogue } from '../../catalogue/schema';
import { HEADER_NAMES, INPUT_COLUMNS, META_NAMES, NARRATIVE_NAMES, tableCellName } from '../../domain/cellContract';
import { UserFacingError, type ExistingReturn } from '../port';
import { isFilled, readNamedCells, type NamedCellRead } from './readNamedCells';

/** The names that identify a return, in the order used to find its sheet. */
const IDENTITY_NAMES = [HEADER_NAMES.unitId, HEADER_NAMES.unitName, HEADER_NAMES.year, META_NAMES.templateVersion, META_NAMES.catalogueVersion];

/** Cells a person fills (figures, comparisons, narrative, focal point), for the current catalogue. */
export function filledInputNames(catalogue: Catalogue): string[] {
  const rows = catalogue.groups.flatMap((g) => g.indicators).flatMap((i) => i.rows);
  return [
    ...rows.flatMap((r) => INPUT_COLUMNS.map((c) => tableCellName(r.id, c))),
    ...Object.values(NARRATIVE_NAMES),
    HEADER_NAMES.contactName, HEADER_NAMES.contactTitle, HEADER_NAMES.contactOrg, HEADER_NAMES.contactPhone, HEADER_NAMES.contactEmail,
  ];
}

export type ExistingScan =
  | { kind: 'none' }
  | { kind: 'found'; existing: ExistingReturn }
  /** Contract names exist but none reaches a cell: the return's sheet was deleted. */
  | { kind: 'orphaned'; brokenNames: string[] };

/** Queues what recognises a return; call the result after the caller's one sync. */
export function queueExistingReturn(context: Excel.RequestContext, catalogue: Catalogue): () => ExistingScan {
  const inputs = filledInputNames(catalogue);
  const read = readNamedCells(context, [...IDENTITY_NAMES, ...inputs], []);
  return () => interpret(read(), inputs);
}

function interpret(reads: Map<string, NamedCellRead>, inputs: string[]): ExistingScan {
  const all = [...reads.values()];
  const ok = all.filter((r) => r.state === 'ok');
  if (ok.length === 0) {
    const broken = all.filter((r) => r.state === 'broken').map((r) => r.name);
    return broken.length ? { kind: 'orphaned', brokenNames: broken } : { kind: 'none' };
  }
  // The identity cells name the sheet; if a person deleted them all, any input still does.
  const anchor = [...IDENTITY_NAMES.map((n) => reads.get(n)), ...ok].find((r) => r?.state === 'ok' && r.sheetName);
  const text = (name: string) => {
    const r = reads.get(name);
    if (r?.state !== 'ok' || r.value === null || r.value === '') return null;
    return String(r.value).trim() || null;
  };
  const yearText = text(HEADER_NAMES.year);
  const year = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  return {
    kind: 'found',
    existing: {
      sheetName: anchor?.state === 'ok' ? anchor.sheetName ?? '' : '',
      unitId: text(HEADER_NAMES.unitId),
      unitName: text(HEADER_NAMES.unitName),
      year,
      templateVersion: text(META_NAMES.templateVersion),
      catalogueVersion: text(META_NAMES.catalogueVersion),
      filledInputs: inputs.filter((n) => isFilled(reads.get(n))).length,
    },
  };
}

export function orphanedError(brokenNames: string[]): UserFacingError {
  const some = brokenNames.slice(0, 3).join(', ') + (brokenNames.length > 3 ? ', …' : '');
  return new UserFacingError('return-sheet-deleted', {
    vi: `Sổ tính còn các tên ô của biểu Phụ lục 01 (${some}) nhưng trang tính chứa biểu đã bị xóa, nên các tên này trỏ tới #REF!. Hãy tạo lại biểu: các tên hỏng sẽ được thay bằng tên trỏ tới trang mới.`,
    en: `This workbook still has the Appendix 01 cell names (${some}), but the sheet they pointed to was deleted, so they point to #REF!. Create the return again: the broken names will be replaced by names on the new sheet.`,
  });
}
