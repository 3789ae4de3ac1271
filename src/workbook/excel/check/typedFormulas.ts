/**
 * A cell showing #NAME? because a person typed "- chưa điều tra" (Excel reads a leading "-" or
 * "+" as a formula) is not a formula anyone wrote: "sửa công thức" would puzzle them. The flag
 * says what happened and how to type it instead; its rule and key stay, so a justification or
 * the marks are unaffected.
 */
import type { CheckResult, Flag } from '../../../domain/flags';
import { NO_DATA_EXAMPLE, NO_DATA_SPELLING } from '../../../domain/parse/noDataSpelling';

function explain(flag: Flag, typed: string): Flag {
  const sign = typed[0]!;
  // The rule's message is "<row>, <quarter>: …": its head names the cell in the sheet's words.
  const head = (text: string) => (text.includes(': ') ? `${text.slice(0, text.indexOf(': '))}: ` : '');
  return {
    ...flag,
    message: {
      vi:
        `${head(flag.message.vi)}ô hiện #NAME? vì nội dung gõ vào (“${typed}”) bắt đầu bằng dấu “${sign}”, ` +
        'nên Excel hiểu là công thức, không phải chữ.',
      en:
        `${head(flag.message.en)}the cell shows #NAME? because what was typed ("${typed}") starts with "${sign}", ` +
        'which Excel reads as a formula, not as text.',
    },
    suggestion: {
      vi:
        `Gõ lại, không có dấu “${sign}” ở đầu. Chưa có số liệu: ghi “${NO_DATA_SPELLING.vi}”, ví dụ “${NO_DATA_EXAMPLE.vi}”. ` +
        `Muốn giữ dấu “${sign}”, gõ thêm dấu nháy đơn phía trước: '${typed}`,
      en:
        `Type it again without the leading "${sign}". No figure: write "${NO_DATA_SPELLING.en}", e.g. "${NO_DATA_EXAMPLE.en}". ` +
        `To keep the "${sign}", type an apostrophe before it: '${typed}`,
    },
  };
}

export function explainTypedFormulas(result: CheckResult, typed: ReadonlyMap<string, string>): CheckResult {
  if (typed.size === 0) return result;
  const flags = result.flags.map((f) => {
    const text = f.rule === 'figure.excelError' && f.cellName ? typed.get(f.cellName) : undefined;
    return text === undefined ? f : explain(f, text);
  });
  return { ...result, flags };
}
