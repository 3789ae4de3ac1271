/**
 * Returns written by the tools units really use (tests/fixtures/producers, made by
 * scripts/producers/make-corpus.sh with LibreOffice, gnumeric, openpyxl, xlsxwriter, SheetJS,
 * xlsx-populate, ExcelJS and by hand): every file must read the same through every command that
 * reads returns, and as what was written (expected.json, from the generator's own figures).
 *
 * The four ways in, each as the product runs it:
 * - validate: `chitieu validate --format json` in-process (its flags) and the reader it calls
 *   (cli/returnFile.ts readReturnFileOrExit: its ReturnData);
 * - submit: `chitieu submit --format json --no-write` in-process against a small local endpoint
 *   that keeps the payload it is sent (or, for a return with errors, the flags it prints);
 * - merge: summary/fileInput.ts returnFileInput (what `chitieu merge` builds per file);
 * - the task pane's Tổng hợp file import: taskpane/aggregate/readReturnFile.ts readReturnBytes.
 * A table of files × commands agreeing with expected.json is printed at the end.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import type { CliIO } from '../../../src/cli/io';
import { CliExit } from '../../../src/cli/io';
import { readReturnFileOrExit } from '../../../src/cli/returnFile';
import { runCli } from '../../../src/cli/run';
import { parseFigureCell } from '../../../src/domain/parse';
import { cellText, comparisonColumn } from '../../../src/domain/payload/buildPayload';
import { PAYLOAD_ROW_IDS, type SubmissionPayload } from '../../../src/domain/payload/schema';
import type { RawCell, ReadResult, ReturnData } from '../../../src/domain/returnData';
import { validateReturn } from '../../../src/domain/validate/validateReturn';
import type { FileInput } from '../../../src/summary/fileInput';
import { returnFileInput } from '../../../src/summary/fileInput';
import { readReturnBytes } from '../../../src/taskpane/aggregate/readReturnFile';
import { readReturnFast } from '../../../src/workbook/xlsx/fastReturn';
import type { ExpectedCorpus, ExpectedFile } from '../../../scripts/producers/scenario';
import { startAcceptingEndpoint, type Endpoint } from '../../support/acceptingEndpoint';

const DIR = path.resolve(__dirname, '../../fixtures/producers');
const corpus = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as ExpectedCorpus;
const FILES = Object.keys(corpus.files);
const COMMANDS = ['validate', 'submit', 'merge', 'taskpane'] as const;
type Command = (typeof COMMANDS)[number];

const catalogue = loadCatalogue();
const units = loadUnits();
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const FIXED_NOW = new Date('2025-07-10T03:00:00.000Z');
const UNCALCULATED_MESSAGE = /formula without a calculated value/i;

// ---- what a command read, in one shape ------------------------------------------------------

interface FigureReading {
  value: number | null;
  /** The payload's status, or for what no payload carries: "uncalculated", "excelError", "invalid:<reason>". */
  status: string;
  provisional: boolean;
  approximate: boolean;
  noDataReason?: string;
  comparison: string | null;
}

interface Reading {
  unitId: string;
  year: number | null;
  quarter: number | null;
  focalPoint: Record<string, string>;
  sections: Record<string, string>;
  rowSources: Record<string, string>;
  figures: Record<string, FigureReading>;
}

type Payload = Omit<SubmissionPayload, 'submissionId' | 'submittedAt'>;

interface Outcome {
  /** What the command read (its payload, or the ReturnData validate reads). */
  reading?: Reading;
  /** Its flags as "severity rule CT_NAME", sorted; absent where the command does not say them. */
  flags?: string[];
  /** Its number of errors, where that is all it says (merge skips a return with errors). */
  errors?: number;
  /** The payload it sends or summarises, without its id and time (its reading is then the payload's). */
  payload?: Payload;
  /** Why it read nothing, when it read nothing usable. */
  problem?: string;
  /** The messages of its errors, where it prints them (validate; submit refusing a return). */
  errorMessages?: string[];
}

interface FileResult {
  outcomes: Record<Command, Outcome>;
  /** validate's and submit's reader. */
  cliRead?: ReadResult;
  /** merge's and the task pane's reader. */
  fastRead: ReadResult;
}

/** 15.500000000000002 and 15.5 are one figure: the readers may multiply in another order. */
const round = (n: number | null) => (n === null ? null : Number(n.toPrecision(12)));

