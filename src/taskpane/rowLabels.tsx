/**
 * The sheet's names for rows and cells in the pane (issue 12, item 6): "2,8" where the sheet's STT
 * says so, "1,2 – Các ngành, lĩnh vực khác" for a sector line, never a contract id. The catalogue
 * comes from the pane (TaskPane provides it); the bundled one otherwise.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { loadCatalogue } from '../catalogue/load';
import type { Catalogue } from '../catalogue/schema';
import { cellLabel, changePlace, rowIdOfCell, rowLabel, withRowLabels } from '../layout/rowLabel';
import { useLanguage } from './i18n/LanguageContext';

const CatalogueContext = createContext<Catalogue | null>(null);

export function CatalogueProvider({ catalogue, children }: { catalogue: Catalogue; children: ReactNode }) {
  return <CatalogueContext.Provider value={catalogue}>{children}</CatalogueContext.Provider>;
}

/** The catalogue the pane works with. */
export function useCatalogue(): Catalogue {
  return useContext(CatalogueContext) ?? loadCatalogue();
}

interface FlagLike {
  rule: string;
  indicator?: string | null;
  cellName?: string | null;
  message: { vi: string; en: string };
  suggestion?: { vi: string; en: string };
}

export interface RowLabels {
  row(rowId: string): string;
  cell(cellName: string): string;
  /** A change between versions: "2.8 Q2" → "2,8 · Quý II". */
  change(path: string): string;
  message(flag: FlagLike): string;
  suggestion(flag: FlagLike): string;
}

export function useRowLabels(): RowLabels {
  const catalogue = useCatalogue();
  const { lang } = useLanguage();
  return useMemo(() => {
    // The server's stored flags carry a cell name but no indicator: the row comes from the cell.
    const subject = (f: FlagLike) => ({
      rule: f.rule,
      indicator: f.indicator !== undefined ? f.indicator : rowIdOfCell(f.cellName ?? null),
    });
    return {
      row: (rowId) => rowLabel(catalogue, rowId, lang),
      cell: (cellName) => cellLabel(catalogue, cellName, lang),
      change: (path) => changePlace(catalogue, path, lang),
      message: (f) => withRowLabels(catalogue, subject(f), f.message[lang], lang),
      suggestion: (f) => (f.suggestion ? withRowLabels(catalogue, subject(f), f.suggestion[lang], lang) : ''),
    };
  }, [catalogue, lang]);
}
