/**
 * Review (Duyệt):
 *   POST /api/v1/returns/:id/reviews        a reviewer accepts or queries a flag (of that version), accepts the return or sends it back
 *   GET  /api/v1/returns/:id/reviews        every entry (who, when) and the review state
 *   GET  /api/v1/returns/:id/review-state   the open queries and what changed since the queried version
 *
 * Only reviewer tokens write. Reviewers and aggregators read every return; a reporter reads only
 * its own unit's (its add-in shows the open queries on the sheet), 403 for another unit's, decided
 * before the store is asked. Entries are append-only, with the token's id and label and the time.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX, ReviewRequest, type ReviewEntry, type ReviewList, type ReviewState } from '../../domain/payload/api';
import { diffPayloads } from '../../domain/payload/diff';
import { reviewStateOf } from '../../domain/payload/reviewState';
import { formatPayloadIssues, type SubmissionPayload } from '../../domain/payload/schema';
import { requireToken } from '../auth';
import { apiError, HttpError } from '../messages';
import type { ReturnStore, StoredReview } from '../store/port';

type WithId = FastifyRequest<{ Params: { id: string } }>;

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

export function reviewsRoutes(app: FastifyInstance, { store }: { store: ReturnStore }): void {
  const auth = requireToken(store);

  /** A reporter reads only its own unit's returns ("<unit>.<year>.q<n>"; unit ids have no dots). */
  const mayRead = (request: WithId) => {
    const token = request.token!;
    if (token.role === 'reporter' && !request.params.id.startsWith(`${token.unitId}.`)) {
      throw new HttpError(403, apiError('other-unit', { tokenUnit: token.unitId }));
    }
  };

  async function stateOf(returnId: string): Promise<{ reviews: ReviewEntry[]; state: ReviewState }> {
    const versions = await store.versionsOf(returnId);
    if (versions.length === 0) throw new HttpError(404, apiError('no-such-return', { returnId: shortId(returnId) }));
    const reviews = (await store.reviewsOf(returnId)).map(entryOf);
    const payloadOf = (version: number) => JSON.parse(versions.find((v) => v.version === version)!.payloadJson) as SubmissionPayload;
    const latest = versions[versions.length - 1]!.version;
    const state = reviewStateOf(returnId, reviews, latest, (from, to) => diffPayloads(payloadOf(from), payloadOf(to)));
    return { reviews, state };
  }

  app.post<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/reviews`, { onRequest: auth }, async (request, reply) => {
    const token = request.token!;
    if (token.role !== 'reviewer') throw new HttpError(403, apiError('not-reviewer'));
    const parsed = ReviewRequest.safeParse(request.body ?? null);
    if (!parsed.success) throw new HttpError(400, apiError('invalid-review', {}, { issues: formatPayloadIssues(parsed.error).slice(0, 20) }));
    const body = parsed.data;
    const returnId = request.params.id;
    const versions = await store.versionsOf(returnId);
    if (versions.length === 0) throw new HttpError(404, apiError('no-such-return', { returnId: shortId(returnId) }));
    const reviewed = versions.find((v) => v.version === body.version);
    if (!reviewed) throw new HttpError(404, apiError('no-such-version', { returnId: shortId(returnId), version: body.version }));
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
    mayRead(request);
    const { reviews, state } = await stateOf(request.params.id);
    return { returnId: request.params.id, reviews, state };
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/review-state`, { onRequest: auth }, async (request): Promise<ReviewState> => {
    mayRead(request);
    return (await stateOf(request.params.id)).state;
  });
}
