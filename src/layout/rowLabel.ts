/**
 * A reporting row as the sheet names it: its STT ("2,8" in Vietnamese, where the sheet prints a
 * comma; "2.8" in English) and, for one of 1.2's sector lines, the line's own words
 * ("1,2 – Các ngành, lĩnh vực khác"), never the contract id ("1.2.OTHER"). Used wherever a person
 * reads a flag: the task pane, the Kiểm tra sheet and the command line's text output (JSON keeps
 * the ids).
 */
import type { Catalogue } from '../catalogue/schema';
import type { Lang } from '../workbook/port';

/** "2.8" → "2,8" (vi) as the STT column prints it. */
export const sttOf = (indicatorId: string, lang: Lang) => (lang === 'vi' ? indicatorId.replace('.', ',') : indicatorId);

const cache = new WeakMap<Catalogue, Map<string, Record<Lang, string>>>();

function labels(catalogue: Catalogue): Map<string, Record<Lang, string>> {
  let found = cache.get(catalogue);
  if (found) return found;
  found = new Map();
  for (const group of catalogue.groups) {
    for (const ind of group.indicators) {
      for (const row of ind.rows) {
        const own = (lang: Lang) => row.name[lang].replace(/^[-–]\s*/, '');
        const label = (lang: Lang) => (row.id === ind.id ? sttOf(ind.id, lang) : `${sttOf(ind.id, lang)} – ${own(lang)}`);
        found.set(row.id, { vi: label('vi'), en: label('en') });
      }
    }
  }
  cache.set(catalogue, found);
  return found;
}

/** The sheet's name for a row id; an id the catalogue does not know is shown as it is. */
export function rowLabel(catalogue: Catalogue, rowId: string, lang: Lang): string {
  return labels(catalogue).get(rowId)?.[lang] ?? rowId;
}

const ID_LIST = /\d+\.\d+(?:\.[A-Z]+)?(?:, \d+\.\d+(?:\.[A-Z]+)?)*/;

/**
 * A flag's message or suggestion with the row named as the sheet names it. The rules put the row
 * id first ("2.8, Quý II: …", "1.2.OTHER (…): …"); the one rule about several rows lists their ids
 * ("… chỉ tiêu 1.1, 1.5 …"), listed here with ";" since the Vietnamese numbers carry commas.
 */
