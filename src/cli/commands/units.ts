import { fillsForYear, loadUnits, unitsForYear } from '../../catalogue/load';
import type { ReportingUnit } from '../../catalogue/schema';
import type { Lang } from '../../workbook/port';
import { parseChoice, parseYear } from '../args';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import { cliText, type CliTextKey } from '../messages';
import { formatTable, printJson, printLine } from '../output';

const FORMATS = ['text', 'json'] as const;

const KIND_TEXT: Record<ReportingUnit['kind'], CliTextKey> = {
  ministry: 'kindMinistry',
  agency: 'kindAgency',
  province: 'kindProvince',
};

/** One unit as `units --format json` prints it: stable keys, the name in the chosen language. */
export interface UnitListing {
  id: string;
  name: string;
  kind: ReportingUnit['kind'];
  fills: string[];
  validFrom: string;
  validTo?: string;
  successor?: string;
}

/** Without a year: the rows the unit fills now (its latest responsibilities). */
function currentFills(unit: ReportingUnit): string[] {
  const latest = [...(unit.fillsFrom ?? [])].sort((a, b) => a.from.localeCompare(b.from)).pop();
  return [...(latest ? latest.fills : unit.fills)];
}

export function unitListing(unit: ReportingUnit, lang: Lang, year?: number): UnitListing {
  return {
    id: unit.id,
    name: unit.name[lang],
    kind: unit.kind,
    fills: year === undefined ? currentFills(unit) : fillsForYear(unit, year),
    validFrom: unit.validFrom,
    ...(unit.validTo ? { validTo: unit.validTo } : {}),
    ...(unit.successor ? { successor: unit.successor } : {}),
  };
}

export const unitsCommand: CliCommand = {
  name: 'units',
  register(program, { io, lang: helpLang }) {
    const command = program
      .command('units')
      .description(cliText('unitsDescription', helpLang))
      .option('--year <yyyy>', cliText('unitsYearOption', helpLang))
      .option('--format <format>', cliText('unitsFormatOption', helpLang));
    addCommonOptions(command, helpLang);
    return command.action((options: { year?: string; format?: string }) => {
      const lang = commandLang(command);
      const year = options.year === undefined ? undefined : parseYear(options.year);
      const format = parseChoice('--format', options.format ?? 'text', FORMATS);
      const all = loadUnits();
      const units = year === undefined ? all.units : unitsForYear(all, year);
      if (format === 'json') {
        printJson(io, units.map((u) => unitListing(u, lang, year)));
        return;
      }
      const headers = (['unitsHeaderId', 'unitsHeaderName', 'unitsHeaderKind', 'unitsHeaderFills'] as const).map((k) => cliText(k, lang));
      const rows = units.map((u) => { const l = unitListing(u, lang, year); return [l.id, l.name, cliText(KIND_TEXT[u.kind], lang), l.fills.join(', ')]; });
      io.out(formatTable(headers, rows));
      printLine(io, year === undefined ? cliText('unitsCount', lang, { count: units.length }) : cliText('unitsCountYear', lang, { count: units.length, year }));
    });
  },
};
