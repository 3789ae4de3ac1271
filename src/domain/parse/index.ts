/** Reading what people type into a figure cell: see parseFigure.ts for the decision table. */
export { parseFigureCell } from './parseFigure';
export { describeParse, formatNumber, formatPercent, formatPercentVi } from './describe';
export {
  PROVISIONAL_FORMAT_SUFFIX, PROVISIONAL_FORMAT_SUFFIXES, formatBound, isDateFormat, isPercentFormat, isProvisionalFormat,
  provisionalFormat, withoutProvisional,
} from './numberFormat';
export { fold, foldText } from './normalise';
export { readNumberToken } from './numberText';
export * from './types';
export type { RawCell } from '../returnData';
export { NO_DATA_EXAMPLE, NO_DATA_SPELLING, typedAsFormula } from './noDataSpelling';
