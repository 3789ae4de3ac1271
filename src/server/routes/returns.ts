/**
 * GET /api/v1/returns and GET /api/v1/returns/:id/versions. A reporter reads only its own unit's
 * returns (403 for another unit's, decided before the store is asked, so the answer says nothing
 * about whether that return exists); reviewers and aggregators read every unit's.
 */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, ReturnQuery, type Change, type ReturnList, type StoredFlag, type VersionList } from '../../domain/payload/api';
import { diffPayloads } from '../../domain/payload/diff';
import type { SubmissionPayload } from '../../domain/payload/schema';
import { formatPayloadIssues } from '../../domain/payload/schema';
import { requireToken } from '../auth';
import { apiError, HttpError } from '../messages';
import type { ReturnFilter, ReturnStore } from '../store/port';

export function returnsRoutes(app: FastifyInstance, { store }: { store: ReturnStore }): void {
  const auth = requireToken(store);

  app.get(`${API_PREFIX}/returns`, { onRequest: auth }, async (request): Promise<ReturnList> => {
    const token = request.token!;
    const query = ReturnQuery.safeParse(request.query ?? {});
    if (!query.success) throw new HttpError(400, apiError('invalid-query', {}, { issues: formatPayloadIssues(query.error) }));
    const { year, quarter, unit } = query.data;
    if (token.role === 'reporter' && unit !== undefined && unit !== token.unitId) {
      throw new HttpError(403, apiError('other-unit', { tokenUnit: token.unitId }));
    }
    const filter: ReturnFilter = {
      ...(year !== undefined ? { year } : {}),
      ...(quarter !== undefined ? { quarter } : {}),
      ...(token.role === 'reporter' ? { unitId: token.unitId } : unit !== undefined ? { unitId: unit } : {}),
    };
    const latest = await store.latestVersions(filter);
    return {
      returns: latest.map((v) => ({
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
    };
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/returns/:id/versions`, { onRequest: auth }, async (request): Promise<VersionList> => {
    const token = request.token!;
    const returnId = request.params.id;
    // A return id is "<unit>.<year>.q<quarter>"; unit ids have no dots.
    if (token.role === 'reporter' && !returnId.startsWith(`${token.unitId}.`)) {
      throw new HttpError(403, apiError('other-unit', { tokenUnit: token.unitId }));
    }
    const versions = await store.versionsOf(returnId);
    if (versions.length === 0) throw new HttpError(404, apiError('no-such-return', { returnId: returnId.slice(0, 200) }));
    let previous: SubmissionPayload | null = null;
    return {
      returnId,
      versions: versions.map((v) => {
        const payload = JSON.parse(v.payloadJson) as SubmissionPayload;
        const changes: Change[] = previous ? diffPayloads(previous, payload) : [];
        previous = payload;
        // flags: the server's own check of this version (what the reviewer goes through).
        const flags = JSON.parse(v.flagsJson) as StoredFlag[];
        return { version: v.version, receiptNumber: v.receiptNumber, submissionId: v.submissionId, receivedAt: v.receivedAt, payload, changes, flags };
      }),
    };
  });
}
