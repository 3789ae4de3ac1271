/** Each row against its 2025 target: see assessRow.ts for the rule. */
export { assessRow } from './assessRow';
export { figureTime, type DatedFigure } from './trend';
export { appliedTarget, comparatorMeaning, meets, meetsTarget, numericTarget, targetLabel } from './targets';
