/**
 * One line saying how a cell was read, for flag messages and the task pane, in Vietnamese
 * ("15,5%") or English ("15.5%"). A reporter who typed 0.85 must see that we took it as 85%.
 */
import type { Bound, Lang, ParsedFigure, ParsedInvalid, ParsedNumber } from './types';

/** A number the way each language writes it, without trailing zeros: 15.5 → "15,5" / "15.5". */
export function formatNumber(value: number, lang: Lang, maxDecimals = 6): string {
  if (!Number.isFinite(value)) return String(value);
  let s = value.toFixed(maxDecimals);
  if (s.includes('.') && !s.includes('e')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** 15.5 → "15,5%" (vi) / "15.5%" (en). */
export function formatPercent(percent: number, lang: Lang): string {
  return `${formatNumber(percent, lang)}%`;
}

export function formatPercentVi(percent: number): string {
  return formatPercent(percent, 'vi');
}

/** Quotes what a person typed, shortened: a message must stay one line. */
function quote(text: string, lang: Lang): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
  return lang === 'vi' ? `“${short}”` : `"${short}"`;
}

const BOUND_WORD: Record<Lang, Record<Bound, string>> = {
  vi: { above: 'trên ', atLeast: 'tối thiểu ', below: 'dưới ', atMost: 'tối đa ' },
  en: { above: 'above ', atLeast: 'at least ', below: 'below ', atMost: 'at most ' },
};

function howRead(p: ParsedNumber, lang: Lang): string {
  const vi = lang === 'vi';
  const n = (x: number) => formatNumber(x, lang);
  const stored = p.source === 'number' ? n(Number(p.text)) : quote(p.text, lang);
  switch (p.interpretedAs) {
    case 'percentFormattedFraction':
      return vi ? `ô định dạng phần trăm, giá trị lưu ${stored}` : `percent-formatted cell holding ${stored}`;
    case 'percentText':
      return vi ? `văn bản ${stored}` : `text ${stored}`;
    case 'percentNumber':
      return p.source === 'number'
        ? vi ? `số ${stored} trong ô không định dạng phần trăm được hiểu là phần trăm` : `the number ${stored}, in a cell not formatted as a percent, taken as a percent`
        : vi ? `văn bản ${stored} không có dấu %, được hiểu là phần trăm` : `text ${stored} without a % sign, taken as a percent`;
    case 'ambiguousFraction': {
      const asFraction = p.alternativePercent === undefined || p.percent > p.alternativePercent;
      const where = p.source === 'number'
        ? vi ? 'ô định dạng chung' : 'General cell'
        : vi ? `văn bản ${stored} không có dấu %` : `text ${stored} without a % sign`;
      const as = vi ? (asFraction ? 'phân số' : 'phần trăm') : asFraction ? 'a fraction' : 'a percent';
      const other = p.alternativePercent === undefined ? '' : vi
        ? `; cũng có thể là ${formatPercent(p.alternativePercent, lang)}`
        : `; it could also mean ${formatPercent(p.alternativePercent, lang)}`;
      return vi ? `${where}, giá trị ≤ 1 được hiểu là ${as}${other}` : `${where}, a value ≤ 1 taken as ${as}${other}`;
    }
  }
}

function describeNumber(p: ParsedNumber, lang: Lang): string {
  const vi = lang === 'vi';
  const qualifier = p.bound ? BOUND_WORD[lang][p.bound] : p.approximate ? (vi ? 'khoảng ' : 'about ') : '';
  const extras: string[] = [];
  if (p.provisional) extras.push(vi ? 'số liệu tạm ước tính' : 'provisional estimate');
  if (p.footnote) extras.push(vi ? `chú thích ${p.footnote}` : `footnote ${p.footnote}`);
  if (p.note) extras.push(vi ? `ghi chú: ${quote(p.note, lang)}` : `note: ${quote(p.note, lang)}`);
  if (p.separatorAmbiguous) {
    const sep = p.text.includes(',') ? ',' : '.';
    extras.push(vi ? `dấu “${sep}” được hiểu là dấu thập phân` : `"${sep}" taken as the decimal separator`);
  }
  const head = `${vi ? 'đọc là' : 'read as'} ${qualifier}${formatPercent(p.percent, lang)} (${howRead(p, lang)})`;
  return extras.length > 0 ? `${head}; ${extras.join('; ')}` : head;
}

function describeInvalid(p: ParsedInvalid, lang: Lang): string {
  const vi = lang === 'vi';
  const q = quote(p.text, lang);
  switch (p.reason) {
    case 'outOfRange': {
      if (p.percent === undefined) return vi ? `${q} nằm ngoài khoảng 0–100%` : `${q} is outside 0–100%`;
      const pct = formatPercent(p.percent, lang);
      const via = p.interpretedAs === 'percentFormattedFraction' ? (vi ? ' (ô định dạng phần trăm)' : ' (percent-formatted cell)') : '';
      if (p.percent < 0) return vi ? `${pct}${via} nhỏ hơn 0%` : `${pct}${via} is below 0%`;
      return vi ? `${pct}${via} lớn hơn 100%` : `${pct}${via} is above 100%`;
    }
    case 'multipleNumbers':
      return p.detail === 'range'
        ? vi ? `${q} là một khoảng giá trị: cần ghi một số` : `${q} is a range: give one figure`
        : vi ? `${q} có nhiều hơn một số: cần ghi một số` : `${q} holds more than one number: give one figure`;
    case 'unreadable':
      if (p.detail === 'uncalculated') {
        return vi
          ? 'ô có công thức nhưng chưa có giá trị đã tính (tệp do một chương trình ghi ra): hãy mở tệp trong Excel hoặc LibreOffice và lưu lại'
          : 'a formula without a calculated value (the file was written by a program): open and save it in Excel or LibreOffice';
      }
      return p.detail === 'date'
        ? vi ? `ô chứa ngày tháng ${q}, không phải tỷ lệ phần trăm` : `the cell holds a date ${q}, not a percentage`
        : vi ? 'không đọc được nội dung ô' : 'the cell content cannot be read';
    case 'notANumber':
      if (p.detail === 'boolean') return vi ? `${q} là giá trị logic, không phải số` : `${q} is a logical value, not a number`;
      if (p.detail === 'nonFinite') return vi ? `${q} không phải là một số hữu hạn` : `${q} is not a finite number`;
      if (p.detail === 'malformedNumber') return vi ? `${q} không phải là một số viết đúng` : `${q} is not a well-formed number`;
      return vi ? `không đọc được ${q} thành tỷ lệ phần trăm` : `${q} cannot be read as a percentage`;
  }
}

/** "đọc là 85% (ô định dạng chung, giá trị ≤ 1 được hiểu là phân số; cũng có thể là 0,85%)". */
export function describeParse(parsed: ParsedFigure, lang: Lang): string {
  const vi = lang === 'vi';
  switch (parsed.kind) {
    case 'number':
      return describeNumber(parsed, lang);
    case 'empty':
      return vi ? 'ô trống' : 'empty cell';
    case 'noData': {
      const head = vi ? `không có số liệu (${quote(parsed.marker, lang)})` : `no figure (${quote(parsed.marker, lang)})`;
      return parsed.reason ? `${head}: ${parsed.reason}` : head;
    }
    case 'deferred':
      return vi
        ? `không phải số liệu: ${quote(parsed.text, lang)} dẫn chiếu kế hoạch`
        : `not a figure: ${quote(parsed.text, lang)} refers to a plan`;
    case 'error':
      return vi ? `ô báo lỗi Excel ${parsed.excelError}` : `the cell shows the Excel error ${parsed.excelError}`;
    case 'invalid':
      return describeInvalid(parsed, lang);
  }
}
