import type { Catalogue } from '../../../../src/catalogue/schema';
import { NARRATIVE_NAMES } from '../../../../src/domain/cellContract';
import { A_COMPARISON, aReturn, catalogue, cellOf, check, flagAt, flagsOf } from './builders';

describe('a figure’s international comparison', () => {
  it('Q1–Q3: the column beside the figure; empty is a warning naming the comparable series', () => {
    const r = check(aReturn('bo-y-te', 2023, 2).cell('2.8', 'Q1', 10).cell('2.8', 'Q1_INTL', A_COMPARISON).cell('2.8', 'Q2', 11).build());
    expect(flagsOf(r, 'intl.missing').filter((f) => f.indicator === '2.8').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q2_INTL')]);
    const f = flagAt(r, 'intl.missing', cellOf('2.8', 'Q2_INTL'))!;
    expect(f).toMatchObject({ severity: 'warning', indicator: '2.8', column: 'Q2_INTL' });
    expect(f.message.en).toBe(
      '2.8, Q2: a figure with no international comparison (the "International comparison" column beside Q2). ' +
        'Approximately comparable series: Individuals using online health services (ICT usage survey) (Eurostat).',
    );
  });

  it('a "-" is no comparison', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).cell('2.8', 'Q1', 10).cell('2.8', 'Q1_INTL', '–').build());
    expect(flagAt(r, 'intl.missing', cellOf('2.8', 'Q1_INTL'))).toBeDefined();
  });

  it('Q4 has no comparison column of its own: it is checked against catalogue.q4ComparisonColumn (TY_INTL), and says so', () => {
    expect(catalogue.q4ComparisonColumn).toBe('TY_INTL');
    const r = check(aReturn('ngan-hang-nha-nuoc', 2023, 4).cell('2.2', 'Q4', 80).cell('2.2', 'T2025_INTL', A_COMPARISON).build());
    const f = flagAt(r, 'intl.missing', cellOf('2.2', 'TY_INTL'))!;
    expect(f.column).toBe('TY_INTL');
    expect(f.message.en).toContain('the "International comparison" column after the 2023 target; Q4 has no comparison column of its own');
    expect(f.message.en).toContain('Comparable international series: Account ownership');
    expect(f.message.en).toContain('(World Bank (WDI / Global Findex), FX.OWN.TOTL.ZS)');
    expect(f.message.vi).toContain('Quý IV không có cột so sánh riêng');
    const filled = check(aReturn('ngan-hang-nha-nuoc', 2023, 4).cell('2.2', 'Q4', 80).cell('2.2', 'TY_INTL', A_COMPARISON).build());
    expect(flagsOf(filled, 'intl.missing').filter((x) => x.indicator === '2.2')).toEqual([]);
  });

  it('the message says when no series is known, or only a nearest one', () => {
    const none = check(aReturn('bo-giao-duc-va-dao-tao', 2023, 1).cell('2.10', 'Q1', 40).build());
    expect(flagAt(none, 'intl.missing', cellOf('2.10', 'Q1_INTL'))!.message.en).toMatch(/No comparable international series is known\.$/);
    const nearest = check(aReturn('bo-cong-thuong', 2023, 1).cell('1.3', 'Q1', 8).build());
    expect(flagAt(nearest, 'intl.missing', cellOf('1.3', 'Q1_INTL'))!.message.en).toContain('No comparable international series is known; the nearest: Quarterly retail e-commerce');
  });

  it('a comparison without a source, or without a year, is info', () => {
    const r = check(
      aReturn('bo-y-te', 2023, 3)
        .cell('2.8', 'Q1', 10).cell('2.8', 'Q1_INTL', 'Thái Lan 22% (2022)')
        .cell('2.8', 'Q2', 10).cell('2.8', 'Q2_INTL', 'Thái Lan 22% (ITU)')
        .cell('2.8', 'Q3', 10).cell('2.8', 'Q3_INTL', 'EU 25%')
        .build(),
    );
    expect(flagsOf(r, 'intl.noSource').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q1_INTL'), cellOf('2.8', 'Q3_INTL')]);
    expect(flagsOf(r, 'intl.noYear').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q2_INTL'), cellOf('2.8', 'Q3_INTL')]);
    expect(flagAt(r, 'intl.noSource', cellOf('2.8', 'Q1_INTL'))).toMatchObject({ severity: 'info', suggestion: { en: 'Name the publisher, e.g. Eurostat.' } });
    expect(flagAt(r, 'intl.noYear', cellOf('2.8', 'Q2_INTL'))!.message.vi).toBe('2.8, cột “So sánh quốc tế” cạnh Quý II: so sánh “Thái Lan 22% (ITU)” không nêu năm của số liệu.');
  });

  it.each([
    'Thái Lan 20% (ITU, 2022)', 'Ngân hàng Thế giới 2021: Thái Lan 96%', 'Nguồn: Global Findex 2021', 'OECD average 2022: 30%',
    'Malaysia 25% theo báo cáo e-Conomy SEA 2023', 'EU 56% (isoc_ciegi_ac, 2023)', 'Singapore 2022 – UNESCO UIS',
  ])('source and year found: %s', (comparison) => {
    const r = check(aReturn('bo-y-te', 2023, 1).cell('2.8', 'Q1', 10).cell('2.8', 'Q1_INTL', comparison).build());
    expect([...flagsOf(r, 'intl.noSource'), ...flagsOf(r, 'intl.noYear')]).toEqual([]);
  });

  it('"ITU" must be a word: "situation" names no source', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).cell('2.8', 'Q1', 10).cell('2.8', 'Q1_INTL', 'similar situation 2022').build());
    expect(flagsOf(r, 'intl.noSource')).toHaveLength(1);
  });
});

