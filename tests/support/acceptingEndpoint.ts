/**
 * A stand-in for the endpoint in CLI tests that only need a receipt back: it accepts every
 * submission to POST /api/v1/returns with a version-1 receipt and keeps the last payload.
 * Listens on 127.0.0.1 only; close() stops it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubmissionPayload } from '../../src/domain/payload/schema';

/** A local endpoint that accepts every submission and keeps the last payload. */
export interface Endpoint {
  url: string;
  take(): SubmissionPayload | undefined;
  close(): Promise<void>;
}

export function startAcceptingEndpoint(receivedAt: string): Promise<Endpoint> {
  let last: SubmissionPayload | undefined;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/api/v1/returns') {
        const error = { error: 'not-found', message: { vi: '-', en: '-' } };
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(error));
        return;
      }
      const p = JSON.parse(body) as SubmissionPayload;
      last = p;
      const receipt = {
        receiptNumber: `CT-${p.year}-Q${p.quarter}-${p.unitId}-v1`,
        returnId: `${p.unitId}.${p.year}.q${p.quarter}`,
        submissionId: p.submissionId,
        unitId: p.unitId,
        year: p.year,
        quarter: p.quarter,
        version: 1,
        receivedAt,
        created: true,
      };
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(receipt));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        take: () => {
          const p = last;
          last = undefined;
          return p;
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

