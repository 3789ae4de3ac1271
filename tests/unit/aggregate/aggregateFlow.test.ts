/**
 * The Tổng hợp tab's flow without React: returned .xlsx files (written by the real writer and
 * filled as Excel stores values) read one by one as the browser reads them — fastReturn with
 * web-standard decoders only, as on the page, which has no Node Buffer — summarised and written
 * to the fake host.
 */
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { tableCellName } from '../../../src/domain/cellContract';
import { aggregate, type AggregateProgress } from '../../../src/taskpane/aggregate/aggregate';
import { readReturnBytes, type PickedFile } from '../../../src/taskpane/aggregate/readReturnFile';
import { createExcelSummaryWriter } from '../../../src/workbook/excel/summary/writeSummary';
import { filledReturn } from '../../../scripts/lib/filledReturns';
import { createFakeExcel } from '../../fakes/fakeExcel';

jest.setTimeout(120_000);

const catalogue = loadCatalogue();
const units = loadUnits();
const source = () => ({ catalogue, units });
const fixedNow = () => new Date('2025-07-10T03:00:00.000Z');

const picked = (name: string, bytes: Uint8Array): PickedFile => ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });

let btc: Buffer;
let byt: Buffer;
let bct: Buffer;
let bytWithErrors: Buffer;
beforeAll(async () => {
  [btc, byt, bct, bytWithErrors] = await Promise.all([
    filledReturn('bo-tai-chinh', { year: 2025, quarter: 2, cells: { [tableCellName('1.1', 'Q2')]: 0.195 } }),
    filledReturn('bo-y-te', { year: 2025, quarter: 2, seed: 1 }),
    filledReturn('bo-cong-thuong', { year: 2025, quarter: 2, seed: 2 }),
    // 2.8 Q2 shows 150%: an error; the rest of the return reads.
    filledReturn('bo-y-te', {
      year: 2025,
      quarter: 2,
      seed: 1,
      cells: { [tableCellName('2.8', 'Q2')]: 1.5, [tableCellName('2.9', 'Q2')]: 0.27 },
    }),
  ]);
});

/** Runs `work` as on the page: no global Buffer, so fastReturn decodes with TextDecoder. */
function withoutNodeBuffer<T>(work: () => T): T {
  const g = globalThis as { Buffer?: unknown };
  const real = g.Buffer;
  delete g.Buffer;
  try {
    return work();
  } finally {
    g.Buffer = real;
  }
}

describe('reading a file without Node’s Buffer', () => {
  it('reads a return file to the same payload as with Node’s Buffer', () => {
    const options = { catalogue, units, now: fixedNow, uuid: () => '00000000-0000-4000-8000-000000000001' };
    const withNode = readReturnBytes(new Uint8Array(byt), 'byt.xlsx', options);
    const inBrowser = withoutNodeBuffer(() => readReturnBytes(new Uint8Array(byt), 'byt.xlsx', options));
    expect(withNode.input).toBeDefined();
    expect(inBrowser).toEqual(withNode);
    expect(inBrowser.input!.payload.unitId).toBe('bo-y-te');
    expect(inBrowser.input!.source).toEqual({ kind: 'file', file: 'byt.xlsx', receivedAt: null });
  });
});

