/** The submitted return: its versioned schema and how a checked ReturnData becomes one. */
export * from './schema';
export { PayloadError, buildPayload, cellText, comparisonColumn, payloadFigure, payloadFigures, type PayloadMeta } from './buildPayload';
