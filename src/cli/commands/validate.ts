import path from 'node:path';
import { loadCatalogue, loadUnits } from '../../catalogue/load';
import type { AssessmentStatus, CheckResult, Flag, Severity } from '../../domain/flags';
import { problemsMessage } from '../../domain/readContract';
import { validateReturn } from '../../domain/validate/validateReturn';
import type { ReturnData } from '../../domain/returnData';
import { rowLabel, withRowLabels } from '../../layout/rowLabel';
import { splitReference } from '../../workbook/excel/a1';
import { UserFacingError, type Lang } from '../../workbook/port';
import { parseChoice } from '../args';
import { readReturnFileOrExit, unreadableFile } from '../returnFile';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import { CliExit, EXIT } from '../io';
import { cliText, type CliTextKey } from '../messages';
import { formatTable, printJson } from '../output';

const FORMATS = ['text', 'json'] as const;

/** One flag as `validate --format json` prints it: stable keys, texts in the chosen language. */
export interface FlagListing {
  rule: string;
  severity: Severity;
  indicator: string | null;
  column: string | null;
  cell: string | null;
  message: string;
  suggestion: string;
  justification?: string;
}

export interface AssessmentListing {
  indicator: string;
  value: number | null;
  target: string;
  status: AssessmentStatus;
  reason: string;
}

export function validateJson(result: CheckResult, lang: Lang): { flags: FlagListing[]; assessment: AssessmentListing[] } {
  return {
    flags: result.flags.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      indicator: f.indicator,
      column: f.column,
      cell: f.cell,
      message: f.message[lang],
      suggestion: f.suggestion[lang],
      ...(f.justification ? { justification: f.justification } : {}),
    })),
    assessment: result.assessment.map((a) => ({ indicator: a.indicator, value: a.value, target: a.target, status: a.status, reason: a.reason[lang] })),
  };
}

const SEVERITY_TEXT: Record<Severity, CliTextKey> = { error: 'validateSeverityError', warning: 'validateSeverityWarning', info: 'validateSeverityInfo' };
const STATUS_TEXT: Record<AssessmentStatus, CliTextKey> = {
  achieved: 'statusAchieved',
  likely2024: 'statusLikely2024',
  likely2025: 'statusLikely2025',
  challenging: 'statusChallenging',
};

const shown = (cell: { value: unknown } | undefined) => (cell?.value === null || cell?.value === undefined ? '–' : String(cell.value));
const percent = (value: number | null, lang: Lang) => (value === null ? '–' : `${lang === 'vi' ? String(Math.round(value * 100) / 100).replace('.', ',') : Math.round(value * 100) / 100}%`);

function flagLines(flag: Flag, lang: Lang): string[] {
  // The sheet is the return's: the address alone reads better ("2,8 · E30"); rows by the sheet's STT and words.
  const catalogue = loadCatalogue();
  const address = flag.cell ? splitReference(flag.cell).address : null;
  const where = [flag.indicator ? rowLabel(catalogue, flag.indicator, lang) : null, address].filter(Boolean).join(' · ') || cliText('validateWholeReturn', lang);
  const lines = [`  [${where}] ${withRowLabels(catalogue, flag, flag.message[lang], lang)}`];
  if (flag.suggestion[lang]) lines.push(`      ${cliText('validateSuggestion', lang)}: ${withRowLabels(catalogue, flag, flag.suggestion[lang], lang)}`);
  if (flag.justification) lines.push(`      ${cliText('validateJustification', lang)}: ${flag.justification}`);
  return lines;
}

/** Grouped by severity with counts, then the assessment table, then one line of totals. */
export function validateText(file: string, data: ReturnData, result: CheckResult, lang: Lang): string {
  const out = [cliText('validateHeading', lang, { file, unit: shown(data.unitName), unitId: shown(data.unitId), year: shown(data.year), quarter: result.quarter ?? '–' }), ''];
  if (result.flags.length === 0) out.push(cliText('validateNone', lang), '');
  for (const severity of ['error', 'warning', 'info'] as const) {
    const flags = result.flags.filter((f) => f.severity === severity);
    if (!flags.length) continue;
    out.push(cliText(SEVERITY_TEXT[severity], lang, { count: flags.length }), ...flags.flatMap((f) => flagLines(f, lang)), '');
  }
  if (result.assessment.length) {
    out.push(cliText('validateAssessmentTitle', lang));
    const headers = (['validateAssessmentIndicator', 'validateAssessmentValue', 'validateAssessmentTarget', 'validateAssessmentStatus', 'validateAssessmentReason'] as const).map((k) => cliText(k, lang));
    const rows = result.assessment.map((a) => [rowLabel(loadCatalogue(), a.indicator, lang), percent(a.value, lang), a.target, cliText(STATUS_TEXT[a.status], lang), a.reason[lang]]);
    out.push(formatTable(headers, rows));
  }
  out.push(cliText('validateSummary', lang, result.counts));
  return out.join('\n') + '\n';
}

function parseQuarter(value: string): number {
  if (/^\s*[1-4]\s*$/.test(value)) return Number(value.trim());
  throw new UserFacingError('bad-quarter', { vi: cliText('validateBadQuarter', 'vi', { value }), en: cliText('validateBadQuarter', 'en', { value }) });
}

export const validateCommand: CliCommand = {
  name: 'validate',
  register(program, { io, cwd, lang: helpLang }) {
    const command = program
      .command('validate')
      .description(cliText('validateDescription', helpLang))
      .argument('<file.xlsx>', cliText('validateFileArgument', helpLang))
      .option('--quarter <n>', cliText('validateQuarterOption', helpLang))
      .option('--format <format>', cliText('validateFormatOption', helpLang));
    addCommonOptions(command, helpLang);
    // addCommonOptions' usage line would hide the file argument.
    command.usage(`${cliText('usageCommand', helpLang)} <file.xlsx>`);
    return command.action(async (file: string, options: { quarter?: string; format?: string }) => {
      const lang = commandLang(command);
      const format = parseChoice('--format', options.format ?? 'text', FORMATS);
      const quarter = options.quarter === undefined ? undefined : parseQuarter(options.quarter);
      const { read } = await readReturnFileOrExit(io, lang, path.resolve(cwd, file), file);
      if (!read.ok) unreadableFile(io, lang, cliText('validateNotReturn', lang, { file, reason: problemsMessage(read.problems)[lang] }));
      const result = validateReturn(read.data, { catalogue: loadCatalogue(), units: loadUnits(), ...(quarter !== undefined ? { quarter } : {}) });
      if (format === 'json') printJson(io, validateJson(result, lang));
      else io.out(validateText(file, read.data, result, lang));
      if (result.counts.error > 0) throw new CliExit(EXIT.userError);
    });
  },
};
