import type { CSSProperties } from 'react';
import type { CellLook } from './sheetView';

const GRID_LINE = '1px solid #e1e1e1';
const BORDER_LINE = '1px solid #1f1f1f';

const H_ALIGN = { left: 'left', center: 'center', right: 'right' } as const;
const JUSTIFY = { top: 'flex-start', center: 'center', bottom: 'flex-end' } as const;

/** The table cell: fill and borders (gridlines where the sheet sets none), as Excel on the web draws them. */
export function tdCss(look: CellLook | undefined): CSSProperties {
  if (!look) return {};
  return {
    backgroundColor: look.fill ?? undefined,
    borderTop: look.borders.top ? BORDER_LINE : undefined,
    borderLeft: look.borders.left ? BORDER_LINE : undefined,
    borderRight: look.borders.right ? BORDER_LINE : GRID_LINE,
    borderBottom: look.borders.bottom ? BORDER_LINE : GRID_LINE,
  };
}

/**
 * The box inside the cell: clips to the row height as Excel does, unless `spill` lets unwrapped
 * text run on over empty neighbours (titles, labels), as Excel does too.
 */
export function boxCss(look: CellLook | undefined, height: number, spill: boolean): CSSProperties {
  if (!look) return { height };
  const align = look.hAlign === 'general' ? (look.isNumber ? 'right' : 'left') : H_ALIGN[look.hAlign];
  return {
    height,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: JUSTIFY[look.vAlign],
    overflow: spill ? 'visible' : 'hidden',
    fontWeight: look.bold ? 700 : 400,
    fontStyle: look.italic ? 'italic' : 'normal',
    fontSize: `${look.fontSize}pt`,
    lineHeight: 1.2,
    color: look.fontColor,
    textAlign: align,
    whiteSpace: look.wrap ? 'pre-wrap' : 'pre',
    overflowWrap: look.wrap ? 'anywhere' : undefined,
    paddingLeft: 3 + look.indent * 9,
    paddingRight: 3,
  };
}
