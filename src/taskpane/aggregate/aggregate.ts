/**
 * The Tổng hợp tab's work, without React: returns from picked files or from the endpoint →
 * summarise → the summary sheets. Loaded with the panel (never in the pane's first bundle).
 * Files are read as `chitieu merge` reads them: a return with errors is used for the figures
 * that read and its errors marked, unless `strict` (then it is skipped, as the endpoint would).
 */
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { summarise } from '../../domain/summary/summarise';
import type { ReturnInput, ReturnWithErrors, SkippedInput, Summary } from '../../domain/summary/types';
import type { Lang } from '../../workbook/port';
import type { SummaryWriteResult, SummaryWriter } from '../../workbook/excel/summary/writeSummary';
import type { Connection } from '../submit/connection';
import { readEndpointInputs } from '../../summary/fromEndpoint';
import { readReturnFiles, type PickedFile } from './readReturnFile';

export type AggregateSource = { kind: 'files'; files: readonly PickedFile[] } | { kind: 'endpoint'; connection: Connection };

export type AggregateProgress =
  | { phase: 'reading'; done: number; total: number; name: string }
  | { phase: 'fetching' }
  | { phase: 'summarising' }
  | { phase: 'writing' };

export interface AggregateRequest {
  year: number;
  quarter: number;
  /** The sheets' language. */
  lang: Lang;
  source: AggregateSource;
  /** Files only: skip a return with errors instead of using what reads of it (as `chitieu merge --strict`). */
  strict?: boolean;
  onProgress?(progress: AggregateProgress): void;
}

export interface AggregateDeps {
  writer: SummaryWriter;
  catalogue: Catalogue;
  units: UnitList;
  fetch?: typeof fetch;
  now?: () => Date;
  yieldToUi?: () => Promise<void>;
}

export interface AggregateOutcome {
  summary: Summary;
  written: SummaryWriteResult;
  used: number;
  skipped: SkippedInput[];
  /** Returns used that still have errors: their figures that read are in the summary. */
  withErrors: ReturnWithErrors[];
  /** Indicators where units gave differing figures. */
  conflicts: number;
  /** Units expected this quarter with no return. */
  missingUnits: string[];
}

export async function aggregate(request: AggregateRequest, deps: AggregateDeps): Promise<AggregateOutcome> {
  const { year, quarter, source, onProgress } = request;
  const now = deps.now ?? (() => new Date());
  let inputs: ReturnInput[];
  let readSkipped: SkippedInput[];
  if (source.kind === 'files') {
    const read = await readReturnFiles(source.files, {
      catalogue: deps.catalogue,
      units: deps.units,
      now,
      strict: request.strict ?? false,
      onProgress: (done, total, name) => onProgress?.({ phase: 'reading', done, total, name }),
      ...(deps.yieldToUi ? { yieldToUi: deps.yieldToUi } : {}),
    });
    // Files in any order (as picked, or a folder's listing) give the same summary: summarise orders them.
    inputs = read.inputs;
    readSkipped = read.skipped;
  } else {
    onProgress?.({ phase: 'fetching' });
    const read = await readEndpointInputs(source.connection, year, quarter, deps.fetch ?? ((...args) => fetch(...args)));
    inputs = read.inputs;
    readSkipped = read.skipped;
  }
  onProgress?.({ phase: 'summarising' });
  const made = summarise(inputs, { catalogue: deps.catalogue, units: deps.units, year, quarter, generatedAt: now().toISOString() });
  const summary: Summary = { ...made, skipped: [...readSkipped, ...made.skipped] };
  onProgress?.({ phase: 'writing' });
  const written = await deps.writer.writeSummary(summary, { lang: request.lang });
  return {
    summary,
    written,
    used: summary.used,
    skipped: summary.skipped,
    withErrors: summary.withErrors,
    conflicts: summary.indicators.filter((row) => row.conflicts.length > 0).length,
    missingUnits: summary.completeness.filter((row) => row.cells.find((c) => c.quarter === quarter)?.status === 'missing').map((row) => row.unitId),
  };
}
