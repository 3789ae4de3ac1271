import { STRINGS, translate, type StringKey } from '../../../src/taskpane/i18n/strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('task pane strings', () => {
  const keys = Object.keys(STRINGS) as StringKey[];

  it.each(keys)('%s has a Vietnamese and an English text', (key) => {
    const entry = STRINGS[key] as Record<string, string>;
    expect(Object.keys(entry).sort()).toEqual(['en', 'vi']);
    expect(entry.vi.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
  });

  it.each(keys)('%s uses the same placeholders in both languages', (key) => {
    expect(placeholders(STRINGS[key].vi)).toEqual(placeholders(STRINGS[key].en));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('successSheet', 'vi', { sheet: 'Phụ lục 01' })).toBe('Biểu nằm trên trang “Phụ lục 01”.');
    expect(translate('successSheet', 'en', {})).toBe('It is on sheet “{sheet}”.');
  });
});
