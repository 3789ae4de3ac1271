#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png): a green rounded square with a
 * white bar chart of three rising bars on a base line. Run `node scripts/make-icons.js` after a
 * change to the design; the PNG files are committed, so a build never needs this script.
 *
 * No image library: each pixel's coverage is measured on an 8×8 grid of sample points (smooth
 * edges), and the PNG encoder below writes the signature, IHDR, IDAT (zlib) and IEND chunks,
 * each with its CRC-32.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');

const GREEN = [0x1b, 0x7a, 0x4a]; // background
const WHITE = [0xff, 0xff, 0xff]; // chart

// ---------------------------------------------------------------- PNG encoder

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

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An RGBA image (width × height × 4 bytes, rows top to bottom) as a PNG file. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 (none) keeps the encoder simple.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- drawing

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/**
 * The design for one size, in pixel coordinates. Edges of the bars are snapped to whole pixels
 * so that the small icons stay crisp.
 */
function shapes(size) {
  const snap = (f) => Math.round(f * size);
  const margin = size <= 16 ? 0 : snap(1 / 32);
  const background = { left: margin, top: margin, right: size - margin, bottom: size - margin, radius: size * 0.2 };
  const baseY = snap(0.78);
  const line = Math.max(1, snap(0.06));
  const barLefts = [0.2, 0.42, 0.64];
  const barWidth = 0.16;
  const barTops = [0.52, 0.38, 0.22];
  const bars = barLefts.map((x, i) => ({ left: snap(x), right: snap(x + barWidth), top: snap(barTops[i]), bottom: baseY, radius: size >= 64 ? size * 0.02 : 0 }));
  const base = { left: snap(0.16), right: snap(0.84), top: baseY, bottom: baseY + line, radius: 0 };
  return { background, marks: [...bars, base] };
}

function drawIcon(size) {
  const { background, marks } = shapes(size);
  const rgba = Buffer.alloc(size * size * 4);
  const N = 8; // samples per pixel side
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = px + (sx + 0.5) / N;
          const y = py + (sy + 0.5) / N;
          const b = background;
          if (!insideRoundedRect(x, y, b.left, b.top, b.right, b.bottom, b.radius)) continue;
          bg++;
          if (marks.some((m) => insideRoundedRect(x, y, m.left, m.top, m.right, m.bottom, m.radius))) mark++;
        }
      }
      const alpha = bg / (N * N);
      const white = bg ? mark / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(GREEN[c] * (1 - white) + WHITE[c] * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = drawIcon(size);
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}, ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, drawIcon };
