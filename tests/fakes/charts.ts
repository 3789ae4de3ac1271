/**
 * Charts (ExcelApi 1.1), modelled only as far as the product uses them: `sheet.charts.add(type,
 * range, seriesBy)` records the chart's type, its source range and how series run; `name`,
 * `title.text`, `setPosition` and `delete` are kept; `getCount` and `items` answer. Series are
 * not worked out from the data and nothing is drawn: tests read what the product asked for.
 */
import { cellName, parseRect } from './address';
import { defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import { fail, FakeRichApiError } from './errors';
import { checkEnum, checkString } from './formatValues';
import { nextId, type ChartState, type SheetState } from './model';
import { FakeRange } from './range';

const alive = (c: ChartState) => !c.deleted;
const SERIES_BY = ['Auto', 'Columns', 'Rows'] as const;
/** The chart types the fake accepts (a subset of Excel.ChartType; others fail with InvalidArgument). */
const TYPES = ['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Area', 'XYScatter', 'Doughnut', 'Radar'] as const;

function noProtection(sheet: SheetState): void {
  if (sheet.protection.protected) fail('InvalidOperation', `sheet "${sheet.name}" is protected: charts cannot be added or changed`);
}

export class FakeChartCollection extends FakeCollection<FakeChart, SheetState> {
  constructor(context: FakeRequestContext, locate: Locate<SheetState>) {
    super(context, 'ChartCollection', locate);
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    let made: ChartState | undefined;
    const chart = new FakeChart(this.context, () => {
      if (!made || made.deleted) throw new FakeRichApiError('ItemNotFound', { detail: 'the chart was not added' });
      return made;
    });
    this.action('add', (sheet, exec) => {
      noProtection(sheet);
      const chartType = checkEnum(type, TYPES, 'chart type');
      const by = checkEnum(seriesBy, SERIES_BY, 'seriesBy');
      if (!(sourceData instanceof FakeRange)) fail('InvalidArgument', 'ChartCollection.add takes a Range as its source data');
      const source = this.sameContext(sourceData).mustFind(exec);
      if (source.sheet !== sheet) fail('InvalidArgument', 'the source range is on another sheet (the fake keeps charts beside their data)');
      if (source.rects.length !== 1) fail('InvalidArgument', 'the source range must be one area');
      const id = nextId(exec.wb, 'chart');
      made = { id, name: `Chart ${sheet.charts.length + 1}`, type: chartType, source: { ...source.rects[0]! }, seriesBy: by, title: '', position: null, deleted: false };
      sheet.charts.push(made);
    });
    return chart;
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, (exec) => {
      const sheet = this.mustFind(exec);
      const found = sheet.charts.find((c) => !c.deleted && c.name === name);
      if (!found) throw new FakeRichApiError('ItemNotFound', { detail: `no chart named "${name}"` });
      return found;
    });
  }

  protected itemsOf(sheet: SheetState): FakeChart[] {
    return sheet.charts.filter(alive).map((c) => new FakeChart(this.context, fixed(c, alive, 'the chart')));
  }
}

export class FakeChart extends FakeClientObject<ChartState> {
  declare name: string;
  declare readonly id: string;
  declare chartType: string;

  constructor(context: FakeRequestContext, locate: Locate<ChartState>) {
    super(context, 'Chart', locate);
  }

  get title(): FakeChartTitle {
    return this.child('title', () => new FakeChartTitle(this.context, this.locate));
  }

  /** Top-left and (optionally) bottom-right cells: addresses on the chart's sheet. */
  setPosition(startCell: string, endCell?: string): void {
    this.action('setPosition', (c) => {
      for (const cell of [startCell, endCell]) if (cell !== undefined && (typeof cell !== 'string' || !parseRect(cell))) fail('InvalidArgument', `"${String(cell)}" is not a cell address`);
      c.position = { start: startCell, end: endCell ?? null };
    });
  }

  delete(): void {
    this.action('delete', (c) => (c.deleted = true));
  }
}

defineScalars<ChartState>(FakeChart, {
  name: { read: (c) => c.name, write: (c, v) => (c.name = checkString(v, 'Chart.name', 255)) },
  id: { api: '1.7', read: (c) => c.id },
  chartType: { api: '1.7', read: (c) => c.type, write: (c, v) => (c.type = checkEnum(v, TYPES, 'Chart.chartType')) },
});

export class FakeChartTitle extends FakeClientObject<ChartState> {
  declare text: string;

  constructor(context: FakeRequestContext, locate: Locate<ChartState>) {
    super(context, 'ChartTitle', locate);
  }
}

defineScalars<ChartState>(FakeChartTitle, {
  text: { read: (c) => c.title, write: (c, v) => (c.title = checkString(v, 'ChartTitle.text', 255)) },
});

/** "A7:C20" for a chart's source, as tests compare it. */
export function chartSourceAddress(c: ChartState): string {
  return `${cellName(c.source.top, c.source.left)}:${cellName(c.source.bottom, c.source.right)}`;
}
