import { loadCatalogue } from '../../../src/catalogue/load';
import { rowLabel, withRowLabels } from '../../../src/layout/rowLabel';

const catalogue = loadCatalogue();

describe('a row named as the sheet names it', () => {
  it('the STT, with a comma in Vietnamese; a sector line by its words', () => {
    expect(rowLabel(catalogue, '2.8', 'vi')).toBe('2,8');
    expect(rowLabel(catalogue, '2.8', 'en')).toBe('2.8');
    expect(rowLabel(catalogue, '1.2.OTHER', 'vi')).toBe('1,2 – Các ngành, lĩnh vực khác');
    expect(rowLabel(catalogue, '1.2.ICT', 'en')).toBe('1.2 – ICT sector');
    expect(rowLabel(catalogue, '9.9', 'vi')).toBe('9.9');
  });

  it('in a flag’s text: the leading id, or the list of one rule', () => {
    const flag = (indicator: string | null, rule = 'figure.notANumber') => ({ rule, indicator });
    expect(withRowLabels(catalogue, flag('1.2.OTHER'), '1.2.OTHER, Quý I: không phải số liệu — “abc”.', 'vi')).toBe(
      '1,2 – Các ngành, lĩnh vực khác, Quý I: không phải số liệu — “abc”.',
    );
    expect(withRowLabels(catalogue, flag('2.8'), '2.8 (Tỷ lệ): chưa có số liệu Quý I.', 'vi')).toBe('2,8 (Tỷ lệ): chưa có số liệu Quý I.');
    // A figure that happens to start like an id is left alone.
    expect(withRowLabels(catalogue, flag('2.8'), '2.85% is high', 'en')).toBe('2.85% is high');
    expect(withRowLabels(catalogue, flag(null, 'dynamic.noRemedy'), 'số liệu của chỉ tiêu 1.1, 1.5 có xu hướng không đạt', 'vi')).toBe(
      'số liệu của chỉ tiêu 1,1; 1,5 có xu hướng không đạt',
    );
  });
});

describe('a cell named as a person points at it', () => {
  it('row and column in the sheet’s words; headers by their label', async () => {
    const { cellLabel, rowIdOfCell } = await import('../../../src/layout/rowLabel');
    expect(cellLabel(catalogue, 'CT_2_8_Q2', 'vi')).toBe('2,8 · Quý II');
    expect(cellLabel(catalogue, 'CT_1_2_OTHER_Q1_INTL', 'vi')).toBe('1,2 – Các ngành, lĩnh vực khác · Quý I, so sánh quốc tế');
    expect(cellLabel(catalogue, 'CT_2_8_TY_INTL', 'en')).toBe('2.8 · the year’s target, international comparison');
    expect(cellLabel(catalogue, 'CT_2_11_SOURCE', 'en')).toBe('2.11 · source');
    expect(cellLabel(catalogue, 'CT_CONTACT_EMAIL', 'vi')).toBe('Đầu mối: e-mail');
    expect(cellLabel(catalogue, 'CT_SOMETHING', 'vi')).toBe('CT_SOMETHING');
    expect(rowIdOfCell('CT_1_2_OTHER_Q3')).toBe('1.2.OTHER');
    expect(rowIdOfCell('CT_2_10_SOURCE')).toBe('2.10');
    expect(rowIdOfCell('CT_PROPOSALS')).toBeNull();
  });
});

it('a change between versions, placed in the sheet’s words', async () => {
  const { changePlace } = await import('../../../src/layout/rowLabel');
  expect(changePlace(catalogue, '2.8 Q2', 'vi')).toBe('2,8 · Quý II');
  expect(changePlace(catalogue, '1.2.OTHER Q1_INTL', 'en')).toBe('1.2 – Other sectors · Q1, international comparison');
  expect(changePlace(catalogue, 'focalPoint.email', 'vi')).toBe('Đầu mối: e-mail');
  expect(changePlace(catalogue, 'sections.trend', 'en')).toBe('Section III');
  expect(changePlace(catalogue, 'figure.jump:CT_2_8_Q2', 'vi')).toBe('Giải trình (2,8 · Quý II)');
  expect(changePlace(catalogue, 'something else', 'vi')).toBe('something else');
});
