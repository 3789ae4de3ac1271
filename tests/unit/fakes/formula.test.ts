import { createFakeExcel } from '../../fakes/fakeExcel';

describe('the fake host evaluates the formulas the product writes', () => {
  it('shows a HYPERLINK by its friendly name, or by its location when it has none', () => {
    const host = createFakeExcel();
    expect(host.evaluate('Sheet1', `=HYPERLINK("#'Phụ lục 01'!E30","E30")`)).toMatchObject({ value: 'E30', isError: false });
    expect(host.evaluate('Sheet1', `=HYPERLINK("#Sheet1!A1")`)).toMatchObject({ value: '#Sheet1!A1', isError: false });
  });

  it('still answers #NAME? for a function it does not know, as Excel does for a misspelt one', () => {
    const host = createFakeExcel();
    expect(host.evaluate('Sheet1', '=HYPERLNK("#A1")')).toMatchObject({ isError: true, value: '#NAME?' });
  });
});
