/**
 * A small HTTP client for the server tests. Fastify's inject() cannot be used under jest here
 * (light-my-request needs cookie@2, an ES module jest's CommonJS runtime cannot load), so apps are
 * listened on 127.0.0.1 port 0 and asked over real HTTP, which is closer to production anyway.
 */
import http from 'node:http';
import type { FastifyInstance } from 'fastify';

export interface HttpAnswer {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}

export function request(base: string, { method, url, headers = {}, payload }: HttpRequest): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(url, base), { method, headers: { ...headers, ...(payload !== undefined ? { 'content-length': String(Buffer.byteLength(payload)) } : {}) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Listens the app on a free 127.0.0.1 port; returns a request function bound to it. */
export async function listening(app: FastifyInstance): Promise<(r: HttpRequest) => Promise<HttpAnswer>> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  const base = `http://127.0.0.1:${address.port}`;
  return (r) => request(base, r);
}
