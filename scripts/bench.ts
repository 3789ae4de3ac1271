/**
 * `npm run bench`: figures for the foundation, printed, never asserted (shared machines are noisy).
 *  1. context.sync() calls and queued operations to lay out a return through Office.js (fake host);
 *  2. wall time of `chitieu template` as a whole process (node start, tsx, ExcelJS, write);
 *  3. the task pane's initial JavaScript, gzipped (production build).
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createFakeExcel } from '../tests/fakes/fakeExcel';
import { measureTaskpaneBundle } from '../tests/e2e/build';
import { createExcelReturnWorkbook } from '../src/workbook/excel/returnWorkbook';
import { createExcelReturnChecker } from '../src/workbook/excel/check/returnChecker';
import { tableCellName } from '../src/domain/cellContract';

const ROOT = path.join(__dirname, '..');
const GOAL_SYNCS = 2;
const GOAL_GZIP_KB = 250;

async function layoutFigures() {
  const host = createFakeExcel();
  const workbook = createExcelReturnWorkbook(host);
  host.resetCounters();
  const created = await workbook.createReturn({ unitId: 'bo-y-te', year: 2023, lang: 'vi', replace: false });
  const first = { syncs: host.syncCount, ops: host.queuedOperationCount, status: created.status };
  host.resetCounters();
  const replaced = await workbook.createReturn({ unitId: 'bo-y-te', year: 2023, lang: 'vi', replace: true });
  return { first, replace: { syncs: host.syncCount, ops: host.queuedOperationCount, status: replaced.status } };
}

/** A return with mistakes on every required row, checked through Office.js on the fake host. */
async function checkFigures() {
  const host = createFakeExcel();
  await createExcelReturnWorkbook(host).createReturn({ unitId: 'bo-y-te', year: 2025, lang: 'vi', replace: false });
  const names = host.snapshot().names;
  const type = (name: string, input: string) => host.editCell(names[name]!.sheet!, names[name]!.address!, input);
  type('CT_QUARTER', '2');
  for (const row of ['1.1', '1.2.OTHER', '1.3', '2.1', '2.8', '2.9', '2.10']) {
    type(tableCellName(row, 'Q1'), "'abc");
    type(tableCellName(row, 'Q2'), '150%');
    type(tableCellName(row, 'Q3'), '10%');
  }
  const checker = createExcelReturnChecker(host);
  const times: number[] = [];
  let flags = 0;
  let syncs = 0;
  let ops = 0;
  for (let i = 0; i < 7; i++) {
    host.resetCounters();
    const started = process.hrtime.bigint();
    const outcome = await checker.checkReturn({ lang: 'vi' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (outcome.status === 'checked') flags = outcome.result.flags.length;
    syncs = host.syncCount;
    ops = host.queuedOperationCount;
  }
  return { flags, syncs, ops, times };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function templateProcessTimes(runs: number): number[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-bench-'));
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = path.join(dir, `return-${i}.xlsx`);
      const started = process.hrtime.bigint();
      execFileSync(process.execPath, [path.join(ROOT, 'bin', 'chitieu.js'), 'template', '--unit', 'bo-y-te', '--year', '2023', '--out', out], { stdio: 'ignore' });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

async function main() {
  const layout = await layoutFigures();
  console.log('Laying out a return (Office.js renderer on the fake host, 18 reporting rows):');
  console.log(`  new workbook:      ${layout.first.syncs} context.sync() calls (goal ≤ ${GOAL_SYNCS}), ${layout.first.ops} queued operations [${layout.first.status}]`);
  console.log(`  replacing (backup): ${layout.replace.syncs} context.sync() calls (goal ≤ ${GOAL_SYNCS}), ${layout.replace.ops} queued operations [${layout.replace.status}]`);

  const check = await checkFigures();
  console.log(`Checking a return (read, validate, write marks and the Kiểm tra sheet; fake host, in process): ${check.flags} flags, ${check.syncs} context.sync() calls (goal ≤ 2), ${check.ops} queued operations, median ${median(check.times).toFixed(0)} ms over ${check.times.length} runs`);

  const runs = 5;
  const times = templateProcessTimes(runs);
  console.log(`chitieu template as a whole process (${runs} runs): median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);

  const bundle = measureTaskpaneBundle();
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(`Task pane initial JavaScript: ${kb(bundle.gzipBytes)} KB gzipped (goal ≤ ${GOAL_GZIP_KB} KB), ${kb(bundle.rawBytes)} KB raw, in ${bundle.files.length} files; production build took ${(bundle.buildMs / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
