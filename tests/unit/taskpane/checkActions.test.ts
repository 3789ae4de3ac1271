import { UserFacingError } from '../../../src/workbook/port';
import { checkActions } from '../../../src/taskpane/check/checkActions';
import { checkReducer, initialCheck, type CheckEvent, type CheckState } from '../../../src/taskpane/check/checkState';
import { flag, InMemoryChecker } from './inMemoryChecker';

/** The actions against an in-memory checker, their events folded through the reducer as React would. */
function panel(checker = new InMemoryChecker()) {
  let state: CheckState = initialCheck;
  let live = true;
  const events: CheckEvent[] = [];
  const actions = checkActions(checker, (event) => {
    events.push(event);
    state = checkReducer(state, event);
  }, () => live);
  return {
    checker,
    actions,
    events,
    get state() {
      return state;
    },
    unmount: () => (live = false),
  };
}

const notANumber = flag('figure.notANumber', 'error', 'CT_2_8_Q1');
const jump = flag('figure.jump', 'warning', 'CT_2_9_Q1', '2.9');
const denied = new UserFacingError('excel-failed', { vi: 'Excel không thực hiện được yêu cầu', en: 'Excel could not carry out the request' });

describe('checking', () => {
  it('shows the result and learns the return’s own quarter', async () => {
    const p = panel();
    p.checker.flags = [notANumber, jump];
    p.checker.quarter = 2;
    await p.actions.check({ lang: 'vi' });
    expect(p.checker.called('checkReturn')).toEqual([[{ lang: 'vi' }]]);
    expect(p.state.checking).toBe(false);
    expect(p.state.shown).toMatchObject({ kind: 'checked', result: { flags: [notANumber, jump], quarter: 2 } });
    expect(p.state.returnQuarter).toBe(2);
  });

  it('passes an overriding quarter and the language, without taking the override for the return’s quarter', async () => {
    const p = panel();
    await p.actions.check({ lang: 'vi' });
    await p.actions.check({ lang: 'en', quarter: 3 });
    expect(p.checker.called('checkReturn')[1]).toEqual([{ lang: 'en', quarter: 3 }]);
    expect(p.state.shown).toMatchObject({ kind: 'checked', result: { quarter: 3 } });
    expect(p.state.returnQuarter).toBe(1);
  });

  it('shows an unreadable workbook’s message, and a failure as an error', async () => {
    const p = panel();
    p.checker.unreadable = { vi: 'Sổ tính không có biểu Phụ lục 01.', en: 'The workbook has no Appendix 01 return.' };
    await p.actions.check({ lang: 'vi' });
    expect(p.state.shown).toEqual({ kind: 'unreadable', message: p.checker.unreadable });
    p.checker.failNext = { method: 'checkReturn', error: denied };
    await p.actions.check({ lang: 'vi' });
    expect(p.state.shown).toEqual({ kind: 'failed', error: denied });
  });

  it('runs one check at a time and keeps the earlier result on screen meanwhile', async () => {
    const p = panel();
    p.checker.flags = [notANumber];
    await p.actions.check({ lang: 'vi' });
    let release!: () => void;
    p.checker.gate = new Promise((resolve) => (release = resolve));
    const first = p.actions.check({ lang: 'vi' });
    await p.actions.check({ lang: 'vi' });
    expect(p.checker.called('checkReturn')).toHaveLength(2);
    expect(p.state.checking).toBe(true);
    expect(p.state.shown.kind).toBe('checked');
    p.checker.flags = [];
    release();
    await first;
    expect(p.state.shown).toMatchObject({ kind: 'checked', result: { flags: [] } });
  });

  it('drops an answer arriving after the panel is gone', async () => {
    const p = panel();
    let release!: () => void;
    p.checker.gate = new Promise((resolve) => (release = resolve));
    const pending = p.actions.check({ lang: 'vi' });
    p.unmount();
    release();
    await pending;
    expect(p.events.map((e) => e.type)).toEqual(['start']);
  });
});

