/**
 * Driving the preview page as a person does, shared by the end-to-end tests: find where the
 * product put a named cell (read from the fake host through the page), type into it through the
 * grid's editor, and create a return from the Tạo biểu tab.
 */
import type { Locator, Page } from 'playwright-core';
import { label } from '../../src/layout/labels';
import type { FakeExcelHost } from '../fakes/fakeExcel';

export const RETURN_SHEET = label('sheetName', 'vi');

export function previewGrid(page: () => Page) {
  const cell = (address: string, sheet: string = RETURN_SHEET) => page().locator(`[data-grid-sheet="${sheet}"] td[data-address="${address}"]`);

  /** Where the product put a contract name, read from the fake workbook through the page. */
  const namedAddress = (name: string): Promise<string> =>
    page().evaluate((n) => (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost.snapshot().names[n]!.address!, name);

  /** Types into a named cell: click it (unlocked cells open the editor), type, Enter. */
  async function typeInto(name: string, text: string): Promise<void> {
    const target = cell(await namedAddress(name));
    await target.scrollIntoViewIfNeeded();
    await target.click();
    const editor = page().locator('input.editor');
    await editor.fill(text);
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
  }

  /** Tạo biểu tab: pick the unit by typing part of its name, pick the year, create. */
  async function createReturn(search: string, unitName: string, year: number): Promise<void> {
    const unitBox = page().getByRole('combobox', { name: /^Đơn vị báo cáo/ });
    await unitBox.click();
    await unitBox.pressSequentially(search);
    await page().getByRole('option', { name: unitName, exact: true }).click();
    await page().getByRole('combobox', { name: /^Năm báo cáo/ }).click();
    await page().getByRole('option', { name: String(year), exact: true }).click();
    await page().getByRole('button', { name: 'Tạo biểu mẫu' }).click();
    await page().getByTestId('flow-success').waitFor();
  }

  /** The focal point's five cells, in the order of the form. */
  async function typeFocalPoint(f: { name: string; title: string; org: string; phone: string; email: string }): Promise<void> {
    await typeInto('CT_CONTACT_NAME', f.name);
    await typeInto('CT_CONTACT_TITLE', f.title);
    await typeInto('CT_CONTACT_ORG', f.org);
    await typeInto('CT_CONTACT_PHONE', f.phone);
    await typeInto('CT_CONTACT_EMAIL', f.email);
  }

  return { cell, namedAddress, typeInto, createReturn, typeFocalPoint };
}

/** Chooses whose work the pane shows (Vai trò): "Đơn vị báo cáo", "Người duyệt", "Cơ quan tổng hợp". */
export async function chooseRole(page: Page, role: string): Promise<void> {
  await page.getByRole('combobox', { name: /Vai trò|Role/ }).click();
  await page.getByRole('option', { name: role, exact: true }).click();
}

/** Enters and saves an endpoint's URL and token in a panel's connection form (Gửi, Duyệt). */
export async function saveConnection(panel: Locator, url: string, token: string): Promise<void> {
  const form = panel.getByTestId('connection-form');
  await form.getByTestId('connection-url').fill(url);
  await form.getByTestId('connection-token').fill(token);
  await form.getByTestId('connection-save').click();
  await form.getByTestId('connection-message').getByText('Đã lưu', { exact: false }).waitFor();
}
