/**
 * Draws the Teams app icons into manifest/teams/ (run once; the PNGs are
 * committed): color.png 192x192, full colour, and outline.png 32x32, white
 * on transparent, as the Teams manifest asks. A ring with a forward arrow
 * ("the flow goes on"), encoded with node:zlib: nothing is downloaded.
 *   npx tsx scripts/teams-icons.ts
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Pixel = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of size x size from a pixel function (coordinates in 0..1). */
export function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0;
    for (let x = 0; x < size; x++) rows.set(pixel((x + 0.5) / size, (y + 0.5) / size), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The mark: a ring and a right-pointing arrow head inside it. */
function mark(x: number, y: number): boolean {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.33 && r < 0.42;
  const arrow = dx > -0.12 && dx < 0.18 && Math.abs(dy) < 0.2 * (1 - (dx + 0.12) / 0.3);
  return ring || arrow;
}

const BLUE: Pixel = [0x25, 0x63, 0xeb, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(
    "manifest/teams/color.png",
    png(192, (x, y) => (mark(x, y) ? WHITE : BLUE)),
  );
  writeFileSync(
    "manifest/teams/outline.png",
    png(32, (x, y) => (mark(x, y) ? WHITE : CLEAR)),
  );
}
