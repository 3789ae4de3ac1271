/** Flags in the order a person fixes them: errors first, then top to bottom of the form. */
import { allRows } from '../../catalogue/load';
import type { Catalogue } from '../../catalogue/schema';
import { HEADER_NAMES, NARRATIVE_NAMES, TABLE_COLUMNS, rowSourceName, tableCellName } from '../cellContract';
import type { Flag, Severity } from '../flags';
import { RULE_IDS } from './rules';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
const cache = new WeakMap<Catalogue, Map<string, number>>();

/** Each contract name's place on the sheet: header, focal point, table row by row, sections. */
function positions(catalogue: Catalogue): Map<string, number> {
  let map = cache.get(catalogue);
  if (!map) {
    const names = [
      ...Object.values(HEADER_NAMES),
      ...allRows(catalogue).flatMap((r) => [...TABLE_COLUMNS.map((c) => tableCellName(r.id, c)), rowSourceName(r.id)]),
      ...catalogue.sections.map((s) => NARRATIVE_NAMES[s.key]),
    ];
    map = new Map(names.map((n, i) => [n, i]));
    cache.set(catalogue, map);
  }
  return map;
}

export function sortFlags<F extends Flag>(flags: readonly F[], catalogue: Catalogue): F[] {
  const at = positions(catalogue);
  const place = (f: Flag) => (f.cellName === null ? Number.MAX_SAFE_INTEGER : (at.get(f.cellName) ?? Number.MAX_SAFE_INTEGER - 1));
  return [...flags].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      place(a) - place(b) ||
      (RULE_RANK.get(a.rule) ?? 0) - (RULE_RANK.get(b.rule) ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
