// Draws media/icon.png (128×128): a container ship on a dark-blue rounded square. Plain Node (zlib for
// the PNG), so the icon can be redrawn on any machine: `node scripts/package-icon.mjs`.
// Each pixel is 4×4 samples of the shapes below, painted in order, which gives smooth edges.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
/** A container: its colour with darker ribs every 4 px, like corrugated steel. */
const container = (x0, y0, x1, y1, color) => ({
  inside: rect(x0, y0, x1, y1),
  color: (x) => (Math.floor(x - x0) % 4 === 3 ? mix(hex(color), [0, 0, 0], 0.22) : hex(color)),
});
const waveTop = (x) => 95 + 2.2 * Math.sin(x / 7);

// Painted in order; the sea comes after the hull so the hull sits in the water.
const shapes = [
  { inside: () => true, color: (x, y) => mix(hex('#0f4c75'), hex('#082a40'), y / SIZE) },
  // hull: a trapezoid with a white topside and a red bottom above the waterline
  { inside: (x, y) => y >= 74 && y < 100 && x >= 18 + (y - 74) * 0.55 && x < 110 - (y - 74) * 0.9, color: (x, y) => (y < 84 ? hex('#eef3f6') : hex('#d64541')) },
  { inside: rect(88, 52, 102, 74), color: () => hex('#eef3f6') }, // bridge
  { inside: rect(91, 56, 99, 60), color: () => hex('#0f4c75') }, // its windows
  container(26, 58, 45, 73, '#f5a623'),
  container(47, 58, 66, 73, '#2bb673'),
  container(68, 58, 86, 73, '#3ea8f0'),
  container(36, 42, 55, 57, '#e8554e'),
  container(57, 42, 76, 57, '#f5a623'),
  { inside: (x, y) => y >= waveTop(x), color: (x, y) => mix(hex('#2a9fd6'), hex('#1d6fa3'), (y - 92) / 36) },
  { inside: (x, y) => y >= waveTop(x) && y < waveTop(x) + 2.2, color: () => hex('#8fd3f4') }, // foam line
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        if (!insideRoundedSquare(x, y, 26)) continue;
        let color = [0, 0, 0];
        for (const shape of shapes) if (shape.inside(x, y)) color = shape.color(x, y);
        r += color[0]; g += color[1]; b += color[2]; covered++;
      }
    }
    const o = (py * SIZE + px) * 4;
    if (covered) [pixels[o], pixels[o + 1], pixels[o + 2]] = [r / covered, g / covered, b / covered].map(Math.round);
    pixels[o + 3] = Math.round((covered / SAMPLES ** 2) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter byte 0
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../media/', import.meta.url), { recursive: true });
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
