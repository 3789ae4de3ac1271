import { readNumberToken } from '../../../../src/domain/parse';

describe('reading a number token', () => {
  it.each([
    ['15', 15, false], ['14,96', 14.96, false], ['74.63', 74.63, false], ['1,5', 1.5, false], ['1.5', 1.5, false],
    ['1.234,5', 1234.5, false], ['1,234.5', 1234.5, false], ['1.234.567', 1234567, false], ['1,234,567.25', 1234567.25, false],
    ['1,234', 1.234, true], ['1.234', 1.234, true], ['100,000', 100, true], ['0,123', 0.123, false], ['1234,567', 1234.567, false],
    ['12,3456', 12.3456, false], [',5', 0.5, false], ['.5', 0.5, false], ['15,', 15, false], ['15.', 15, false], ['007', 7, false],
  ])('%s → %s (separator ambiguous: %s)', (token, value, ambiguous) => {
    expect(readNumberToken(token)).toEqual({ value, separatorAmbiguous: ambiguous });
  });

  it.each(['1.2.3', '1,23,4', '1.234,5,6', '12.34,567.8', '1,2.3', ',', '', 'abc', '1..2', '1,,2'])('%s is malformed', (token) => {
    expect(readNumberToken(token)).toBeNull();
  });
});
