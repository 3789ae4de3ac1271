/** The summary as an .xlsx workbook: the summary plan's sheets, rendered with ExcelJS. */
import ExcelJS from 'exceljs';
import type { Catalogue } from '../catalogue/schema';
import type { Summary } from '../domain/summary/types';
import { summaryPlan } from '../layout/summaryPlan';
import type { Lang } from '../workbook/port';
import { renderPlanToWorkbook } from '../workbook/xlsx/renderPlan';

export function buildSummaryWorkbook(summary: Summary, catalogue: Catalogue, lang: Lang): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chitieu';
  workbook.title = `${catalogue.title[lang]} – ${lang === 'vi' ? 'Tổng hợp' : 'Summary'} ${summary.year} Q${summary.quarter}`;
  workbook.created = new Date(summary.generatedAt);
  for (const plan of summaryPlan(summary, catalogue, lang)) renderPlanToWorkbook(plan, workbook);
  return workbook;
}

export async function writeSummaryFile(summary: Summary, catalogue: Catalogue, lang: Lang): Promise<Buffer> {
  return Buffer.from(await buildSummaryWorkbook(summary, catalogue, lang).xlsx.writeBuffer());
}
