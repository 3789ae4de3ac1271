/**
 * GET /api/v1/returns and GET /api/v1/returns/:id/versions, in pages. A reporter reads only its
 * own unit's returns (403 for another unit's, decided before the store is asked, so the answer
 * says nothing about whether that return exists); reviewers and aggregators read every unit's.
 *
 * A page of versions is cut by count and by bytes before any payload is read (the store reports
 * each version's size), so one answer never holds more than VERSION_PAGE_BYTES of payloads
 * however many or however large the versions are; each version's changes are computed against
 * the version before it, loaded with the page when the page does not start at version 1.
 *
 * The event loop never parses a stored payload: the answer is written around the stored JSON
 * texts (the server wrote them), and the changes are worked out in a check thread, once per pair
 * of versions (changes.ts), so readers of large returns do not hold up everyone else.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod/v4';
import { API_PREFIX, PAGE_SIZES, ReturnQuery, VERSION_PAGE_BYTES, versionPageQuery, type ReturnList } from '../../domain/payload/api';
import { formatPayloadIssues } from '../../domain/payload/schema';
import type { Authenticate } from '../auth';
import type { Changes } from '../changes';
import { apiError, HttpError } from '../messages';
import type { ReturnFilter, ReturnKey, ReturnStore, VersionBytes } from '../store/port';

/** "<unit>.<year>.q<quarter>" → its parts (unit ids have no dots; the query schema checked the shape). */
function returnKeyOf(returnId: string): ReturnKey {
  const [unitId, year, quarter] = returnId.split('.');
  return { unitId: unitId!, year: Number(year), quarter: Number(quarter!.slice(1)) };
}

/** A reporter reads only its own unit's returns. */
export function mayReadReturn(request: FastifyRequest, returnId: string): void {
  const token = request.token!;
  if (token.role === 'reporter' && !returnId.startsWith(`${token.unitId}.`)) {
    throw new HttpError(403, apiError('other-unit', { tokenUnit: token.unitId }));
  }
}

/** The query of a page, or 400 naming what is wrong. */
export function pageQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw new HttpError(400, apiError('invalid-query', {}, { issues: formatPayloadIssues(parsed.error) }));
  return parsed.data;
}

/** How many of the versions (sizes in order) fit one page: within the byte budget, at least one. */
export function versionsThatFit(sizes: readonly { bytes: number }[], limit: number, budget = VERSION_PAGE_BYTES): number {
  let bytes = 0;
  let n = 0;
  while (n < Math.min(limit, sizes.length)) {
    bytes += sizes[n]!.bytes;
    if (n > 0 && bytes > budget) break;
    n++;
  }
  return n;
}

/** One version of a VersionList, written around its stored payload and flags (UTF-8 JSON the server wrote). */
function versionItem(v: VersionBytes, changes: Buffer): Buffer[] {
  const head = JSON.stringify({ version: v.version, receiptNumber: v.receiptNumber, submissionId: v.submissionId, receivedAt: v.receivedAt });
  return [Buffer.from(`${head.slice(0, -1)},"payload":`), v.payload, Buffer.from(',"changes":'), changes, Buffer.from(',"flags":'), v.flags, Buffer.from('}')];
}

/** Lets other requests (/healthz) in between two versions of a large page. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const EMPTY = Buffer.from('[]');
const COMMA = Buffer.from(',');

export function returnsRoutes(app: FastifyInstance, { store, auth, changes: changesFor }: { store: ReturnStore; auth: Authenticate; changes: Changes }): void {

  app.get(`${API_PREFIX}/returns`, { onRequest: auth }, async (request): Promise<ReturnList> => {
    const token = request.token!;
    const { year, quarter, unit, cursor, limit } = pageQuery(ReturnQuery, request.query);
    if (token.role === 'reporter' && unit !== undefined && unit !== token.unitId) {
      throw new HttpError(403, apiError('other-unit', { tokenUnit: token.unitId }));
    }
    const filter: ReturnFilter = {
      ...(year !== undefined ? { year } : {}),
      ...(quarter !== undefined ? { quarter } : {}),
      ...(token.role === 'reporter' ? { unitId: token.unitId } : unit !== undefined ? { unitId: unit } : {}),
    };
    const size = limit ?? PAGE_SIZES.returns.default;
    // One more than the page: whether there is a next page, without a count.
    const latest = await store.latestVersions(filter, { ...(cursor ? { after: returnKeyOf(cursor) } : {}), limit: size + 1 });
    const page = latest.slice(0, size);
    return {
      returns: page.map((v) => ({
        returnId: v.returnId,
        unitId: v.unitId,
        year: v.year,
        quarter: v.quarter,
        latestVersion: v.version,
        receiptNumber: v.receiptNumber,
        receivedAt: v.receivedAt,
        warnings: v.warnings,
        infos: v.infos,
      })),
      nextCursor: latest.length > size ? page[page.length - 1]!.returnId : null,
    };
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/versions`, { onRequest: auth }, async (request, reply) => {
    const returnId = request.params.id;
    mayReadReturn(request, returnId);
    const { cursor, limit } = pageQuery(versionPageQuery, request.query);
    const after = cursor === undefined ? 0 : Number(cursor);
    const size = limit ?? PAGE_SIZES.versions.default;
    const sizes = await store.versionSizes(returnId, after, size + 1);
    if (sizes.length === 0 && (after === 0 || (await store.latestVersionNumber(returnId)) === null)) {
      throw new HttpError(404, apiError('no-such-return', { returnId: returnId.slice(0, 200) }));
    }
    const fit = versionsThatFit(sizes, size);
    const parts: Buffer[] = [];
    // One version at a time, as bytes: the event loop copies them and never parses one.
    const load = async (version: number) => (await store.versionBytes(returnId, version))!.payload;
    for (let i = 0; i < fit; i++) {
      if (i > 0) await turn();
      const v = (await store.versionBytes(returnId, sizes[i]!.version))!;
      const changes = v.version > 1 ? await changesFor.between(returnId, v.version - 1, v.version, load) : EMPTY;
      if (i > 0) parts.push(COMMA);
      parts.push(...versionItem(v, changes));
    }
    const nextCursor = fit > 0 && fit < sizes.length ? String(sizes[fit - 1]!.version) : null;
    // A VersionList (api.ts), its flags the server's own check of each version.
    const head = Buffer.from(`{"returnId":${JSON.stringify(returnId)},"versions":[`);
    const tail = Buffer.from(`],"nextCursor":${JSON.stringify(nextCursor)}}`);
    return reply.type('application/json; charset=utf-8').send(Buffer.concat([head, ...parts, tail]));
  });
}
