/**
 * Renders the app's PNG icons from the SVG sources in web/public (for the web app manifest and iOS,
 * which want PNG): icon-192.png, icon-512.png, icon-maskable-512.png (safe zone kept by the SVG) and
 * apple-touch-icon.png (180 px). The PNGs are committed; run again after changing an SVG:
 *
 *   npx tsx scripts/icons.ts
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const PUBLIC = fileURLToPath(new URL("../web/public/", import.meta.url));

const OUTPUTS: { source: string; file: string; size: number; flatten?: boolean }[] = [
  { source: "icon.svg", file: "icon-192.png", size: 192 },
  { source: "icon.svg", file: "icon-512.png", size: 512 },
  { source: "icon-maskable.svg", file: "icon-maskable-512.png", size: 512 },
  // iOS puts its own rounded mask on a square, opaque icon.
  { source: "icon-maskable.svg", file: "apple-touch-icon.png", size: 180, flatten: true },
];

for (const out of OUTPUTS) {
  const svg = await readFile(path.join(PUBLIC, out.source));
  let image = sharp(svg, { density: Math.ceil((72 * out.size) / 64) }).resize(out.size, out.size);
  if (out.flatten) image = image.flatten({ background: "#0f6e5a" });
  const info = await image.png({ compressionLevel: 9 }).toFile(path.join(PUBLIC, out.file));
  console.log(`${out.file}: ${info.width}×${info.height}, ${info.size} bytes`);
}
