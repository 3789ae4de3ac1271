/**
 * Every bound of the submission payload is a validation rule: what validate passes, buildPayload
 * builds. Issue 10, item 8: a 12,000-character comparison passed validate and merge/submit then
 * refused it with a zod path ("figures[31].comparison: Too big").
 */
import fc from 'fast-check';
import { fillsForYear, findUnit } from '../../../../src/catalogue/load';
import {
  META_NAMES, NARRATIVE_NAMES, TABLE_COLUMNS, rowSourceName, tableCellName, type TableColumn,
} from '../../../../src/domain/cellContract';
import type { CheckResult } from '../../../../src/domain/flags';
import {
  MAX_SECTION, MAX_SHORT, MAX_TEXT, PayloadError, TEXT_LIMITS, acceptance, buildPayload, checkPayload, type SubmissionPayload,
} from '../../../../src/domain/payload';
import { LINE_TEXT_PATTERN, MULTILINE_TEXT_PATTERN, badCharacter } from '../../../../src/domain/payload/limits';
import type { ReturnData, SectionKey } from '../../../../src/domain/returnData';
import { cellText } from '../../../../src/domain/validate/cellText';
import { formatCount } from '../../../../src/domain/validate/payloadText';
import { aReturn, blankReturn, catalogue, check, flagAt, flagsOf, steady, units, type ReturnBuilder } from './builders';

const ID = '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f';
const meta = (quarter: number) => ({ submissionId: ID, submittedAt: '2025-07-05T08:30:00.000Z', quarter });
const UNIT = 'bo-y-te';

/** The ministry's return with every row it answers for filled up to the quarter: no error. */
function clean(quarter: number): ReturnBuilder {
  const b = aReturn(UNIT, 2025, quarter);
  for (const row of fillsForYear(findUnit(units, UNIT)!, 2025)) steady(b, row, 50, quarter);
  return b;
}

type Built = { ok: true; payload: SubmissionPayload } | { ok: false; error: unknown };

