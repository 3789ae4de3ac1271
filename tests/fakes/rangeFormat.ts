/**
 * Range.format and its parts (fill, font, borders, protection). Reads give the common value of
 * the cells, or null where they differ, as Excel does; writes are checked, then applied at sync.
 */
import {
  applyBorder,
  applyFormat,
  autofitColumns,
  autofitRows,
  BORDER_INDEXES,
  commonFormat,
  commonSize,
  readBorder,
  setColumnWidth,
  setRowHeight,
  type Areas,
  type BorderIndex,
} from './cellOps';
import { defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import type { Execution } from './core';
import {
  BORDER_STYLES,
  BORDER_WEIGHTS,
  checkBoolean,
  checkEnum,
  checkNumber,
  checkString,
  HORIZONTAL_ALIGNMENTS,
  normalizeColor,
  UNDERLINES,
  VERTICAL_ALIGNMENTS,
} from './formatValues';
import type { FormatPatch, FormatState } from './model';

const common = <V>(a: Areas, pick: (f: FormatState) => V) => commonFormat(a.sheet, a.rects, pick);
const patch = (a: Areas, p: FormatPatch) => applyFormat(a.sheet, a.rects, p);

export class FakeRangeFormat extends FakeClientObject<Areas> {
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare indentLevel: number;
  declare textOrientation: number;
  declare shrinkToFit: boolean;
  declare columnWidth: number;
  declare rowHeight: number;
  declare readonly useStandardWidth: boolean;
  declare readonly useStandardHeight: boolean;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'RangeFormat', locate);
  }

  get fill(): FakeRangeFill {
    return this.child('fill', () => new FakeRangeFill(this.context, this.locate));
  }

  get font(): FakeRangeFont {
    return this.child('font', () => new FakeRangeFont(this.context, this.locate));
  }

  get borders(): FakeRangeBorderCollection {
    return this.child('borders', () => new FakeRangeBorderCollection(this.context, this.locate));
  }

  get protection(): FakeFormatProtection {
    return this.child('protection', () => new FakeFormatProtection(this.context, this.locate));
  }

  autofitColumns(): void {
    this.action('autofitColumns', (a, exec) => autofitColumns(exec.wb, a.sheet, a.rects));
  }

  autofitRows(): void {
    this.action('autofitRows', (a, exec) => autofitRows(exec.wb, a.sheet, a.rects));
  }
}

defineScalars<Areas>(FakeRangeFormat, {
  horizontalAlignment: {
    read: (a) => common(a, (f) => f.horizontalAlignment),
    write: (a, v) => patch(a, { horizontalAlignment: checkEnum(v, HORIZONTAL_ALIGNMENTS, 'RangeFormat.horizontalAlignment') }),
  },
  verticalAlignment: {
    read: (a) => common(a, (f) => f.verticalAlignment),
    write: (a, v) => patch(a, { verticalAlignment: checkEnum(v, VERTICAL_ALIGNMENTS, 'RangeFormat.verticalAlignment') }),
  },
  wrapText: { read: (a) => common(a, (f) => f.wrapText), write: (a, v) => patch(a, { wrapText: checkBoolean(v, 'RangeFormat.wrapText') }) },
  indentLevel: { read: (a) => common(a, (f) => f.indentLevel), write: (a, v) => patch(a, { indentLevel: checkNumber(v, 'RangeFormat.indentLevel', 0, 250, true) }) },
  textOrientation: {
    read: (a) => common(a, (f) => f.textOrientation),
    write: (a, v) => patch(a, { textOrientation: v === 180 ? 180 : checkNumber(v, 'RangeFormat.textOrientation', -90, 90, true) }),
  },
  shrinkToFit: { read: (a) => common(a, (f) => f.shrinkToFit), write: (a, v) => patch(a, { shrinkToFit: checkBoolean(v, 'RangeFormat.shrinkToFit') }) },
  columnWidth: {
    read: (a) => commonSize(a.rects, 'columns', a.sheet.columnWidths, a.sheet.standardWidth) ?? null,
    write: (a, v) => setColumnWidth(a.sheet, a.rects, v),
  },
  rowHeight: {
    read: (a) => commonSize(a.rects, 'rows', a.sheet.rowHeights, a.sheet.standardHeight) ?? null,
    write: (a, v) => setRowHeight(a.sheet, a.rects, v),
  },
  useStandardWidth: { read: (a) => a.rects.every((r) => ![...a.sheet.columnWidths.keys()].some((c) => c >= r.left && c <= r.right)) },
  useStandardHeight: { read: (a) => a.rects.every((r) => ![...a.sheet.rowHeights.keys()].some((x) => x >= r.top && x <= r.bottom)) },
});

