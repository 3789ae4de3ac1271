import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Catalogue, UnitList } from '../catalogue/schema';
import { App } from '../taskpane/App';
import type { AppProps } from '../taskpane/App';
import type { ConnectionSettings } from '../taskpane/submit/connection';
import type { SummaryWriter } from '../workbook/excel/summary/writeSummary';
import type { ReturnChecker, ReturnSubmitter, ReturnWorkbook } from '../workbook/port';
import { SheetGrid, type Cursor } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { addressOf, type WorkbookView } from './sheetView';

/** What the page needs from a workbook host: a view to draw, change notices, and a person's actions. */
export interface PreviewHost {
  subscribe(listener: () => void): () => void;
  /** Cheap; changes identity only when the workbook changed. */
  view(): WorkbookView;
  /** A person typing into a cell; an error text when the host refused it, else null. */
  edit(sheet: string, address: string, text: string): string | null;
  select(sheet: string, address: string): void;
}

export interface PreviewPageProps {
  host: PreviewHost;
  workbook: ReturnWorkbook;
  checker: ReturnChecker;
  catalogue: Catalogue;
  units: UnitList;
  /** The Gửi tab: the real submitter on the fake workbook, the connection in this browser's localStorage. */
  submitter?: ReturnSubmitter;
  connection?: ConnectionSettings;
  /** The Tổng hợp tab: the real summary writer on the fake workbook. */
  summaryWriter?: SummaryWriter;
  aggregateConnection?: ConnectionSettings;
  /** The Duyệt tab: the reviewer's connection in this browser's localStorage (its own key). */
  reviewConnection?: ConnectionSettings;
  /** The reporter's open queries marked on the fake workbook's cells. */
  markQueries?: AppProps['markQueries'];
  /** Drops the kept workbook and starts with an empty one. */
  onStartAfresh?(): void;
}

const REFUSED =
  'Ô này bị khóa: trang tính được bảo vệ. Chỉ nhập vào các ô nền vàng hoặc xanh nhạt. (This cell is locked on a protected sheet; type in the yellow or light blue cells.)';

/** The real task pane beside the fake workbook, drawn the way Excel would show it. */
export function PreviewPage(props: PreviewPageProps) {
  const { host, workbook, checker, catalogue, units, submitter, connection, summaryWriter, aggregateConnection, reviewConnection, markQueries, onStartAfresh } = props;
  const view = useSyncExternalStore(host.subscribe, host.view);
  const [shown, setShown] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // Follow the workbook's active sheet (the product activates the sheet it creates).
  useEffect(() => setShown(view.activeSheet), [view.activeSheet]);
  const sheet = (shown && view.sheet(shown)) || (view.activeSheet && view.sheet(view.activeSheet)) || (view.sheets[0] && view.sheet(view.sheets[0].name)) || null;
  const selected: Cursor | null = view.selection && sheet && view.selection.sheet === sheet.name ? view.selection : null;

  const onSelect = useCallback(
    (cursor: Cursor) => {
      if (!sheet) return;
      setRefusal(null);
      host.select(sheet.name, addressOf(cursor.row, cursor.col));
    },
    [host, sheet],
  );
  const onCommit = useCallback(
    (cursor: Cursor, text: string) => (sheet ? host.edit(sheet.name, addressOf(cursor.row, cursor.col), text) : null),
    [host, sheet],
  );
  const onRefused = useCallback(() => setRefusal(REFUSED), []);

  const selectedAddress = selected ? addressOf(selected.row, selected.col) : '–';
  const pane = useMemo(
    () => (
      <App
        workbook={workbook}
        checker={checker}
        catalogue={catalogue}
        units={units}
        {...(submitter && connection ? { submitter, connection } : {})}
        {...(summaryWriter && aggregateConnection ? { summaryWriter, aggregateConnection } : {})}
        {...(reviewConnection ? { reviewConnection } : {})}
        {...(markQueries ? { markQueries } : {})}
      />
    ),
    [workbook, checker, catalogue, units, submitter, connection, summaryWriter, aggregateConnection, reviewConnection, markQueries],
  );

  return (
    <div className="preview">
      <section className="workbook" aria-label="Sổ tính (mô phỏng) / Workbook (simulated)">
        <div className="formula-bar">
          <span className="name-box" data-testid="name-box">
            {selectedAddress}
          </span>
          <span className="formula-text">{selected && sheet ? sheet.cells[selected.row - 1]?.[selected.col - 1]?.text ?? '' : ''}</span>
        </div>
        {refusal && (
          <div className="refusal" role="alert" data-testid="refusal">
            {refusal}
          </div>
        )}
        {sheet ? (
          <SheetGrid key={sheet.name} sheet={sheet} selected={selected} onSelect={onSelect} onCommit={onCommit} onRefused={onRefused} />
        ) : (
          <div className="empty-workbook">Sổ tính trống / Empty workbook</div>
        )}
        <SheetTabs sheets={view.sheets} shown={sheet?.name ?? null} onShow={(name) => { setRefusal(null); setShown(name); }} />
        <div className="status" data-testid="status">
          <span data-testid="sync-count" data-count={view.syncCount}>
            Số lần đồng bộ (context.sync): {view.syncCount}
          </span>
          {sheet?.protected && <span>Trang được bảo vệ (protected)</span>}
          <span>Bản xem thử: Excel mô phỏng, không cần Office (preview: simulated Excel)</span>
          {onStartAfresh && (
            <button type="button" className="start-afresh" onClick={onStartAfresh} data-testid="start-afresh">
              Sổ tính mới (xóa sổ đang lưu) / New workbook
            </button>
          )}
        </div>
      </section>
      <aside className="pane" aria-label="Ngăn tác vụ / Task pane">
        {pane}
      </aside>
    </div>
  );
}
