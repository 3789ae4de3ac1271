/**
 * Five tabs do not fit a 320–350 px pane (issue 12, item 12): the pane shows the tabs of the
 * person's role — reporting unit, reviewer, aggregating department — chosen once and kept.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { availableRoles, loadRole, ROLE_KEY, saveRole, tabsOfRole, type PaneTab, type Role } from '../../../src/taskpane/role';
import { inMemoryConnection } from '../../../src/taskpane/submit/connection';
import { TaskPane } from '../../../src/taskpane/TaskPane';
import type { ReturnSubmitter } from '../../../src/workbook/port';

const ALL = new Set<PaneTab>(['create', 'check', 'submit', 'review', 'aggregate']);
const never = <T,>() => new Promise<T>(() => undefined);
const submitter: ReturnSubmitter = { review: never, prepare: never, send: never, pending: never, exportForEmail: never };

function tabsShown(role?: Role): string[] {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial="vi">
        <TaskPane
          workbook={{} as never}
          checker={{} as never}
          catalogue={loadCatalogue()}
          units={loadUnits()}
          submitter={submitter}
          connection={inMemoryConnection()}
          reviewConnection={inMemoryConnection()}
          summaryWriter={{} as never}
          aggregateConnection={inMemoryConnection()}
          {...(role ? { initialRole: role } : {})}
        />
      </LanguageProvider>
    </FluentProvider>,
  );
  return [...html.matchAll(/role="tab"[^>]*id="tab-(\w+)"/g)].map((m) => m[1]!);
}

describe('the tabs of a role', () => {
  it('a reporting unit by default: Tạo biểu, Kiểm tra, Gửi; a reviewer: Duyệt; the department: Tổng hợp', () => {
    expect(tabsShown()).toEqual(['create', 'check', 'submit']);
    expect(tabsShown('reviewer')).toEqual(['review']);
    expect(tabsShown('aggregator')).toEqual(['aggregate']);
  });

  it('only roles whose tabs exist are offered; at most three tabs at a time', () => {
    expect(availableRoles(ALL)).toEqual(['reporter', 'reviewer', 'aggregator']);
    expect(availableRoles(new Set<PaneTab>(['create', 'check']))).toEqual(['reporter']);
    for (const role of availableRoles(ALL)) expect(tabsOfRole(role, ALL).length).toBeLessThanOrEqual(3);
  });

  it('the choice is kept on this computer; anything else stored is ignored', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadRole(storage)).toBeNull();
    saveRole('reviewer', storage);
    expect(store.get(ROLE_KEY)).toBe('reviewer');
    expect(loadRole(storage)).toBe('reviewer');
    store.set(ROLE_KEY, 'admin');
    expect(loadRole(storage)).toBeNull();
  });
});