describe('aggregate from files', () => {
  it('reads each file with progress, lists what is not a return, summarises and writes the sheets', async () => {
    const host = createFakeExcel();
    const progress: AggregateProgress[] = [];
    const files = [
      picked('bo-tai-chinh.xlsx', btc),
      picked('ghi-chu.txt', new TextEncoder().encode('not a return')),
      picked('hong.xlsx', new Uint8Array([0x50, 0x4b, 1, 2, 3])),
      picked('bo-y-te.xlsx', byt),
      picked('bo-cong-thuong.xlsx', bct),
    ];
    const outcome = await withoutNodeBuffer(() =>
      aggregate(
        { year: 2025, quarter: 2, lang: 'vi', source: { kind: 'files', files }, onProgress: (p) => progress.push(p) },
        { writer: createExcelSummaryWriter(host, source), catalogue, units, now: fixedNow, yieldToUi: async () => undefined },
      ),
    );
    expect(progress.filter((p) => p.phase === 'reading')).toEqual(files.map((f, i) => ({ phase: 'reading', done: i + 1, total: 5, name: f.name })));
    expect(progress.slice(-2).map((p) => p.phase)).toEqual(['summarising', 'writing']);
    expect(outcome.used).toBe(3);
    expect(outcome.skipped.map((s) => s.source)).toEqual(['ghi-chu.txt', 'hong.xlsx']);
    expect(outcome.skipped[1]!.reason.vi).toMatch(/^Không đọc được/);
    expect(outcome.missingUnits.length).toBeGreaterThan(0);
    expect(outcome.missingUnits).not.toContain('bo-y-te');
    expect(outcome.written.syncs).toBeLessThanOrEqual(3);
    expect(outcome.written.chart).toBe('added');

    // Bộ Tài chính answers for 1.1: its Q2 figure is the national one.
    const row = outcome.summary.indicators.find((r) => r.row === '1.1')!;
    expect(row.quarters.find((q) => q.quarter === 2)).toMatchObject({ value: 19.5, unitId: 'bo-tai-chinh' });
    const table = host.snapshot().sheets.find((s) => s.name === 'Tổng hợp')!;
    const cellWith = Object.entries(table.cells).find(([, c]) => c.value === '1.1. Tỷ trọng kinh tế số trên GDP')!;
    const r = /\d+$/.exec(cellWith[0])![0];
    expect(host.getCell('Tổng hợp', `D${r}`).value).toBeCloseTo(0.195, 10);
    // The files that were not returns are listed on the sheet too.
    expect(Object.values(table.cells).some((c) => typeof c.value === 'string' && c.value.startsWith('ghi-chu.txt: '))).toBe(true);
  });

  it('uses the figures that read from a return with errors, and marks them; strict skips it', async () => {
    const files = [picked('bo-tai-chinh.xlsx', btc), picked('bo-y-te.xlsx', bytWithErrors)];
    const run = (strict: boolean) =>
      aggregate(
        { year: 2025, quarter: 2, lang: 'vi', source: { kind: 'files', files }, strict },
        { writer: createExcelSummaryWriter(createFakeExcel(), source), catalogue, units, now: fixedNow, yieldToUi: async () => undefined },
      );
    const lenient = await run(false);
    expect(lenient.used).toBe(2);
    expect(lenient.skipped).toEqual([]);
    expect(lenient.withErrors).toEqual([{ source: 'bo-y-te.xlsx', unitId: 'bo-y-te', quarter: 2, errors: 1 }]);
    const row = (id: string) => lenient.summary.indicators.find((r) => r.row === id)!;
    expect(row('2.9').quarters[1]).toMatchObject({ value: 27, unitId: 'bo-y-te' });
    expect(row('2.8').quarters[1]).toMatchObject({ value: null });
    expect(row('2.8').errors).toEqual([{ unitId: 'bo-y-te', count: 1 }]);

    const strict = await run(true);
    expect(strict.used).toBe(1);
    expect(strict.withErrors).toEqual([]);
    expect(strict.skipped.map((s) => [s.source, s.kind])).toEqual([['bo-y-te.xlsx', 'failed']]);
  });

  it('from the endpoint: the aggregator’s token on every request, then the same summary path', async () => {
    const host = createFakeExcel();
    const seen: string[] = [];
    const doFetch = (async (url: string | URL, init?: RequestInit) => {
      seen.push(`${String(url)} ${(init?.headers as Record<string, string>).authorization}`);
      return new Response(JSON.stringify({ returns: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const outcome = await aggregate(
      { year: 2025, quarter: 1, lang: 'en', source: { kind: 'endpoint', connection: { url: 'http://127.0.0.1:9', token: 'ct_agg' } } },
      { writer: createExcelSummaryWriter(host, source), catalogue, units, fetch: doFetch, now: fixedNow },
    );
    expect(seen).toEqual(['http://127.0.0.1:9/api/v1/returns?year=2025 Bearer ct_agg']);
    expect(outcome.used).toBe(0);
    expect(outcome.written.sheets).toEqual(['Summary', 'Completeness', 'Narrative']);
  });
});
