/**
 * `chitieu submit <file.xlsx>`: check a return file, send it to the endpoint, print the receipt and
 * write it into the file (a protected "Biên nhận" sheet). For units that fill the .xlsx without
 * the add-in, and for scripts.
 *
 * The submission id is derived from the return's content (submit/contentId.ts): sending the same
 * file again, or the file with its receipt written in, is the same submission (the server answers
 * with the first receipt and stores nothing); a corrected file is a new version.
 *
 * Exit codes (as every command: 0 done, 1 something the person can fix, 2 a fault of ours):
 * - 0 accepted, receipt printed (and written into the file, or a warning saying why it was not:
 *   the submission itself succeeded);
 * - 1 nothing was accepted: the return has errors (nothing sent), the server refused it (a bad
 *   token, errors it found), the server could not be reached after the retries (down, wrong URL,
 *   timeout: try again later; `--format json` says `"code": "unreachable"`), or a bad option;
 * - 2 the file cannot be read as a return (as `validate`), or an unexpected fault.
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { findUnit, loadCatalogue, loadUnits } from '../../catalogue/load';
import type { CheckResult } from '../../domain/flags';
import type { ApiError, Receipt } from '../../domain/payload/api';
import type { SubmissionPayload } from '../../domain/payload/schema';
import { problemsMessage } from '../../domain/readContract';
import type { ReturnData } from '../../domain/returnData';
import { validateReturn } from '../../domain/validate/validateReturn';
import type { EndpointConfig, SubmitOutcome } from '../../submit/client';
import { UserFacingError, type Lang } from '../../workbook/port';
import { readReturnFast } from '../../workbook/xlsx/fastReturn';
import { parseChoice } from '../args';
import { readReturnFileOrExit, unreadableFile, type ReturnFileRead } from '../returnFile';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import { CliExit, EXIT, type CliIO } from '../io';
import { cliText, type CliTextKey } from '../messages';
import { printError, printJson } from '../output';
import { validateJson, validateText } from './validate';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const DEFAULT_RETRIES = 3;
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** A placeholder the schema accepts while the payload is built; replaced by the content id. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

interface SubmitOptions {
  endpoint?: string;
  token?: string;
  quarter?: string;
  format?: string;
  write: boolean;
  retries?: string;
  timeout?: string;
}

const both = (key: CliTextKey, vars: Record<string, string | number> = {}) => ({ vi: cliText(key, 'vi', vars), en: cliText(key, 'en', vars) });
const userError = (code: string, key: CliTextKey, vars: Record<string, string | number> = {}) => new UserFacingError(code, both(key, vars));

// ---- options -------------------------------------------------------------------------------

function parseQuarter(value: string): number {
  if (/^\s*[1-4]\s*$/.test(value)) return Number(value.trim());
  throw userError('bad-quarter', 'validateBadQuarter', { value });
}

function parseCount(option: string, value: string, max: number): number {
  if (/^\s*\d+\s*$/.test(value) && Number(value) <= max) return Number(value);
  throw userError('bad-number', 'submitBadNumber', { option, value, max });
}

/**
 * The endpoint's base URL: http(s), no query or fragment; a trailing "/api/v1" (copied from the
 * API's documentation) is taken off, since the client adds it.
 */
export function parseEndpoint(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw userError('bad-endpoint', 'submitBadEndpoint', { value });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    throw userError('bad-endpoint', 'submitBadEndpoint', { value });
  }
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/i, '') || '/';
  return url;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

// ---- reading the file -------------------------------------------------------------------------

// ---- the payload ------------------------------------------------------------------------------

/** The payload the file's return makes, its submission id taken from its content. */
export function contentPayload(data: ReturnData, check: CheckResult, quarter: number, submittedAt: string): SubmissionPayload {
  const { buildPayload } = require('../../domain/payload/buildPayload') as typeof import('../../domain/payload/buildPayload');
  const { contentSubmissionId } = require('../../submit/contentId') as typeof import('../../submit/contentId');
  const built = buildPayload(data, check, { submissionId: PLACEHOLDER_ID, submittedAt, quarter });
  return { ...built, submissionId: contentSubmissionId(built) };
}

// ---- sending ----------------------------------------------------------------------------------

/** What stopped every attempt, from the client's reason or Node's network error code. */
type Unreachable = 'refused' | 'notFound' | 'timeout' | 'server' | 'certificate' | 'reset' | 'unreadable' | 'other';

const PERMANENT: ReadonlySet<Unreachable> = new Set(['notFound', 'certificate']);

