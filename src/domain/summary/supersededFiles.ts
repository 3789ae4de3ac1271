/**
 * Returned workbooks folded as they are read, for `chitieu merge` over many files: of the files
 * of one unit, year and quarter only the latest keeps its content; each earlier one keeps only
 * what summarise still reads from it (unit, year, quarter, where it came from, its receipt time:
 * the completeness grid's "first received" and the "earlier version" line). So the memory held
 * grows with the units, not with the files given.
 *
 * summarise over the folded inputs gives the very summary it gives over all of them: for files,
 * pickReturns' "later" (isLater: the later receipt time where both have one, else the later in the
 * canonical order) is the canonical order itself, so the file kept is the one pickReturns picks.
 * Only files are folded: an endpoint version and a file are compared otherwise (isLater).
 */
import type { SubmissionPayload } from '../payload/schema';
import { compareInputs } from './order';
import type { ReturnInput } from './types';

export type FileReturnInput = ReturnInput & { source: { kind: 'file' } };

const EMPTY_SECTIONS: SubmissionPayload['sections'] = { trend: '', international: '', difficulties: '', proposals: '' };

/**
 * An earlier file as summarise still needs it: no figures, texts, flags or justifications. Copied
 * through JSON so its strings are new: a string cut out of a file's text by the reader can keep
 * that whole text alive (V8 slices share their parent), some ten kilobytes per file.
 */
function withoutContent(input: FileReturnInput): FileReturnInput {
  const p = input.payload;
  const stub: FileReturnInput = {
    source: input.source,
    payload: { ...p, figures: [], rowSources: {}, targetComparisons: {}, sections: EMPTY_SECTIONS, justifications: {}, clientFlags: [] },
  };
  return JSON.parse(JSON.stringify(stub)) as FileReturnInput;
}

export class SupersededFiles {
  private readonly latest = new Map<string, FileReturnInput>();
  private readonly earlier: FileReturnInput[] = [];

  add(input: FileReturnInput): void {
    const p = input.payload;
    const key = `${p.unitId}\u0000${p.year}\u0000${p.quarter}`;
    const held = this.latest.get(key);
    if (!held) {
      this.latest.set(key, input);
    } else if (compareInputs(input, held) > 0) {
      this.earlier.push(withoutContent(held));
      this.latest.set(key, input);
    } else {
      this.earlier.push(withoutContent(input));
    }
  }

  /** Every input given, the earlier files without their content. */
  inputs(): FileReturnInput[] {
    return [...this.earlier, ...this.latest.values()];
  }
}