describe('acting on a flag', () => {
  it('selects the flag’s cell; a refusal is shown, not thrown', async () => {
    const p = panel();
    await p.actions.select('CT_2_8_Q1');
    expect(p.checker.called('selectCell')).toEqual([['CT_2_8_Q1']]);
    p.checker.failNext = { method: 'selectCell', error: denied };
    await p.actions.select('CT_2_8_Q1');
    expect(p.state.actionError).toBe(denied);
    expect(checkReducer(p.state, { type: 'dismissActionError' }).actionError).toBeNull();
  });

  it('saves a justification under the flag’s key, shows it at once, and the next check reads it back', async () => {
    const p = panel();
    p.checker.flags = [notANumber, jump];
    await p.actions.check({ lang: 'vi' });
    await expect(p.actions.justify(jump.key, '  Số liệu theo Tổng cục Thống kê.  ')).resolves.toBe(true);
    expect(p.checker.called('saveJustification')).toEqual([[jump.key, 'Số liệu theo Tổng cục Thống kê.']]);
    const shownFlag = () => (p.state.shown.kind === 'checked' ? p.state.shown.result.flags.find((f) => f.key === jump.key) : undefined);
    expect(shownFlag()?.justification).toBe('Số liệu theo Tổng cục Thống kê.');
    await p.actions.check({ lang: 'vi' });
    expect(shownFlag()?.justification).toBe('Số liệu theo Tổng cục Thống kê.');
  });

  it('a refused justification leaves the flag as it was and says why', async () => {
    const p = panel();
    p.checker.flags = [jump];
    await p.actions.check({ lang: 'vi' });
    p.checker.failNext = { method: 'saveJustification', error: denied };
    await expect(p.actions.justify(jump.key, 'lý do')).resolves.toBe(false);
    expect(p.state.actionError).toBe(denied);
    expect(p.state.shown).toMatchObject({ kind: 'checked', result: { flags: [jump] } });
  });

  it('marks a figure provisional, then checks again with the same options', async () => {
    const p = panel();
    await p.actions.check({ lang: 'en', quarter: 2 });
    await p.actions.setProvisional('CT_2_8_Q1', true);
    expect(p.checker.called('setProvisional')).toEqual([['CT_2_8_Q1', true]]);
    expect(p.state.provisional).toEqual({ CT_2_8_Q1: true });
    expect(p.checker.called('checkReturn')).toEqual([[{ lang: 'en', quarter: 2 }], [{ lang: 'en', quarter: 2 }]]);
  });

  it('a refused provisional mark does not re-check', async () => {
    const p = panel();
    await p.actions.check({ lang: 'vi' });
    p.checker.failNext = { method: 'setProvisional', error: denied };
    await p.actions.setProvisional('CT_2_8_Q1', true);
    expect(p.state.provisional).toEqual({});
    expect(p.checker.called('checkReturn')).toHaveLength(1);
  });
});

describe('acknowledging a warning', () => {
  const answered = (acknowledged: string[]): CheckEvent => ({
    type: 'answered',
    outcome: { status: 'checked', result: { flags: [jump], assessment: [], quarter: 1, counts: { error: 0, warning: 1, info: 0 } }, acknowledged, syncs: 2 },
    overridden: false,
  });

  it('each check takes the acknowledged set from the workbook, which is the one record', () => {
    let state = checkReducer(initialCheck, { type: 'acknowledge', key: jump.key, on: true });
    expect([...state.acknowledged]).toEqual([jump.key]);
    // Acknowledged in Gửi, or in an earlier session: the workbook holds it, so the pane shows it.
    state = checkReducer({ ...state, checking: true }, answered([jump.key, 'gone.rule:CT_1_1_Q1']));
    expect([...state.acknowledged]).toEqual([jump.key, 'gone.rule:CT_1_1_Q1']);
    // Withdrawn elsewhere: the next check drops it here too.
    state = checkReducer({ ...state, checking: true }, answered([]));
    expect(state.acknowledged.size).toBe(0);
    state = checkReducer(state, { type: 'acknowledge', key: jump.key, on: true });
    expect(checkReducer(state, { type: 'acknowledge', key: jump.key, on: false }).acknowledged.size).toBe(0);
  });

  it('a check shows what the workbook holds, and ticking or unticking saves the complete set there', async () => {
    const p = panel();
    p.checker.flags = [jump, notANumber];
    p.checker.acknowledged = ['earlier.rule:CT_1_1_Q1'];
    await p.actions.check({ lang: 'vi' });
    expect([...p.state.acknowledged]).toEqual(['earlier.rule:CT_1_1_Q1']);

    await p.actions.acknowledge(jump.key, true, p.state.acknowledged);
    expect([...p.state.acknowledged]).toEqual(['earlier.rule:CT_1_1_Q1', jump.key]);
    await p.actions.acknowledge('earlier.rule:CT_1_1_Q1', false, p.state.acknowledged);
    expect(p.checker.called('saveAcknowledged')).toEqual([[['earlier.rule:CT_1_1_Q1', jump.key]], [[jump.key]]]);
    expect(p.state.actionError).toBeNull();

    // A re-check (or the Gửi tab) reads back what was saved.
    await p.actions.check({ lang: 'vi' });
    expect([...p.state.acknowledged]).toEqual([jump.key]);
  });

  it('a refused save is undone on screen and the error shown', async () => {
    const p = panel();
    p.checker.flags = [jump];
    await p.actions.check({ lang: 'vi' });
    p.checker.failNext = { method: 'saveAcknowledged', error: denied };
    await p.actions.acknowledge(jump.key, true, p.state.acknowledged);
    expect(p.state.acknowledged.size).toBe(0);
    expect(p.state.actionError).toBe(denied);
    expect(p.checker.acknowledged).toEqual([]);
    // The next tick works, and clears the error.
    await p.actions.acknowledge(jump.key, true, p.state.acknowledged);
    expect([...p.state.acknowledged]).toEqual([jump.key]);
    expect(p.state.actionError).toBeNull();
    expect(p.checker.acknowledged).toEqual([jump.key]);
  });

  it('ignores answers when no check is running', () => {
    expect(checkReducer(initialCheck, { type: 'failed', error: denied })).toBe(initialCheck);
  });
});
