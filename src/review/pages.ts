/**
 * The endpoint answers lists in pages (versions, reviews, returns): each page names the cursor of
 * the next (`nextCursor`, null or absent on the last). Clients that need the whole list (the
 * Duyệt tab, `chitieu merge --from-endpoint`) follow every page with this. Browser-safe.
 */

export interface Paged {
  nextCursor?: string | null | undefined;
}

/** The path with `cursor` added to its query (none for the first page). */
export function withCursor(path: string, cursor: string | null): string {
  if (cursor === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/**
 * Every page of a list, in order. `get` answers one page ({ok: true, data}) or a failure, which
 * is returned as it is; a server whose cursor does not move gets `stuck()` instead of a loop.
 */
export async function everyPage<P extends Paged, F>(
  path: string,
  get: (path: string) => Promise<{ ok: true; data: P } | F>,
  stuck: () => F,
): Promise<{ ok: true; data: P[] } | F> {
  const pages: P[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    const answer = await get(withCursor(path, cursor));
    if ((answer as { ok?: unknown }).ok !== true) return answer as F;
    const page = (answer as { data: P }).data;
    pages.push(page);
    const next = page.nextCursor ?? null;
    if (next === null) return { ok: true, data: pages };
    if (seen.has(next)) return stuck();
    seen.add(next);
    cursor = next;
  }
}
