import { flowReducer, initialFlow, type CreateFlow } from '../../../src/taskpane/createFlow';
import type { CreateReturnRequest, ExistingReturn } from '../../../src/workbook/port';

const request: CreateReturnRequest = { unitId: 'bo-y-te', year: 2023, lang: 'vi', replace: false };
const existing: ExistingReturn = {
  sheetName: 'Phụ lục 01',
  unitId: 'bo-y-te',
  unitName: 'Bộ Y tế',
  year: 2023,
  templateVersion: 'phuluc01-1',
  catalogueVersion: 'x',
  filledInputs: 3,
};

const run = (...events: Parameters<typeof flowReducer>[1][]): CreateFlow => events.reduce(flowReducer, initialFlow);

describe('create-return flow', () => {
  it('goes idle → working → created, keeping the backup sheet name', () => {
    expect(run({ type: 'start', request }, { type: 'answered', result: { status: 'created', sheetName: 'Phụ lục 01', backupSheetName: 'Phụ lục 01 (cũ)' } })).toEqual({
      phase: 'created',
      sheetName: 'Phụ lục 01',
      backupSheetName: 'Phụ lục 01 (cũ)',
    });
  });

  it('asks before replacing and remembers the request', () => {
    const state = run({ type: 'start', request }, { type: 'answered', result: { status: 'exists', existing } });
    expect(state).toEqual({ phase: 'confirm', request, existing });
    expect(flowReducer(state, { type: 'cancel' })).toEqual({ phase: 'cancelled' });
    expect(flowReducer(state, { type: 'start', request: { ...request, replace: true } }).phase).toBe('working');
  });

  it('ignores a second start while working, and a dismiss while asking', () => {
    const working = run({ type: 'start', request });
    expect(flowReducer(working, { type: 'start', request: { ...request, year: 2024 } })).toBe(working);
    const asking = flowReducer(working, { type: 'answered', result: { status: 'exists', existing } });
    expect(flowReducer(asking, { type: 'dismiss' })).toBe(asking);
  });

  it('keeps the error for display and clears it on dismiss', () => {
    const error = new Error('boom');
    const failed = run({ type: 'start', request }, { type: 'failed', error });
    expect(failed).toEqual({ phase: 'failed', error });
    expect(flowReducer(failed, { type: 'dismiss' })).toEqual(initialFlow);
  });

  it('drops answers that arrive when nothing is running', () => {
    expect(run({ type: 'answered', result: { status: 'created', sheetName: 'x' } })).toEqual(initialFlow);
    expect(run({ type: 'failed', error: 1 })).toEqual(initialFlow);
  });
});
