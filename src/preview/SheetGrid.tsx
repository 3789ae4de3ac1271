import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { boxCss, tdCss } from './cellStyle';
import { addressOf, anchorOf, columnLetters, px, spanSlots, type CellLook, type SheetView, type SpanSlot } from './sheetView';

export interface Cursor {
  row: number;
  col: number;
}

export interface SheetGridProps {
  sheet: SheetView;
  selected: Cursor | null;
  onSelect(cursor: Cursor): void;
  /** Returns an error text when the host refused the entry, else null. */
  onCommit(cursor: Cursor, text: string): string | null;
  /** A locked cell on a protected sheet: the person tried to change it. */
  onRefused(cursor: Cursor): void;
}

interface Editing {
  row: number;
  col: number;
  draft: string;
}

const HEADER_WIDTH = 40;
const HEADER_HEIGHT = 20;

function editable(sheet: SheetView, row: number, col: number): boolean {
  return !sheet.protected || sheet.cells[row - 1]?.[col - 1]?.locked === false;
}

/** Unwrapped, left-flowing text may run over the cell to its right when that one is empty. */
function spills(sheet: SheetView, slots: SpanSlot[][], row: number, col: number, look: CellLook | undefined): boolean {
  if (!look || !look.text || look.wrap || look.isNumber || (look.hAlign !== 'left' && look.hAlign !== 'general')) return false;
  const next = slots[row - 1]?.[col];
  return next?.kind === 'cell' && next.colSpan === 1 && !sheet.cells[row - 1]?.[col]?.text;
}

/**
 * The sheet as an HTML table: merges as row/col spans, sizes from the sheet, a cell editor for
 * unlocked cells (commit on Enter, Tab or leaving the cell; Escape cancels). Arrow keys move.
 */
