/** The Duyệt panel's pure parts: what each flag's state is, how a history line and a place read. */
import type { ReviewEntry, StoredFlag, VersionItem } from '../../domain/payload/api';
import type { SubmissionPayload } from '../../domain/payload/schema';
import type { Lang } from '../../workbook/port';

/** The latest entry of each flag (its state), by flag key. */
export function latestByFlag(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const out = new Map<string, ReviewEntry>();
  for (const e of [...entries].sort((a, b) => a.id - b.id)) if (e.flagKey !== null) out.set(e.flagKey, e);
  return out;
}

export interface FlagRow {
  flag: StoredFlag;
  /** What the unit wrote for it (the payload's justifications), or null. */
  justification: string | null;
  /** The flag's latest review entry, or null. */
  state: ReviewEntry | null;
}

/** The flags of a version (warnings first, then infos), each with its justification and state. */
export function flagRows(version: VersionItem, entries: readonly ReviewEntry[]): FlagRow[] {
  const justifications = ((version.payload as Partial<SubmissionPayload> | null)?.justifications ?? {}) as Record<string, string>;
  const states = latestByFlag(entries);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...(version.flags ?? [])]
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map((flag) => ({
      flag,
      justification: Object.prototype.hasOwnProperty.call(justifications, flag.key) ? justifications[flag.key]! : flag.justification ?? null,
      state: states.get(flag.key) ?? null,
    }));
}

/** "CT_2_8_Q2" out of a flag key "rule:CT_2_8_Q2", or null when the key names no cell. */
export function cellNameOfKey(flagKey: string): string | null {
  const name = flagKey.slice(flagKey.lastIndexOf(':') + 1);
  return /^CT_[A-Z0-9_]+$/.test(name) ? name : null;
}

/**
 * Server time shown the Vietnamese way, in Vietnam time (UTC+7): "06/10/2025 16:00", in both
 * languages. Built from the parts, not a locale's short style: vi-VN's short style in ICU reads
 * "16:00 6/10/25" (time first, two-digit year), and ICU versions differ between browsers.
 */
export function vnTime(iso: string, _lang: Lang): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