/** Node's fetch says only "fetch failed"; its cause carries the code (ECONNREFUSED, ENOTFOUND …). */
function networkCode(error: unknown): string {
  let found: string | undefined;
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    // undici's socket error wraps the system's (ECONNRESET …) where there is one: prefer that.
    if (typeof code === 'string') found = code;
    if (found && found !== 'UND_ERR_SOCKET') return found;
    e = (e as { cause?: unknown }).cause;
  }
  return found ?? (error instanceof Error ? error.message : String(error));
}

/** fetch whose failures name their cause, so the client's reason can be explained. */
const explainingFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (error) {
    if ((init?.signal as AbortSignal | undefined)?.aborted) throw error;
    throw new Error(networkCode(error));
  }
};

export function classifyUnreachable(outcome: Extract<SubmitOutcome, { status: 'unreachable' }>): Unreachable {
  const { reason, httpStatus } = outcome;
  if (reason === 'timeout') return 'timeout';
  if (reason === 'unreadable receipt') return 'unreadable';
  if (httpStatus !== null) return 'server';
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL/.test(reason)) return 'refused';
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME/.test(reason)) return 'notFound';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(reason)) return 'certificate';
  if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|UND_ERR_CLOSED/i.test(reason)) return 'reset';
  return 'other';
}

const UNREACHABLE_TEXT: Record<Unreachable, CliTextKey> = {
  refused: 'submitUnreachableRefused',
  notFound: 'submitUnreachableNotFound',
  timeout: 'submitUnreachableTimeout',
  server: 'submitUnreachableServer',
  certificate: 'submitUnreachableCertificate',
  reset: 'submitUnreachableReset',
  unreadable: 'submitUnreachableUnreadable',
  other: 'submitUnreachableOther',
};

interface SendOptions {
  attempts: number;
  timeoutMs: number;
  onRetry: (attempt: number, delayMs: number, outcome: Extract<SubmitOutcome, { status: 'unreachable' }>) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends until the server answers (accepted or refused) or the attempts run out, waiting longer
 * each time (client.retryDelayMs). The payload, so its submission id, is the same every time.
 * A host name that does not resolve or a certificate that is not trusted is not tried again.
 */
async function send(config: EndpointConfig, payload: SubmissionPayload, options: SendOptions): Promise<{ outcome: SubmitOutcome; attempts: number }> {
  const { submitPayload, nextDelayMs } = require('../../submit/client') as typeof import('../../submit/client');
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    const outcome = await submitPayload(config, payload, { fetch: explainingFetch, timeoutMs: options.timeoutMs });
    if (outcome.status !== 'unreachable' || attempt >= options.attempts || PERMANENT.has(classifyUnreachable(outcome))) return { outcome, attempts: attempt };
    // A busy server (503) may say how long to wait (Retry-After).
    const delay = nextDelayMs(attempt, outcome);
    options.onRetry(attempt, delay, outcome);
    await sleep(delay);
  }
}

/**
 * For a submission received before: the return's latest version on the server, when it is a later
 * one (the content sent was superseded by a correction, so the server keeps the correction as the
 * current version). Best effort: any failure says nothing.
 */
async function laterVersion(config: EndpointConfig, receipt: Receipt, timeoutMs: number): Promise<number | undefined> {
  if (receipt.created) return undefined;
  const { endpointUrl } = require('../../submit/client') as typeof import('../../submit/client');
  const { ReturnList } = require('../../domain/payload/api') as typeof import('../../domain/payload/api');
  const query = new URLSearchParams({ unit: receipt.unitId, year: String(receipt.year), quarter: String(receipt.quarter) });
  try {
    const response = await fetch(`${endpointUrl(config.url, '/returns')}?${query}`, {
      headers: { authorization: `Bearer ${config.token}` },
      signal: AbortSignal.timeout(Math.min(timeoutMs, 10_000)),
    });
    if (!response.ok) return undefined;
    const list = ReturnList.safeParse(await response.json());
    const latest = list.success ? list.data.returns.find((r) => r.returnId === receipt.returnId)?.latestVersion : undefined;
    return latest !== undefined && latest > receipt.version ? latest : undefined;
  } catch {
    return undefined;
  }
}

// ---- writing the receipt ----------------------------------------------------------------------

/** The language the return's sheet is written in: its receipt sheet is written in the same. */
function formLang(data: ReturnData, fallback: Lang): Lang {
  const { label } = require('../../layout/labels') as typeof import('../../layout/labels');
  const sheet = data.locations['CT_UNIT_ID']?.sheet;
  if (sheet === label('sheetName', 'en')) return 'en';
  if (sheet === label('sheetName', 'vi')) return 'vi';
  return fallback;
}