function build(data: ReturnData, result: CheckResult, quarter: number): Built {
  try {
    return { ok: true, payload: buildPayload(data, result, meta(quarter)) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** `length` characters starting with `prefix`, words after it, no space at either end. */
function textOf(prefix: string, length: number): string {
  const s = (prefix + 'số liệu '.repeat(Math.ceil(length / 8) + 1)).slice(0, length);
  return s.endsWith(' ') ? `${s.slice(0, -1)}.` : s;
}

const grouped = (n: number) => ({ vi: n.toLocaleString('vi-VN'), en: n.toLocaleString('en-US') });

describe('a text longer than the payload allows', () => {
  it('a 12,000-character comparison is an error at its cell, as buildPayload refuses it', () => {
    const data = clean(2).cell('2.8', 'Q1_INTL', textOf('Thái Lan 20% (ITU, 2022). ', 12_000)).build();
    expect(() => buildPayload(data, check(data, { quarter: 2 }), meta(2))).toThrow(PayloadError);

    const r = check(data, { quarter: 2 });
    const flag = flagAt(r, 'text.tooLong', tableCellName('2.8', 'Q1_INTL'));
    expect(flag).toMatchObject({ severity: 'error', indicator: '2.8', column: 'Q1_INTL' });
    expect(flag!.message.vi).toContain(`văn bản quá dài: 12.000 ký tự, tối đa ${grouped(MAX_TEXT).vi}`);
    expect(flag!.message.en).toContain(`text too long: 12,000 characters, at most ${grouped(MAX_TEXT).en}`);
    expect(r.counts.error).toBe(1);
  });

  it('names the cell in each language, and points at it: focal point, section, source', () => {
    const data = clean(1)
      .contact({ phone: `024 3943 7190${' '.repeat(MAX_SHORT)}máy lẻ 12` })
      .section('difficulties', textOf('1. ', MAX_SECTION + 1))
      .build();
    data.sources['2.8'] = { value: textOf('Tổng cục Thống kê ', MAX_TEXT + 1) };
    data.locations[rowSourceName('2.8')] = { sheet: 'Phụ lục 01', address: 'Q40' };
    const r = check(data, { quarter: 1 });
    expect(flagsOf(r, 'text.tooLong').map((f) => [f.cellName, f.column, f.indicator])).toEqual([
      ['CT_CONTACT_PHONE', 'CT_CONTACT_PHONE', null],
      [rowSourceName('2.8'), 'SOURCE', '2.8'],
      [NARRATIVE_NAMES.difficulties, NARRATIVE_NAMES.difficulties, null],
    ]);
    const [phone, source, section] = flagsOf(r, 'text.tooLong');
    const phoneLength = cellText(data.contact.phone).length;
    const vi = `văn bản quá dài: ${phoneLength} ký tự, tối đa ${MAX_SHORT}.`;
    expect(phone!.message.vi).toBe(`Cán bộ đầu mối, số điện thoại — ${vi}`);
    expect(phone!.message.en).toBe(`Focal point, phone number — text too long: ${phoneLength} characters, at most ${MAX_SHORT}.`);
    const over = grouped(MAX_TEXT + 1);
    const max = grouped(MAX_TEXT);
    expect(source!.message.vi).toBe(`2.8, cột nguồn số liệu — văn bản quá dài: ${over.vi} ký tự, tối đa ${max.vi}.`);
    expect(source!.cell).toBe("'Phụ lục 01'!Q40");
    expect(section!.message.en).toBe(
      `Section V (Difficulties and obstacles) — text too long: ${grouped(MAX_SECTION + 1).en} characters, `
        + `at most ${grouped(MAX_SECTION).en}.`,
    );
    expect(section!.suggestion.vi).toContain(`tối đa ${grouped(MAX_SECTION).vi} ký tự`);
  });

  it('measures the text the payload carries: trimmed, and only the quarters up to the one reported', () => {
    const padded = `   ${textOf('Thái Lan 20% (ITU, 2022) ', MAX_TEXT)}\n  `;
    const data = clean(1)
      .cell('2.8', 'Q1_INTL', padded)
      .cell('2.8', 'Q3_INTL', textOf('Thái Lan 20% (ITU, 2022) ', MAX_TEXT + 1))
      .cell('2.8', 'Q2', textOf('- (chưa điều tra ', MAX_TEXT + 1))
      .build();
    const r = check(data, { quarter: 1 });
    expect(flagsOf(r, 'text.tooLong')).toEqual([]);
    expect(build(data, r, 1).ok).toBe(true);
    // The same cells are carried once Q3 is reported.
    const q3 = check(data, { quarter: 3 });
    const carried = flagsOf(q3, 'text.tooLong').map((f) => f.cellName).sort();
    expect(carried).toEqual([tableCellName('2.8', 'Q2'), tableCellName('2.8', 'Q3_INTL')]);
  });

  it('the year’s and the horizon’s comparisons are carried in every quarter', () => {
    const long = textOf('OECD 35% (2023) ', MAX_TEXT + 1);
    const data = clean(1).cell('2.8', 'TY_INTL', long).cell('1.1', 'T2025_INTL', long).build();
    expect(flagsOf(check(data, { quarter: 1 }), 'text.tooLong').map((f) => f.cellName).sort()).toEqual([
      tableCellName('1.1', 'T2025_INTL'), tableCellName('2.8', 'TY_INTL'),
    ]);
  });

  it('a justification longer than the payload carries is an error at its flag’s cell, quoting the flag', () => {
    const first = check(clean(1).build(), { quarter: 1 });
    const justified = first.flags[0]!;
    // Its text fits once trimmed; the space before it is sent too.
    const data = clean(1).justify(justified.key, ` ${'x'.repeat(MAX_TEXT)}`).build();
    const r = check(data, { quarter: 1 });
    const flag = flagAt(r, 'text.justificationTooLong', justified.cellName!)!;
    expect(flag.severity).toBe('error');
    expect(flag.message.vi.startsWith('Giải trình cho “')).toBe(true);
    expect(flag.message.vi).toContain(`” quá dài: ${grouped(MAX_TEXT + 1).vi} ký tự, tối đa ${grouped(MAX_TEXT).vi}.`);
    expect(flag.message.vi).toContain(justified.message.vi.slice(0, 20));
    expect(flag.message.en).toContain(justified.message.en.slice(0, 20));
    expect(build(data, r, 1).ok).toBe(false);

    const fits = clean(1).justify(justified.key, 'x'.repeat(MAX_TEXT)).build();
    const ok = check(fits, { quarter: 1 });
    expect(flagsOf(ok, 'text.justificationTooLong')).toEqual([]);
    expect(build(fits, ok, 1).ok).toBe(true);
  });

  it('a justification kept for a flag that is gone is not sent, so not judged', () => {
    const data = clean(1).justify('figure.jump:CT_2_8_Q1', 'x'.repeat(MAX_TEXT + 1)).build();
    const r = check(data, { quarter: 1 });
    expect(r.counts.error).toBe(0);
    expect(build(data, r, 1).ok).toBe(true);
  });
});

describe('the payload’s other bounds', () => {
  it.each([META_NAMES.templateVersion, META_NAMES.catalogueVersion])('an empty %s is an error, as the payload needs it', (name) => {
    const data = clean(1).build();
    data[name === META_NAMES.templateVersion ? 'templateVersion' : 'catalogueVersion'] = { value: '  ' };
    const r = check(data, { quarter: 1 });
    expect(flagsOf(r, 'meta.versionMissing').map((f) => f.cellName)).toEqual([name]);
    expect(flagsOf(r, 'meta.versionMissing')[0]!.message.en).toBe(
      `The ${name === META_NAMES.templateVersion ? 'template' : 'catalogue'} version is missing (cell ${name}).`,
    );
    expect(r.counts.error).toBe(1);
    expect(build(data, r, 1).ok).toBe(false);
  });

  it('a year the payload cannot take from the cell’s value is no year, whatever the cell shows', () => {
    const data = clean(1).build();
    data.year = { value: { formula: 'YEAR(TODAY())' }, text: '2025' };
    const r = check(data, { quarter: 1 });
    expect(flagsOf(r, 'header.year').map((f) => f.cellName)).toEqual(['CT_YEAR']);
    expect(build(data, r, 1).ok).toBe(false);
  });

  it('counts are grouped the way each language writes them', () => {
    expect([12_000, 200, 32_767, 1_234_567].map((n) => [formatCount(n, 'vi'), formatCount(n, 'en')])).toEqual([
      ['12.000', '12,000'], ['200', '200'], ['32.767', '32,767'], ['1.234.567', '1,234,567'],
    ]);
  });
});

// ---- the property: no error from validate ⇔ buildPayload builds -------------------------------

const rowIds = Object.keys(blankReturn().table);

/** A cell that can carry text, the bound its payload field has, and a text of a given length that breaks no other rule. */
interface Slot {
  /** What kind of text: each kind is drawn as often as any other, whatever its number of cells. */
  kind: string;
  name: string;
  limit: number;
  minLength: number;
  make: (length: number) => string;
  put: (data: ReturnData, text: string) => void;
  /** A plan reference claims a figure: in a quarter after the one reported it is figure.laterQuarter's error, not the payload's. */
  quarter?: number;
}

/** "0243 943 7190" numbers, "/"-separated, widened with spaces inside the first to make the length exact. */
function phoneOf(length: number): string {
  const count = Math.max(1, Math.floor((length + 3) / 16));
  const spaces = ' '.repeat(1 + length - (16 * count - 3));
  return [`0243${spaces}943 7190`, ...Array<string>(count - 1).fill('0243 943 7190')].join(' / ');
}

const SECTION_KEYS = Object.keys(NARRATIVE_NAMES) as SectionKey[];
const COMPARISONS: TableColumn[] = TABLE_COLUMNS.filter((c) => c.endsWith('_INTL'));

const cellOf = (value: string) => ({ value, numberFormat: 'General' });
const slot = (kind: string, name: string, limit: number, minLength: number, make: Slot['make'], put: Slot['put'], quarter?: number): Slot =>
  ({ kind, name, limit, minLength, make, put, ...(quarter !== undefined ? { quarter } : {}) });

const SLOTS: Slot[] = [
  ...(['name', 'title', 'org'] as const).map((k) =>
    slot(`contact.${k}`, k, TEXT_LIMITS.contact[k], 12, (n) => textOf('Nguyễn Văn ', n), (d, t) => { d.contact[k] = cellOf(t); })),
  slot('contact.phone', 'phone', TEXT_LIMITS.contact.phone, 13, phoneOf, (d, t) => { d.contact.phone = cellOf(t); }),
  slot('contact.email', 'email', TEXT_LIMITS.contact.email, 12, (n) => `${'a'.repeat(n - 11)}@moh.gov.vn`,
    (d, t) => { d.contact.email = cellOf(t); }),
  ...SECTION_KEYS.map((k) =>
    slot('section', k, TEXT_LIMITS.section, 12, (n) => textOf('1. Nội dung ', n), (d, t) => { d.narrative[k] = cellOf(t); })),
  ...(['templateVersion', 'catalogueVersion'] as const).map((k) =>
    slot('version', k, TEXT_LIMITS.version, 11, (n) => textOf('phuluc01-1 ', n), (d, t) => { d[k] = cellOf(t); })),
  ...rowIds.flatMap((row): Slot[] => [
    ...COMPARISONS.map((c) => slot('comparison', tableCellName(row, c), TEXT_LIMITS.comparison, 26,
      (n) => textOf('Thái Lan 20% (ITU, 2022) ', n), (d, t) => { d.table[row]![c] = cellOf(t); })),
    slot('source', rowSourceName(row), TEXT_LIMITS.rowSource, 19, (n) => textOf('Tổng cục Thống kê ', n),
      (d, t) => { d.sources[row] = cellOf(t); }),
    ...(['Q1', 'Q2', 'Q3', 'Q4'] as const).flatMap((c) => {
      const put: Slot['put'] = (d, t) => { d.table[row]![c] = cellOf(t); };
      return [
        slot('noData', tableCellName(row, c), TEXT_LIMITS.figure, 20, (n) => `${textOf('- (chưa điều tra ', n - 1)})`, put),
        slot('plan', tableCellName(row, c), TEXT_LIMITS.figure, 27, (n) => textOf('Theo Kế hoạch của Bộ Y tế ', n), put,
          Number(c.slice(1))),
      ];
    }),
  ]),
];

/** A length relative to the slot's bound (mostly just under, at or just over it) or a short one. */
type LengthSpec = { near: number } | { short: number };
const lengthSpec: fc.Arbitrary<LengthSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1, max: 1 }).map((near) => ({ near })) },
  { weight: 1, arbitrary: fc.integer({ min: -400, max: 400 }).map((near) => ({ near })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((short) => ({ short })) },
);
const KINDS = [...new Set(SLOTS.map((s) => s.kind))];
const anySlot = fc.constantFrom(...KINDS).chain((kind) => fc.constantFrom(...SLOTS.filter((s) => s.kind === kind)));
const lengthFor = (spec: LengthSpec, limit: number, minLength: number) =>
  Math.max(minLength, 'near' in spec ? limit + spec.near : spec.short);

