import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';

export const ROOT = path.join(__dirname, '..', '..');

export interface BuildSummary {
  outputPath: string;
  durationMs: number;
  entries: Record<string, { initialJs: string[]; excelJsModules: string[] }>;
}

/**
 * A production build of the three pages into `outputPath` (test-output/… by default, so it
 * never disturbs dist/ or a running dev server). Throws with webpack's errors.
 */
export function buildProduction(outputPath = path.join(ROOT, 'test-output', 'build')): BuildSummary {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'runBuild.js'), outputPath], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`production build failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  return JSON.parse(fs.readFileSync(path.join(outputPath, 'build-summary.json'), 'utf8')) as BuildSummary;
}

export interface InitialJsSize {
  /** Sum of each file gzipped on its own (level 9), as a server would send them. */
  gzipBytes: number;
  rawBytes: number;
  files: { file: string; rawBytes: number; gzipBytes: number }[];
  /** ExcelJS modules found in the entry's initial chunks: must be empty (dynamic import only). */
  excelJsModules: string[];
}

/** The JS an entry's page loads before it can run (its initial chunks), measured from a build. */
export function initialJsSize(build: BuildSummary, entry = 'taskpane'): InitialJsSize {
  const info = build.entries[entry];
  if (!info) throw new Error(`the build has no entry "${entry}"`);
  const files = info.initialJs.map((file) => {
    const bytes = fs.readFileSync(path.join(build.outputPath, file));
    return { file, rawBytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return {
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    files,
    excelJsModules: info.excelJsModules,
  };
}

/** For the benchmark: build in production mode and measure the task pane's initial JS, gzipped. */
export function measureTaskpaneBundle(outputPath?: string): InitialJsSize & { buildMs: number } {
  const build = buildProduction(outputPath);
  return { ...initialJsSize(build, 'taskpane'), buildMs: build.durationMs };
}
