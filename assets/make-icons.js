#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-<size>.png): a green rounded square with a white "Σ".
 * No dependencies: Node's zlib for the deflate stream, and a hand-written PNG chunk writer.
 * The output is deterministic, so running it again reproduces the committed files byte for byte.
 *
 *   node assets/make-icons.js [output-folder]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x1e, 0x71, 0x45]; // close to Excel's green
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4x4 samples per pixel for anti-aliased edges

// ---- PNG writer -------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** length (4 bytes) + type (4 ASCII bytes) + data + CRC over type and data. */
function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** rgba: width*height*4 bytes, rows top to bottom. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type "None" for every scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

// ---- Drawing (unit square coordinates, 0..1) ---------------------------------

const CORNER = 0.18;
/** The "Σ": top bar with a short downward tip, two diagonals meeting at the middle, bottom bar with an upward tip. */
const STROKES = [
  [0.28, 0.24, 0.72, 0.24],
  [0.72, 0.24, 0.72, 0.31],
  [0.30, 0.25, 0.54, 0.50],
  [0.54, 0.50, 0.30, 0.75],
  [0.28, 0.76, 0.72, 0.76],
  [0.72, 0.76, 0.72, 0.69],
];

function insideRoundedSquare(x, y) {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= CORNER * CORNER;
}

function distanceToSegment(px, py, [x1, y1, x2, y2]) {
  const vx = x2 - x1;
  const vy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * vx + (py - y1) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (x1 + t * vx), py - (y1 + t * vy));
}

function drawIcon(size) {
  // Keep the strokes at least about 1.3 px wide on the smallest icons.
  const halfWidth = Math.max(0.05, 0.65 / size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let glyph = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const ux = (x + (sx + 0.5) / n) / size;
          const uy = (y + (sy + 0.5) / n) / size;
          if (!insideRoundedSquare(ux, uy)) continue;
          cover++;
          if (STROKES.some((s) => distanceToSegment(ux, uy, s) <= halfWidth)) glyph++;
        }
      }
      const i = (y * size + x) * 4;
      if (cover === 0) continue; // fully transparent
      const g = glyph / cover;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(GREEN[k] * (1 - g) + WHITE[k] * g);
      rgba[i + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = process.argv[2] ?? __dirname;
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
  }
}

module.exports = { crc32, encodePng, drawIcon, SIZES };

if (require.main === module) main();
