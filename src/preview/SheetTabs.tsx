import type { SheetTab } from './sheetView';

export interface SheetTabsProps {
  sheets: readonly SheetTab[];
  shown: string | null;
  onShow(name: string): void;
}

/** The sheet tabs under the grid, as in Excel; a backup sheet appears here as its own tab. */
export function SheetTabs({ sheets, shown, onShow }: SheetTabsProps) {
  return (
    <div className="tabs" role="tablist" aria-label="Sheets">
      {sheets.map((sheet) => (
        <button
          key={sheet.name}
          type="button"
          role="tab"
          aria-selected={sheet.name === shown}
          data-sheet={sheet.name}
          className={sheet.name === shown ? 'tab active' : 'tab'}
          style={sheet.tabColor ? { borderBottomColor: sheet.tabColor } : undefined}
          onClick={() => onShow(sheet.name)}
        >
          {sheet.name}
        </button>
      ))}
    </div>
  );
}
