/**
 * scenario.json as types, shared by the corpus's node steps (base.ts, expected.ts) and the parity
 * test: what every producer writes, and so what a correct reading of each file gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Stored = number | string;

/** What a correct reading of a figure gives (the payload's figure fields, without row and quarter). */
export interface FigureExpect {
  value: number | null;
  status: 'number' | 'empty' | 'noData' | 'deferred' | 'uncalculated';
  provisional?: boolean;
  approximate?: boolean;
  noDataReason?: string;
}

export interface CellSpec {
  value: Stored;
  format?: string;
  expect?: FigureExpect;
}

export interface Scenario {
  unit: string;
  year: number;
  quarter: number;
  cells: Record<string, Stored | CellSpec>;
  zeroFormulas: Record<string, string>;
  scriptFormulas: Record<string, string>;
  backup: Record<string, Stored>;
  dateSource: { name: string; date: string; format: string };
}

export const SCENARIO_FILE = path.join(__dirname, 'scenario.json');

export function loadScenario(): Scenario {
  return JSON.parse(readFileSync(SCENARIO_FILE, 'utf8')) as Scenario;
}

export function specOf(cell: Stored | CellSpec): CellSpec {
  return typeof cell === 'object' ? cell : { value: cell };
}

export interface ExpectedFigure extends FigureExpect {
  comparison: string | null;
}

export interface ExpectedFile {
  tool: string;
  toolVersion: string;
  how: string;
  unitId: string;
  year: number;
  quarter: number;
  focalPoint: { name: string; title: string; org: string; phone: string; email: string };
  sections: { trend: string; international: string; difficulties: string; proposals: string };
  rowSources: Record<string, string>;
  /** "2.8 Q1" → what a correct reading gives; every figure not listed reads as empty, without comparison. */
  figures: Record<string, ExpectedFigure>;
  /** Cells whose reading must be an error, with the reason: a formula without a calculated value. */
  uncalculated: string[];
}

/** tests/fixtures/producers/expected.json. */
export interface ExpectedCorpus {
  files: Record<string, ExpectedFile>;
}
