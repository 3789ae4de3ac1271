/** The aggregator's connection (Tổng hợp tab): its own token, beside the reporter's and the reviewer's. */
export const AGGREGATE_CONNECTION_KEY = 'chitieu.aggregateConnection';
