/**
 * Cell comments (ExcelApi 1.10). On a host claiming less, every use fails at sync with
 * ApiNotFound, as in Office 2019, so product code must ask isSetSupported first.
 */
import { cellName, parseReference, quoteSheetName, rectCellCount } from './address';
import { defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import { supportsApi, type Execution } from './core';
import { fail, FakeRichApiError } from './errors';
import { checkBoolean, checkString } from './formatValues';
import { findSheet, nextId, type CommentState, type SheetState, type WorkbookState } from './model';
import { FakeRange } from './range';
import { addComment } from './workbookOps';

export interface CommentScope {
  wb: WorkbookState;
  /** null: every comment of the workbook. */
  sheet: SheetState | null;
}

const COMMENTS_API = '1.10';
const alive = (c: CommentState) => !c.deleted;

/** Checked when the sync reaches any use of a comment object; the failing operation names the location. */
function requireCommentsApi(exec: Execution): void {
  if (!supportsApi(exec.core, COMMENTS_API)) {
    throw new FakeRichApiError('ApiNotFound', { detail: `comments need ExcelApi ${COMMENTS_API}; this host supports up to ${exec.core.apiVersion}` });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeComment, CommentScope> {
  constructor(context: FakeRequestContext, locate: Locate<CommentScope>) {
    super(context, 'CommentCollection', (exec) => {
      requireCommentsApi(exec);
      return locate(exec);
    });
  }

  /** The cell: a Range of one cell, or a full address with its sheet ("'Phụ lục 01'!B5"). */
  private cellOf(cellAddress: FakeRange | string, scope: CommentScope, exec: Execution): { sheet: SheetState; row: number; col: number } {
    let sheet: SheetState | null | undefined;
    let rect;
    if (typeof cellAddress === 'string') {
      const ref = parseReference(cellAddress);
      if (!ref || ref.rects.length !== 1) fail('InvalidArgument', `"${cellAddress}" is not one cell's address`);
      if (ref.sheet === null && !scope.sheet) fail('InvalidArgument', `"${cellAddress}" needs its sheet name`);
      sheet = ref.sheet === null ? scope.sheet : findSheet(exec.wb, ref.sheet);
      if (!sheet) fail('ItemNotFound', `no sheet "${ref.sheet}"`);
      rect = ref.rects[0]!;
    } else {
      const a = this.sameContext(cellAddress).mustFind(exec);
      sheet = a.sheet;
      rect = a.rects[0]!;
    }
    if (rectCellCount(rect) !== 1) fail('InvalidArgument', 'a comment goes on exactly one cell');
    return { sheet, row: rect.top, col: rect.left };
  }

  add(cellAddress: FakeRange | string, content: string, contentType?: string): FakeComment {
    let made: CommentState | undefined;
    const comment = new FakeComment(this.context, (exec) => {
      requireCommentsApi(exec);
      if (!made || made.deleted) throw new FakeRichApiError('ItemNotFound', { detail: 'the comment was not added' });
      return made;
    });
    this.action('add', (scope, exec) => {
      if (contentType !== undefined && contentType !== 'Plain' && contentType !== 'Mention') fail('InvalidArgument', `unknown content type ${contentType}`);
      const at = this.cellOf(cellAddress, scope, exec);
      const id = nextId(exec.wb, 'comment');
      addComment(exec.wb, at.sheet, at.row, at.col, content, id);
      made = exec.wb.comments.find((c) => c.id === id);
    });
    return comment;
  }

  getItem(commentId: string): FakeComment {
    return new FakeComment(this.context, (exec) => {
      const scope = this.mustFind(exec);
      const found = this.inScope(scope).find((c) => c.id === commentId);
      if (!found) throw new FakeRichApiError('ItemNotFound', { detail: `no comment "${commentId}"` });
      return found;
    });
  }

  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return new FakeComment(this.context, (exec) => {
      const scope = this.mustFind(exec);
      const at = this.cellOf(cellAddress, scope, exec);
      const found = this.inScope(scope).find((c) => c.sheet === at.sheet && c.row === at.row && c.col === at.col);
      if (!found) throw new FakeRichApiError('ItemNotFound', { detail: 'no comment on that cell' });
      return found;
    });
  }

  private inScope(scope: CommentScope): CommentState[] {
    return scope.wb.comments.filter((c) => !c.deleted && (scope.sheet === null || c.sheet === scope.sheet));
  }

  protected itemsOf(scope: CommentScope): FakeComment[] {
    return this.inScope(scope).map((c) => new FakeComment(this.context, fixed(c, alive, 'the comment')));
  }
}

export class FakeComment extends FakeClientObject<CommentState> {
  declare readonly id: string;
  declare content: string;
  declare readonly authorName: string;
  declare readonly authorEmail: string;
  declare readonly creationDate: Date;
  declare resolved: boolean;

  constructor(context: FakeRequestContext, locate: Locate<CommentState>) {
    super(context, 'Comment', locate);
  }

  delete(): void {
    this.action('delete', (c, exec) => {
      c.deleted = true;
      exec.wb.comments = exec.wb.comments.filter((x) => x !== c);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.context, (exec) => {
      const c = this.locate(exec);
      return c && { sheet: c.sheet, rects: [{ top: c.row, bottom: c.row, left: c.col, right: c.col }] };
    });
  }
}

defineScalars<CommentState>(FakeComment, {
  id: { read: (c) => c.id },
  content: { read: (c) => c.content, write: (c, v) => (c.content = checkString(v, 'Comment.content')) },
  authorName: { read: (c) => c.authorName },
  authorEmail: { read: (c) => c.authorEmail },
  creationDate: { read: (c) => c.creationDate },
  resolved: { read: (c) => c.resolved, write: (c, v) => (c.resolved = checkBoolean(v, 'Comment.resolved')) },
});

export function commentAddress(c: CommentState): string {
  return `${quoteSheetName(c.sheet.name)}!${cellName(c.row, c.col)}`;
}
