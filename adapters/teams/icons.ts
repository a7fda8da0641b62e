/**
 * The app package's icons, drawn in code so they can be regenerated and checked: a shield with a
 * check mark. `color.png` is 192x192, the white symbol on the accent colour; `outline.png` is
 * 32x32, white on transparent (as Teams requires). Written as real PNGs (RGBA, zlib-compressed)
 * with node's zlib only.
 *
 * Run `npx tsx adapters/teams/icons.ts` to rewrite adapters/teams/appPackage/{color,outline}.png.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

/** The manifest's accentColor; the colour icon's background. */
export const ACCENT = { hex: '#3B5BDB', rgb: [0x3b, 0x5b, 0xdb] as const };

type Point = readonly [number, number];

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────────

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA pixels (row by row) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  /** RGBA pixels (only for 8-bit RGBA images, which is what `encodePng` writes). */
  rgba: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (checks CRCs; all five scanline filters). */
export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = 0;
  let interlace = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== png.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) return { width, height, colorType, bitDepth, rgba: new Uint8Array() };
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? out[y * stride + x - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter}`);
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, colorType, bitDepth, rgba: out };
}

// ── drawing ─────────────────────────────────────────────────────────────────────────────────────

function quadratic(from: Point, control: Point, to: Point, steps: number): Point[] {
  const pts: Point[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    pts.push([u * u * from[0] + 2 * u * t * control[0] + t * t * to[0], u * u * from[1] + 2 * u * t * control[1] + t * t * to[1]]);
  }
  return pts;
}

/** The shield, in unit coordinates (0..1), centred. */
const SHIELD: Point[] = [
  [0.28, 0.22],
  ...quadratic([0.28, 0.22], [0.5, 0.14], [0.72, 0.22], 12),
  [0.72, 0.5],
  ...quadratic([0.72, 0.5], [0.72, 0.72], [0.5, 0.84], 16),
  ...quadratic([0.5, 0.84], [0.28, 0.72], [0.28, 0.5], 16),
];

const CHECK: Point[] = [
  [0.38, 0.51],
  [0.47, 0.61],
  [0.63, 0.41],
];
const CHECK_WIDTH = 0.065;

function insidePolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function nearPolyline([x, y]: Point, line: readonly Point[], halfWidth: number): boolean {
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]!;
    const [bx, by] = line[i + 1]!;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    if (Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= halfWidth) return true;
  }
  return false;
}

/** Share (0..1) of each pixel covered by the symbol (shield minus check), 4x4 supersampled. */
function coverage(size: number, scale: number): Float64Array {
  const cover = new Float64Array(size * size);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          // Pixel sample -> unit square, scaled about the centre.
          const ux = ((px + (sx + 0.5) / n) / size - 0.5) / scale + 0.5;
          const uy = ((py + (sy + 0.5) / n) / size - 0.5) / scale + 0.5;
          if (insidePolygon([ux, uy], SHIELD) && !nearPolyline([ux, uy], CHECK, CHECK_WIDTH / 2)) hits++;
        }
      }
      cover[py * size + px] = hits / (n * n);
    }
  }
  return cover;
}

/** 192x192: the white symbol on the accent colour, filling the square. */
export function colorIcon(): Buffer {
  const size = 192;
  const cover = coverage(size, 1.05);
  const px = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = cover[i]!;
    for (let k = 0; k < 3; k++) px[i * 4 + k] = Math.round(ACCENT.rgb[k]! * (1 - c) + 255 * c);
    px[i * 4 + 3] = 255;
  }
  return encodePng(size, size, px);
}

/** 32x32: the symbol in white, everything else fully transparent. */
export function outlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size, 1.45);
  const px = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    // White everywhere, the symbol drawn by alpha alone: a validator that reads the colour of
    // transparent pixels still finds only white.
    px.set([255, 255, 255, Math.round(cover[i]! * 255)], i * 4);
  }
  return encodePng(size, size, px);
}

export const APP_PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'appPackage');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(APP_PACKAGE_DIR, 'color.png'), colorIcon());
  writeFileSync(join(APP_PACKAGE_DIR, 'outline.png'), outlineIcon());
  process.stdout.write(`Wrote color.png and outline.png to ${APP_PACKAGE_DIR}\n`);
}
