import { createRoot } from 'react-dom/client';
import type { FakeExcelHost } from '../../tests/fakes/fakeExcel';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { createExcelReturnChecker } from '../workbook/excel/check/returnChecker';
import { createExcelReturnWorkbook } from '../workbook/excel/returnWorkbook';
import { createExcelReturnSubmitter } from '../workbook/excel/submit/returnSubmitter';
import { AGGREGATE_CONNECTION_KEY } from '../taskpane/aggregate/connectionKey';
import { REVIEW_CONNECTION_KEY, localStorageConnection } from '../taskpane/submit/connection';
import { markQueriedCells } from '../workbook/excel/review/queryMarks';
import { createExcelSummaryWriter } from '../workbook/excel/summary/writeSummary';
import { observeFakeHost } from './fromFakeHost';
import { keepPreviewWorkbook, openPreviewWorkbook } from './persistence';
import { PreviewPage } from './PreviewPage';

declare global {
  interface Window {
    /** The fake workbook, for end-to-end tests and for poking at in the browser console. */
    __chitieuHost?: FakeExcelHost;
  }
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
// The workbook of the last visit, as a saved file reopens (a reload no longer wipes it).
const fake = openPreviewWorkbook(storage);
window.__chitieuHost = fake;
const kept = keepPreviewWorkbook(fake, storage, window);
const { excelHost, previewHost } = observeFakeHost(fake);

createRoot(document.getElementById('root')!).render(
  <PreviewPage
    host={previewHost}
    workbook={createExcelReturnWorkbook(excelHost)}
    checker={createExcelReturnChecker(excelHost)}
    submitter={createExcelReturnSubmitter(excelHost)}
    connection={localStorageConnection()}
    summaryWriter={createExcelSummaryWriter(excelHost)}
    aggregateConnection={localStorageConnection(undefined, AGGREGATE_CONNECTION_KEY, 'aggregate')}
    reviewConnection={localStorageConnection(undefined, REVIEW_CONNECTION_KEY)}
    markQueries={(marks) => markQueriedCells(excelHost, marks)}
    catalogue={loadCatalogue()}
    units={loadUnits()}
    onStartAfresh={() => {
      kept.forget();
      window.location.reload();
    }}
  />,
);
