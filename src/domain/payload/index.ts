/** The submitted return: its versioned schema and how a checked ReturnData becomes one. */
export * from './schema';
export { PayloadError, buildPayload, cellText, comparisonColumn, payloadFigure, payloadFigures, type PayloadMeta } from './buildPayload';
export { payloadToReturnData } from './toReturnData';
export { acceptance, checkPayload, unitMayReport, type MayReport, type PayloadCheckContext } from './checkPayload';
export { diffPayloads } from './diff';
export { exportCsv, exportFileNames, exportJson } from './exportFiles';
