/** The department's summary of a quarter (issue 5): data in types.ts, built by summarise. */
export * from './types';
export { summarise } from './summarise';
export { TIMELINESS } from './completeness';
export { describeSource } from './pickReturns';
export { inCanonicalOrder } from './order';
export { MAX_REASON_LENGTH, capText, countSkipped, skippedInput } from './skipped';
