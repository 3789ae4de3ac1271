/**
 * `chitieu merge <files or folders…> --year <yyyy> --quarter <n> --out summary.xlsx`: the
 * department's summary of a quarter from the returned workbooks — the same summary as from the
 * endpoint for the same returns (summarise is one function; the payloads are built as
 * `chitieu submit` builds them).
 *
 * Folders are read one level deep (summary/collectFiles.ts: every .xlsx, links followed, what
 * cannot be read listed); the output file itself is never read as an input. A return that still
 * has errors is used for the figures that read, its errors marked in the summary; `--strict`
 * skips it instead (as the endpoint would refuse it). A file that is not a return, is damaged or
 * not a regular file, or is for another year or a later quarter is listed with the reason and
 * skipped; it never stops the rest. The report counts older versions apart from files that could
 * not be used.
 *
 * Exit codes: 0 the summary was written (whether or not files were skipped: they are listed, in
 * the report and on the summary sheet); 1 nothing was written for a reason a person can fix (a bad
 * option, no .xlsx file found, the output exists without --force, cannot be written); 2 a fault.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue, loadUnits } from '../../catalogue/load';
import type { SkippedInput, Summary } from '../../domain/summary/types';
import { collectFiles } from '../../summary/collectFiles';
import { STRICT_OPTION, mergeReportJson, mergeReportLines } from '../../summary/mergeReport';
import { UserFacingError, type Lang } from '../../workbook/port';
import { parseChoice, parseYear } from '../args';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import type { CliIO } from '../io';
import { cliText } from '../messages';
import { printJson } from '../output';
import { writeFileAtomically } from '../writeFileAtomically';

const FORMATS = ['text', 'json'] as const;

interface MergeOptions {
  year: string;
  quarter: string;
  out: string;
  force?: boolean;
  format?: string;
  threads?: string;
  strict?: boolean;
}

const userError = (code: string, vi: string, en: string) => new UserFacingError(code, { vi, en });

function parseQuarter(value: string): number {
  if (/^\s*[1-4]\s*$/.test(value)) return Number(value.trim());
  throw userError('bad-quarter', `Quý "${value}" không hợp lệ: ghi 1, 2, 3 hoặc 4.`, `"${value}" is not a quarter: give 1, 2, 3 or 4.`);
}

function checkOut(out: string, force: boolean): void {
  if (!/\.xlsx$/i.test(out)) throw userError('bad-out', `Tệp ghi ra phải có đuôi .xlsx: ${out}`, `The output file must end in .xlsx: ${out}`);
  const dir = path.dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw userError('no-out-dir', `Không có thư mục ${dir}: tạo thư mục trước, hoặc chọn nơi ghi khác.`, `There is no folder ${dir}: create it first, or write somewhere else.`);
  }
  if (existsSync(out) && !force) throw userError('out-exists', `Tệp ${out} đã có. Chọn tên khác, hoặc thêm --force để ghi đè.`, `${out} already exists. Choose another name, or add --force to overwrite it.`);
}

function report(io: CliIO, lang: Lang, out: string, summary: Summary, format: 'text' | 'json'): void {
  if (format === 'json') printJson(io, mergeReportJson(summary, out, lang));
  else io.out(mergeReportLines(summary, out, lang).join('\n') + '\n');
}

/**
 * CHITIEU_MERGE_TIMING=1: each stage's time on stderr (for `npm run bench:merge` and profiling);
 * under `node --expose-gc`, also the heap still held after a full collection at the end of a
 * stage (what merge keeps, as against the peak resident size, which counts uncollected garbage).
 */
function stageTimer(io: CliIO): (stage: string) => void {
  if (!process.env.CHITIEU_MERGE_TIMING) return () => undefined;
  let last = performance.now();
  io.err(`merge timing: started ${Math.round(last)} ms after the process\n`);
  const gc = (globalThis as { gc?: () => void }).gc;
  return (stage) => {
    const now = performance.now();
    io.err(`merge timing: ${stage} ${Math.round(now - last)} ms\n`);
    if (gc) {
      gc();
      io.err(`merge heap: after ${stage} ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB\n`);
    }
    last = performance.now();
  };
}

export async function runMerge(io: CliIO, cwd: string, lang: Lang, args: string[], options: MergeOptions): Promise<void> {
  const stage = stageTimer(io);
  const year = parseYear(options.year);
  const quarter = parseQuarter(options.quarter);
  const format = parseChoice('--format', options.format ?? 'text', FORMATS);
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0 && threads <= 16)) {
    throw userError('bad-threads', `--threads phải là số nguyên từ 0 đến 16: ${options.threads}`, `--threads must be a whole number from 0 to 16: ${options.threads}`);
  }
  const out = path.resolve(cwd, options.out);
  checkOut(out, Boolean(options.force));

  const { files, missing } = await collectFiles(args, cwd, out);
  if (files.length === 0) {
    throw userError('no-files', `Không tìm thấy tệp .xlsx nào trong: ${args.join(', ')}.`, `No .xlsx file was found in: ${args.join(', ')}.`);
  }

  const catalogue = loadCatalogue();
  const units = loadUnits();
  const { readFiles } = require('../../summary/readFiles') as typeof import('../../summary/readFiles');
  // ExcelJS takes a quarter of a second to load: with worker threads, while they start; else once needed.
  // require, not import(): bin/chitieu.js runs through tsx's CommonJS hook, which import() bypasses.
  const loadWriter = () => require('../../summary/summaryFile') as typeof import('../../summary/summaryFile');
  const strict = Boolean(options.strict);
  const read = await readFiles(files, {
    catalogue,
    units,
    strict,
    ...(threads !== undefined ? { threads } : {}),
    whileWorkersStart: loadWriter,
  });
  const { inputs } = read;
  const skipped: SkippedInput[] = [...missing, ...read.skipped];
  stage(`read ${files.length} files`);

  const { summarise } = require('../../domain/summary/summarise') as typeof import('../../domain/summary/summarise');
  // summarise puts the inputs in one order itself: the folder's listing order does not matter.
  const summary = summarise(inputs, { catalogue, units, year, quarter, generatedAt: new Date().toISOString() });
  summary.skipped = [...skipped, ...summary.skipped];
  stage('summarise');

  const { writeSummaryFile } = loadWriter();
  await writeFileAtomically(out, await writeSummaryFile(summary, catalogue, lang));
  stage('write the summary workbook');
  report(io, lang, out, summary, format);
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  register(program, { io, cwd, lang: helpLang }) {
    const command = program
      .command('merge')
      .description(cliText('mergeDescription', helpLang))
      .argument('<files or folders...>', cliText('mergeFilesArgument', helpLang))
      .requiredOption('--year <yyyy>', cliText('mergeYearOption', helpLang))
      .requiredOption('--quarter <n>', cliText('mergeQuarterOption', helpLang))
      .requiredOption('--out <file.xlsx>', cliText('mergeOutOption', helpLang))
      .option('--force', cliText('mergeForceOption', helpLang))
      .option('--format <format>', cliText('mergeFormatOption', helpLang))
      .option('--threads <n>', cliText('mergeThreadsOption', helpLang))
      .option('--strict', STRICT_OPTION[helpLang]);
    addCommonOptions(command, helpLang);
    command.usage(`${cliText('usageCommand', helpLang)} <files or folders...>`);
    return command.action(async (args: string[], options: MergeOptions) => {
      await runMerge(io, cwd, commandLang(command), args, options);
    });
  },
};
