#!/usr/bin/env node
/**
 * Tiny static server over dist/ for trying the task pane in a browser (browser mode only:
 * Office itself needs HTTPS). Node built-ins only. Listens on 127.0.0.1.
 *
 *   npm run build && npm run serve          # http://localhost:8080/taskpane.html
 *   PORT=9000 npm run serve
 *
 * `createStaticServer(root)` is exported for the end-to-end test, which serves a fresh build on an
 * ephemeral port (`server.listen(0, '127.0.0.1')`).
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** An http.Server (not listening yet) that serves the files under `root`; "/" is taskpane.html. */
function createStaticServer(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    if (pathname.endsWith('/')) pathname += 'taskpane.html';
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) return send(res, 403, 'Forbidden');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return send(res, 404, 'Not found');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
}

module.exports = { createStaticServer };

if (require.main === module) {
  const port = Number(process.env.PORT || 8080);
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    console.error('dist/taskpane.html is missing: run "npm run build" first.');
    process.exit(1);
  }
  createStaticServer(DIST).listen(port, '127.0.0.1', () => {
    console.log(`Serving ${DIST} at http://localhost:${port}/taskpane.html (Ctrl+C to stop)`);
  });
}
