/**
 * Every validation rule, through the fake Excel host: a return laid out by the add-in, typed into
 * as a person would, checked by the Office.js checker. The pure domain tests show each rule's
 * logic; these show each one survives the trip through cells, formats and defined names.
 */
import { tableCellName } from '../../../src/domain/cellContract';
import { RULE_IDS, type RuleId } from '../../../src/domain/validate';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import type { FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CLEAN, fakeReturn, FIXED_NOW, MINISTRY, nameAt, typeInto } from './fixtures';

const q = (row: string, col: Parameters<typeof tableCellName>[1]) => tableCellName(row, col);
const typedClean = (): Record<string, string> => Object.fromEntries(Object.entries(CLEAN).map(([k, v]) => [k, v.typed]));

interface Scenario {
  year?: number;
  /** Typed on top of the clean Q1 return; null removes a clean entry. */
  typed?: Record<string, string | null>;
  /** Set directly, as a pasted value or a reformatted cell would be (bypassing the keyboard rules). */
  stored?: Record<string, { value: string | number; numberFormat?: string }>;
  quarter?: number;
  /** Saved from the pane after a first check, as a person justifies a flag. */
  justify?: { key: string; text: string };
  /** The cell the flag must point at, when it is about one cell. */
  at?: string;
}

const SCENARIOS: Record<RuleId, Scenario> = {
  'header.unitUnknown': { stored: { CT_UNIT_ID: { value: 'bo-khong-co' } }, at: 'CT_UNIT_ID' },
  'header.unitYear': { year: 2023, stored: { CT_UNIT_ID: { value: 'bo-nong-nghiep-va-moi-truong' } } },
  'header.year': { stored: { CT_YEAR: { value: 2030 } }, at: 'CT_YEAR' },
  'header.quarterMissing': { typed: { CT_QUARTER: null }, quarter: 1, at: 'CT_QUARTER' },
  'header.quarterInvalid': { stored: { CT_QUARTER: { value: 'Quý bảy' } }, at: 'CT_QUARTER' },
  'meta.versionMissing': { stored: { CT_TEMPLATE_VERSION: { value: '' } }, at: 'CT_TEMPLATE_VERSION' },
  'contact.missing': { typed: { CT_CONTACT_NAME: null }, at: 'CT_CONTACT_NAME' },
  'contact.email': { typed: { CT_CONTACT_EMAIL: 'binh-at-moh' }, at: 'CT_CONTACT_EMAIL' },
  'contact.phone': { typed: { CT_CONTACT_PHONE: 'gọi tổng đài' }, at: 'CT_CONTACT_PHONE' },
  'figure.excelError': { typed: { [q('2.8', 'Q1')]: '=1/0' }, at: q('2.8', 'Q1') },
  'figure.notANumber': { typed: { [q('2.8', 'Q1')]: "'abc" }, at: q('2.8', 'Q1') },
  'figure.outOfRange': { typed: { [q('2.8', 'Q1')]: '150%' }, at: q('2.8', 'Q1') },
  'figure.ambiguousUnit': { stored: { [q('2.8', 'Q1')]: { value: 0.45, numberFormat: 'General' } }, at: q('2.8', 'Q1') },
  'figure.deferred': { typed: { [q('2.8', 'Q1')]: "'Theo Kế hoạch của Bộ Y tế" }, at: q('2.8', 'Q1') },
  'figure.missing': { typed: { [q('2.8', 'Q1')]: null }, at: q('2.8', 'Q1') },
  'figure.noDataReason': { typed: { [q('2.8', 'Q1')]: "'-" }, at: q('2.8', 'Q1') },
  'figure.noData': { typed: { [q('2.8', 'Q1')]: "'- chưa điều tra" }, at: q('2.8', 'Q1') },
  'figure.laterQuarter': { typed: { [q('2.8', 'Q3')]: '40%' }, at: q('2.8', 'Q3') },
  'figure.earlierMissing': {
    typed: { CT_QUARTER: '2', [q('2.8', 'Q1')]: null, [q('2.8', 'Q2')]: '45%', [q('2.9', 'Q2')]: '45%', [q('1.2.OTHER', 'Q2')]: '45%' },
    at: q('2.8', 'Q1'),
  },
  'figure.stillProvisional': {
    typed: { CT_QUARTER: '2', [q('2.8', 'Q2')]: '46%', [q('2.9', 'Q2')]: '46%', [q('1.2.OTHER', 'Q2')]: '46%' },
    stored: { [q('2.8', 'Q1')]: { value: 0.45, numberFormat: '0.00%" (ước)"' } },
    at: q('2.8', 'Q1'),
  },
  'figure.jump': { typed: { CT_QUARTER: '2', [q('2.8', 'Q2')]: '80%', [q('2.9', 'Q2')]: '46%', [q('1.2.OTHER', 'Q2')]: '46%' }, at: q('2.8', 'Q2') },
  'target.belowYear': { typed: { CT_QUARTER: '4', [q('2.9', 'Q4')]: '10%' } },
  'target.behindPath': { typed: { [q('1.1', 'Q1')]: '10%' } },
  'target.below2025': { year: 2023, typed: { [q('2.8', 'Q1')]: '5%' } },
  'dynamic.noRemedy': { typed: { [q('1.1', 'Q1')]: '10%' }, at: 'CT_PROPOSALS' },
  'dynamic.farAbove': { typed: { [q('1.1', 'Q1')]: '95%' } },
  'intl.missing': { typed: { [q('2.8', 'Q1_INTL')]: null } },
  'intl.noSource': { typed: { [q('2.8', 'Q1_INTL')]: '52% năm 2023' }, at: q('2.8', 'Q1_INTL') },
  'intl.noYear': { typed: { [q('2.8', 'Q1_INTL')]: 'Eurostat: 52%' }, at: q('2.8', 'Q1_INTL') },
  'intl.sectionMissing': { at: 'CT_INTL' },
  // Pasted: the comparison cell's data validation stops a longer text typed in.
  'text.tooLong': {
    stored: { [q('2.8', 'Q1_INTL')]: { value: `Eurostat 2023: 52%. ${'x'.repeat(12_000)}` } },
    at: q('2.8', 'Q1_INTL'),
  },
  'text.justificationTooLong': { justify: { key: 'intl.sectionMissing:CT_INTL', text: 'x'.repeat(12_000) }, at: 'CT_INTL' },
  'text.badCharacter': { stored: { CT_CONTACT_NAME: { value: 'Nguyễn\u202EVăn A' } }, at: 'CT_CONTACT_NAME' },
  'section.required': { typed: { CT_QUARTER: '2', [q('2.8', 'Q2')]: '46%', [q('2.9', 'Q2')]: '46%', [q('1.2.OTHER', 'Q2')]: '46%' }, at: 'CT_TREND' },
};

