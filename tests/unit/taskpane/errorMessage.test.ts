import { errorMessage } from '../../../src/taskpane/errorMessage';
import { UserFacingError } from '../../../src/workbook/port';

describe('errorMessage', () => {
  const userError = new UserFacingError('x', { vi: 'Thông báo tiếng Việt', en: 'English message' });

  it('shows a UserFacingError in the chosen language', () => {
    expect(errorMessage(userError, 'vi')).toBe('Thông báo tiếng Việt');
    expect(errorMessage(userError, 'en')).toBe('English message');
  });

  it('recognises the same shape from another copy of the class', () => {
    expect(errorMessage({ name: 'UserFacingError', messages: { vi: 'a', en: 'b' } }, 'en')).toBe('b');
  });

  it('wraps anything else in a generic sentence with its first line, never a stack', () => {
    const error = new Error('InvalidArgument: bad range\n    at foo (x.js:1:1)');
    const text = errorMessage(error, 'en');
    expect(text).toContain('Something unexpected went wrong');
    expect(text).toContain('InvalidArgument: bad range');
    expect(text).not.toContain('x.js');
    expect(errorMessage('plain', 'vi')).toContain('plain');
    expect(errorMessage(undefined, 'vi')).toContain('undefined');
  });
});
