#!/usr/bin/env node
/**
 * `npm start` / `npm stop`: sideload the add-in into Excel desktop (and remove it again) with
 * office-addin-debugging, which works on Windows and Mac only.
 *
 * office-addin-debugging is not a devDependency on purpose: through office-addin-dev-settings it pulls
 * in @microsoft/m365agentstoolkit-cli and keytar, whose native build needs libsecret on Linux and makes
 * `npm ci` fail there (CI and the offices' Linux build machines). It is fetched from the npm registry,
 * pinned, on the machines where it can work at all.
 */
'use strict';
const { spawn } = require('node:child_process');

const VERSION = '6.0.5';
const COMMAND = process.argv[2] === 'stop' ? 'stop' : 'start';
const MANIFEST = 'manifest.xml';

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.error(
    'Chỉ nạp thử (sideload) được phần bổ trợ vào Excel trên Windows hoặc macOS. Trên máy này: "npm run build && npm run serve" '
      + 'để dùng chế độ trình duyệt, hoặc nạp dist/manifest.xml vào Excel trên web (xem README, mục "Sideloading").\n'
      + '(office-addin-debugging supports Windows and macOS only.)',
  );
  process.exit(2);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(npx, ['--yes', `office-addin-debugging@${VERSION}`, COMMAND, MANIFEST, ...(COMMAND === 'start' ? ['desktop'] : [])], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
child.on('exit', (code) => process.exit(code ?? 1));
