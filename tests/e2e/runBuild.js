#!/usr/bin/env node
/**
 * A production build in its own process (webpack is slow and heavy inside jest's module
 * sandbox). Usage: node tests/e2e/runBuild.js <outputPath>. Writes <outputPath>/build-summary.json:
 * each entry's initial JS files and any ExcelJS module found in them.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const ROOT = path.join(__dirname, '..', '..');
const outputPath = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));

/** Every module a chunk holds, looking inside modules webpack concatenated. */
function* modulesOf(compilation, chunk) {
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
    yield module;
    if (module.modules) yield* module.modules;
  }
}

const config = require(path.join(ROOT, 'webpack.config.js'))({ outputPath }, { mode: 'production' });
config.stats = 'errors-warnings';
const started = Date.now();
webpack(config, (error, stats) => {
  if (error) {
    console.error(error.stack || String(error));
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
    process.exit(1);
  }
  const compilation = stats.compilation;
  const entries = {};
  for (const [name, entrypoint] of compilation.entrypoints) {
    const chunks = entrypoint.chunks;
    const files = chunks.flatMap((c) => [...c.files]).filter((f) => f.endsWith('.js'));
    const excelJs = new Set();
    for (const chunk of chunks) {
      for (const module of modulesOf(compilation, chunk)) {
        const resource = module.resource || '';
        if (/[\\/]node_modules[\\/]exceljs[\\/]/.test(resource)) excelJs.add(path.relative(ROOT, resource));
      }
    }
    entries[name] = { initialJs: [...new Set(files)], excelJsModules: [...excelJs] };
  }
  const summary = { outputPath, durationMs: Date.now() - started, entries };
  fs.writeFileSync(path.join(outputPath, 'build-summary.json'), JSON.stringify(summary, null, 2));
  console.log(`built ${outputPath} in ${summary.durationMs} ms`);
});
