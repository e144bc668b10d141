/** What Lumbung's PDFs (lot and product labels, the surat jalan) share: page sizes, colours, text, QR. */
import QRCode from "qrcode";

/** ISO 216 A6 in PostScript points (105 × 148 mm): fits a thermal label printer and a sack. */
export const A6: [number, number] = [297.64, 419.53];
export const A4: [number, number] = [595.28, 841.89];
export const INK = "#1a1a1a";
export const MUTED = "#5b5b5b";
export const BRAND = "#2f6b2f";

/**
 * QR error correction M (15 %): a sack label gets scuffed, and M keeps a Digital Link of ~70
 * characters at version 4–5, whose modules stay large enough for a cheap phone camera.
 */
export const QR_OPTIONS = { errorCorrectionLevel: "M" } as const;

/**
 * Standard PDF fonts speak WinAnsi only; anything outside it (rare in Kemendagri names) would print
 * as garbage, so it is replaced by its closest ASCII form. Line breaks are kept.
 */
export function printable(text: string): string {
  return text
    .replaceAll("→", "->")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\n\x20-\x7e\u00a0-\u00ff–—‘’“”…•·]/g, "?");
}

/** Ends the document and resolves with its bytes. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/**
 * Draws a QR code as vector squares: sharp at any printer resolution, and a few hundred bytes.
 * `quiet` is the margin in modules: 4 as ISO/IEC 18004 asks on a label, less inside a ruled table cell.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, quiet = 4) {
  const { modules } = QRCode.create(text, QR_OPTIONS);
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // A hair of overlap so neighbouring squares do not show seams in some viewers.
      if (modules.get(row, col)) {
        doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.05, cell + 0.05);
      }
    }
  }
  doc.fill("#000000").restore();
}
