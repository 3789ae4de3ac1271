/**
 * GET /api/v1/openapi.json: the API described as OpenAPI 3.1, its schemas generated from the same
 * zod schemas the server and its clients parse with, so the description cannot drift from them.
 * Built once, on the first request.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod/v4';
import {
  API_PREFIX,
  ApiError,
  PAGE_SIZES,
  Receipt,
  ReturnList,
  ReviewEntry,
  ReviewList,
  ReviewRequest,
  ReviewState,
  VERSION_PAGE_BYTES,
  VersionList,
} from '../../domain/payload/api';
import { SubmissionPayload } from '../../domain/payload/schema';

/** OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod 4 writes itself. */
function component(schema: z.ZodType): object {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => ({ description, ...json('ApiError') });
const cursor = (what: string) => ({ name: 'cursor', in: 'query', required: false, description: `The nextCursor of the page before (${what}).`, schema: { type: 'string' } });
const limit = (sizes: { default: number; max: number }) => ({
  name: 'limit',
  in: 'query',
  required: false,
  description: `Items per page (default ${sizes.default}).`,
  schema: { type: 'integer', minimum: 1, maximum: sizes.max, default: sizes.default },
});

export function openApiDocument(): object {
  // What any request may get, before or besides its route: Node's and Fastify's own refusals
  // (answered as ApiErrors too), the address's rate limit, a restart or a database in trouble.
  const anyRequest = {
    '400': error(
      'A malformed request: request line, a %-escape in the path, Content-Length, a CORS preflight without its headers; ' +
        'or a token in the URL (token-in-url: tokens go in the Authorization header only).',
    ),
    '408': error('The request took too long to arrive (request-timeout).'),
    '414': error('A path parameter is too long (url-too-long).'),
    '429': error('Too many requests from this address (rate-limited); Retry-After says when to try again.'),
    '431': error('Headers or URL too large (headers-too-large).'),
    '500': error('Server error; try again later.'),
    '503': error('The server is restarting (shutting-down) or its database is unavailable or busy (store-unavailable); Retry-After says when.'),
  };
  const common = {
    ...anyRequest,
    '401': error('No token, or the token is unknown or revoked.'),
    '429': error('Too many requests from this address or for this token (rate-limited), or too many failed authentications from this address (auth-failures); Retry-After says when.'),
  };
  const withBody = {
    '413': error('The body is too large (too-large).'),
    '415': error('The body is not application/json (unsupported-media-type).'),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'chitieu endpoint',
      version: '1',
      description:
        'The central endpoint for the quarterly Appendix 01 return (Decision 466/QĐ-BTTTT). Every error is an ApiError with a message in Vietnamese and English.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token issued with `chitieu token create`.' } },
      schemas: {
        SubmissionPayload: component(SubmissionPayload),
        Receipt: component(Receipt),
        ApiError: component(ApiError),
        ReturnList: component(ReturnList),
        VersionList: component(VersionList),
        ReviewRequest: component(ReviewRequest),
        ReviewEntry: component(ReviewEntry),
        ReviewList: component(ReviewList),
        ReviewState: component(ReviewState),
        Health: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, store: { type: 'string', enum: ['sqlite', 'postgres'] } }, required: ['status', 'store'] },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      [`${API_PREFIX}/returns`]: {
        post: {
          summary: 'Submit a return (reporter tokens only, for the token\'s own unit).',
          requestBody: { required: true, ...json('SubmissionPayload') },
          responses: {
            ...common,
            ...withBody,
            '201': { description: 'Accepted: a new version was stored.', ...json('Receipt') },
            '200': { description: 'This submission id had been accepted before, for the same content: its first receipt (created: false).', ...json('Receipt') },
            '400': error('Malformed JSON (malformed-json, empty-body, too-deep), or the payload does not match the schema (invalid-payload, issues).'),
            '403': error('The token may not submit this unit\'s return.'),
            '409': error('The submission id was used for another unit (submission-id-taken) or for other content (submission-id-reused).'),
            '422': error('The return has errors (flags), or the unit does not report in that period.'),
            '429': error(
              'Too many requests (rate-limited), too many failed authentications (auth-failures), or this return received its most ' +
                'versions in 24 hours (version-quota); Retry-After says when.',
            ),
            '507': error('(storage-quota) The unit holds the most bytes of submissions it is allowed.'),
          },
        },
        get: {
          summary: 'The latest version of each return (a reporter sees only its own unit).',
          parameters: [
            { name: 'year', in: 'query', required: false, schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
            { name: 'quarter', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 4 } },
            { name: 'unit', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
            cursor('a return id'),
            limit(PAGE_SIZES.returns),
          ],
          responses: { ...common, '200': { description: 'The returns.', ...json('ReturnList') }, '400': error('Bad query (invalid-query).'), '403': error('A reporter asked for another unit.') },
        },
      },
      [`${API_PREFIX}/returns/{id}/versions`]: {
        get: {
          summary:
            `The versions of one return, oldest first, with what changed from the previous one, in pages (a page also ends ` +
            `once its payloads reach ${VERSION_PAGE_BYTES} bytes; nextCursor names the next).`,
          parameters: [
            { name: 'id', in: 'path', required: true, description: '"<unit>.<year>.q<quarter>", e.g. "bo-y-te.2025.q2".', schema: { type: 'string' } },
            cursor('a version number'),
            limit(PAGE_SIZES.versions),
          ],
          responses: {
            ...common,
            '200': { description: 'The versions, each with the server\'s flags.', ...json('VersionList') },
            '400': error('Bad cursor or limit (invalid-query).'),
            '403': error('A reporter asked for another unit\'s return.'),
            '404': error('No such return.'),
          },
        },
      },
      [`${API_PREFIX}/returns/{id}/reviews`]: {
        post: {
          summary: 'Review a version (reviewer tokens only): accept or query a flag, accept the return or send it back. A query or send-back needs a comment.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json('ReviewRequest') },
          responses: {
            '201': { description: 'The stored entry (who and when).', ...json('ReviewEntry') },
            ...common,
            ...withBody,
            '400': error('Malformed JSON, or the review does not match the schema (invalid-review, issues), e.g. a query without a comment.'),
            '403': error('Not a reviewer token.'),
            '404': error('No such return, or no such version of it.'),
            '422': error('That version has no such flag.'),
          },
        },
        get: {
          summary: 'The review entries of a return, oldest first, in pages, with the review state (a reporter reads only its own unit\'s).',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, cursor('an entry id'), limit(PAGE_SIZES.reviews)],
          responses: {
            ...common,
            '200': { description: 'The entries and state.', ...json('ReviewList') },
            '400': error('Bad cursor or limit (invalid-query).'),
            '403': error('A reporter asked for another unit\'s return.'),
            '404': error('No such return.'),
          },
        },
      },
      [`${API_PREFIX}/returns/{id}/review-state`]: {
        get: {
          summary: 'The open queries of a return and, when a newer version came in, what changed since the queried version.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            ...common,
            '200': { description: 'The review state.', ...json('ReviewState') },
            '403': error('A reporter asked for another unit\'s return.'),
            '404': error('No such return.'),
          },
        },
      },
      [`${API_PREFIX}/openapi.json`]: { get: { summary: 'This document.', security: [], responses: { ...anyRequest, '200': { description: 'OpenAPI 3.1 document.' } } } },
      '/healthz': {
        get: {
          summary: 'Liveness and database round trip.',
          security: [],
          // Never rate limited.
          responses: {
            ...Object.fromEntries(Object.entries(anyRequest).filter(([status]) => status !== '429')),
            '200': { description: 'Up.', content: { 'application/json': { schema: ref('Health') } } },
            '503': error('The database does not answer, or the server is restarting.'),
          },
        },
      },
    },
  };
}

export function openApiRoute(app: FastifyInstance): void {
  let document: string | undefined;
  app.get(`${API_PREFIX}/openapi.json`, async (_request, reply) => {
    document ??= JSON.stringify(openApiDocument());
    return reply.type('application/json; charset=utf-8').send(document);
  });
}
