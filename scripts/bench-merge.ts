/**
 * `npm run bench:merge`: `chitieu merge` over N filled returns (N = 100 and 1,000, or the
 * numbers given: `npm run bench:merge -- 100 1000 3000`), timed as a whole process (3 runs,
 * the median) with its peak memory and the heap it holds once every file is read, and — where Debian's python3-openpyxl is installed — the
 * same merge written the obvious way with openpyxl (scripts/merge-openpyxl.py) on the same
 * files, with the ratio. Prints figures only; the goal (1,000 returns in ≤ 3 s on two cores,
 * memory not growing with N beyond the summary) is for a person to read off.
 *
 * Then hostile files (tests/support/hostile/corpus.ts, issue 10): `chitieu merge` over a folder
 * of 200 good returns and 20 hostile files (goal ≤ 3 s, ≤ 300 MB), and `chitieu validate` on
 * each hostile kind alone (goal < 1 s, < 200 MB, refused with its reason). Each such run is
 * bounded (killed after a minute) and its memory is the process's own peak (VmHWM).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filledReturn, nudgedCopy, reportingUnits } from './lib/filledReturns';
import { BENCH_KINDS, HOSTILE_KINDS, REASONS, internalsIn, makeSpecialFile, writeHostileCorpus } from '../tests/support/hostile/corpus';
import { chitieuMeasured, type Measured } from '../tests/support/hostile/measure';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin/chitieu.js');
const YEAR = 2025;
const QUARTER = 2;
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The Python that has Debian's openpyxl: /usr/bin/python3 first (a pyenv shim may hide it). */
function openpyxlPython(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

interface Timed {
  seconds: number;
  /** User + system CPU seconds (from /usr/bin/time): steadier than the wall clock on a busy machine. */
  cpuSeconds: number | null;
  maxRssMiB: number | null;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs a command as a whole process; its peak memory from /usr/bin/time, else from the preload (node only). */
function timed(command: string, args: string[], node: boolean, env: NodeJS.ProcessEnv = {}): Timed {
  const useTime = existsSync('/usr/bin/time');
  const rssFile = path.join(os.tmpdir(), `chitieu-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const argv = useTime ? ['-f', '%U %S\n%M', '-o', rssFile, command, ...args] : node ? ['-r', path.join(ROOT, 'scripts/rss-on-exit.js'), ...args] : args;
  const started = process.hrtime.bigint();
  const run = spawnSync(useTime ? '/usr/bin/time' : command, argv, { encoding: 'utf8', env: { ...process.env, CHITIEU_RSS_FILE: rssFile, CHITIEU_DEBUG: '', ...env }, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let maxRssMiB: number | null = null;
  let cpuSeconds: number | null = null;
  if (existsSync(rssFile)) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const kib = Number(lines.pop());
    if (Number.isFinite(kib)) maxRssMiB = Math.round(kib / 1024);
    const cpu = (lines.pop() ?? '').split(' ').map(Number);
    if (cpu.length === 2 && cpu.every(Number.isFinite)) cpuSeconds = cpu[0]! + cpu[1]!;
  }
  if (run.status !== 0) process.stderr.write(`${command} ${args.join(' ')} exited ${run.status}:\n${run.stderr}\n`);
  return { seconds, cpuSeconds, maxRssMiB, stdout: run.stdout, stderr: run.stderr, code: run.status };
}

async function generate(dir: string, n: number, bases: Map<string, Buffer>): Promise<void> {
  const units = [...bases.keys()];
  for (let i = 0; i < n; i++) {
    const unit = units[i % units.length]!;
    const copy = Math.floor(i / units.length);
    const bytes = copy === 0 ? bases.get(unit)! : nudgedCopy(bases.get(unit)!, copy * 0.001);
    writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}-${unit}.xlsx`), bytes);
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const ns = sizes.length ? sizes : [100, 1000];
  const work = mkdtempSync(path.join(os.tmpdir(), 'chitieu-bench-merge-'));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // The wall clock is what the goal is about; on a machine busy with other work it swings, so the CPU time is printed too.
  console.log(`bench:merge — ${cores} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  let t = Date.now();
  const bases = new Map<string, Buffer>();
  for (const [i, unit] of reportingUnits(YEAR).entries()) bases.set(unit.id, await filledReturn(unit.id, { year: YEAR, quarter: QUARTER, seed: i }));
  console.log(`generated ${bases.size} filled returns (one per reporting unit) in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // The command line runs from its compiled bundle, rebuilt on start when a source changed: build it before the clock runs.
  spawnSync(process.execPath, [BIN, '--help'], { stdio: 'ignore' });
  const python = openpyxlPython();
  const rows: string[] = [];
  for (const n of ns) {
    const dir = path.join(work, `n${n}`);
    mkdirSync(dir);
    t = Date.now();
    await generate(dir, n, bases);
    console.log(`\nN = ${n}: files written in ${((Date.now() - t) / 1000).toFixed(1)} s (${dir})`);
    const out = path.join(work, `summary-${n}.xlsx`);
    const runs: Timed[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(timed(process.execPath, [BIN, 'merge', dir, '--year', String(YEAR), '--quarter', String(QUARTER), '--out', out, '--force', '--format', 'json'], true));
    // One more run, untimed, for the heap merge holds once every file is read (after a full collection, merge.ts stageTimer).
    const heapRun = timed(process.execPath, ['--expose-gc', BIN, 'merge', dir, '--year', String(YEAR), '--quarter', String(QUARTER), '--out', out, '--force', '--format', 'json'], true, { CHITIEU_MERGE_TIMING: '1' });
    const held = /merge heap: after read \d+ files ([\d.]+) MiB/.exec(heapRun.stderr)?.[1];
    const heldText = held ? `${Math.round(Number(held))} MiB` : '?';
    const report = (() => {
      try {
        return JSON.parse(runs[0]!.stdout) as { used: number; skipped: unknown[] };
      } catch {
        return null;
      }
    })();
    const secs = median(runs.map((r) => r.seconds));
    const rss = runs.map((r) => r.maxRssMiB).filter((m): m is number => m !== null);
    const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== null);
    console.log(`chitieu merge: median ${secs.toFixed(2)} s of ${RUNS} (${runs.map((r) => r.seconds.toFixed(2)).join(', ')}), CPU ${cpu.length ? `${median(cpu).toFixed(2)} s` : 'unknown'}, peak RSS ${rss.length ? `${Math.max(...rss)} MiB` : 'unknown'}, heap held after reading ${heldText}, ${report ? `${report.used} used, ${report.skipped.length} skipped` : 'no report'}`);
    let line = `N=${n}\tchitieu ${secs.toFixed(2)} s (CPU ${cpu.length ? median(cpu).toFixed(2) : '?'} s)\tpeak ${rss.length ? Math.max(...rss) : '?'} MiB, held ${heldText}`;
    if (python) {
      const py = timed(python, [path.join(ROOT, 'scripts/merge-openpyxl.py'), dir, path.join(work, `openpyxl-${n}.xlsx`)], false);
      console.log(`openpyxl: ${py.seconds.toFixed(2)} s, CPU ${py.cpuSeconds?.toFixed(2) ?? '?'} s, peak RSS ${py.maxRssMiB ?? '?'} MiB (${py.stdout.trim()}) — chitieu is ${(py.seconds / secs).toFixed(1)}× faster`);
      line += `\topenpyxl ${py.seconds.toFixed(2)} s\t${py.maxRssMiB ?? '?'} MiB\tratio ${(py.seconds / secs).toFixed(1)}×`;
    } else {
      console.log('openpyxl: not installed');
      line += '\topenpyxl: not installed';
    }
    rows.push(line);
    rmSync(dir, { recursive: true, force: true });
  }
  try {
    rows.push(...(await hostile(work, bases)));
  } catch (error) {
    // The lines above stand on their own: a failure here is reported beside them, not instead of them.
    rows.push(`hostile files: the bench failed (${error instanceof Error ? error.message : String(error)})`);
  }
  console.log('\n' + rows.join('\n'));
  rmSync(work, { recursive: true, force: true });
}

/** A bounded run's figures: seconds, CPU, peak (or why there are none). */
const cost = (r: Measured) =>
  r.timedOut
    ? 'killed after the time limit'
    : `${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds?.toFixed(2) ?? '?'} s)  peak ${r.peakMiB ?? '?'} MiB`;

/**
 * The hostile lines: merge over 200 good returns and 20 hostile files (BENCH_KINDS), and validate
 * on every hostile kind alone. Medians of RUNS runs; each run in its own process, killed after a minute.
 */
async function hostile(work: string, bases: Map<string, Buffer>): Promise<string[]> {
  const t = Date.now();
  const corpus = await writeHostileCorpus(path.join(work, 'hostile'));
  const took = ((Date.now() - t) / 1000).toFixed(1);
  console.log(`\nhostile corpus: ${corpus.files.length} files (${HOSTILE_KINDS.length} kinds) written in ${took} s`);
  const bounded = { cwd: work, timeoutMs: 60_000 };
  const medianRun = async (args: string[]): Promise<Measured> => {
    const runs: Measured[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await chitieuMeasured(args, bounded));
    // A run killed at the limit counts as the slowest.
    return [...runs].sort((a, b) => (a.timedOut ? Infinity : a.seconds) - (b.timedOut ? Infinity : b.seconds))[Math.floor(RUNS / 2)]!;
  };

  const dir = path.join(work, 'good-and-hostile');
  mkdirSync(dir);
  await generate(dir, 200, bases);
  for (const kind of BENCH_KINDS) {
    const source = corpus.files.find((f) => f.kind === kind)!;
    const target = path.join(dir, `hostile-${kind}.xlsx`);
    if (source.pathOnly) makeSpecialFile(kind, target);
    else writeFileSync(target, readFileSync(source.file));
  }
  const out = path.join(work, 'summary-hostile.xlsx');
  const period = ['--year', String(YEAR), '--quarter', String(QUARTER)];
  const merge = await medianRun(['merge', dir, ...period, '--out', out, '--force', '--format', 'json']);
  const report = (() => {
    try {
      return JSON.parse(merge.stdout) as { used: number; skipped: unknown[] };
    } catch {
      return null;
    }
  })();
  const mergeLine =
    `200 good + ${BENCH_KINDS.length} hostile\tchitieu merge ${cost(merge)}\t(goal ≤ 3 s, ≤ 300 MB)\t` +
    (report ? `${report.used} used, ${report.skipped.length} skipped` : `no report (exit ${merge.code})`);
  console.log(mergeLine);

  const lines = [mergeLine, `validate, each hostile kind alone (median of ${RUNS}; goal < 1 s, < 200 MB, refused with its reason):`];
  for (const file of corpus.files) {
    const run = await medianRun(['validate', file.file, '--format', 'json', '--lang', 'en']);
    let outcome: string;
    if ('refused' in file.expect) {
      const given = file.expect.refused.some((k) => REASONS[k].en.test(run.stderr)) && internalsIn(run.stderr).length === 0;
      const said = run.stderr.trim().slice(0, 120);
      outcome =
        run.code === 2 && given ? `refused: ${file.expect.refused.join('/')}` : `NOT REFUSED WITH ITS REASON (exit ${run.code}): ${said}`;
    } else {
      // The base return has no errors: it reads with exit 0.
      outcome = run.code === 0 ? 'read as the return it holds' : `NOT READ (exit ${run.code}): ${run.stderr.trim().slice(0, 120)}`;
    }
    const line = `  ${file.kind.padEnd(26)}${cost(run).padEnd(44)}${outcome}`;
    console.log(line);
    lines.push(line);
  }
  return lines;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
