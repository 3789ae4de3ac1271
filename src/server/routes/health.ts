/**
 * GET /healthz: a round trip to the database that reads no table (SELECT 1), so a lock held on
 * one cannot make it wait; no token needed, no rate limit.
 */
import type { FastifyInstance } from 'fastify';
import { apiError } from '../messages';
import type { ReturnStore } from '../store/port';

export function healthRoute(app: FastifyInstance, { store }: { store: ReturnStore }): void {
  app.get('/healthz', async (request, reply) => {
    try {
      await store.ping();
    } catch (error) {
      request.log.error({ err: { type: (error as Error)?.name, message: (error as Error)?.message } }, 'healthz: the store does not answer');
      return reply.code(503).header('retry-after', '10').send(apiError('store-unavailable'));
    }
    return { status: 'ok', store: store.kind };
  });
}