function figureOfCell(cell: RawCell | undefined, comparison: string | null): FigureReading {
  const parsed = parseFigureCell(cell ?? { value: null });
  const plain = { provisional: false, approximate: false, comparison };
  switch (parsed.kind) {
    case 'number':
      return { value: round(parsed.percent), status: 'number', ...plain, provisional: parsed.provisional, approximate: parsed.approximate };
    case 'empty':
      return { value: null, status: 'empty', ...plain };
    case 'noData':
      return { value: null, status: 'noData', ...plain, ...(parsed.reason !== undefined ? { noDataReason: parsed.reason } : {}) };
    case 'deferred':
      return { value: null, status: 'deferred', ...plain };
    case 'error':
      return { value: null, status: 'excelError', ...plain };
    case 'invalid':
      return { value: null, status: parsed.detail === 'uncalculated' ? 'uncalculated' : `invalid:${parsed.reason}`, ...plain };
  }
}

/** "CT_1_2_ICT_Q1" → "1.2.ICT Q1". */
function figureKey(name: string): string {
  const m = /^CT_(.+)_Q([1-4])$/.exec(name);
  if (!m) throw new Error(`${name} is no figure cell`);
  return `${m[1]!.replace(/_/g, '.')} Q${m[2]}`;
}

const textOf = (cell: RawCell | undefined) => cellText(cell) ?? '';

/** A ReturnData read as buildPayload reads it (quarters 1..quarter), without refusing what a payload cannot carry. */
function readingOfData(data: ReturnData): Reading {
  const quarter = validateReturn(data, { catalogue, units }).quarter ?? null;
  const figures: Record<string, FigureReading> = {};
  const rowSources: Record<string, string> = {};
  for (const row of PAYLOAD_ROW_IDS) {
    const cells = data.table[row];
    if (!cells) continue;
    for (let q = 1; q <= (quarter ?? 0); q++) {
      figures[`${row} Q${q}`] = figureOfCell(cells[`Q${q}` as 'Q1'], cellText(cells[comparisonColumn(q)]));
    }
    const source = cellText(data.sources[row]);
    if (source !== null) rowSources[row] = source;
  }
  const year = data.year?.value;
  return {
    unitId: textOf(data.unitId),
    year: typeof year === 'number' ? year : typeof year === 'string' && /^\s*\d{4}\s*$/.test(year) ? Number(year) : null,
    quarter,
    focalPoint: Object.fromEntries(Object.entries(data.contact).map(([k, cell]) => [k, textOf(cell)])),
    sections: Object.fromEntries(Object.entries(data.narrative).map(([k, cell]) => [k, textOf(cell)])),
    rowSources,
    figures,
  };
}

function readingOfPayload(p: Payload): Reading {
  const figures: Record<string, FigureReading> = {};
  for (const f of p.figures) {
    figures[`${f.row} Q${f.quarter}`] = {
      value: round(f.value),
      status: f.status,
      provisional: f.provisional,
      approximate: f.approximate,
      ...(f.noDataReason !== undefined ? { noDataReason: f.noDataReason } : {}),
      comparison: f.comparison,
    };
  }
  return {
    unitId: p.unitId,
    year: p.year,
    quarter: p.quarter,
    focalPoint: { ...p.focalPoint },
    sections: { ...p.sections },
    rowSources: { ...(p.rowSources as Record<string, string>) },
    figures,
  };
}

/** What a payload's statuses can say: an unreadable figure is never carried (its error flag is). */
const CARRIED = new Set(['number', 'empty', 'noData', 'deferred']);

/**
 * A reading as a payload carries it: merge and the task pane use a return with errors for what
 * reads (domain/summary/usablePayload.ts), leaving its unreadable figures out.
 */
function carried(reading: Reading): Reading {
  return { ...reading, figures: Object.fromEntries(Object.entries(reading.figures).filter(([, f]) => CARRIED.has(f.status))) };
}

/** What `o` should have read, from a reading of everything: the payload's part of it when `o` says a payload. */
const asSaidBy = (o: Outcome, reading: Reading) => (o.payload ? carried(reading) : reading);

