/**
 * Bearer tokens for the endpoint. A token is shown once, when it is issued; the store keeps only
 * its SHA-256 (hex), so a copy of the database gives nobody a usable token.
 *
 * Who may hold what:
 * - a **reporter** token belongs to one reporting unit of units.json (it may only submit and read
 *   that unit's returns);
 * - a **reviewer** or **aggregator** token reads every unit's returns. Its unit is recorded for the
 *   record only: `*` (the default, "the department") or a short id of the holder's department
 *   (lower-case letters, digits and dashes, e.g. `vu-ktsxhs`), which must not be a reporting unit's
 *   id, so a token listing never suggests it is tied to one unit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { findUnit, loadUnits } from '../catalogue/load';
import type { Role } from '../domain/payload/api';
import type { ReturnStore, TokenRecord } from './store/port';
import { UserFacingError } from '../workbook/port';

export const TOKEN_PREFIX = 'ct_';
export const ALL_UNITS = '*';
const DEPARTMENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** SHA-256 hex of a token: what the store keeps and looks tokens up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): { id: string; token: string } {
  return { id: 'tok_' + randomBytes(4).toString('hex'), token: TOKEN_PREFIX + randomBytes(32).toString('base64url') };
}

/** A bad --unit for the role, as a sentence in both languages. */
export function checkTokenUnit(unitId: string, role: Role): void {
  const units = loadUnits();
  if (role === 'reporter') {
    if (findUnit(units, unitId)) return;
    throw new UserFacingError('bad-token-unit', {
      vi: `Không có đơn vị "${unitId}": token báo cáo (reporter) phải thuộc một đơn vị báo cáo (xem: chitieu units).`,
      en: `There is no unit "${unitId}": a reporter token belongs to one reporting unit (see: chitieu units).`,
    });
  }
  if (unitId === ALL_UNITS) return;
  if (!DEPARTMENT_ID.test(unitId) || findUnit(units, unitId)) {
    throw new UserFacingError('bad-token-unit', {
      vi: `Đơn vị "${unitId}" không dùng được cho token ${role}: ghi "*" (mặc định) hoặc mã của vụ, chữ thường, số và dấu gạch ngang, không trùng mã đơn vị báo cáo.`,
      en: `"${unitId}" cannot be the unit of a ${role} token: give "*" (the default) or the department's id, lower-case letters, digits and dashes, not a reporting unit's id.`,
    });
  }
}

export interface IssueTokenInput {
  unitId: string;
  role: Role;
  label?: string | null;
}

/** Issues a token: stores its hash and returns the token, which is never seen again. */
export async function issueToken(store: ReturnStore, { unitId, role, label }: IssueTokenInput): Promise<{ id: string; token: string; record: Omit<TokenRecord, 'revokedAt'> }> {
  checkTokenUnit(unitId, role);
  const { id, token } = newToken();
  const record = { id, hash: hashToken(token), unitId, role, label: label ?? null, createdAt: new Date().toISOString() };
  await store.createToken(record);
  return { id, token, record };
}