/** Characters the payload refuses somewhere (issue 11, item 9), and line breaks a one-line text refuses. */
const POISONS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u202E', '\u2067', '\uD800', '\uDFFF', '\n', '\t', '\r'];
/** Where a poison may go without another rule's error standing in the way (a phone or e-mail with one is not a phone or e-mail). */
const POISONABLE = new Set(['contact.name', 'contact.title', 'contact.org', 'section', 'version', 'comparison', 'source']);
const poison = fc.option(fc.record({ char: fc.constantFrom(...POISONS), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined });

const edit = fc.record({ slot: anySlot, length: lengthSpec, padded: fc.boolean(), poison });
const justification = fc.record({ flag: fc.nat(), length: lengthSpec, padded: fc.boolean() });

describe('validateReturn reports an error exactly when buildPayload refuses the return', () => {
  it('for long texts of every kind, in every text cell, near and over each bound', () => {
    const seen = { built: 0, refused: 0, justificationTooLong: 0, notCarried: 0, poisoned: 0, badCharacter: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        fc.array(justification, { maxLength: 3 }),
        (quarter, edits, justifications) => {
          const data = clean(quarter).build();
          for (const { slot, length, padded, poison: p } of edits) {
            if (slot.quarter !== undefined && slot.quarter > quarter) continue;
            let text = slot.make(lengthFor(length, slot.limit, slot.minLength));
            if (p && POISONABLE.has(slot.kind)) {
              const at = Math.floor(p.at * text.length);
              text = text.slice(0, at) + p.char + text.slice(at);
              seen.poisoned++;
            }
            // The payload trims a cell's text: spaces around it never count.
            slot.put(data, padded ? `  ${text}\n ` : text);
          }
          const first = check(data, { quarter });
          for (const j of first.flags.length > 0 ? justifications : []) {
            const key = first.flags[j.flag % first.flags.length]!.key;
            const n = lengthFor(j.length, TEXT_LIMITS.justification, 3);
            // A justification is sent as written: its spaces count.
            data.justifications[key] = j.padded ? ` ${'y'.repeat(n - 2)} ` : 'y'.repeat(n);
          }

          const r = check(data, { quarter });
          const built = build(data, r, quarter);
          expect({ errors: r.counts.error > 0, refused: !built.ok }).toEqual({ errors: !built.ok, refused: !built.ok });
          expect(r.flags.filter((f) => f.severity === 'error').map((f) => f.rule).filter((rule) => !rule.startsWith('text.'))).toEqual([]);
          if (built.ok) {
            // The endpoint runs the same rules on the payload, and accepts it too.
            expect(acceptance(checkPayload(built.payload, { catalogue, units })).errors).toEqual([]);
            seen.built++;
            if (edits.some((e) => lengthFor(e.length, e.slot.limit, e.slot.minLength) > e.slot.limit)) seen.notCarried++;
          } else {
            expect(built.error).toBeInstanceOf(PayloadError);
            seen.refused++;
          }
          if (flagsOf(r, 'text.justificationTooLong').length > 0) seen.justificationTooLong++;
          if (flagsOf(r, 'text.badCharacter').length > 0) seen.badCharacter++;
        },
      ),
      { numRuns: 150 },
    );
    // Both sides of the equivalence, and the texts the payload leaves out, were reached.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  });
});

describe('characters the payload refuses (issue 11, item 9)', () => {
  it('a control character, a text-direction control or half a surrogate pair is an error at its cell, as buildPayload refuses it', () => {
    const cases: [string, (b: ReturnBuilder) => ReturnBuilder, string, string][] = [
      ['NUL in a section', (b) => b.section('trend', '1. Tăng\u0000 đều.'), NARRATIVE_NAMES.trend, 'U+0000'],
      ['an override in the name', (b) => b.contact({ name: 'Nguyễn\u202EVăn A' }), 'CT_CONTACT_NAME', 'U+202E'],
      ['a line break in the title', (b) => b.contact({ title: 'Chuyên\nviên' }), 'CT_CONTACT_TITLE', 'U+000A'],
      ['half a pair in a comparison', (b) => b.cell('2.8', 'Q1_INTL', 'Thái Lan 20% (ITU, 2022)\uD83D'), tableCellName('2.8', 'Q1_INTL'), 'U+D83D'],
    ];
    for (const [name, spoil, cellName, codePoint] of cases) {
      const data = spoil(clean(1)).build();
      const r = check(data, { quarter: 1 });
      const flag = flagAt(r, 'text.badCharacter', cellName);
      expect([name, flag?.severity, r.counts.error]).toEqual([name, 'error', 1]);
      expect(flag!.message.en).toContain(codePoint);
      expect(flag!.message.vi).toContain(codePoint);
      expect(build(data, r, 1).ok).toBe(false);
    }
    // Line breaks and tabs are text in a section, an emoji is a pair: both sent.
    const fine = clean(1).section('trend', '1. Tăng đều.\n\t2. Ổn định 😀.').build();
    const ok = check(fine, { quarter: 1 });
    expect(flagsOf(ok, 'text.badCharacter')).toEqual([]);
    expect(build(fine, ok, 1).ok).toBe(true);
  });

  it('a justification with one is an error at its flag’s cell', () => {
    const first = check(clean(1).build(), { quarter: 1 });
    const justified = first.flags[0]!;
    const data = clean(1).justify(justified.key, 'Đã\u0000 kiểm tra.').build();
    const r = check(data, { quarter: 1 });
    expect(flagAt(r, 'text.badCharacter', justified.cellName!)?.message.en).toContain('The justification');
    expect(build(data, r, 1).ok).toBe(false);
  });

  it('the schema’s patterns (the OpenAPI document’s) and the validator’s search agree on every string', () => {
    const chars = fc.constantFrom('a', 'ễ', ' ', '\u0000', '\u0009', '\u000A', '\u000B', '\u000D', '\u001F', '\u007F', '\u0085', '\u009F',
      '\u00A0', '\u202A', '\u202E', '\u2066', '\u2069', '\uD83D', '\uDE00', '\uFFFD');
    const line = new RegExp(LINE_TEXT_PATTERN);
    const multiline = new RegExp(MULTILINE_TEXT_PATTERN);
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }).map((c) => c.join('')), (text) => {
        expect([text, line.test(text)]).toEqual([text, badCharacter(text, 'line') === null]);
        expect([text, multiline.test(text)]).toEqual([text, badCharacter(text, 'multiline') === null]);
      }),
      { numRuns: 2000 },
    );
  });
});