describe('sections', () => {
  it('section IV empty while figures are reported is a warning; without figures it is not', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).cell('2.8', 'Q1', 10).section('international', null).build());
    expect(flagAt(r, 'intl.sectionMissing', NARRATIVE_NAMES.international)).toMatchObject({ severity: 'warning', indicator: null });
    expect(flagsOf(check(aReturn('bo-y-te', 2023, 1).section('international', null).build()), 'intl.sectionMissing')).toEqual([]);
    expect(flagsOf(check(aReturn('bo-y-te', 2023, 1).cell('2.8', 'Q1', 10).build()), 'intl.sectionMissing')).toEqual([]);
  });

  it('Q2 requires sections III and VI (from the calendar): each empty one is an error', () => {
    const r = check(aReturn('bo-y-te', 2023, 2).section('trend', null).section('proposals', '  ').section('difficulties', null).build());
    expect(flagsOf(r, 'section.required').map((f) => f.cellName)).toEqual([NARRATIVE_NAMES.trend, NARRATIVE_NAMES.proposals]);
    expect(flagAt(r, 'section.required', NARRATIVE_NAMES.trend)!.message).toEqual({
      vi: 'Mục III (Đánh giá xu hướng) bắt buộc trong báo cáo Quý II nhưng còn trống.',
      en: 'Section III (Trend assessment) is required in the Q2 return but is empty.',
    });
    for (const q of [1, 3, 4]) expect(flagsOf(check(aReturn('bo-y-te', 2023, q).section('trend', null).section('proposals', null).build()), 'section.required')).toEqual([]);
  });

  it('the required sections are read from the catalogue, not hard-coded', () => {
    const cat: Catalogue = {
      ...catalogue,
      calendar: catalogue.calendar.map((c) => (c.quarter === 3 ? { ...c, requiredSections: ['difficulties', 'international'] } : c)),
    };
    const r = check(aReturn('bo-y-te', 2023, 3, cat).cell('2.8', 'Q3', 10).section('difficulties', null).section('international', null).build(), { cat });
    expect(flagsOf(r, 'section.required').map((f) => f.cellName)).toEqual([NARRATIVE_NAMES.international, NARRATIVE_NAMES.difficulties]);
    // One flag for an empty section IV: the required-section error says it already.
    expect(flagsOf(r, 'intl.sectionMissing')).toEqual([]);
  });
});
