/**
 * The reviewer's open queries, marked on the reporter's sheet as cell comments (ExcelApi 1.10):
 * each queried cell gets a comment "[chitieu] Câu hỏi của người duyệt: …". Comments the add-in
 * wrote before (recognised by that prefix) are removed first, so reopening the pane does not pile
 * them up and an answered query's comment goes away. Two syncs: read, then write. Best effort: a
 * host without comments, or a cell that already has a person's comment, leaves the queries shown
 * in the pane only.
 */
import type { ExcelHost } from '../runner';

export const QUERY_COMMENT_PREFIX = '[chitieu] ';

export interface QueryMark {
  /** The contract name of the queried cell ("CT_2_8_Q2"). */
  cellName: string;
  /** What the comment says (without the prefix). */
  text: string;
}

export interface MarkOutcome {
  /** The cells marked. */
  marked: string[];
  /** false when the host has no comments API (nothing was written). */
  supported: boolean;
}

export async function markQueriedCells(host: ExcelHost, marks: readonly QueryMark[]): Promise<MarkOutcome> {
  if (!host.isSetSupported('ExcelApi', '1.10')) return { marked: [], supported: false };
  return host.run(async (context) => {
    const comments = context.workbook.comments;
    comments.load('items/content');
    const ranges = marks.map((m) => {
      const range = context.workbook.names.getItemOrNullObject(m.cellName).getRangeOrNullObject();
      range.load('address,cellCount');
      return { mark: m, range };
    });
    await context.sync();

    for (const comment of comments.items) if (comment.content.startsWith(QUERY_COMMENT_PREFIX)) comment.delete();
    const marked: string[] = [];
    const seen = new Set<string>();
    for (const { mark, range } of ranges) {
      if (range.isNullObject || range.cellCount !== 1 || seen.has(range.address)) continue;
      seen.add(range.address);
      comments.add(range.address, `${QUERY_COMMENT_PREFIX}${mark.text}`);
      marked.push(mark.cellName);
    }
    await context.sync();
    return { marked, supported: true };
  });
}
