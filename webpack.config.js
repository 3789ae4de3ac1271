/**
 * Three pages: the add-in's task pane and its FunctionFile (both load office.js from Microsoft's
 * CDN), and /preview.html (the task pane beside the fake Excel host, no office.js).
 * `npm start` serves them on port 3000; `npm run build` writes dist/.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { sources } = require('webpack');

const ROOT = __dirname;
const ASSETS = path.join(ROOT, 'assets');
const DEV_PORT = 3000;
/** Where `npx office-addin-dev-certs install` leaves its files. */
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/**
 * HTTPS with the Office dev certificate only when it is already installed. Its own
 * getHttpsServerOptions would try to install one, which prompts (and hangs a fresh machine).
 */
function devServerTransport() {
  const cert = path.join(CERT_DIR, 'localhost.crt');
  const key = path.join(CERT_DIR, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    const ca = path.join(CERT_DIR, 'ca.crt');
    return {
      protocol: 'https',
      server: {
        type: 'https',
        options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) },
      },
    };
  }
  return {
    protocol: 'http',
    server: { type: 'http' },
    note: 'No Office dev certificate found, so serving plain HTTP: fine for /preview.html, but Excel needs HTTPS. Run `npx office-addin-dev-certs install` once, then restart.',
  };
}

/** Copies assets/ (the manifest's icons) into the build as assets/…, without a copy plugin. */
class CopyAssetsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyAssetsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        if (!fs.existsSync(ASSETS)) return;
        compilation.contextDependencies.add(ASSETS);
        for (const file of listFiles(ASSETS)) {
          const name = path.posix.join('assets', path.relative(ASSETS, file).split(path.sep).join('/'));
          compilation.emitAsset(name, new sources.RawSource(fs.readFileSync(file)));
        }
      });
    });
  }
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : [];
  });
}

/** Packages by how often they change and who needs them; all three pages share React and Fluent. */
const VENDOR_GROUPS = {
  react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'vendor-react', priority: 30 },
  fluent: {
    test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|@swc[\\/]helpers|tabster|keyborg|rtl-css-js|stylis|use-sync-external-store|@emotion)[\\/]/,
    name: 'vendor-fluent',
    priority: 20,
  },
};

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'development';
  const production = mode === 'production';
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.join(ROOT, 'dist');
  const transport = devServerTransport();
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: path.join(ROOT, template), chunks, scriptLoading: 'defer' });

  return {
    mode,
    context: ROOT,
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
        },
      ],
    },
    plugins: [
      page('taskpane', 'src/taskpane/taskpane.html', ['taskpane']),
      page('commands', 'src/taskpane/commands.html', ['commands']),
      page('preview', 'src/preview/preview.html', ['preview']),
      new CopyAssetsPlugin(),
    ],
    optimization: {
      splitChunks: production
        ? {
            chunks: 'all',
            cacheGroups: {
              ...VENDOR_GROUPS,
              // Unnamed on purpose: a fixed name would pull modules only ever imported dynamically
              // (ExcelJS) into one chunk with the initial ones.
              defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true },
              // Our own code stays in each page's chunk: one request fewer for the task pane.
              default: false,
            },
          }
        : false,
      runtimeChunk: false,
    },
    performance: { hints: false },
    stats: production ? 'normal' : 'minimal',
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      server: transport.server,
      static: fs.existsSync(ASSETS) ? [{ directory: ASSETS, publicPath: '/assets', watch: true }] : false,
      // Office loads the pages inside its own frame; it needs these to reach the dev server.
      headers: { 'Access-Control-Allow-Origin': '*' },
      allowedHosts: 'all',
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      open: false,
    },
  };
};

module.exports.DEV_PORT = DEV_PORT;
module.exports.devServerTransport = devServerTransport;
