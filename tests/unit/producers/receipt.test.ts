/**
 * `chitieu submit` writing its receipt into a file another tool saved: every return without
 * errors in the producers' corpus is sent, and either gets its "Biên nhận" sheet — after which
 * the file still reads as the same return, now with the receipt's time — or is left byte for byte
 * as it was, with a warning that says why in the person's words (never a library's internals).
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/run';
import { readReturnFast } from '../../../src/workbook/xlsx/fastReturn';
import { startAcceptingEndpoint, type Endpoint } from '../../support/acceptingEndpoint';

const CORPUS = path.resolve(__dirname, '../../fixtures/producers');
const RECEIVED_AT = '2025-07-10T03:00:00.000Z';
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort();

let endpoint: Endpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await startAcceptingEndpoint(RECEIVED_AT);
  dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-receipt-'));
});
afterAll(async () => {
  await endpoint.close();
  rmSync(dir, { recursive: true, force: true });
});

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

describe('chitieu submit writes its receipt into files other tools saved, or says why not', () => {
  const outcomes: Record<string, string> = {};

  it.each(files)('%s', async (name) => {
    const file = path.join(dir, name);
    copyFileSync(path.join(CORPUS, name), file);
    const before = readFileSync(file);
    const io = capture();
    const code = await runCli(['submit', file, '--endpoint', endpoint.url, '--token', 'ct_t', '--retries', '0', '--format', 'json', '--lang', 'en'], { io });
    const sent = endpoint.take();
    if (code === 1 && !sent) {
      outcomes[name] = 'not sent (errors)';
      expect(JSON.parse(io.stdout())).toMatchObject({ error: { code: 'return-has-errors' } });
      return;
    }
    expect(code).toBe(0);
    const printed = JSON.parse(io.stdout()) as { written: boolean; warning?: string; receipt: { receiptNumber: string } };
    expect(printed.receipt.receiptNumber).toMatch(/^CT-2025-Q2-/);
    const after = readFileSync(file);
    const again = readReturnFast(after);
    if (printed.written) {
      outcomes[name] = 'receipt written';
      expect(io.stderr()).toBe('');
      expect(again.receivedAt).toBe(RECEIVED_AT);
      const first = readReturnFast(before);
      if (!first.result.ok || !again.result.ok) throw new Error('not readable');
      expect(again.result.data.table).toStrictEqual(first.result.data.table);
      expect(again.result.data.contact).toStrictEqual(first.result.data.contact);
    } else {
      outcomes[name] = 'warned';
      expect(after.equals(before)).toBe(true);
      expect(printed.warning).toMatch(/saved by another program|changed while|read-only/);
      expect(printed.warning).not.toMatch(/Cannot read properties|jszip|undefined/);
      expect(io.stderr()).toContain(printed.warning);
    }
  });

  afterAll(() => {
    console.log(Object.entries(outcomes).map(([f, o]) => `${f.padEnd(32)} ${o}`).join('\n'));
  });
});
