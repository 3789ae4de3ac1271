/**
 * Pressing Gửi again with nothing changed (issue 12, item 5): no new version on the server (the
 * aggregator would see the old one as a skipped "Phiên bản cũ"); the pane says "Đã gửi, không có
 * gì thay đổi" with the receipt already held, as `chitieu submit` does for the same file.
 */
import { tableCellName } from '../../../src/domain/cellContract';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import { LAST_CONTENT_SETTING, PENDING_SETTING } from '../../../src/workbook/excel/submit/settings';
import { bundled, typeInto } from '../check/fixtures';
import { settle, setUp } from './submitFixtures';

describe('Gửi with nothing changed since the last receipt', () => {
  it('sends nothing and shows the receipt it has; a change is sent as the next version', async () => {
    const { host, net, controller, view } = await setUp();
    net.bringUp();
    await controller.submit();
    await settle(() => view().notice?.kind === 'accepted');
    expect(net.received).toHaveLength(1);
    expect(host.snapshot().settings[LAST_CONTENT_SETTING]).toMatchObject({ submissionId: net.received[0]!.submissionId });

    await controller.submit();
    expect(view().notice).toMatchObject({ kind: 'unchanged', receipt: { receiptNumber: 'CT-2025-Q1-bo-y-te-v1', version: 1 } });
    expect(net.received).toHaveLength(1);
    expect(host.snapshot().settings[PENDING_SETTING]).toBeUndefined();

    // The workbook closed and opened again: still nothing new to send.
    const reopened = await createExcelReturnSubmitter(host, { source: bundled }).prepare({ acknowledged: [...view().acknowledged] });
    expect(reopened).toMatchObject({ status: 'unchanged', syncs: 1 });

    typeInto(host, { [tableCellName('2.9', 'Q1')]: '47%' });
    await controller.submit();
    await settle(() => view().notice?.kind === 'accepted' && net.received.length === 2);
    expect(view().notice).toMatchObject({ kind: 'accepted', receipt: { version: 2 } });
  });
});