const WRITE_ERRORS: Record<string, CliTextKey> = {
  EACCES: 'submitWriteNoPermission',
  EPERM: 'submitWriteLocked',
  EBUSY: 'submitWriteLocked',
  ENOSPC: 'submitWriteDiskFull',
  EROFS: 'submitWriteReadOnlyDisk',
};

type WriteResult = { written: true; sheet: string } | { written: false; reason: string };

/** Writes the receipt sheet into the file, or says why it could not. */
async function writeReceipt(file: string, before: ReturnFileRead, receipt: Receipt, data: ReturnData, lang: Lang): Promise<WriteResult> {
  const failed = (reason: string): WriteResult => ({ written: false, reason });
  const now = await fs.stat(file).catch(() => null);
  if (!now) return failed(cliText('submitWriteGone', lang));
  // The file changed since it was read (saved from Excel meanwhile): writing would lose that.
  if (now.mtimeMs !== before.stat.mtimeMs || now.size !== before.stat.size) return failed(cliText('submitWriteChanged', lang));
  // A read-only file is left alone (rename would replace it, and root may write anything).
  if ((now.mode & 0o222) === 0) return failed(cliText('submitWriteReadOnly', lang));
  try {
    await fs.access(file, fsConstants.W_OK);
  } catch {
    return failed(cliText('submitWriteReadOnly', lang));
  }
  const { receiptPlan } = require('../../layout/receiptPlan') as typeof import('../../layout/receiptPlan');
  const { withReceiptSheet } = require('../../workbook/xlsx/receipt') as typeof import('../../workbook/xlsx/receipt');
  const { writeFileAtomically } = require('../writeFileAtomically') as typeof import('../writeFileAtomically');
  const sheetLang = formLang(data, lang);
  const unitName = findUnit(loadUnits(), receipt.unitId)?.name[sheetLang] ?? null;
  const plan = receiptPlan({ status: 'accepted', receipt, unitName }, sheetLang);
  try {
    const bytes = await withReceiptSheet(before.bytes, plan);
    // ExcelJS rewrites the whole file: a file another tool saved may not survive that as the same
    // return (names, values). Written only when it reads back as what was sent.
    if (!readsAsBefore(bytes, before)) return failed(cliText('submitWriteForeign', lang));
    await writeFileAtomically(file, bytes);
    await fs.chmod(file, now.mode & 0o7777).catch(() => undefined);
    return { written: true, sheet: plan.sheetName };
  } catch (error) {
    // ExcelJS (which writes the sheet) cannot load every producer's file that the reader reads.
    if (error instanceof UserFacingError) return failed(error.code === 'not-xlsx' ? cliText('submitWriteForeign', lang) : error.messages[lang]);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (WRITE_ERRORS[code]) return failed(cliText(WRITE_ERRORS[code]!, lang));
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** The rewritten file reads as the same return (its receipt sheet aside). */
function readsAsBefore(bytes: Uint8Array, before: ReturnFileRead): boolean {
  const after = readReturnFast(bytes).result;
  return after.ok && before.read.ok && isDeepStrictEqual(after.data, before.read.data);
}

// ---- output -----------------------------------------------------------------------------------

/** "2025-04-02T09:05:00.123Z" → "2025-04-02 16:05:00 (UTC+07:00)", in this computer's time zone. */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `UTC${offset >= 0 ? '+' : '-'}${two(Math.trunc(offset / 60))}:${two(offset % 60)}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())} (${zone})`;
}

function receiptText(receipt: Receipt, lang: Lang): string {
  const lines = [
    cliText(receipt.created ? 'submitAccepted' : 'submitAcceptedBefore', lang, { unitId: receipt.unitId, year: receipt.year, quarter: receipt.quarter }),
    `  ${cliText('submitReceiptNumber', lang)}: ${receipt.receiptNumber}`,
    `  ${cliText('submitReceiptVersion', lang)}: ${receipt.version}`,
    `  ${cliText('submitReceiptTime', lang)}: ${localTime(receipt.receivedAt)}`,
    `  ${cliText('submitReceiptSubmission', lang)}: ${receipt.submissionId}`,
  ];
  if (!receipt.created) lines.push(cliText('submitReceivedBeforeNote', lang));
  return lines.join('\n') + '\n';
}

/** The server's flags, where in the file each is: "[2.8 · E30] message". */
function serverFlagLines(error: ApiError, data: ReturnData, lang: Lang): string[] {
  return (error.flags ?? []).map((f) => {
    const at = f.cellName ? data.locations[f.cellName] : undefined;
    const where = at ? `${f.cellName} · ${at.address}` : (f.cellName ?? cliText('validateWholeReturn', lang));
    return `  [${where}] ${f.message[lang]}`;
  });
}

interface JsonError {
  code: string;
  message: string;
  httpStatus?: number | null;
  attempts?: number;
  flags?: { rule: string; severity: string; cellName: string | null; message: string }[];
  issues?: { path: string; message: string }[];
}

function failJson(io: CliIO, error: JsonError, extra: Record<string, unknown> = {}): never {
  printJson(io, { error, ...extra });
  throw new CliExit(EXIT.userError);
}

// ---- the command ------------------------------------------------------------------------------

async function runSubmit(io: CliIO, cwd: string, lang: Lang, file: string, options: SubmitOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const format: Format = parseChoice('--format', options.format ?? 'text', FORMATS);
  const quarterOption = options.quarter === undefined ? undefined : parseQuarter(options.quarter);
  const retries = options.retries === undefined ? DEFAULT_RETRIES : parseCount('--retries', options.retries, 10);
  const timeoutSeconds = options.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : parseCount('--timeout', options.timeout, 600);
  if (timeoutSeconds === 0) throw userError('bad-number', 'submitBadNumber', { option: '--timeout', value: '0', max: 600 });
  const endpointText = options.endpoint ?? env.CHITIEU_ENDPOINT;
  if (!endpointText?.trim()) throw userError('no-endpoint', 'submitNoEndpoint');
  const token = (options.token ?? env.CHITIEU_TOKEN ?? '').trim();
  if (!token) throw userError('no-token', 'submitNoToken');
  const endpoint = parseEndpoint(endpointText);
  if (endpoint.protocol === 'http:' && !LOOPBACK.test(endpoint.hostname)) io.err(cliText('submitPlainHttp', lang, { host: endpoint.host }) + '\n');

  // 1. Read and check, as `validate` does: nothing is sent while the return has errors.
  const target = path.resolve(cwd, file);
  const readFile = await readReturnFileOrExit(io, lang, target, file);
  const { read } = readFile;
  if (!read.ok) unreadableFile(io, lang, cliText('validateNotReturn', lang, { file, reason: problemsMessage(read.problems)[lang] }));
  const data = read.data;
  const check = validateReturn(data, { catalogue: loadCatalogue(), units: loadUnits(), ...(quarterOption !== undefined ? { quarter: quarterOption } : {}) });
  if (check.counts.error > 0) {
    if (format === 'json') failJson(io, { code: 'return-has-errors', message: cliText('submitHasErrors', lang, { count: check.counts.error }) }, validateJson(check, lang));
    io.out(validateText(file, data, check, lang));
    printError(io, lang, cliText('submitHasErrors', lang, { count: check.counts.error }));
    throw new CliExit(EXIT.userError);
  }
  const quarter = quarterOption ?? check.quarter;
  if (quarter === null || quarter === undefined) throw userError('no-quarter', 'submitNoQuarter');

  // 2. The payload, its id from its content.
  let payload: SubmissionPayload;
  try {
    payload = contentPayload(data, check, quarter, new Date().toISOString());
  } catch (error) {
    const { PayloadError } = require('../../domain/payload/buildPayload') as typeof import('../../domain/payload/buildPayload');
    if (!(error instanceof PayloadError)) throw error;
    const message = cliText('submitCannotBuild', lang);
    if (format === 'json') failJson(io, { code: 'payload', message, issues: error.issues });
    printError(io, lang, [message, ...error.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
    throw new CliExit(EXIT.userError);
  }

  // 3. Send, with retries.
  const attempts = retries + 1;
  const config: EndpointConfig = { url: endpoint.toString(), token };
  const { outcome, attempts: tried } = await send(config, payload, {
    attempts,
    timeoutMs: timeoutSeconds * 1000,
    onRetry: (attempt, delay, failed) => {
      const why = cliText(UNREACHABLE_TEXT[classifyUnreachable(failed)], lang, { url: endpoint.origin, host: endpoint.host, seconds: timeoutSeconds, status: failed.httpStatus ?? '' });
      io.err(cliText('submitRetrying', lang, { attempt, attempts, reason: why, seconds: Math.max(1, Math.round(delay / 1000)) }) + '\n');
    },
  });

  if (outcome.status === 'unreachable') {
    const kind = classifyUnreachable(outcome);
    const why = cliText(UNREACHABLE_TEXT[kind], lang, { url: endpoint.origin, host: endpoint.host, seconds: timeoutSeconds, status: outcome.httpStatus ?? '' });
    const message = cliText('submitUnreachable', lang, { url: endpoint.origin, attempts: tried, reason: why });
    const hint = cliText(kind === 'unreadable' ? 'submitUnreachableUnreadableHint' : 'submitUnreachableHint', lang);
    if (format === 'json') failJson(io, { code: 'unreachable', message: `${message} ${hint}`, httpStatus: outcome.httpStatus, attempts: tried });
    printError(io, lang, `${message}\n${hint}`);
    throw new CliExit(EXIT.userError);
  }

  if (outcome.status === 'refused') {
    const { error, httpStatus } = outcome;
    const hints: string[] = [];
    if (httpStatus === 401 || httpStatus === 403) hints.push(cliText('submitRefusedTokenHint', lang));
    if (httpStatus === 404 || httpStatus === 405 || error.error === 'unexpected-answer') hints.push(cliText('submitRefusedEndpointHint', lang, { url: endpoint.origin + endpoint.pathname.replace(/\/$/, '') }));
    if (format === 'json') {
      failJson(io, {
        code: error.error,
        message: [error.message[lang], ...hints].join(' '),
        httpStatus,
        ...(error.flags ? { flags: error.flags.map((f) => ({ rule: f.rule, severity: f.severity, cellName: f.cellName, message: f.message[lang] })) } : {}),
        ...(error.issues ? { issues: error.issues } : {}),
      });
    }
    const lines = [cliText('submitRefused', lang, { status: httpStatus, message: error.message[lang] }), ...serverFlagLines(error, data, lang)];
    for (const issue of error.issues ?? []) lines.push(`  ${issue.path || '(root)'}: ${issue.message}`);
    lines.push(...hints);
    printError(io, lang, lines.join('\n'));
    throw new CliExit(EXIT.userError);
  }

  // 4. Accepted: print the receipt, then write it into the file.
  const { receipt } = outcome;
  const latest = await laterVersion(config, receipt, timeoutSeconds * 1000);
  const superseded = latest === undefined ? undefined : cliText('submitSuperseded', lang, { version: receipt.version, latest });
  const write = options.write ? await writeReceipt(target, readFile, receipt, data, lang) : undefined;
  const warning = write && !write.written ? cliText('submitNotWritten', lang, { file, reason: write.reason }) : undefined;
  if (format === 'json') {
    printJson(io, { receipt, file, written: write?.written ?? false, ...(latest !== undefined ? { latestVersion: latest } : {}), ...(warning ? { warning } : {}) });
  } else {
    io.out(receiptText(receipt, lang));
    if (check.counts.warning + check.counts.info > 0) io.out(cliText('submitSentWithFlags', lang, check.counts) + '\n');
    if (write?.written) io.out(cliText('submitWritten', lang, { file, sheet: write.sheet }) + '\n');
  }
  if (superseded) io.err(cliText('submitWarning', lang) + superseded + '\n');
  if (warning) io.err(cliText('submitWarning', lang) + warning + '\n');
}

export const submitCommand: CliCommand = {
  name: 'submit',
  register(program, { io, cwd, lang: helpLang }) {
    const command = program
      .command('submit')
      .description(cliText('submitDescription', helpLang))
      .argument('<file.xlsx>', cliText('validateFileArgument', helpLang))
      .option('--endpoint <url>', cliText('submitEndpointOption', helpLang))
      .option('--token <token>', cliText('submitTokenOption', helpLang))
      .option('--quarter <n>', cliText('submitQuarterOption', helpLang))
      .option('--format <format>', cliText('submitFormatOption', helpLang))
      .option('--no-write', cliText('submitNoWriteOption', helpLang))
      .option('--retries <n>', cliText('submitRetriesOption', helpLang, { default: DEFAULT_RETRIES }))
      .option('--timeout <seconds>', cliText('submitTimeoutOption', helpLang, { default: DEFAULT_TIMEOUT_SECONDS }));
    addCommonOptions(command, helpLang);
    command.usage(`${cliText('usageCommand', helpLang)} <file.xlsx>`);
    command.addHelpText('after', '\n' + cliText('submitHelpAfter', helpLang));
    return command.action(async (file: string, options: SubmitOptions) => {
      await runSubmit(io, cwd, commandLang(command), file, options, process.env);
    });
  },
};
