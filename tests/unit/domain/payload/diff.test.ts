import fc from 'fast-check';
import { Change } from '../../../../src/domain/payload/api';
import { diffPayloads, type SubmissionPayload } from '../../../../src/domain/payload';
import { anyPayload, samplePayload } from './arbitraries';

const figure = (p: SubmissionPayload, row: string, quarter: number) => p.figures.find((f) => f.row === row && f.quarter === quarter)!;

describe('diffPayloads', () => {
  it('lists nothing for the same return', () => {
    expect(diffPayloads(samplePayload(), samplePayload())).toEqual([]);
  });

  it('shows figures as a reviewer reads them: percent, provisional, typed text, "—"', () => {
    const before = samplePayload();
    const after = samplePayload();
    Object.assign(figure(after, '2.8', 2), { value: 16.2, typed: '16,2%', provisional: false });
    Object.assign(figure(after, '2.9', 1), { value: 12, typed: '12%', status: 'number' });
    Object.assign(figure(after, '1.2.ICT', 1), { typed: '- (chưa công bố)', noDataReason: 'chưa công bố' });
    Object.assign(figure(after, '1.2.ICT', 2), { value: 6.5, typed: 'khoảng 6,5%' });
    expect(diffPayloads(before, after)).toEqual([
      { kind: 'figure', path: '1.2.ICT Q1', before: '- (chưa điều tra)', after: '- (chưa công bố)' },
      { kind: 'figure', path: '1.2.ICT Q2', before: 'khoảng 6%', after: 'khoảng 6,5%' },
      { kind: 'figure', path: '2.8 Q2', before: '15,5% (ước)', after: '16,2%' },
      { kind: 'figure', path: '2.9 Q1', before: '—', after: '12%' },
    ]);
  });

  it('adds the typed text, then the raw value, when the short forms look the same', () => {
    const before = samplePayload();
    const after = samplePayload();
    figure(after, '2.8', 1).typed = '0.1496';
    const typedOnly = diffPayloads(before, after);
    expect(typedOnly).toEqual([{ kind: 'figure', path: '2.8 Q1', before: '14,96% [14,96%]', after: '14,96% [0.1496]' }]);

    const tiny = samplePayload();
    figure(tiny, '2.8', 1).value = 14.9600000001;
    const [c] = diffPayloads(before, tiny);
    expect(c!.before).not.toEqual(c!.after);
    expect(c!.after).toContain('14.9600000001');
  });

  it('lists a figure the other version does not carry with null on that side', () => {
    const before = samplePayload();
    const after = samplePayload();
    after.figures = after.figures.filter((f) => !(f.row === '2.9' && f.quarter === 2));
    expect(diffPayloads(before, after)).toEqual([{ kind: 'figure', path: '2.9 Q2', before: 'Theo Kế hoạch của Bộ Y tế', after: null }]);
  });

  it('covers comparisons, target comparisons, sources, focal point, sections and justifications, in the sheet’s order', () => {
    const before = samplePayload();
    const after = samplePayload();
    figure(after, '2.8', 1).comparison = null;
    figure(after, '2.8', 2).comparison = 'Singapore 30% (2023)';
    after.targetComparisons['2.8'] = { TY_INTL: 'OECD 36% (2024)', T2025_INTL: 'EU 40% (DESI 2024)' };
    after.rowSources['2.8'] = 'Cục Thống kê';
    delete after.rowSources['1.2.ICT'];
    after.rowSources['2.9'] = 'Bộ Y tế';
    after.focalPoint.email = 'a@moh.gov.vn';
    after.sections.international = 'Cao hơn Thái Lan.';
    after.sections.proposals = '';
    after.justifications = { 'intl.missing:CT_2_8_Q2': 'Chưa có', 'target.behindPath:CT_2_8_Q2': 'Đang triển khai, sẽ đạt.' };
    const changes = diffPayloads(before, after);
    expect(changes).toEqual([
      { kind: 'source', path: '1.2.ICT SOURCE', before: 'Bộ TT&TT', after: null },
      { kind: 'comparison', path: '2.8 Q1_INTL', before: 'Thái Lan 20% (ITU, 2022)', after: null },
      { kind: 'comparison', path: '2.8 Q2_INTL', before: null, after: 'Singapore 30% (2023)' },
      { kind: 'targetComparison', path: '2.8 TY_INTL', before: 'OECD 35% (2023)', after: 'OECD 36% (2024)' },
      { kind: 'targetComparison', path: '2.8 T2025_INTL', before: null, after: 'EU 40% (DESI 2024)' },
      { kind: 'source', path: '2.8 SOURCE', before: 'Cục Thống kê\nsố liệu tạm ước tính', after: 'Cục Thống kê' },
      { kind: 'source', path: '2.9 SOURCE', before: null, after: 'Bộ Y tế' },
      { kind: 'focalPoint', path: 'focalPoint.email', before: 'nva@moh.gov.vn', after: 'a@moh.gov.vn' },
      { kind: 'section', path: 'sections.international', before: null, after: 'Cao hơn Thái Lan.' },
      { kind: 'section', path: 'sections.proposals', before: 'Không.', after: null },
      { kind: 'justification', path: 'intl.missing:CT_2_8_Q2', before: null, after: 'Chưa có' },
      { kind: 'justification', path: 'target.behindPath:CT_2_8_Q2', before: 'Đang triển khai.', after: 'Đang triển khai, sẽ đạt.' },
    ]);
    for (const c of changes) expect(Change.parse(c)).toEqual(c);
    expect(diffPayloads(after, before).map((c) => [c.path, c.before, c.after])).toEqual(changes.map((c) => [c.path, c.after, c.before]));
  });

  it('a justification removed, and one stored under an Object.prototype name', () => {
    const before = samplePayload();
    const after = samplePayload();
    after.justifications = { constructor: 'x' };
    expect(diffPayloads(before, after)).toEqual([
      { kind: 'justification', path: 'constructor', before: null, after: 'x' },
      { kind: 'justification', path: 'target.behindPath:CT_2_8_Q2', before: 'Đang triển khai.', after: null },
    ]);
  });
});

