/**
 * The returns of a quarter as the endpoint holds them → ReturnInputs for summarise: every return
 * of the year up to the quarter (GET /api/v1/returns?year=…), and each one's versions
 * (GET /api/v1/returns/:id/versions) — the latest for the figures, the first for timeliness
 * (summarise picks). Every answer is parsed with the API's zod schemas; a version whose payload
 * no longer parses is reported as skipped, never thrown.
 *
 * Browser-safe (no Node imports anywhere below it): the task pane's Tổng hợp tab reads the endpoint
 * with it, as `chitieu merge --from-endpoint` does.
 */
import { API_PREFIX, ApiError, ReturnList, VersionList } from '../domain/payload/api';
import { SubmissionPayload } from '../domain/payload/schema';
import { skippedInput } from '../domain/summary/skipped';
import type { ReturnInput, SkippedInput } from '../domain/summary/types';
import { everyPage, type Paged } from '../review/pages';
import { exchange, type EndpointConfig } from '../submit/client';
import { inCanonicalOrder } from '../domain/summary/order';

export class EndpointReadError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
    this.name = 'EndpointReadError';
  }
}

export interface EndpointInputs {
  inputs: ReturnInput[];
  skipped: SkippedInput[];
}

async function getJson(config: EndpointConfig, path: string, doFetch: typeof fetch): Promise<unknown> {
  const answer = await exchange(config, path, { method: 'GET' }, { fetch: doFetch });
  if (!answer.reached) throw new EndpointReadError(`GET ${API_PREFIX}${path}: ${answer.reason}`, null);
  if (answer.status !== 200) {
    const error = ApiError.safeParse(answer.body);
    throw new EndpointReadError(`GET ${API_PREFIX}${path}: HTTP ${answer.status}${error.success ? ` ${error.data.error}: ${error.data.message.en}` : ''}`, answer.status);
  }
  return answer.body;
}

/** Every page of a list (the endpoint answers in pages), each parsed; throws EndpointReadError. */
async function getPages<P extends Paged>(config: EndpointConfig, path: string, parse: (body: unknown) => P | null, doFetch: typeof fetch): Promise<P[]> {
  const read = await everyPage(
    path,
    async (p) => {
      const page = parse(await getJson(config, p, doFetch));
      if (!page) throw new EndpointReadError(`GET ${API_PREFIX}${path}: the answer is not the expected list`, 200);
      return { ok: true as const, data: page };
    },
    () => {
      throw new EndpointReadError(`GET ${API_PREFIX}${path}: the server keeps answering the same page`, 200);
    },
  );
  return read.data;
}

/** Inputs and the versions that could not be used; throws EndpointReadError when the endpoint cannot be read. */
export async function readEndpointInputs(config: EndpointConfig, year: number, quarter: number, doFetch: typeof fetch = fetch): Promise<EndpointInputs> {
  const listed = await getPages(config, `/returns?year=${encodeURIComponent(year)}`, (b) => ReturnList.safeParse(b).data ?? null, doFetch);
  const returns = listed.flatMap((page) => page.returns).filter((r) => r.year === year && r.quarter <= quarter).sort((a, b) => a.returnId.localeCompare(b.returnId));
  const inputs: ReturnInput[] = [];
  const skipped: SkippedInput[] = [];
  for (const r of returns) {
    const pages = await getPages(config, `/returns/${encodeURIComponent(r.returnId)}/versions`, (b) => VersionList.safeParse(b).data ?? null, doFetch);
    for (const v of pages.flatMap((page) => page.versions).sort((a, b) => a.version - b.version)) {
      const payload = SubmissionPayload.safeParse(v.payload);
      if (!payload.success) {
        const reason = { vi: 'Dữ liệu của phiên bản này không còn đúng khuôn dạng.', en: 'This version’s payload no longer matches the payload schema.' };
        skipped.push(skippedInput(v.receiptNumber, reason));
        continue;
      }
      inputs.push({ payload: payload.data, source: { kind: 'endpoint', receiptNumber: v.receiptNumber, version: v.version, receivedAt: v.receivedAt } });
    }
  }
  return { inputs: inCanonicalOrder(inputs), skipped };
}

/** The brief's shape: just the inputs (versions that do not parse are left out). */
export async function returnInputsFromEndpoint(config: EndpointConfig, year: number, quarter: number, doFetch: typeof fetch = fetch): Promise<ReturnInput[]> {
  return (await readEndpointInputs(config, year, quarter, doFetch)).inputs;
}