/** expected.json as a full reading: every figure not listed is empty, without comparison. */
function expectedReading(e: ExpectedFile): Reading {
  const figures: Record<string, FigureReading> = {};
  for (const row of PAYLOAD_ROW_IDS) {
    for (let q = 1; q <= e.quarter; q++) {
      const f = e.figures[`${row} Q${q}`];
      figures[`${row} Q${q}`] = f
        ? {
            value: round(f.value),
            status: f.status,
            provisional: f.provisional ?? false,
            approximate: f.approximate ?? false,
            ...(f.noDataReason !== undefined ? { noDataReason: f.noDataReason } : {}),
            comparison: f.comparison,
          }
        : { value: null, status: 'empty', provisional: false, approximate: false, comparison: null };
    }
  }
  const { unitId, year, quarter, focalPoint, sections, rowSources } = e;
  return { unitId, year, quarter, focalPoint, sections, rowSources, figures };
}

// ---- flags -------------------------------------------------------------------------------------

interface ListedFlag {
  rule: string;
  severity: string;
  cell: string | null;
  message: string;
}

const errorMessages = (flags: ListedFlag[]) => flags.filter((f) => f.severity === 'error').map((f) => f.message);

/** "'Phụ lục 01'!G30" → "phụ lục 01|G30", as the locations of the names are keyed. */
function cellKey(cell: string): string {
  const at = cell.lastIndexOf('!');
  const sheet = cell.slice(0, at).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return `${sheet.toLowerCase()}|${cell.slice(at + 1).replace(/\$/g, '').toUpperCase()}`;
}

/** validate's JSON names a flag's cell by address: the names come from the reader's own locations. */
function listedFlags(flags: ListedFlag[], data: ReturnData | undefined): string[] {
  const names = new Map(Object.entries(data?.locations ?? {}).map(([name, at]) => [`${at.sheet.toLowerCase()}|${at.address}`, name]));
  return flags.map((f) => `${f.severity} ${f.rule} ${f.cell === null ? '-' : (names.get(cellKey(f.cell)) ?? f.cell)}`).sort();
}

const payloadFlags = (p: Payload) => p.clientFlags.map((f) => `${f.severity} ${f.rule} ${f.cellName ?? '-'}`).sort();
const errorsOf = (flags: string[]) => flags.filter((f) => f.startsWith('error '));

function withoutIdAndTime(p: SubmissionPayload): Payload {
  const { submissionId: _id, submittedAt: _at, ...rest } = p;
  return rest;
}

// ---- the four ways in --------------------------------------------------------------------------

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

async function viaValidate(file: string): Promise<{ outcome: Outcome; read?: ReadResult }> {
  let read: ReadResult | undefined;
  const readIo = capture();
  try {
    read = (await readReturnFileOrExit(readIo, 'en', file, path.basename(file))).read;
  } catch (error) {
    if (!(error instanceof CliExit)) throw error;
  }
  const io = capture();
  const code = await runCli(['validate', file, '--format', 'json', '--lang', 'en'], { io });
  if (code === 2 || !read?.ok) return { outcome: { problem: `exit ${code}: ${(io.stderr() || readIo.stderr()).trim()}` }, read };
  const json = JSON.parse(io.stdout()) as { flags: ListedFlag[] };
  const outcome = { reading: readingOfData(read.data), flags: listedFlags(json.flags, read.data), errorMessages: errorMessages(json.flags) };
  return { outcome, read };
}

async function viaSubmit(file: string, endpoint: Endpoint, read: ReadResult | undefined): Promise<Outcome> {
  const io = capture();
  const args = ['submit', file, '--endpoint', endpoint.url, '--token', 'ct_producers', '--no-write', '--retries', '0'];
  args.push('--format', 'json', '--lang', 'en');
  const code = await runCli(args, { io });
  const sent = endpoint.take();
  if (sent) {
    const payload = withoutIdAndTime(sent);
    return { reading: readingOfPayload(payload), flags: payloadFlags(payload), payload };
  }
  // Nothing sent: a return with errors prints its flags, as validate does.
  let json: { error?: { code?: string }; flags?: ListedFlag[] } = {};
  try {
    json = JSON.parse(io.stdout()) as typeof json;
  } catch {
    // not JSON: the reason is on stderr
  }
  if (json.flags && json.error?.code === 'return-has-errors') {
    return { flags: listedFlags(json.flags, read?.ok ? read.data : undefined), errorMessages: errorMessages(json.flags) };
  }
  return { problem: `exit ${code}: ${(io.stderr() || io.stdout()).trim().slice(0, 300)}` };
}

