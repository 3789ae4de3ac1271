/**
 * The submission payload's bounds (domain/payload/limits.ts) as rules, each at the cell its text
 * comes from, so validate refuses what submit, merge and the server would refuse. Only what the
 * payload carries is measured: the figures and their comparisons up to the quarter checked, the
 * year's and the horizon's comparisons, the sources, the focal point, the sections, the header's
 * identifiers and the justifications of the flags shown.
 */
import { HEADER_NAMES, META_NAMES, NARRATIVE_NAMES, tableCellName, type TableColumn } from '../../cellContract';
import { badCharacter, TEXT_LIMITS, type BadCharacter, type TextKind } from '../../payload/limits';
import type { RawCell, ReturnData, SectionKey } from '../../returnData';
import { cellText, quoted } from '../cellText';
import { quarterLabel, tableCell, type CheckContext } from '../context';
import { atHeader, atSection, atSource, atTableCell, type Check, type Finding } from '../finding';
import { localizedCount, payloadTextLength } from '../payloadText';
import { RULES, fillTemplate, type Params } from '../rules';
import { CONTACT_FIELDS } from './contact';
import { comparisonPlace } from './international';

type Localized = { vi: string; en: string };

interface BoundedText {
  cell: RawCell | undefined;
  max: number;
  /** Which characters it may hold (limits.ts: badCharacter). */
  kind: TextKind;
  /** What the message calls the cell: made only for a text that is too long (every return's every text cell is measured). */
  field: () => Localized;
  at: (rule: 'text.tooLong' | 'text.badCharacter', params: Params) => Finding;
}

const VERSIONS = [
  [META_NAMES.templateVersion, (d: ReturnData) => d.templateVersion, { vi: 'phiên bản biểu mẫu', en: 'template version' }],
  [META_NAMES.catalogueVersion, (d: ReturnData) => d.catalogueVersion, { vi: 'phiên bản bộ chỉ tiêu', en: 'catalogue version' }],
] as const;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function headerTexts({ data }: CheckContext): BoundedText[] {
  return [
    {
      cell: data.unitId,
      max: TEXT_LIMITS.unitId,
      kind: 'line',
      field: () => ({ vi: 'Mã đơn vị', en: 'Unit id' }),
      at: (rule, p) => atHeader(rule, HEADER_NAMES.unitId, p),
    },
    ...CONTACT_FIELDS.map(([key, name, label]): BoundedText => ({
      cell: data.contact?.[key],
      max: TEXT_LIMITS.contact[key],
      kind: 'line',
      field: () => ({ vi: `Cán bộ đầu mối, ${label.vi}`, en: `Focal point, ${label.en}` }),
      at: (rule, p) => atHeader(rule, name, p),
    })),
    ...VERSIONS.map(([name, read, what]): BoundedText => ({
      cell: read(data),
      max: TEXT_LIMITS.version,
      kind: 'line',
      field: () => ({ vi: capitalised(what.vi), en: capitalised(what.en) }),
      at: (rule, p) => atHeader(rule, name, p),
    })),
  ];
}

function sectionTexts(ctx: CheckContext): BoundedText[] {
  return (Object.keys(NARRATIVE_NAMES) as SectionKey[]).map((key) => {
    const field = () => {
      const section = ctx.catalogue.sections.find((s) => s.key === key);
      return section ? { vi: `Mục ${section.numeral} (${section.title.vi})`, en: `Section ${section.numeral} (${section.title.en})` } : { vi: key, en: key };
    };
    return { cell: ctx.data.narrative?.[key], max: TEXT_LIMITS.section, kind: 'multiline', field, at: (rule, p) => atSection(rule, key, p) };
  });
}

/** The quarters' comparisons travel with their figures (up to the quarter checked); the year's and the horizon's always. */
function comparisonColumns(last: number): TableColumn[] {
  return [...(['Q1_INTL', 'Q2_INTL', 'Q3_INTL'] as const).filter((_, i) => i + 1 <= last), 'TY_INTL', 'T2025_INTL'];
}

function tableTexts(ctx: CheckContext): BoundedText[] {
  const last = ctx.quarter ?? 4;
  const named = (id: string, place: Localized) => ({ vi: `${id}, ${place.vi}`, en: `${id}, ${place.en}` });
  return ctx.rows.flatMap((view) => {
    const id = view.row.id;
    const figures = view.figures
      .filter((f) => f.quarter <= last)
      .map((f): BoundedText => ({
        cell: tableCell(ctx.data, id, f.column),
        max: TEXT_LIMITS.figure,
        kind: 'multiline',
        field: () => named(id, quarterLabel(ctx, f.quarter)),
        at: (rule, p) => atTableCell(rule, view, f.column, f.cellName, p),
      }));
    const comparisons = comparisonColumns(last).map((column): BoundedText => ({
      cell: tableCell(ctx.data, id, column),
      max: TEXT_LIMITS.comparison,
      kind: 'multiline',
      field: () => named(id, comparisonPlace(ctx, column)),
      at: (rule, p) => atTableCell(rule, view, column, tableCellName(id, column), p),
    }));
    const source: BoundedText = {
      cell: ctx.data.sources?.[id],
      max: TEXT_LIMITS.rowSource,
      kind: 'multiline',
      field: () => named(id, { vi: 'cột nguồn số liệu', en: 'the source column' }),
      at: (rule, p) => atSource(rule, view, p),
    };
    return [...figures, ...comparisons, source];
  });
}

