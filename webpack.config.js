/**
 * Builds the task pane into dist/: taskpane.html + hashed bundle, commands.html, help.html,
 * assets/*.png and manifest.xml. With ADDIN_URL=https://host/path/ the copied manifest points
 * there instead of the development base https://localhost:3000/.
 *
 *   npm run build                     (production, the default)
 *   npx webpack --mode development
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionBase, rewriteManifest } = require('./src/taskpane/manifest-url');

// ExcelJS's browser build: one self-contained UMD file with its own polyfills (zip, streams, buffer),
// so no Node built-in fallbacks are needed and webpack does not have to parse it.
const EXCELJS_BROWSER = require.resolve('exceljs/dist/exceljs.min.js');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const base = productionBase(process.env.ADDIN_URL);
  return {
    mode,
    target: 'web',
    devtool: mode === 'production' ? false : 'source-map',
    entry: { taskpane: './src/taskpane/taskpane.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      noParse: (file) => file === EXCELJS_BROWSER,
      rules: [
        {
          test: /\.ts$/,
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
      // ExcelJS alone is about 0.95 MB minified; warn only when the bundle grows well past that.
      maxAssetSize: 1_400_000,
      maxEntrypointSize: 1_400_000,
    },
  };
};
