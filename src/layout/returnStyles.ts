import type { CellStyle } from './plan';

/**
 * The return's look. Input fills are chosen to stay distinct for colour-blind readers and in
 * grey-scale print (yellow vs pale blue differ in lightness too).
 */
export const RETURN_STYLES = {
  appendixTitle: { bold: true, fontSize: 13, hAlign: 'center' },
  title: { bold: true, fontSize: 12, hAlign: 'center', vAlign: 'center', wrap: true },
  subtitle: { italic: true, fontSize: 11, hAlign: 'center', vAlign: 'center', wrap: true },
  text: { fontSize: 11, wrap: false },
  sectionTitle: { bold: true, fontSize: 11 },
  legend: { italic: true, fontSize: 10, fontColor: '#404040', wrap: true, vAlign: 'top' },
  fieldLabel: { fontSize: 11, vAlign: 'center' },
  fieldValue: { bold: true, fontSize: 11, vAlign: 'center', border: true },
  header: { bold: true, fontSize: 10, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#D9E1F2' },
  groupRow: { bold: true, fontSize: 11, border: true, fill: '#E2EFDA', vAlign: 'center' },
  stt: { fontSize: 11, hAlign: 'center', vAlign: 'center', border: true },
  indicatorName: { fontSize: 11, wrap: true, vAlign: 'center', border: true },
  subRowName: { fontSize: 11, italic: true, wrap: true, vAlign: 'center', border: true, indent: 1 },
  cellText: { fontSize: 10, wrap: true, vAlign: 'center', border: true },
  target: { fontSize: 11, bold: true, hAlign: 'center', vAlign: 'center', border: true, fill: '#F2F2F2' },
  targetText: { fontSize: 9, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#F2F2F2' },
  inputRequired: { fontSize: 11, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#FFF2CC' },
  inputOptional: { fontSize: 11, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#DDEBF7' },
  marker: { fontSize: 10, bold: true, fontColor: '#9C5700', hAlign: 'center', vAlign: 'center' },
  footnote: { fontSize: 9, italic: true, wrap: true, vAlign: 'top' },
  narrative: { fontSize: 11, wrap: true, vAlign: 'top', border: true, fill: '#FFF2CC' },
  principle: { fontSize: 10, wrap: true, vAlign: 'top' },
  meta: { fontSize: 8, fontColor: '#808080' },
  missing: { fill: '#F8CBAD' },
} as const satisfies Record<string, CellStyle>;
