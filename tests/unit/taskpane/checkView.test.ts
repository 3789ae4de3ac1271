import type { AssessmentStatus } from '../../../src/domain/flags';
import { countFlags, formatPercent, groupFlags, isFigureCell, shortAddress, STATUS_LABEL, submission } from '../../../src/taskpane/check/checkView';
import { translate } from '../../../src/taskpane/i18n/strings';
import { flag, result } from './inMemoryChecker';

const info = flag('figure.stillProvisional', 'info', 'CT_2_8_Q1');
const error1 = flag('figure.notANumber', 'error', 'CT_2_8_Q1');
const warning = flag('figure.jump', 'warning', 'CT_2_9_Q1', '2.9');
const error2 = flag('contact.missing', 'error', 'CT_CONTACT_NAME', null);

describe('grouping and counting flags', () => {
  it('groups by severity, errors first, keeping the validator order inside a group, dropping empty groups', () => {
    const groups = groupFlags([info, error1, warning, error2]);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[0]!.flags).toEqual([error1, error2]);
    expect(groupFlags([warning]).map((g) => g.severity)).toEqual(['warning']);
    expect(groupFlags([])).toEqual([]);
  });

  it('counts what is listed', () => {
    expect(countFlags([info, error1, warning, error2])).toEqual({ error: 2, warning: 1, info: 1 });
    expect(countFlags([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('whether the return can be sent', () => {
  const none = new Set<string>();

  it('errors block, whatever else', () => {
    expect(submission(result([error1, error2]), none)).toEqual({ canSubmit: false, errors: 2, openWarnings: 0 });
    expect(submission(result([error1, { ...warning, justification: 'nguồn: Tổng cục Thống kê' }]), none).canSubmit).toBe(false);
  });

  it('each warning must be justified or acknowledged; information never blocks', () => {
    expect(submission(result([warning, info]), none)).toEqual({ canSubmit: false, errors: 0, openWarnings: 1 });
    expect(submission(result([{ ...warning, justification: 'nguồn: Tổng cục Thống kê' }, info]), none).canSubmit).toBe(true);
    expect(submission(result([warning, info]), new Set([warning.key])).canSubmit).toBe(true);
    expect(submission(result([info]), none).canSubmit).toBe(true);
    expect(submission(result([]), none).canSubmit).toBe(true);
  });

  it('a blank justification is no justification', () => {
    expect(submission(result([{ ...warning, justification: '  ' }]), none).openWarnings).toBe(1);
  });
});

describe('labels and small formats', () => {
  it('names every outlook in both languages, as the plan words them', () => {
    const labels = (lang: 'vi' | 'en') => (['achieved', 'likely2024', 'likely2025', 'challenging'] as AssessmentStatus[]).map((s) => translate(STATUS_LABEL[s], lang));
    expect(labels('vi')).toEqual(['Hoàn thành', 'Có khả năng hoàn thành đến 2024', 'Có khả năng hoàn thành đến 2025', 'Thách thức']);
    expect(labels('en')).toEqual(['Achieved', 'Likely by 2024', 'Likely by 2025', 'Challenging']);
  });

  it('offers the provisional mark on quarter figures only', () => {
    expect(isFigureCell('CT_2_8_Q1')).toBe(true);
    expect(isFigureCell('CT_1_2_ICT_Q4')).toBe(true);
    expect(isFigureCell('CT_2_8_Q1_INTL')).toBe(false);
    expect(isFigureCell('CT_2_8_T2025')).toBe(false);
    expect(isFigureCell('CT_CONTACT_EMAIL')).toBe(false);
    expect(isFigureCell(null)).toBe(false);
  });

  it('shows a cell without its sheet', () => {
    expect(shortAddress("'Phụ lục 01'!E30")).toBe('E30');
    expect(shortAddress('Sheet1!$B$2')).toBe('B2');
    expect(shortAddress(null)).toBeNull();
  });

  it('writes percents the way each language does', () => {
    expect(formatPercent(15.5, 'vi')).toBe('15,5%');
    expect(formatPercent(15.5, 'en')).toBe('15.5%');
    expect(formatPercent(12.3456, 'vi')).toBe('12,35%');
    expect(formatPercent(80, 'en')).toBe('80%');
  });
});
