import { fillsForYear, loadUnits } from '../../catalogue/load';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../workbook/port';
import { parseYear } from '../args';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import { cliText } from '../messages';
import { printLine } from '../output';
import { requireUnitId } from '../unitSuggestion';
import { writeFileAtomically } from '../writeFileAtomically';

/** Where the return goes: an .xlsx in an existing folder, never over a file unless asked. */
function checkOutPath(out: string, force: boolean): void {
  if (!/\.xlsx$/i.test(out)) {
    throw new UserFacingError('bad-out', {
      vi: `Tệp ghi ra phải có đuôi .xlsx: ${out}`,
      en: `The output file must end in .xlsx: ${out}`,
    });
  }
  const dir = path.dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserFacingError('no-out-dir', {
      vi: `Không có thư mục ${dir}: tạo thư mục trước, hoặc chọn nơi ghi khác.`,
      en: `There is no folder ${dir}: create it first, or write somewhere else.`,
    });
  }
  // A filled-in return may carry this name; replacing it with a blank one loses a quarter's work.
  if (existsSync(out) && !force) {
    throw new UserFacingError('out-exists', {
      vi: `Tệp ${out} đã có. Chọn tên khác, hoặc thêm --force để ghi đè.`,
      en: `${out} already exists. Choose another name, or add --force to overwrite it.`,
    });
  }
}

export const templateCommand: CliCommand = {
  name: 'template',
  register(program, { io, cwd, lang: helpLang }) {
    const command = program
      .command('template')
      .description(cliText('templateDescription', helpLang))
      .requiredOption('--unit <id>', cliText('templateUnitOption', helpLang))
      .requiredOption('--year <yyyy>', cliText('templateYearOption', helpLang))
      .requiredOption('--out <file.xlsx>', cliText('templateOutOption', helpLang))
      .option('--force', cliText('templateForceOption', helpLang));
    addCommonOptions(command, helpLang);
    return command.action(async (options: { unit: string; year: string; out: string; force?: boolean }) => {
      const lang = commandLang(command);
      const year = parseYear(options.year);
      // A name ("Bộ Y tế") or a near miss ("bo-yte") gets the id meant, before anything is written.
      requireUnitId(loadUnits(), options.unit);
      const out = path.resolve(cwd, options.out);
      checkOutPath(out, Boolean(options.force));
      // ExcelJS takes a quarter of a second to load: only the commands that write files pay for it.
      // require, not import(): bin/chitieu.js runs through tsx's CommonJS hook, which import() bypasses.
      const { findReportingUnit, writeReturnFile } = require('../../workbook/xlsx/returnFile') as typeof import('../../workbook/xlsx/returnFile');
      const bytes = await writeReturnFile({ unitId: options.unit, year, lang });
      await writeFileAtomically(out, bytes);
      const unit = findReportingUnit(options.unit);
      const fills = fillsForYear(unit, year);
      printLine(io, cliText('templateWrote', lang, { path: out }));
      printLine(
        io,
        cliText('templateSummary', lang, {
          unit: unit.name[lang],
          unitId: unit.id,
          year,
          count: fills.length,
          list: fills.length ? ` (${fills.join(', ')})` : '',
        }),
      );
    });
  },
};
