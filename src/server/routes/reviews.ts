/**
 * Review (Duyệt):
 *   POST /api/v1/returns/:id/reviews        a reviewer accepts or queries a flag (of that version), accepts the return or sends it back
 *   GET  /api/v1/returns/:id/reviews        the entries (who, when), in pages, and the review state
 *   GET  /api/v1/returns/:id/review-state   the open queries and what changed since the queried version
 *
 * Only reviewer tokens write. Reviewers and aggregators read every return; a reporter reads only
 * its own unit's (its add-in shows the open queries on the sheet), 403 for another unit's, decided
 * before the store is asked. Entries are append-only, with the token's id and label and the time.
 */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, PAGE_SIZES, ReviewRequest, reviewPageQuery, type Change, type ReviewEntry, type ReviewList, type ReviewState } from '../../domain/payload/api';
import { reviewStateOf } from '../../domain/payload/reviewState';
import { formatPayloadIssues, type SubmissionPayload } from '../../domain/payload/schema';
import type { Authenticate } from '../auth';
import type { Changes } from '../changes';
import { apiError, HttpError } from '../messages';
import type { ReturnStore, StoredReview } from '../store/port';
import { mayReadReturn, pageQuery } from './returns';

export function entryOf(r: StoredReview): ReviewEntry {
  return {
    id: r.id,
    returnId: r.returnId,
    version: r.version,
    flagKey: r.flagKey,
    action: r.action,
    comment: r.comment,
    reviewer: { tokenId: r.tokenId, label: r.reviewerLabel },
    createdAt: r.createdAt,
  };
}

const shortId = (id: string) => id.slice(0, 200);

/** The keys of a version's flags: the server's (flags column) and the client's (payload.clientFlags). */
function flagKeysOf(flagsJson: string, payloadJson: string): Set<string> {
  const keys = new Set<string>();
  for (const f of JSON.parse(flagsJson) as { key?: unknown }[]) if (typeof f.key === 'string') keys.add(f.key);
  const payload = JSON.parse(payloadJson) as Partial<SubmissionPayload>;
  for (const f of payload.clientFlags ?? []) keys.add(f.key);
  return keys;
}

export function reviewsRoutes(app: FastifyInstance, { store, auth, changes }: { store: ReturnStore; auth: Authenticate; changes: Changes }): void {

  const latestOrMissing = async (returnId: string): Promise<number> => {
    const latest = await store.latestVersionNumber(returnId);
    if (latest === null) throw new HttpError(404, apiError('no-such-return', { returnId: shortId(returnId) }));
    return latest;
  };

  /**
   * The state from every entry (small rows) and, for the changes since a query, only the two
   * versions compared (in a check thread, once: changes.ts): never every version's payload.
   */
  async function stateOf(returnId: string, latest: number): Promise<ReviewState> {
    const reviews = (await store.reviewsOf(returnId)).map(entryOf);
    const queried = reviewStateOf(returnId, reviews, latest, () => []).changesSinceQueried;
    if (!queried) return reviewStateOf(returnId, reviews, latest, () => []);
    const load = async (version: number) => (await store.versionBytes(returnId, version))!.payload;
    const listed = JSON.parse((await changes.between(returnId, queried.fromVersion, queried.toVersion, load)).toString('utf8')) as Change[];
    return reviewStateOf(returnId, reviews, latest, () => listed);
  }

  app.post<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/reviews`, { onRequest: auth }, async (request, reply) => {
    const token = request.token!;
    if (token.role !== 'reviewer') throw new HttpError(403, apiError('not-reviewer'));
    const parsed = ReviewRequest.safeParse(request.body ?? null);
    if (!parsed.success) throw new HttpError(400, apiError('invalid-review', {}, { issues: formatPayloadIssues(parsed.error).slice(0, 20) }));
    const body = parsed.data;
    const returnId = request.params.id;
    const reviewed = await store.versionOf(returnId, body.version);
    if (!reviewed) {
      await latestOrMissing(returnId);
      throw new HttpError(404, apiError('no-such-version', { returnId: shortId(returnId), version: body.version }));
    }
    // A flag of that version: the server's own check, or one the reporter's add-in showed.
    if (body.flagKey !== undefined && !flagKeysOf(reviewed.flagsJson, reviewed.payloadJson).has(body.flagKey)) {
      throw new HttpError(422, apiError('no-such-flag', { flagKey: body.flagKey.slice(0, 200), version: body.version }));
    }
    const comment = body.comment?.trim() ? body.comment.trim() : null;
    const stored = await store.insertReview({
      returnId,
      version: body.version,
      flagKey: body.flagKey ?? null,
      action: body.action,
      comment,
      tokenId: token.id,
      reviewerLabel: token.label,
      createdAt: new Date().toISOString(),
    });
    // Checked above; versions are never deleted, so this is only a guard.
    if (!stored) throw new HttpError(404, apiError('no-such-version', { returnId: shortId(returnId), version: body.version }));
    return reply.code(201).send(entryOf(stored));
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/reviews`, { onRequest: auth }, async (request): Promise<ReviewList> => {
    const returnId = request.params.id;
    mayReadReturn(request, returnId);
    const { cursor, limit } = pageQuery(reviewPageQuery, request.query);
    const latest = await latestOrMissing(returnId);
    const size = limit ?? PAGE_SIZES.reviews.default;
    const rows = await store.reviewsPage(returnId, cursor === undefined ? 0 : Number(cursor), size + 1);
    const reviews = rows.slice(0, size).map(entryOf);
    const nextCursor = rows.length > size ? String(reviews[reviews.length - 1]!.id) : null;
    return { returnId, reviews, state: await stateOf(returnId, latest), nextCursor };
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/review-state`, { onRequest: auth }, async (request): Promise<ReviewState> => {
    const returnId = request.params.id;
    mayReadReturn(request, returnId);
    return stateOf(returnId, await latestOrMissing(returnId));
  });
}