function ofFileInput(input: FileInput): Outcome {
  if (input.input) {
    const payload = withoutIdAndTime(input.input.payload);
    return { reading: readingOfPayload(payload), flags: payloadFlags(payload), payload };
  }
  const reason = input.skipped.reason.en;
  const errors = /has (\d+) errors?\b/.exec(reason);
  return errors ? { errors: Number(errors[1]) } : { problem: reason };
}

function viaMerge(bytes: Uint8Array, file: string): Outcome {
  const options = { catalogue, units, fallbackSubmittedAt: FIXED_NOW.toISOString(), submissionId: () => PLACEHOLDER_ID };
  return ofFileInput(returnFileInput(bytes, file, options));
}

function viaTaskPane(bytes: Uint8Array, file: string): Outcome {
  return ofFileInput(readReturnBytes(bytes, file, { catalogue, units, now: () => FIXED_NOW, uuid: () => PLACEHOLDER_ID }));
}

// ---- agreement ---------------------------------------------------------------------------------

/** Equal as the assertions below judge it (jest's toEqual: undefined properties ignored), for the printed table. */
const same = (a: unknown, b: unknown) => {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
};

/** A command agrees with expected.json when it reads what was written and its errors are the uncalculated cells. */
function agreesWithExpected(o: Outcome, e: ExpectedFile): boolean {
  const errors = e.uncalculated.map((n) => `error figure.notANumber ${n}`).sort();
  if (o.problem !== undefined) return false;
  if (o.reading && !same(o.reading, asSaidBy(o, expectedReading(e)))) return false;
  if (o.flags && !same(errorsOf(o.flags), errors)) return false;
  if (o.errors !== undefined && o.errors !== errors.length) return false;
  // Reading nothing is right only for a return with errors (submit refuses it, merge --strict skips it).
  return Boolean(o.reading) || errors.length > 0;
}

/** Every command's flags, readings and payloads are the same, where it says them. */
function commandsAgree(r: FileResult): boolean {
  const outcomes = COMMANDS.map((c) => r.outcomes[c]);
  if (outcomes.some((o) => o.problem !== undefined)) return false;
  const flags = outcomes.flatMap((o) => (o.flags ? [o.flags] : []));
  const readings = outcomes.flatMap((o) => (o.reading ? [o.payload ? o.reading : carried(o.reading)] : []));
  const payloads = outcomes.flatMap((o) => (o.payload ? [o.payload] : []));
  const errorCounts = outcomes.map((o) => o.errors ?? (o.flags ? errorsOf(o.flags).length : undefined)).filter((n) => n !== undefined);
  return (
    flags.every((f) => same(f, flags[0])) &&
    readings.every((x) => same(x, readings[0])) &&
    payloads.every((p) => same(p, payloads[0])) &&
    errorCounts.every((n) => n === errorCounts[0]) &&
    same(r.cliRead, r.fastRead)
  );
}

// ---- the tests ---------------------------------------------------------------------------------

const results = new Map<string, FileResult>();

beforeAll(async () => {
  const endpoint = await startAcceptingEndpoint(FIXED_NOW.toISOString());
  try {
    for (const name of FILES) {
      const file = path.join(DIR, name);
      const bytes = new Uint8Array(readFileSync(file));
      const { outcome, read } = await viaValidate(file);
      const submit = await viaSubmit(file, endpoint, read);
      results.set(name, {
        outcomes: { validate: outcome, submit, merge: viaMerge(bytes, name), taskpane: viaTaskPane(bytes, name) },
        ...(read ? { cliRead: read } : {}),
        fastRead: readReturnFast(bytes, catalogue).result,
      });
    }
  } finally {
    await endpoint.close();
  }
}, 180_000);

afterAll(() => {
  const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
  const width = Math.max(...FILES.map((f) => f.length));
  const lines = [`${'file'.padEnd(width)}  ${COMMANDS.map((c) => c.padEnd(8)).join(' ')}  commands agree`];
  let agreeing = 0;
  let files = 0;
  for (const name of FILES) {
    const r = results.get(name);
    if (!r) continue;
    const cells = COMMANDS.map((c) => agreesWithExpected(r.outcomes[c], corpus.files[name]!));
    agreeing += cells.filter(Boolean).length;
    const all = commandsAgree(r);
    if (all) files += 1;
    lines.push(`${name.padEnd(width)}  ${cells.map((ok) => mark(ok).padEnd(8)).join(' ')}  ${mark(all)}`);
  }
  lines.push(
    `files × commands agreeing with expected.json: ${agreeing}/${results.size * COMMANDS.length}; ` +
      `files read alike by every command: ${files}/${results.size}`,
  );
  // The corpus's standing, for a person reading the test run (and the closing note).
  console.log(lines.join('\n'));
});