const tooLongParams = (length: number, max: number) => ({ length: localizedCount(length), max: localizedCount(max) });

export const textTooLong: Check = (ctx) =>
  [...headerTexts(ctx), ...tableTexts(ctx), ...sectionTexts(ctx)].flatMap(({ cell, max, field, at }) => {
    const length = payloadTextLength(cell);
    return length > max ? [at('text.tooLong', { field: field(), ...tooLongParams(length, max) })] : [];
  });

export const versionMissing: Check = ({ data }) =>
  VERSIONS.filter(([, read]) => cellText(read(data)) === '').map(([name, , what]) => atHeader('meta.versionMissing', name, { what, name }));

/**
 * The justification the payload carries with each flag shown, as it was written (the payload does
 * not trim it). Two over-long justifications on one cell make one flag, one key per rule and
 * cell: the next check names the other.
 */
export const justificationTooLong: Check = ({ data }, flagged) => {
  const all: unknown = data.justifications;
  if (!all || typeof all !== 'object') return [];
  const max = TEXT_LIMITS.justification;
  return [...flagged].flatMap(([key, finding]): Finding[] => {
    if (!Object.prototype.hasOwnProperty.call(all, key)) return [];
    const text: unknown = (all as Record<string, unknown>)[key];
    if (typeof text !== 'string' || text.length <= max) return [];
    const message = (lang: 'vi' | 'en') => quoted(fillTemplate(RULES[finding.rule].message[lang], finding.params, lang))[lang];
    return [{
      rule: 'text.justificationTooLong',
      indicator: finding.indicator,
      column: finding.column,
      cellName: finding.cellName,
      params: { flag: { vi: message('vi'), en: message('en') }, ...tooLongParams(text.length, max) },
    }];
  });
};

const WHAT: Record<BadCharacter['what'], Localized> = {
  control: { vi: 'ký tự điều khiển', en: 'a control character' },
  bidi: { vi: 'ký tự đổi chiều văn bản', en: 'a text-direction control' },
  surrogate: { vi: 'nửa ký tự Unicode bị tách rời', en: 'half of a Unicode character (an unpaired surrogate)' },
};
const LINE_BREAK: Localized = { vi: 'dấu xuống dòng hoặc tab', en: 'a line break or tab' };

const badParams = (bad: BadCharacter) => ({
  what: /^U\+000[9AD]$/.test(bad.codePoint) ? LINE_BREAK : WHAT[bad.what],
  codePoint: bad.codePoint,
  position: localizedCount(bad.position),
});

/** The first character the payload cannot carry in a cell's text (its value and its displayed text, trimmed, as the payload takes either). */
function badInCell(cell: RawCell | undefined, kind: TextKind): BadCharacter | null {
  for (const text of [cell?.value, cell?.text]) {
    const bad = typeof text === 'string' ? badCharacter(text.trim(), kind) : null;
    if (bad) return bad;
  }
  return null;
}

/**
 * A character the payload refuses (limits.ts: badCharacter) in a text it carries: each cell's,
 * then the justification of each flag shown (at that flag's cell, one flag per cell). Runs after
 * every other rule, so it sees every flag a person can justify.
 */
export const textBadCharacter: Check = (ctx, flagged) => {
  const findings = new Map<string, Finding>();
  for (const { cell, kind, field, at } of [...headerTexts(ctx), ...tableTexts(ctx), ...sectionTexts(ctx)]) {
    const bad = badInCell(cell, kind);
    if (bad) {
      const finding = at('text.badCharacter', { field: field(), ...badParams(bad) });
      findings.set(finding.cellName ?? '-', finding);
    }
  }
  const all: unknown = ctx.data.justifications;
  if (all && typeof all === 'object') {
    for (const [key, finding] of flagged) {
      if (findings.has(finding.cellName ?? '-') || !Object.prototype.hasOwnProperty.call(all, key)) continue;
      const text: unknown = (all as Record<string, unknown>)[key];
      const bad = typeof text === 'string' ? badCharacter(text, 'multiline') : null;
      if (!bad) continue;
      const field = { vi: 'Giải trình', en: 'The justification' };
      findings.set(finding.cellName ?? '-', { rule: 'text.badCharacter', indicator: finding.indicator, column: finding.column, cellName: finding.cellName, params: { field, ...badParams(bad) } });
    }
  }
  return [...findings.values()];
};
