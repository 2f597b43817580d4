/**
 * Builds the task pane into dist/: taskpane.html + hashed bundle, commands.html, help.html,
 * assets/*.png and manifest.xml. With ADDIN_URL=https://host/path/ the copied manifest points
 * there instead of the development base https://localhost:3000/.
 *
 *   npm run build                     (production, the default)
 *   npx webpack --mode development
 *   npm run dev-server                (https://localhost:3000, certificate from office-addin-dev-certs)
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionBase, rewriteManifest } = require('./src/taskpane/manifest-url');

// ExcelJS's browser build: one self-contained UMD file with its own polyfills (zip, streams, buffer),
// so no Node built-in fallbacks are needed and webpack does not have to parse it.
const EXCELJS_BROWSER = require.resolve('exceljs/dist/exceljs.min.js');

/** The port of the development base https://localhost:3000/ that manifest.xml names. */
const DEV_PORT = 3000;

function buildConfig(env, argv) {
  const mode = argv.mode || 'production';
  const base = productionBase(process.env.ADDIN_URL);
  return {
    mode,
    target: 'web',
    devtool: mode === 'production' ? false : 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      noParse: (file) => file === EXCELJS_BROWSER,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(__dirname, 'tsconfig.taskpane.json'), onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    plugins: [
      // The CLI loads only ExcelJS's workbook class; the browser takes ExcelJS's own bundle.
      new webpack.NormalModuleReplacementPlugin(/[\\/]exceljs-runtime$/, (resource) => {
        resource.request = `${resource.request}.browser`;
      }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/commands.html', to: 'commands.html' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString('utf8'), base) },
        ],
      }),
    ],
    performance: {
      // ExcelJS (about 0.95 MB minified), docx, React and Fluent UI make about 1.65 MB; warn when the
      // bundle grows about a third past that.
      maxAssetSize: 2_150_000,
      maxEntrypointSize: 2_150_000,
    },
    devServer: {
      port: DEV_PORT,
      // Office loads the pane from its own origin; the add-in's pages must be fetchable from there.
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
}

/**
 * Only `webpack serve` needs a certificate: Office requires HTTPS even on localhost. Building never
 * touches certificates (office-addin-dev-certs would try to trust its CA, with sudo on Linux).
 */
module.exports = (env = {}, argv = {}) => {
  const config = buildConfig(env, argv);
  if (!env.WEBPACK_SERVE) return config;
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions().then((options) => ({
    ...config,
    devServer: { ...config.devServer, server: { type: 'https', options } },
  }));
};