describe('the producers corpus', () => {
  it('holds every file expected.json describes, and nothing else, from every tool', () => {
    const present = readdirSync(DIR).filter((f) => f.endsWith('.xlsx')).sort();
    expect(present).toEqual([...FILES].sort());
    const tools = new Set(Object.values(corpus.files).map((f) => f.tool));
    expect([...tools].sort()).toEqual(['exceljs', 'gnumeric', 'hand', 'libreoffice', 'openpyxl', 'sheetjs', 'xlsx-populate', 'xlsxwriter']);
  });

  it('expected.json says something for each file: figures filled, and formulas without results where a script left them', () => {
    for (const e of Object.values(corpus.files)) {
      expect(Object.values(e.figures).filter((f) => f.status === 'number').length).toBeGreaterThan(5);
      for (const name of e.uncalculated) expect(e.figures[figureKey(name)]?.status).toBe('uncalculated');
    }
    expect(Object.values(corpus.files).some((e) => e.uncalculated.length > 0)).toBe(true);
  });
});

describe.each(FILES)('%s', (name) => {
  const e = corpus.files[name]!;
  const result = () => {
    const r = results.get(name);
    if (!r) throw new Error(`${name} was not read`);
    return r;
  };

  it('is read by every command (none fails on the file itself)', () => {
    const { outcomes } = result();
    const problems = Object.fromEntries(COMMANDS.flatMap((c) => (outcomes[c].problem !== undefined ? [[c, outcomes[c].problem]] : [])));
    expect(problems).toEqual({});
  });

  it('gives the same ReturnData to validate/submit as to merge and the task pane', () => {
    expect(result().cliRead).toEqual(result().fastRead);
  });

  it('gives the same flags through every command', () => {
    const r = result();
    const reference = r.outcomes.validate.flags;
    expect(reference).toBeDefined();
    for (const c of COMMANDS) {
      const o = r.outcomes[c];
      if (o.flags) expect({ [c]: o.flags }).toEqual({ [c]: reference });
      else expect({ [c]: o.errors }).toEqual({ [c]: errorsOf(reference!).length });
    }
  });

  it('gives the same reading and payload through every command', () => {
    const r = result();
    const reference = r.outcomes.validate.reading;
    expect(reference).toBeDefined();
    const payloads = COMMANDS.flatMap((c) => (r.outcomes[c].payload ? [[c, r.outcomes[c].payload] as const] : []));
    for (const c of COMMANDS) {
      const o = r.outcomes[c];
      if (o.reading) expect({ [c]: o.reading }).toEqual({ [c]: asSaidBy(o, reference!) });
    }
    for (const [c, p] of payloads) expect({ [c]: p }).toEqual({ [c]: payloads[0]![1] });
  });

  it('reads what was written (expected.json), through every command', () => {
    const r = result();
    const want = expectedReading(e);
    for (const c of COMMANDS) {
      const o = r.outcomes[c];
      if (o.reading) expect({ [c]: o.reading }).toEqual({ [c]: asSaidBy(o, want) });
    }
    // A return without errors is sent and summarised; one with errors is not sent (the endpoint would
    // refuse it), and is summarised for what reads of it.
    const clean = e.uncalculated.length === 0;
    const { submit, merge, taskpane } = r.outcomes;
    const used = { sent: Boolean(submit.payload), merged: Boolean(merge.payload), imported: Boolean(taskpane.payload) };
    expect(used).toEqual({ sent: clean, merged: true, imported: true });
  });

  it(`has as its only errors the formulas without a calculated value (${e.uncalculated.length}), each saying so`, () => {
    const r = result();
    for (const c of COMMANDS) {
      const o = r.outcomes[c];
      if (o.flags) expect({ [c]: errorsOf(o.flags) }).toEqual({ [c]: e.uncalculated.map((n) => `error figure.notANumber ${n}`).sort() });
    }
    // The person is told why: not "empty", not "not a number" alone.
    for (const c of COMMANDS) {
      for (const m of r.outcomes[c].errorMessages ?? []) expect({ [c]: m }).toEqual({ [c]: expect.stringMatching(UNCALCULATED_MESSAGE) });
    }
  });
});
