/**
 * Every control in the task pane has a name a screen reader can say, in the pane's language:
 * read from chromium's accessibility tree (playwright's aria snapshot, as JSON).
 */
import type { Locator } from 'playwright-core';
import { STRINGS } from '../../src/taskpane/i18n/strings';
import type { Lang } from '../../src/workbook/port';

const CONTROLS = new Set(['button', 'checkbox', 'combobox', 'textbox', 'searchbox', 'switch', 'tab', 'link', 'radio', 'slider', 'spinbutton', 'menuitem']);

/** Fluent's own labels, English whatever the page's language, when a product does not set them. */
const FLUENT_DEFAULTS = ['Open', 'Close', 'Clear selection', 'Dismiss', 'Show password', 'Hide password', 'Remove'];

interface AriaNode {
  role?: string;
  name?: string;
  children?: (AriaNode | string)[];
}

export interface NamedControl {
  role: string;
  name: string;
}

export async function controlsOf(scope: Locator): Promise<NamedControl[]> {
  const tree = (await scope.ariaSnapshotJSON()) as unknown as (AriaNode | string)[] | AriaNode;
  const out: NamedControl[] = [];
  const walk = (node: AriaNode | string) => {
    if (typeof node === 'string') return;
    if (node.role && CONTROLS.has(node.role)) out.push({ role: node.role, name: (node.name ?? '').trim() });
    for (const child of node.children ?? []) walk(child);
  };
  for (const node of Array.isArray(tree) ? tree : [tree]) walk(node);
  return out;
}

/**
 * Controls without a name, or named in the other language: the other language's text of one of
 * the pane's own strings, or one of Fluent's English defaults in the Vietnamese pane. The language
 * switch names itself in the language it switches to (it carries its own `lang`), so it is allowed.
 */
export function misnamed(controls: readonly NamedControl[], lang: Lang): string[] {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const texts = Object.values(STRINGS) as Record<Lang, string>[];
  const own = new Set<string>(texts.map((s) => s[lang]));
  const foreign = new Set<string>(texts.map((s) => s[other]).filter((text) => !own.has(text)));
  if (lang === 'vi') for (const d of FLUENT_DEFAULTS) foreign.add(d);
  const toggle = new Set<string>([STRINGS.switchLanguageLabel[lang], STRINGS.switchLanguage[lang]]);
  return controls
    .filter((c) => c.name === '' || (foreign.has(c.name) && !toggle.has(c.name)))
    .map((c) => `${c.role} “${c.name || '(no name)'}”`);
}
