/**
 * The largest return a person can send: the template's every text cell filled to its input limit
 * (the text-length validations Excel enforces, read from the return's plan) in three-byte
 * Vietnamese letters, every row's figures to Q4, and a 1,000-character justification for every
 * warning. The body limit's default is set from its size (tests/unit/server/limits.test.ts) and
 * bench:abuse prints it.
 */
import { fillsForYear, findUnit } from '../../src/catalogue/load';
import { HEADER_NAMES, NARRATIVE_NAMES, rowSourceName, tableCellName, type TableColumn } from '../../src/domain/cellContract';
import { buildPayload } from '../../src/domain/payload/buildPayload';
import { PAYLOAD_ROW_IDS, type SubmissionPayload } from '../../src/domain/payload/schema';
import type { SectionKey } from '../../src/domain/returnData';
import { returnPlan } from '../../src/layout/returnPlan';
import { aReturn, catalogue, check, steady, units } from '../unit/domain/validate/builders';

/** A letter UTF-8 writes in three bytes ("ệ"), the most a Vietnamese letter takes. */
const WIDE = 'ệ';
const JUSTIFICATION = 1000;

/** Each named input cell's text-length limit in the template of `unitId`. */
export function templateTextLimits(unitId: string, year: number): Map<string, number> {
  const plan = returnPlan({ catalogue, unit: findUnit(units, unitId)!, year, lang: 'vi' });
  const byAddress = new Map(plan.names.map((n) => [n.address, n.name]));
  const limits = new Map<string, number>();
  for (const v of plan.validations) {
    if (v.rule.type !== 'textLength') continue;
    for (const address of v.address.split(/[ ,]/)) {
      const name = byAddress.get(address.split(':')[0]!);
      if (name) limits.set(name, v.rule.max);
    }
  }
  return limits;
}

/** The largest payload of `unitId`'s Q4 return (the unit with the most rows makes the largest). */
export function largestPayload(unitId = 'tinh-an-giang', year = 2025): SubmissionPayload {
  const limits = templateTextLimits(unitId, year);
  const wide = (name: string) => WIDE.repeat(limits.get(name) ?? 0);
  const b = aReturn(unitId, year, 4);
  for (const row of fillsForYear(findUnit(units, unitId)!, year)) steady(b, row, 50, 4);
  b.contact({
    name: wide(HEADER_NAMES.contactName),
    title: wide(HEADER_NAMES.contactTitle),
    org: wide(HEADER_NAMES.contactOrg),
    // A phone number must look like one (contact.phone); an address is ASCII.
    phone: '024 3943 7190 máy lẻ 1234',
    email: `${'a'.repeat((limits.get(HEADER_NAMES.contactEmail) ?? 200) - 10)}@x.gov.vn`,
  });
  for (const key of Object.keys(NARRATIVE_NAMES) as SectionKey[]) b.section(key, wide(NARRATIVE_NAMES[key]));
  const intl: TableColumn[] = ['Q1_INTL', 'Q2_INTL', 'Q3_INTL', 'TY_INTL', 'T2025_INTL'];
  for (const row of PAYLOAD_ROW_IDS) for (const column of intl) b.cell(row, column, wide(tableCellName(row, column)));
  const withSources = () => {
    const data = b.build();
    for (const row of PAYLOAD_ROW_IDS) data.sources[row] = { value: wide(rowSourceName(row)) };
    return data;
  };
  for (const flag of check(withSources(), { quarter: 4 }).flags) if (flag.severity === 'warning') b.justify(flag.key, WIDE.repeat(JUSTIFICATION));
  const data = withSources();
  const result = check(data, { quarter: 4 });
  if (result.counts.error) throw new Error(`largestPayload: the return has errors: ${result.flags.filter((f) => f.severity === 'error').map((f) => f.rule)}`);
  return buildPayload(data, result, { submissionId: '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f', submittedAt: '2025-12-31T08:00:00.000Z', quarter: 4 });
}