export class FakeRangeFill extends FakeClientObject<Areas> {
  declare color: string;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'RangeFill', locate);
  }

  clear(): void {
    this.action('clear', (a) => patch(a, { fill: null }));
  }
}

defineScalars<Areas>(FakeRangeFill, {
  // Excel reports no fill as white.
  color: { read: (a) => common(a, (f) => f.fill ?? '#FFFFFF'), write: (a, v) => patch(a, { fill: normalizeColor(v, 'RangeFill.color') }) },
});

export class FakeRangeFont extends FakeClientObject<Areas> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: string;
  declare strikethrough: boolean;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'RangeFont', locate);
  }
}

defineScalars<Areas>(FakeRangeFont, {
  bold: { read: (a) => common(a, (f) => f.font.bold), write: (a, v) => patch(a, { font: { bold: checkBoolean(v, 'RangeFont.bold') } }) },
  italic: { read: (a) => common(a, (f) => f.font.italic), write: (a, v) => patch(a, { font: { italic: checkBoolean(v, 'RangeFont.italic') } }) },
  color: { read: (a) => common(a, (f) => f.font.color), write: (a, v) => patch(a, { font: { color: normalizeColor(v, 'RangeFont.color') } }) },
  size: { read: (a) => common(a, (f) => f.font.size), write: (a, v) => patch(a, { font: { size: checkNumber(v, 'RangeFont.size', 1, 409) } }) },
  name: { read: (a) => common(a, (f) => f.font.name), write: (a, v) => patch(a, { font: { name: checkString(v, 'RangeFont.name', 31) } }) },
  underline: { read: (a) => common(a, (f) => f.font.underline), write: (a, v) => patch(a, { font: { underline: checkEnum(v, UNDERLINES, 'RangeFont.underline') } }) },
  strikethrough: { read: (a) => common(a, (f) => f.font.strikethrough), write: (a, v) => patch(a, { font: { strikethrough: checkBoolean(v, 'RangeFont.strikethrough') } }) },
});

export class FakeFormatProtection extends FakeClientObject<Areas> {
  declare locked: boolean;
  declare formulaHidden: boolean;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'FormatProtection', locate);
  }
}

defineScalars<Areas>(FakeFormatProtection, {
  locked: { read: (a) => common(a, (f) => f.locked), write: (a, v) => patch(a, { locked: checkBoolean(v, 'FormatProtection.locked') }) },
  formulaHidden: { read: (a) => common(a, (f) => f.formulaHidden), write: (a, v) => patch(a, { formulaHidden: checkBoolean(v, 'FormatProtection.formulaHidden') }) },
});

interface BorderTarget {
  areas: Areas;
  index: BorderIndex;
}

export class FakeRangeBorderCollection extends FakeCollection<FakeRangeBorder, Areas> {
  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'RangeBorderCollection', locate);
  }

  getItem(index: BorderIndex): FakeRangeBorder {
    return new FakeRangeBorder(this.context, (exec) => {
      const areas = this.locate(exec);
      return areas && { areas, index: checkEnum(index, BORDER_INDEXES, 'RangeBorderCollection.getItem') };
    });
  }

  getItemAt(i: number): FakeRangeBorder {
    return this.getItem(BORDER_INDEXES[i] as BorderIndex);
  }

  protected itemsOf(areas: Areas): FakeRangeBorder[] {
    return BORDER_INDEXES.map((index) => new FakeRangeBorder(this.context, fixed({ areas, index }, () => !areas.sheet.deleted, 'the range')));
  }
}

export class FakeRangeBorder extends FakeClientObject<BorderTarget> {
  declare readonly sideIndex: string;
  declare style: string;
  declare weight: string;
  declare color: string;

  constructor(context: FakeRequestContext, locate: (exec: Execution) => BorderTarget | null) {
    super(context, 'RangeBorder', locate);
  }
}

defineScalars<BorderTarget>(FakeRangeBorder, {
  sideIndex: { read: (b) => b.index },
  style: {
    read: (b) => readBorder(b.areas.sheet, b.areas.rects, b.index).style,
    write: (b, v) => applyBorder(b.areas.sheet, b.areas.rects, b.index, { style: checkEnum(v, BORDER_STYLES, 'RangeBorder.style') }),
  },
  weight: {
    read: (b) => readBorder(b.areas.sheet, b.areas.rects, b.index).weight,
    write: (b, v) => applyBorder(b.areas.sheet, b.areas.rects, b.index, { weight: checkEnum(v, BORDER_WEIGHTS, 'RangeBorder.weight') }),
  },
  color: {
    read: (b) => readBorder(b.areas.sheet, b.areas.rects, b.index).color,
    write: (b, v) => applyBorder(b.areas.sheet, b.areas.rects, b.index, { color: normalizeColor(v, 'RangeBorder.color') }),
  },
});