export function SheetGrid({ sheet, selected, onSelect, onCommit, onRefused }: SheetGridProps) {
  const [editing, setEditingState] = useState<Editing | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const slots = useMemo(() => spanSlots(sheet.merges, sheet.rowCount, sheet.colCount), [sheet]);
  const gridRef = useRef<HTMLDivElement>(null);
  // Blur, click and key events arrive in one burst; the ref knows at once that an edit ended.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };

  const select = (row: number, col: number) => {
    const clamped = { row: Math.max(1, Math.min(sheet.rowCount, row)), col: Math.max(1, Math.min(sheet.colCount, col)) };
    onSelect(anchorOf(sheet.merges, clamped.row, clamped.col));
  };

  const startEdit = (row: number, col: number, draft?: string) => {
    if (!editable(sheet, row, col)) {
      onRefused({ row, col });
      return;
    }
    setEditError(null);
    setEditing({ row, col, draft: draft ?? sheet.cells[row - 1]?.[col - 1]?.text ?? '' });
  };

  const commit = (move: { dRow: number; dCol: number } | null) => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    setEditError(onCommit({ row: current.row, col: current.col }, current.draft));
    if (move) select(current.row + move.dRow, current.col + move.dCol);
    gridRef.current?.focus();
  };

  // Rows are memoised; they call through this ref so they never hold stale handlers.
  const handlers = useRef<RowHandlers>(null!);
  handlers.current = {
    onCellClick(row, col) {
      if (editingRef.current) commit(null);
      select(row, col);
      const at = anchorOf(sheet.merges, row, col);
      if (editable(sheet, at.row, at.col)) startEdit(at.row, at.col);
    },
    onCellDoubleClick(row, col) {
      const at = anchorOf(sheet.merges, row, col);
      startEdit(at.row, at.col);
    },
    onDraft(draft) {
      const current = editingRef.current;
      if (current) setEditing({ ...current, draft });
    },
    onEditorKey(event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit({ dRow: 1, dCol: 0 });
      } else if (event.key === 'Tab') {
        event.preventDefault();
        commit({ dRow: 0, dCol: event.shiftKey ? -1 : 1 });
      } else if (event.key === 'Escape') {
        event.preventDefault();
        setEditing(null);
        gridRef.current?.focus();
      }
    },
    onEditorBlur() {
      commit(null);
    },
  };
  const stable = useMemo<RowHandlers>(
    () => ({
      onCellClick: (r, c) => handlers.current.onCellClick(r, c),
      onCellDoubleClick: (r, c) => handlers.current.onCellDoubleClick(r, c),
      onDraft: (d) => handlers.current.onDraft(d),
      onEditorKey: (e) => handlers.current.onEditorKey(e),
      onEditorBlur: () => handlers.current.onEditorBlur(),
    }),
    [],
  );

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editingRef.current || !selected || event.target !== event.currentTarget) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(selected.row + move[0], selected.col + move[1]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(selected.row, selected.col);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (editable(sheet, selected.row, selected.col)) setEditError(onCommit(selected, ''));
      else onRefused(selected);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(selected.row, selected.col, event.key);
    }
  };

  // The product selects a cell (a flag clicked in the pane): bring it into view, as Excel does.
  useLayoutEffect(() => {
    if (!selected || editingRef.current) return;
    const td = gridRef.current?.querySelector<HTMLElement>(`td[data-address="${addressOf(selected.row, selected.col)}"]`);
    td?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected?.row, selected?.col, sheet]);

  const widths = sheet.columnWidths.slice(0, sheet.colCount).map(px);
  const width = HEADER_WIDTH + widths.reduce((a, w) => a + w, 0);

  return (
    <div className="grid-scroll" ref={gridRef} tabIndex={0} onKeyDown={onGridKey} aria-label={sheet.name} data-grid-sheet={sheet.name}>
      <table className="grid" style={{ width }}>
        <colgroup>
          <col style={{ width: HEADER_WIDTH }} />
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: HEADER_HEIGHT }}>
            <th className="corner" />
            {widths.map((_, i) => (
              <th key={i} className={selected?.col === i + 1 ? 'colhead current' : 'colhead'} scope="col">
                {columnLetters(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((rowSlots, i) => (
            <GridRow
              key={i}
              row={i + 1}
              sheet={sheet}
              slots={rowSlots}
              allSlots={slots}
              selectedCol={selected?.row === i + 1 ? selected.col : null}
              editing={editing?.row === i + 1 ? editing : null}
              handlers={stable}
            />
          ))}
        </tbody>
      </table>
      <InputPromptTip sheet={sheet} selected={editing ?? selected} container={gridRef} />
      {editError && (
        <div className="edit-error" role="alert" data-testid="edit-error">
          {editError}
        </div>
      )}
    </div>
  );
}

interface RowHandlers {
  onCellClick(row: number, col: number): void;
  onCellDoubleClick(row: number, col: number): void;
  onDraft(draft: string): void;
  onEditorKey(event: KeyboardEvent<HTMLInputElement>): void;
  onEditorBlur(): void;
}

interface GridRowProps {
  row: number;
  sheet: SheetView;
  slots: SpanSlot[];
  allSlots: SpanSlot[][];
  selectedCol: number | null;
  editing: Editing | null;
  handlers: RowHandlers;
}

/** One sheet row; memoised so moving the selection redraws two rows, not sixty. */
const GridRow = memo(
  function GridRow({ row, sheet, slots, allSlots, selectedCol, editing, handlers }: GridRowProps) {
    const height = px(sheet.rowHeights[row - 1] ?? 15);
    return (
      <tr style={{ height }}>
        <th className={selectedCol ? 'rowhead current' : 'rowhead'} scope="row">
          {row}
        </th>
        {slots.map((slot, i) => {
          if (slot.kind === 'covered') return null;
          const col = i + 1;
          const look = sheet.cells[row - 1]?.[col - 1];
          const spanHeight = slot.rowSpan === 1 ? height : sheet.rowHeights.slice(row - 1, row - 1 + slot.rowSpan).reduce((a, h) => a + px(h), 0);
          const isEditing = editing?.col === col;
          const classes = ['cell'];
          if (selectedCol === col) classes.push('selected');
          if (sheet.protected && look?.locked === false) classes.push('unlocked');
          const spill = spills(sheet, allSlots, row, col, look);
          return (
            <td
              key={col}
              rowSpan={slot.rowSpan > 1 ? slot.rowSpan : undefined}
              colSpan={slot.colSpan > 1 ? slot.colSpan : undefined}
              className={classes.join(' ')}
              style={{ ...tdCss(look), overflow: spill ? 'visible' : 'hidden' }}
              data-address={addressOf(row, col)}
              data-locked={look?.locked === false ? 'false' : 'true'}
              onClick={() => !isEditing && handlers.onCellClick(row, col)}
              onDoubleClick={() => !isEditing && handlers.onCellDoubleClick(row, col)}
            >
              {isEditing ? (
                <input
                  className="editor"
                  aria-label={`${addressOf(row, col)}`}
                  autoFocus
                  value={editing!.draft}
                  onChange={(event) => handlers.onDraft(event.target.value)}
                  onKeyDown={handlers.onEditorKey}
                  onBlur={handlers.onEditorBlur}
                  style={{ height: spanHeight - 1 }}
                />
              ) : (
                <div className="box" style={boxCss(look, spanHeight - 1, spill)}>
                  {look?.text}
                </div>
              )}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) => a.sheet === b.sheet && a.selectedCol === b.selectedCol && a.editing === b.editing && a.row === b.row && a.slots === b.slots,
);

/** Excel's input message: a pale yellow note beside the selected cell, when its validation has one. */
function InputPromptTip({ sheet, selected, container }: { sheet: SheetView; selected: Cursor | null; container: React.RefObject<HTMLDivElement> }) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const prompt = selected ? sheet.promptAt(selected.row, selected.col) : null;
  useLayoutEffect(() => {
    const box = container.current;
    if (!box || !selected || !prompt) return setPosition(null);
    const td = box.querySelector<HTMLElement>(`td[data-address="${addressOf(selected.row, selected.col)}"]`);
    if (!td) return setPosition(null);
    setPosition({ top: td.offsetTop + td.offsetHeight + 4, left: td.offsetLeft + Math.min(td.offsetWidth, 60) });
  }, [sheet, selected?.row, selected?.col, prompt, container]);
  if (!prompt || !position) return null;
  return (
    <div className="input-prompt" role="tooltip" data-testid="input-prompt" style={position}>
      {prompt.title && <strong>{prompt.title}</strong>}
      <div>{prompt.message}</div>
    </div>
  );
}