describe('diffPayloads: properties', () => {
  it('diff(p, p) is empty, also for a copy through JSON', () => {
    fc.assert(
      fc.property(anyPayload, (p) => {
        expect(diffPayloads(p, p)).toEqual([]);
        expect(diffPayloads(p, JSON.parse(JSON.stringify(p)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a changed figure is listed at its path, with different before and after, and every change is unique and valid', () => {
    fc.assert(
      fc.property(
        anyPayload,
        fc.nat(),
        fc.constantFrom('value', 'typed', 'provisional', 'status'),
        (p, pick, what) => {
          const after: SubmissionPayload = structuredClone(p);
          const f = after.figures[pick % after.figures.length]!;
          if (what === 'typed') f.typed += ' *';
          else if (what === 'provisional' || (what === 'value' && f.value === null)) f.provisional = !f.provisional;
          else if (what === 'value') f.value = f.value! < 50 ? f.value! + 0.001 : f.value! - 0.001;
          else if (f.status === 'empty') Object.assign(f, { status: 'deferred', typed: 'Theo kế hoạch' });
          else Object.assign(f, { status: 'empty', value: null, typed: '', noDataReason: undefined });
          const changes = diffPayloads(p, after);
          const c = changes.find((x) => x.path === `${f.row} Q${f.quarter}`);
          expect(c).toBeDefined();
          expect(c!.kind).toBe('figure');
          expect(c!.before).not.toEqual(c!.after);
          expect(new Set(changes.map((x) => x.path)).size).toBe(changes.length);
          for (const x of changes) Change.parse(x);
        },
      ),
      { numRuns: 300 },
    );
  });
});
