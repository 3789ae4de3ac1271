/**
 * How long and how much one connection may hold the server. Without these a client could keep a
 * connection open indefinitely (a partial body held one more than 80 s) and many of them at once.
 *
 * - connectionTimeoutMs: a socket with no traffic at all is closed;
 * - headersTimeoutMs: the request's headers must arrive within this (slow headers: 408);
 * - requestTimeoutMs: the whole request, body included (2 MiB at 50 KB/s is 40 s): 408;
 * - keepAliveTimeoutMs: an idle kept-alive connection is closed after this (Fastify's default 72 s);
 * - maxHeaderBytes: headers and URL together (431 above it); maxHeaders: headers read per request.
 * Node checks the request and headers timeouts every checkIntervalMs.
 */
import type { Server } from 'node:http';

export interface ConnectionLimits {
  connectionTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxHeaderBytes: number;
  maxHeaders: number;
  checkIntervalMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  connectionTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
  maxHeaders: 100,
  checkIntervalMs: 1_000,
};

/** Fastify's and Node's options for these limits. */
export function connectionOptions(limits: ConnectionLimits) {
  return {
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  };
}

/** What Node takes only on the server itself. */
export function limitServer(server: Server, limits: ConnectionLimits): void {
  server.maxHeadersCount = limits.maxHeaders;
}
