import { lazyChecker } from '../../../src/taskpane/check/lazyChecker';
import { InMemoryChecker } from './inMemoryChecker';

describe('the checker loaded on first use', () => {
  it('loads once and passes every call through', async () => {
    const inner = new InMemoryChecker();
    const load = jest.fn(async () => inner);
    const checker = lazyChecker(load);
    expect(load).not.toHaveBeenCalled();
    await checker.checkReturn({ lang: 'en', quarter: 2 });
    await checker.selectCell('CT_2_8_Q1');
    await checker.saveJustification('intl.missing:CT_2_8_Q1_INTL', 'lý do');
    await checker.setProvisional('CT_2_8_Q1', true);
    await checker.saveAcknowledged(['figure.jump:CT_2_9_Q1']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(inner.calls.map((c) => [c.method, ...c.args])).toEqual([
      ['checkReturn', { lang: 'en', quarter: 2 }],
      ['selectCell', 'CT_2_8_Q1'],
      ['saveJustification', 'intl.missing:CT_2_8_Q1_INTL', 'lý do'],
      ['setProvisional', 'CT_2_8_Q1', true],
      ['saveAcknowledged', ['figure.jump:CT_2_9_Q1']],
    ]);
  });

  it('tries again after a failed load (the pane went offline for a moment)', async () => {
    const inner = new InMemoryChecker();
    const load = jest.fn().mockRejectedValueOnce(new Error('ChunkLoadError')).mockResolvedValue(inner);
    const checker = lazyChecker(load);
    await expect(checker.checkReturn()).rejects.toThrow('ChunkLoadError');
    await expect(checker.checkReturn()).resolves.toMatchObject({ status: 'checked' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
