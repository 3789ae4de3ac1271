/**
 * Two sources, one result: the same returns, sent to a real `chitieu serve` and kept as files,
 * give the same summary — `summarise(returnInputsFromEndpoint(…))` equals `summarise(file inputs)`
 * in everything but where each input came from. The files carry the receipt the endpoint gave
 * (the "Biên nhận" sheet, as `chitieu submit` writes it), so timeliness matches too; without a
 * receipt a file's timeliness is "unknown" by design, which the last test shows.
 */
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import type { SubmissionPayload } from '../../../src/domain/payload/schema';
import { summarise } from '../../../src/domain/summary/summarise';
import type { ReturnInput } from '../../../src/domain/summary/types';
import { receiptPlan } from '../../../src/layout/receiptPlan';
import { submitPayload } from '../../../src/submit/client';
import { fileInput } from '../../../src/summary/fromFiles';
import { readEndpointInputs, returnInputsFromEndpoint } from '../../../src/summary/fromEndpoint';
import { withReceiptSheet } from '../../../src/workbook/xlsx/receipt';
import { filledReturn } from '../../../scripts/lib/filledReturns';
import { createToken, startServerProcess, type ServerProcess } from '../../support/serverProcess';

jest.setTimeout(120_000);

const catalogue = loadCatalogue();
const units = loadUnits();
const options = { catalogue, units, year: 2025, quarter: 2, generatedAt: '2025-07-20T03:00:00.000Z' };
const SENT = '2025-07-01T00:00:00.000Z';

/** Unit, quarter of its return, seed of its figures. */
const RETURNS: [string, number, number][] = [
  ['bo-tai-chinh', 2, 1],
  ['bo-y-te', 2, 2],
  ['bo-cong-thuong', 1, 3],
  ['bo-cong-thuong', 2, 4],
  ['bo-tu-phap', 2, 5],
];

let server: ServerProcess;
let aggregatorToken: string;
const files: { name: string; bytes: Buffer; withReceipt: Buffer }[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  aggregatorToken = await createToken(server.db, 'vu-ktsxhs', 'aggregator');
  const tokens = new Map<string, string>();
  for (const [unit, quarter, seed] of RETURNS) {
    if (!tokens.has(unit)) tokens.set(unit, await createToken(server.db, unit, 'reporter'));
    const bytes = await filledReturn(unit, { year: 2025, quarter, seed });
    const name = `${unit}-q${quarter}.xlsx`;
    // The payload exactly as merge builds it from the file, sent as `chitieu submit` sends it.
    const built = fileInput(bytes, name, { catalogue, units, fallbackSubmittedAt: SENT });
    if (!built.input) throw new Error(`${name}: ${built.skipped.reason.en}`);
    const outcome = await submitPayload({ url: server.url, token: tokens.get(unit)! }, built.input.payload);
    if (outcome.status !== 'accepted') throw new Error(`${name}: ${JSON.stringify(outcome)}`);
    const withReceipt = await withReceiptSheet(bytes, receiptPlan({ status: 'accepted', receipt: outcome.receipt, unitName: unit }, 'vi'));
    files.push({ name, bytes, withReceipt });
  }
});

afterAll(async () => {
  await server?.stop();
});

/** Each file's input, in the reverse of the endpoint's order: summarise puts them in one order itself. */
const fileInputs = (pick: (f: (typeof files)[number]) => Buffer): ReturnInput[] =>
  [...files].reverse().map((f) => {
    const r = fileInput(pick(f), f.name, { catalogue, units, fallbackSubmittedAt: SENT });
    if (!r.input) throw new Error(r.skipped.reason.en);
    return r.input;
  });

// What a return says: not when it was sent, nor the id it was sent under (a file's id in a summary is its hash).
const content = (p: SubmissionPayload) => ({ ...p, submittedAt: undefined, submissionId: undefined });

describe('two sources, one result', () => {
  it('reads the endpoint’s returns: every version, with its receipt', async () => {
    const { inputs, skipped } = await readEndpointInputs({ url: server.url, token: aggregatorToken }, 2025, 2);
    expect(skipped).toEqual([]);
    expect(inputs).toHaveLength(RETURNS.length);
    expect(inputs.every((i) => i.source.kind === 'endpoint' && i.source.version === 1 && i.source.receiptNumber.startsWith('CT-2025-Q'))).toBe(true);
    // The payloads are the files' payloads (one return per unit and quarter here).
    const key = (p: { unitId: string; quarter: number }) => `${p.unitId}/${p.quarter}`;
    const byReturn = new Map(fileInputs((f) => f.withReceipt).map((i) => [key(i.payload), i.payload]));
    expect(byReturn.size).toBe(inputs.length);
    for (const input of inputs) expect(content(input.payload)).toEqual(content(byReturn.get(key(input.payload))!));
  });

  it('gives the same summary from the endpoint as from the files (with their receipts)', async () => {
    const fromEndpoint = summarise(await returnInputsFromEndpoint({ url: server.url, token: aggregatorToken }, 2025, 2), options);
    const fromFiles = summarise(fileInputs((f) => f.withReceipt), options);
    expect(fromFiles.used).toBe(4);
    expect(fromFiles.indicators).toEqual(fromEndpoint.indicators);
    expect(fromFiles.indicators.some((r) => r.quarters.some((q) => q.value !== null))).toBe(true);
    expect(fromFiles.sections).toEqual(fromEndpoint.sections);
    expect(fromFiles.completeness).toEqual(fromEndpoint.completeness);
    expect(fromFiles.countsByQuarter).toEqual(fromEndpoint.countsByQuarter);
    // Only the sources differ: a receipt number for the endpoint's, a file name for the files'.
    expect({ ...fromFiles, skipped: fromFiles.skipped.length }).toEqual({ ...fromEndpoint, skipped: fromEndpoint.skipped.length });
  });

  it('without receipts the figures are the same; timeliness is unknown instead of judged', async () => {
    const fromEndpoint = summarise(await returnInputsFromEndpoint({ url: server.url, token: aggregatorToken }, 2025, 2), options);
    const bare = summarise(fileInputs((f) => f.bytes), options);
    expect(bare.indicators).toEqual(fromEndpoint.indicators);
    expect(bare.sections).toEqual(fromEndpoint.sections);
    const cell = (s: typeof bare, unit: string) => s.completeness.find((r) => r.unitId === unit)!.cells.find((c) => c.quarter === 2)!.status;
    expect(cell(bare, 'bo-tai-chinh')).toBe('unknown');
    expect(cell(fromEndpoint, 'bo-tai-chinh')).not.toBe('unknown');
  });
});
