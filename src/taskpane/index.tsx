import { createRoot } from 'react-dom/client';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { createExcelReturnWorkbook } from '../workbook/excel/returnWorkbook';
import { officeHost } from '../workbook/excel/runner';
import { AGGREGATE_CONNECTION_KEY } from './aggregate/connectionKey';
import { lazySummaryWriter } from './aggregate/lazySummaryWriter';
import { App, type AppProps } from './App';
import { lazyChecker } from './check/lazyChecker';
import { StartupProblem } from './StartupProblem';
import { REVIEW_CONNECTION_KEY, localStorageConnection } from './submit/connection';
import { lazySubmitter } from './submit/lazySubmitter';

const root = createRoot(document.getElementById('root')!);

function start(info: { host: Office.HostType | null }) {
  if (info.host !== Office.HostType.Excel) {
    root.render(<StartupProblem kind="not-excel" />);
    return;
  }
  try {
    const catalogue = loadCatalogue();
    const units = loadUnits();
    const host = officeHost();
    const checker = lazyChecker(() => import('../workbook/excel/check/returnChecker').then(({ createExcelReturnChecker }) => createExcelReturnChecker(host)));
    const submitter = lazySubmitter(() => import('../workbook/excel/submit/returnSubmitter').then(({ createExcelReturnSubmitter }) => createExcelReturnSubmitter(host)));
    const markQueries: AppProps['markQueries'] = (marks) => import('../workbook/excel/review/queryMarks').then(({ markQueriedCells }) => markQueriedCells(host, marks));
    root.render(
      <App
        workbook={createExcelReturnWorkbook(host)}
        checker={checker}
        submitter={submitter}
        connection={localStorageConnection()}
        reviewConnection={localStorageConnection(undefined, REVIEW_CONNECTION_KEY)}
        summaryWriter={lazySummaryWriter(() => import('../workbook/excel/summary/writeSummary').then(({ createExcelSummaryWriter }) => createExcelSummaryWriter(host)))}
        aggregateConnection={localStorageConnection(undefined, AGGREGATE_CONNECTION_KEY, 'aggregate')}
        markQueries={markQueries}
        catalogue={catalogue}
        units={units}
      />,
    );
  } catch (error) {
    root.render(<StartupProblem kind="catalogue" error={error} />);
  }
}

// office.js comes from Microsoft's CDN (taskpane.html); offline or blocked, say so instead of a blank pane.
if (typeof Office === 'undefined') root.render(<StartupProblem kind="not-excel" />);
else Office.onReady(start);
