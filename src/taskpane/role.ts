/**
 * Whose work the pane is set up for (issue 12, item 12): five tabs do not fit a 320–350 px task
 * pane, and no one needs all five. A reporting unit sees Tạo biểu, Kiểm tra, Gửi; a reviewer
 * Duyệt; the aggregating department Tổng hợp. The choice is kept on this computer.
 */
export type Role = 'reporter' | 'reviewer' | 'aggregator';
export type PaneTab = 'create' | 'check' | 'submit' | 'review' | 'aggregate';

export const ROLE_KEY = 'chitieu.role';

const ROLE_TABS: Record<Role, readonly PaneTab[]> = {
  reporter: ['create', 'check', 'submit'],
  reviewer: ['review'],
  aggregator: ['aggregate'],
};

/** The roles this pane can serve: the reviewer's and aggregator's tabs exist only when configured. */
export function availableRoles(shown: ReadonlySet<PaneTab>): Role[] {
  return (['reporter', 'reviewer', 'aggregator'] as const).filter((role) => ROLE_TABS[role].some((tab) => shown.has(tab)));
}

export function tabsOfRole(role: Role, shown: ReadonlySet<PaneTab>): PaneTab[] {
  return ROLE_TABS[role].filter((tab) => shown.has(tab));
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const defaultStorage = (): Storage | null => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
};

export function loadRole(storage: Storage | null = defaultStorage()): Role | null {
  try {
    const value = storage?.getItem(ROLE_KEY);
    return value === 'reporter' || value === 'reviewer' || value === 'aggregator' ? value : null;
  } catch {
    return null;
  }
}

export function saveRole(role: Role, storage: Storage | null = defaultStorage()): void {
  try {
    storage?.setItem(ROLE_KEY, role);
  } catch {
    // kept for this session only
  }
}