async function prepare(s: Scenario): Promise<FakeExcelHost> {
  const host = await fakeReturn(MINISTRY, s.year ?? 2025);
  const typed: Record<string, string | null> = { ...typedClean(), ...s.typed };
  typeInto(host, Object.fromEntries(Object.entries(typed).filter((e): e is [string, string] => e[1] !== null)));
  for (const [name, { value, numberFormat }] of Object.entries(s.stored ?? {})) {
    const { sheet, address } = nameAt(host, name);
    host.setCellValue(sheet, address, value, numberFormat);
  }
  if (s.justify) {
    const checker = createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW });
    await checker.checkReturn({ lang: 'vi' });
    await checker.saveJustification(s.justify.key, s.justify.text);
    host.resetCounters();
  }
  return host;
}

describe('every rule, through the fake Excel host', () => {
  it('has a scenario for each rule of the catalogue of rules', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS.map((id) => [id]))('%s fires on a return typed to trigger it', async (id) => {
    const scenario = SCENARIOS[id];
    const host = await prepare(scenario);
    const checker = createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW });
    const outcome = await checker.checkReturn({ lang: 'vi', ...(scenario.quarter ? { quarter: scenario.quarter } : {}) });
    if (outcome.status !== 'checked') throw new Error(`not checked: ${outcome.message.en}`);
    const flags = outcome.result.flags.filter((f) => f.rule === id);
    expect({ rule: id, fired: flags.length > 0 }).toEqual({ rule: id, fired: true });
    if (scenario.at) expect(flags.map((f) => f.cellName)).toContain(scenario.at);
    expect(host.syncCount).toBe(2);
  });

  it('the clean return raises none of the scenario rules that need a mistake to fire', async () => {
    const host = await prepare({});
    const outcome = await createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW }).checkReturn({ lang: 'vi' });
    if (outcome.status !== 'checked') throw new Error(outcome.message.en);
    expect(outcome.result.counts.error).toBe(0);
    const fired = new Set(outcome.result.flags.map((f) => f.rule));
    for (const id of ['figure.notANumber', 'figure.outOfRange', 'figure.missing', 'contact.email', 'intl.missing', 'figure.jump'] as const) {
      expect({ id, fired: fired.has(id) }).toEqual({ id, fired: false });
    }
  });
});