export function withRowLabels(
  catalogue: Catalogue,
  flag: { rule: string; indicator: string | null },
  text: string,
  lang: Lang,
): string {
  const id = flag.indicator;
  if (id && text.startsWith(id) && /^(?:$|[\s,:(])/.test(text.slice(id.length))) {
    return rowLabel(catalogue, id, lang) + text.slice(id.length);
  }
  if (id === null && flag.rule === 'dynamic.noRemedy') {
    return text.replace(ID_LIST, (list) => list.split(', ').map((one) => rowLabel(catalogue, one, lang)).join('; '));
  }
  return text;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const COLUMN_WORDS: Record<string, Record<Lang, (year?: string) => string>> = {
  Q: { vi: (q) => `Quý ${ROMAN[Number(q) - 1]}`, en: (q) => `Q${q}` },
  INTL: { vi: () => 'so sánh quốc tế', en: () => 'international comparison' },
  TY: { vi: () => 'mục tiêu năm', en: () => 'the year’s target' },
  T2025: { vi: () => 'mục tiêu 2025', en: () => '2025 target' },
  SOURCE: { vi: () => 'nguồn số liệu', en: () => 'source' },
};

const HEADER_WORDS: Record<string, Record<Lang, string>> = {
  CT_UNIT_ID: { vi: 'Mã đơn vị', en: 'Unit id' },
  CT_UNIT_NAME: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  CT_YEAR: { vi: 'Năm báo cáo', en: 'Year' },
  CT_QUARTER: { vi: 'Quý báo cáo', en: 'Quarter' },
  CT_CONTACT_NAME: { vi: 'Đầu mối: họ và tên', en: 'Focal point: name' },
  CT_CONTACT_TITLE: { vi: 'Đầu mối: chức vụ', en: 'Focal point: position' },
  CT_CONTACT_ORG: { vi: 'Đầu mối: đơn vị công tác', en: 'Focal point: unit' },
  CT_CONTACT_PHONE: { vi: 'Đầu mối: số điện thoại', en: 'Focal point: phone' },
  CT_CONTACT_EMAIL: { vi: 'Đầu mối: e-mail', en: 'Focal point: e-mail' },
  CT_TREND: { vi: 'Mục III', en: 'Section III' },
  CT_INTL: { vi: 'Mục IV', en: 'Section IV' },
  CT_DIFFICULTIES: { vi: 'Mục V', en: 'Section V' },
  CT_PROPOSALS: { vi: 'Mục VI', en: 'Section VI' },
};

/**
 * A contract name as a person would point at the cell: "CT_2_8_Q2" → "2,8 · Quý II",
 * "CT_1_2_OTHER_Q1_INTL" → "1,2 – Các ngành, lĩnh vực khác · Quý I, so sánh quốc tế",
 * "CT_CONTACT_EMAIL" → "Đầu mối: e-mail". A name it does not know is shown as it is.
 */
export function cellLabel(catalogue: Catalogue, cellName: string, lang: Lang): string {
  const header = HEADER_WORDS[cellName];
  if (header) return header[lang];
  const m = /^CT_(\d+_\d+(?:_[A-Z]+)??)_(?:Q([1-4])(_INTL)?|(TY|T2025)(_INTL)?|(SOURCE))$/.exec(cellName);
  if (!m) return cellName;
  const row = rowLabel(catalogue, m[1]!.replace(/_/g, '.'), lang);
  const words = COLUMN_WORDS;
  const parts = m[2]
    ? [words.Q![lang](m[2]), ...(m[3] ? [words.INTL![lang]()] : [])]
    : m[4]
      ? [words[m[4]]![lang](), ...(m[5] ? [words.INTL![lang]()] : [])]
      : [words.SOURCE![lang]()];
  return `${row} · ${parts.join(', ')}`;
}

/** The row id a contract name belongs to ("CT_1_2_OTHER_Q1" → "1.2.OTHER"), or null for a header or section cell. */
export function rowIdOfCell(cellName: string | null): string | null {
  const m = cellName ? /^CT_(\d+_\d+(?:_[A-Z]+)??)_(?:(?:Q[1-4]|TY|T2025)(?:_INTL)?|SOURCE)$/.exec(cellName) : null;
  return m ? m[1]!.replace(/_/g, '.') : null;
}

const FOCAL_CELL: Record<string, string> = {
  name: 'CT_CONTACT_NAME',
  title: 'CT_CONTACT_TITLE',
  org: 'CT_CONTACT_ORG',
  phone: 'CT_CONTACT_PHONE',
  email: 'CT_CONTACT_EMAIL',
};
const SECTION_CELL: Record<string, string> = { trend: 'CT_TREND', international: 'CT_INTL', difficulties: 'CT_DIFFICULTIES', proposals: 'CT_PROPOSALS' };
const JUSTIFICATION: Record<Lang, string> = { vi: 'Giải trình', en: 'Justification' };

/**
 * Where a change between two versions is (the diff's path: "2.8 Q2", "2.8 TY_INTL",
 * "focalPoint.email", "sections.trend", a justification's flag key) in the sheet's words.
 */
export function changePlace(catalogue: Catalogue, path: string, lang: Lang): string {
  const cell = /^(\d+\.\d+(?:\.[A-Z]+)?) (\w+)$/.exec(path);
  if (cell) return cellLabel(catalogue, `CT_${cell[1]!.replace(/\./g, '_')}_${cell[2]}`, lang);
  const field = /^(focalPoint|sections)\.(\w+)$/.exec(path);
  const name = field ? (field[1] === 'focalPoint' ? FOCAL_CELL : SECTION_CELL)[field[2]!] : undefined;
  if (name) return cellLabel(catalogue, name, lang);
  const key = /^[\w.]+:(CT_\w+)$/.exec(path);
  if (key) return `${JUSTIFICATION[lang]} (${cellLabel(catalogue, key[1]!, lang)})`;
  return path;
}
